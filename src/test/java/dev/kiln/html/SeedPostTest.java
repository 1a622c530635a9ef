package dev.kiln.html;

import dev.kiln.highlight.TokenHighlighter;
import dev.kiln.markdown.MarkdownRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The blog's first post must keep rendering faithfully: its table, code, centred image and old anchors. */
class SeedPostTest {

    private static final Path SEED = Path.of("content/posts/2018-03-15-what-i-learned-from-aws-lambda.md");
    private static final String URL = "/what-i-learned-from-aws-lambda";

    private static Body result;
    private static Element body;

    @BeforeAll
    static void renderTheSeedPost() throws IOException {
        String source = Files.readString(SEED).replace("\r\n", "\n");
        assertTrue(source.startsWith("---\n"), "front matter");
        int end = source.indexOf("\n---\n", 4);
        assertTrue(end > 0, "end of front matter");
        String markdown = source.substring(end + "\n---\n".length());
        String html = new MarkdownRenderer(new TokenHighlighter()).render(markdown);
        result = BodyProcessor.process(html, URL, "<!--more-->");
        body = Jsoup.parseBodyFragment(result.html()).body();
    }

    @Test
    void keepsTheOldAnchorIdsOfItsSevenHeadings() {
        List<String> ids = List.of("gettingstarted", "coldstart", "samvsserverless", "cheaperisnotbetter", "language",
                "serverlessisnotstateless", "conclusion");

        assertEquals(ids, result.headings().stream().map(Body.Heading::id).toList());
        assertEquals(ids, body.select("h2, h3, h4, h5, h6").eachAttr("id"));
        assertEquals("Getting started", result.headings().get(0).text());
        assertEquals("Serverless doesn\u2019t mean stateless", result.headings().get(5).text());
        assertNull(body.selectFirst("a[name]"), "old anchors are gone");
        assertTrue(body.select("h3 i").isEmpty(), "old icons are gone");
        for (Element h : body.select("h3")) {
            Elements anchors = h.select("a");
            assertEquals(1, anchors.size(), h.outerHtml());
            assertTrue(anchors.first().hasClass("anchor"));
            assertEquals("#" + h.id(), anchors.first().attr("href"));
        }
    }

    @Test
    void centresItsImageServedFromTheSiteRoot() {
        Element img = body.selectFirst("img");

        assertNotNull(img);
        assertEquals("/assets/images/lambda.png", img.attr("src"));
        assertTrue(img.hasClass("center-image"), img.outerHtml());
        for (Element e : body.getAllElements()) {
            for (Attribute a : e.attributes()) {
                assertFalse(a.getKey().contains(":"), "stray attribute on " + e.outerHtml());
            }
        }
        assertFalse(body.text().contains("{:"));
        assertFalse(body.text().contains("center-image"));
    }

    @Test
    void keepsItsPricingTable() {
        Elements tables = body.select("table");

        assertEquals(1, tables.size());
        assertEquals(3, tables.first().select("thead th").size());
        assertEquals(9, tables.first().select("tbody tr").size());
        for (Element row : tables.first().select("tbody tr")) {
            assertEquals(3, row.select("td").size());
        }
    }

    @Test
    void keepsItsCodeBlocksAsPlainUntouchedCode() {
        Elements blocks = body.select("pre > code");

        assertEquals(3, blocks.size());
        for (Element code : blocks) {
            assertFalse(code.hasAttr("class"));
            assertTrue(code.children().isEmpty(), "no highlighting without a language");
        }
        String first = blocks.first().wholeText();
        assertTrue(first.startsWith("import json\n"), first);
        assertTrue(first.contains("logger.info('Payload: ' + thrift_message.decode(\"utf-8\"))"), first);
        assertTrue(first.contains("producer.send('emailManager.immediate-codeless-ess', thrift_message)"), first);
        assertTrue(first.contains("headers={'Content-Type': 'application/json'}"), first);
        assertTrue(first.endsWith("    return metadata_borker_list\n"), first);
        assertEquals("    broker_list = retrieve_broker_list()\n    producer = KafkaProducer(\n"
                + "        bootstrap_servers=broker_list,\n        batch_size=0\n    )\n", blocks.get(1).wholeText());
        assertEquals("retrieve_broker_list", body.select("p > code").get(1).text());
    }

    @Test
    void takesItsFirstTextParagraphAsTheExcerpt() {
        assertTrue(result.excerptText().startsWith("For the past 1 month, I had a chance"), result.excerptText());
        assertTrue(result.excerptText().endsWith("share them with you."), result.excerptText());
        assertTrue(Jsoup.parseBodyFragment(result.excerptHtml()).select("img").isEmpty());
    }

    @Test
    void readsInAFewMinutes() {
        assertTrue(result.words() > 1500 && result.words() < 2500, "words: " + result.words());
        assertEquals((result.words() + 199) / 200, result.readingMinutes());
    }
}
