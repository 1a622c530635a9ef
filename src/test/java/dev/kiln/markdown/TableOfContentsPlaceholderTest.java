package dev.kiln.markdown;

import dev.kiln.highlight.TokenHighlighter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code [TOC]} and kramdown's {@code * TOC} + {@code {:toc}} mark where the table of contents goes. */
class TableOfContentsPlaceholderTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer(new TokenHighlighter());

    private Element render(String markdown) {
        return Jsoup.parseBodyFragment(renderer.render(markdown)).body();
    }

    @Test
    void turnsBracketTocIntoThePlaceholder() {
        Element body = render("Intro.\n\n[TOC]\n\n## One\n");

        assertEquals(1, body.select("div." + MarkdownRenderer.TOC_PLACEHOLDER_CLASS).size(), body.html());
        assertTrue(body.selectFirst("div.kiln-toc").children().isEmpty());
        assertFalse(body.text().contains("[TOC]"));
    }

    @Test
    void turnsKramdownTocListIntoThePlaceholder() {
        Element body = render("Intro.\n\n* TOC\n{:toc}\n\n## One\n");

        assertEquals(1, body.select("div.kiln-toc").size(), body.html());
        assertTrue(body.select("ul, ol, li").isEmpty(), body.html());
        assertFalse(body.text().contains("TOC"));
        assertFalse(body.text().contains("{"));
    }

    @Test
    void turnsNumberedKramdownTocListIntoThePlaceholder() {
        Element body = render("1. this list becomes the toc\n{:toc}\n\n## One\n");

        assertEquals(1, body.select("div.kiln-toc").size(), body.html());
        assertTrue(body.select("ol, li").isEmpty(), body.html());
    }

    @Test
    void leavesTocMarkersInsideFencedCodeAlone() {
        String code = "[TOC]\n* TOC\n{:toc}\n";
        Element body = render("```\n" + code + "```\n");

        assertTrue(body.select("div.kiln-toc").isEmpty(), body.html());
        assertEquals(code, body.selectFirst("pre > code").wholeText());
    }

    @Test
    void leavesTocMarkersInsideIndentedCodeAlone() {
        Element body = render("Example:\n\n    [TOC]\n    * TOC\n    {:toc}\n");

        assertTrue(body.select("div.kiln-toc").isEmpty(), body.html());
        assertEquals("[TOC]\n* TOC\n{:toc}\n", body.selectFirst("pre > code").wholeText());
    }

    @Test
    void leavesTocMarkerInsideInlineCodeAlone() {
        Element body = render("Write `[TOC]` on a line of its own.\n");

        assertTrue(body.select("div.kiln-toc").isEmpty(), body.html());
        assertEquals("[TOC]", body.selectFirst("code").text());
    }

    @Test
    void leavesAnOrdinaryListAlone() {
        Element body = render("* TOC is an acronym\n* second\n");

        assertTrue(body.select("div.kiln-toc").isEmpty(), body.html());
        assertEquals(2, body.select("li").size());
    }
}
