package dev.kiln.html;

import java.util.function.UnaryOperator;

/** The URLs of a text (a {@code srcset}, a stylesheet) by their characters, and the text with them replaced. */
final class UrlSpans {

    private UrlSpans() {}

    /** Receives each URL as the text's characters {@code [start, end)}, in the order they stand. */
    interface Visitor {
        void url(int start, int end);
    }

    /** Finds the URLs of a text: {@link Srcset#urls}, {@link CssUrls#urls}. */
    interface Finder {
        void urls(String text, Visitor visitor);
    }

    /**
     * {@code text} with each URL {@code finder} finds replaced by what {@code rewrite} makes of it, written by
     * {@code escape} when it differs from the URL; the same string when none does.
     */
    static String rewritten(String text, Finder finder, UnaryOperator<String> rewrite, UnaryOperator<String> escape) {
        StringBuilder[] out = {null};
        int[] copied = {0};
        finder.urls(text, (start, end) -> {
            String url = text.substring(start, end);
            String made = rewrite.apply(url);
            if (!made.equals(url)) {
                if (out[0] == null) {
                    out[0] = new StringBuilder(text.length() + 32);
                }
                out[0].append(text, copied[0], start).append(escape.apply(made));
                copied[0] = end;
            }
        });
        return out[0] == null ? text : out[0].append(text, copied[0], text.length()).toString();
    }
}
