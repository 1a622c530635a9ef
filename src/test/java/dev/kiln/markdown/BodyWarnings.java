package dev.kiln.markdown;

import dev.kiln.highlight.TokenHighlighter;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The warnings Kiln gives a page's Markdown, asserted to be the same from its quick path and from flexmark's. */
final class BodyWarnings {

    static final MarkdownRenderer QUICK = new MarkdownRenderer(new TokenHighlighter());
    private static final MarkdownRenderer FLEXMARK = new MarkdownRenderer(new TokenHighlighter(), false);

    private BodyWarnings() {}

    static List<BodyProblems.At> of(String markdown) {
        List<BodyProblems.At> quick = QUICK.renderPage(markdown, "/x/", "", u -> u).warnings();
        assertEquals(quick, FLEXMARK.renderPage(markdown, "/x/", "", u -> u).warnings(), markdown);
        return quick;
    }
}
