package dev.kiln.html;

import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The URLs of CSS in a page (a {@code style} attribute, a {@code <style>} element's text): each
 * {@code url(...)}, quoted or not, each {@code @import "..."}, and each string that stands for an image in an
 * {@code image-set(...)} (or {@code -webkit-image-set(...)}), where CSS reads {@code "a.png"} as {@code url("a.png")}.
 */
final class CssUrls {

    /**
     * A URL of CSS: its text is group 1, 2 or 3 ({@code url("x")}, {@code url('x')}, {@code url(x)}), 4 or 5
     * ({@code @import}); or, with none of them, the start of an {@code image-set(}, whose arguments are read by hand.
     */
    private static final Pattern URL = Pattern.compile(
            "(?i)url\\(\\s*(?:\"([^\"]*)\"|'([^']*)'|([^)\\s\"']*))\\s*\\)|@import\\s+(?:\"([^\"]*)\"|'([^']*)')"
                    + "|(?<![\\w-])(?:-webkit-)?image-set\\(");

    private CssUrls() {}

    /** Calls {@code visitor} with each URL of {@code css}, in order, as written (CSS escapes are not undone). */
    static void urls(String css, UrlSpans.Visitor visitor) {
        if (css.indexOf('(') < 0 && css.indexOf('@') < 0) {
            return;
        }
        Matcher m = URL.matcher(css);
        int from = 0;
        while (from < css.length() && m.find(from)) {
            from = m.end();
            int g = 1;
            while (g <= 5 && m.start(g) < 0) {
                g++;
            }
            if (g <= 5) {
                visitor.url(m.start(g), m.end(g));
            } else {
                from = imageSet(css, from, m, visitor);
            }
        }
    }

    /**
     * Reads the arguments of an {@code image-set(} from {@code from}, just after its parenthesis: a string
     * among them is a URL, as is a {@code url(...)}; strings in other functions ({@code type("image/avif")}) are
     * not. Returns where the image set ends (after its closing parenthesis, or at the end of the CSS).
     */
    private static int imageSet(String css, int from, Matcher m, UrlSpans.Visitor visitor) {
        int n = css.length();
        int depth = 0;
        int i = from;
        while (i < n) {
            char c = css.charAt(i);
            if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < n && css.charAt(end) != c) {
                    end += css.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end, n);
                if (depth == 0) {
                    visitor.url(i + 1, end);
                }
                i = end + 1;
            } else if (c == '\\') {
                i += 2;
            } else if (depth == 0 && (c == 'u' || c == 'U') && m.region(i, n).lookingAt()) { // a url(...), as at 'u' only it may match
                int g = m.start(1) >= 0 ? 1 : m.start(2) >= 0 ? 2 : 3;
                visitor.url(m.start(g), m.end(g));
                i = m.end();
            } else if (c == '(') {
                depth++;
                i++;
            } else if (c == ')') {
                if (depth == 0) {
                    i++;
                    break;
                }
                depth--;
                i++;
            } else {
                i++;
            }
        }
        m.reset(); // the region set while reading is dropped; the caller finds on from where this ends
        return Math.min(i, n);
    }

    /** Calls {@code each} with each URL of {@code css}, as written (CSS escapes are not undone). */
    static void urls(String css, Consumer<String> each) {
        urls(css, (start, end) -> each.accept(css.substring(start, end)));
    }

    /**
     * {@code css} with each URL replaced by what {@code rewrite} makes of it, escaped for CSS when it differs
     * from the URL; the same string when none does.
     */
    static String rewritten(String css, UnaryOperator<String> rewrite) {
        return UrlSpans.rewritten(css, CssUrls::urls, rewrite, CssUrls::escaped);
    }

    /**
     * Replaces the CSS of a {@code <style>} element by what {@code rewrite} makes of it: its data in HTML, its
     * text inside an {@code <svg>} (CDATA is text too; comments are not CSS).
     */
    static void rewriteStyleElement(Element style, UnaryOperator<String> rewrite) {
        for (Node child : style.childNodes()) {
            if (child instanceof DataNode || child instanceof TextNode) {
                String css = child.nodeValue(); // the whole data or text, unescaped
                String made = rewrite.apply(css);
                if (!made.equals(css)) {
                    if (child instanceof DataNode data) {
                        data.setWholeData(made);
                    } else {
                        ((TextNode) child).text(made);
                    }
                }
            }
        }
    }

    /** {@code css} with {@code prefix} before each root-relative URL; the same string when it has none. */
    static String prefixed(String css, String prefix) {
        if (css.indexOf('/') < 0) {
            return css;
        }
        StringBuilder[] out = {null};
        int[] copied = {0};
        urls(css, (start, end) -> {
            if (end > start && css.charAt(start) == '/' && (end - start == 1 || css.charAt(start + 1) != '/')) { // root-relative
                if (out[0] == null) {
                    out[0] = new StringBuilder(css.length() + 16);
                }
                out[0].append(css, copied[0], start).append(escaped(prefix));
                copied[0] = start; // the URL itself is kept as written
            }
        });
        return out[0] == null ? css : out[0].append(css, copied[0], css.length()).toString();
    }

    /**
     * {@code text} as it may stand in CSS, quoted or not: a parenthesis, quote, backslash or white space
     * (a URL's path may hold parentheses and quotes: {@code /notes(old)}) escaped with a backslash.
     */
    private static String escaped(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean special = c == '(' || c == ')' || c == '\'' || c == '"' || c == '\\' || Character.isWhitespace(c);
            if (special && out == null) {
                out = new StringBuilder(text.length() + 4).append(text, 0, i);
            }
            if (out != null) {
                out.append(special ? "\\" : "").append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
