package dev.kiln.markdown;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A script right below a line that opened an HTML block ({@code <div id="chart"></div>}), with a blank line inside:
 * CommonMark ends the block there and renders the rest of the script as Markdown, so the page breaks; a warning at the
 * script says to put a blank line before it.
 */
class CutScriptsTest {

    private static List<BodyProblems.At> warnings(String markdown) {
        return BodyWarnings.of(markdown);
    }

    @Test
    void aScriptCutByABlankLineInsideADivsBlockIsWarnedOfAtItsTag() {
        String markdown = "Text.\n\n<div id=\"vis3\"></div>\n<script type=\"text/javascript\">\n\nspec = \"/s.json\";\n\n"
                + "</script>\n\n<section></section>\n<STYLE>\n\np { color: red }\n</style>\n";

        assertEquals(List.of(new BodyProblems.At(markdown.indexOf("<script"), "<script> is inside the HTML block that a "
                        + "line above opened, which ends at the first blank line: the rest of the script, up to </script>, is "
                        + "rendered as Markdown and breaks; put a blank line before the <script> line, so that it starts a "
                        + "block of its own"),
                new BodyProblems.At(markdown.indexOf("<STYLE"), "<STYLE> is inside the HTML block that a line above "
                        + "opened, which ends at the first blank line: the rest of the style, up to </style>, is rendered as "
                        + "Markdown and breaks; put a blank line before the <STYLE> line, so that it starts a block of its "
                        + "own")), warnings(markdown));
    }

    /** The warning at {@code tag} ({@code <script}) of a block that {@code opener} opened, with {@code advice}. */
    private static String cut(String tag, String opener, String advice) {
        return tag + "> is inside the HTML block that " + opener + " opened, which ends at the first blank line: the "
                + "rest of the " + (tag.equalsIgnoreCase("<script") ? "script" : "style") + ", up to </"
                + tag.substring(1).toLowerCase(java.util.Locale.ROOT) + ">, is rendered as Markdown and breaks; " + advice
                + ", so that it starts a block of its own";
    }

    @Test
    void aSecondScriptOfTheBlockIsWarnedOfThoughTheFirstClosedOnItsLine() {
        // A chart embed as usually written: the library, then the inline code with a blank line in it.
        String markdown = "<div id=\"chart\"></div>\n<script src=\"https://cdn.jsdelivr.net/npm/chart.js\"></script>\n"
                + "<script>\nconst data = {\"a\": 1};\n\nnew Chart(\"chart\", data);\n</script>\n";

        assertEquals(List.of(new BodyProblems.At(markdown.indexOf("<script>"), cut("<script", "a line above",
                "put a blank line before the <script> line"))), warnings(markdown));
        // Two on one line, the second cut.
        String oneLine = "<div id=\"c\"></div>\n<script src=\"x.js\"></script><script>\nvar a;\n\nb(a);\n</script>\n";
        assertEquals(List.of(new BodyProblems.At(oneLine.indexOf("<script>"), cut("<script", "a line above",
                "put the <script> on a line of its own, after a blank line"))), warnings(oneLine));
    }

    @Test
    void aScriptIndentedInsideADivIsWarnedOfSayingToUnindentIt() {
        String markdown = "<div class=\"embed\">\n    <script>\n      var x = \"y\";\n\n      draw(x);\n    </script>\n"
                + "</div>\n";

        assertEquals(List.of(new BodyProblems.At(markdown.indexOf("<script"), cut("<script", "a line above",
                "put a blank line before the <script> line and take its indentation away (4 spaces in, after a blank "
                        + "line, it would start a code block)"))), warnings(markdown));
        // Two or three spaces in: a blank line before it is enough.
        String less = "<div class=\"embed\">\n  <style>\n  p { color: red }\n\n  </style>\n</div>\n";
        assertEquals(List.of(new BodyProblems.At(less.indexOf("<style"), cut("<style", "a line above",
                "put a blank line before the <style> line"))), warnings(less));
    }

    @Test
    void aScriptOnTheDivsOwnLineIsWarnedOfSayingToPutItOnALineOfItsOwn() {
        String markdown = "<div id=\"c5\"></div><script>\nvar v = 1;\n\ndraw(v);\n</script>\n";

        assertEquals(List.of(new BodyProblems.At(markdown.indexOf("<script"), cut("<script", "the <div> before it",
                "put the <script> on a line of its own, after a blank line"))), warnings(markdown));
    }

    @Test
    void inAQuoteTheLineBeforeTheScriptIsOneHoldingOnlyTheQuotesMark() {
        // A blank line would end the quote: the line to put there is ">" alone.
        String markdown = "> <div id=\"c4\"></div>\n> <script>\n> var a = \"b\";\n>\n> draw(a);\n> </script>\n";
        assertEquals(List.of(new BodyProblems.At(markdown.indexOf("<script"), cut("<script", "a line above",
                "put a line holding only > before the <script> line"))), warnings(markdown));
        String nested = "> > <div id=\"c4\"></div>\n> > <script>\n> > var a;\n> >\n> > draw(a);\n> > </script>\n";
        assertEquals(List.of(new BodyProblems.At(nested.indexOf("<script"), cut("<script", "a line above",
                "put a line holding only > > before the <script> line"))), warnings(nested));
        // In a list item a blank line keeps the item.
        String item = "- <div id=\"c4\"></div>\n  <script>\n  var a;\n\n  draw(a);\n  </script>\n";
        assertEquals(List.of(new BodyProblems.At(item.indexOf("<script"), cut("<script", "a line above",
                "put a blank line before the <script> line"))), warnings(item));
    }

    @Test
    void scriptsThatStartTheirBlockOrAreWholeInItAreNotWarnedOf() {
        assertEquals(List.of(), warnings("<div id=\"a\"></div>\n\n<script>\n\nvar a = \"b\";\n</script>\n"));
        assertEquals(List.of(), warnings("Text.\n<script>\n\nvar a = \"b\";\n</script>\n"));
        assertEquals(List.of(), warnings("<div id=\"a\"></div>\n<script>\nvar a = \"b\";\n</script>\n\nMore.\n"));
        assertEquals(List.of(), warnings("```html\n<div id=\"a\"></div>\n<script>\n\nvar a;\n</script>\n```\n"));
        assertEquals(List.of(), warnings("<div>\n<p>Use a <script> tag</p>\n\n</div>\n"));
        // A <style in a whole script's code is no tag.
        assertEquals(List.of(), warnings("<div id=\"a\"></div>\n<script>\nvar s = \"<style>\";\n</script>\n\n"
                + "<style>\n\np { color: red }\n</style>\n"));
        // CommonMark reads a block that a script opens to its end tag, blank lines and all.
        assertEquals(List.of(), warnings("<script>\nvar a;\n\nb(a);\n</script>\n"));
        assertEquals(List.of(), warnings("<div id=\"a\"></div><script src=\"x.js\"></script>\n<script>var a;</script>\n\n"
                + "<script>\n\nb();\n</script>\n"));
    }
}
