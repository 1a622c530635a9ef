package dev.kiln.layout;

import dev.kiln.error.Position;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The block tag of a layout that is never closed ({@code {% if %}} without its {@code {% endif %}}), or the
 * end tag that closes none, found by pairing the layout's tags: Pebble reports such a layout at the tag where
 * it noticed ("Unexpected tag name endblock", lines below), which is not where the author has to write.
 */
final class UnclosedTags {

    /** Pebble's block tags and the tag that ends each. */
    private static final Map<String, String> ENDS = Map.ofEntries(Map.entry("if", "endif"), Map.entry("for", "endfor"),
            Map.entry("block", "endblock"), Map.entry("macro", "endmacro"), Map.entry("filter", "endfilter"),
            Map.entry("autoescape", "endautoescape"), Map.entry("parallel", "endparallel"),
            Map.entry("cache", "endcache"), Map.entry("embed", "endembed"), Map.entry("verbatim", "endverbatim"));
    /**
     * A comment, a verbatim section (whose tags are text), or a tag and its name (a {@code verbatim} that no
     * {@code endverbatim} follows is a tag of its own, never closed).
     */
    private static final Pattern TOKEN = Pattern.compile(
            "\\{#.*?#}|\\{%-?\\s*verbatim\\s*-?%}.*?\\{%-?\\s*endverbatim\\s*-?%}|\\{%-?\\s*([a-z]+)(?:\"[^\"]*\"|'[^']*'|[^%\"']|%(?!}))*?-?%}",
            Pattern.DOTALL);

    /** A problem found: at {@code line} and {@code column} (1-based) of the layout, what is wrong and what to do. */
    record Found(int line, int column, String message) {}

    private record Open(String name, int offset) {}

    private UnclosedTags() {}

    /** Whether {@code name} is the tag that ends one of Pebble's ({@code endif}, {@code endblock}). */
    static boolean isEnd(String name) {
        return ENDS.containsValue(name);
    }

    /** The first tag of {@code text} left unclosed or closing nothing, or null when every tag pairs up. */
    static Found in(String text) {
        Deque<Open> open = new ArrayDeque<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            if (name == null) {
                continue;
            }
            if (ENDS.containsKey(name)) {
                open.push(new Open(name, m.start()));
            } else if (name.startsWith("end") && ENDS.containsValue(name)) {
                if (open.isEmpty()) {
                    return at(text, m.start(), "{% " + name + " %} closes no {% " + name.substring(3)
                            + " %}: remove it, or open the {% " + name.substring(3) + " %} it should close");
                }
                Open top = open.peek();
                if (!ENDS.get(top.name()).equals(name)) {
                    return at(text, top.offset(), unclosed(top) + " before the {% " + name + " %} of line "
                            + Position.of(text, m.start()).line());
                }
                open.pop();
            }
        }
        return open.isEmpty() ? null : at(text, open.peek().offset(), unclosed(open.peek()) + " where it should end");
    }

    private static String unclosed(Open tag) {
        return "{% " + tag.name() + " %} is never closed: add {% " + ENDS.get(tag.name()) + " %}";
    }

    private static Found at(String text, int offset, String message) {
        Position at = Position.of(text, offset);
        return new Found(at.line(), at.column(), message);
    }
}
