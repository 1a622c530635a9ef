package dev.kiln.build;

import dev.kiln.error.Problem;
import dev.kiln.error.SiteException;
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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A page's old URLs ({@code redirect_from}, as jekyll-redirect-from reads it; Hugo's {@code aliases}) keep working. */
class RedirectsTest {

    @TempDir
    Path site;

    private void write(String path, String text) throws IOException {
        Kiln.write(site, path, text);
    }

    private SiteOutput build() {
        return Fixtures.build(Fixtures.options(site)).output();
    }

    /** Where the redirect page at {@code path} sends a reader: its refresh URL, canonical link and link. */
    private static List<String> target(SiteOutput out, String path) {
        Document page = SiteChecks.page(out, path);
        String refresh = page.selectFirst("meta[http-equiv=refresh]").attr("content");
        return List.of(refresh.substring(refresh.indexOf("url=") + 4), page.selectFirst("link[rel=canonical]").attr("href"),
                page.selectFirst("body a").attr("href"));
    }

    @Test
    void everyOldUrlOfAPostOrPageIsAPageSendingReadersToItsUrl() throws Exception {
        write("content/posts/2020-01-01-new.md", "---\ntitle: New\nredirect_from:\n  - /old/\n  - /2019/old-name.html\n"
                + "  - notes/older\n---\nText.\n");
        write("content/about.md", "---\ntitle: About\naliases: /about-me/\n---\nMe.\n");
        SiteOutput out = build();

        for (String old : List.of("old/index.html", "2019/old-name.html", "notes/older.html")) {
            assertEquals(List.of("/2020/01/01/new/", "/2020/01/01/new/", "/2020/01/01/new/"), target(out, old), old);
            assertTrue(SiteChecks.page(out, old).selectFirst("meta[name=robots]").attr("content").contains("noindex"));
        }
        assertEquals(List.of("/about/", "/about/", "/about/"), target(out, "about-me/index.html"));
        assertEquals(List.of(), SiteChecks.brokenLinks(out, ""));
        assertEquals(List.of(), SiteChecks.validationErrors(out));
        assertTrue(SiteChecks.page(out, "2020/01/01/new/index.html").selectFirst("meta[http-equiv=refresh]") == null);
        write("site.yml", "base_url: https://example.com\n"); // a sitemap is written only with the site's URL
        String sitemap = new String(build().get("sitemap.xml"), StandardCharsets.UTF_8);
        assertFalse(sitemap.contains("old"), sitemap);
        assertTrue(sitemap.contains("https://example.com/about/"), sitemap);
    }

    @Test
    void hugosAliasesAreFoldersAndARelativeOneIsTakenFromThePagesFolderAsHugoWritesThem() throws Exception {
        // What Hugo 0.111 writes for these aliases of /posts/a/ and /docs/page/ (checked with hugo itself).
        write("site.yml", "permalink: /posts/:slug/\n");
        write("content/posts/2023-01-01-a.md", "---\ntitle: A\naliases: [old-a, /old-abs, ../up-a, rel-slash/, x.html, "
                + "/abs.html, ./dot-a, sub/deeper]\n---\nx\n");
        write("content/docs/page.md", "---\ntitle: D\naliases: d-old\n---\nx\n");
        write("content/ugly.md", "---\ntitle: U\npermalink: /notes/ugly\naliases: u-old\n---\nx\n");
        SiteOutput out = build();

        for (String old : List.of("old-a", "posts/old-a", "old-abs", "up-a", "posts/rel-slash", "posts/dot-a",
                "posts/sub/deeper")) {
            if (!old.equals("old-a")) {
                assertEquals(List.of("/posts/a/", "/posts/a/", "/posts/a/"), target(out, old + "/index.html"), old);
            }
        }
        assertEquals(null, out.get("old-a/index.html"));
        assertEquals(null, out.get("old-abs.html"));
        assertEquals(List.of("/posts/a/", "/posts/a/", "/posts/a/"), target(out, "posts/x.html"));
        assertEquals(List.of("/posts/a/", "/posts/a/", "/posts/a/"), target(out, "abs.html"));
        assertEquals(List.of("/docs/page/", "/docs/page/", "/docs/page/"), target(out, "docs/d-old/index.html"));
        assertEquals(List.of("/notes/ugly", "/notes/ugly", "/notes/ugly"), target(out, "notes/u-old/index.html"));
        assertEquals(List.of(), SiteChecks.brokenLinks(out, ""));
    }

    @Test
    void aRelativeAliasThatClimbsAboveTheSiteRootIsAProblemAtItsLine() throws IOException {
        write("content/docs/page.md", "---\ntitle: D\naliases: [fine, ../../gone]\n---\nx\n");

        SiteException e = assertThrows(SiteException.class, this::build);

        assertEquals(1, e.problems().size(), e.getMessage());
        String problem = e.problems().get(0).toString();
        assertTrue(problem.startsWith("content/docs/page.md:3:") && problem.contains("leaves the site"), problem);
    }

    @Test
    void aPageWithRedirectToSendsItsReadersThere() throws Exception {
        write("content/posts/2020-01-01-moved.md", "---\ntitle: Moved\nredirect_to: https://medium.example/@me/moved\n---\n"
                + "Now elsewhere.\n");
        write("content/posts/2020-02-01-renamed.md", "---\ntitle: Renamed\nredirect_to: /about/\n---\nOld.\n");
        write("content/about.md", "---\ntitle: About\n---\nMe.\n");
        SiteOutput out = build();

        assertEquals(List.of("https://medium.example/@me/moved", "https://medium.example/@me/moved",
                "https://medium.example/@me/moved"), target(out, "2020/01/01/moved/index.html"));
        assertEquals(List.of("/about/", "/about/", "/about/"), target(out, "2020/02/01/renamed/index.html"));
        assertEquals(List.of(), SiteChecks.brokenLinks(out, ""));
        assertEquals(List.of(), SiteChecks.validationErrors(out));
    }

    @Test
    void aRedirectToThatIsNeitherAUrlNorAPathIsAProblemAtItsLine() throws IOException {
        write("content/posts/2020-01-01-a.md", "---\ntitle: A\nredirect_to: elsewhere\n---\nA.\n");

        SiteException e = assertThrows(SiteException.class, this::build);

        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).toString().startsWith("content/posts/2020-01-01-a.md:3:"), e.getMessage());
    }

    @Test
    void underABaseUrlReadersStayOnTheServerAndTheCanonicalLinkIsAbsolute() throws IOException {
        write("site.yml", "title: Blog\nbase_url: https://example.com/blog\n");
        write("content/posts/2020-01-01-new.md", "---\ntitle: New\nredirect_from: /old/\n---\nText.\n");
        SiteOutput out = build();

        assertEquals(List.of("/blog/2020/01/01/new/", "https://example.com/blog/2020/01/01/new/", "/blog/2020/01/01/new/"),
                target(out, "old/index.html"));
        assertEquals(List.of(), SiteChecks.brokenLinks(out, "/blog"));
    }

    @Test
    void anOldUrlThatAnotherPageHasIsAProblemAtTheRedirect() throws IOException {
        write("content/about.md", "---\ntitle: About\n---\nMe.\n");
        write("content/posts/2020-01-01-new.md", "---\ntitle: New\nredirect_from: [/gone/, /about/]\n---\nText.\n");

        SiteException e = assertThrows(SiteException.class, this::build);

        assertEquals(1, e.problems().size(), e.getMessage());
        Problem problem = e.problems().get(0);
        assertEquals("content/posts/2020-01-01-new.md", problem.path());
        assertEquals(3, problem.line(), problem.toString());
        assertTrue(problem.message().contains("/about/") && problem.message().contains("content/about.md"), problem.toString());
    }

    @Test
    void anOldUrlOnAnotherSiteOrOutsideTheSiteIsAProblem() throws IOException {
        write("content/posts/2020-01-01-a.md", "---\ntitle: A\nredirect_from: https://old.example.com/a/\n---\nA.\n");
        write("content/posts/2020-01-02-b.md", "---\ntitle: B\naliases: [/x/../../etc/]\n---\nB.\n");
        write("content/posts/2020-01-03-c.md", "---\ntitle: C\nredirect_from: \"/c/?page=2\"\n---\nC.\n");

        SiteException e = assertThrows(SiteException.class, this::build);

        List<String> problems = e.problems().stream().map(Problem::toString).toList();
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("content/posts/2020-01-01-a.md:3:") && problems.get(0).contains("paths of this site"),
                problems.get(0));
        assertTrue(problems.get(1).startsWith("content/posts/2020-01-02-b.md:3:") && problems.get(1).contains("'..'"),
                problems.get(1));
        assertTrue(problems.get(2).startsWith("content/posts/2020-01-03-c.md:3:") && problems.get(2).contains("?"),
                problems.get(2));
    }
}
