package dev.kiln.layout;

import dev.kiln.build.BuildResult;
import dev.kiln.output.SiteOutput;
import dev.kiln.testing.Fixtures;
import dev.kiln.testing.SiteChecks;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What search engines and link previews read from the built-in theme's pages. */
class SeoTest {

    private static final String TITLE = "Quotes \" and </script> tags & more";

    @TempDir
    Path site;

    private Document post() throws IOException {
        Files.writeString(site.resolve("site.yml"), "title: Blog\nauthor: Ada\nbase_url: https://me.github.io/blog\n");
        Path post = site.resolve("content/posts/2020-01-01-a.md");
        Files.createDirectories(post.getParent());
        Files.writeString(post, "---\ntitle: '" + TITLE + "'\ndescription: A <b>short</b> summary.\n"
                + "image: /assets/cover.png\nlast_modified_at: 2020-02-01\ntags: [java]\n---\nBody.\n");
        Files.createDirectories(site.resolve("assets"));
        Files.writeString(site.resolve("assets/cover.png"), "png");
        SiteOutput out = Fixtures.build(Fixtures.options(site)).output();
        return SiteChecks.page(out, "2020/01/01/a/index.html");
    }

    private static String meta(Document page, String query) {
        var element = page.selectFirst(query);
        assertNotNull(element, query);
        return element.attr("content");
    }

    @Test
    void postsCarryTitleDescriptionAndCanonicalUrl() throws IOException {
        Document page = post();

        assertEquals(TITLE + " · Blog", page.title());
        assertEquals("A <b>short</b> summary.", meta(page, "meta[name=description]"));
        assertEquals("https://me.github.io/blog/2020/01/01/a/", page.selectFirst("link[rel=canonical]").attr("href"));
    }

    /** The home page's pages 1 and 2 of a site of three posts, two a page, with {@code index} as content/index.md. */
    private List<Document> home(String siteYml, String index) throws IOException {
        Files.writeString(site.resolve("site.yml"), siteYml + "paginate: 2\n");
        Files.createDirectories(site.resolve("content/posts"));
        for (int day = 1; day <= 3; day++) {
            Files.writeString(site.resolve("content/posts/2020-01-0" + day + "-p.md"), "---\ntitle: P\n---\nBody.\n");
        }
        if (index != null) {
            Files.writeString(site.resolve("content/index.md"), index);
        }
        SiteOutput out = Fixtures.build(Fixtures.options(site)).output();
        return List.of(SiteChecks.page(out, "index.html"), SiteChecks.page(out, "page/2/index.html"));
    }

    @Test
    void theHomePageShowsContentIndexsTitleAsItsHeadingAndInItsTitleAsOtherPagesDo() throws IOException {
        // README: content/index.md's "title, description and text shown above the post list"; its title was in
        // og:title only (<title> and the hidden h1 were the site's), its description not shown beside site.yml's.
        List<Document> pages = home("title: Blog\ndescription: The site's\n",
                "---\ntitle: Welcome to my corner\ndescription: Intro\n---\nHello.\n");

        Document first = pages.get(0);
        assertEquals("Welcome to my corner · Blog", first.title());
        assertEquals("Welcome to my corner", first.selectFirst(".home-intro h1").text());
        assertEquals("page-title home-title", first.selectFirst(".home-intro h1").className(), "shown, not visually hidden");
        assertEquals("Intro", first.selectFirst(".home-description").text());
        assertEquals("Hello.", first.selectFirst(".home-intro .prose").text());
        assertEquals("Welcome to my corner – page 2 · Blog", pages.get(1).title());
        assertEquals("Welcome to my corner – page 2", pages.get(1).selectFirst(".home-intro h1").text());
    }

    @Test
    void aHomePageWithoutItsOwnTitleIsTitledBySiteYmlAsBefore() throws IOException {
        for (String index : new String[] {null, "---\ntitle: Blog\n---\nHello.\n", "---\ndescription: Intro\n---\n"}) {
            List<Document> pages = home("title: Blog\ndescription: The site's\n", index);
            for (Document page : pages) {
                assertEquals("Blog", page.title(), index);
                assertEquals("visually-hidden", page.selectFirst(".home-intro h1").className(), index);
            }
            assertEquals("Blog", pages.get(0).selectFirst(".home-intro h1").text());
            assertEquals("Blog – page 2", pages.get(1).selectFirst(".home-intro h1").text());
            assertEquals(index != null && index.contains("Intro") ? "Intro" : "The site's",
                    pages.get(0).selectFirst(".home-description").text());
            Files.deleteIfExists(site.resolve("content/index.md"));
        }
    }

    @Test
    void aPageWithoutAnyDescriptionHasNoEmptyDescriptionTags() throws IOException {
        // A new site's site.yml has no description: the home page said content="" three times.
        String[] tags = {"meta[name=description]", "meta[property=og:description]", "meta[name=twitter:description]"};
        Document home = home("title: Blog\n", null).get(0);
        for (String tag : tags) {
            assertNull(home.selectFirst(tag), tag);
        }
        Document described = home("title: Blog\ndescription: The site's\n", null).get(0);
        for (String tag : tags) {
            assertEquals("The site's", meta(described, tag));
        }
        assertEquals("Intro", meta(home("title: Blog\n", "---\ndescription: Intro\n---\n").get(0), tags[0]));
    }

    @Test
    void openGraphAndTwitterCardsUseTheImageAsAnAbsoluteUrl() throws IOException {
        Document page = post();

        assertEquals("article", meta(page, "meta[property=og:type]"));
        assertEquals(TITLE, meta(page, "meta[property=og:title]"));
        assertEquals("https://me.github.io/blog/2020/01/01/a/", meta(page, "meta[property=og:url]"));
        assertEquals("https://me.github.io/blog/assets/cover.png", meta(page, "meta[property=og:image]"));
        assertEquals("summary_large_image", meta(page, "meta[name=twitter:card]"));
        assertEquals("https://me.github.io/blog/assets/cover.png", meta(page, "meta[name=twitter:image]"));
    }

    @Test
    void aRelativeImageIsThePicturesAddressInThePageAndInItsPreviews() throws IOException {
        Files.writeString(site.resolve("site.yml"), "title: Blog\nbase_url: https://me.github.io/blog\n");
        Path post = site.resolve("content/posts/2020-01-01-a.md");
        Files.createDirectories(post.getParent());
        Files.writeString(post, "---\ntitle: A\nimage: cover.png\n---\nBody.\n");
        Path cover = site.resolve("content/2020/01/01/a/cover.png");
        Files.createDirectories(cover.getParent());
        Files.writeString(cover, "png");
        SiteOutput out = Fixtures.build(Fixtures.options(site)).output();
        Document page = SiteChecks.page(out, "2020/01/01/a/index.html");

        assertNotNull(out.get("2020/01/01/a/cover.png"));
        assertEquals("/blog/2020/01/01/a/cover.png", page.selectFirst("img.post-cover").attr("src"));
        assertEquals("https://me.github.io/blog/2020/01/01/a/cover.png", meta(page, "meta[property=og:image]"));
        assertEquals("https://me.github.io/blog/2020/01/01/a/cover.png", meta(page, "meta[name=twitter:image]"));
    }

    @Test
    void anImageWhoseNameHasASpaceIsEncodedAndResolvedBesideThePostInThePageItsPreviewsAndJsonLd() throws IOException {
        Files.writeString(site.resolve("site.yml"), "title: Blog\nbase_url: https://me.github.io/blog\n");
        Path bundle = site.resolve("content/posts/2020-01-01-trip");
        Files.createDirectories(bundle);
        Files.writeString(bundle.resolve("index.md"), "---\ntitle: Trip\nimage: my photo.png\n---\nBody.\n");
        Files.writeString(bundle.resolve("my photo.png"), "png");
        Files.createDirectories(site.resolve("assets/images"));
        Files.writeString(site.resolve("assets/images/café (1).png"), "png");
        Files.writeString(site.resolve("content/posts/2020-01-02-root.md"),
                "---\ntitle: Root\nimage: /assets/images/café (1).png\n---\nBody.\n");
        BuildResult result = Fixtures.build(Fixtures.options(site));

        Document trip = SiteChecks.page(result.output(), "2020/01/01/trip/index.html");
        String beside = "https://me.github.io/blog/2020/01/01/trip/my%20photo.png";
        assertEquals("/blog/2020/01/01/trip/my%20photo.png", trip.selectFirst("img.post-cover").attr("src"));
        assertEquals(beside, meta(trip, "meta[property=og:image]"));
        assertEquals(beside, meta(trip, "meta[name=twitter:image]"));
        assertTrue(trip.selectFirst("script[type=application/ld+json]").data().contains("\"image\":\"" + beside + "\""));
        Document root = SiteChecks.page(result.output(), "2020/01/02/root/index.html");
        assertEquals("https://me.github.io/blog/assets/images/café%20(1).png", meta(root, "meta[property=og:image]"));
        assertEquals("/blog/assets/images/café%20(1).png", root.selectFirst("img.post-cover").attr("src"));
        assertEquals(List.of(), SiteChecks.brokenLinks(result.output(), "/blog"));
    }

    @Test
    void aMissingImageWhoseNameHasASpaceIsABrokenLinkAtItsFrontMatterLine() throws IOException {
        Path post = site.resolve("content/posts/2020-01-01-a.md");
        Files.createDirectories(post.getParent());
        Files.writeString(post, "---\ntitle: A\nimage: not here.png\n---\nBody.\n");

        List<String> problems = dev.kiln.build.LinkReport.problems(Fixtures.build(Fixtures.options(site)), site).stream()
                .map(Object::toString).toList();

        assertEquals(List.of("content/posts/2020-01-01-a.md:3:8: broken link to not here.png (published as"
                + " /2020/01/01/a/not%20here.png; on 2020/01/01/a/index.html)"), problems);
    }

    @Test
    void imageUrlsResolveAgainstThePage() {
        assertEquals("/2020/a/my%20photo.png", Views.imageUrl("my photo.png", "/2020/a/"));
        assertEquals("/2020/a/sub%20photo.png", Views.imageUrl("sub%20photo.png", "/2020/a/"), "encoded once");
        assertEquals("/2020/a/100%25%7Csure.png?v=1#x", Views.imageUrl("100%|sure.png?v=1#x", "/2020/a/"));
        assertEquals("/a/%5Bdraft%5D.png", Views.imageUrl("/a/[draft].png", "/2020/a/"));
        assertEquals("https://cdn/my%20c.png", Views.imageUrl("https://cdn/my c.png", "/2020/a/"));
        assertEquals("/2020/a/cover.png", Views.imageUrl("cover.png", "/2020/a/"));
        assertEquals("/2020/shared/x.png", Views.imageUrl("../shared/x.png", "/2020/a/"));
        assertEquals("/2020/x.png", Views.imageUrl("./x.png", "/2020/a.html"));
        assertEquals("/assets/c.png", Views.imageUrl("/assets/c.png", "/2020/a/"));
        assertEquals("https://cdn/c.png", Views.imageUrl("https://cdn/c.png", "/2020/a/"));
        assertEquals(null, Views.imageUrl(null, "/2020/a/"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonLdDescribesTheBlogPostingWithEscapedValues() throws IOException {
        String json = post().selectFirst("script[type=application/ld+json]").data();
        Map<String, Object> data = new Yaml(new SafeConstructor(new LoaderOptions())).load(json);

        assertEquals("BlogPosting", data.get("@type"));
        assertEquals(TITLE, data.get("headline"));
        assertEquals("https://me.github.io/blog/2020/01/01/a/", data.get("url"));
        assertEquals("2020-01-01T00:00:00Z", data.get("datePublished"));
        assertEquals("2020-02-01T00:00:00Z", data.get("dateModified"));
        assertEquals("Ada", ((Map<String, Object>) data.get("author")).get("name"));
        assertEquals(List.of("java"), data.get("keywords"));
        assertEquals(-1, json.indexOf("</script"), "no value can end the script early");
    }

    /** A cross-post by a guest: its original's address and its author's name, and the site's {@code author: Ada}. */
    private Document crossPost(String frontMatter) throws IOException {
        Files.writeString(site.resolve("site.yml"), "title: Blog\nauthor: Ada\nbase_url: https://me.github.io/blog\n");
        Path post = site.resolve("content/posts/2020-01-01-a.md");
        Files.createDirectories(post.getParent());
        Files.writeString(post, "---\ntitle: A\n" + frontMatter + "---\nFirst published on dev.to.\n");
        return SiteChecks.page(Fixtures.build(Fixtures.options(site)).output(), "2020/01/01/a/index.html");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCrossPostNamesItsOriginalAsCanonicalAndAGuestPostItsOwnAuthor() throws IOException {
        Document page = crossPost("canonical_url: https://dev.to/jane/cross-post-1abc\nauthor: Guest Writer\n");

        assertEquals("https://dev.to/jane/cross-post-1abc", page.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("https://dev.to/jane/cross-post-1abc", meta(page, "meta[property=og:url]"));
        assertEquals("Guest Writer", meta(page, "meta[name=author]"));
        Map<String, Object> data = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(page.selectFirst("script[type=application/ld+json]").data());
        assertEquals("https://dev.to/jane/cross-post-1abc", data.get("url"));
        assertEquals("https://dev.to/jane/cross-post-1abc", data.get("mainEntityOfPage"));
        assertEquals("Guest Writer", ((Map<String, Object>) data.get("author")).get("name"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCanonicalUrlThatIsAPathOfTheSiteIsMadeAbsoluteUnderItsBasePath() throws IOException {
        Document page = crossPost("canonical_url: /2019/05/05/original/\n");

        assertEquals("https://me.github.io/blog/2019/05/05/original/",
                page.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("https://me.github.io/blog/2019/05/05/original/", meta(page, "meta[property=og:url]"));
        Map<String, Object> data = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(page.selectFirst("script[type=application/ld+json]").data());
        assertEquals("https://me.github.io/blog/2019/05/05/original/", data.get("url"));
        assertEquals("https://me.github.io/blog/2019/05/05/original/", data.get("mainEntityOfPage"));
    }

    @Test
    void thisRepositorysOwnLayoutsReadFromItsFolderHonourThemToo() throws IOException {
        // The built-in theme is the jar's copy of layouts/; a site with layouts/ of its own reads them from its folder.
        try (var files = Files.walk(Path.of("layouts"))) {
            for (Path from : files.filter(Files::isRegularFile).toList()) {
                Path to = site.resolve(from.toString());
                Files.createDirectories(to.getParent());
                Files.copy(from, to);
            }
        }
        Document page = crossPost("canonical_url: https://dev.to/jane/cross-post-1abc\nauthor: Guest Writer\n");

        assertEquals("https://dev.to/jane/cross-post-1abc", page.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("https://dev.to/jane/cross-post-1abc", meta(page, "meta[property=og:url]"));
        assertEquals("Guest Writer", meta(page, "meta[name=author]"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAuthorWrittenAsJekyllsMapOrListIsItsName() throws IOException {
        Document map = crossPost("author:\n  name: Guest Writer\n  email: g@example.com\n");
        assertEquals("Guest Writer", meta(map, "meta[name=author]"));
        Document list = crossPost("author: [First One, Second One]\n");
        Map<String, Object> data = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(list.selectFirst("script[type=application/ld+json]").data());
        assertEquals("First One", ((Map<String, Object>) data.get("author")).get("name"));
    }

    /**
     * The JSON-LD, meta author and feed author of a post without {@code author:} in a site whose site.yml says
     * {@code siteYml}, laid out by the built-in theme or (with {@code ownLayouts}) by this repository's layouts/.
     */
    private Document postWithoutAnAuthor(String siteYml, boolean ownLayouts) throws IOException {
        if (ownLayouts) {
            try (var files = Files.walk(Path.of("layouts"))) {
                for (Path from : files.filter(Files::isRegularFile).toList()) {
                    Path to = site.resolve(from.toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.writeString(site.resolve("site.yml"), siteYml);
        Path post = site.resolve("content/posts/2020-01-01-a.md");
        Files.createDirectories(post.getParent());
        Files.writeString(post, "---\ntitle: A\n---\nBody.\n");
        return SiteChecks.page(Fixtures.build(Fixtures.options(site)).output(), "2020/01/01/a/index.html");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPostWithoutAnAuthorIsCreditedToSiteYmlsAuthorAndToNoOneWithoutOneNeverToTheSitesTitle() throws IOException {
        // jekyll-seo-tag's fallback is site.author, and no author at all without one; the theme named the site's
        // title as the post's Person.
        for (boolean own : List.of(false, true)) {
            Document withAuthor = postWithoutAnAuthor("title: Notes from the Server Room\nauthor: Ada\n", own);
            Map<String, Object> data = new Yaml(new SafeConstructor(new LoaderOptions()))
                    .load(withAuthor.selectFirst("script[type=application/ld+json]").data());
            assertEquals("Ada", ((Map<String, Object>) data.get("author")).get("name"), "own layouts: " + own);
            assertEquals("Ada", meta(withAuthor, "meta[name=author]"));

            Document without = postWithoutAnAuthor("title: Notes from the Server Room\n", own);
            String json = without.selectFirst("script[type=application/ld+json]").data();
            data = new Yaml(new SafeConstructor(new LoaderOptions())).load(json);
            assertEquals("Notes from the Server Room", ((Map<String, Object>) data.get("publisher")).get("name"));
            assertEquals(null, data.get("author"), "own layouts: " + own + ": " + json);
            assertNull(without.selectFirst("meta[name=author]"), "own layouts: " + own);
        }
    }

    @Test
    void theJsonFilterEscapesWhatCouldEndAScript() {
        assertEquals("\"a\\\"b\\u003c/script\\u003e\\u0026\\n\"", KilnExtension.json("a\"b</script>&\n"));
    }
}
