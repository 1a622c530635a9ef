package dev.kiln.build;

import dev.kiln.error.Problem;
import dev.kiln.error.SiteException;
import dev.kiln.output.SiteOutput;
import dev.kiln.testing.Fixtures;
import dev.kiln.testing.SiteChecks;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Post bundles, as Hugo's leaf bundles: {@code content/posts/trip/index.md} is the post {@code trip}, and the
 * folder's other files are published beside its page, so that its relative links work everywhere it is shown.
 */
class PostBundlesTest {

    private static final byte[] PHOTO = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3};

    @TempDir
    Path site;

    private void write(String path, String text) throws IOException {
        write(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private void write(String path, byte[] bytes) throws IOException {
        Path file = site.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    private SiteOutput build() {
        return Fixtures.build(Fixtures.options(site)).output();
    }

    private List<String> problems() {
        SiteException e = assertThrows(SiteException.class, this::build);
        return e.problems().stream().map(Problem::toString).toList();
    }

    private void bundle(String folder, String date) throws IOException {
        write("content/posts/" + folder + "/index.md", "---\ntitle: " + folder + "\n" + (date == null ? "" : "date: "
                + date + "\n") + "---\nA photo: ![Lake](photo.jpg), and [the notes](files/notes.txt).\n\nMore.\n");
        write("content/posts/" + folder + "/photo.jpg", PHOTO);
        write("content/posts/" + folder + "/files/notes.txt", "notes of " + folder + "\n");
    }

    @Test
    void aBundleIsOnePostNamedByItsFolderWithItsFilesBesideItsPage() throws IOException {
        bundle("bundle-post", "2023-03-01");

        SiteOutput out = build();

        Document post = SiteChecks.page(out, "2023/03/01/bundle-post/index.html");
        assertEquals("/2023/03/01/bundle-post/photo.jpg", post.selectFirst(".post-content img").attr("src"));
        assertArrayEquals(PHOTO, out.get("2023/03/01/bundle-post/photo.jpg"));
        assertEquals("notes of bundle-post\n", new String(out.get("2023/03/01/bundle-post/files/notes.txt"),
                StandardCharsets.UTF_8), "a subfolder's files too");
        assertNull(out.get("posts/bundle-post/photo.jpg"), "not at the folder's own path");
        assertNull(out.get("2023/03/01/index/index.html"));
        assertEquals(List.of(), SiteChecks.brokenLinks(out, ""));
    }

    @Test
    void aPlusInABundlesFolderIsKeptInItsUrlAsHugosDefaultKeptIt() throws IOException {
        // Hugo 0.111.3 with no [permalinks]: /posts/hugo+blowfish-seo/ (until 2026-12-07 Kiln wrote /posts/hugo-blowfish-seo/).
        write("site.yml", "permalink: /posts/:slugorfilename/\n");
        bundle("Hugo+Blowfish-SEO", "2023-03-01");
        write("content/posts/c++.md", "---\ntitle: C++\ndate: 2023-03-02\n---\nhi\n");

        SiteOutput out = build();

        Document post = SiteChecks.page(out, "posts/hugo+blowfish-seo/index.html");
        assertEquals("/posts/hugo+blowfish-seo/photo.jpg", post.selectFirst(".post-content img").attr("src"));
        assertArrayEquals(PHOTO, out.get("posts/hugo+blowfish-seo/photo.jpg"));
        assertNotNull(out.get("posts/c++/index.html"));
        Document home = SiteChecks.page(out, "index.html");
        assertNotNull(home.selectFirst("a[href=/posts/c++/]"), home.html());
        assertNotNull(home.selectFirst("a[href=/posts/hugo+blowfish-seo/]"), home.html());
        assertEquals(List.of(), SiteChecks.brokenLinks(out, ""));
    }

    @Test
    void theImageOfABundlesFirstParagraphShowsOnTheHomePageAndInTheFeed() throws IOException {
        bundle("bundle-post", "2023-03-01");
        write("site.yml", "base_url: https://example.com/blog\nfeed: {content: excerpt}\n");

        SiteOutput out = build();

        assertEquals("/blog/2023/03/01/bundle-post/photo.jpg",
                SiteChecks.page(out, "index.html").selectFirst(".post-summary-excerpt img").attr("src"));
        String feed = new String(out.get("feed.xml"), StandardCharsets.UTF_8);
        String content = Jsoup.parse(feed, "", org.jsoup.parser.Parser.xmlParser()).selectFirst("entry content").text();
        assertEquals("https://example.com/blog/2023/03/01/bundle-post/photo.jpg",
                Jsoup.parseBodyFragment(content).selectFirst("img").attr("src"));
        assertEquals(List.of(), SiteChecks.brokenLinks(out, "/blog"));
    }

    @Test
    void aBundlesCoverImageNamedByItsFileNameIsTheOneBesideIt() throws IOException {
        write("content/posts/2023-03-01-trip/index.md", "---\nimage: photo.jpg\n---\nText.\n");
        write("content/posts/2023-03-01-trip/photo.jpg", PHOTO);

        SiteOutput out = build();

        assertEquals("/2023/03/01/trip/photo.jpg",
                SiteChecks.page(out, "2023/03/01/trip/index.html").selectFirst("img.post-cover").attr("src"));
        assertEquals(List.of(), SiteChecks.brokenLinks(out, ""));
    }

    @Test
    void aBundleFoldersDateAndNameGiveThePostsDateAndSlugAsAFileNameDoes() throws IOException {
        bundle("2021-7-4-Day-Out", null);
        write("site.yml", "permalink: /:year/:title/:slug/\n");

        SiteOutput out = build();

        assertNotNull(out.get("2021/Day-Out/day-out/index.html"), () -> out.files().keySet().toString());
        assertNotNull(out.get("2021/Day-Out/day-out/photo.jpg"));
    }

    @Test
    void anUndatedBundleTakesItsDateFromFrontMatterAndWithoutOneIsToldToNameItsFolder() throws IOException {
        bundle("trip", null);
        assertEquals(List.of("content/posts/trip/index.md:1:1: post has no date: add 'date: YYYY-MM-DD' to its front "
                + "matter or name the folder YYYY-MM-DD-trip"), problems());
    }

    @Test
    void twoBundlesUnderASlugPermalinkEachHaveTheirOwnFolder() throws IOException {
        bundle("bundle-post", "2023-03-01");
        bundle("second-bundle", "2023-02-01");
        write("site.yml", "permalink: /posts/:slug/\n");

        SiteOutput out = build();

        assertNotNull(out.get("posts/bundle-post/index.html"));
        assertNotNull(out.get("posts/second-bundle/index.html"));
        assertArrayEquals(PHOTO, out.get("posts/bundle-post/photo.jpg"));
        assertArrayEquals(PHOTO, out.get("posts/second-bundle/photo.jpg"));
        assertEquals(List.of(), SiteChecks.brokenLinks(out, ""));
    }

    @Test
    void underAPermalinkThatIsAFileTheFilesGoToItsFolderWhereTheRelativeLinksLead() throws IOException {
        bundle("bundle-post", "2023-03-01");
        write("site.yml", "permalink: /:year/:month/:day/:title.html\n");

        SiteOutput out = build();

        assertEquals("/2023/03/01/photo.jpg", SiteChecks.page(out, "2023/03/01/bundle-post.html")
                .selectFirst(".post-content img").attr("src"));
        assertArrayEquals(PHOTO, out.get("2023/03/01/photo.jpg"));
        assertNotNull(out.get("2023/03/01/files/notes.txt"));
        assertEquals(List.of(), SiteChecks.brokenLinks(out, ""));
    }

    @Test
    void twoBundlesWhoseFilesMeetInOneFolderAreAClashNamingBoth() throws IOException {
        bundle("a", "2023-03-01");
        bundle("b", "2023-03-01");
        write("site.yml", "permalink: /:year/:month/:day/:title.html\n");

        assertEquals(List.of("content/posts/b/files/notes.txt:1:1: is published beside its post content/posts/b/index.md, "
                        + "at /2023/03/01/files/notes.txt, which is also used by content/posts/a/files/notes.txt: rename "
                        + "the file, or give the post a permalink that ends in '/', a folder of its own",
                "content/posts/b/photo.jpg:1:1: is published beside its post content/posts/b/index.md, at "
                        + "/2023/03/01/photo.jpg, which is also used by content/posts/a/photo.jpg: rename the file, or give "
                        + "the post a permalink that ends in '/', a folder of its own"), problems());
    }

    @Test
    void aBundleFileOnAnotherFilesPathIsAClash() throws IOException {
        bundle("bundle-post", "2023-03-01");
        write("content/2023/03/01/bundle-post/photo.jpg", PHOTO);

        assertEquals(List.of("content/posts/bundle-post/photo.jpg:1:1: is published beside its post "
                + "content/posts/bundle-post/index.md, at /2023/03/01/bundle-post/photo.jpg, which is also used by "
                + "content/2023/03/01/bundle-post/photo.jpg: rename the file"), problems());
    }

    @Test
    void aBundleFileOnThePostsOwnPageIsAClash() throws IOException {
        bundle("bundle-post", "2023-03-01");
        write("content/posts/bundle-post/index.html", "<p>no front matter: a file</p>\n");

        assertEquals(List.of("content/posts/bundle-post/index.md:1:1: its URL is also the file "
                + "content/posts/bundle-post/index.html: rename one of them"), problems());
    }

    @Test
    void aDraftBundlesFilesAreLeftOutWithIt() throws IOException {
        write("content/posts/2023-03-01-draft/index.md", "---\ndraft: true\n---\n![](photo.jpg)\n");
        write("content/posts/2023-03-01-draft/photo.jpg", PHOTO);
        write("content/posts/2023-03-02-kept.md", "Kept.\n");

        SiteOutput out = build();

        assertNull(out.get("2023/03/01/draft/photo.jpg"));
        assertNull(out.get("posts/2023-03-01-draft/photo.jpg"));
        SiteOutput drafts = Fixtures.build(Fixtures.options(site).withDrafts(true)).output();
        assertArrayEquals(PHOTO, drafts.get("2023/03/01/draft/photo.jpg"));
    }

    @Test
    void aPageBundleLeftOutLeavesItsFilesOutWithItAndAPublishedOnesStayAtTheirPaths() throws IOException {
        write("content/private/index.md", "---\ntitle: Private\ndraft: true\n---\n![p](p.jpg)\n");
        write("content/private/p.jpg", PHOTO);
        write("content/private/scans/a.pdf", "pdf");
        write("content/private/notes/index.md", "---\ntitle: Notes\n---\nNotes, published: ![n](n.jpg)\n");
        write("content/private/notes/n.jpg", PHOTO);
        write("content/old/index.md", "---\ntitle: Old\nexpiryDate: 2001-01-01\n---\n![o](o.jpg)\n");
        write("content/old/o.jpg", PHOTO);
        write("content/hidden/index.html", "---\ntitle: Hidden\npublished: false\n---\n<img src=\"h.jpg\">\n");
        write("content/hidden/h.jpg", PHOTO);
        write("content/other/index.mdown", "---\ntitle: Other\ndraft: true\n---\n![m](m.jpg)\n"); // Markdown's other names
        write("content/other/m.jpg", PHOTO);
        // A published page keeps its files at their own paths, as before, whatever its URL.
        write("content/docs/index.md", "---\ntitle: Docs\npermalink: /documentation/\n---\nSee /docs/d.png.\n");
        write("content/docs/d.png", PHOTO);
        write("content/files/a.pdf", "pdf"); // no bundle: content/index.md is the home page's, not one
        write("content/index.md", "---\ntitle: Home\ndraft: true\n---\nHome.\n");

        SiteOutput out = build();

        for (String left : List.of("private/p.jpg", "private/scans/a.pdf", "old/o.jpg", "hidden/h.jpg",
                "other/m.jpg")) {
            assertNull(out.get(left), left);
        }
        assertArrayEquals(PHOTO, out.get("private/notes/n.jpg")); // a bundle of its own, published
        assertNotNull(out.get("private/notes/index.html"));
        assertArrayEquals(PHOTO, out.get("docs/d.png"));
        assertNotNull(out.get("files/a.pdf"));
        SiteOutput drafts = Fixtures.build(Fixtures.options(site).withDrafts(true)).output();
        assertArrayEquals(PHOTO, drafts.get("private/p.jpg"));
        assertArrayEquals(PHOTO, drafts.get("hidden/h.jpg"));
        assertArrayEquals(PHOTO, drafts.get("other/m.jpg"));
        assertNull(drafts.get("old/o.jpg")); // expired: no option includes it
    }

    @Test
    void anotherMarkdownFileInABundleIsAnErrorSayingWhereToMoveIt() throws IOException {
        bundle("trip", "2023-03-01");
        write("content/posts/trip/day-two.md", "Day two.\n");
        write("content/posts/trip/more/2023-03-05-inner/index.md", "Inner.\n");

        assertEquals(List.of("content/posts/trip/day-two.md:1:1: is in the folder of the post content/posts/trip/index.md, "
                        + "a bundle whose other files are published beside that post as they are, not as posts: move it "
                        + "out of content/posts/trip/ to make it a post of its own (or, if that folder is not one post, "
                        + "rename index.md)",
                "content/posts/trip/more/2023-03-05-inner/index.md:1:1: is in the folder of the post "
                        + "content/posts/trip/index.md, a bundle whose other files are published beside that post as "
                        + "they are, not as posts: move it out of content/posts/trip/ to make it a post of its own (or, if "
                        + "that folder is not one post, rename index.md)"), problems());
    }

    @Test
    void aBundleWithTwoIndexesIsAnError() throws IOException {
        bundle("trip", "2023-03-01");
        write("content/posts/trip/index.markdown", "---\ndate: 2023-03-01\n---\nTwo.\n");

        assertEquals(List.of("content/posts/trip/index.md:1:1: is a second index of the bundle content/posts/trip/ "
                + "(with content/posts/trip/index.markdown), which is one post: remove or rename one of them"), problems());
    }

    @Test
    void anHtmlIndexWithFrontMatterMakesABundleAndPostsOutsideBundlesAreAsTheyWere() throws IOException {
        write("content/posts/trip/index.html", "---\ndate: 2023-03-01\n---\n<p><img src=\"photo.jpg\" alt=\"\"></p>\n");
        write("content/posts/trip/photo.jpg", PHOTO);
        write("content/posts/index.md", "---\ndate: 2023-01-01\n---\nA post named index, as before.\n");
        write("content/posts/2022/2022-05-01-filed.md", "In a folder of posts.\n");
        write("content/posts/2022/chart.png", PHOTO);

        SiteOutput out = build();

        assertEquals("Trip", SiteChecks.page(out, "2023/03/01/trip/index.html").selectFirst("h1").text());
        assertArrayEquals(PHOTO, out.get("2023/03/01/trip/photo.jpg"));
        assertNotNull(out.get("2023/01/01/index/index.html"));
        assertNotNull(out.get("2022/05/01/filed/index.html"));
        assertArrayEquals(PHOTO, out.get("posts/2022/chart.png"), "a file beside posts that are no bundle");
    }

    @Test
    void aPageFolderStillHasItsFilesBesideIt() throws IOException {
        write("content/docs/index.md", "---\ntitle: Docs\n---\n![](diagram.png)\n");
        write("content/docs/diagram.png", PHOTO);
        write("content/posts/2023-01-01-a.md", "A.\n");

        SiteOutput out = build();

        assertEquals("/docs/diagram.png", SiteChecks.page(out, "docs/index.html").selectFirst("img").attr("src"));
        assertArrayEquals(PHOTO, out.get("docs/diagram.png"));
    }

    @Test
    void aWarmRebuildAfterEditingABundleGivesTheBytesOfABuildFromNothing() throws IOException {
        bundle("bundle-post", "2023-03-01");
        write("content/posts/2023-01-01-a.md", "A.\n");
        try (Build warm = new Build(line -> {})) {
            check(warm, null, "the first build");

            write("content/posts/bundle-post/photo.jpg", new byte[] {9, 8, 7});
            SiteOutput photo = check(warm, Set.of("content/posts/bundle-post/photo.jpg"), "the photo");
            assertArrayEquals(new byte[] {9, 8, 7}, photo.get("2023/03/01/bundle-post/photo.jpg"));

            write("content/posts/bundle-post/index.md", "---\ndate: 2023-04-02\n---\nMoved: ![](photo.jpg)\n");
            SiteOutput moved = check(warm, Set.of("content/posts/bundle-post/index.md"), "a new date moves the files");
            assertArrayEquals(new byte[] {9, 8, 7}, moved.get("2023/04/02/bundle-post/photo.jpg"));
            assertNull(moved.get("2023/03/01/bundle-post/photo.jpg"));

            write("content/posts/bundle-post/map.png", PHOTO);
            check(warm, null, "a new file in the bundle");
        }
    }

    /** Runs {@code warm} told of {@code changed} and a build from nothing; both must give the same bytes. */
    private SiteOutput check(Build warm, Set<String> changed, String edit) {
        SiteOutput result = warm.run(Fixtures.options(site), changed).output();
        SiteOutput fresh = build();
        assertEquals(fresh.files().keySet(), result.files().keySet(), edit);
        for (String path : fresh.files().keySet()) {
            assertArrayEquals(fresh.get(path), result.get(path), () -> edit + ": " + path);
        }
        return result;
    }
}
