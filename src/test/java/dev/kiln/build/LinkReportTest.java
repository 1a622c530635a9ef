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
    void theBrokenLinksOfASourceAreEachReportedWhereTheirOwnUrlStands() {
        String text = "a [x](/a/b/) and /a/\n\u201cq\u201d /a/b/ /c/\n/x\n/y\n";

        List<Problem> problems = LinkReport.at(source(text), "a.md", Stream.of("/a/", "/a/b/", "/c/", "/zz/", "/a/",
                "/x\n/y").map(url -> new LinkChecker.Broken("p/index.html", url, "", null)).toList(), "");

        String elsewhere = " (on p/index.html), written by a layout or made from a relative link";
        assertEquals(List.of(
                new Problem("a.md", 1, 7, "broken link to /a/ (on p/index.html)"),
                new Problem("a.md", 1, 7, "broken link to /a/b/ (on p/index.html)"),
                new Problem("a.md", 2, 11, "broken link to /c/ (on p/index.html)"),
                new Problem("a.md", 1, 1, "broken link to /zz/" + elsewhere),
                new Problem("a.md", 1, 18, "broken link to /a/ (on p/index.html)"),
                new Problem("a.md", 1, 1, "broken link to /x\n/y" + elsewhere)), problems);
    }

    @Test
    void aUrlBrokenOnSeveralLinesIsReportedAtEachOfThem() {
        String text = "---\ntitle: A\n---\nSee [one](/gone/).\n\n- and [two](/gone/) again\n";

        List<Problem> problems = LinkReport.at(source(text), "a.md", Stream.of("/gone/", "/gone/", "/gone/")
                .map(url -> new LinkChecker.Broken("p/index.html", url, "", null)).toList(), "");

        // The third has no line of its own (a layout wrote it): it is reported where the URL first stands.
        assertEquals(List.of(
                new Problem("a.md", 4, 11, "broken link to /gone/ (on p/index.html)"),
                new Problem("a.md", 6, 13, "broken link to /gone/ (on p/index.html)"),
                new Problem("a.md", 4, 11, "broken link to /gone/ (on p/index.html)")), problems);
    }

    @Test
    void aUrlIsAlsoFoundAsItsAuthorWroteIt() {
        String text = "---\ntitle: A\n---\n[x](/nope/) [y](../nothing/) ![i](missing.png) [c](/caf\u00e9/)\n";
        List<Problem> problems = LinkReport.at(source(text), "a.md", Stream.of("/blog/nope/", "/blog/2020/01/nothing/",
                        "/blog/2020/01/a/missing.png", "/blog/caf%C3%A9/")
                .map(url -> new LinkChecker.Broken("2020/01/a/index.html", url, "", null)).toList(), "/blog");

        // Without the base path, relative to the page, decoded.
        assertEquals(List.of("4:5", "4:17", "4:35", "4:52"),
                problems.stream().map(p -> p.line() + ":" + p.column()).toList());
    }

    @Test
    void aUrlIsNamedAsItsAuthorWroteItThenAsPublished() {
        // Finding 11 of the s28 new-user test: the message named /blog/nope/, which no search of the file finds.
        String text = "---\ntitle: A\n---\n[x](/nope/) [y](../nothing/) ![i](</my pic.png>) [z](/blog/as-is/)\n";
        List<Problem> problems = LinkReport.at(source(text), "a.md", Stream.of("/blog/nope/", "/blog/2020/01/nothing/",
                        "/blog/my%20pic.png", "/blog/as-is/", "/blog/by-a-layout/")
                .map(url -> new LinkChecker.Broken("2020/01/a/index.html", url, "", null)).toList(), "/blog");

        assertEquals(List.of(
                "a.md:4:5: broken link to /nope/ (published as /blog/nope/; on 2020/01/a/index.html)",
                "a.md:4:17: broken link to ../nothing/ (published as /blog/2020/01/nothing/; on 2020/01/a/index.html)",
                "a.md:4:36: broken link to /my pic.png (published as /blog/my%20pic.png; on 2020/01/a/index.html)",
                "a.md:4:54: broken link to /blog/as-is/ (on 2020/01/a/index.html)",
                "a.md:1:1: broken link to /blog/by-a-layout/ (on 2020/01/a/index.html), written by a layout or made"
                        + " from a relative link"),
                problems.stream().map(Problem::toString).toList());
    }

    @Test
    void aUrlWrittenWithTheBasePathAsHugoNeedsItSaysToWriteItWithout() {
        // Finding 17 of the s29 Hugo test: /blog/about/ became /blog/blog/about/, with no word of why.
        // Only where the URL without the base path leads somewhere: /blog/nothere/ would be told to write /nothere/,
        // another broken link.
        String text = "---\ntitle: A\n---\nSee [about](/blog/about/) and [x](/blogger/) and [y](/blog/nothere/).\n";
        List<Problem> problems = LinkReport.at(source(text), "a.md", Stream.of("/blog/blog/about/", "/blog/blogger/",
                        "/blog/blog/nothere/").map(url -> new LinkChecker.Broken("2020/01/a/index.html", url, "", null))
                .toList(), "/blog", url -> url.equals("/about/"));

        assertEquals(List.of(
                "a.md:4:13: broken link to /blog/about/: it starts with the base path /blog, which Kiln puts in front"
                        + " of every link from the site root: write /about/ (published as /blog/blog/about/; on "
                        + "2020/01/a/index.html)",
                "a.md:4:35: broken link to /blogger/ (published as /blog/blogger/; on 2020/01/a/index.html)",
                "a.md:4:54: broken link to /blog/nothere/ (published as /blog/blog/nothere/; on 2020/01/a/index.html)"),
                problems.stream().map(Problem::toString).toList());
    }

    @Test
    void aRootRelativeUrlIsWrittenRelativeToAPage() {
        assertEquals("../b/", LinkReport.relative("2020/a/index.html", "/2020/b/"));
        assertEquals("x.png", LinkReport.relative("2020/a/index.html", "/2020/a/x.png"));
        assertEquals("../../c/d.html", LinkReport.relative("2020/a/index.html", "/c/d.html"));
        assertEquals("a/", LinkReport.relative("about.html", "/a/"));
        assertEquals(null, LinkReport.relative("about.html", "https://x/"));
    }

    @Test
    void eachUrlIsFoundWhereAPlainSearchOfTheTextFindsIt() {
        java.util.Random random = new java.util.Random(6);
        String[] pieces = {"/", "/a", "/a/", "/ab/", "a", "b", " ", "\n", "\r", "\r\n", "\u00e9", "\u201c", "\uD83D\uDE80", "]("};
        for (int round = 0; round < 2_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            List<String> urls = new java.util.ArrayList<>();
            for (int i = random.nextInt(5); i >= 0; i--) {
                StringBuilder url = new StringBuilder();
                for (int j = random.nextInt(4); j >= 0; j--) {
                    url.append(pieces[random.nextInt(pieces.length)]);
                }
                urls.add(url.toString());
            }
            String t = text.toString();
            List<Problem> found = LinkReport.at(source(t), "a.md",
                    urls.stream().map(url -> new LinkChecker.Broken("p", url, "", null)).toList(), "");
            for (int i = 0; i < urls.size(); i++) {
                String url = urls.get(i);
                int repeat = java.util.Collections.frequency(urls.subList(0, i), url);
                // Not found as written, a root-relative URL is looked for relative to the page, at the root here.
                String relative = url.startsWith("/") && !url.startsWith("//") ? url.substring(1) : "";
                String expected = expected(t, url, repeat);
                if (expected == null && !relative.isEmpty()) {
                    expected = expected(t, relative, repeat);
                }
                expected = expected == null ? "1:1" : expected;
                assertEquals(expected, found.get(i).line() + ":" + found.get(i).column(), "url '" + url + "' in '" + t + "'");
            }
        }
    }

    /**
     * Line and column of the {@code repeat}th {@code url} after the first in {@code text} by a plain search (of
     * the first when there are fewer; "1:1" for no URL; null when there is none).
     */
    private static String expected(String text, String url, int repeat) {
        if (url.isEmpty()) {
            return "1:1";
        }
        int at = url.contains("\n") || url.contains("\r") ? -1 : text.indexOf(url);
        if (at < 0) {
            return null;
        }
        for (int next = at, r = 0; r < repeat && next >= 0; r++) {
            next = url.isEmpty() ? -1 : text.indexOf(url, next + 1);
            if (r == repeat - 1 && next >= 0) {
                at = next;
            }
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                line++;
                lineStart = i + 1;
            }
        }
        return line + ":" + (at - lineStart + 1);
    }

    private static LinkReport.Source source(String text) {
        return new LinkReport.Source(text.getBytes(StandardCharsets.UTF_8));
    }
}
