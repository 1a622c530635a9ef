package dev.kiln.build;

import dev.kiln.output.SiteOutput;
import dev.kiln.testing.Fixtures;
import dev.kiln.testing.SiteChecks;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The archive, related posts and tables of contents that readers of the built-in theme get. */
class BlogFeaturesTest {

    @TempDir
    Path site;

    private void write(String path, String text) throws IOException {
        Path file = site.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void post(String name, String tags) throws IOException {
        write("content/posts/" + name + ".md", "---\ntitle: " + name + "\ntags: [" + tags + "]\n---\nText of "
                + name + ".\n\n## First\n\nA.\n\n## Second\n\nB.\n");
    }

    private SiteOutput build() {
        return Fixtures.build(Fixtures.options(site)).output();
    }

    @Test
    void archiveListsEveryPostByYearAndMonthNewestFirst() throws IOException {
        post("2019-03-02-a", "x");
        post("2019-03-20-b", "x");
        post("2020-01-05-c", "y");
        Document archive = SiteChecks.page(build(), "archive/index.html");

        assertEquals(List.of("2020", "2019"), archive.select(".archive-year > h2").eachText());
        assertEquals(List.of("January", "March"), archive.select(".archive-year > h3").eachText());
        assertEquals(List.of("/2020/01/05/c/", "/2019/03/20/b/", "/2019/03/02/a/"),
                archive.select(".archive-year li a").eachAttr("href"));
    }

    @Test
    void theFooterNamesTheYearsThePostsSpanOnEveryPage() throws IOException {
        write("site.yml", "title: Years\nauthor: Ada\n");
        post("2017-05-01-a", "x");
        SiteOutput one = build();
        assertEquals("© 2017 Ada", SiteChecks.page(one, "index.html")
                .selectFirst(".site-footer-copyright").text());

        post("2021-02-03-b", "x");
        SiteOutput two = build();
        for (String page : List.of("index.html", "2017/05/01/a/index.html", "tags/x/index.html", "archive/index.html")) {
            assertEquals("© 2017–2021 Ada", SiteChecks.page(two, page).selectFirst(".site-footer-copyright").text(), page);
        }
    }

    @Test
    void aPostsOwnExcerptSeparatorEndsItsExcerptAsJekyllReadsIt() throws IOException {
        write("content/posts/2020-01-01-cut.md", "---\ntitle: Cut\nexcerpt_separator: <!--cut-->\n---\n"
                + "One.\n\nTwo.\n\n<!--cut-->\n\nThree.\n\n<!--more-->\n\nFour.\n");
        write("content/posts/2020-01-02-first.md", "---\ntitle: First\nexcerpt_separator: \"\\n\\n\"\n---\n"
                + "One.\n\nTwo.\n\n<!--more-->\n\nThree.\n");
        write("content/posts/2020-01-03-site.md", "---\ntitle: Site\n---\nOne.\n\nTwo.\n\n<!--more-->\n\nThree.\n");

        Document home = SiteChecks.page(build(), "index.html");

        assertEquals(List.of("One. Two.", "One.", "One. Two."), home.select(".post-summary-excerpt").eachText(),
                "newest first: the site's <!--more-->, the first paragraph (Jekyll's blank line), the post's <!--cut-->");
    }

    @Test
    void aBlankExcerptSeparatorGivesTheFirstParagraphEvenBeforeAnEmptyComment() throws IOException {
        // Jekyll's default separator, "\n\n": the excerpt is the first paragraph; an empty comment is no separator.
        write("site.yml", "title: Blank\nexcerpt_separator: \"\\n\\n\"\n");
        write("content/posts/2020-01-01-a.md", "---\ntitle: A\n---\nOne.\n\nTwo.\n\n<!-- -->\n\nThree.\n\n<!--more-->\n");
        write("content/posts/2020-01-02-b.md", "---\ntitle: B\n---\nOne *b*.\n\n<!---->\n\nTwo.\n\n<!--more-->\n");

        Document home = SiteChecks.page(build(), "index.html");

        assertEquals(List.of("One b.", "One."), home.select(".post-summary-excerpt").eachText());
    }

    @Test
    void anExcerptFromFrontMatterStandsOnTheHomePageAndTheBodyStaysWhole() throws IOException {
        write("content/posts/2020-01-01-own.md", "---\ntitle: Own\nexcerpt: \"A *short* teaser.\"\n---\n"
                + "The first paragraph of the post.\n\nThe second.\n");
        SiteOutput out = build();

        String home = SiteChecks.page(out, "index.html").select("main").text();
        assertTrue(home.contains("A short teaser."), home);
        assertFalse(home.contains("The first paragraph"), home);
        String post = SiteChecks.page(out, "2020/01/01/own/index.html").select("article").text();
        assertTrue(post.contains("The first paragraph of the post.") && post.contains("The second."), post);
    }

    @Test
    void theDefaultNavLinksTheArchive() throws IOException {
        post("2019-03-02-a", "x");
        assertNotNull(SiteChecks.page(build(), "index.html").selectFirst("nav a[href=/archive/]"));
    }

    @Test
    void aSiteWithABaseLayoutOfItsOwnButNoArchiveLayoutGetsNoArchive() throws IOException {
        post("2019-03-02-a", "x");
        write("layouts/base.peb", "<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body>"
                + "{% block content %}{% endblock %}</body></html>");
        assertNull(build().get("archive/index.html"));
    }

    @Test
    void aSiteWhosePostLayoutIsAWholePageOfItsOwnGetsNoArchiveNor404PageInTheThemesLook() throws IOException {
        post("2019-03-02-a", "x");
        write("layouts/post.peb", "<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body></body></html>");
        SiteOutput out = build();
        assertNull(out.get("archive/index.html"));
        assertNull(out.get("404.html"));
    }

    @Test
    void aSiteThatBringsOnlyItsPostLayoutKeepsTheThemesArchiveAnd404Page() throws IOException {
        post("2019-03-02-a", "x");
        write("layouts/post.peb", "{% extends \"base\" %}{% block content %}<article>{{ page.content | raw }}"
                + "</article>{% endblock %}\n");
        SiteOutput out = build();
        Document archive = SiteChecks.page(out, "archive/index.html");
        assertEquals(List.of("/2019/03/02/a/"), archive.select(".post-summary-title a, .archive-year a").eachAttr("href"));
        assertNotNull(SiteChecks.page(out, "index.html").selectFirst("nav a[href=/archive/]"), "the menu keeps it");
        assertEquals("Page not found", SiteChecks.page(out, "404.html").title().split(" · ")[0]);
    }

    @Test
    void relatedPostsShareTheMostTagsThenAreNewest() throws IOException {
        post("2020-01-01-base", "java, jvm, gc");
        post("2020-01-02-two-shared", "java, jvm");
        post("2020-01-03-one-shared-new", "gc");
        post("2020-01-04-one-shared-newer", "java");
        post("2020-01-05-unrelated", "python");
        Document page = SiteChecks.page(build(), "2020/01/01/base/index.html");

        assertEquals(List.of("/2020/01/02/two-shared/", "/2020/01/04/one-shared-newer/", "/2020/01/03/one-shared-new/"),
                page.select(".related a").eachAttr("href"));
    }

    @Test
    void aPostWithoutSharedTagsHasNoRelatedSection() throws IOException {
        post("2020-01-05-unrelated", "python");
        post("2020-01-06-other", "go");
        assertNull(SiteChecks.page(build(), "2020/01/05/unrelated/index.html").selectFirst(".related"));
    }

    @Test
    void tableOfContentsFollowsTheSiteDefaultUnlessThePostSaysOtherwise() throws IOException {
        write("site.yml", "toc: true\n");
        post("2020-01-01-with", "x");
        write("content/posts/2020-01-02-without.md", "---\ntitle: W\ntoc: false\n---\n## A\n\nB.\n");
        SiteOutput out = build();

        Document with = SiteChecks.page(out, "2020/01/01/with/index.html");
        assertEquals(List.of("#first", "#second"), with.select("nav.toc a").eachAttr("href"));
        assertNull(SiteChecks.page(out, "2020/01/02/without/index.html").selectFirst("nav.toc"));
    }

    @Test
    void aHeadingWithNoTextGetsNoEntryInTheTableOfContentsAnImageAloneIsListedByItsAltTextAndThePageStaysValid()
            throws Exception {
        write("site.yml", "toc: true\n");
        String headings = "Intro.\n\n## First\n\nA.\n\n##\n\nB.\n\n### Sub\n\nD.\n\n##   \n\nE.\n\n"
                + "## ![A diagram](/pic.png)\n\nF.\n\n## ![](/pic.png)\n\nG.\n";
        // Common Markdown is finished by the Markdown stage's own writer; an attribute list or raw HTML sends a
        // body the general way (jsoup).
        write("content/posts/2020-01-01-common.md", "---\ntitle: Common\n---\n" + headings);
        write("content/posts/2020-01-02-raw.md", "---\ntitle: Raw\n---\n<span>Raw.</span>\n\n## {#named}\n\n"
                + headings + "\n## <img src=\"/pic.png\" alt=\"A picture\">\n");
        write("content/pic.png", "png");
        write("content/posts/2020-01-03-only.md", "---\ntitle: Only\n---\nText.\n\n##\n\nMore.\n");
        SiteOutput out = build();

        for (String page : List.of("2020/01/01/common/index.html", "2020/01/02/raw/index.html")) {
            Document post = SiteChecks.page(out, page);
            List<String> hrefs = post.select("nav.toc a").eachAttr("href");
            List<String> texts = page.contains("raw")
                    ? List.of("First", "Sub", "A diagram", "A picture") : List.of("First", "Sub", "A diagram");
            assertEquals(texts, post.select("nav.toc a").eachText(), page);
            assertEquals(List.of("#first", "#sub"), hrefs.subList(0, 2), page);
            assertEquals(List.of("#sub"), post.select("nav.toc > ul > li > ul a").eachAttr("href"),
                    "the h3 stays under the last heading listed: " + page);
            for (int i = 2; i < hrefs.size(); i++) {
                org.jsoup.nodes.Element heading = post.getElementById(hrefs.get(i).substring(1));
                assertNotNull(heading, hrefs.get(i) + " on " + page);
                assertEquals("h2", heading.tagName());
                assertEquals(texts.get(i), heading.selectFirst("img").attr("alt"), "the entry leads to its image heading");
            }
        }
        assertNotNull(SiteChecks.page(out, "2020/01/02/raw/index.html").getElementById("named"),
                "the heading itself keeps its id");
        assertNull(SiteChecks.page(out, "2020/01/03/only/index.html").selectFirst("nav.toc"),
                "no table of contents when no heading has text");
        assertEquals(List.of(), SiteChecks.validationErrors(out));
        assertEquals(List.of(), SiteChecks.brokenLinks(out, ""));
    }

    @Test
    void aJekyllPostsAlignedTableAndNamedFootnotesAreValidHtmlAndItsNoteLinksLead() throws Exception {
        write("content/posts/2020-01-01-kramdown.md", """
                ---
                title: Kramdown
                ---
                A claim[^source] and another[^source], a list[^list] and code[^code].

                | Left | Centre | Right |
                |:-----|:------:|------:|
                | a    | b      | c     |

                [^source]: Where it comes from.
                [^list]: Two things:

                    - one
                    - two

                [^code]: A line:

                        x = 1
                """);
        SiteOutput out = build();

        Document post = SiteChecks.page(out, "2020/01/01/kramdown/index.html");
        assertEquals(List.of("fnref:source", "fnref:source:1", "fnref:list", "fnref:code"),
                post.select("article sup").eachAttr("id"));
        assertEquals(4, post.select("article sup > a.footnote[rel=footnote][role=doc-noteref]").size());
        assertNotNull(post.getElementById("fn:source"), "the note that #fn:source leads to");
        assertEquals(List.of("fn:source", "fn:list", "fn:code"),
                post.select("article div.footnotes[role=doc-endnotes] > ol > li").eachAttr("id"));
        assertTrue(post.select("div.footnotes hr").isEmpty());
        // kramdown's back links: in the note's paragraph after a no-break space, else in a paragraph of their own.
        assertEquals("Where it comes from.\u00a0\u21a9\u00a0\u21a92",
                post.selectFirst("[id=fn:source] > p").wholeText());
        assertEquals(List.of("#fnref:source", "#fnref:source:1"),
                post.select("[id=fn:source] > p:last-child > a.reversefootnote[role=doc-backlink]").eachAttr("href"));
        assertEquals(List.of("#fnref:list"), post.select("[id=fn:list] > ul + p > a.reversefootnote").eachAttr("href"));
        assertEquals(List.of("#fnref:code"), post.select("[id=fn:code] > pre + p > a.reversefootnote").eachAttr("href"));
        assertEquals("text-align: center", post.select("tbody td").get(1).attr("style"));
        assertEquals(List.of(), SiteChecks.validationErrors(out));
        assertEquals(List.of(), SiteChecks.brokenLinks(out, ""));
    }

    @Test
    void aJekyllPostsDefinitionListAbbreviationsAndPlacedAttributeListsAreValidHtml() throws Exception {
        write("content/posts/2020-01-01-kramdown.md", """
                ---
                title: Kramdown
                ---
                ## Contents
                {:.no_toc}

                * TOC
                {:toc}

                ## The terms

                HTML
                : What browsers read.

                - one
                - two
                {: .checklist}

                > A quote.
                {: .note}

                *[HTML]: Hyper Text Markup Language
                """);
        SiteOutput out = build();

        Document post = SiteChecks.page(out, "2020/01/01/kramdown/index.html");
        assertEquals(List.of("#the-terms"), post.select("article ul#markdown-toc a").eachAttr("href"));
        assertEquals("Hyper Text Markup Language", post.selectFirst("dt abbr").attr("title"));
        assertEquals("What browsers read.", post.selectFirst("dd").text());
        assertNotNull(post.selectFirst("article ul.checklist"), "the list's class on the list");
        assertNotNull(post.selectFirst("article blockquote.note"), "the quote's class on the quote");
        assertEquals(List.of(), SiteChecks.validationErrors(out));
        assertEquals(List.of(), SiteChecks.brokenLinks(out, ""));
    }

    @Test
    void aPostWithNumberedCodeIsValidHtmlWhoseNumbersStandApartFromTheCodeAndTheThemeStylesThem() throws Exception {
        write("content/posts/2020-01-01-code.md", """
                ---
                title: Code
                ---
                A Jekyll user's block, a Hugo user's, and one in a list:

                ```ruby linenos
                def foo
                  puts 1
                end
                ```

                ```go {linenos=table,hl_lines=[2]}
                x := 1
                ```

                - Then:

                  ```text linenos
                  a < b
                  ```
                  {: .wide}
                """);
        SiteOutput out = build();

        Document post = SiteChecks.page(out, "2020/01/01/code/index.html");
        assertEquals(List.of("1\n2\n3\n", "1\n", "1\n"), post.select("article figure.highlight > table.rouge-table "
                + "td.gutter > pre.lineno").stream().map(e -> e.wholeText()).toList());
        // Selecting the code selects no number: they are in a cell of their own.
        assertEquals(List.of("def foo\n  puts 1\nend\n", "x := 1\n", "a < b\n"),
                post.select("article figure.highlight td.code > pre > code").stream().map(e -> e.wholeText()).toList());
        assertEquals(List.of("language-ruby", "language-go", "language-text"),
                post.select("article td.code code").eachAttr("class"));
        assertNotNull(post.selectFirst("article li > figure.highlight.wide"), "the list's block, with its attribute list");
        assertFalse(post.select("td.code span.tok-keyword").isEmpty(), "highlighted inside");
        String css = new String(out.get("assets/css/main.css"), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(css.contains(".rouge-table .gutter {") && css.contains("user-select: none;"), "the theme styles the numbers");
        assertEquals(List.of(), SiteChecks.validationErrors(out));
        assertEquals(List.of(), SiteChecks.brokenLinks(out, ""));
    }

    @Test
    void postsShowReadingTimeAndTheArchiveIsValidHtml() throws Exception {
        post("2019-03-02-a", "x");
        SiteOutput out = build();
        assertTrue(SiteChecks.page(out, "2019/03/02/a/index.html").text().contains("1 min read"));
        assertEquals(List.of(), SiteChecks.validationErrors(out));
        assertEquals(List.of(), SiteChecks.brokenLinks(out, ""));
    }
}
