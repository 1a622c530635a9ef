package dev.kiln.html;

/**
 * Puts a prefix in front of every root-relative URL: a site's base path ({@code /blog}) on finished
 * pages, so that layouts and posts write {@code /assets/x.png} and the site still works under a project
 * path; or its whole root URL on bodies shown away from the site (feeds: {@link FeedBody}). The URLs are
 * those of the attributes that hold one ({@code href}, {@code src}, ...), each candidate of a {@code srcset}, and in
 * CSS, a {@code style} attribute's or a {@code <style>} element's {@code url(...)}, {@code @import "..."} and
 * {@code image-set("...")}.
 */
public final class BasePath {

    private BasePath() {}

    /**
     * {@code html} with {@code basePath} before each root-relative URL; unchanged when the path is empty. The page is
     * read tag by tag, not parsed: only the URLs change, every other byte stays as the layout wrote it (a jsoup parse
     * and print of every page made a site under a project path ~3 times slower to lay out, and its pages differ from
     * the same site's at a domain's root: {@code &copy;} printed as a character, {@code <br/>} as {@code <br>}).
     * The text of {@code <script>}, {@code <textarea>} and {@code <title>} and comments are left alone, as a parse
     * would leave them; a {@code <style>} element's CSS is rewritten.
     */
    public static String apply(String html, String basePath) {
        if (basePath.isEmpty()) {
            return html;
        }
        return prefixed(html, basePath);
    }

    /** {@code html} (a page, or a fragment: a feed entry's body) with {@code prefix} before each root-relative URL. */
    static String prefixed(String html, String prefix) {
        StringBuilder out = null;
        int copied = 0;
        int n = html.length();
        int i = html.indexOf('<');
        while (i >= 0 && i + 1 < n) {
            char c = html.charAt(i + 1);
            if (html.startsWith("<!--", i)) {
                int end = html.indexOf("-->", i + 4);
                i = end < 0 ? -1 : html.indexOf('<', end + 3);
                continue;
            }
            if (!isAsciiLetter(c)) { // </end>, <!doctype>, <?...>, or a < of text
                i = html.indexOf('<', i + 1);
                continue;
            }
            int nameEnd = i + 1;
            while (nameEnd < n && !isSpace(html.charAt(nameEnd)) && html.charAt(nameEnd) != '>'
                    && html.charAt(nameEnd) != '/') {
                nameEnd++;
            }
            String tag = html.substring(i + 1, nameEnd).toLowerCase(java.util.Locale.ROOT);
            // The tag's attributes, up to its >, which a quoted value may hold.
            int at = nameEnd;
            while (at < n && html.charAt(at) != '>') {
                char a = html.charAt(at);
                if (isSpace(a) || a == '/') {
                    at++;
                    continue;
                }
                int keyStart = at;
                while (at < n && !isSpace(html.charAt(at)) && html.charAt(at) != '=' && html.charAt(at) != '>'
                        && !(html.charAt(at) == '/' && at + 1 < n && html.charAt(at + 1) == '>')) {
                    at++;
                }
                String key = html.substring(keyStart, at).toLowerCase(java.util.Locale.ROOT);
                int look = at;
                while (look < n && isSpace(html.charAt(look))) {
                    look++;
                }
                if (look >= n || html.charAt(look) != '=') {
                    continue; // an attribute without a value
                }
                look++;
                while (look < n && isSpace(html.charAt(look))) {
                    look++;
                }
                int valueStart;
                int valueEnd;
                if (look < n && (html.charAt(look) == '"' || html.charAt(look) == '\'')) {
                    valueStart = look + 1;
                    valueEnd = html.indexOf(html.charAt(look), valueStart);
                    if (valueEnd < 0) {
                        valueEnd = n;
                    }
                    at = Math.min(n, valueEnd + 1);
                } else {
                    valueStart = look;
                    valueEnd = look;
                    while (valueEnd < n && !isSpace(html.charAt(valueEnd)) && html.charAt(valueEnd) != '>') {
                        valueEnd++;
                    }
                    at = valueEnd;
                }
                String written = html.substring(valueStart, valueEnd);
                String made = prefixedValue(key, written, prefix, look < n ? html.charAt(look) : '"');
                if (!made.equals(written)) {
                    if (out == null) {
                        out = new StringBuilder(n + 256);
                    }
                    out.append(html, copied, valueStart).append(made);
                    copied = valueEnd;
                }
            }
            int afterTag = Math.min(n, at + 1);
            String closing = switch (tag) {
                case "script", "textarea", "title", "style" -> "</" + tag;
                default -> null;
            };
            if (closing == null) {
                i = html.indexOf('<', afterTag);
                continue;
            }
            int end = indexOfIgnoreCase(html, closing, afterTag);
            int textEnd = end < 0 ? n : end;
            if (tag.equals("style")) {
                String css = html.substring(afterTag, textEnd);
                String made = CssUrls.prefixed(css, prefix);
                if (!made.equals(css)) {
                    if (out == null) {
                        out = new StringBuilder(n + 256);
                    }
                    out.append(html, copied, afterTag).append(made);
                    copied = textEnd;
                }
            }
            i = end < 0 ? -1 : html.indexOf('<', end + 1);
        }
        return out == null ? html : out.append(html, copied, n).toString();
    }

    /**
     * The value of attribute {@code key} as written ({@code written}, in quotes {@code quote} or none) with
     * {@code prefix} before its root-relative URLs; {@code written} itself when it has none. A value holding a
     * character reference is read as a browser reads it, and written back escaped.
     */
    private static String prefixedValue(String key, String written, String prefix, char quote) {
        switch (key) {
            case "href", "src", "poster", "action", "data", "srcset", "style" -> { }
            default -> {
                return written;
            }
        }
        boolean escaped = written.indexOf('&') >= 0;
        String value = escaped ? org.jsoup.parser.Parser.unescapeEntities(written, true) : written;
        String made = switch (key) {
            case "srcset" -> Srcset.prefixed(value, prefix);
            case "style" -> CssUrls.prefixed(value, prefix);
            default -> isRootRelative(value) ? prefix + value : value;
        };
        if (made.equals(value)) {
            return written;
        }
        if (!escaped && made.indexOf(quote) < 0 && made.indexOf('&') < 0) {
            return made;
        }
        StringBuilder out = new StringBuilder(made.length() + 16);
        for (int i = 0; i < made.length(); i++) {
            char c = made.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append(quote == '\'' ? "&#39;" : "'");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    }

    private static int indexOfIgnoreCase(String text, String needle, int from) {
        for (int i = text.indexOf('<', from); i >= 0; i = text.indexOf('<', i + 1)) {
            if (text.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isRootRelative(String url) {
        return url.startsWith("/") && !url.startsWith("//");
    }
}
