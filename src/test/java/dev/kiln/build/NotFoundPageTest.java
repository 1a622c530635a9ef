package dev.kiln.build;

import dev.kiln.output.SiteOutput;
import dev.kiln.testing.Fixtures;
import dev.kiln.testing.Kiln;
import dev.kiln.testing.SiteChecks;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A site without a 404 page of its own gets the built-in theme's, which GitHub Pages shows for missing paths. */
class NotFoundPageTest {

    @TempDir
    Path site;

    private void write(String path, String text) throws IOException {
        Kiln.write(site, path, text);
    }

    private SiteOutput build() {
        return Fixtures.build(Fixtures.options(site)).output();
    }

    @Test
    void aSiteWithoutOneGetsTheThemesValidPageLinkingHomeInTheSitesLook() throws Exception {
        write("site.yml", "title: Plain\n");
        write("content/posts/2020-01-01-a.md", "---\ntitle: A\n---\nA.\n");
        SiteOutput out = build();

        Document page = SiteChecks.page(out, "404.html");
        assertEquals("Page not found · Plain", page.title());
        assertEquals("/", page.selectFirst("main a").attr("href"));
        assertEquals("/assets/css/main.css", page.selectFirst("link[rel=stylesheet]").attr("href"));
        assertTrue(page.selectFirst("body").hasClass("kind-404"));
        assertEquals(List.of(), SiteChecks.brokenLinks(out, ""));
        assertEquals(List.of(), SiteChecks.validationErrors(out));
        assertTrue(SiteChecks.page(out, "index.html").select("nav a").stream().noneMatch(a -> a.attr("href").contains("404")));
    }

    @Test
    void underABasePathItsLinksWorkFromAnyDepth() throws IOException {
        write("site.yml", "title: Plain\nbase_url: https://me.example/blog\n");
        write("content/posts/2020-01-01-a.md", "---\ntitle: A\n---\nA.\n");
        SiteOutput out = build();

        Document page = SiteChecks.page(out, "404.html");
        assertEquals("/blog/", page.selectFirst("main a").attr("href"));
        assertEquals("/blog/assets/css/main.css", page.selectFirst("link[rel=stylesheet]").attr("href"));
        assertEquals(List.of(), SiteChecks.brokenLinks(out, "/blog"));
        assertFalse(new String(out.get("sitemap.xml"), StandardCharsets.UTF_8).contains("404"));
    }

    @Test
    void theSitesOwn404PageWinsWhetherMarkdownOrAFile() throws IOException {
        write("content/404.md", "---\ntitle: Lost\n---\nMine.\n");
        assertEquals("Lost", SiteChecks.page(build(), "404.html").selectFirst("h1").text());

        java.nio.file.Files.delete(site.resolve("content/404.md"));
        write("content/404.html", "<!DOCTYPE html><html lang=\"en\"><head><title>Own</title></head><body>Own</body></html>\n");
        assertEquals("Own", SiteChecks.page(build(), "404.html").title());
    }

    @Test
    void aSiteWithItsOwnLayoutsGetsOneOnlyFromAn404LayoutOfItsOwn() throws IOException {
        write("layouts/base.peb", "<!DOCTYPE html><html lang=\"en\"><head><title>{{ page.title }}</title></head>"
                + "<body>{% block content %}{% endblock %}</body></html>\n");
        write("layouts/home.peb", "{% extends \"base\" %}{% block content %}home{% endblock %}\n");
        write("layouts/page.peb", "{% extends \"base\" %}{% block content %}{{ page.content | raw }}{% endblock %}\n");
        write("layouts/post.peb", "{% extends \"base\" %}{% block content %}{{ page.content | raw }}{% endblock %}\n");
        assertNull(build().get("404.html"));

        write("layouts/404.peb", "{% extends \"base\" %}{% block content %}<a href=\"/\">home</a>{% endblock %}\n");
        assertEquals("Page not found", SiteChecks.page(build(), "404.html").title());
    }
}
