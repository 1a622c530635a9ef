package dev.kiln.html;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void keepsTheDoctypeAsTheLayoutWroteIt() {
        String page = "<!DOCTYPE html>\n<html><head></head><body><a href=\"/x/\">x</a></body></html>";

        String out = BasePath.apply(page, "/blog");

        assertTrue(out.startsWith("<!DOCTYPE html>\n<html>"), out);
        assertTrue(out.contains("href=\"/blog/x/\""), out);
        assertTrue(BasePath.apply("<!doctype html><html><body></body></html>", "/blog").startsWith("<!doctype html>"));
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
    void prefixesRootRelativeUrlsInStyleAttributesAndStyleElements() {
        Document doc = apply("""
                <!DOCTYPE html><html><head><style>
                .a { background: url(/img/a.png) } .b { background: URL( "/img/b.png" ) }
                @import '/css/more.css'; @import "/css/print.css" print;
                </style></head><body>
                <div style="background-image: url('/img/c.png'), url(/img/d.png)">x</div>
                <svg><style>.e { fill: url(/img/e.svg#g) }</style></svg>
                </body></html>""");

        assertEquals("""

                .a { background: url(/blog/img/a.png) } .b { background: URL( "/blog/img/b.png" ) }
                @import '/blog/css/more.css'; @import "/blog/css/print.css" print;
                """, doc.selectFirst("head style").data());
        assertEquals("background-image: url('/blog/img/c.png'), url(/blog/img/d.png)", doc.selectFirst("div").attr("style"));
        assertEquals(".e { fill: url(/blog/img/e.svg#g) }", doc.selectFirst("svg style").wholeText());
    }

    @Test
    void leavesAbsoluteProtocolRelativeRelativeAndDataUrlsInCssAlone() {
        String style = "background: url(https://example.com/a.png), url(//cdn.example.com/b.png), url(c.png),"
                + " url('../d.png'), url(data:image/png;base64,AA==), url(#gradient); content: '/not-a-url'";

        assertEquals(style, apply("<p style=\"" + style + "\">p</p>").selectFirst("p").attr("style"));
    }

    @Test
    void prefixesOnlyTheUrlsOfASrcsetAndKeepsTheCommaOfADataUrl() {
        assertEquals("data:image/png;base64,AA== 1x,/blog/b.png 2x",
                apply("<img srcset=\"data:image/png;base64,AA== 1x,/b.png 2x\">").selectFirst("img").attr("srcset"));
        assertEquals("/blog/a.png 480w,\n/blog/b.png 800w",
                apply("<img srcset=\"/a.png 480w,\n/b.png 800w\">").selectFirst("img").attr("srcset"));
    }

    @Test
    void escapesABasePathThatCssWouldReadOtherwise() {
        Document doc = Jsoup.parse(BasePath.apply("<p style=\"background: url(/a.png)\">p</p>", "/notes(old)"));

        assertEquals("background: url(/notes\\(old\\)/a.png)", doc.selectFirst("p").attr("style"));
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

    @Test
    void prefixesTheStringsOfAnImageSetAsItsUrls() {
        String style = "background-image: image-set(\"/a.png\" 1x, '/b.png' 2x, url(/c.png) 3x, \"/d.avif\" type(\"image/avif\")),"
                + " -webkit-image-set(\"/e.png\" 1x); content: \"/not-a-url\"";

        assertEquals("background-image: image-set(\"/blog/a.png\" 1x, '/blog/b.png' 2x, url(/blog/c.png) 3x,"
                        + " \"/blog/d.avif\" type(\"image/avif\")), -webkit-image-set(\"/blog/e.png\" 1x); content: \"/not-a-url\"",
                apply("<p style='" + style.replace("'", "&#39;") + "'>p</p>").selectFirst("p").attr("style"));
    }

    @Test
    void onlyTheUrlsChangeEveryOtherByteStaysAsWritten() {
        String page = "<!DOCTYPE html>\n<html><head><title>A &amp; B </title></head><body>\n"
                + "<p>&copy; 2024<br/>x &nbsp; <a HREF='/a/?b=1&amp;c=2' class=x>a</a> <a href=/b/>b</a></p>\n"
                + "<p style=\"background: url(&quot;/bg.png&quot;)\">c</p><form action=\"/search/\"></form>\n"
                + "<a href=\"//cdn.example.com/x\">cdn</a><a href=\"https://e.com/\">e</a><a href=\"#top\">t</a>\n"
                + "</body></html>\n";

        assertEquals("<!DOCTYPE html>\n<html><head><title>A &amp; B </title></head><body>\n"
                + "<p>&copy; 2024<br/>x &nbsp; <a HREF='/blog/a/?b=1&amp;c=2' class=x>a</a> <a href=/blog/b/>b</a></p>\n"
                + "<p style=\"background: url(&quot;/blog/bg.png&quot;)\">c</p><form action=\"/blog/search/\"></form>\n"
                + "<a href=\"//cdn.example.com/x\">cdn</a><a href=\"https://e.com/\">e</a><a href=\"#top\">t</a>\n"
                + "</body></html>\n", BasePath.apply(page, "/blog"));
    }

    @Test
    void scriptsCommentsAndTitlesAreTextAndAStylesCssIsRewritten() {
        String page = "<head><title><a href=\"/t/\"></title><!-- <a href=\"/c/\"> -->"
                + "<script>var a = '<a href=\"/s/\">';</script><style>body { background: url(/bg.png) }</style>"
                + "</head><body><a href=\"/x/\">x</a></body>";

        assertEquals("<head><title><a href=\"/t/\"></title><!-- <a href=\"/c/\"> -->"
                + "<script>var a = '<a href=\"/s/\">';</script><style>body { background: url(/blog/bg.png) }</style>"
                + "</head><body><a href=\"/blog/x/\">x</a></body>", BasePath.apply(page, "/blog"));
    }
}
