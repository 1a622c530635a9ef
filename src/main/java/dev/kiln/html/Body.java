package dev.kiln.html;

import java.util.List;

/**
 * The final HTML of a post or page body with what layouts need from it: the excerpt (HTML and plain
 * text), the table of contents for the layout ("" when the page has no headings, or places its own
 * with {@code [TOC]}) and the word count.
 */
public record Body(String html, String excerptHtml, String excerptText, String tocHtml, List<Heading> headings,
                   int words) {

    public Body {
        headings = List.copyOf(headings);
    }

    /** Minutes to read at 200 words a minute, at least one. */
    public int readingMinutes() {
        return Math.max(1, (words + 199) / 200);
    }

    /** A heading of the body: its level (2–6), id and text. */
    public record Heading(int level, String id, String text) {}
}
