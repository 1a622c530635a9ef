package dev.kiln.html;

import dev.kiln.output.SiteOutput;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LinkCheckerTest {

    private static SiteOutput site(String... pathsAndTexts) {
        Map<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            files.put(pathsAndTexts[i], pathsAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return new SiteOutput(new TreeMap<>(files));
    }

    private static List<String> broken(SiteOutput site, String basePath) {
        return new LinkChecker(site, basePath).check().stream().map(LinkChecker.Broken::toString).toList();
    }

    @Test
    void findsALinkToAMissingPage() {
        SiteOutput site = site("index.html", "<a href=\"/nope/\">x</a> <a href=\"/about/\">ok</a>",
                "about/index.html", "<p>about</p>");
        assertEquals(List.of("index.html -> /nope/"), broken(site, ""));
    }

    @Test
    void findsLinksToTheIdsOfTheirOwnPage() {
        SiteOutput site = site("a/index.html", "<h2 id=\"fn:1\">F</h2><a name=\"old.anchor\"></a><h3 id=\"über\">Ü</h3>"
                + "<a href=\"#fn:1\">1</a><a href=\"#old.anchor\">2</a><a href=\"#%C3%BCber\">3</a><a href=\"#\">top</a>"
                + "<a href=\"#fn:2\">4</a><a href=\"#%C3%BCberall\">5</a><span id=\"x\"><a href=\"#x\">6</a></span>");
        assertEquals(List.of("a/index.html -> #fn:2 (no element with id 'fn:2')",
                "a/index.html -> #%C3%BCberall (no element with id 'überall')"), broken(site, ""));
    }

    @Test
    void resolvesPathsAsGitHubPagesDoes() {
        SiteOutput site = site("index.html", "<a href=\"/post\">a</a><a href=\"/dir\">b</a><a href=\"post.html\">c</a>",
                "post.html", "p", "dir/index.html", "d");
        assertEquals(List.of(), broken(site, ""));
    }

    @Test
    void findsAFragmentThatNamesNoId() {
        SiteOutput site = site("index.html", "<a href=\"/a/#there\">x</a><a href=\"/a/#here\">y</a><a href=\"#top\">z</a>",
                "a/index.html", "<h2 id=\"here\">H</h2>");
        assertEquals(List.of("index.html -> /a/#there (no element with id 'there')",
                "index.html -> #top (no element with id 'top')"), broken(site, ""));
    }

    @Test
    void findsMissingImagesStylesheetsAndScripts() {
        SiteOutput site = site("index.html", "<link rel='stylesheet' href='/a.css'><script src=/b.js></script>"
                + "<img src=\"c.png\" alt=\"\">");
        assertEquals(List.of("index.html -> /a.css", "index.html -> /b.js", "index.html -> c.png"), broken(site, ""));
    }

    @Test
    void findsMissingImagesOfSrcsetsInlineStylesAndStyleElements() {
        SiteOutput site = site("index.html", "<style>.a { background: url(\"/gone-a.png\") } .b { background: url(/ok.png) }"
                        + " @import '/gone.css';</style><img src=\"/ok.png\" srcset=\"/ok.png 1x, /gone-b.png 2x\" alt=\"\">"
                        + "<p style=\"background: url(&quot;/gone-c.png&quot;), url(data:image/png;base64,AA==),"
                        + " url(https://cdn.example.com/x.png)\">p</p><svg><rect style=\"fill: url(#nowhere)\"/></svg>",
                "ok.png", "png");
        assertEquals(List.of("index.html -> /gone-a.png", "index.html -> /gone.css", "index.html -> /gone-b.png",
                "index.html -> /gone-c.png", "index.html -> #nowhere (no element with id 'nowhere')"), broken(site, ""));
    }

    @Test
    void findsMissingImagesOfAnImageSetWrittenWithStringsOrUrls() {
        SiteOutput site = site("index.html", "<p style='background: image-set(\"/gone-a.png\" 1x, \"/ok.png\" type(\"image/png\"),"
                        + " url(/gone-b.png) 3x)'>p</p><style>.c { background: -webkit-image-set('/gone-c.png' 1x) }</style>",
                "ok.png", "png");
        assertEquals(List.of("index.html -> /gone-a.png", "index.html -> /gone-b.png", "index.html -> /gone-c.png"),
                broken(site, ""));
    }

    @Test
    void readsTheCssOfAStyleElementAndNotTextThatLooksLikeCssBeforeOrAfterIt() {
        String css = "background: url(/gone.png); @import '/gone.css';";
        SiteOutput site = site("index.html", "<p>" + css + "</p><code>" + css + "</code><style>.a { " + css
                + " }</style><p>" + css + "</p><pre><code>&lt;style&gt;" + css + "&lt;/style&gt;</code></pre>"
                + "<svg><style>.b { fill: url(/gone-svg.png) }</style><text>url(/gone-svg.png)</text></svg>");
        assertEquals(List.of("index.html -> /gone.png", "index.html -> /gone.css", "index.html -> /gone-svg.png"),
                broken(site, ""), "once each: from the style elements alone");
    }

    @Test
    void ignoresLinksShownAsCodeAndInComments() {
        SiteOutput site = site("index.html", "<pre><code>&lt;a href=\"/nope\"&gt;</code></pre><!-- <a href=\"/gone\"> -->"
                + "<p title=\"a > b\"><a href=\"/\">home</a></p>");
        assertEquals(List.of(), broken(site, ""));
    }

    @Test
    void readsTagsAsABrowserWouldAndSkipsScriptText() {
        SiteOutput site = site("index.html", "<SCRIPT>var a = '<a href=\"/in-script\">';</SCRIPT>"
                + "<style>a::after{content:'<img src=/in-style>'}</style>"
                + "<input disabled><A HREF=/gone>x</A> 1 < 2 <img alt='a' src = 'missing.png' >"
                + "<a href=\"/tag\"title=\"x\">glued</a> <a href='/open");
        assertEquals(List.of("index.html -> /gone", "index.html -> missing.png", "index.html -> /tag"),
                broken(site, ""));
    }

    @Test
    void readsNonAsciiLinksAndIdsAsTheUtf8TheyAre() {
        SiteOutput site = site("index.html", "<p>“Quotes” — and <a href=\"/café/#über\">ok</a>"
                        + "<a href=\"/café/#uber\">no id</a><a href=\"/caffè/\">missing</a></p>",
                "café/index.html", "<h2 id=\"über\">Über</h2>");
        assertEquals(List.of("index.html -> /café/#uber (no element with id 'uber')", "index.html -> /caffè/"),
                broken(site, ""));
    }

    @Test
    void ignoresExternalAndSpecialLinks() {
        SiteOutput site = site("index.html", "<a href=\"https://example.com/x\">a</a><a href=\"mailto:a@b.c\">b</a>"
                + "<a href=\"//cdn.example.com/x.js\">c</a>");
        assertEquals(List.of(), broken(site, ""));
    }

    @Test
    void reportsLinksThatMissTheBasePath() {
        SiteOutput site = site("index.html", "<a href=\"/blog/a/\">ok</a><a href=\"/a/\">missing base</a>",
                "a/index.html", "a");
        assertEquals(List.of("index.html -> /a/ (outside the base path /blog)"), broken(site, "/blog"));
    }

    @Test
    void aBasePathWithAnEscapeHoldsTheLinksUnderIt() {
        SiteOutput site = site("b/index.html", "<a href=\"/my%20blog/a/\">ok</a><a href=\"../a/\">ok too</a>"
                        + "<a href=\"/my%20blog/c/\">missing</a><a href=\"/a/\">missing base</a>",
                "a/index.html", "a");
        assertEquals(List.of("b/index.html -> /my%20blog/c/", "b/index.html -> /a/ (outside the base path /my%20blog)"),
                broken(site, "/my%20blog"));
    }

    @Test
    void decodesEntitiesAndPercentEscapes() {
        SiteOutput site = site("index.html", "<a href=\"/a%20b/?x=1&amp;y=2\">x</a><a href=\"/caf%C3%A9/\">y</a>",
                "a b/index.html", "a", "café/index.html", "c");
        assertEquals(List.of(), broken(site, ""));
    }
}
