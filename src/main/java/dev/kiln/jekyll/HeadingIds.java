package dev.kiln.jekyll;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps kramdown's heading ids where a post links to them: a heading whose kramdown id is the target of a
 * {@code #fragment} link in the same text or, from another page, in a link to this page's URL, and which Kiln's GitHub-style id would name otherwise (Jekyll's default
 * GFM input makes GitHub-style ids too; sites with {@code kramdown: {input: kramdown}} have kramdown's), gets
 * {@code {#id}}, unless a link names its GitHub-style id as well.
 */
public final class HeadingIds {

    private static final Pattern FRAGMENT = Pattern.compile("(?:\\]\\(|href=[\"'])#([^)\"'\\s]+)");
    private static final Pattern HEADING = Pattern.compile("(?m)^(#{1,6})[ \\t]+(.+?)[ \\t]*#*[ \\t]*$");
    /** A setext heading: a line of text underlined with {@code =} or {@code -}. */
    private static final Pattern SETEXT = Pattern.compile("(?m)^([^\\s#>|`~*+-][^\\n]*?)[ \\t]*\\n(=+|-+)[ \\t]*$");
    /** A link to another page with a fragment, as Markdown or HTML: the URL and the fragment. */
    private static final Pattern FRAGMENT_ELSEWHERE = Pattern.compile("(?:\\]\\(|href=[\"'])([^)#\"'\\s]+)#([^)\"'\\s]+)");

    private HeadingIds() {}

    /** {@code markdown} with {@code {#id}} added to each heading that needs it; counts nothing else. */
    public static String pin(String markdown) {
        return pin(markdown, Set.of());
    }

    /**
     * {@code markdown} with {@code {#id}} added to each heading that needs it, counting the fragments that
     * other pages' links ask of this page ({@code linkedFromElsewhere}) too.
     */
    public static String pin(String markdown, Set<String> linkedFromElsewhere) {
        Set<String> linked = new HashSet<>(linkedFromElsewhere);
        Matcher f = FRAGMENT.matcher(markdown);
        while (f.find()) {
            linked.add(f.group(1));
        }
        if (linked.isEmpty()) {
            return markdown;
        }
        String atx = replace(HEADING.matcher(markdown), 2, linked, (h, text, id) -> h.group(1) + " " + text + " {#" + id + "}");
        return replace(SETEXT.matcher(atx), 1, linked, (h, text, id) -> text + " {#" + id + "}\n" + h.group(2));
    }

    private interface Rewrite {
        String heading(Matcher h, String text, String id);
    }

    private static String replace(Matcher h, int textGroup, Set<String> linked, Rewrite rewrite) {
        StringBuilder out = new StringBuilder();
        while (h.find()) {
            String text = h.group(textGroup);
            String replacement = h.group();
            if (!text.contains("{#") && !text.contains("{:") && !text.contains("<a ")) {
                String id = kramdown(text);
                String github = github(text);
                if (linked.contains(id) && !id.equals(github) && !linked.contains(github)) {
                    replacement = rewrite.heading(h, text, id);
                }
            }
            h.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        h.appendTail(out);
        return out.toString();
    }

    /**
     * For each URL that a link in {@code text} leads to with a {@code #fragment}, the fragments asked of
     * it; {@code page} maps a link as written to the URL of the page it reaches (null: not a page).
     */
    public static void collectFragments(String text, java.util.function.UnaryOperator<String> page,
                                        java.util.Map<String, Set<String>> into) {
        Matcher m = FRAGMENT_ELSEWHERE.matcher(text);
        while (m.find()) {
            String url = page.apply(m.group(1));
            if (url != null) {
                into.computeIfAbsent(url, u -> new HashSet<>()).add(m.group(2));
            }
        }
    }

    /** kramdown's id: the text without markup, leading non-letters dropped, only a-z 0-9 space and dash, dashed. */
    static String kramdown(String heading) {
        String id = plain(heading).replaceAll("^[^a-zA-Z]+", "").replaceAll("[^a-zA-Z0-9 -]", "")
                .replace(' ', '-').toLowerCase(Locale.ROOT);
        return id.isEmpty() ? "section" : id;
    }

    /** The GitHub-style id Kiln gives a heading: lower case, punctuation but dashes and underscores dropped. */
    static String github(String heading) {
        return plain(heading).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    private static String plain(String heading) {
        return heading.replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1").replaceAll("<[^>]+>", "")
                .replaceAll("[*`]", "").trim();
    }
}
