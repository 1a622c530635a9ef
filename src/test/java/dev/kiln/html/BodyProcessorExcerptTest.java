package dev.kiln.html;

import dev.kiln.highlight.TokenHighlighter;
import dev.kiln.markdown.MarkdownRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The excerpt shown on the home page and in feeds, and the length of the body. */
class BodyProcessorExcerptTest {

    private static final String MORE = "<!--more-->";

    private final MarkdownRenderer markdown = new MarkdownRenderer(new TokenHighlighter());

    private Body process(String md) {
        return BodyProcessor.process(markdown.render(md), "/post/", MORE);
    }

    private static Element excerpt(Body body) {
        return Jsoup.parseBodyFragment(body.excerptHtml()).body();
    }

    @Test
    void takesEverythingBeforeTheSeparatorAsTheExcerpt() {
        Body body = process("First paragraph.\n\nSecond *paragraph*.\n\n<!--more-->\n\nThe rest.\n");

        assertEquals(List.of("First paragraph.", "Second paragraph."), excerpt(body).select("p").eachText());
        assertEquals("First paragraph. Second paragraph.", body.excerptText());
        assertTrue(body.html().contains("The rest."));
    }

    @Test
    void takesTheFirstParagraphWithTextWhenThereIsNoSeparator() {
        Body body = process("![](assets/images/lambda.png){: .center-image }\n\nFirst words.\n\nSecond words.\n");

        assertEquals(List.of("First words."), excerpt(body).select("p").eachText());
        assertTrue(excerpt(body).select("img").isEmpty(), body.excerptHtml());
        assertEquals("First words.", body.excerptText());
    }

    @Test
    void usesTheSeparatorTheSiteConfigures() {
        Body body = BodyProcessor.process(markdown.render("One.\n\n<!-- excerpt -->\n\nTwo.\n\nThree.\n"),
                "/post/", "<!-- excerpt -->");

        assertEquals("One.", body.excerptText());
    }

    @Test
    void leavesAnchorsFootnoteReferencesAndIdsOutOfTheExcerpt() {
        Body body = process("""
                [TOC]

                ## Why

                Because[^1] of [this](#why).

                <!--more-->

                More.

                [^1]: A note.
                """);
        Element excerpt = excerpt(body);

        assertTrue(excerpt.select("a.anchor, sup, nav, div.footnotes, a.footnote, a.reversefootnote").isEmpty(), body.excerptHtml());
        assertTrue(excerpt.select("[id]").isEmpty(), body.excerptHtml());
        assertEquals("Why Because of this.", body.excerptText());
    }

    @Test
    void resolvesRelativeLinksInTheExcerptAgainstThePage() {
        Body body = BodyProcessor.process(markdown.render("See ![a](pic.png) and [b](../other/).\n"),
                "/2020/01/02/post/", MORE);
        Element excerpt = excerpt(body);

        assertEquals("/2020/01/02/post/pic.png", excerpt.selectFirst("img").attr("src"));
        assertEquals("/2020/01/02/other/", excerpt.selectFirst("a").attr("href"));
    }

    @Test
    void countsTheWordsOfTheBody() {
        Body body = BodyProcessor.process("<p>one two  three</p>\n<p>four\nfive</p>", "/post/", MORE);

        assertEquals(5, body.words());
        assertEquals(1, body.readingMinutes());
        // No-break, tab and em spaces part words; a control character that is not white space does not.
        assertEquals(4, BodyProcessor.process("<p>a\u00a0b\tc\u2003d\u0001e</p>", "/post/", MORE).words());
    }

    @Test
    void doesNotCountHeadingAnchorsOrTheTableOfContentsAsWords() {
        Body body = BodyProcessor.process(
                "<div class=\"kiln-toc\"></div><h2>Hello world</h2><p>one two three</p><h3>Last</h3>", "/post/", MORE);

        assertEquals(6, body.words(), body.html());
    }

    @Test
    void readsTwoHundredWordsAMinuteRoundingUpWithAtLeastOneMinute() {
        assertEquals(1, body(0).readingMinutes());
        assertEquals(1, body(1).readingMinutes());
        assertEquals(1, body(200).readingMinutes());
        assertEquals(2, body(201).readingMinutes());
        assertEquals(5, body(1000).readingMinutes());
    }

    private static Body body(int words) {
        Body b = BodyProcessor.process("<p>" + "word ".repeat(words) + "</p>", "/post/", MORE);
        assertEquals(words, b.words());
        return b;
    }

    @Test
    void fragmentLinksInTheExcerptLeadBackToThePost() {
        Body body = process("See [the details](#details) below.\n\n## Details\n\nText.\n");

        assertTrue(body.excerptHtml().contains("href=\"/post/#details\""), body.excerptHtml());
        assertTrue(body.html().contains("href=\"#details\""), "the post itself keeps its own link: " + body.html());
    }
}
