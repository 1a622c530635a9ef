package dev.kiln.markdown;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fenced code block never closed runs to the end of the page (CommonMark's rule, which Kiln keeps): the page is
 * rendered so, with a warning at the opening fence.
 */
class UnclosedFenceTest {

    private static List<BodyProblems.At> warnings(String markdown) {
        return BodyWarnings.of(markdown);
    }

    @Test
    void aFenceNeverClosedIsWarnedOfAtItsOpeningFenceAndTheRestIsStillCode() {
        String markdown = "Intro.\n\n```js\nconst x = 1;\n\nMore prose. See [nothing](/nope/).\n";

        assertEquals(List.of(new BodyProblems.At(markdown.indexOf("```"), "code block opened here is never closed:"
                + " the rest of the page (3 lines) is code; close it with ``` on a line of its own")), warnings(markdown));
        MarkdownRenderer.Rendered rendered = BodyWarnings.QUICK.renderPage(markdown, "/x/", "", u -> u);
        String html = rendered.finished() != null ? rendered.finished().html() : rendered.html();
        assertTrue(html.contains("<pre") && html.contains("nothing") && !html.contains("href=\"/nope/\""), html);
    }

    @Test
    void theWarningNamesTheFenceToCloseItWith() {
        String markdown = "Intro.\n\n  ~~~~\ncode\n";

        assertEquals(List.of(new BodyProblems.At(markdown.indexOf("~~~~"), "code block opened here is never closed:"
                + " the rest of the page (1 line) is code; close it with ~~~~ on a line of its own")), warnings(markdown));
    }

    @Test
    void blankLinesAtThePagesEndAreNotCountedAsCode() {
        String markdown = "Intro.\n\n```js\nint x;\nint y;\n\n\n\n";

        assertEquals(List.of(new BodyProblems.At(markdown.indexOf("```"), "code block opened here is never closed:"
                + " the rest of the page (2 lines) is code; close it with ``` on a line of its own")), warnings(markdown));
    }

    @Test
    void aFenceOnThePagesLastLineIsWarnedOfToo() {
        String markdown = "Intro.\n\n```";

        assertEquals(List.of(new BodyProblems.At(8, "code block opened here is never closed; close it with ```"
                + " on a line of its own")), warnings(markdown));
    }

    @Test
    void closedFencesAndFencesEndedByTheirListItemOrQuoteAreNot() {
        assertEquals(List.of(), warnings("Intro.\n\n```js\nconst x = 1;\n```\n\nAfter.\n"));
        assertEquals(List.of(), warnings("Intro.\n\n```js\nconst x = 1;\n```"));
        assertEquals(List.of(), warnings("- item\n\n  ```\n  code\n\nAfter the list.\n"));
        assertEquals(List.of(), warnings("> ```\n> code\n\nAfter the quote.\n"));
        assertEquals(List.of(), warnings("No fence at all.\n"));
    }

    @Test
    void theOffsetIsOfTheTextAsWrittenWhenKramdownSyntaxIsRewritten() {
        String markdown = "* TOC\n{:toc}\n\n## One\n{: .note}\n\nIntro.\n\n```\ncode\n";

        List<BodyProblems.At> warnings = warnings(markdown);

        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals(markdown.indexOf("```"), warnings.get(0).offset());
    }
}
