package dev.kiln.html;

import java.util.function.UnaryOperator;

/**
 * The URLs of a {@code srcset} attribute ({@code /a.png 1x, /b.png 2x}), found as HTML parses image candidate
 * strings: a URL runs to white space, commas at its end end its candidate, and otherwise its descriptors
 * run to the next comma outside parentheses. So a {@code data:} URL's comma stays in its URL.
 */
final class Srcset {

    private Srcset() {}

    static void urls(String value, UrlSpans.Visitor visitor) {
        int n = value.length();
        int i = 0;
        while (i < n) {
            while (i < n && (isSpace(value.charAt(i)) || value.charAt(i) == ',')) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(value.charAt(i))) {
                i++;
            }
            int end = i;
            while (end > start && value.charAt(end - 1) == ',') {
                end--;
            }
            if (end > start) {
                visitor.url(start, end);
            }
            if (end < i) {
                continue; // commas after the URL ended its candidate
            }
            for (int depth = 0; i < n; i++) { // its descriptors, to the comma that ends it
                char c = value.charAt(i);
                if (c == '(') {
                    depth++;
                } else if (c == ')' && depth > 0) {
                    depth--;
                } else if (c == ',' && depth == 0) {
                    i++;
                    break;
                }
            }
        }
    }

    /** {@code value} with each URL replaced by what {@code rewrite} makes of it; the same string when none changes. */
    static String rewritten(String value, UnaryOperator<String> rewrite) {
        return UrlSpans.rewritten(value, Srcset::urls, rewrite, UnaryOperator.identity());
    }

    /** {@code value} with {@code prefix} before each root-relative URL, all else as it was. */
    static String prefixed(String value, String prefix) {
        StringBuilder out = new StringBuilder(value.length() + 2 * prefix.length());
        int[] copied = {0};
        urls(value, (start, end) -> {
            if (value.charAt(start) == '/' && (end - start == 1 || value.charAt(start + 1) != '/')) { // root-relative
                out.append(value, copied[0], start).append(prefix);
                copied[0] = start;
            }
        });
        return out.append(value, copied[0], value.length()).toString();
    }

    /** White space as HTML has it: space, tab, line feed, form feed, carriage return. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }
}
