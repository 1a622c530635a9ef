package dev.kiln.jekyll;

import dev.kiln.highlight.Highlighter;
import dev.kiln.markdown.MarkdownRenderer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void aQuotePairedWithNoneAfterAWordIsTheClosingQuoteKramdownMadeOfIt() {
        // <p>(12) 3.5” 6TB and 2.5” SSD, a “2.5” tray, <code>5"</code>, <img src="/a.png" alt="3.5&quot; bay" />,
        // “quoted” 7 and <a title="5">x</a></p>
        String text = "(12) 3.5\" 6TB and 2.5\" SSD, a \"2.5\" tray, `5\"`, ![3.5\" bay](/a.png), \"quoted\" 7 and "
                + "<a title=\"5\">x</a> [l](/u){: title=\"5\"} {{ page.x | default: \"5\" }}";
        String converted = KramdownText.closingQuotes(text, markdown::straightQuotes);
        assertEquals("(12) 3.5” 6TB and 2.5” SSD, a \"2.5\" tray, `5\"`, ![3.5\" bay](/a.png), \"quoted\" 7 and "
                + "<a title=\"5\">x</a> [l](/u){: title=\"5\"} {{ page.x | default: \"5\" }}", converted);
        // <p>a “3.5” bay”. 5" escaped, (“x and “ alone</p>
        assertEquals("a \"3.5\" bay”. 5\\\" escaped, (\"x and \" alone",
                KramdownText.closingQuotes("a \"3.5\" bay\". 5\\\" escaped, (\"x and \" alone", markdown::straightQuotes));
        String html = markdown.render(converted);
        assertTrue(html.startsWith("<p>(12) 3.5” 6TB and 2.5” SSD, a &ldquo;2.5&rdquo; tray, <code>5&quot;</code>, "
                + "<img src=\"/a.png\" alt=\"3.5&quot; bay\" />, &ldquo;quoted&rdquo; 7"), html);
    }

    @Test
    void aTableOnTheLineRightBelowAParagraphsTextStaysThatParagraphsTextAsInKramdown() {
        // kramdown: <p><strong>Label</strong>:\n| a | b |\n|—|—|\n| 1 | 2 |</p>, and so in a list item; GitHub and Hugo
        // (Kiln's Markdown) read a table there. A table after a blank line is kramdown's too and stays as written.
        String text = "**Label**:\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- item\n  a | b\n  :-|-:\n\n| c | d |\n|---|---|\n| 3 | 4 |\n";
        String converted = KramdownText.paragraphTables(text, markdown::tableInterruptions);
        assertEquals("**Label**:\n| a | b |\n\\|---|---|\n| 1 | 2 |\n\n- item\n  a | b\n  \\:-|-:\n\n| c | d |\n|---|---|\n| 3 | 4 |\n",
                converted);
        String html = markdown.render(converted);
        assertTrue(html.startsWith("<p><strong>Label</strong>:\n| a | b |\n|&mdash;|&mdash;|\n| 1 | 2 |</p>\n"
                + "<ul>\n<li>item\na | b\n:-|-:</li>\n</ul>\n<table>"), html);
        assertEquals(text, KramdownText.paragraphTables(text.replace("**:\n", "**:\n\n").replace("item\n", "item\n\n"),
                markdown::tableInterruptions).replace("**:\n\n", "**:\n").replace("item\n\n", "item\n"));
    }

    @Test
    void aTableBelowABlockAttributeListIsKramdownsTableAndLeftAsWritten() {
        // kramdown: <table class="table">, the list being the table's (Bootstrap-styled blogs), and after a paragraph's
        // text and its list too; the separator row escaped made the table a paragraph of pipes.
        for (String text : List.of("Results:\n\n{: .table}\n| a | b |\n|---|---|\n| 1 | 2 |\n",
                "Text.\n{: .x}\n| a | b |\n|---|---|\n| 1 | 2 |\n", "> {: .table}\n> | a | b |\n> |---|---|\n")) {
            assertEquals(text, KramdownText.paragraphTables(text, markdown::tableInterruptions), text);
        }
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
