package dev.kiln.content;

/**
 * Where a page lives: {@code url} is what links point to ({@code /about/}, {@code /my-post}) and
 * {@code outputPath} the file written for it ({@code about/index.html}, {@code my-post.html}).
 */
public record Route(String url, String outputPath) {

    /**
     * The route of a URL path by GitHub Pages' rules: {@code /a/} → {@code a/index.html}; {@code /a} →
     * {@code a.html} served at {@code /a}; {@code /a.xml} → {@code a.xml}.
     */
    public static Route ofPath(String path) {
        String decoded = path;
        if (decoded.endsWith("/")) {
            return new Route(encode(decoded), decoded.substring(1) + "index.html");
        }
        String last = decoded.substring(decoded.lastIndexOf('/') + 1);
        if (last.contains(".")) {
            return new Route(encode(decoded), decoded.substring(1));
        }
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
