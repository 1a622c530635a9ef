package dev.kiln.html;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Relative URLs in a body resolve against the page's URL, exactly as a browser resolves them. */
class BodyProcessorLinkTest {

    private static String href(String pageUrl, String url) {
        String html = BodyProcessor.process("<p><a href=\"" + url + "\">x</a></p>", pageUrl, "<!--more-->").html();
        return Jsoup.parseBodyFragment(html).selectFirst("a").attr("href");
    }

    private static String src(String pageUrl, String url) {
        String html = BodyProcessor.process("<p><img src=\"" + url + "\" alt=\"\"></p>", pageUrl, "<!--more-->").html();
        return Jsoup.parseBodyFragment(html).selectFirst("img").attr("src");
    }

    @Test
    void resolvesARelativeImageOnAPageWithoutTrailingSlashFromItsFolder() {
        assertEquals("/assets/images/lambda.png", src("/what-i-learned-from-aws-lambda", "assets/images/lambda.png"));
    }

    @Test
    void resolvesARelativeImageOnAPageWithTrailingSlashFromThePageItself() {
        assertEquals("/2020/01/02/post/diagram.png", src("/2020/01/02/post/", "diagram.png"));
        assertEquals("/2020/01/02/post/diagram.png", src("/2020/01/02/post/", "./diagram.png"));
    }

    @Test
    void resolvesParentSegmentsAsABrowserDoes() {
        // new URL("../x/", "https://site/2020/01/02/post/") is https://site/2020/01/02/x/
        assertEquals("/2020/01/02/x/", href("/2020/01/02/post/", "../x/"));
        assertEquals("/2020/01/x/", href("/2020/01/02/post/", "../../x/"));
        assertEquals("/2020/01/x.html", href("/2020/01/02/post.html", "../x.html"));
    }

    @Test
    void stopsParentSegmentsAtTheSiteRoot() {
        // A browser never climbs above the root: new URL("../../../x", "https://site/a/b") is https://site/x
        assertEquals("/x", href("/a/b", "../../../x"));
        assertEquals("/x/", href("/2020/01/02/post/", "../../../../../../x/"));
    }

    @Test
    void keepsTheQueryAndFragmentOfARelativeUrl() {
        assertEquals("/2020/01/02/post/img.png?v=2#top", href("/2020/01/02/post/", "img.png?v=2#top"));
    }

    @Test
    void resolvesAQueryOnlyUrlAgainstThePageItself() {
        // new URL("?page=2", "https://site/what-i-learned") is https://site/what-i-learned?page=2
        assertEquals("/what-i-learned?page=2", href("/what-i-learned", "?page=2"));
        assertEquals("/2020/01/02/post/?page=2", href("/2020/01/02/post/", "?page=2"));
    }

    @Test
    void leavesAbsoluteFragmentMailtoAndRootRelativeUrlsUnchanged() {
        String page = "/2020/01/02/post/";
        for (String url : new String[] {"https://example.com/a/../b", "http://example.com", "//cdn.example.com/x.js",
                "#conclusion", "mailto:me@example.com", "tel:+123", "/assets/images/lambda.png", "/", "data:,x"}) {
            assertEquals(url, href(page, url), url);
        }
        assertEquals("/assets/x.png", src(page, "/assets/x.png"));
        assertEquals("https://example.com/x.png", src(page, "https://example.com/x.png"));
    }

    @Test
    void resolvesLinksInsideNestedMarkup() {
        String html = BodyProcessor.process(
                "<ul><li><a href=\"other/\">o</a></li></ul><blockquote><p><img src=\"i.png\" alt=\"\"></p></blockquote>",
                "/blog/post/", "<!--more-->").html();
        Element body = Jsoup.parseBodyFragment(html).body();

        assertEquals("/blog/post/other/", body.selectFirst("a").attr("href"));
        assertEquals("/blog/post/i.png", body.selectFirst("img").attr("src"));
    }

    @Test
    void resolvesTheRelativeUrlsOfInlineCssAndStyleElementsAndEscapesWhatCssWouldReadOtherwise() {
        String html = BodyProcessor.process("<style>.a { background: url('i.png') } @import \"../x.css\";</style>"
                + "<p style=\"background: url(i.png), url(/r.png), url(#g), url(data:image/png;base64,AA==);"
                + " mask: -webkit-image-set('m.png' 1x, url(m2.png) 2x, &quot;m.avif&quot; type('image/avif'))\">p</p>",
                "/notes(old)/post/", "<!--more-->").html();
        Element body = Jsoup.parseBodyFragment(html).body();

        assertEquals(".a { background: url('/notes\\(old\\)/post/i.png') } @import \"/notes\\(old\\)/x.css\";",
                body.selectFirst("style").data());
        assertEquals("background: url(/notes\\(old\\)/post/i.png), url(/r.png), url(#g), url(data:image/png;base64,AA==);"
                + " mask: -webkit-image-set('/notes\\(old\\)/post/m.png' 1x, url(/notes\\(old\\)/post/m2.png) 2x,"
                + " \"/notes\\(old\\)/post/m.avif\" type('image/avif'))", body.selectFirst("p").attr("style"));
    }

    @Test
    void resolvesTheRelativeUrlsOfASrcsetAndKeepsItsDescriptorsAndDataUrls() {
        String html = BodyProcessor.process("<p><img src=\"a.png\" srcset=\"a.png 1x, ../b.png 2x,"
                + " data:image/png;base64,AA== 3x, /c.png 4x, https://cdn.example.com/d.png 5x\" alt=\"\"></p>"
                + "<picture><source srcset=\"e.avif\"></picture>", "/2020/01/02/post/", "<!--more-->").html();
        Element body = Jsoup.parseBodyFragment(html).body();

        assertEquals("/2020/01/02/post/a.png 1x, /2020/01/02/b.png 2x, data:image/png;base64,AA== 3x, /c.png 4x,"
                + " https://cdn.example.com/d.png 5x", body.selectFirst("img").attr("srcset"));
        assertEquals("/2020/01/02/post/e.avif", body.selectFirst("source").attr("srcset"));
    }
}
