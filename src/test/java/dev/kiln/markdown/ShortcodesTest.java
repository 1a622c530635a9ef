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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hugo's shortcodes left in a post are errors at their place, saying what to write; code shows them as written. */
class ShortcodesTest {

    private static final MarkdownRenderer QUICK = new MarkdownRenderer(new TokenHighlighter());
    private static final MarkdownRenderer FLEXMARK = new MarkdownRenderer(new TokenHighlighter(), false);
    private static final String PATH = "content/posts/x.md";

    /** The problems of {@code markdown} as a page's body from its first line, as Kiln's own parsers and flexmark's find them. */
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
    void aFigureIsAnErrorAtItsPlaceSayingToWriteAnImage() {
        assertEquals(List.of(PATH + ":3:1: Hugo shortcode {{< figure >}}: Kiln has no shortcodes and would print it as "
                        + "text; write the image in Markdown, ![A cat](/images/x.png), or, to keep its caption, as HTML: "
                        + "<figure><img src=\"/images/x.png\" alt=\"A cat\"><figcaption>A cat</figcaption></figure>"),
                problems("Intro.\n\n{{< figure src=\"/images/x.png\" title=\"A cat\" >}}\n"));
        assertEquals(List.of(PATH + ":1:7: Hugo shortcode {{< figure >}}: Kiln has no shortcodes and would print it as "
                        + "text; write the image in Markdown, ![Dog](dog.jpg), or as an <img> in HTML"),
                problems("Look: {{<figure src=dog.jpg alt=\"Dog\">}}\n"));
    }

    @Test
    void aFiguresSuggestedHtmlHoldsItsCaptionsMarkdownRenderedAndItsAltAsPlainTextAsHugoWritesThem() {
        // Hugo's figure markdownifies the caption, and its alt is the caption as plain text: pasted as it was, the
        // suggestion showed [(source)](https://...) to readers, in the caption and in the alt.
        String problem = problems("{{< figure src=\"images/m.png\" caption=\"Table *spec* & \\\"more\\\" "
                + "[(source)](https://example.org/spec#overview).\" >}}\n").get(0);
        String html = problem.substring(problem.indexOf("as HTML: ") + "as HTML: ".length());
        assertEquals("<figure><img src=\"images/m.png\" alt=\"Table spec &amp; &quot;more&quot; (source).\"><figcaption>"
                + "Table <em>spec</em> &amp; &ldquo;more&rdquo; <a href=\"https://example.org/spec#overview\">(source)</a>."
                + "</figcaption></figure>", html);
        // Pasted in its place, the page shows the link, and the alt no Markdown.
        Element figure = body(html + "\n").selectFirst("figure");
        assertEquals("https://example.org/spec#overview", figure.selectFirst("figcaption a").attr("href"));
        assertEquals("Table spec & \"more\" (source).", figure.selectFirst("img").attr("alt"));
        // An alt of its own is its alt, as written, attribute-escaped.
        String own = problems("{{< figure src=\"a.png\" alt=\"A \\\"b\\\" & c\" caption=\"**Bold**\" >}}\n").get(0);
        assertTrue(own.endsWith("<figure><img src=\"a.png\" alt=\"A &quot;b&quot; &amp; c\"><figcaption><strong>Bold"
                + "</strong></figcaption></figure>"), own);
    }

    @Test
    void aHighlightIsAnErrorSayingToWriteAFencedBlockWithItsLanguage() {
        assertEquals(List.of(PATH + ":2:1: Hugo shortcode {{< highlight >}}: Kiln has no shortcodes and would print it as "
                        + "text; write the code as a fenced code block: ```go on a line of its own in place of "
                        + "{{< highlight go >}}, and ``` in place of {{< /highlight >}}"),
                problems("Code:\n{{< highlight go >}}\nfmt.Println(\"hi -- there...\")\n{{< /highlight >}}\n"));
    }

    @Test
    void aHighlightInsideAListSaysToIndentTheFencesToTheItemsText() {
        // jonnung's post: fences at column 1, as the message said, split one list into six and showed the next
        // nested item, "    - [Format Specifier](...)", as an indented code block of raw Markdown.
        String list = """
                - conversion flag:
                    - [Conversion Flag](https://example.com/a)
                {{< highlight python >}}
                f'{bar!r}'
                {{< /highlight >}}
                    - [Format Specifier](https://example.com/b)

                  more of the item's text

                {{< highlight python >}}
                x
                {{< /highlight >}}
                """;
        List<String> found = problems(list);
        assertEquals(2, found.size(), found.toString());
        assertTrue(found.get(0).startsWith(PATH + ":3:1: "), found.get(0));
        assertTrue(found.get(0).endsWith("in place of {{< /highlight >}}; it sits in a list, where a fence at the line's"
                + " start ends the list: indent the two fences and the code between them by 6 spaces, to the list"
                + " item's text, to keep the code in the item as Hugo did"), found.get(0));
        // Below the outer item's text and a blank line, at the line's start, it is outside the list in Hugo.
        assertFalse(found.get(1).contains("list"), found.get(1));
        assertTrue(problems("1. one\n{{< highlight go >}}\nx\n{{< /highlight >}}\n").get(0).contains("by 3 spaces"));
        assertFalse(problems("Text.\n\n{{< highlight go >}}\nx\n{{< /highlight >}}\n").get(0).contains("list"));
    }

    @Test
    void aHighlightBelowAListAndABlankLineIsOutsideTheListAsInHugoUnlessIndentedToTheItemsText() {
        // matbesancon's benders post: the blank line ends the list in Hugo, which wrote the code after </ul>; the
        // advice to indent the fences moved the code into the last item.
        assertEquals(List.of(PATH + ":5:1: Hugo shortcode {{< highlight >}}: Kiln has no shortcodes and would print it as "
                        + "text; write the code as a fenced code block: ```julia on a line of its own in place of "
                        + "{{< highlight julia >}}, and ``` in place of {{< /highlight >}}"),
                problems("1. Optimize\n- If yes, stop.\n- If no, add a cut.\n\n{{< highlight julia >}}\nx = 1\n"
                        + "{{< /highlight >}}\n"));
        // Indented to the item's text, it is in the item, as Hugo had it; its code at the line's start too.
        assertEquals(List.of(PATH + ":3:3: Hugo shortcode {{< highlight >}}: Kiln has no shortcodes and would print it as "
                        + "text; write the code as a fenced code block: ```go on a line of its own in place of "
                        + "{{< highlight go >}}, and ``` in place of {{< /highlight >}}; it sits in a list, where a fence at "
                        + "the line's start ends the list: indent the two fences and the code between them by 2 spaces, "
                        + "to the list item's text, to keep the code in the item as Hugo did"),
                problems("- a\n\n  {{< highlight go >}}\ny\n{{< /highlight >}}\n"));
        // Indented to the outer item's text only, below a nested list: in the outer item.
        assertTrue(problems("- a\n  - b\n\n  {{< highlight go >}}\ny\n{{< /highlight >}}\n").get(0)
                .contains("by 2 spaces"));
    }

    @Test
    void aHighlightWithLinenosSaysToWriteItAfterTheFencesLanguageAndThatItsOtherOptionsGo() {
        assertEquals(List.of(PATH + ":1:1: Hugo shortcode {{< highlight >}}: Kiln has no shortcodes and would print it as "
                        + "text; write the code as a fenced code block: ```go linenos on a line of its own in place of "
                        + "{{< highlight go >}}, and ``` in place of {{< /highlight >}} (Kiln marks no lines: "
                        + "its other options go)"),
                problems("{{< highlight go \"linenos=table,hl_lines=2\" >}}\nx := 1\n{{< /highlight >}}\n"));
        assertEquals(List.of(PATH + ":1:1: Hugo shortcode {{< highlight >}}: Kiln has no shortcodes and would print it as "
                        + "text; write the code as a fenced code block: ```go linenos on a line of its own in place of "
                        + "{{< highlight go >}}, and ``` in place of {{< /highlight >}}"),
                problems("{{< highlight go \"linenos=inline\" >}}\nx := 1\n{{< /highlight >}}\n"));
        assertEquals(List.of(PATH + ":1:1: Hugo shortcode {{< highlight >}}: Kiln has no shortcodes and would print it as "
                        + "text; write the code as a fenced code block: ```go on a line of its own in place of "
                        + "{{< highlight go >}}, and ``` in place of {{< /highlight >}} (Kiln marks no lines: "
                        + "its options go)"),
                problems("{{< highlight go \"linenos=false,hl_lines=2\" >}}\nx := 1\n{{< /highlight >}}\n"));
    }

    @Test
    void aRefIsAnErrorSayingToLinkToThePagesUrlAndAnyOtherSaysWhatToWrite() {
        assertEquals(List.of(
                        PATH + ":1:13: Hugo shortcode {{< ref >}}: Kiln has no shortcodes and would print it as text; write "
                                + "the URL of the page other.md in its place, as a Markdown link to it: for a page published at "
                                + "/posts/other/, [text](/posts/other/) (its permalink, which its front matter or site.yml's "
                                + "permalink decides; kiln check reports a link to no page)",
                        PATH + ":1:41: Hugo shortcode {{% notice %}}: Kiln has no shortcodes and would print it as text; "
                                + "write the HTML or Markdown it stood for in its place, up to its {{% /notice %}}",
                        PATH + ":3:1: Hugo shortcode {{< youtube >}}: Kiln has no shortcodes and would print it as text; "
                                + "write the HTML Hugo's youtube wrote in its place: <div style=\"position: relative; "
                                + "padding-bottom: 56.25%; height: 0; overflow: hidden;\"><iframe "
                                + "src=\"https://www.youtube.com/embed/w7Ft2ymGmfc\" style=\"position: absolute; top: 0; "
                                + "left: 0; width: 100%; height: 100%; border:0;\" allowfullscreen title=\"YouTube Video\">"
                                + "</iframe></div> (with Hugo's privacy.youTube.privacyEnhanced, www.youtube-nocookie.com "
                                + "in place of www.youtube.com)",
                        PATH + ":4:1: Hugo shortcode {{< relref >}}: Kiln has no shortcodes and would print it as text; write "
                                + "the URL of the page /posts/b.md in its place, as a Markdown link to it: for a page published at "
                                + "/posts/other/, [text](/posts/other/) (its permalink, which its front matter or site.yml's "
                                + "permalink decides; kiln check reports a link to no page)"),
                problems("See [other]({{< ref \"other.md\" >}}) and {{% notice info %}}Careful{{% /notice %}}.\n\n"
                        + "{{< youtube w7Ft2ymGmfc >}}\n{{< relref path=\"/posts/b.md\" >}}\n"));
    }

    @Test
    void hugosEmbedsAreErrorsGivingTheHtmlHugoWroteForThem() {
        // rtdevx's {{< youtube >}}, matbesancon's {{< tweet >}}: the author had to find Hugo's templates.
        String said = ": Kiln has no shortcodes and would print it as text; write the HTML Hugo's ";
        String box = "<div style=\"position: relative; padding-bottom: 56.25%; height: 0; overflow: hidden;\">";
        String fill = "style=\"position: absolute; top: 0; left: 0; width: 100%; height: 100%; border:0;\" ";
        assertEquals(List.of(
                        PATH + ":1:1: Hugo shortcode {{< youtube >}}" + said + "youtube wrote in its place: " + box
                                + "<iframe src=\"https://www.youtube.com/embed/MX4yy1dTVYg\" " + fill + "allowfullscreen "
                                + "title=\"YouTube Video\"></iframe></div> (with Hugo's privacy.youTube.privacyEnhanced, "
                                + "www.youtube-nocookie.com in place of www.youtube.com)",
                        PATH + ":3:1: Hugo shortcode {{< youtube >}}" + said + "youtube wrote in its place: <div "
                                + "class=\"vid\"><iframe src=\"https://www.youtube.com/embed/abc?autoplay=1\" "
                                + "allowfullscreen title=\"My &quot;talk&quot;\"></iframe></div> (with Hugo's "
                                + "privacy.youTube.privacyEnhanced, www.youtube-nocookie.com in place of www.youtube.com)",
                        PATH + ":5:1: Hugo shortcode {{< vimeo >}}" + said + "vimeo wrote in its place: " + box
                                + "<iframe src=\"https://player.vimeo.com/video/146022717\" " + fill + "title=\"vimeo "
                                + "video\" webkitallowfullscreen mozallowfullscreen allowfullscreen></iframe></div>",
                        PATH + ":7:1: Hugo shortcode {{< vimeo >}}" + said + "vimeo wrote in its place: <div class=\"v\">"
                                + "<iframe src=\"https://player.vimeo.com/video/1\" title=\"T\" webkitallowfullscreen "
                                + "mozallowfullscreen allowfullscreen></iframe></div>",
                        PATH + ":9:1: Hugo shortcode {{< gist >}}" + said + "gist wrote in its place: <script "
                                + "type=\"application/javascript\" src=\"https://gist.github.com/spf13/7896402.js"
                                + "?file=img.html\"></script>",
                        PATH + ":11:1: Hugo shortcode {{< tweet >}}" + said + "tweet wrote in its place: <blockquote "
                                + "class=\"twitter-tweet\"><a href=\"https://twitter.com/x/status/1124375711194722304\">"
                                + "</a></blockquote><script async src=\"https://platform.twitter.com/widgets.js\" "
                                + "charset=\"utf-8\"></script> (Twitter's script shows the tweet there, as in Hugo's embed)",
                        PATH + ":13:1: Hugo shortcode {{< tweet >}}" + said + "tweet wrote in its place: <blockquote "
                                + "class=\"twitter-tweet\"><a href=\"https://twitter.com/SanDiegoZoo/status/145\">"
                                + "</a></blockquote><script async src=\"https://platform.twitter.com/widgets.js\" "
                                + "charset=\"utf-8\"></script> (Twitter's script shows the tweet there, as in Hugo's embed)",
                        PATH + ":15:1: Hugo shortcode {{< gist >}}: Kiln has no shortcodes and would print it as text; "
                                + "write the HTML or Markdown it stood for in its place"),
                problems("{{< youtube MX4yy1dTVYg >}}\n\n{{< youtube id=\"abc\" class=\"vid\" autoplay=\"true\" "
                        + "title=\"My \\\"talk\\\"\" >}}\n\n{{< vimeo 146022717 >}}\n\n"
                        + "{{< vimeo id=\"1\" class=\"v\" title=\"T\" >}}\n\n{{< gist spf13 7896402 \"img.html\" >}}\n\n"
                        + "{{< tweet 1124375711194722304 >}}\n\n{{< tweet user=\"SanDiegoZoo\" id=\"145\" >}}\n\n"
                        + "{{< gist >}}\n"));
        // Pasted in its place, the page holds the frame.
        assertEquals("https://www.youtube.com/embed/MX4yy1dTVYg", body(box + "<iframe "
                + "src=\"https://www.youtube.com/embed/MX4yy1dTVYg\" " + fill + "allowfullscreen title=\"YouTube Video\">"
                + "</iframe></div>\n").selectFirst("div > iframe").attr("src"));
    }

    @Test
    void aShortcodeIsToldOfItsClosingOneOnlyWhenTheNextOfItsNameIsOne() {
        // rtdevx's post: a URL below that held "/icon" was taken for a {{< /icon >}} the file did not have.
        String own = "write the HTML or Markdown it stood for in its place";
        assertEquals(List.of(PATH + ":1:1: Hugo shortcode {{< icon >}}: Kiln has no shortcodes and would print it as "
                        + "text; " + own),
                problems("{{< icon \"circle-info\" >}} list of available icons:\n\n"
                        + "- https://jpanther.github.io/congo/samples/icons/\n"));
        assertEquals(List.of(PATH + ":1:1: Hugo shortcode {{< badge >}}: Kiln has no shortcodes and would print it as "
                        + "text; " + own,
                        PATH + ":3:1: Hugo shortcode {{< badge >}}: Kiln has no shortcodes and would print it as "
                        + "text; " + own + ", up to its {{< /badge >}}",
                        PATH + ":5:1: Hugo shortcode {{% badges %}}: Kiln has no shortcodes and would print it as "
                        + "text; " + own),
                problems("{{< badge new >}}\n\n{{< badge >}}Hot{{</badge>}}\n\n{{% badges %}} a/badge/b\n"));
    }

    @Test
    void aShortcodeInRawHtmlIsAnErrorTooForHugoExpandedItThere() {
        assertEquals(List.of(PATH + ":2:6: Hugo shortcode {{< param >}}: Kiln has no shortcodes and would print it as text; "
                        + "write the HTML or Markdown it stood for in its place"),
                problems("<div>\n  <p>{{< param \"author\" >}}</p>\n</div>\n"));
    }

    @Test
    void shortcodesInRawHtmlCodeElementsAreShownAsWritten() {
        // Each was an error, though code shows {{< as written: an author documenting Hugo writes them there.
        Element body = body("""
                <pre><code>{{< my-shortcode >}}</code></pre>

                <PRE class="x">
                {{% notice "info" %}}

                </PRE>

                Inline <code>{{< ref other >}}</code>.

                <script>var s = "{{< x >}}";</script>

                <style>/* {{< z >}} */</style>

                <textarea>{{< y >}}</textarea>
                """);
        assertEquals("{{< my-shortcode >}}", body.selectFirst("pre code").text());
        assertEquals("{{< ref other >}}", body.selectFirst("p code").text());
        assertTrue(body.selectFirst("pre.x").text().contains("{{% notice \"info\" %}}"), body.html());
        assertEquals("var s = \"{{< x >}}\";", body.selectFirst("script").data());
        assertEquals("{{< y >}}", body.selectFirst("textarea").text());

        // After a code element's end tag, and in other raw HTML, a shortcode is still Hugo's.
        assertEquals(List.of(PATH + ":1:28: Hugo shortcode {{< x >}}: Kiln has no shortcodes and would print it as text; "
                        + "write the HTML or Markdown it stood for in its place",
                        PATH + ":3:17: Hugo shortcode {{< y >}}: Kiln has no shortcodes and would print it as text; "
                        + "write the HTML or Markdown it stood for in its place"),
                problems("<code>{{< a >}}</code> and {{< x >}}.\n\n<div><pre></pre>{{< y >}}</div>\n"));
    }

    @Test
    void hugosEscapedShortcodeIsAnErrorSayingToShowItAsCode() {
        assertEquals(List.of(PATH + ":1:7: Hugo's escaped shortcode {{</* figure src=\"a.png\" */>}} would be printed as "
                        + "written, comment marks and all: Kiln has no shortcodes, so show {{< figure src=\"a.png\" >}} as "
                        + "code, `{{< figure src=\"a.png\" >}}` (or write \\{{< figure src=\"a.png\" >}})"),
                problems("Write {{</* figure src=\"a.png\" */>}} in Hugo.\n"));
    }

    @Test
    void shortcodesInCodeInCommentsOrEscapedAreShownAsWrittenWithoutTypography() {
        Element body = body("""
                Use `{{< figure src="x.png" >}}` or \\{{< ref "a.md" >}}. <!-- {{< todo >}} -->

                ```go
                {{< highlight go >}}
                fmt.Println("hi -- there...")
                {{< /highlight >}}
                ```

                    {{% notice %}} in an indented block

                <!--
                {{< comment >}}
                -->
                """);
        assertEquals("{{< figure src=\"x.png\" >}}", body.selectFirst("p code").text());
        assertTrue(body.selectFirst("p").text().contains("or {{< ref “a.md” >}}."), body.html());
        assertEquals("{{< highlight go >}}\nfmt.Println(\"hi -- there...\")\n{{< /highlight >}}\n",
                body.selectFirst("pre code.language-go").wholeText());
        assertEquals("{{% notice %}} in an indented block\n", body.select("pre code").get(1).wholeText());
    }

    @Test
    void bracesThatAreNoShortcodeStayText() {
        Element body = body("A {{ x }} and {{% of %} and a set {{<}} and {{%}} and {{< unclosed.\n");
        assertEquals("A {{ x }} and {{% of %} and a set {{<}} and {{%}} and {{< unclosed.", body.text());
    }

    @Test
    void hugosLinenosAfterAFencesLanguageNumbersTheLinesItsOtherOptionsAreLeftOutAndTheCodeRendersHighlighted() {
        Element body = body("```go {linenos=table,hl_lines=[2]}\npackage main\n```\n");
        assertEquals("1\n", body.selectFirst("figure.highlight td.gutter pre.lineno").wholeText());
        assertEquals("package main\n", body.selectFirst("figure.highlight td.code pre code.language-go").wholeText());
        assertEquals("package", body.selectFirst("pre code span").text());
        assertEquals(null, body.selectFirst(".hl, mark"), "no line is marked");
    }

    @TempDir
    Path site;

    @TempDir
    Path out;

    @Test
    void aBuildFailsAtTheShortcodesLineInThePostsFileLeavingThePreviousOutput() throws IOException {
        Path post = site.resolve("content/posts/2023-05-01-sc.md");
        Files.createDirectories(post.getParent());
        Files.writeString(post, "---\ntitle: Shortcodes\n---\nIntro.\n");
        Path dest = out.resolve("site");
        assertEquals(0, Kiln.run("build", "--source", site.toString(), "--dest", dest.toString()).code());
        Files.writeString(post, "---\ntitle: Shortcodes\n---\nIntro.\n\n{{< figure src=\"/images/x.png\" >}}\r\n");

        Kiln.assertBuildFails(site, dest, List.of("content/posts/2023-05-01-sc.md:6:1: Hugo shortcode {{< figure >}}: "
                + "Kiln has no shortcodes and would print it as text; write the image in Markdown, "
                + "![what it shows](/images/x.png), or as an <img> in HTML"));
    }
}
