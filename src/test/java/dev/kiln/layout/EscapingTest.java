package dev.kiln.layout;

import dev.kiln.output.SiteOutput;
import dev.kiln.testing.Fixtures;
import dev.kiln.testing.Kiln;
import dev.kiln.testing.SiteChecks;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.json.Json;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Text from front matter and {@code site.yml} is text on every page, feed and sitemap, and in JSON-LD:
 * markup, quotes and {@code &} in it never become elements, attributes or the end of a script.
 * Only the rendered Markdown body is trusted as HTML.
 */
class EscapingTest {

    /** Would open an element, end an attribute (either quote) or a script, and start an entity, if not escaped. */
    private static final String EVIL = "<script>alert(1)</script> \"dq\" 'sq' & &amp; <x-evil onclick=\"alert(2)\">";
    private static final String TITLE = "Title " + EVIL;
    private static final String TAG = "tag " + EVIL;
    private static final String DESCRIPTION = "Description " + EVIL;
    private static final String AUTHOR = "Author " + EVIL;
    private static final String SITE_TITLE = "Site " + EVIL;

    @TempDir
    Path site;

    /** A site on the built-in theme whose every value a layout prints holds {@link #EVIL}. */
    private SiteOutput hostileSite() throws IOException {
        Kiln.write(site, "site.yml", "title: " + yaml(SITE_TITLE) + "\ndescription: " + yaml("About " + EVIL)
                + "\nauthor: " + yaml(AUTHOR) + "\nbase_url: https://me.example/blog\n");
        Kiln.write(site, "content/posts/2020-01-01-evil.md", "---\ntitle: " + yaml(TITLE) + "\ndescription: "
                + yaml(DESCRIPTION) + "\ntags: [" + yaml(TAG) + ", java]\nimage: " + yaml("/img/a.png?x=\"1\"&y=<2>")
                + "\n---\nThe *trusted* body.\n");
        Kiln.write(site, "content/posts/2020-01-02-next.md", "---\ntitle: " + yaml("Next " + EVIL)
                + "\ntags: [java]\n---\nNext body.\n");
        Kiln.write(site, "content/about.md", "---\ntitle: " + yaml("About " + EVIL) + "\n---\nAbout body.\n");
        return Fixtures.build(Fixtures.options(site)).output();
    }

    /** {@code text} as a YAML double-quoted scalar. */
    private static String yaml(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void noHtmlPageHoldsAnElementOrAttributeFromAValue() throws IOException {
        SiteOutput out = hostileSite();
        List<String> pages = out.files().keySet().stream().filter(p -> p.endsWith(".html")).toList();
        assertTrue(pages.size() >= 8, pages.toString());
        for (String path : pages) {
            Document page = SiteChecks.page(out, path);
            assertTrue(page.select("x-evil").isEmpty(), path);
            for (Element e : page.getAllElements()) {
                assertFalse(e.hasAttr("onclick"), path + ": " + e);
            }
            for (Element script : page.select("script")) {
                assertEquals("application/ld+json", script.attr("type"), path + ": " + script);
            }
        }
    }

    @Test
    void everyPageShowsTheValuesAsTheTextTheyAre() throws IOException {
        SiteOutput out = hostileSite();
        Document post = SiteChecks.page(out, "2020/01/01/evil/index.html");

        assertEquals(TITLE + " · " + SITE_TITLE, post.title());
        assertEquals(TITLE, post.selectFirst("h1").text());
        assertEquals(DESCRIPTION, post.selectFirst("meta[name=description]").attr("content"));
        assertEquals(TITLE, post.selectFirst("meta[property=og:title]").attr("content"));
        assertTrue(post.select("a").stream().anyMatch(a -> a.text().equals(TAG)), "the tag's link");
        assertTrue(post.text().contains(AUTHOR), "the author in the footer");
        assertEquals("trusted", post.selectFirst("em").text(), "the Markdown body is HTML");

        for (String list : List.of("index.html", "tags/java/index.html", "archive/index.html")) {
            Document page = SiteChecks.page(out, list);
            assertTrue(page.select("a").stream().anyMatch(a -> a.text().equals(TITLE)), list + " links the post");
        }
        Document tags = SiteChecks.page(out, "tags/index.html");
        assertTrue(tags.select("a").stream().anyMatch(a -> a.text().startsWith(TAG)), "the tags index");
        assertEquals("About " + EVIL, SiteChecks.page(out, "about/index.html").selectFirst("h1").text());
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonLdParsesAsJsonAndHoldsTheExactStrings() throws IOException {
        SiteOutput out = hostileSite();
        String json = SiteChecks.page(out, "2020/01/01/evil/index.html")
                .selectFirst("script[type=application/ld+json]").data();

        Map<String, Object> data = new Json().toType(json, Map.class);

        assertEquals(TITLE, data.get("headline"));
        assertEquals(DESCRIPTION, data.get("description"));
        assertEquals(AUTHOR, ((Map<String, Object>) data.get("author")).get("name"));
        assertEquals(List.of(TAG, "java"), data.get("keywords"));
        assertFalse(json.toLowerCase(java.util.Locale.ROOT).contains("</script"), json);
    }

    @Test
    void feedsAreWellFormedXmlHoldingTheExactStrings() throws Exception {
        SiteOutput out = hostileSite();
        List<String> feeds = out.files().keySet().stream().filter(p -> p.endsWith("feed.xml")).toList();
        assertEquals(3, feeds.size(), feeds.toString());
        for (String feed : feeds) {
            org.w3c.dom.Document xml = xml(out, feed);
            assertEquals(0, xml.getElementsByTagName("x-evil").getLength(), feed);
            assertEquals(0, xml.getElementsByTagName("script").getLength(), feed);
        }
        org.w3c.dom.Document atom = xml(out, "feed.xml");
        assertEquals(SITE_TITLE, text(atom.getDocumentElement(), "title").get(0));
        List<String> titles = new ArrayList<>();
        NodeList entries = atom.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            titles.addAll(text((org.w3c.dom.Element) entries.item(i), "title"));
        }
        assertEquals(List.of("Next " + EVIL, TITLE), titles);
        List<String> categories = new ArrayList<>();
        NodeList terms = atom.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "category");
        for (int i = 0; i < terms.getLength(); i++) {
            categories.add(((org.w3c.dom.Element) terms.item(i)).getAttribute("term"));
        }
        assertTrue(categories.contains(TAG), categories.toString());
        assertTrue(atom.getDocumentElement().getTextContent().contains(AUTHOR), "the author");
    }

    @Test
    void theSitemapIsWellFormedXmlWithOnlyItsOwnElements() throws Exception {
        SiteOutput out = hostileSite();
        org.w3c.dom.Document sitemap = xml(out, "sitemap.xml");
        NodeList all = sitemap.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            String name = all.item(i).getLocalName();
            assertTrue(List.of("urlset", "url", "loc", "lastmod").contains(name), name);
        }
        NodeList locs = sitemap.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
        for (int i = 0; i < locs.getLength(); i++) {
            String loc = locs.item(i).getTextContent();
            assertTrue(loc.startsWith("https://me.example/blog/"), loc);
            java.net.URI.create(loc); // every URL is a valid URI: nothing unencoded leaked in
        }
    }

    @Test
    void aSitesOwnLayoutPrintsFrontMatterParamsAsText() throws IOException {
        Kiln.write(site, "layouts/page.peb", "<!DOCTYPE html><html><head><title>{{ page.title }}</title></head>"
                + "<body><h1>{{ page.title }}</h1><p class=\"sub\" title=\"{{ page.params.subtitle }}\">"
                + "{{ page.params.subtitle }}</p><ul>{% for n in page.params.notes %}<li>{{ n }}</li>{% endfor %}"
                + "</ul>{{ page.content | raw }}</body></html>\n");
        Kiln.write(site, "content/about.md", "---\ntitle: " + yaml(TITLE) + "\nsubtitle: " + yaml(EVIL)
                + "\nnotes: [" + yaml(EVIL) + "]\n---\nBody with <b>raw HTML</b>.\n");
        Document page = SiteChecks.page(Fixtures.build(Fixtures.options(site)).output(), "about/index.html");

        assertEquals(EVIL, page.selectFirst("p.sub").text());
        assertEquals(EVIL, page.selectFirst("p.sub").attr("title"));
        assertEquals(EVIL, page.selectFirst("li").text());
        assertTrue(page.select("x-evil, script").isEmpty(), page.html());
        assertEquals("raw HTML", page.selectFirst("b").text(), "only the body is trusted as HTML");
    }

    private static org.w3c.dom.Document xml(SiteOutput out, String path) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(out.get(path)));
    }

    /** The text of the direct children of {@code parent} named {@code name}. */
    private static List<String> text(org.w3c.dom.Element parent, String name) {
        List<String> texts = new ArrayList<>();
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (name.equals(n.getLocalName())) {
                texts.add(n.getTextContent());
            }
        }
        return texts;
    }
}
