package dev.kiln.html;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The URLs of CSS in a page (a {@code style} attribute, a {@code <style>} element's text): each
 * {@code url(...)}, quoted or not, and each {@code @import "..."}.
 */
final class CssUrls {

    /** A URL of CSS: its text is group 1, 2 or 3 ({@code url("x")}, {@code url('x')}, {@code url(x)}), 4 or 5 ({@code @import}). */
    private static final Pattern URL = Pattern.compile(
            "(?i)url\\(\\s*(?:\"([^\"]*)\"|'([^']*)'|([^)\\s\"']*))\\s*\\)|@import\\s+(?:\"([^\"]*)\"|'([^']*)')");
    /**
     * Where a root-relative URL starts in CSS: after {@code url(} (quoted or not) or {@code @import "}, at a
     * {@code /} that does not start {@code //}. Group 1 is what comes before that slash.
     */
    private static final Pattern ROOT_RELATIVE = Pattern.compile("(?i)(url\\(\\s*[\"']?|@import\\s+[\"'])/(?!/)");

    private CssUrls() {}

    /** Calls {@code each} with each URL of {@code css}, as written (CSS escapes are not undone). */
    static void urls(String css, Consumer<String> each) {
        if (css.indexOf('(') < 0 && css.indexOf('@') < 0) {
            return;
        }
        Matcher m = URL.matcher(css);
        while (m.find()) {
            for (int g = 1; g <= 5; g++) {
                if (m.group(g) != null) {
                    each.accept(m.group(g));
                    break;
                }
            }
        }
    }

    /** {@code css} with {@code prefix} before each root-relative URL; the same string when it has none. */
    static String prefixed(String css, String prefix) {
        if (css.indexOf('/') < 0) {
            return css;
        }
        Matcher m = ROOT_RELATIVE.matcher(css);
        if (!m.find()) {
            return css;
        }
        String escaped = escaped(prefix);
        StringBuilder out = new StringBuilder(css.length() + 16);
        do {
            m.appendReplacement(out, "$1"); // what came before the slash, which the match took
            out.append(escaped).append('/');
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    /**
     * {@code prefix} as it may stand in CSS, quoted or not: a parenthesis, quote, backslash or white space
     * (a URL's path may hold parentheses and quotes: {@code /notes(old)}) escaped with a backslash.
     */
    private static String escaped(String prefix) {
        StringBuilder out = null;
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            boolean special = c == '(' || c == ')' || c == '\'' || c == '"' || c == '\\' || Character.isWhitespace(c);
            if (special && out == null) {
                out = new StringBuilder(prefix.length() + 4).append(prefix, 0, i);
            }
            if (out != null) {
                out.append(special ? "\\" : "").append(c);
            }
        }
        return out == null ? prefix : out.toString();
    }
}
