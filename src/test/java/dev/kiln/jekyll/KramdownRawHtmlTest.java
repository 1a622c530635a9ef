package dev.kiln.jekyll;

import dev.kiln.highlight.Highlighter;
import dev.kiln.markdown.MarkdownRenderer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Block elements kramdown 2.4 (Jekyll's GFM input, no parse_block_html) keeps raw, blank lines and all: each case's
 * HTML from kramdown is in the comment beside it.
 */
class KramdownRawHtmlTest {

    private final MarkdownRenderer markdown = new MarkdownRenderer(Highlighter.plain());

    private String convert(String text) {
        return KramdownRawHtml.convert(text, markdown::code);
    }

    private String html(String text) {
        return markdown.render(convert(text)).trim();
    }

    @Test
    void anIndentedImageInADivIsHtmlNotCode() {
        // <div class="row">\n  <div class="col">\n\n    <img src="/a.png" alt="a" />\n\n  </div>\n</div>
        String text = "<div class=\"row\">\n  <div class=\"col\">\n\n    <img src=\"/a.png\" alt=\"a\">\n\n  </div>\n</div>\n";
        assertEquals("<div class=\"row\">\n  <div class=\"col\">\n<!-- -->\n    <img src=\"/a.png\" alt=\"a\">\n<!-- -->\n"
                + "  </div>\n</div>\n", convert(text));
        assertEquals("<div class=\"row\">\n  <div class=\"col\">\n<!-- -->\n    <img src=\"/a.png\" alt=\"a\">\n<!-- -->\n"
                + "  </div>\n</div>", html(text));
    }

    @Test
    void anEndTagInACommentEndsNothing() {
        // kramdown: <div>\n<!-- </div> -->\n\n**d**\n</div> (the element raw to its real end tag)
        assertEquals("<div>\n<!-- </div> -->\n<!-- -->\n**d**\n</div>",
                html("<div>\n<!-- </div> -->\n\n**d**\n</div>\n"));
        assertEquals("<div>\n<!-- a\n</div> -->\n<!-- -->\n**d**\n</div>",
                html("<div>\n<!-- a\n</div> -->\n\n**d**\n</div>\n"));
    }

    @Test
    void markdownAfterABlankLineInDetailsStaysText() {
        // <details>\n<summary>Spoiler</summary>\n\nThe answer is **42**.\n\n</details>\n<p>after</p>
        assertEquals("<details>\n<summary>Spoiler</summary>\n<!-- -->\nThe answer is **42**.\n<!-- -->\n</details>\n"
                + "<p>after</p>", html("<details>\n<summary>Spoiler</summary>\n\nThe answer is **42**.\n\n</details>\nafter\n"));
        // <p>Para</p>\n<div>\n\n*x*\n\n</div>: a block element's start tag ends a paragraph
        assertEquals("<p>Para</p>\n<div>\n<!-- -->\n*x*\n<!-- -->\n</div>", html("Para\n<div>\n\n*x*\n\n</div>\n"));
        // <ul><li><p>item</p><div>\n\n*y*\n\n</div></li></ul>
        assertEquals("- item\n\n  <div>\n  <!-- -->\n  *y*\n  <!-- -->\n  </div>\n",
                convert("- item\n\n  <div>\n\n  *y*\n\n  </div>\n"));
    }

    @Test
    void aScriptRightAfterAOneLineDivStartsItsOwnBlock() {
        // kramdown: <div id="vis3"></div>\n<script>\n\nspec_uri = "/x.json";\n\n</script>\n<p>More</p>: the div ends
        // at its end tag, the script is raw to </script>. CommonMark's HTML block opened by <div would end at the
        // script's blank line, and its code would be a paragraph with curly quotes: a blank line before it.
        String text = "<div id=\"vis3\"></div>\n<script type=\"text/javascript\">\n\nspec_uri = \"/x.json\";\n\n"
                + "</script>\n\nMore\n";
        assertEquals("<div id=\"vis3\"></div>\n\n<script type=\"text/javascript\">\n\nspec_uri = \"/x.json\";\n\n"
                + "</script>\n\nMore\n", convert(text));
        assertEquals("<div id=\"vis3\"></div>\n<script type=\"text/javascript\">\n\nspec_uri = \"/x.json\";\n\n"
                + "</script>\n<p>More</p>", html(text));
        // <style> and <pre> alike; one without a blank line inside is one block with the div already, as written.
        assertEquals("<section id=\"s\"></section>\n<style>\n\np { color: red }\n</style>\n<p>Text</p>\n"
                + "<pre>\n\n  x\n</pre>", html("<section id=\"s\"></section>\n<style>\n\np { color: red }\n</style>\nText\n"
                + "<pre>\n\n  x\n</pre>\n"));
        String whole = "<div id=\"v\"></div>\n<script>\nvar a = \"b\";\n</script>\n";
        assertEquals(whole, convert(whole));
        // In a list item, a blank line would make the list loose: left as written.
        String item = "- a\n  <div></div>\n  <script>\n\n  x\n  </script>\n";
        assertEquals(item, convert(item));
    }

    @Test
    void codeSpanElementsMarkdownAttributesAndRawTextAreLeftAlone() {
        String text = "```\n<div>\n\n*x*\n\n</div>\n```\n\n<span>a</span>\n\n*b*\n\n<div markdown=\"1\">\n\n*c*\n\n</div>\n\n"
                + "<pre>\n<div>\n\n</div>\n</pre>\n\n<!--\n<div>\n\n-->\n";
        assertEquals(text, convert(text));
    }
}
