package dev.kiln.layout;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ids a layout writes as they stand in its text ({@code <main id="main-content">}), and in the templates it
 * extends, includes, embeds or imports, found by reading the templates rather than rendering them: a page's
 * headings leave these ids to the layout, so that each id stands once on the page and a {@code #fragment} leads
 * to the heading it names. An id made by an expression ({@code id="year-{{ year }}"}) is not known before the page
 * is laid out: the link check reports it when a heading has it too.
 */
final class LayoutIds {

    /**
     * An id attribute in an HTML start tag, its value quoted or not; not {@code data-id} nor {@code aria-...}, nor an
     * {@code id = "x"} of a {@code {% set %}} or a script, which no element of the page has.
     */
    private static final Pattern ID = Pattern.compile(
            "(?i)<[a-z][^<>]*?\\sid\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`{}]+))");
    /** A template named by a string in {@code extends}, {@code include}, {@code embed}, {@code import} or {@code from}. */
    private static final Pattern USES = Pattern.compile(
            "\\{%-?\\s*(?:extends|include|embed|import|from)\\s+(?:\"([^\"]+)\"|'([^']+)')");
    private static final Pattern COMMENT = Pattern.compile("(?s)\\{#.*?#}");

    private LayoutIds() {}

    /**
     * The literal ids of layout {@code name} and of the templates it uses, whose texts {@code textOf} gives by
     * Pebble's name (null or "" for none); sorted, unmodifiable.
     */
    static Set<String> of(String name, Function<String, String> textOf) {
        Set<String> ids = new TreeSet<>();
        Set<String> seen = new HashSet<>();
        Deque<String> toRead = new ArrayDeque<>();
        toRead.add(name);
        while (!toRead.isEmpty()) {
            String template = toRead.pop();
            if (!seen.add(template)) {
                continue; // an include loop, or a partial included twice
            }
            String text = textOf.apply(template);
            if (text == null || text.isEmpty()) {
                continue;
            }
            text = COMMENT.matcher(text).replaceAll("");
            Matcher id = ID.matcher(text);
            while (id.find()) {
                String value = id.group(1) != null ? id.group(1) : id.group(2) != null ? id.group(2) : id.group(3);
                if (!value.isEmpty() && !value.contains("{{") && !value.contains("{%")) {
                    ids.add(value);
                }
            }
            Matcher uses = USES.matcher(text);
            while (uses.find()) {
                toRead.add(resolved(template, uses.group(1) != null ? uses.group(1) : uses.group(2)));
            }
        }
        return java.util.Collections.unmodifiableSet(ids);
    }

    /** {@code used} as Pebble finds it from {@code template}: a {@code ./} or {@code ../} name from its folder. */
    private static String resolved(String template, String used) {
        if (!used.startsWith("./") && !used.startsWith("../")) {
            return used;
        }
        Deque<String> parts = new ArrayDeque<>();
        String[] from = template.split("/");
        for (int i = 0; i < from.length - 1; i++) {
            parts.addLast(from[i]);
        }
        for (String part : used.split("/")) {
            if (part.equals("..")) {
                parts.pollLast();
            } else if (!part.equals(".") && !part.isEmpty()) {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }
}
