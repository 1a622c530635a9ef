package dev.kiln.jekyll;

import dev.kiln.build.BuildResult;
import dev.kiln.testing.Fixtures;
import dev.kiln.testing.SiteChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Posts imported from Jekyll and built with Kiln show what Jekyll 4.3.1 (Liquid 5.4, kramdown 2.4 with its GFM
 * input) showed: each case's HTML from Jekyll is in the comment beside it.
 */
class ImportedContentTest {

    @TempDir
    Path tmp;

    ImportReport report;
    Path dest;

    /** Imports a Jekyll site of {@code posts} (name to text, under {@code _posts/}) and builds it. */
    private BuildResult importAndBuild(Map<String, String> posts) throws IOException {
        Path src = tmp.resolve("site");
        Files.createDirectories(src.resolve("_posts"));
        Files.writeString(src.resolve("_config.yml"), "title: T\n");
        for (Map.Entry<String, String> post : posts.entrySet()) {
            Files.writeString(src.resolve("_posts").resolve(post.getKey()), post.getValue());
        }
        dest = tmp.resolve("kiln");
        report = Importer.run(src, dest, false);
        assertEquals(0, report.exitCode(), report.problems() + " " + report.leftOut());
        BuildResult built = Fixtures.build(Fixtures.options(dest));
        return built;
    }

    /** The body of the post at {@code path} of the built site. */
    private static String body(BuildResult built, String path) {
        org.jsoup.nodes.Document page = SiteChecks.page(built.output(), path);
        page.outputSettings().prettyPrint(false);
        return page.selectFirst(".post-content").html().strip();
    }

    @Test
    void aScriptAfterAOneLineDivStaysScriptAndLaterWarningsKeepTheirLines() throws IOException {
        BuildResult built = importAndBuild(Map.of("2015-10-30-vega.md", "---\ntitle: Vega\n---\n\nText.\n\n"
                + "<div id=\"vis3\"></div>\n<script type=\"text/javascript\">\n\nspec_uri = \"/public/tfidf_spec.json\";\n"
                + "parse(spec_uri, \"#vis3\");\n\n</script>\n\n| a | b[^1] |\n\n[^1]: A note.\n"));
        // kramdown: <div id="vis3"></div>\n<script type="text/javascript">\n\nspec_uri = ...;\n\n</script>
        String body = body(built, "2015/10/30/vega.html");
        assertTrue(body.contains("<script type=\"text/javascript\">\n\nspec_uri = \"/public/tfidf_spec.json\";\n"
                + "parse(spec_uri, \"#vis3\");\n\n</script>"), body);
        assertTrue(report.warnings().stream().anyMatch(w -> w.startsWith("_posts/2015-10-30-vega.md:15:1: a table "
                + "without a header line has a footnote reference")), report.warnings().toString());
    }

    @Test
    void kramdownsEndOfBlockMarkerEndsTheBlockAboveAndShowsNothing() throws IOException {
        // The TeXt theme's code-blocks and additional-styles posts: ^ parts two code blocks, two lists, a paragraph
        // from the code after it; a ^ in a fence is code.
        BuildResult built = importAndBuild(Map.of("2016-06-16-code.md", "---\ntitle: Code\n---\n"
                + "    Here comes some code\n\n^\n    This one is separate.\n\n* a\n* b\n^\n* c\n\n"
                + "Text.\n^\n    {:.info}\n\n```\n^\n```\n"));
        // <pre><code>Here comes some code\n</code></pre> <pre><code>This one is separate.\n</code></pre>
        // <ul><li>a</li><li>b</li></ul> <ul><li>c</li></ul> <p>Text.</p> <pre><code>{:.info}\n</code></pre>
        // <pre><code>^\n</code></pre>
        org.jsoup.nodes.Element post = SiteChecks.page(built.output(), "2016/06/16/code.html").selectFirst(".post-content");
        assertEquals(List.of("Here comes some code\n", "This one is separate.\n", "{:.info}\n", "^\n"),
                post.select("pre > code").stream().map(org.jsoup.nodes.Element::wholeText).toList());
        assertEquals(List.of("a b", "c"), post.select("ul").eachText());
        assertEquals(List.of("Text."), post.select("p").eachText());
        assertTrue(post.select(".info").isEmpty(), post.html());
        assertTrue(!post.text().contains("^") || post.text().indexOf('^') == post.text().lastIndexOf('^'), post.html());
    }

    @Test
    void kramdownsEndOfBlockMarkerInAListItemOrAQuoteEndsTheBlockThereAndShowsNothing() throws IOException {
        // At a list item's content column, after a quote's marker: after a blank line or a line of text, in a nested
        // list, a list in a quote and a quote in a list. Beside each, kramdown's HTML, its spaces around tags out.
        Map<String, String> posts = new LinkedHashMap<>();
        // <ul><li><p>b</p></li></ul>
        posts.put("2020-01-01-item.md", "---\ntitle: I\n---\n- b\n\n  ^\n");
        // <ol><li>a<ul><li><p>nested</p><p>text</p><p>more</p></li></ul></li></ol>
        posts.put("2020-01-02-nested.md", "---\ntitle: N\n---\n1. a\n   ^\n   - nested\n\n     ^\n     text\n"
                + "     ^\n     more\n");
        // <blockquote><p>a</p><p>b</p><ul><li><p>c</p></li></ul></blockquote><ul><li><p>d</p><blockquote><p>q</p>
        // <p>r</p></blockquote></li></ul>
        posts.put("2020-01-03-quote.md", "---\ntitle: Q\n---\n> a\n> ^\n> b\n>\n> - c\n>\n>   ^\n\n"
                + "- d\n\n  > q\n  > ^\n  > r\n");
        // Where kramdown reads no marker: past the item's content column, in code, after two spaces in a quote, in
        // a paragraph not in a list: <ul><li><p>a</p><p>^</p></li><li><p>e</p><pre><code>^</code></pre>
        // <pre><code>^</code></pre></li></ul><blockquote><p>^</p></blockquote><p>Text. ^ More.</p>
        posts.put("2020-01-04-text.md", "---\ntitle: T\n---\n- a\n\n   ^\n\n- e\n\n  ```\n  ^\n  ```\n\n      ^\n\n"
                + ">  ^\n\nText.\n  ^\nMore.\n");
        BuildResult built = importAndBuild(posts);

        assertEquals("<ul><li><p>b</p></li></ul>", shown(body(built, "2020/01/01/item.html")));
        assertEquals("<ol><li>a<ul><li><p>nested</p><p>text</p><p>more</p></li></ul></li></ol>",
                shown(body(built, "2020/01/02/nested.html")));
        assertEquals("<blockquote><p>a</p><p>b</p><ul><li><p>c</p></li></ul></blockquote><ul><li><p>d</p>"
                + "<blockquote><p>q</p><p>r</p></blockquote></li></ul>", shown(body(built, "2020/01/03/quote.html")));
        assertEquals("<ul><li><p>a</p><p>^</p></li><li><p>e</p><pre><code>^</code></pre><pre><code>^</code></pre>"
                + "</li></ul><blockquote><p>^</p></blockquote><p>Text. ^ More.</p>",
                shown(body(built, "2020/01/04/text.html")));
    }

    /** {@code html} as it shows: without comments, spaces around tags, other runs of spaces one. */
    private static String shown(String html) {
        return html.replaceAll("<!--.*?-->", "").replaceAll("\\s*(<[^>]*>)\\s*", "$1").replaceAll("\\s+", " ");
    }

    @Test
    void anInchMarkShowsAsJekyllShowedIt() throws IOException {
        BuildResult built = importAndBuild(Map.of("2019-06-25-pi.md", "---\ntitle: Pi\n---\n\n"
                + "(5) 2.5\" 100GB SATA MLC SSD and a \"3.5\" bay\".\n"));
        // <p>(5) 2.5” 100GB SATA MLC SSD and a “3.5” bay”.</p>
        assertEquals("(5) 2.5” 100GB SATA MLC SSD and a “3.5” bay”.",
                SiteChecks.page(built.output(), "2019/06/25/pi.html").selectFirst(".post-content p").text());
    }

    @Test
    void rawInAHighlightShowsItsText() throws IOException {
        BuildResult built = importAndBuild(Map.of("2020-01-01-raw.md",
                "---\ntitle: Raw\n---\n{% highlight liquid %}\n{% raw %}{{ page.title }}{% endraw %}\n{% endhighlight %}\n"));
        // <figure class="highlight"><pre><code class="language-liquid" ...>{{ page.title }}</code></pre></figure>
        assertEquals("<pre><code class=\"language-liquid\">{{ page.title }}\n</code></pre>",
                body(built, "2020/01/01/raw.html"));
        assertEquals(0, report.leftovers().size());
    }

    @Test
    void aHighlightWithLinenosShowsItsLinesNumberedInRougesTableAndItsOtherOptionsAreWarnedAbout() throws Exception {
        BuildResult built = importAndBuild(Map.of("2020-01-01-numbered.md", """
                ---
                title: Numbered
                ---
                {% highlight ruby linenos %}
                def foo
                  puts 1
                end
                {% endhighlight %}

                {% highlight nosuchlang linenos hl_lines="2" %}
                a < b
                c
                {% endhighlight %}
                """));
        // <figure class="highlight"><pre><code class="language-ruby" data-lang="ruby"><table class="rouge-table"><tbody>
        // <tr><td class="gutter gl"><pre class="lineno">1\n2\n3\n</pre></td><td class="code"><pre><span class="k">def
        // </span> <span class="nf">foo</span>\n  <span class="nb">puts</span> <span class="mi">1</span>\n<span
        // class="k">end</span>\n</pre></td></tr></tbody></table></code></pre></figure>
        // <figure class="highlight"><pre><code class="language-nosuchlang" data-lang="nosuchlang"><table class=
        // "rouge-table"><tbody><tr><td class="gutter gl"><pre class="lineno">1\n2\n</pre></td><td class="code"><pre>
        // a &lt; b\nc\n</pre></td></tr></tbody></table></code></pre></figure>
        assertEquals("<figure class=\"highlight\"><table class=\"rouge-table\"><tbody><tr><td class=\"gutter gl\">"
                        + "<pre class=\"lineno\" aria-hidden=\"true\">1\n2\n3\n</pre></td><td class=\"code\"><pre>"
                        + "<code class=\"language-ruby\"><span class=\"tok-keyword\">def</span> foo\n"
                        + "  <span class=\"tok-function\">puts</span> <span class=\"tok-number\">1</span>\n"
                        + "<span class=\"tok-keyword\">end</span>\n</code></pre></td></tr></tbody></table></figure>\n"
                        + "<figure class=\"highlight\"><table class=\"rouge-table\"><tbody><tr><td class=\"gutter gl\">"
                        + "<pre class=\"lineno\" aria-hidden=\"true\">1\n2\n</pre></td><td class=\"code\"><pre>"
                        + "<code class=\"language-nosuchlang\">a &lt; b\nc\n</code></pre></td></tr></tbody></table></figure>",
                body(built, "2020/01/01/numbered.html"));
        assertEquals(List.of("_posts/2020-01-01-numbered.md:10:33: {% highlight %} option hl_lines=\"2\" dropped: Kiln's "
                + "code blocks have no such option (Jekyll 4.3's Rouge did not read it either, so the page shows the "
                + "same)"), report.warnings());
        assertEquals(List.of(), SiteChecks.validationErrors(built.output()));
    }

    @Test
    void aLiquidCommentShowsNothingAndTheReportSaysWhereItWas() throws IOException {
        Map<String, String> posts = new LinkedHashMap<>();
        posts.put("2020-01-03-comment.md", "---\ntitle: Comment\n---\nPublic.\n\n{% comment %}\n"
                + "TODO: private note, do not publish\n{% endcomment %}\n");
        BuildResult built = importAndBuild(posts);
        // <p>Public.</p>
        assertEquals("<p>Public.</p>", body(built, "2020/01/03/comment.html"));
        assertEquals(0, report.leftovers().size());
        assertTrue(report.warnings().contains("_posts/2020-01-03-comment.md:6:1: 1 Liquid comment ({% comment %}, "
                + "line 6) removed, as Jekyll showed nothing of it; the Jekyll file keeps it (write an HTML comment, "
                + "<!-- ... -->, for a note that should stay in the Kiln post)"), report.warnings().toString());
    }

    @Test
    void bareUrlsAndParenthesisMarkersAreTextAsInKramdown() throws IOException {
        BuildResult built = importAndBuild(Map.of("2020-01-01-dialect.md",
                "---\ntitle: Dialect\n---\nSee https://example.com/docs for details.\n\n1) first\n2) second\n"));
        // <p>See https://example.com/docs for details.</p>\n\n<p>1) first\n2) second</p>
        assertEquals("<p>See https://example.com/docs for details.</p>\n<p>1) first\n2) second</p>",
                body(built, "2020/01/01/dialect.html"));
    }

    @Test
    void linkUrlsWithSpacesStayLinksAsInKramdownWrittenInPointyBrackets() throws IOException {
        // Finding 4 of the s28 new-user test: the import kept them as written, and Kiln showed them as text.
        BuildResult built = importAndBuild(Map.of("2020-01-01-spaces.md", "---\ntitle: Spaces\n---\n"
                + "![photo](/assets/img/My Photo.png) and [folder](../x y/ \"Its title\"), `[code](/a b)`.\n\n"
                + "[r]: /files/a b.pdf\n\nSee [the file][r] and [odd](/a<b c).\n"));
        // <p><img src="/assets/img/My Photo.png" alt="photo" /> and <a href="../x y/" title="Its title">folder</a>,
        // <code>[code](/a b)</code>.</p>\n\n<p>See <a href="/files/a b.pdf">the file</a> and <a href="/a&lt;b c">odd</a>.</p>
        // (Kiln writes each space %20, as CommonMark's renderers do; the browser asks for the same file.)
        assertEquals("<p><img src=\"/assets/img/My%20Photo.png\" alt=\"photo\"> and <a href=\"/2020/01/x%20y/\""
                        + " title=\"Its title\">folder</a>, <code>[code](/a b)</code>.</p>\n"
                        + "<p>See <a href=\"/files/a%20b.pdf\">the file</a> and <a href=\"/a&lt;b%20c\">odd</a>.</p>",
                body(built, "2020/01/01/spaces.html"));
        assertEquals("---\ntitle: Spaces\n---\n![photo](</assets/img/My Photo.png>) and [folder](<../x y/> \"Its title\"),"
                        + " `[code](/a b)`.\n\n[r]: </files/a b.pdf>\n\nSee [the file][r] and [odd](/a<b%20c).\n",
                Files.readString(dest.resolve("content/posts/2020-01-01-spaces.md")));
    }

    @Test
    void frontMatterPsychTakesIsImportedWithTheValuesJekyllSaw() throws IOException {
        Map<String, String> posts = new LinkedHashMap<>();
        posts.put("2020-01-01-tab.md", "---\ntitle:\tTabbed title\n---\nbody\n");
        posts.put("2020-01-02-dup.md", "---\ntitle: Dup\ntags: [a]\ntags: [b]\n---\nbody\n");
        BuildResult built = importAndBuild(posts);
        assertEquals("Tabbed title", SiteChecks.page(built.output(), "2020/01/01/tab.html").selectFirst("h1").text());
        assertTrue(built.output().get("tags/b/index.html") != null);
        assertTrue(built.output().get("tags/a/index.html") == null);
        assertEquals(java.util.List.of("_posts/2020-01-02-dup.md:4:1: key 'tags' is written more than once (lines 3, "
                + "4): Jekyll took the last, as the import does; the others are commented out"), report.warnings());
    }

    @Test
    void blockHtmlIsRawToTheEndTagAsInKramdown() throws IOException {
        Map<String, String> posts = new LinkedHashMap<>();
        posts.put("2020-01-02-indented-html.md", "---\ntitle: Indented HTML\n---\n<div class=\"row\">\n  <div class=\"col\">"
                + "\n\n    <img src=\"/a.png\" alt=\"a\">\n\n  </div>\n</div>\n");
        posts.put("2020-01-03-details.md", "---\ntitle: Details\n---\n<details>\n<summary>Spoiler</summary>\n\n"
                + "The answer is **42**.\n\n</details>\n");
        BuildResult built = importAndBuild(posts);
        // <div class="row">\n  <div class="col">\n\n    <img src="/a.png" alt="a" />\n\n  </div>\n</div>
        assertEquals("<div class=\"row\">\n  <div class=\"col\">\n<!-- -->\n    <img src=\"/a.png\" alt=\"a\">\n<!-- -->\n"
                + "  </div>\n</div>", body(built, "2020/01/02/indented-html.html"));
        // <details>\n<summary>Spoiler</summary>\n\nThe answer is **42**.\n\n</details>
        assertEquals("<details>\n<summary>Spoiler</summary>\n<!-- -->\nThe answer is **42**.\n<!-- -->\n</details>",
                body(built, "2020/01/03/details.html"));
    }
}
