package dev.kiln.html;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A site under a project path ({@code /blog}) keeps working links. */
class BasePathTest {

    private static Document apply(String html) {
        return Jsoup.parse(BasePath.apply(html, "/blog"));
    }

    @Test
    void prefixesRootRelativeHrefSrcAndSrcset() {
        Document doc = apply("""
                <!DOCTYPE html><html><head><link rel="stylesheet" href="/assets/css/site.css"></head><body>
                <a href="/2020/01/02/post/">p</a>
                <img src="/assets/images/lambda.png" srcset="/assets/a.png 1x, /assets/b.png 2x" alt="">
                <script src="/assets/js/reload.js"></script>
                </body></html>""");

        assertEquals("/blog/assets/css/site.css", doc.selectFirst("link").attr("href"));
        assertEquals("/blog/2020/01/02/post/", doc.selectFirst("a").attr("href"));
        assertEquals("/blog/assets/images/lambda.png", doc.selectFirst("img").attr("src"));
        assertEquals("/blog/assets/a.png 1x, /blog/assets/b.png 2x", doc.selectFirst("img").attr("srcset"));
        assertEquals("/blog/assets/js/reload.js", doc.selectFirst("script").attr("src"));
    }

    @Test
    void prefixesTheSiteRoot() {
        assertEquals("/blog/", apply("<a href=\"/\">home</a>").selectFirst("a").attr("href"));
    }

    @Test
    void leavesAbsoluteProtocolRelativeFragmentAndRelativeUrlsAlone() {
        String[] urls = {"https://example.com/x", "http://example.com/", "//cdn.example.com/x.js", "#top",
            "relative/x.png", "../up/", "mailto:me@example.com", ""};
        for (String url : urls) {
            Document doc = apply("<a href=\"" + url + "\">a</a><img src=\"" + url + "\" alt=\"\">");

            assertEquals(url, doc.selectFirst("a").attr("href"), url);
            assertEquals(url, doc.selectFirst("img").attr("src"), url);
        }
        assertEquals("https://cdn.example.com/a.png 1x, rel.png 2x, /blog/root.png 3x",
                apply("<img srcset=\"https://cdn.example.com/a.png 1x, rel.png 2x, /root.png 3x\">")
                        .selectFirst("img").attr("srcset"));
    }

    @Test
    void keepsTheTextOfThePage() {
        Document doc = apply("<p>Fish &amp; chips, a &lt;tag&gt; and \u201cquotes\u201d</p>");

        assertEquals("Fish & chips, a <tag> and \u201cquotes\u201d", doc.selectFirst("p").text());
    }

    @Test
    void returnsTheInputUnchangedForAnEmptyBasePath() {
        String html = "<!DOCTYPE html>\n<html><head></head><body><a href=\"/x\">x</a> <img src=\"/i.png\"></body></html>\n";

        assertEquals(html, BasePath.apply(html, ""));
    }
}
