package dev.kiln.html;

import dev.kiln.highlight.TokenHighlighter;
import dev.kiln.markdown.MarkdownRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Heading ids and anchor links of a processed body. */
class BodyProcessorHeadingTest {

    private static final String MORE = "<!--more-->";

    private final MarkdownRenderer markdown = new MarkdownRenderer(new TokenHighlighter());

    private static Element process(String html) {
        return Jsoup.parseBodyFragment(BodyProcessor.process(html, "/post/", MORE).html()).body();
    }

    private Body processMarkdown(String md) {
        return BodyProcessor.process(markdown.render(md), "/post/", MORE);
    }

    private static void assertOneAnchorEach(Element body) {
        Set<String> ids = new HashSet<>();
        for (Element h : body.select("h2, h3, h4, h5, h6")) {
            assertFalse(h.id().isEmpty(), "no id on " + h.outerHtml());
            assertTrue(ids.add(h.id()), "duplicate id " + h.id());
            Elements anchors = h.select("a.anchor");
            assertEquals(1, anchors.size(), h.outerHtml());
            assertEquals("#" + h.id(), anchors.first().attr("href"));
        }
    }

    @Test
    void aHeadingThatRawHtmlMovesOutOfATableIsAnchoredWhereTheBrowserPutsIt() {
        // The parser moves the inner heading out of the table, into the outer heading; printed so, a browser
        // reads them as two headings in a row, and the outer one's anchor must not end up after both.
        Body body = processMarkdown("## Outer<table><h2>Inner</h2>cell</table>\n");
        org.jsoup.nodes.Document reparsed = Jsoup.parseBodyFragment(body.html());
        reparsed.outputSettings().prettyPrint(false);
        Element seen = reparsed.body();
        assertEquals(body.html(), seen.html(), "a browser builds the tree that was anchored");
        assertEquals(List.of("outerinnercell", "inner"), seen.select("h2").eachAttr("id"));
        assertOneAnchorEach(seen);
    }

    @Test
    void givesEveryHeadingAnIdAndExactlyOneAnchorLinkToIt() {
        Element body = process("<h2>Two</h2><h3>Three</h3><h4>Four</h4><h5>Five</h5><h6>Six</h6><p>text</p>");

        assertEquals(5, body.select("h2, h3, h4, h5, h6").size());
        assertOneAnchorEach(body);
    }

    @Test
    void givesMarkdownHeadingsGithubStyleIds() {
        Body body = processMarkdown("## Getting started\n\n### Why it's *fast*\n");

        assertEquals(List.of("getting-started", "why-its-fast"),
                body.headings().stream().map(Body.Heading::id).toList());
        assertEquals(List.of("Getting started", "Why it\u2019s fast"),
                body.headings().stream().map(Body.Heading::text).toList());
        assertOneAnchorEach(Jsoup.parseBodyFragment(body.html()).body());
    }

    @Test
    void givesRawHtmlHeadingsGithubStyleIdsFromTheirText() {
        Body body = processMarkdown("<h2>Getting started</h2>\n\n<h2>Next steps</h2>\n\n[TOC]\n\n"
                + "<h3 id=\"kept\">Own id</h3>\n\n## Next steps\n\n<h4>Next <em>steps</em></h4>\n\n<h2>!?</h2>\n");
        Element html = Jsoup.parseBodyFragment(body.html()).body();

        assertEquals(List.of("getting-started", "next-steps", "kept", "next-steps-1", "next-steps-2", "section"),
                html.select("h2, h3, h4").eachAttr("id"));
        assertEquals(List.of("#getting-started", "#next-steps", "#kept", "#next-steps-1", "#next-steps-2", "#section"),
                html.select("nav.toc a").eachAttr("href"));
        assertOneAnchorEach(html);
    }

    @Test
    void suffixesDuplicateHeadingIdsWithCounters() {
        Element body = process("<h2 id=\"setup\">Setup</h2><h3 id=\"setup\">Setup</h3><h2 id=\"setup\">Setup</h2>");

        assertEquals(List.of("setup", "setup-1", "setup-2"), body.select("h2, h3").eachAttr("id"));
        assertOneAnchorEach(body);
    }

    @Test
    void suffixesDuplicateMarkdownHeadings() {
        Body body = processMarkdown("## Setup\n\n## Setup\n\n## Setup\n");

        assertEquals(List.of("setup", "setup-1", "setup-2"),
                body.headings().stream().map(Body.Heading::id).toList());
    }

    @Test
    void avoidsIdsThatOtherElementsAlreadyUse() {
        Element body = process("<h2 id=\"intro\">Intro</h2><p id=\"intro\">x</p><h2 id=\"intro\">Intro</h2>");

        assertEquals(List.of("intro-1", "intro-2"), body.select("h2").eachAttr("id"));
        assertEquals(1, body.select("#intro").size());
    }

    @Test
    void keepsOldAnchorAsHeadingId() {
        Body result = processMarkdown("### <a href=\"#gettingstarted\" name=\"gettingstarted\">"
                + "<i class=\"fa fa-link anchor\" aria-hidden=\"true\"></i></a> Getting started\n\nText.\n");
        Element body = Jsoup.parseBodyFragment(result.html()).body();

        Element h3 = body.selectFirst("h3");
        assertNotNull(h3);
        assertEquals("gettingstarted", h3.id());
        assertNull(body.selectFirst("a[name]"), body.html());
        assertTrue(body.select("i.fa").isEmpty(), body.html());
        assertEquals(1, h3.select(".anchor").size(), h3.outerHtml());
        assertEquals("#gettingstarted", h3.selectFirst("a.anchor").attr("href"));
        assertEquals(List.of(new Body.Heading(3, "gettingstarted", "Getting started")), result.headings());
    }

    @Test
    void keepsOldAnchorWithTextAsPlainHeadingText() {
        Element body = process("<h2><a name=\"intro\">Introduction</a></h2>");

        Element h2 = body.selectFirst("h2");
        assertEquals("intro", h2.id());
        assertNull(h2.selectFirst("a[name]"));
        assertEquals("Introduction", h2.ownText().strip());
        assertEquals(1, h2.select("a").size());
    }

    @Test
    void keepsOldAnchorIdEvenWhenAnEarlierHeadingWouldGenerateTheSameId() {
        // Old deep links (/post/#language) must keep landing on the heading that carried the anchor.
        Body result = processMarkdown("## Language\n\nText.\n\n"
                + "### <a href=\"#language\" name=\"language\"></a> Choosing a language\n");

        assertEquals("language", result.headings().get(1).id(), result.headings().toString());
        assertFalse(result.headings().get(0).id().equals("language"), result.headings().toString());
        assertOneAnchorEach(Jsoup.parseBodyFragment(result.html()).body());
    }

    @Test
    void anOldAnchorKeepsItsNameWhereTheLayoutWritesItAndOtherHeadingsTakeTheNextFreeId() {
        // The old name is what deep links already use; the link check reports the id standing twice.
        Body body = BodyProcessor.process("<h2><a name=\"main-content\"></a>Start</h2><h2>Main content</h2>"
                + "<h2 id=\"top\">Top</h2>", "/post/", MORE, Set.of("main-content", "top"));

        assertEquals(List.of("main-content", "main-content-1", "top-1"),
                body.headings().stream().map(Body.Heading::id).toList());
        Element html = Jsoup.parseBodyFragment(body.html()).body();
        assertEquals(List.of("#main-content", "#main-content-1", "#top-1"), html.select("a.anchor").eachAttr("href"));
    }

    @Test
    void replacesTheTocPlaceholderWithANestedListLinkingToFinalIds() {
        Body result = processMarkdown("""
                [TOC]

                ## Alpha

                ### Beta

                ### <a name="old-gamma"></a> Gamma

                ## Alpha
                """);
        Element body = Jsoup.parseBodyFragment(result.html()).body();

        assertTrue(body.select("div.kiln-toc").isEmpty(), body.html());
        Element nav = body.selectFirst("nav.toc");
        assertNotNull(nav, body.html());
        assertEquals(0, nav.elementSiblingIndex(), "the toc stands where the placeholder was");
        Elements top = nav.select("> ul > li");
        assertEquals(2, top.size(), nav.outerHtml());
        assertEquals("#alpha", top.get(0).selectFirst("> a").attr("href"));
        assertEquals("#alpha-1", top.get(1).selectFirst("> a").attr("href"));
        assertEquals(List.of("#beta", "#old-gamma"), top.get(0).select("> ul > li > a").eachAttr("href"));
        for (Element link : nav.select("a")) {
            assertNotNull(body.getElementById(link.attr("href").substring(1)), link.attr("href"));
        }
        assertEquals("", result.tocHtml(), "the body places its own toc, so the layout adds none");
    }

    @Test
    void offersTheTocToTheLayoutWhenTheBodyHasNoPlaceholder() {
        Body result = processMarkdown("## Alpha\n\n### <a name=\"old-beta\"></a> Beta\n");

        Element nav = Jsoup.parseBodyFragment(result.tocHtml()).selectFirst("nav.toc");
        assertNotNull(nav, result.tocHtml());
        assertEquals(List.of("#alpha", "#old-beta"), nav.select("a").eachAttr("href"));
        assertFalse(result.html().contains("<nav"), result.html());
    }

    @Test
    void nestsATocHeadingUnderTheNearestShallowerHeadingAfterASkippedLevel() {
        Body result = BodyProcessor.process(
                "<h2 id=\"a\">A</h2><h4 id=\"b\">B</h4><h3 id=\"c\">C</h3>"
                        + "<h2 id=\"d\">D</h2>", "/post/", MORE);
        Element nav = Jsoup.parseBodyFragment(result.tocHtml()).selectFirst("nav.toc");

        assertEquals(List.of("#a", "#d"), nav.select("> ul > li > a").eachAttr("href"));
        Element a = nav.selectFirst("> ul > li");
        // B (h4) and C (h3) both belong to A; C is not a child of the deeper B.
        assertEquals(List.of("#b", "#c"), a.select("> ul > li > a").eachAttr("href"), nav.outerHtml());
    }

    @Test
    void nestsATocHeadingUnderAShallowerHeadingThatFollowsADeeperFirstOne() {
        Body result = BodyProcessor.process(
                "<h3 id=\"intro\">Intro</h3><h2 id=\"part\">Part</h2><h3 id=\"detail\">Detail</h3>", "/post/", MORE);
        Element nav = Jsoup.parseBodyFragment(result.tocHtml()).selectFirst("nav.toc");

        assertEquals(List.of("#intro", "#part"), nav.select("> ul > li > a").eachAttr("href"), nav.outerHtml());
        assertEquals(List.of("#detail"), nav.select("> ul > li").get(1).select("> ul > li > a").eachAttr("href"));
    }

    @Test
    void leavesAHeadingMarkedNoTocOutOfTheTocAsKramdownDoes() {
        for (String mark : List.of("{:.no_toc}", "{: .no_toc}", "{: .no_toc }")) {
            Body result = processMarkdown("""
                    * TOC
                    {:toc}

                    ## Contents
                    %s

                    ## Alpha

                    ### Beta
                    %s

                    ## Gamma
                    """.formatted(mark, mark));
            Element body = Jsoup.parseBodyFragment(result.html()).body();

            assertEquals(List.of("#alpha", "#gamma"), body.select("ul#markdown-toc a").eachAttr("href"), mark);
            assertEquals(List.of("contents", "alpha", "beta", "gamma"), body.select("h2, h3").eachAttr("id"), mark);
            assertOneAnchorEach(body);
            assertFalse(body.text().contains("no_toc"), body.html());
        }
        // On the heading's own line it is the heading's too (Kiln's extension, as before 2026-12-07; kramdown shows text).
        Body sameLine = processMarkdown("[TOC]\n\n## Alpha\n\n### Beta {: .no_toc}\n");
        assertEquals(List.of("#alpha"), Jsoup.parseBodyFragment(sameLine.html()).select("nav.toc a").eachAttr("href"));
        Body layoutToc = processMarkdown("## Contents\n{:.no_toc}\n\n## Alpha\n");
        assertEquals(List.of("#alpha"), Jsoup.parseBodyFragment(layoutToc.tocHtml()).select("nav.toc a").eachAttr("href"));
    }

    @Test
    void kramdownsTocIsTheListKramdownWritesWithTheClassesOfItsAttributeList() {
        // Hydejack's about page: a numbered seed item and a class; kramdown writes an <ol> with the class and its ids.
        Body result = processMarkdown("""
                1. this list will be replaced by the toc
                {:toc .large-only}

                ## Alpha

                ### Beta

                ## Gamma
                """);

        assertEquals("""
                <ol class="large-only" id="markdown-toc">
                 <li><a href="#alpha" id="markdown-toc-alpha">Alpha</a>
                  <ol>
                   <li><a href="#beta" id="markdown-toc-beta">Beta</a></li>
                  </ol></li>
                 <li><a href="#gamma" id="markdown-toc-gamma">Gamma</a></li>
                </ol>""", Jsoup.parseBodyFragment(result.html()).selectFirst("ol").outerHtml());
        assertFalse(result.html().contains("replaced by the toc"), result.html());
        assertFalse(result.html().contains("kiln-toc"), result.html());
        assertEquals("", result.tocHtml(), "the body places its own toc, so the layout adds none");
        // A bulleted one is a <ul>; an id of its own names the list and prefixes its entries' ids, as in kramdown.
        Element own = Jsoup.parseBodyFragment(processMarkdown("* TOC\n{: toc #contents}\n\n## Alpha\n").html()).body();
        assertEquals("<ul id=\"contents\">\n <li><a href=\"#alpha\" id=\"contents-alpha\">Alpha</a></li>\n</ul>",
                own.selectFirst("ul").outerHtml());
    }

    @Test
    void aRawHtmlHeadingGetsTheIdAMarkdownHeadingOfTheSameTextGets() {
        for (String text : List.of("Part 1  -  Setup", "a\ttab", "Hello&nbsp;World")) {
            String markdown = Jsoup.parseBodyFragment(processMarkdown("## " + text + "\n").html()).selectFirst("h2").id();
            String raw = Jsoup.parseBodyFragment(processMarkdown("<h2>" + text + "</h2>\n").html()).selectFirst("h2").id();

            assertEquals(markdown, raw, text);
        }
    }

    @Test
    void removesTheTocPlaceholderWhenThereAreNoHeadings() {
        Body result = processMarkdown("[TOC]\n\nJust text.\n");

        assertEquals("", result.tocHtml());
        assertFalse(result.html().contains("kiln-toc"), result.html());
        assertFalse(result.html().contains("<nav"), result.html());
    }

    @Test
    void leavesHeadingsWithNoTextOutOfThePlacedToc() {
        Body result = processMarkdown("[TOC]\n\n## Alpha\n\n##\n\n## {#empty}\n\n## \u00a0\n\n### Beta\n");
        Element body = Jsoup.parseBodyFragment(result.html()).body();

        assertEquals(List.of("#alpha", "#beta"), body.select("nav.toc a").eachAttr("href"), body.html());
        assertTrue(body.select("nav.toc a").stream().noneMatch(a -> a.text().isBlank()), body.html());
        assertOneAnchorEach(body);
    }

    @Test
    void removesTheTocPlaceholderWhenNoHeadingHasText() {
        Body result = processMarkdown("[TOC]\n\nText.\n\n##\n\n## {#empty}\n");

        assertEquals("", result.tocHtml());
        assertFalse(result.html().contains("<nav"), result.html());
        assertFalse(result.html().contains("kiln-toc"), result.html());
    }

    @Test
    void leavesH1WithoutAnAnchorAndOutOfTheToc() {
        Body result = BodyProcessor.process("<h1>Title</h1><h2>Sub</h2>", "/post/", MORE);
        Element body = Jsoup.parseBodyFragment(result.html()).body();

        assertTrue(body.selectFirst("h1").select("a.anchor").isEmpty());
        assertEquals(1, result.headings().size());
        assertEquals(2, result.headings().get(0).level());
    }

    @Test
    void dropsReadonlyFromTaskListCheckboxes() {
        Body result = processMarkdown("- [ ] one\n- [x] two\n");
        Element body = Jsoup.parseBodyFragment(result.html()).body();

        Elements boxes = body.select("input[type=checkbox]");
        assertEquals(2, boxes.size());
        for (Element box : boxes) {
            assertFalse(box.hasAttr("readonly"), box.outerHtml());
        }
        assertTrue(boxes.get(1).hasAttr("checked"));
    }
}
