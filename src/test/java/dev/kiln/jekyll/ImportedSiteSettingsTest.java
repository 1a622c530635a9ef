package dev.kiln.jekyll;

import dev.kiln.build.BuildResult;
import dev.kiln.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jekyll sites whose {@code _config.yml} (or the files Jekyll wrote) decide which URLs exist: each imported site
 * keeps every URL Jekyll wrote, as the tester's sites built by Jekyll 4.3.1 showed them.
 */
class ImportedSiteSettingsTest {

    @TempDir
    Path tmp;

    private ImportReport report;

    /** A Jekyll site folder {@code name} in the test's folder, holding {@code files} (path to text). */
    private Path jekyllSite(String name, Map<String, String> files) throws IOException {
        Path src = tmp.resolve(name);
        for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
            Path path = src.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        return src;
    }

    private Path imported(Path src) {
        Path dest = src.resolveSibling(src.getFileName() + "-kiln");
        report = Importer.run(src, dest, false);
        return dest;
    }

    private static BuildResult build(Path site) {
        return Fixtures.build(Fixtures.options(site));
    }

    /** Jekyll reads posts from collections_dir/_posts, and the collections_dir is no category of theirs. */
    @Test
    void collectionsDirIsNoCategory() throws IOException {
        Path src = jekyllSite("coll", Map.of(
                "_config.yml", "collections_dir: coll\n",
                "coll/_posts/2020-01-01-a.md", "---\ntitle: A\n---\nA\n",
                "coll/blog/_posts/2020-01-02-b.md", "---\ntitle: B\n---\nB\n",
                "coll/_drafts/d.md", "---\ntitle: D\n---\nD\n",
                "_posts/2020-01-03-ignored.md", "---\ntitle: Not read by Jekyll\n---\nX\n"));
        Path dest = imported(src);

        assertEquals(0, report.exitCode(), report.problems().toString());
        assertEquals(List.of(), report.urlChanges());
        assertTrue(Files.isRegularFile(dest.resolve("content/posts/2020-01-01-a.md")));
        assertFalse(Files.readString(dest.resolve("content/posts/2020-01-01-a.md")).contains("coll"));
        assertTrue(Files.readString(dest.resolve("content/posts/drafts/d.md")).contains("draft: true"));
        assertTrue(report.warnings().stream().anyMatch(w -> w.startsWith("_posts/2020-01-03-ignored.md: outside "
                + "collections_dir")), report.warnings().toString());
        BuildResult built = build(dest);
        assertTrue(built.output().files().containsKey("2020/01/01/a.html"), built.output().files().keySet().toString());
        assertTrue(built.output().files().containsKey("blog/2020/01/02/b.html"), built.output().files().keySet().toString());
        assertFalse(built.output().files().containsKey("2020/01/03/ignored.html"));
    }

    /** Jekyll published posts dated after its build with future: true: the import says so in site.yml. */
    @Test
    void futureTrueIsCarriedOver() throws IOException {
        Path src = jekyllSite("future", Map.of(
                "_config.yml", "future: true\n",
                "_posts/2099-01-01-f.md", "---\ntitle: F\n---\nLater.\n"));
        Path dest = imported(src);

        assertEquals(0, report.exitCode(), report.problems().toString());
        assertTrue(Files.readString(dest.resolve("site.yml")).contains("\nfuture: true\n"));
        BuildResult built = build(dest);
        assertTrue(built.output().files().containsKey("2099/01/01/f.html"), built.output().files().keySet().toString());
        assertEquals(0, built.skippedFuture());
    }

    /**
     * A page at / that is no post list is kept, and Kiln's post list goes where Jekyll's paginated one was
     * (paginate_path's folder), its pages at Jekyll's URLs: no redirects needed.
     */
    @Test
    void thePostListMovesToPaginatePathsFolderAndTheHomePageIsKept() throws IOException {
        Path src = jekyllSite("bio", Map.of(
                "_config.yml", "paginate: 1\npaginate_path: /blog/page:num/\nplugins: [jekyll-paginate]\n",
                "index.md", "---\ntitle: Home\n---\nI am P. This is my bio.\n",
                "blog/index.html", "---\ntitle: Blog\n---\n{% for post in paginator.posts %}<a href=\"{{ post.url }}\">"
                        + "{{ post.title }}</a>{% endfor %}\n",
                "_posts/2020-01-01-p1.md", "---\ntitle: P1\n---\nOne.\n",
                "_posts/2020-01-02-p2.md", "---\ntitle: P2\n---\nTwo.\n"));
        Path dest = imported(src);

        assertEquals(0, report.exitCode(), report.problems() + " " + report.leftOut());
        assertTrue(Files.readString(dest.resolve("site.yml")).contains("paginate_path: \"/blog/page:num/\"\n"));
        assertFalse(Files.exists(dest.resolve("content/blog/index.html")), "Kiln writes the list");
        BuildResult built = build(dest);
        Map<String, byte[]> files = built.output().files();
        assertTrue(new String(files.get("index.html"), java.nio.charset.StandardCharsets.UTF_8).contains("I am P."));
        String list = new String(files.get("blog/index.html"), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(list.contains("P2") && !list.contains("{%"), list);
        assertTrue(new String(files.get("blog/page2/index.html"), java.nio.charset.StandardCharsets.UTF_8)
                .contains("P1"));
        assertFalse(files.containsKey("page/2/index.html"));
    }

    /** jekyll new's site: index.markdown is layout: home (minima's, a post list) and nothing else. */
    @Test
    void aHomePageWhoseLayoutListsThePostsIsKilnsPostList() throws IOException {
        Path src = jekyllSite("new", Map.of(
                "_config.yml", "title: My blog\ntheme: minima\n",
                "index.markdown", "---\n# Feel free to add content and custom Front Matter to this file.\n"
                        + "layout: home\n---\n",
                "about.markdown", "---\nlayout: page\ntitle: About\npermalink: /about/\n---\nMe.\n",
                "_posts/2020-01-01-a.md", "---\ntitle: A\n---\nA\n"));
        Path own = jekyllSite("own", Map.of(
                "_layouts/list.html", "---\nlayout: default\n---\n{% for post in site.posts %}{{ post.title }}{% endfor %}\n",
                "_layouts/front.html", "---\nlayout: list\n---\n{{ content }}\n",
                "index.html", "---\nlayout: front\n---\nHello.\n",
                "_posts/2020-01-01-a.md", "---\ntitle: A\n---\nA\n"));

        for (Path site : List.of(src, own)) {
            Path dest = imported(site);

            assertFalse(Files.readString(dest.resolve("site.yml")).contains("paginate_path"), site.toString());
            assertFalse(Files.exists(dest.resolve("content/index.md")) || Files.exists(dest.resolve("content/index.html")),
                    site.toString());
            assertTrue(build(dest).output().files().containsKey("index.html"), site.toString());
        }
    }

    /** include: [_pages], as Minimal Mistakes sites have: Jekyll publishes the pages in that folder. */
    @Test
    void pagesInAnUnderscoreFolderThatIncludeNamesAreImported() throws IOException {
        Path src = jekyllSite("pages", Map.of(
                "_config.yml", "include: [_pages]\n",
                "_pages/about.md", "---\ntitle: About\npermalink: /about/\n---\nMe.\n",
                "_notes/n.md", "---\ntitle: N\n---\nNot published.\n",
                "_posts/2020-01-01-a.md", "---\ntitle: A\n---\nA\n"));
        Path dest = imported(src);

        assertTrue(build(dest).output().files().containsKey("about/index.html"), report.warnings().toString());
        assertTrue(report.warnings().stream().anyMatch(w -> w.startsWith("_notes/n.md: in a folder Jekyll only reads")),
                report.warnings().toString());
    }

    /** A page at /archive/ or the tags' index that is no generated list is kept, and the clash reported. */
    @Test
    void aPageAtAGeneratedUrlThatIsNoListIsKept() throws IOException {
        Path src = jekyllSite("kept", Map.of(
                "archive.md", "---\ntitle: Archive\npermalink: /archive/\n---\nOld papers, by hand.\n",
                "tags.md", "---\ntitle: Tags\npermalink: /tags/\n---\nWhat I tag, by hand.\n",
                "index.md", "---\ntitle: Home\n---\nMy bio.\n",
                "_posts/2020-01-01-a.md", "---\ntitle: A\ntags: [x]\n---\nA\n"));
        Path dest = imported(src);

        assertTrue(Files.exists(dest.resolve("content/archive.md")));
        assertTrue(Files.exists(dest.resolve("content/tags.md")));
        assertTrue(Files.exists(dest.resolve("content/index.md")));
        String siteYml = Files.readString(dest.resolve("site.yml"));
        assertTrue(siteYml.contains("archive_permalink: \"/archive/all/\""), siteYml);
        assertTrue(siteYml.contains("paginate_path: \"/posts/page:num/\""), siteYml);
        assertTrue(report.warnings().contains("index.md: a page at / that is no post list: imported; Kiln's post "
                + "list, which Jekyll did not have there, goes to /posts/ (paginate_path in site.yml)"),
                report.warnings().toString());
        List<String> clashes = report.problems().stream().map(Object::toString).toList();
        assertEquals(1, clashes.size(), clashes.toString());
        assertTrue(clashes.get(0).startsWith("tags.md:1:1: a page at /tags/ that is no list of tags"), clashes.get(0));
    }

    /** Where a post has /posts/, Kiln's post list cannot go there: the page at / clashes with it, reported. */
    @Test
    void aPageAtTheRootClashesWhenThePostListHasNowhereToGo() throws IOException {
        Path src = jekyllSite("clash", Map.of(
                "index.md", "---\ntitle: Home\n---\nMy bio.\n",
                "_posts/2020-01-01-a.md", "---\ntitle: A\npermalink: /posts/\n---\nA\n"));
        imported(src);

        List<String> clashes = report.problems().stream().map(Object::toString).toList();
        assertEquals(1, clashes.size(), clashes.toString());
        assertTrue(clashes.get(0).startsWith("index.md:1:1: a page at / that is no post list: imported, but Kiln "
                + "writes its post list at / too"), clashes.get(0));
    }

    /**
     * Jekyll's pages of the post list count the posts it published (not a future one): a redirect for each
     * page it wrote, none more, each with an absolute canonical link when the site has a URL; the imported
     * site's links all resolve.
     */
    @Test
    void paginationRedirectsCountThePostsJekyllPublished() throws IOException {
        Path src = jekyllSite("paged", Map.of(
                "_config.yml", "url: https://x.example\npaginate: 1\nplugins: [jekyll-paginate]\n",
                "index.html", "---\ntitle: Home\n---\n{% for p in paginator.posts %}{{ p.title }}{% endfor %}\n",
                "_posts/2020-01-01-p.md", "---\ntitle: P\n---\nOne.\n",
                "_posts/2020-01-02-p.md", "---\ntitle: Q\n---\nTwo.\n",
                "_posts/2099-01-01-p.md", "---\ntitle: Later\n---\nLater.\n",
                "_posts/2020-01-03-u.md", "---\ntitle: U\npublished: false\n---\nNo.\n"));
        Path dest = imported(src);

        assertTrue(Files.exists(dest.resolve("content/page2/index.html")));
        assertFalse(Files.exists(dest.resolve("content/page3/index.html")), "Jekyll wrote two pages of the list");
        String redirect = Files.readString(dest.resolve("content/page2/index.html"));
        assertTrue(redirect.contains("<link rel=\"canonical\" href=\"https://x.example/page/2/\">"), redirect);
        assertTrue(redirect.contains("url=/page/2/"), redirect);
        BuildResult built = build(dest);
        assertEquals(List.of(), dev.kiln.build.LinkReport.problems(built, dest).stream().map(Object::toString)
                .toList());
    }

    /**
     * {@code paginate_path: /page:num} without a trailing slash (the TeXt theme's default): jekyll-paginate makes
     * {@code /page2} the page's folder, so Jekyll wrote {@code page2/index.html} (URL {@code /page2/}); the
     * redirect to Kiln's {@code /page/2/} is written there, not at {@code page2.html}, and the import's warning
     * names the URLs Jekyll wrote, at {@code paginate_path}'s line.
     */
    @Test
    void paginatePathWithoutTrailingSlashRedirectsFromJekyllsFolders() throws IOException {
        Path src = jekyllSite("text", Map.of(
                "_config.yml", "title: T\npaginate: 1\npaginate_path: /page:num\nplugins: [jekyll-paginate]\n",
                "index.html", "---\ntitle: Home\n---\n{% for p in paginator.posts %}{{ p.title }}{% endfor %}\n",
                "_posts/2020-01-01-p.md", "---\ntitle: P\n---\nOne.\n",
                "_posts/2020-01-02-q.md", "---\ntitle: Q\n---\nTwo.\n",
                "_posts/2020-01-03-r.md", "---\ntitle: R\n---\nThree.\n"));
        Path dest = imported(src);

        BuildResult built = build(dest);
        Map<String, byte[]> files = built.output().files();
        for (int n = 2; n <= 3; n++) {
            assertTrue(files.containsKey("page" + n + "/index.html"), files.keySet().toString());
            String redirect = new String(files.get("page" + n + "/index.html"), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(redirect.contains("url=/page/" + n + "/"), redirect);
            assertFalse(files.containsKey("page" + n + ".html"), files.keySet().toString());
        }
        assertFalse(files.containsKey("page4/index.html"));
        assertTrue(report.warnings().contains("_config.yml:3:1: home pages 2, 3, ... move from Jekyll's /page2/, "
                + "/page3/, ... to Kiln's /page/2/, /page/3/, ...; a redirect page is written at each old URL, so "
                + "links to them keep working"), report.warnings().toString());
        assertEquals(List.of(), dev.kiln.build.LinkReport.problems(built, dest).stream().map(Object::toString)
                .toList());
    }

    /** Jekyll's layout: null (no layout), which Kiln refuses, is dropped as a layout Kiln lacks is: the site builds. */
    @Test
    void aPageWithLayoutNullIsImportedWithoutItsLayoutAndBuilds() throws IOException {
        Path src = jekyllSite("nolayout", Map.of(
                "_config.yml", "title: T\n",
                "colophon.md", "---\ntitle: Colophon\nlayout: null\n---\nMade by hand.\n",
                "_posts/2020-01-01-a.md", "---\ntitle: Aardvark\n---\nA\n"));
        Path dest = imported(src);

        assertEquals(0, report.exitCode(), report.problems() + " " + report.leftOut());
        assertTrue(report.warnings().contains("layout 'null' dropped from 1 file(s): Kiln's built-in theme lays them out"),
                report.warnings().toString());
        assertTrue(!Files.readString(dest.resolve("content/colophon.md")).contains("layout"));
        BuildResult built = build(dest);
        assertTrue(new String(built.output().get("colophon.html"), java.nio.charset.StandardCharsets.UTF_8)
                .contains("Made by hand."));
    }

    /** A hand-made feed (atom.xml looping over site.posts) becomes Kiln's feed at its path, kept up to date. */
    @Test
    void aHandMadeFeedBecomesKilnsFeedAtItsPath() throws IOException {
        Path src = jekyllSite("atom", Map.of(
                "_config.yml", "url: https://x.example\n",
                "atom.xml", "---\nlayout: null\n---\n<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
                        + "{% for post in site.posts %}<entry><title>{{ post.title }}</title></entry>{% endfor %}</feed>\n",
                "_posts/2020-01-01-a.md", "---\ntitle: Aardvark\n---\nA\n"));
        Path dest = imported(src);

        assertEquals(0, report.exitCode(), report.problems() + " " + report.leftOut());
        assertTrue(Files.readString(dest.resolve("site.yml")).contains("feed:\n  path: \"/atom.xml\"\n"));
        assertTrue(report.warnings().stream().anyMatch(w -> w.startsWith("atom.xml: a feed Liquid wrote")),
                report.warnings().toString());
        BuildResult built = build(dest);
        String feed = new String(built.output().get("atom.xml"), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(feed.contains("Aardvark") && feed.contains("<feed"), feed);
    }

    /** A backslash is a character of a file's name on Linux, as Jekyll takes it: the file keeps its name. */
    @Test
    void aStaticFileWithABackslashInItsNameIsCopiedAsNamed() throws IOException {
        Path src = jekyllSite("backslash", Map.of(
                "files/Back\\slash.txt", "b\n",
                "_posts/2020-01-01-a.md", "---\ntitle: A\n---\nA\n"));
        Path dest = imported(src);

        assertEquals(0, report.exitCode(), report.problems().toString());
        assertTrue(Files.isRegularFile(dest.resolve("content/files/Back\\slash.txt")));
        assertFalse(Files.exists(dest.resolve("content/files/Back")));
        assertEquals("b\n", new String(build(dest).output().get("files/Back\\slash.txt"),
                java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("access denied (Permission denied)",
                Importer.reason(new java.nio.file.AccessDeniedException("x", null, "Permission denied")));
    }

    /** Jekyll's _data/ is not imported: the report says so, and what to do. */
    @Test
    void dataFilesAreReported() throws IOException {
        Path src = jekyllSite("data", Map.of(
                "_data/authors.yml", "jane: {name: Jane}\n",
                "_data/nav/main.json", "[]\n",
                "_posts/2020-01-01-a.md", "---\ntitle: A\n---\nA\n"));
        imported(src);

        assertEquals(0, report.exitCode(), report.problems().toString());
        assertTrue(report.warnings().stream().anyMatch(w -> w.startsWith("_data/: 2 data file(s), which Jekyll's "
                + "Liquid read as site.data: not imported")), report.warnings().toString());
    }

    /**
     * The URL comparison compares Kiln's URL with the import's reading of Jekyll's rules; Jekyll's last build is a
     * second witness: a URL it has no file for is a warning.
     */
    @Test
    void aUrlThatJekyllsLastBuildLacksIsAWarning() throws IOException {
        Path src = jekyllSite("witness", Map.of(
                "_posts/2020-01-01-a.md", "---\ntitle: A\n---\nA\n",
                "_posts/2020-01-02-b.md", "---\ntitle: B\n---\nB\n",
                "_posts/2099-01-01-later.md", "---\ntitle: Later, not published yet\n---\nL\n",
                "draft.md", "---\ntitle: Not published\npublished: false\n---\nD\n",
                "_site/2020/01/01/a.html", "<p>A</p>\n",
                "_site/elsewhere/b.html", "<p>B</p>\n"));
        imported(src);

        List<String> witnessed = report.warnings().stream().filter(w -> w.contains("Jekyll's last build")).toList();
        assertEquals(1, witnessed.size(), report.warnings().toString());
        assertTrue(witnessed.get(0).startsWith("_posts/2020-01-02-b.md: Jekyll's last build (_site/) has no file "
                + "for /2020/01/02/b.html"), witnessed.get(0));
    }
}
