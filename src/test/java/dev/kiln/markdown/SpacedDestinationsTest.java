package dev.kiln.markdown;

import dev.kiln.error.Problem;
import dev.kiln.highlight.TokenHighlighter;
import dev.kiln.testing.Kiln;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A link or image whose URL holds a space outside pointy brackets ({@code ![photo](/img/My Photo.png)}, kramdown's
 * habit) is an error at its URL, saying how CommonMark writes it; Markdown would show it as text. Finding 4 of the
 * s28 new-user test: the image was silently lost.
 */
class SpacedDestinationsTest {

    private static final MarkdownRenderer QUICK = new MarkdownRenderer(new TokenHighlighter());
    private static final MarkdownRenderer FLEXMARK = new MarkdownRenderer(new TokenHighlighter(), false);
    private static final String PATH = "content/posts/x.md";

    private static List<String> problems(String markdown) {
        List<String> quick = problemsOf(QUICK, markdown);
        assertEquals(quick, problemsOf(FLEXMARK, markdown), "flexmark's parsers find the same: " + markdown);
        return quick;
    }

    private static List<String> problemsOf(MarkdownRenderer renderer, String markdown) {
        BodyProblems e = assertThrows(BodyProblems.class, () -> renderer.renderPage(markdown, "/x/", "", u -> u));
        return e.in(PATH, markdown, 0).stream().map(Problem::toString).toList();
    }

    private static Element body(String markdown) {
        MarkdownRenderer.Rendered both = QUICK.renderPage(markdown, "/x/", "", u -> u);
        FLEXMARK.renderPage(markdown, "/x/", "", u -> u); // refuses nothing either
        String html = both.finished() != null ? both.finished().html() : both.html();
        return Jsoup.parseBodyFragment(html).body();
    }

    @Test
    void anImageOrLinkWithASpaceInItsUrlIsAnErrorAtTheUrlSayingHowToWriteIt() {
        assertEquals(List.of(
                PATH + ":3:10: an image's URL with a space, which Markdown shows as text with its brackets: write "
                        + "](</assets/img/My Photo.png>) (CommonMark takes a space only in <...>) or %20 for each space;"
                        + " \\[ keeps it text",
                PATH + ":3:60: a link's URL with a space, which Markdown shows as text with its brackets: write "
                        + "](<../x y/> \"Its title\") (CommonMark takes a space only in <...>) or %20 for each space;"
                        + " \\[ keeps it text"),
                problems("Intro.\n\n![photo](/assets/img/My Photo.png) and [a **bold** folder](../x y/ \"Its title\").\n"));
    }

    @Test
    void aPageWithKramdownsAttributeListsIsFoundAtItsOwnOffsets() {
        // Kiln rewrites {: .x} before flexmark reads the page: the problem is still where the file has the URL.
        assertEquals(List.of(PATH + ":3:5: a link's URL with a space, which Markdown shows as text with its brackets:"
                        + " write ](</a b/>) (CommonMark takes a space only in <...>) or %20 for each space; \\[ keeps it"
                        + " text"),
                problems("A paragraph.\n{: .lead}\n[x](/a b/)\n"));
    }

    @Test
    void parenthesesInTheUrlAndInTheTextAreReadAsKramdownReadsThem() {
        assertEquals(List.of(PATH + ":1:12: an image's URL with a space, which Markdown shows as text with its"
                        + " brackets: write ](</a (1).png>) (CommonMark takes a space only in <...>) or %20 for each"
                        + " space; \\[ keeps it text"),
                problems("![a [b] c](/a (1).png)\n"));
    }

    @Test
    void whatCommonMarkReadsAndWhatIsNoLinkAreLeftAlone() {
        String markdown = """
                ![photo](</assets/img/My Photo.png>), [t](/a "with a title"), [t]( /spaced/ ), [t](/x 'y' ),
                `[code](/a b)`, <span title="[x](/a b)">html</span>, \\[escaped](/a b), [^1](a b), no ](a b) text,
                a line [broken](/a
                b), and a [link](/real) [nested [link](/a b)](/b), a full reference [the spec][rfc](section 6.5.4) with a
                remark after it.

                [rfc]: https://example.com/rfc

                [^1]: A note.

                Code:

                    [indented](/a b) code
                """;
        for (String paragraph : markdown.split("\n\n")) {
            body(paragraph + "\n"); // one at a time, none of them alone either
        }

        Element body = body(markdown);

        assertEquals("/assets/img/My%20Photo.png", body.selectFirst("img").attr("src"));

        // The spaces of Liquid in a URL are the Liquid's: that is reported as Liquid (LiquidTest), not as a URL.
        List<String> liquid = problems("Liquid ![x]({{ site.baseurl }}/a.png) and [y]({% post_url 2020-01-01-a %}).\n");
        assertEquals(List.of("content/posts/x.md:1:13: Liquid {{ site.baseurl }}", "content/posts/x.md:1:47: Liquid"
                + " {% post_url 2020-01-01-a %}"), liquid.stream().map(p -> p.substring(0, p.indexOf(": Kiln runs"))).toList());
    }

    @TempDir
    Path site;

    @TempDir
    Path out;

    @Test
    void aBuildFailsAtTheUrlsLineAndColumnInThePostsFile() throws IOException {
        Path post = site.resolve("content/posts/2026-12-01-spaces.md");
        Files.createDirectories(post.getParent());
        Files.writeString(post, "---\ntitle: Spaces\n---\nIntro.\n");
        Path dest = out.resolve("site");
        assertEquals(0, Kiln.run("build", "--source", site.toString(), "--dest", dest.toString()).code());
        Files.writeString(post, "---\ntitle: Spaces\n---\n\nKramdown style: ![photo](/assets/img/My Photo.png)\n");

        Kiln.assertBuildFails(site, dest, List.of("content/posts/2026-12-01-spaces.md:5:26: an image's URL with a"
                + " space, which Markdown shows as text with its brackets: write ](</assets/img/My Photo.png>)"
                + " (CommonMark takes a space only in <...>) or %20 for each space; \\[ keeps it text"));
    }
}
