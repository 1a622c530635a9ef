package dev.kiln.content;

/**
 * Where a page lives: {@code url} is what links point to ({@code /about/}, {@code /my-post}) and
 * {@code outputPath} the file written for it ({@code about/index.html}, {@code my-post.html}).
 */
public record Route(String url, String outputPath) {

    /** File types a permalink may end in and keep as they are; any other name gets {@code .html}. */
    private static final java.util.regex.Pattern KEPT_EXTENSION = java.util.regex.Pattern.compile(
            "\\.(html?|xml|json|txt|rss|atom|css|js|webmanifest)$", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** Whether {@code url} starts with a scheme ({@code https:}, {@code mailto:}): a letter, then letters, digits, + - . up to a colon. */
    public static boolean hasScheme(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == ':') {
                return i > 0;
            }
            boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
            if (!(letter || i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'))) {
                return false;
            }
        }
        return false;
    }

    /**
     * The route of a URL path by GitHub Pages' rules: {@code /a/} → {@code a/index.html}; {@code /a} →
     * {@code a.html} served at {@code /a}; {@code /a.xml} → {@code a.xml} (html, xml, json, txt, rss,
     * atom, css, js and webmanifest names are kept).
     */
    public static Route ofPath(String path) {
        String decoded = path;
        if (decoded.endsWith("/")) {
            return new Route(encode(decoded), decoded.substring(1) + "index.html");
        }
        if (KEPT_EXTENSION.matcher(decoded).find()) {
            return new Route(encode(decoded), decoded.substring(1));
        }
        // Like Jekyll, '/release-1.2' is written as release-1.2.html and served at /release-1.2.
        return new Route(encode(decoded), decoded.substring(1) + ".html");
    }

    /**
     * Percent-encodes what may not stand in a URL path (spaces, quotes, controls, and '?' and '#', which
     * would end the path); keeps other letters.
     */
    static String encode(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (char c : path.toCharArray()) {
            if (c <= ' ' || c == '"' || c == '<' || c == '>' || c == '`' || c == '{' || c == '}' || c == '|'
                    || c == '^' || c == '%' || c == '?' || c == '#' || c == 127) {
                out.append('%').append(String.format("%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
