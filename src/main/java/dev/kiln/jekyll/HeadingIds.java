package dev.kiln.jekyll;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps kramdown's heading ids where a post links to them: a heading whose kramdown id is the target of a
 * {@code #fragment} link in the same text, and which Kiln's GitHub-style id would name otherwise (Jekyll's default
 * GFM input makes GitHub-style ids too; sites with {@code kramdown: {input: kramdown}} have kramdown's), gets
 * {@code {#id}}, unless a link names its GitHub-style id as well.
 */
public final class HeadingIds {

    private static final Pattern FRAGMENT = Pattern.compile("(?:\\]\\(|href=[\"'])#([^)\"'\\s]+)");
    private static final Pattern HEADING = Pattern.compile("(?m)^(#{1,6})[ \\t]+(.+?)[ \\t]*#*[ \\t]*$");

    private HeadingIds() {}

    /** {@code markdown} with {@code {#id}} added to each heading that needs it; counts nothing else. */
    public static String pin(String markdown) {
        Set<String> linked = new HashSet<>();
        Matcher f = FRAGMENT.matcher(markdown);
        while (f.find()) {
            linked.add(f.group(1));
        }
        if (linked.isEmpty()) {
            return markdown;
        }
        Matcher h = HEADING.matcher(markdown);
        StringBuilder out = new StringBuilder();
        while (h.find()) {
            String text = h.group(2);
            String replacement = h.group();
            if (!text.contains("{#") && !text.contains("{:") && !text.contains("<a ")) {
                String id = kramdown(text);
                String github = github(text);
                if (linked.contains(id) && !id.equals(github) && !linked.contains(github)) {
                    replacement = h.group(1) + " " + text + " {#" + id + "}";
                }
            }
            h.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        h.appendTail(out);
        return out.toString();
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
