package dev.kiln.build;

import dev.kiln.output.SiteOutput;
import dev.kiln.testing.Fixtures;
import dev.kiln.testing.SiteChecks;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** This repository's own blog builds cleanly, validates, links to nothing missing, and keeps the seed post faithful. */
class OwnBlogTest {

    private static final String SEED = "what-i-learned-from-aws-lambda.html";
    private static SiteOutput site;

    @BeforeAll
    static void build() {
        site = Fixtures.build(Fixtures.options(Path.of(""))).output();
    }

    @Test
    void everyPageIsValidHtml() throws Exception {
        assertEquals(List.of(), SiteChecks.validationErrors(site));
    }

    @Test
    void noInternalLinkOrImageIsBroken() {
        assertEquals(List.of(), SiteChecks.brokenLinks(site, ""));
    }

    @Test
    void noInternalLinkIsBrokenUnderABasePath() {
        SiteOutput underBlog = Fixtures.build(Fixtures.options(Path.of(""))
                .withBaseUrl("https://example.github.io/blog")).output();
        assertEquals(List.of(), SiteChecks.brokenLinks(underBlog, "/blog"));
    }

    @Test
    void seedPostKeepsItsJekyllUrl() {
        assertNotNull(site.get(SEED));
    }

    @Test
    void seedTableHasThreeColumnsAndNineRows() {
        Element table = SiteChecks.page(site, SEED).selectFirst("table");
        assertNotNull(table);
        assertEquals(3, table.select("thead th").size());
        assertEquals(9, table.select("tbody tr").size());
    }

    @Test
    void seedCodeBlocksStayPlainEscapedCode() {
        Elements blocks = SiteChecks.page(site, SEED).select("pre > code");
        assertEquals(3, blocks.size());
        assertTrue(blocks.get(0).text().contains("def send_email_manager_event(event: TNotificationEvent):"));
        assertTrue(blocks.select("span").isEmpty(), "no language was named, so nothing is highlighted");
    }

    @Test
    void seedCodeBlocksKeepTheirIndentation() {
        String first = SiteChecks.page(site, SEED).select("pre > code").get(0).wholeText();
        assertTrue(first.contains("\n    message = TMessage(\n        ...\n    )\n"), first);
        String second = SiteChecks.page(site, SEED).select("pre > code").get(1).wholeText();
        assertTrue(second.startsWith("    broker_list = retrieve_broker_list()\n"), second);
    }

    @Test
    void seedImageIsCentredAndResolvesFromThePostUrl() {
        Element img = SiteChecks.page(site, SEED).selectFirst("img.center-image");
        assertNotNull(img);
        assertEquals("/assets/images/lambda.png", img.attr("src"));
        assertNotNull(site.get("assets/images/lambda.png"));
    }

    @Test
    void seedHeadingsKeepTheirOldAnchorsWithOneLinkEach() {
        Document post = SiteChecks.page(site, SEED);
        Elements headings = post.select("article h3[id]");
        assertEquals(List.of("gettingstarted", "coldstart", "samvsserverless", "cheaperisnotbetter", "language",
                "serverlessisnotstateless", "conclusion"), headings.eachAttr("id"));
        for (Element h : headings) {
            assertEquals(1, h.select("a.anchor[href=#" + h.id() + "]").size(), h.outerHtml());
            assertTrue(h.select("a[name]").isEmpty(), h.outerHtml());
        }
        assertEquals("Getting started", headings.first().ownText().strip());
    }

    @Test
    void seedLeavesNoKramdownSyntaxInThePage() {
        String text = SiteChecks.page(site, SEED).select("article").text();
        assertFalse(text.contains("{:"), text);
        assertFalse(text.contains("center-image"), text);
    }

    @Test
    void eachTagOfTheSeedListsIt() {
        for (String tag : List.of("aws", "lambda", "serverless")) {
            Document page = SiteChecks.page(site, "tags/" + tag + "/index.html");
            assertEquals(1, page.select("a[href=/what-i-learned-from-aws-lambda]").size(), tag);
        }
        Document tags = SiteChecks.page(site, "tags/index.html");
        assertEquals(List.of("/tags/aws/", "/tags/lambda/", "/tags/serverless/"),
                tags.select("a[href^=/tags/]").eachAttr("href").stream().filter(h -> !h.equals("/tags/")).toList());
    }

    @Test
    void homePageListsTheSeedWithItsExcerpt() {
        Document home = SiteChecks.page(site, "index.html");
        assertFalse(home.select("a[href=/what-i-learned-from-aws-lambda]").isEmpty());
        assertTrue(home.text().contains("For the past 1 month, I had a chance to work with AWS Lambda."));
    }

    @Test
    void aboutAnd404PagesAreBuilt() {
        assertNotNull(site.get("about/index.html"));
        Document notFound = SiteChecks.page(site, "404.html");
        assertFalse(notFound.select("a[href=/]").isEmpty());
    }
}
