package dev.kiln.content;

import java.nio.charset.StandardCharsets;

/**
 * Where a page lives: {@code url} is what links point to ({@code /about/}, {@code /my-post}) and
 * {@code outputPath} the file written for it ({@code about/index.html}, {@code my-post.html}).
 */
public record Route(String url, String outputPath) {

    /** File types a permalink may end in and keep as they are; any other name gets {@code .html}. */
    private static final java.util.regex.Pattern KEPT_EXTENSION = java.util.regex.Pattern.compile(
            "\\.(html?|xml|json|txt|rss|atom|css|js|webmanifest)$", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** Whether {@code path} ends in a file type that {@link #ofPath} keeps ({@code .html}, {@code .xml}, ...). */
    public static boolean keepsExtension(String path) {
        return KEPT_EXTENSION.matcher(path).find();
    }

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
     * Percent-encodes (as UTF-8) what may not stand in a URL path: spaces of any script, quotes, brackets,
     * controls, {@code %}, and {@code ?} and {@code #}, which would end the path; keeps other letters. What is
     * left is a path the JDK's {@code URI} takes as it is.
     */
    public static String encode(String path) {
        return encoded(path, (text, i, c) -> c < 0x80 ? c <= ' ' || c == 127 || "\"<>`{}|^%?#[]\\".indexOf(c) >= 0
                : Character.isISOControl(c) || Character.isSpaceChar(c));
    }

    /** {@code text} with each of {@code chars} (ASCII) percent-encoded, and nothing else. */
    public static String encodeChars(String text, String chars) {
        return encoded(text, (t, i, c) -> chars.indexOf(c) >= 0);
    }

    /** Which characters of a text {@link #encoded} percent-encodes: {@code c}, at {@code i} of {@code text}. */
    private interface Rule {
        boolean encodes(String text, int i, char c);
    }

    /** {@code text} with the characters {@code rule} names percent-encoded as UTF-8; {@code text} itself when none. */
    private static String encoded(String text, Rule rule) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean encoded = rule.encodes(text, i, c);
            if (encoded && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (encoded) {
                appendEncoded(out, String.valueOf(c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static void appendEncoded(StringBuilder out, String chars) {
        for (byte b : chars.getBytes(StandardCharsets.UTF_8)) {
            out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
    }

    /**
     * {@code url} (a URL as {@link #encode} leaves it) in ASCII: each character past ASCII percent-encoded as UTF-8
     * ({@code /tags/café/} is {@code /tags/caf%C3%A9/}), as a sitemap's URLs must be and as Jekyll writes its URLs.
     */
    public static String ascii(String url) {
        int i = 0;
        while (i < url.length() && url.charAt(i) < 0x80) {
            i++;
        }
        if (i == url.length()) {
            return url;
        }
        StringBuilder out = new StringBuilder(url.length() + 32).append(url, 0, i);
        while (i < url.length()) {
            int c = url.codePointAt(i);
            if (c < 0x80) {
                out.append((char) c);
            } else {
                appendEncoded(out, new String(Character.toChars(c)));
            }
            i += Character.charCount(c);
        }
        return out.toString();
    }

    /**
     * {@code url}, written by an author ({@code image: my photo.png}), as a URL: what may not stand in one
     * percent-encoded as UTF-8 as {@link #encode} does (spaces of any script, quotes, {@code < > \ ^ ` { | }},
     * controls, and brackets but in a URL with a scheme, where they hold an IPv6 host), and a {@code %} that starts
     * no escape; an escape ({@code %20}), {@code ?} and {@code #} and other letters are kept. A URL with nothing to
     * encode is returned itself.
     */
    public static String encodeUrl(String url) {
        boolean brackets = !hasScheme(url);
        return encoded(url, (text, i, c) -> c < 0x80
                ? c <= ' ' || c == 127 || "\"<>`{}|^\\".indexOf(c) >= 0 || brackets && (c == '[' || c == ']')
                        || c == '%' && !(i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2)))
                : Character.isISOControl(c) || Character.isSpaceChar(c));
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
}
