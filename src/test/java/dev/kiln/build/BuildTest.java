package dev.kiln.build;

import dev.kiln.error.Problem;
import dev.kiln.error.SiteException;
import dev.kiln.output.SiteOutput;
import dev.kiln.output.SiteWriter;
import dev.kiln.testing.Fixtures;
import dev.kiln.testing.SiteChecks;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A whole build: same input, same bytes; parallel stages agree with the plain reading; base URL; URL claims. */
class BuildTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(2020, 1, 1);
    private static final int MANY = 60;

    @TempDir
    Path tmp;

    // ---- determinism ----

    @Test
    void theSummaryCountsEveryListPageWritten() throws IOException {
        Path site = tmp.resolve("blog");
        write(site, "site.yml", "title: T\n");
        write(site, "content/posts/2020-01-01-a.md", "---\ntitle: A\ntags: [x]\n---\nHi.\n");

        BuildResult result = Fixtures.build(Fixtures.options(site));

        // The home page, the index of tags and the archive.
        assertTrue(result.output().files().containsKey("archive/index.html"));
        assertTrue(result.summary().startsWith("built 1 page (1 post), 1 tag page, 3 list pages in "), result.summary());
    }

    @Test
    void theSummaryCountsContentIndexMdAsAPageWhenItGivesTheHomePageItsText() throws IOException {
        Path site = tmp.resolve("blog");
        write(site, "site.yml", "title: T\n");
        write(site, "content/index.md", "---\ntitle: Welcome\n---\nHello from the home page.\n");
        write(site, "content/posts/2020-01-01-a.md", "---\ntitle: A\ntags: [x]\n---\nHi.\n");

        BuildResult result = Fixtures.build(Fixtures.options(site));

        // The home page is written from content/index.md (its text) and still lists the posts: one page of the
        // author's own besides the post, and the home page among the list pages as in a site without it.
        assertTrue(new String(result.output().get("index.html"), StandardCharsets.UTF_8).contains("Hello from the home page."));
        assertTrue(result.summary().startsWith("built 2 pages (1 post), 1 tag page, 3 list pages in "), result.summary());
    }

    @Test
    void hiddenFilesArePublishedOnlyWhenSiteYmlIncludesThemAndGitNever() throws IOException {
        Path site = tmp.resolve("blog");
        write(site, "site.yml", "title: T\n");
        write(site, "content/.well-known/security.txt", "Contact: mailto:sec@example.com\n");
        write(site, "content/.well-known/.secret", "no\n");
        write(site, "content/.htaccess", "Deny\n");
        write(site, "content/.git/config", "[core]\n");
        write(site, "assets/.well-known/x.txt", "x\n");
        write(site, "assets/.keep", "\n");
        write(site, "content/.well-known/.git/HEAD", "ref\n");

        var hidden = Fixtures.build(Fixtures.options(site)).output().files().keySet().stream()
                .filter(p -> p.contains("/.") || p.startsWith(".") && !p.equals(".nojekyll")).toList();
        assertEquals(List.of(), hidden, "nothing hidden by default");

        write(site, "site.yml", "title: T\ninclude: [.well-known, /assets/.keep]\n");
        var published = Fixtures.build(Fixtures.options(site)).output().files().keySet().stream()
                .filter(p -> p.contains("/.") || p.startsWith(".") && !p.equals(".nojekyll")).sorted().toList();
        assertEquals(List.of(".well-known/security.txt", "assets/.keep", "assets/.well-known/x.txt"), published);

        write(site, "site.yml", "title: T\ninclude: [.git]\n");
        SiteException e = assertThrows(SiteException.class, () -> Fixtures.build(Fixtures.options(site)));
        assertEquals("site.yml:2:11: include: '.git' names .git, which is never published: name the hidden files or "
                + "folders to publish, like [.well-known, .htaccess]", e.problems().get(0).toString());
    }

    @Test
    void aSiteAtACustomDomainGetsACnameNamingItAndAGitHubOrSubPathSiteNone() throws IOException {
        // DESIGN.md: "CNAME when site.yml names a domain". A gh-pages branch deployment loses its custom domain
        // at every push without one.
        Path site = tmp.resolve("blog");
        write(site, "site.yml", "title: T\nbase_url: https://blog.example.com\n");
        write(site, "content/posts/2020-01-01-a.md", "---\ntitle: A\n---\nHi.\n");

        SiteOutput out = Fixtures.build(Fixtures.options(site)).output();
        assertEquals("blog.example.com\n", new String(out.get("CNAME"), StandardCharsets.UTF_8));

        for (String url : List.of("https://me.github.io", "https://me.github.io/blog", "https://example.com/blog",
                "http://localhost:4000")) {
            SiteOutput other = Fixtures.build(Fixtures.options(site).withBaseUrl(url)).output();
            assertEquals(null, other.get("CNAME"), url);
        }
        write(site, "site.yml", "title: T\n");
        assertEquals(null, Fixtures.build(Fixtures.options(site)).output().get("CNAME"), "no base_url");
        SiteOutput passed = Fixtures.build(Fixtures.options(site).withBaseUrl("https://www.example.org/")).output();
        assertEquals("www.example.org\n", new String(passed.get("CNAME"), StandardCharsets.UTF_8), "--base-url");
    }

    @Test
    void aCnameOfTheSitesOwnWinsOverTheOneKilnWouldWrite() throws IOException {
        Path site = tmp.resolve("blog");
        write(site, "site.yml", "title: T\nbase_url: https://blog.example.com\n");
        write(site, "content/CNAME", "example.com");
        write(site, "content/posts/2020-01-01-a.md", "---\ntitle: A\n---\nHi.\n");

        SiteOutput out = Fixtures.build(Fixtures.options(site)).output();
        assertEquals("example.com", new String(out.get("CNAME"), StandardCharsets.UTF_8));
    }

    @Test
    void theSameSiteBuiltTwiceGivesTheSameBytes() throws IOException {
        Path site = richSite(tmp.resolve("blog"));

        SiteOutput first = Fixtures.build(Fixtures.options(site)).output();
        SiteOutput second = Fixtures.build(Fixtures.options(site)).output();

        assertSameBytes(first, second);
    }

    @Test
    void theSameSiteInAnotherFolderGivesTheSameBytes() throws IOException {
        Path here = richSite(tmp.resolve("here"));
        Path there = richSite(tmp.resolve("elsewhere/deeper/blog"));

        assertSameBytes(Fixtures.build(Fixtures.options(here)).output(),
                Fixtures.build(Fixtures.options(there)).output());
    }

    @Test
    void manyPostsBuiltTwiceOnThePoolGiveTheSameBytes() throws IOException {
        Path site = manyPosts(tmp.resolve("many"));

        assertSameBytes(Fixtures.build(Fixtures.options(site)).output(),
                Fixtures.build(Fixtures.options(site)).output());
    }

    @Test
    void theParallelBuildWritesTheSameBytesAsTheSerialOne() throws IOException {
        Path site = manyPosts(tmp.resolve("many"));
        SiteOutput serial;
        try (Build build = new Build(line -> {}, new dev.kiln.highlight.TokenHighlighter(), 1)) {
            serial = build.run(Fixtures.options(site)).output();
        }
        SiteOutput parallel;
        try (Build build = new Build(line -> {}, new dev.kiln.highlight.TokenHighlighter(), 4)) {
            parallel = build.run(Fixtures.options(site)).output();
        }
        assertSameBytes(serial, parallel);
    }

    @Test
    void aOneOffBuildKeepsItsPagesInATemporaryFolderUntilItIsClosed() throws IOException {
        Path site = manyPosts(tmp.resolve("many"));
        List<Path> before = spillFolders();
        List<Path> during;
        Path spill;
        try (Build once = Build.once(line -> {})) {
            BuildResult result = once.run(Fixtures.options(site));
            during = spillFolders();
            during.removeAll(before);
            long total = 0;
            for (String path : result.output().files().keySet()) {
                total += result.output().length(path);
            }
            // Another process's build (a test run beside this one) may spill into the same temporary folder at
            // the same time: this run's folder is the new one holding every byte it built.
            List<Path> holding = new java.util.ArrayList<>();
            for (Path folder : during) {
                if (spilledBytes(folder) == total) {
                    holding.add(folder);
                }
            }
            assertEquals(1, holding.size(), "the run spilled every built file to one folder: " + during);
            spill = holding.get(0);
            assertTrue(new String(result.output().get("index.html"), StandardCharsets.UTF_8).contains("Post number " + MANY),
                    "and is read back from there");
        }
        assertTrue(Files.notExists(spill), "closing the build removes the folder");
    }

    @Test
    void aOneOffBuildIntoAFolderWithNoSiteWritesEachFileThereAsItIsMade() throws IOException {
        Path site = manyPosts(tmp.resolve("many"));
        Path dest = tmp.resolve("out");
        List<Path> before = spillFolders();
        SiteOutput placed;
        try (Build once = Build.once(line -> {}, dest)) {
            placed = once.run(Fixtures.options(site)).output();
            List<Path> spills = spillFolders();
            spills.removeAll(before);
            long total = 0;
            for (String path : placed.files().keySet()) {
                total += placed.length(path);
            }
            // A new folder may be another process's build (a test run beside this one), not one of these bytes.
            for (Path folder : spills) {
                assertNotEquals(total, spilledBytes(folder), "nothing waits in a temporary folder: " + folder);
            }
            assertTrue(Files.isRegularFile(dest.resolve(outputPath(MANY))), "the pages are in place before the write");
            assertEquals(new SiteWriter.Stats(placed.size(), 0, 0), SiteWriter.write(placed, dest));
        }
        SiteOutput held = Fixtures.build(Fixtures.options(site)).output();
        assertSameBytes(held, placed);
        for (String path : held.files().keySet()) {
            assertArrayEquals(held.get(path), Files.readAllBytes(dest.resolve(path)), path);
        }
    }

    @Test
    void aOneOffBuildWhoseSiteIsNotWrittenRemovesWhatItPlacedAndTheFoldersItMade() throws IOException {
        Path site = manyPosts(tmp.resolve("many"));
        Path dest = tmp.resolve("made/for/out");
        try (Build once = Build.once(line -> {}, dest)) {
            once.run(Fixtures.options(site));
            assertTrue(Files.isRegularFile(dest.resolve("index.html")));
        }
        assertTrue(Files.notExists(tmp.resolve("made")), "the folder is left as it was: not there");

        Files.createDirectory(tmp.resolve("empty"));
        try (Build once = Build.once(line -> {}, tmp.resolve("empty"))) {
            once.run(Fixtures.options(site));
        }
        try (java.util.stream.Stream<Path> left = Files.list(tmp.resolve("empty"))) {
            assertEquals(List.of(), left.toList(), "an empty folder is left empty");
        }
    }

    @Test
    void aOneOffBuildThatFailsRemovesWhatItPlaced() throws IOException {
        Path site = manyPosts(tmp.resolve("many"));
        // A layout error in one post, found while the other pages are laid out and placed.
        write(site, "layouts/post.peb", "<!DOCTYPE html>\n<html><head><title>{{ page.title }}</title></head><body>"
                + "{% if page.title == \"Post number " + MANY / 2 + "\" %}{{ page.titel }}{% endif %}</body></html>\n");
        Path dest = tmp.resolve("out");
        try (Build once = Build.once(line -> {}, dest)) {
            assertThrows(SiteException.class, () -> once.run(Fixtures.options(site)));
        }
        assertTrue(Files.notExists(dest));
    }

    /** The bytes the files of a spill folder hold; -1 when it is gone (another run's, closed since). */
    private static long spilledBytes(Path folder) throws IOException {
        long spilled = 0;
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                spilled += Files.size(file);
            }
        } catch (java.nio.file.NoSuchFileException gone) {
            return -1;
        }
        return spilled;
    }

    private static List<Path> spillFolders() throws IOException {
        try (java.util.stream.Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return new ArrayList<>(all.filter(p -> p.getFileName().toString().startsWith("kiln-pages-")).toList());
        }
    }

    @Test
    void aOneOffBuildKeepsNothingForANextRunAndAWarmOneReusesItAll() throws IOException {
        Path site = manyPosts(tmp.resolve("many"));
        try (Build once = Build.once(line -> {}); Build warm = new Build(line -> {})) {
            BuildResult first = once.run(Fixtures.options(site));
            assertEquals(MANY, once.run(Fixtures.options(site)).markdownRenders(), "nothing was kept");
            assertEquals(MANY, warm.run(Fixtures.options(site)).markdownRenders());
            BuildResult again = warm.run(Fixtures.options(site));
            assertEquals(0, again.markdownRenders(), "everything was kept");
            assertSameBytes(first.output(), again.output());
        }
    }

    @Test
    void markdownNestedTooDeeplyIsAProblemAtItsFileAndOtherPagesStillReport() throws IOException {
        Path site = tmp.resolve("deep");
        write(site, "content/posts/2020-01-01-deep.md", "---\ntitle: Deep\n---\n" + "> ".repeat(200_000) + "x\n");
        write(site, "content/posts/2020-01-02-nested.md", "---\ntitle: Nested\n---\n" + "> ".repeat(50) + "fine\n");

        // A small stack makes the overflow certain (how deep 64 MB reaches depends on the JIT).
        try (Build small = new Build(line -> {}, new dev.kiln.highlight.TokenHighlighter(), 2, 1L << 20, true)) {
            SiteException e = assertThrows(SiteException.class, () -> small.run(Fixtures.options(site)));
            assertEquals(List.of("content/posts/2020-01-01-deep.md:1:1: its Markdown nests lists, quotes or emphasis "
                    + "too deeply to render: flatten the deepest part"), e.problems().stream().map(Problem::toString).toList());
        }
        write(site, "content/posts/2020-01-01-deep.md", "---\ntitle: Deep\n---\n" + "> ".repeat(3_000) + "x\n");
        assertTrue(Fixtures.build(Fixtures.options(site)).output().files().containsKey("2020/01/01/deep/index.html"),
                "3,000 levels render with the build's own stacks");
    }

    @Test
    void aPageThatALibraryFailsOnIsAProblemAtItsFileNotAStackTrace() throws IOException {
        Path site = tmp.resolve("library-bug");
        write(site, "content/posts/2020-01-01-boom.md", "---\ntitle: Boom\n---\n```boom\nx\n```\n");
        write(site, "content/posts/2020-01-02-fine.md", "---\ntitle: Fine\n---\n```sh\nls\n```\n");
        dev.kiln.highlight.Highlighter failing = (code, language) -> {
            if (language.equals("boom")) {
                throw new IllegalStateException("a library's bug");
            }
            return dev.kiln.highlight.Highlighter.plain().highlight(code, language);
        };

        try (Build build = new Build(line -> {}, failing, 2, 1L << 24, true)) {
            SiteException e = assertThrows(SiteException.class, () -> build.run(Fixtures.options(site)));
            String message = e.problems().stream().map(Problem::toString).collect(java.util.stream.Collectors.joining("\n"));
            assertTrue(message.startsWith("content/posts/2020-01-01-boom.md:1:1: Kiln failed to render this page "
                    + "(java.lang.IllegalStateException: a library's bug at dev.kiln.build.BuildTest."), message);
            assertTrue(message.endsWith("): this is a bug in Kiln, please report it with the page; to build meanwhile, "
                    + "find the part that fails by removing parts of the page and write it another way"), message);
        }
    }

    // ---- the pool agrees with the plain reading of the site ----

    @Test
    void everyOneOfManyPostsGetsItsOwnPage() throws IOException {
        SiteOutput out = Fixtures.build(Fixtures.options(manyPosts(tmp.resolve("many")))).output();

        for (int i = 1; i <= MANY; i++) {
            Document post = SiteChecks.page(out, outputPath(i));
            assertEquals("Post number " + i, post.selectFirst("h1.post-title").text(), "post " + i);
            assertEquals("int n = " + i + ";", post.selectFirst("pre code").text(), "code of post " + i);
            assertNotNull(post.getElementById("section-" + i), "heading of post " + i);
            assertEquals(i > 1 ? url(i - 1) : null, href(post.selectFirst("a.post-nav-older")), "older of post " + i);
            assertEquals(i < MANY ? url(i + 1) : null, href(post.selectFirst("a.post-nav-newer")), "newer of post " + i);
        }
        assertEquals(List.of(), SiteChecks.brokenLinks(out, ""));
    }

    @Test
    void eachTagPageOfManyPostsListsExactlyItsPostsNewestFirst() throws IOException {
        SiteOutput out = Fixtures.build(Fixtures.options(manyPosts(tmp.resolve("many")))).output();

        Map<String, List<String>> expected = new TreeMap<>();
        for (int i = MANY; i >= 1; i--) {
            for (String tag : tags(i)) {
                expected.computeIfAbsent(tag, t -> new ArrayList<>()).add(url(i));
            }
        }
        for (var tag : expected.entrySet()) {
            Document page = SiteChecks.page(out, "tags/" + tag.getKey() + "/index.html");
            assertEquals(tag.getValue(), page.select("main .archive-list a").eachAttr("href"), tag.getKey());
        }
        Document index = SiteChecks.page(out, "tags/index.html");
        assertEquals(expected.keySet().stream().map(t -> "/tags/" + t + "/").toList(),
                index.select("main a.tag").eachAttr("href"));
        long tagPages = out.files().keySet().stream().filter(p -> p.matches("tags/[^/]+/index.html")).count();
        assertEquals(expected.size(), tagPages, "no tag page beyond the tags in use");
    }

    @Test
    void theHomePagesOfManyPostsListThemNewestFirstTenAPage() throws IOException {
        SiteOutput out = Fixtures.build(Fixtures.options(manyPosts(tmp.resolve("many")))).output();

        List<String> listed = new ArrayList<>();
        for (int n = 1; n <= MANY / 10; n++) {
            Document home = SiteChecks.page(out, n == 1 ? "index.html" : "page/" + n + "/index.html");
            List<String> onPage = home.select("main .post-summary-title a").eachAttr("href");
            assertEquals(10, onPage.size(), "page " + n);
            listed.addAll(onPage);
        }
        List<String> expected = new ArrayList<>();
        for (int i = MANY; i >= 1; i--) {
            expected.add(url(i));
        }
        assertEquals(expected, listed);
        assertEquals(null, out.get("page/" + (MANY / 10 + 1) + "/index.html"));
    }

    // ---- base URL ----

    @Test
    void baseUrlPrefixesEveryRootRelativeLinkOfEveryPage() throws IOException {
        Path site = richSite(tmp.resolve("blog"));

        SiteOutput out = Fixtures.build(Fixtures.options(site).withBaseUrl("https://me.github.io/blog")).output();

        assertEquals(List.of(), SiteChecks.brokenLinks(out, "/blog"));
        List<String> outside = new ArrayList<>();
        for (String path : out.files().keySet()) {
            if (!path.endsWith(".html")) {
                continue;
            }
            for (Element e : SiteChecks.page(out, path).select("[href], [src]")) {
                String url = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                if (url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/blog/")) {
                    outside.add(path + " -> " + url);
                }
            }
        }
        assertEquals(List.of(), outside);
    }

    @Test
    void baseUrlPrefixesImagesAndLinksWrittenInMarkdownButNotCode() throws IOException {
        Path site = richSite(tmp.resolve("blog"));

        SiteOutput out = Fixtures.build(Fixtures.options(site).withBaseUrl("https://me.github.io/blog")).output();

        Document post = SiteChecks.page(out, "2020/03/15/pictures/index.html");
        assertEquals("/blog/assets/images/cat.png", post.selectFirst("img[alt=a cat]").attr("src"));
        assertEquals("/blog/assets/images/cat.png", post.selectFirst("img[alt=html cat]").attr("src"));
        assertEquals("/blog/about/", post.selectFirst("a:containsOwn(about me)").attr("href"));
        assertTrue(post.selectFirst("pre code").text().contains("<a href=\"/about/\">"),
                "code is shown as written: " + post.selectFirst("pre code").text());
    }

    @Test
    void aLinkWrittenWithTheBasePathIsToldToDropItOnlyWhereThatLeadsToAFile() throws IOException {
        Path site = tmp.resolve("blog");
        write(site, "site.yml", "title: T\nbase_url: https://me.github.io/blog\n");
        write(site, "content/about.md", "---\ntitle: About\n---\nMe.\n");
        write(site, "content/posts/2020-01-01-p.md", "---\ntitle: P\n---\n[b](/blog/about) [a](/blog/about/)"
                + " [c](/blog/nothere/)\n");

        BuildResult result = Fixtures.build(Fixtures.options(site));

        String advice = ": it starts with the base path /blog, which Kiln puts in front of every link from the site"
                + " root: write ";
        assertEquals(List.of(
                "content/posts/2020-01-01-p.md:4:5: broken link to /blog/about" + advice + "/about (published as"
                        + " /blog/blog/about; on 2020/01/01/p/index.html; also in its excerpt on index.html)",
                "content/posts/2020-01-01-p.md:4:22: broken link to /blog/about/" + advice + "/about/ (published as"
                        + " /blog/blog/about/; on 2020/01/01/p/index.html; also in its excerpt on index.html)",
                "content/posts/2020-01-01-p.md:4:40: broken link to /blog/nothere/ (published as /blog/blog/nothere/;"
                        + " on 2020/01/01/p/index.html; also in its excerpt on index.html)"),
                LinkReport.problems(result, site).stream().map(Problem::toString).toList());
    }

    @Test
    void baseUrlPrefixesTheUrlsOfAPostsInlineStylesStyleElementsAndSrcsetsAndTheirLinksAreChecked() throws IOException {
        Path site = tmp.resolve("blog");
        write(site, "site.yml", "title: T\nbase_url: https://me.github.io/blog\n");
        write(site, "content/img/a.png", "png");
        write(site, "content/img/b.png", "png");
        write(site, "content/posts/2020-01-01-styled.md", """
                ---
                title: Styled
                ---
                <div style="background: url(/img/a.png)">A box.</div>

                <style>
                .hero { background-image: url("/img/b.png"); }
                @import '/img/gone.css';
                </style>

                <img src="/img/a.png" srcset="/img/a.png 1x, /img/b.png 2x, data:image/png;base64,AA== 3x" alt="a">

                <p style="background: url('/img/missing.png'), url(https://cdn.example.com/c.png)">Text.</p>
                """);

        BuildResult result = Fixtures.build(Fixtures.options(site));

        Document post = SiteChecks.page(result.output(), "2020/01/01/styled/index.html");
        assertEquals("background: url(/blog/img/a.png)", post.selectFirst("div[style]").attr("style"));
        String css = post.selectFirst("article style").data();
        assertTrue(css.contains("url(\"/blog/img/b.png\")") && css.contains("@import '/blog/img/gone.css'"), css);
        assertEquals("/blog/img/a.png 1x, /blog/img/b.png 2x, data:image/png;base64,AA== 3x",
                post.selectFirst("img[alt=a]").attr("srcset"));
        assertEquals("background: url('/blog/img/missing.png'), url(https://cdn.example.com/c.png)",
                post.selectFirst("p[style]").attr("style"));
        // The home page shows the last paragraph as the post's excerpt: prefixed there too.
        assertEquals("background: url('/blog/img/missing.png'), url(https://cdn.example.com/c.png)",
                SiteChecks.page(result.output(), "index.html").selectFirst("p[style]").attr("style"));
        assertEquals(List.of("2020/01/01/styled/index.html -> /blog/img/gone.css",
                        "2020/01/01/styled/index.html -> /blog/img/missing.png", "index.html -> /blog/img/missing.png"),
                SiteChecks.brokenLinks(result.output(), "/blog").stream().sorted().toList());
        assertEquals(List.of("content/posts/2020-01-01-styled.md:8:10: broken link to /img/gone.css (published as /blog/img/gone.css; on 2020/01/01/styled/index.html)",
                        "content/posts/2020-01-01-styled.md:13:28: broken link to /img/missing.png"
                                + " (published as /blog/img/missing.png; on 2020/01/01/styled/index.html; also in its excerpt on index.html)"),
                LinkReport.problems(result, site).stream().map(Problem::toString).toList());
    }

    @Test
    void relativeUrlsOfAPostsCssResolveOnListPagesAndInFeedsAsOnThePostAndTheirLinksAreChecked() throws IOException {
        Path site = tmp.resolve("blog");
        write(site, "site.yml", "title: T\nbase_url: https://me.github.io/blog\n");
        write(site, "content/notes/styled/img/a.png", "png");
        write(site, "content/notes/styled/img/b.png", "png");
        write(site, "content/posts/2020-01-01-styled.md", """
                ---
                title: Styled
                permalink: /notes/styled/
                tags: [css]
                ---
                <style>.hero { background: url("img/a.png") } @import 'img/gone.css';</style>

                <p style="background: url(img/a.png)">Text <span style='background-image: image-set("img/b.png" 1x, url(img/a.png) 2x, "img/gone.png" type("image/png"))'>x</span>.</p>

                <!--more-->

                More.
                """);

        BuildResult result = Fixtures.build(Fixtures.options(site));

        String css = ".hero { background: url(\"/blog/notes/styled/img/a.png\") } @import '/blog/notes/styled/img/gone.css';";
        String p = "background: url(/blog/notes/styled/img/a.png)";
        String span = "background-image: image-set(\"/blog/notes/styled/img/b.png\" 1x, url(/blog/notes/styled/img/a.png) 2x,"
                + " \"/blog/notes/styled/img/gone.png\" type(\"image/png\"))";
        for (String page : List.of("notes/styled/index.html", "index.html")) {
            Document doc = SiteChecks.page(result.output(), page);
            assertEquals(css, doc.selectFirst("style:containsData(hero)").data(), page);
            assertEquals(p, doc.selectFirst("p[style]").attr("style"), page);
            assertEquals(span, doc.selectFirst("span[style]").attr("style"), page);
        }
        for (String feedPath : List.of("feed.xml", "tags/css/feed.xml")) { // the full post, and its excerpt
            String feed = new String(result.output().get(feedPath), StandardCharsets.UTF_8);
            assertTrue(feed.contains("image-set(&amp;quot;https://me.github.io/blog/notes/styled/img/b.png&amp;quot; 1x,"
                    + " url(https://me.github.io/blog/notes/styled/img/a.png) 2x"), feed);
        }
        assertEquals(List.of("content/posts/2020-01-01-styled.md:6:56: broken link to img/gone.css"
                                + " (published as /blog/notes/styled/img/gone.css; on notes/styled/index.html; also in its excerpt on index.html)",
                        "content/posts/2020-01-01-styled.md:8:121: broken link to img/gone.png"
                                + " (published as /blog/notes/styled/img/gone.png; on notes/styled/index.html; also in its excerpt on index.html)"),
                LinkReport.problems(result, site).stream().map(Problem::toString).toList());
    }

    @Test
    void aFileWithASpaceInItsNameIsReachedByAPointyBracketDestinationAndCheckedAsWritten() throws IOException {
        // Finding 4 of the s28 new-user test: CommonMark's </a b.png> form was printed as text.
        Path site = tmp.resolve("blog");
        write(site, "site.yml", "title: T\nbase_url: https://jane.github.io/REPO\n");
        write(site, "assets/img/My Photo.png", "png");
        write(site, "content/notes/x y/index.md", "---\ntitle: X Y\n---\nHere.\n");
        write(site, "content/posts/2020-01-01-spaces.md", """
                ---
                title: Spaces
                permalink: /notes/spaces/
                ---
                ![photo](</assets/img/My Photo.png>) and [folder](<../x y/>).

                Missing: ![gone](</assets/img/No Such.png>)
                """);

        BuildResult result = Fixtures.build(Fixtures.options(site));

        Document post = SiteChecks.page(result.output(), "notes/spaces/index.html");
        assertEquals("/REPO/assets/img/My%20Photo.png", post.selectFirst("img[alt=photo]").attr("src"));
        assertEquals("/REPO/notes/x%20y/", post.selectFirst("a:contains(folder)").attr("href"));
        // The link checker finds My Photo.png and x y/index.html; only the missing file is broken.
        assertEquals(List.of("notes/spaces/index.html -> /REPO/assets/img/No%20Such.png"),
                SiteChecks.brokenLinks(result.output(), "/REPO"));
        // Reported as written, which a search of the file finds (finding 11), and as published.
        assertEquals(List.of("content/posts/2020-01-01-spaces.md:7:19: broken link to /assets/img/No Such.png"
                        + " (published as /REPO/assets/img/No%20Such.png; on notes/spaces/index.html)"),
                LinkReport.problems(result, site).stream().map(Problem::toString).toList());
    }

    // ---- URL claims ----

    @Test
    void aPostAndAPageClaimingOneUrlIsAProblemNamingBoth() throws IOException {
        Path site = tmp.resolve("blog");
        write(site, "content/posts/2020-01-01-about-me.md", "---\ntitle: About me\npermalink: /about/\n---\nPost.\n");
        write(site, "content/about.md", "---\ntitle: About\n---\nPage.\n");

        SiteException e = assertThrows(SiteException.class, () -> Fixtures.build(Fixtures.options(site)));

        assertEquals(1, e.problems().size(), e.getMessage());
        String problem = e.problems().get(0).toString();
        assertTrue(problem.contains("content/posts/2020-01-01-about-me.md"), problem);
        assertTrue(problem.contains("content/about.md"), problem);
        assertTrue(problem.contains("/about/"), problem);
        // At the permalink that made them meet.
        assertTrue(problem.startsWith("content/posts/2020-01-01-about-me.md:3:12: "), problem);
    }

    @Test
    void aPageWhosePermalinkIsATagPageIsAProblem() throws IOException {
        Path site = tmp.resolve("blog");
        write(site, "content/posts/2020-01-01-lambda.md", "---\ntitle: Lambda\ntags: [AWS]\n---\nPost.\n");
        write(site, "content/aws.md", "---\ntitle: AWS\npermalink: /tags/aws/\n---\nMy AWS page.\n");

        SiteException e = assertThrows(SiteException.class, () -> Fixtures.build(Fixtures.options(site)));

        assertEquals(1, e.problems().size(), e.getMessage());
        Problem problem = e.problems().get(0);
        assertEquals("content/aws.md", problem.path(), problem.toString());
        assertTrue(problem.toString().startsWith("content/aws.md:3:12: "), problem.toString());
        assertTrue(problem.message().contains("/tags/aws/"), problem.toString());
        assertTrue(problem.message().contains("AWS"), "names the tag: " + problem);
    }

    @Test
    void aFileWhosePathIsAlsoThePageFolderOfAnotherIsAProblemNamingBoth() throws IOException {
        Path site = tmp.resolve("blog");
        write(site, "content/about.md", "---\ntitle: About\n---\nMe.\n");
        write(site, "content/about", "a file without an extension, copied as it is\n");
        Path dest = tmp.resolve("out");

        SiteException e;
        try (Build once = Build.once(line -> {}, dest)) {
            e = assertThrows(SiteException.class, () -> once.run(Fixtures.options(site)));
        }

        assertEquals(1, e.problems().size(), e.getMessage());
        Problem problem = e.problems().get(0);
        assertEquals("content/about", problem.path(), problem.toString());
        assertTrue(problem.message().contains("about/index.html") && problem.message().contains("content/about.md"),
                problem.toString());
        assertTrue(Files.notExists(dest), "nothing is left in the destination");
    }

    @Test
    void aPageWhosePermalinkIsTheTagsIndexOrAHomePageIsAProblem() throws IOException {
        Path site = tmp.resolve("blog");
        write(site, "site.yml", "paginate: 1\n");
        write(site, "content/posts/2020-01-01-a.md", "---\ntags: [aws]\n---\nA.\n");
        write(site, "content/posts/2020-01-02-b.md", "---\n---\nB.\n");
        write(site, "content/all-tags.md", "---\npermalink: /tags/\n---\nTags.\n");
        write(site, "content/second.md", "---\npermalink: /page/2/\n---\nSecond.\n");

        SiteException e = assertThrows(SiteException.class, () -> Fixtures.build(Fixtures.options(site)));

        List<String> problems = e.problems().stream().map(Problem::toString).toList();
        assertEquals(2, problems.size(), e.getMessage());
        assertTrue(problems.get(0).startsWith("content/all-tags.md:2:12: ") && problems.get(0).contains("/tags/"),
                problems.get(0));
        assertTrue(problems.get(1).startsWith("content/second.md:2:12: ") && problems.get(1).contains("/page/2/"),
                problems.get(1));
    }

    @Test
    void aTagWhoseUrlIsAnotherPageKilnMakesIsAProblemOfTheSettings() throws IOException {
        Path site = tmp.resolve("blog");
        write(site, "site.yml", "tag_permalink: /:slug/\n");
        write(site, "content/posts/2020-01-01-a.md", "---\ntags: [tags]\n---\nA.\n");

        SiteException e = assertThrows(SiteException.class, () -> Fixtures.build(Fixtures.options(site)));

        assertEquals(List.of("site.yml:1:16: URL /tags/ is used by both the page of tag 'tags' and the index of tags:"
                        + " change tag_permalink here, or rename the tag"),
                e.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void aPaginatePathWhoseListPagesMeetAnotherPageKilnMakesIsAProblemAtPaginatePath() throws IOException {
        Path site = tmp.resolve("blog");
        write(site, "content/posts/2020-01-01-a.md", "---\ntags: [x]\n---\nA.\n");
        write(site, "content/posts/2020-01-02-b.md", "---\ntags: [page2]\n---\nB.\n");

        write(site, "site.yml", "title: T\npaginate: 1\npaginate_path: /tags/page:num/\n");
        assertEquals(List.of("site.yml:3:16: URL /tags/ is used by both the post list and the index of tags:"
                        + " change paginate_path here",
                "site.yml:3:16: URL /tags/page2/ is used by both the post list and the page of tag 'page2':"
                        + " change paginate_path here, or rename the tag"), problems(site));

        // Both settings given: both named, at paginate_path.
        write(site, "site.yml", "title: T\ntag_permalink: /blog/:slug/\npaginate: 1\npaginate_path: /blog/page:num/\n");
        assertEquals(List.of("site.yml:4:16: URL /blog/ is used by both the post list and the index of tags:"
                        + " change paginate_path or tag_permalink here",
                "site.yml:4:16: URL /blog/page2/ is used by both the post list and the page of tag 'page2':"
                        + " change paginate_path or tag_permalink here, or rename the tag"), problems(site));
    }

    @Test
    void aPaginatePathWhoseListPagesMeetAPageOrFileOfTheSiteIsAProblemAtPaginatePathNamingIt() throws IOException {
        Path site = tmp.resolve("blog");
        write(site, "content/posts/2020-01-01-a.md", "---\n---\nA.\n");
        write(site, "content/posts/2020-01-02-b.md", "---\n---\nB.\n");
        write(site, "content/about.md", "---\ntitle: About\n---\nMe.\n");
        write(site, "content/blog/index.html", "<p>An old list, copied as it is.</p>\n");

        write(site, "site.yml", "paginate: 1\n\npaginate_path: \"/about/:num/\"\n");
        assertEquals(List.of("site.yml:3:16: URL /about/ is used by both the post list and content/about.md:"
                + " change paginate_path here, or give content/about.md another permalink"), problems(site));

        write(site, "site.yml", "paginate_path: /blog/page:num/\n");
        assertEquals(List.of("site.yml:1:16: URL /blog/index.html is used by both the post list and"
                + " content/blog/index.html: change paginate_path here, or move content/blog/index.html"), problems(site));

        // Kiln's own list pages meet a page: the page is reported, as before.
        write(site, "site.yml", "paginate: 1\n");
        write(site, "content/about.md", "---\ntitle: About\npermalink: /page/2/\n---\nMe.\n");
        List<String> problems = problems(site);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("content/about.md:3:12: URL /page/2/ is also used by the home page: give"
                + " this page another permalink"), problems.get(0));
    }

    @Test
    void anUnknownLayoutIsAProblemAtItsLineSayingWhatToDoAndJekyllsDefaultIsNamedAsKilnsPostOrPage() throws IOException {
        Path site = tmp.resolve("blog");
        write(site, "site.yml", "title: T\n");
        write(site, "content/posts/2020-01-01-a.md", "---\ntitle: A\nlayout: default\n---\nA.\n");
        write(site, "content/about.md", "---\ntitle: About\nlayout: psot\n---\nAbout.\n");
        assertEquals(List.of("content/about.md:3:9: unknown layout 'psot' (layouts: 404, archive, base, home, page, post,"
                        + " tag, tags): add layouts/psot.peb, or name one of them (leave layout out for page)",
                "content/posts/2020-01-01-a.md:3:9: unknown layout 'default' (layouts: 404, archive, base, home, page,"
                        + " post, tag, tags): Jekyll's default layout is Kiln's post here (base is the frame of every"
                        + " page): write layout: post, or leave layout out"), problems(site));
    }

    /** The problems of building {@code site}, which must fail. */
    private static List<String> problems(Path site) {
        SiteException e = assertThrows(SiteException.class, () -> Fixtures.build(Fixtures.options(site)));
        return e.problems().stream().map(Problem::toString).toList();
    }

    // ---- sites ----

    /** A site with posts, tags, a page, an image, code, headings and footnotes, paginated two a page. */
    private static Path richSite(Path site) throws IOException {
        write(site, "site.yml", "title: Rich\npaginate: 2\n");
        write(site, "content/about.md", "---\ntitle: About\n---\nAbout [the posts](/tags/).\n");
        write(site, "content/404.md", "---\ntitle: Not found\n---\nGo [home](/).\n");
        write(site, "assets/images/cat.png", "not really a png");
        write(site, "content/posts/2020-03-15-pictures.md", """
                ---
                title: Pictures
                tags: [cats, AWS]
                ---
                ![a cat](/assets/images/cat.png)

                <img src="/assets/images/cat.png" alt="html cat">

                More [about me](/about/) and [the first post](/2020/01/01/first/).

                ```html
                <a href="/about/">about</a>
                ```
                """);
        write(site, "content/posts/2020-01-01-first.md", """
                ---
                title: First
                tags: [aws, java]
                ---
                Intro.[^1]

                <!--more-->

                ## A heading

                ```java
                class A { int x = 1; }
                ```

                [^1]: A footnote.
                """);
        write(site, "content/posts/2020-02-01-second.md", """
                ---
                title: "Second: with a colon"
                tags: java
                ---
                See [first](../../../01/01/first/) and [its heading](/2020/01/01/first/#a-heading).
                """);
        return site;
    }

    /** {@value #MANY} posts, one a day, each with a heading, a code block and tags by its number. */
    private static Path manyPosts(Path site) throws IOException {
        write(site, "site.yml", "title: Many\n");
        for (int i = 1; i <= MANY; i++) {
            write(site, "content/posts/" + day(i) + "-post-" + i + ".md",
                    "---\ntitle: Post number " + i + "\ntags: [" + String.join(", ", tags(i)) + "]\n---\n"
                            + "Text of post " + i + ".\n\n## Section " + i + "\n\n```java\nint n = " + i + ";\n```\n");
        }
        return site;
    }

    private static List<String> tags(int i) {
        List<String> tags = new ArrayList<>(List.of(i % 2 == 0 ? "even" : "odd", "mod3-" + i % 3));
        if (i % 10 == 0) {
            tags.add("tens");
        }
        return tags;
    }

    private static LocalDate day(int i) {
        return FIRST_DAY.plusDays(i - 1);
    }

    private static String url(int i) {
        LocalDate d = day(i);
        return String.format("/%d/%02d/%02d/post-%d/", d.getYear(), d.getMonthValue(), d.getDayOfMonth(), i);
    }

    private static String outputPath(int i) {
        return url(i).substring(1) + "index.html";
    }

    private static String href(Element link) {
        return link == null ? null : link.attr("href");
    }

    private static void assertSameBytes(SiteOutput expected, SiteOutput actual) {
        assertEquals(expected.files().keySet(), actual.files().keySet());
        for (String path : expected.files().keySet()) {
            assertArrayEquals(expected.get(path), actual.get(path), path);
        }
    }

    private static void write(Path site, String path, String text) throws IOException {
        Path file = site.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
