package dev.kiln.jekyll;

import dev.kiln.highlight.Highlighter;
import dev.kiln.markdown.MarkdownRenderer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What kramdown 2.4 with Jekyll's GFM input shows as text and Kiln's Markdown would read as syntax: each case's
 * HTML from kramdown is in the comment beside it.
 */
class KramdownTextTest {

    private final MarkdownRenderer markdown = new MarkdownRenderer(Highlighter.plain());

    private String convert(String text) {
        return KramdownText.convert(text, markdown::bareLinks, markdown::listParens);
    }

    private String html(String text) {
        return markdown.render(convert(text)).trim();
    }

    @Test
    void bareUrlsWwwAndMailAddressesStayText() {
        // <p>See https://example.com/docs for details, www.example.com and a@b.com.</p>
        assertEquals("See https&#58;//example.com/docs for details, www&#46;example.com and a&#64;b.com.",
                convert("See https://example.com/docs for details, www.example.com and a@b.com."));
        assertEquals("<p>See https://example.com/docs for details, www.example.com and a@b.com.</p>",
                html("See https://example.com/docs for details, www.example.com and a@b.com."));
        // <p>Visit http://www.both.com/x and mailto:x@y.com today.</p>
        assertEquals("<p>Visit http://www.both.com/x and mailto:x@y.com today.</p>",
                html("Visit http://www.both.com/x and mailto:x@y.com today."));
    }

    @Test
    void linksWithSyntaxCodeAndLiquidAreLeftAsWritten() {
        String text = "[https://a.com](https://a.com) <https://b.com> [r][r] `https://c.com` {{ 'https://d.com' }}\n\n"
                + "[r]: https://e.com\n";
        assertEquals(text, convert(text));
    }

    @Test
    void aParenthesisListMarkerIsText() {
        // <p>1) first\n2) second</p>
        assertEquals("1\\) first\n2\\) second\n", convert("1) first\n2) second\n"));
        assertEquals("<p>1) first\n2) second</p>", html("1) first\n2) second\n"));
        // <ul><li><p>a</p><p>1) nested</p></li></ul>
        assertEquals("- a\n\n  1\\) nested\n", convert("- a\n\n  1) nested\n"));
        assertEquals("1. dot\n", convert("1. dot\n"));
    }
}
