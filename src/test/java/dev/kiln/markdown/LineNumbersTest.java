package dev.kiln.markdown;

import dev.kiln.build.Build;
import dev.kiln.error.Problem;
import dev.kiln.highlight.TokenHighlighter;
import dev.kiln.html.Body;
import dev.kiln.testing.Kiln;
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

/**
 * A fenced block with {@code linenos} after its language ({@code ```ruby linenos}, Hugo's {@code {linenos=table}})
 * shows its lines numbered, in the table Jekyll's highlight tag writes with Rouge, made valid HTML; a block without
 * the option is written as before.
 */
class LineNumbersTest {

    private static final MarkdownRenderer QUICK = new MarkdownRenderer(new TokenHighlighter());
    private static final MarkdownRenderer FLEXMARK = new MarkdownRenderer(new TokenHighlighter(), false);

    /** The HTML of {@code markdown}, the same from Kiln's own writer and flexmark's, and with flexmark's parsers. */
    private static String html(String markdown) {
        String html = QUICK.render(markdown);
        assertEquals(html, QUICK.renderWithFlexmark(QUICK.parse(markdown)), markdown);
        assertEquals(html, FLEXMARK.render(markdown), markdown);
        return html;
    }

    /** Jekyll's table with {@code numbers} beside {@code code}, its {@code <code>} tag {@code codeTag}. */
    private static String table(String numbers, String codeTag, String code) {
        return "<figure class=\"highlight\"><table class=\"rouge-table\"><tbody><tr><td class=\"gutter gl\">"
                + "<pre class=\"lineno\" aria-hidden=\"true\">" + numbers + "</pre></td><td class=\"code\"><pre>"
                + codeTag + code + "</code></pre></td></tr></tbody></table></figure>\n";
    }

    @Test
    void aHighlightedBlockIsNumberedInJekyllsRougeTableWithItsHighlightingInside() {
        // Jekyll 4.3.1, {% highlight ruby linenos %}: <figure class="highlight"><pre><code class="language-ruby"
        // data-lang="ruby"><table class="rouge-table"><tbody><tr><td class="gutter gl"><pre class="lineno">1\n2\n3\n
        // </pre></td><td class="code"><pre><span class="k">def</span> ...end\n</pre></td></tr></tbody></table></code>
        // </pre></figure>
        assertEquals(table("1\n2\n3\n", "<code class=\"language-ruby\">",
                        "<span class=\"tok-keyword\">def</span> foo\n"
                                + "  <span class=\"tok-function\">puts</span> <span class=\"tok-number\">1</span>\n"
                                + "<span class=\"tok-keyword\">end</span>\n"),
                html("```ruby linenos\ndef foo\n  puts 1\nend\n```\n"));
    }

    @Test
    void aBlockWithoutALanguageOrInOneTheHighlighterDoesNotKnowIsNumberedAsEscapedText() {
        assertEquals(table("1\n2\n", "<code>", "a &lt; b &amp;&amp; c\nd\n"),
                html("``` {linenos=true}\na < b && c\nd\n```\n"));
        assertEquals(table("1\n2\n", "<code class=\"language-klingon\">", "qapla' &lt;b&gt;\nbatlh\n"),
                html("```klingon linenos\nqapla' <b>\nbatlh\n```\n"));
    }

    @Test
    void anEmptyBlockIsOneEmptyLineNumberedOneAsInJekyll() {
        // Jekyll: <td class="gutter gl"><pre class="lineno">1\n</pre></td><td class="code"><pre>\n</pre></td>
        assertEquals(table("1\n", "<code class=\"language-ruby\">", ""), html("```ruby linenos\n```\n"));
    }

    @Test
    void everyLineTheBlockShowsIsNumberedItsBlankLastLineToo() {
        assertEquals(table("1\n2\n3\n", "<code class=\"language-text\">", "x\n\n\n"), html("```text linenos\nx\n\n\n```\n"));
        assertEquals(table("1\n2\n", "<code class=\"language-text\">", "\ny\n"), html("```text linenos\n\ny\n```\n"));
        // A fence the document ends without closing: its last line has no line end, and is numbered all the same.
        assertEquals(table("1\n2\n", "<code class=\"language-text\">", "a\nb"), html("```text linenos\na\nb"));
    }

    @Test
    void jekyllsAndHugosWaysOfAskingForLineNumbersAreOneRendering() {
        String expected = html("```go linenos\nx := 1\n```\n");
        assertEquals(table("1\n", "<code class=\"language-go\">", "x <span class=\"tok-operator\">:=</span> "
                + "<span class=\"tok-number\">1</span>\n"), expected);
        for (String options : List.of("linenos=table", "linenos=inline", "linenos=true", "{linenos=table}",
                "{linenos=true}", "{linenos=inline}", "{ linenos=\"table\" }", "{linenos=table,hl_lines=[2],linenostart=199}",
                "{hl_lines=[8,\"15-17\"] linenos=TRUE}", "{lineNos=table}", "LINENOS", "title=\"x y\" linenos",
                "{linenos=false,linenos=table}")) {
            assertEquals(expected, html("```go " + options + "\nx := 1\n```\n"), options);
        }
        assertEquals(expected, html("```go{linenos=table}\nx := 1\n```\n"));
        assertEquals(expected, html("~~~go linenos\nx := 1\n~~~\n"));
    }

    @Test
    void withoutLinenosOrWithLinenosFalseABlockIsWrittenAsBefore() {
        String plain = "<pre><code class=\"language-go\">x <span class=\"tok-operator\">:=</span> "
                + "<span class=\"tok-number\">1</span>\n</code></pre>\n";
        for (String options : List.of("", "{linenos=false}", "linenos=FALSE", "{hl_lines=[2]}", "{.numberLines}",
                "nolinenos", "linenos_x", "{linenos=table,linenos=false}", "title=\"linenos\"")) {
            assertEquals(plain, html("```go " + options + "\nx := 1\n```\n"), options);
        }
        // The first word is the language: a fence named linenos is code in that language.
        assertEquals("<pre><code class=\"language-linenos\">x\n</code></pre>\n", html("``` linenos\nx\n```\n"));
    }

    @Test
    void aSiteThatNumbersItsCodeNumbersEveryFenceAsIfItSaidLinenosButOneThatSaysLinenosFalse() {
        // site.yml's line_numbers: true, as kramdown's syntax_highlighter_opts.block.line_numbers (Chirpy's) and Hugo's
        // markup.highlight.lineNos: a fence with or without a language is numbered; linenos=false still turns it off.
        String markdown = "Intro.\n\n```ruby\nx\n```\n\n```\nplain\n```\n\n```go {linenos=false}\ny\n```\n\n"
                + "```sh linenos=false\nz\n```\n\n    indented\n";
        for (String page : List.of(markdown, markdown + "\n<b>raw HTML</b> leaves the page to flexmark's writer.\n")) {
            for (MarkdownRenderer renderer : List.of(QUICK, FLEXMARK)) {
                String numbered = sitePage(renderer, page, true);
                assertTrue(numbered.contains(table("1\n", "<code class=\"language-ruby\">", "x\n")), numbered);
                assertTrue(numbered.contains(table("1\n", "<code>", "plain\n")), numbered);
                assertEquals(2, numbered.split("rouge-table", -1).length - 1, numbered);
                assertTrue(numbered.contains("<pre><code class=\"language-go\">y\n</code></pre>"), numbered);
                assertTrue(numbered.contains("<pre><code class=\"language-sh\">"), numbered);
                assertTrue(numbered.contains("<pre><code>indented\n</code></pre>"), numbered);
                String plain = sitePage(renderer, page, false);
                assertFalse(plain.contains("rouge-table"), plain);
            }
        }
    }

    /** The body's HTML of {@code markdown} rendered for a site whose {@code line_numbers} is {@code lineNumbers}. */
    private static String sitePage(MarkdownRenderer renderer, String markdown, boolean lineNumbers) {
        MarkdownRenderer.Rendered rendered = renderer.renderPage(markdown, "/x/", "", u -> u, SiteUrls.NONE,
                java.util.Set.of(), lineNumbers);
        return rendered.finished() != null ? rendered.finished().html() : rendered.html();
    }

    @Test
    void aBuildOfASiteWithLineNumbersNumbersItsPostsCode() throws IOException {
        Kiln.write(site, "site.yml", "title: Code\nline_numbers: true\n");
        Kiln.write(site, "content/posts/2023-05-01-code.md", "---\ntitle: Code\n---\nIntro.\n\n```python\nx = 1\ny = 2\n```\n");
        Path dest = out.resolve("site");

        assertEquals(0, Kiln.run("build", "--source", site.toString(), "--dest", dest.toString()).code());
        String html = Files.readString(dest.resolve("2023/05/01/code/index.html"));
        assertTrue(html.contains("<pre class=\"lineno\" aria-hidden=\"true\">1\n2\n</pre>"), html);
    }

    @Test
    void anAttributeListAfterANumberedBlockGoesOnItsFigure() {
        assertEquals(table("1\n", "<code class=\"language-ruby\">", "x\n")
                        .replace("<figure class=\"highlight\">", "<figure class=\"highlight wide\" id=\"listing-1\">"),
                html("```ruby linenos\nx\n```\n{: .wide #listing-1}\n"));
    }

    @Test
    void aNumberedBlockInAListItemStaysInIt() {
        assertEquals("<ul>\n<li>\n<p>Step:</p>\n" + table("1\n", "<code class=\"language-sh\">",
                        "<span class=\"tok-function\">ls</span>\n") + "</li>\n</ul>\n",
                html("- Step:\n\n  ```sh linenos\n  ls\n  ```\n"));
    }

    @Test
    void theLineNumbersAreNoWordsOfThePage() {
        // The first is finished in the Markdown stage, the second (raw HTML) by the HTML stage: both count alike.
        for (String markdown : List.of("Intro.\n\n```text linenos\none two\nthree\n```\n",
                "Intro <b>raw</b>.\n\n```text linenos\none two\nthree\n```\n")) {
            Body body = Build.markdownBody(QUICK, markdown, "/x/", "<!--more-->");
            assertTrue(body.html().contains("<pre class=\"lineno\" aria-hidden=\"true\">1\n2\n</pre>"), body.html());
            assertEquals(Build.markdownBody(QUICK, markdown.replace(" linenos", ""), "/x/", "<!--more-->").words(),
                    body.words(), markdown);
        }
    }

    @Test
    void aLinenosValueKilnDoesNotReadIsAProblemAtItsPlace() {
        String message = "code block option %s is not one Kiln reads: write linenos to number the block's lines "
                + "(Hugo's linenos=table, linenos=inline and linenos=true do the same), or linenos=false, or nothing, "
                + "for none";
        assertEquals(List.of("content/posts/x.md:3:8: " + message.formatted("linenos=maybe")),
                problems("Intro.\n\n```go {linenos=maybe}\nx\n```\n"));
        assertEquals(List.of("content/posts/x.md:3:11: " + message.formatted("linenos=tabel"),
                        "content/posts/x.md:6:9: " + message.formatted("linenos=\"yes\"")),
                problems("- a\n\n  ```ruby linenos=tabel\n  x\n  ```\n> ```sh linenos=\"yes\"\n> y\n> ```\n"));
    }

    @TempDir
    Path site;

    @TempDir
    Path out;

    @Test
    void aBuildFailsAtTheLinenosValueInThePostsFileLeavingThePreviousOutput() throws IOException {
        Path post = site.resolve("content/posts/2023-05-01-code.md");
        Files.createDirectories(post.getParent());
        Files.writeString(post, "---\ntitle: Code\n---\nIntro.\n");
        Path dest = out.resolve("site");
        assertEquals(0, Kiln.run("build", "--source", site.toString(), "--dest", dest.toString()).code());
        Files.writeString(post, "---\ntitle: Code\n---\nIntro.\n\n```go {hl_lines=[2], linenos=maybe}\nx := 1\n```\n");

        Kiln.assertBuildFails(site, dest, List.of("content/posts/2023-05-01-code.md:6:22: code block option "
                + "linenos=maybe is not one Kiln reads: write linenos to number the block's lines (Hugo's linenos=table, "
                + "linenos=inline and linenos=true do the same), or linenos=false, or nothing, for none"));
    }

    private static List<String> problems(String markdown) {
        BodyProblems e = assertThrows(BodyProblems.class, () -> QUICK.renderPage(markdown, "/x/", "", u -> u));
        return e.in("content/posts/x.md", markdown, 0).stream().map(Problem::toString).toList();
    }
}
