package dev.kiln.jekyll;

import dev.kiln.highlight.Highlighter;
import dev.kiln.markdown.MarkdownRenderer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kramdown's extensions as the import converts them, and the HTML Kiln then makes of them: what kramdown 2.4
 * (Jekyll 4.3.1) wrote for each, its comments hidden, its raw HTML untouched by Markdown, code left alone.
 */
class KramdownExtensionsTest {

    private final MarkdownRenderer markdown = new MarkdownRenderer(Highlighter.plain());

    private KramdownExtensions.Result result(String body) {
        return KramdownExtensions.convert("_posts/p.md", body, LineMap.of(body, 4), markdown::code, false);
    }

    private String convert(String body) {
        return result(body).text();
    }

    private String html(String body) {
        return markdown.render(convert(body)).trim();
    }

    @Test
    void aCommentBlockBecomesAnHtmlCommentAndShowsNothing() {
        String body = "Before.\n\n{::comment}\nThis is a hidden note.\nIt has two lines.\n{:/comment}\n\nAfter.\n";
        assertEquals("Before.\n\n<!-- This is a hidden note.\nIt has two lines. -->\n\nAfter.\n", convert(body));
        assertEquals("<p>Before.</p>\n<!-- This is a hidden note.\nIt has two lines. -->\n<p>After.</p>", html(body));
    }

    @Test
    void aCommentInAParagraphIsHiddenInIt() {
        assertEquals("<p>Text <!-- inline note --> after.</p>", html("Text {::comment}inline note{:/comment} after.\n"));
        assertEquals("<p>Text <!-- a - - b --> after.</p>", html("Text {::comment}a -- b{:/} after.\n"),
                "an HTML comment holds no --");
    }

    @Test
    void noMarkdownBecomesRawHtmlThatMarkdownLeavesAlone() {
        String body = "{::nomarkdown}\n<div class=\"raw\">*not emphasis*\n\n<span>after a blank line</span></div>\n"
                + "{:/nomarkdown}\nNext paragraph *em*.\n";
        assertEquals("<div class=\"raw\">*not emphasis*\n<!-- -->\n<span>after a blank line</span></div>\n<p>Next "
                + "paragraph <em>em</em>.</p>", html(body));
        assertEquals("<div>\n$$ a_1 * b_2 $$\n</div>", html("{::nomarkdown}\n$$ a_1 * b_2 $$\n{:/nomarkdown}\n"),
                "text that does not start an HTML block is kept in one");
    }

    @Test
    void noMarkdownInAListItemStaysInIt() {
        assertEquals("<ul>\n<li>\n<p>Item</p>\n<div>\nraw *x*\n<!-- -->\nmore\n</div>\n</li>\n<li>\n<p>Next</p>\n</li>\n</ul>",
                html("- Item\n\n  {::nomarkdown}\n  raw *x*\n\n  more\n  {:/nomarkdown}\n- Next\n"));
    }

    @Test
    void noMarkdownInAParagraphKeepsItsTagsAndItsText() {
        assertEquals("<p>Span <b>*raw*</b> a_b_c end.</p>",
                html("Span {::nomarkdown}<b>*raw*</b> a_b_c{:/nomarkdown} end.\n"));
    }

    @Test
    void rawTextOfAnotherTypeThanHtmlAndEmptyExtensionsAreDropped() {
        assertEquals("A.\n\n\nB.\n", convert("A.\n\n{::nomarkdown type=\"latex\"}\n\\LaTeX only\n{:/}\n\nB.\n"));
        assertEquals("A.\nLast.\n", convert("A.\n{::comment /}\nLast.\n"));
    }

    /**
     * {@code {::options}} is dropped; its {@code parse_block_html} is the page's (followed, as the site's is, so no
     * warning), any other option not at Jekyll's default a warning at its line saying what Kiln does instead.
     */
    @Test
    void optionsAreDroppedTheirParseBlockHtmlFollowedTheOthersAWarningAtTheirLine() {
        KramdownExtensions.Result r = result("A.\n\n{::options parse_block_html=\"true\" toc_levels=\"2..3\" "
                + "parse_span_html=\"true\" /}\n\nB.\n");
        assertEquals("A.\n\n\nB.\n", r.text());
        assertTrue(r.parseBlockHtml());
        assertEquals(List.of("_posts/p.md:6:1: kramdown option toc_levels=\"2..3\" in {::options parse_block_html="
                + "\"true\" toc_levels=\"2..3\" parse_span_html=\"true\" /} is not carried over: Kiln's table of "
                + "contents lists a page's h2–h6 headings"), r.warnings());
        assertFalse(result("{::options parse_block_html=\"false\" /}\n").parseBlockHtml());
        assertFalse(result("{::options parse_block_html=true /}\n").parseBlockHtml(), "kramdown reads quoted values only");
        assertEquals(List.of(), result("{::options parse_block_html=\"1\" /}\n").warnings());
    }

    /**
     * kramdown reads HTML blocks with a page's {@code parse_block_html} from its {@code {::options}} on, Kiln on the
     * whole page: a block element above it is a warning at its tag, saying how to keep what Jekyll showed.
     */
    @Test
    void aBlockElementAboveTheOptionsIsAWarningAtItsTag() {
        KramdownExtensions.Result r = result("<span>s</span>\n\n```\n<div>code</div>\n```\n\n <section>\n*a*\n"
                + "</section>\n\n{::options parse_block_html=\"true\" /}\n\n<div>\n*b*\n</div>\n");
        assertTrue(r.parseBlockHtml());
        assertEquals(List.of("_posts/p.md:10:2: this HTML block is above {::options parse_block_html=\"true\" /} "
                + "(line 14): kramdown read HTML blocks with parse_block_html true from that line on, Kiln on the whole "
                + "page; add markdown=\"0\" to this tag (and to other block elements above line 14) to keep it as "
                + "Jekyll showed it"), r.warnings());
        assertEquals(List.of("_posts/p.md:7:1: {::options parse_block_html=\"false\" /}: kramdown read the HTML "
                + "blocks below it with parse_block_html false, Kiln with the page's first {::options} (line 4), true; "
                + "add markdown=\"0\" to the tags of the block elements below it to keep them as Jekyll showed them"),
                result("{::options parse_block_html=\"true\" /}\n\n<div>\n{::options parse_block_html=\"false\" /}\n"
                        + "</div>\n").warnings());
        assertEquals(List.of(), result("{::options parse_block_html=\"true\" /}\n\n<div>\n*b*\n</div>\n").warnings());
    }

    @Test
    void extensionsInCodeAndWithoutStopTagsStayText() {
        String code = "`{::comment}code{:/comment}`\n\n```\n{::comment}\nfenced\n{:/comment}\n```\n\n"
                + "    {::comment}indented{:/comment}\n";
        assertEquals(code, convert(code));
        assertEquals("{::comment} never closed\n\nA {:/comment}\n", convert("{::comment} never closed\n\nA {:/comment}\n"),
                "a span's stop tag must be in its paragraph");
        assertEquals("{::unknown}x{:/unknown}\n", convert("{::unknown}x{:/unknown}\n"));
    }

    @Test
    void noTextHiddenByKramdownShows() {
        String html = html("Intro.\n\n{::comment}\nSECRET one\n{:/comment}\n\nMid {::comment}SECRET two{:/} text.\n");
        assertFalse(org.jsoup.Jsoup.parse(html).text().contains("SECRET"), html);
        assertTrue(html.contains("Mid"), html);
    }
}
