package dev.kiln.build;

import dev.kiln.error.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where a broken link is reported: the line and column of the source that holds its URL. */
class LinkReportTest {

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", "\r"})
    void aLinkIsReportedAtItsLineAndColumnWhateverTheLineEndings(String eol) {
        String text = String.join(eol, "---", "title: A", "---", "", "See [this](/nope/) and [that](/gone/).",
                "/start/ of a line");

        assertEquals(new Problem("a.md", 5, 12, "m"), LinkReport.at(source(text), "a.md", "/nope/", "m"));
        assertEquals(new Problem("a.md", 5, 31, "m"), LinkReport.at(source(text), "a.md", "/gone/", "m"));
        assertEquals(new Problem("a.md", 6, 1, "m"), LinkReport.at(source(text), "a.md", "/start/", "m"));
    }

    @Test
    void theFirstLineThatHoldsTheUrlIsTheOneReported() {
        String text = "a /x/\n\nb /x/\n";

        assertEquals(new Problem("a.md", 1, 3, "m"), LinkReport.at(source(text), "a.md", "/x/", "m"));
    }

    @Test
    void columnsCountCharactersAsJavaDoesNotBytes() {
        String text = "Caf\u00e9 \u201cquoted\u201d \uD83D\uDE80 [x](/r\u00e9sum\u00e9/)";

        assertEquals(new Problem("a.md", 1, text.indexOf("/r") + 1, "m"),
                LinkReport.at(source(text), "a.md", "/r\u00e9sum\u00e9/", "m"));
    }

    @Test
    void aUrlTheSourceDoesNotHoldIsReportedAtTheFileWithWhy() {
        Problem problem = LinkReport.at(source("[x](../up/)\n"), "a.md", "/up/x/", "broken link to /up/x/");

        assertEquals(new Problem("a.md", 1, 1,
                "broken link to /up/x/, written by a layout or made from a relative link"), problem);
    }

    @Test
    void aUrlWithALineBreakIsNeverFoundAcrossTwoLines() {
        assertEquals(new Problem("a.md", 1, 1, "m, written by a layout or made from a relative link"),
                LinkReport.at(source("a /x\n/y"), "a.md", "/x\n/y", "m"));
    }

    private static LinkReport.Source source(String text) {
        return LinkReport.Source.of(text.getBytes(StandardCharsets.UTF_8));
    }
}
