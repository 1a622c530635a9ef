package dev.kiln.build;

import dev.kiln.error.Problem;
import dev.kiln.html.LinkChecker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

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

    @Test
    void theBrokenLinksOfASourceAreEachReportedWhereTheirOwnUrlFirstStands() {
        String text = "a [x](/a/b/) and /a/\n\u201cq\u201d /a/b/ /c/\n/x\n/y\n";

        List<Problem> problems = LinkReport.at(source(text), "a.md", Stream.of("/a/", "/a/b/", "/c/", "/zz/", "/a/",
                "/x\n/y").map(url -> new LinkChecker.Broken("p/index.html", url, "")).toList());

        String elsewhere = " (on p/index.html), written by a layout or made from a relative link";
        assertEquals(List.of(
                new Problem("a.md", 1, 7, "broken link to /a/ (on p/index.html)"),
                new Problem("a.md", 1, 7, "broken link to /a/b/ (on p/index.html)"),
                new Problem("a.md", 2, 11, "broken link to /c/ (on p/index.html)"),
                new Problem("a.md", 1, 1, "broken link to /zz/" + elsewhere),
                new Problem("a.md", 1, 7, "broken link to /a/ (on p/index.html)"),
                new Problem("a.md", 1, 1, "broken link to /x\n/y" + elsewhere)), problems);
    }

    private static LinkReport.Source source(String text) {
        return new LinkReport.Source(text.getBytes(StandardCharsets.UTF_8));
    }
}
