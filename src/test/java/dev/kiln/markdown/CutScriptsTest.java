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

    @Test
    void scriptsThatStartTheirBlockOrAreWholeInItAreNotWarnedOf() {
        assertEquals(List.of(), warnings("<div id=\"a\"></div>\n\n<script>\n\nvar a = \"b\";\n</script>\n"));
        assertEquals(List.of(), warnings("Text.\n<script>\n\nvar a = \"b\";\n</script>\n"));
        assertEquals(List.of(), warnings("<div id=\"a\"></div>\n<script>\nvar a = \"b\";\n</script>\n\nMore.\n"));
        assertEquals(List.of(), warnings("```html\n<div id=\"a\"></div>\n<script>\n\nvar a;\n</script>\n```\n"));
        assertEquals(List.of(), warnings("<div>\n<p>Use a <script> tag</p>\n\n</div>\n"));
    }
}
