package dev.kiln.index;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.kiln.output.SiteOutput;
import dev.kiln.testing.Fixtures;
import dev.kiln.testing.SiteChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Atom feeds, sitemap and robots.txt, read back with a real feed parser. */
class FeedsTest {

    @TempDir
    Path site;

    private void write(String path, String text) throws IOException {
        Path file = site.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void threePosts(String siteYml) throws IOException {
        write("site.yml", "title: Feeds\nbase_url: https://me.github.io/blog\nauthor: Ada\n" + siteYml);
        write("content/posts/2020-01-01-one.md", "---\ntitle: One & only\ntags: [java]\n---\n"
                + "First paragraph with ![img](/assets/x.png) and [a link](/two/).\n\n<!--more-->\n\nRest of one.\n");
        write("content/posts/2020-02-01-two.md", "---\ntitle: Two\ndate: 2020-02-01 10:00:00 +0200\n"
                + "last_modified_at: 2020-03-01\ntags: [java, go]\n---\nSecond.\n");
        write("content/posts/2020-03-01-three.md", "---\ntitle: Three\n---\nThird.\n");
        write("content/posts/2021-01-01-draft.md", "---\ntitle: Draft\ndraft: true\n---\nNot yet.\n");
        write("content/404.md", "---\ntitle: Not found\n---\nNo.\n");
        write("content/about.md", "---\ntitle: About\n---\nMe.\n");
        write("assets/x.png", "png");
    }

    private SiteOutput build() {
        return Fixtures.build(Fixtures.options(site)).output();
    }

    private static SyndFeed parse(SiteOutput out, String path) throws Exception {
        byte[] bytes = out.get(path);
        assertNotNull(bytes, path);
        return new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(bytes)));
    }

    @Test
    void siteFeedListsPostsNewestFirstWithAbsoluteLinksAndStableIds() throws Exception {
        threePosts("");
        SyndFeed feed = parse(build(), "feed.xml");

        assertEquals("atom_1.0", feed.getFeedType());
        assertEquals("Feeds", feed.getTitle());
        List<String> links = feed.getEntries().stream().map(SyndEntry::getLink).toList();
        assertEquals(List.of("https://me.github.io/blog/2020/03/01/three/",
                "https://me.github.io/blog/2020/02/01/two/", "https://me.github.io/blog/2020/01/01/one/"), links);
        // As jekyll-feed writes them (Jekyll 4.3.1, jekyll-feed 0.17.0): the URL's folder and the slug.
        assertEquals(List.of("https://me.github.io/blog/2020/03/01/three", "https://me.github.io/blog/2020/02/01/two",
                "https://me.github.io/blog/2020/01/01/one"), feed.getEntries().stream().map(SyndEntry::getUri).toList());
        assertEquals("One & only", feed.getEntries().get(2).getTitle());
    }

    @Test
    void entryIdsAreJekyllFeedsForEveryPermalinkStyle() throws Exception {
        // Each id as Jekyll 4.3.1 with jekyll-feed 0.17.0 wrote it for the same post.
        write("site.yml", "title: Ids\nbase_url: https://example.com\npermalink: date\n");
        write("content/posts/2020-01-01-a.md", "---\ntitle: A\n---\nHi.\n");
        write("content/posts/2020-02-01-b.md", "---\ntitle: B\nslug: bee\ncategories: [x]\n"
                + "permalink: /:categories/:year/:title/\n---\nHi.\n");
        write("content/posts/2020-03-01-c.md", "---\ntitle: C\npermalink: /c/\n---\nHi.\n");
        write("content/posts/2020-04-01-café.md", "---\ntitle: D\n---\nHi.\n");
        write("content/posts/2020-05-01-a b.md", "---\ntitle: E\n---\nHi.\n");
        write("content/posts/2020-06-01-f.md", "---\ntitle: F\nslug: what?-1\npermalink: /f/\n---\nHi.\n");
        write("content/posts/2020-07-01-ﬁle.md", "---\ntitle: G\n---\nHi.\n");
        write("content/posts/2020-08-01-end..md", "---\ntitle: H\npermalink: /h/\n---\nHi.\n");
        write("content/posts/2020-09-01-i.md", "---\ntitle: I\nslug: what?\npermalink: /i/\n---\nHi.\n");
        write("content/posts/2020-10-01-j.md", "---\ntitle: J\nslug: \"a;b?c;d&e\"\npermalink: /j/\n---\nHi.\n");
        write("content/posts/2020-11-01-k.md", "---\ntitle: K\nslug: \"x#y;z?\"\npermalink: /k/\n---\nHi.\n");
        SyndFeed feed = parse(build(), "feed.xml");

        assertEquals(List.of("https://example.com/x#y;z?", "https://example.com/a;b?c%3Bd&e", "https://example.com/what",
                "https://example.com/end", "https://example.com/2020/07/01/file", "https://example.com/what?-1",
                "https://example.com/2020/05/01/a%20b", "https://example.com/2020/04/01/caf%C3%A9", "https://example.com/c",
                "https://example.com/x/2020/bee", "https://example.com/2020/01/01/a"),
                feed.getEntries().stream().map(SyndEntry::getUri).toList());
        assertEquals(List.of("https://example.com/c/", "https://example.com/x/2020/bee/",
                "https://example.com/2020/01/01/a.html"), feed.getEntries().stream().map(SyndEntry::getLink).toList()
                .subList(8, 11));
    }

    @Test
    void theSiteFeedMayKeepThePathItsReadersKnow() throws Exception {
        threePosts("feed:\n  path: atom.xml\n");
        SiteOutput out = build();

        SyndFeed feed = parse(out, "atom.xml");
        assertEquals(3, feed.getEntries().size());
        assertTrue(out.get("feed.xml") == null, "one site feed");
        assertEquals("https://me.github.io/blog/atom.xml", feed.getUri());
        assertEquals("/blog/atom.xml", SiteChecks.page(out, "about/index.html")
                .selectFirst("link[type=application/atom+xml]").attr("href"));
        assertTrue(SiteChecks.brokenLinks(out, "/blog").stream().noneMatch(b -> b.contains("xml")),
                SiteChecks.brokenLinks(out, "/blog").toString());
    }

    @Test
    void aFeedPathThatIsAFolderIsAProblemInSiteYml() throws IOException {
        threePosts("feed:\n  path: /feeds/\n");

        dev.kiln.error.SiteException e = org.junit.jupiter.api.Assertions.assertThrows(dev.kiln.error.SiteException.class,
                this::build);
        assertTrue(e.getMessage().contains("site.yml:") && e.getMessage().contains("feed.path"), e.getMessage());
    }

    @Test
    void entriesCarryPublishedAndUpdatedDates() throws Exception {
        threePosts("");
        SyndEntry two = parse(build(), "feed.xml").getEntries().get(1);

        assertEquals(Instant.parse("2020-02-01T08:00:00Z"), two.getPublishedDate().toInstant());
        assertEquals(Instant.parse("2020-03-01T00:00:00Z"), two.getUpdatedDate().toInstant());
        assertEquals(List.of("java", "go"), two.getCategories().stream().map(c -> c.getName()).toList());
    }

    @Test
    void aPostByAGuestNamesItsAuthorInItsEntryAndTheOthersTheFeedsAuthor() throws Exception {
        threePosts("");
        write("content/posts/2020-03-01-three.md", "---\ntitle: Three\nauthor: Guest <Writer> & co\n---\nThird.\n");
        String xml = new String(build().get("feed.xml"), java.nio.charset.StandardCharsets.UTF_8);
        SyndFeed feed = new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(xml.getBytes(
                java.nio.charset.StandardCharsets.UTF_8))));

        assertEquals("Guest <Writer> & co", feed.getEntries().get(0).getAuthor());
        // The feed's own author, then the guest's entry: the other entries name none (the feed's is theirs).
        assertEquals(List.of("Ada", "Guest &lt;Writer&gt; &amp; co"), java.util.regex.Pattern
                .compile("<author><name>([^<]*)</name></author>").matcher(xml).results().map(m -> m.group(1))
                .toList());
    }

    @Test
    void feedUpdatedIsItsNewestEntry() throws Exception {
        threePosts("");
        assertEquals(Instant.parse("2020-03-01T00:00:00Z"), parse(build(), "feed.xml").getPublishedDate().toInstant());
    }

    @Test
    void aSiteWithoutAnAuthorIsItsFeedsAuthorByItsTitleAndAGuestPostItsGuest() throws Exception {
        // Atom wants the feed's own author unless every entry has one: site.author's, else the site's title; an entry
        // names its post's author only.
        write("site.yml", "title: Notes from the Server Room\nbase_url: https://me.github.io/blog\n");
        write("content/posts/2020-01-01-one.md", "---\ntitle: One\ntags: [java]\n---\nFirst.\n");
        write("content/posts/2020-02-01-two.md", "---\ntitle: Two\ntags: [java]\nauthor: Guest Writer\n---\nSecond.\n");
        SiteOutput out = build();

        for (String path : List.of("feed.xml", "tags/java/feed.xml")) {
            String xml = new String(out.get(path), StandardCharsets.UTF_8);
            assertEquals(List.of("Notes from the Server Room", "Guest Writer"),
                    java.util.regex.Pattern.compile("<author><name>([^<]*)</name></author>")
                    .matcher(xml).results().map(m -> m.group(1)).toList(), path);
            assertTrue(xml.indexOf("<author>") < xml.indexOf("<entry>"), path + ": the feed's own author first");
            assertEquals(2, parse(out, path).getEntries().size(), path);
        }
    }

    @Test
    void feedUpdatedIsTheNewestUpdatedTimeOfItsEntriesInTheSiteAndTagFeeds() throws Exception {
        // The older post was revised after the newer one was published: the feed's <updated> said the newer post's
        // date, older than an entry of its own, and a reader polling for changes could skip the revision.
        write("site.yml", "title: Feeds\nbase_url: https://me.github.io/blog\nauthor: Ada\n");
        write("content/posts/2020-01-01-old.md", "---\ntitle: Old\ntags: [go]\nlast_modified_at: 2021-06-01 12:30:00\n"
                + "---\nRevised.\n");
        write("content/posts/2020-05-01-new.md", "---\ntitle: New\ntags: [go]\n---\nNew.\n");
        SiteOutput out = build();

        for (String path : List.of("feed.xml", "tags/go/feed.xml")) {
            String xml = new String(out.get(path), StandardCharsets.UTF_8);
            String head = xml.substring(0, xml.indexOf("<entry>"));
            assertTrue(head.contains("<updated>2021-06-01T12:30:00Z</updated>"), path + ": " + head);
            assertEquals(Instant.parse("2021-06-01T12:30:00Z"), parse(out, path).getPublishedDate().toInstant(), path);
        }
        // Same input, same bytes: no clock of the build's in it.
        SiteOutput again = build();
        for (String path : List.of("feed.xml", "tags/go/feed.xml")) {
            assertTrue(java.util.Arrays.equals(out.get(path), again.get(path)), path);
        }
    }

    @Test
    void theListPagesLastmodInTheSitemapIsTheNewestUpdatedTimeOfTheirPosts() throws Exception {
        // As the feeds' <updated>: the home, archive, tags index and a tag's page list an older post revised after
        // the newest was published, and said the newest post's date.
        write("site.yml", "title: Feeds\nbase_url: https://me.github.io/blog\n");
        write("content/posts/2020-01-01-old.md", "---\ntitle: Old\ntags: [go]\nlast_modified_at: 2021-06-01 12:30:00\n"
                + "---\nRevised.\n");
        write("content/posts/2020-05-01-new.md", "---\ntitle: New\ntags: [go, rust]\n---\nNew.\n");
        String sitemap = sitemap(build());

        for (String list : List.of("", "archive/", "tags/", "tags/go/")) {
            assertTrue(sitemap.contains("<loc>https://me.github.io/blog/" + list + "</loc>"
                    + "<lastmod>2021-06-01T12:30:00Z</lastmod>"), list + " in " + sitemap);
        }
        assertTrue(sitemap.contains("<loc>https://me.github.io/blog/tags/rust/</loc>"
                + "<lastmod>2020-05-01T00:00:00Z</lastmod>"), sitemap);
    }

    @Test
    void contentUsesAbsoluteUrlsSoItWorksInAReader() throws Exception {
        threePosts("");
        String html = parse(build(), "feed.xml").getEntries().get(2).getContents().get(0).getValue();

        assertTrue(html.contains("src=\"https://me.github.io/blog/assets/x.png\""), html);
        assertTrue(html.contains("href=\"https://me.github.io/blog/two/\""), html);
        assertTrue(html.contains("Rest of one."), "full content by default: " + html);
    }

    @Test
    void excerptModeAndLimitComeFromSiteYml() throws Exception {
        threePosts("feed:\n  limit: 2\n  content: excerpt\n");
        SyndFeed feed = parse(build(), "feed.xml");

        assertEquals(2, feed.getEntries().size());
        threePosts("feed: {limit: 5, content: excerpt}\n");
        String one = parse(build(), "feed.xml").getEntries().get(2).getContents().get(0).getValue();
        assertTrue(one.contains("First paragraph"), one);
        assertFalse(one.contains("Rest of one."), one);
    }

    @Test
    void tagFeedsCarryExcerptsUnlessSiteYmlAsksForWholePosts() throws Exception {
        threePosts("");
        SiteOutput out = build();
        String inTag = parse(out, "tags/java/feed.xml").getEntries().get(1).getContents().get(0).getValue();
        String inSite = parse(out, "feed.xml").getEntries().get(2).getContents().get(0).getValue();
        assertTrue(inTag.contains("First paragraph") && !inTag.contains("Rest of one."), inTag);
        assertTrue(inSite.contains("Rest of one."), inSite);

        threePosts("feed: {tag_content: full, content: excerpt}\n");
        out = build();
        inTag = parse(out, "tags/java/feed.xml").getEntries().get(1).getContents().get(0).getValue();
        inSite = parse(out, "feed.xml").getEntries().get(2).getContents().get(0).getValue();
        assertTrue(inTag.contains("Rest of one."), inTag);
        assertFalse(inSite.contains("Rest of one."), inSite);
    }

    @Test
    void textThatXmlCannotHoldIsLeftOutAndTheFeedStillParses() throws Exception {
        threePosts("");
        write("content/posts/2020-04-01-odd.md", "---\ntitle: \"Bell \\a, CR \\r and <b>&\\\"quotes'\"\n"
                + "tags: [\"a&b\", \"<t>\"]\n---\nBody.\n");
        SyndFeed feed = parse(build(), "feed.xml");

        assertEquals("Bell , CR \r and <b>&\"quotes'", feed.getEntries().get(0).getTitle());
        assertEquals(List.of("a&b", "<t>"), feed.getEntries().get(0).getCategories().stream().map(c -> c.getName()).toList());
    }

    @Test
    void eachTagHasItsOwnFeedLinkedFromItsPage() throws Exception {
        threePosts("");
        SiteOutput out = build();
        SyndFeed java = parse(out, "tags/java/feed.xml");

        assertEquals(2, java.getEntries().size());
        assertEquals(1, parse(out, "tags/go/feed.xml").getEntries().size());
        assertNotNull(SiteChecks.page(out, "tags/java/index.html")
                .selectFirst("link[rel=alternate][type=application/atom+xml][href=/blog/tags/java/feed.xml]"));
    }

    @Test
    void everyPageLinksTheSiteFeed() throws Exception {
        threePosts("");
        SiteOutput out = build();
        for (String page : List.of("index.html", "about/index.html", "2020/01/01/one/index.html")) {
            assertNotNull(SiteChecks.page(out, page)
                    .selectFirst("link[rel=alternate][type=application/atom+xml][href=/blog/feed.xml]"), page);
        }
    }

    @Test
    void sitemapListsEveryPublicPageButNot404OrDrafts() throws Exception {
        threePosts("");
        SiteOutput out = build();
        String sitemap = new String(out.get("sitemap.xml"), StandardCharsets.UTF_8);

        for (String page : out.files().keySet()) {
            if (page.endsWith(".html") && !page.equals("404.html")) {
                String url = "https://me.github.io/blog/" + (page.endsWith("index.html")
                        ? page.substring(0, page.length() - "index.html".length()) : page);
                assertTrue(sitemap.contains("<loc>" + url + "</loc>"), page + " in " + sitemap);
            }
        }
        assertTrue(sitemap.contains("<loc>https://me.github.io/blog/archive/</loc>"), sitemap);
        assertTrue(sitemap.contains("<loc>https://me.github.io/blog/2020/01/01/one/</loc>"), sitemap);
        assertTrue(sitemap.contains("<loc>https://me.github.io/blog/about/</loc>"), sitemap);
        assertTrue(sitemap.contains("<loc>https://me.github.io/blog/</loc>"), sitemap);
        assertTrue(sitemap.contains("<loc>https://me.github.io/blog/2020/02/01/two/</loc>"
                + "<lastmod>2020-03-01T00:00:00Z</lastmod>"), sitemap);
        assertFalse(sitemap.contains("404"), sitemap);
        assertFalse(sitemap.contains("draft"), sitemap);
    }

    private static String sitemap(SiteOutput out) {
        return new String(out.get("sitemap.xml"), StandardCharsets.UTF_8);
    }

    @Test
    void sitemapLeavesOutPagesAndPostsWhoseFrontMatterSaysSitemapFalse() throws Exception {
        // jekyll-sitemap's opt-out: the page is published, but not submitted to crawlers.
        threePosts("");
        write("content/thanks.md", "---\ntitle: Thanks\nsitemap: false\n---\nThanks for subscribing.\n");
        write("content/posts/2020-04-01-quiet.md", "---\ntitle: Quiet\nsitemap: false\n---\nShh.\n");
        write("content/hugo.md", "---\ntitle: Hugo's\nsitemap:\n  disable: true\n  priority: 0.1\n---\nH.\n");
        SiteOutput out = build();
        String sitemap = sitemap(out);

        assertNotNull(out.get("thanks/index.html"));
        assertFalse(sitemap.contains("/thanks/"), sitemap);
        assertFalse(sitemap.contains("/quiet/"), sitemap);
        assertFalse(sitemap.contains("/hugo/"), sitemap);
        assertTrue(sitemap.contains("<loc>https://me.github.io/blog/about/</loc>"), sitemap);
        assertEquals("Quiet", parse(out, "feed.xml").getEntries().get(0).getTitle(), "still in the feed");
    }

    @Test
    void theHomePageIsLeftOutWhenContentIndexSaysSitemapFalse() throws Exception {
        threePosts("paginate: 2\n");
        write("content/index.md", "---\ntitle: Welcome\nsitemap: false\n---\nHello.\n");
        String sitemap = sitemap(build());

        assertFalse(sitemap.contains("<loc>https://me.github.io/blog/</loc>"), sitemap);
        assertFalse(sitemap.contains("/page/2/"), sitemap);
        assertTrue(sitemap.contains("<loc>https://me.github.io/blog/about/</loc>"), sitemap);
    }

    @Test
    void sitemapLeavesOutRedirectToPagesWhichAreNoindex() throws Exception {
        // Search Console reports a submitted URL marked noindex as an error.
        threePosts("");
        write("content/posts/2020-04-01-moved.md", "---\ntitle: Moved away\nredirect_to: https://example.com/x\n---\n");
        write("content/old.md", "---\ntitle: Old\nredirect_to: /about/\n---\n");
        SiteOutput out = build();
        String sitemap = sitemap(out);

        assertTrue(SiteChecks.page(out, "2020/04/01/moved/index.html").html().contains("noindex"));
        assertFalse(sitemap.contains("/moved/"), sitemap);
        assertFalse(sitemap.contains("/old/"), sitemap);
        assertEquals("Moved away", parse(out, "feed.xml").getEntries().get(0).getTitle(), "stays in feeds");
    }

    @Test
    void sitemapUrlsArePercentEncodedAsciiAsGoogleAsks() throws Exception {
        // https://developers.google.com/search/docs/crawling-indexing/sitemaps/build-sitemap: UTF-8 encoded and
        // URL-escaped (ümlat → %C3%BCmlat), as jekyll-sitemap writes Jekyll's escaped URLs.
        write("site.yml", "title: R\nbase_url: https://me.github.io/blog\n");
        write("content/posts/2024-01-01-日本語.md", "---\ntitle: Café\ntags: [Café]\n---\nText.\n");
        write("content/posts/2024-01-02-emoji.md", "---\ntitle: E\npermalink: /🎉 party/\n---\nText.\n");
        SiteOutput out = build();
        String sitemap = sitemap(out);

        assertTrue(sitemap.contains("<loc>https://me.github.io/blog/2024/01/01/%E6%97%A5%E6%9C%AC%E8%AA%9E/</loc>"),
                sitemap);
        assertTrue(sitemap.contains("<loc>https://me.github.io/blog/tags/caf%C3%A9/</loc>"), sitemap);
        assertTrue(sitemap.contains("<loc>https://me.github.io/blog/%F0%9F%8E%89%20party/</loc>"), sitemap);
        assertTrue(sitemap.chars().allMatch(c -> c < 0x80), sitemap);
        // The pages' own links are left as they were: HTML takes them so, and a browser sends them encoded.
        assertNotNull(SiteChecks.page(out, "index.html").selectFirst("a[href=/blog/tags/café/]"));
    }

    @Test
    void feedLinksAreAsciiWhileEntryIdsStayAsTheyWere() throws Exception {
        write("site.yml", "title: R\nbase_url: https://me.github.io/blog\n");
        write("content/posts/2024-01-01-日本語.md", "---\ntitle: Café\ntags: [Café]\n---\nText.\n");
        SiteOutput out = build();
        SyndEntry entry = parse(out, "feed.xml").getEntries().get(0);
        SyndFeed tag = parse(out, "tags/café/feed.xml");

        assertEquals("https://me.github.io/blog/2024/01/01/%E6%97%A5%E6%9C%AC%E8%AA%9E/", entry.getLink());
        // A reader takes an entry whose id changed for a new post: the id is jekyll-feed's, as before.
        assertEquals("https://me.github.io/blog/2024/01/01/%E6%97%A5%E6%9C%AC%E8%AA%9E", entry.getUri());
        String xml = new String(out.get("tags/café/feed.xml"), StandardCharsets.UTF_8);
        assertTrue(xml.contains("<link href=\"https://me.github.io/blog/tags/caf%C3%A9/feed.xml\" rel=\"self\""), xml);
        assertTrue(xml.contains("xml:base=\"https://me.github.io/blog/2024/01/01/%E6%97%A5%E6%9C%AC%E8%AA%9E/\""), xml);
        assertEquals("https://me.github.io/blog/tags/café/feed.xml", tag.getUri());
    }

    @Test
    void feedContentDropsHeadingAnchorLinksAndKeepsTheHeadingsAndTheirIds() throws Exception {
        // A reader showed each heading as "Brewing table #": it has no stylesheet to hide the anchor.
        for (String siteYml : List.of("title: R\nbase_url: https://me.github.io/blog\n", "title: R\n")) {
            write("site.yml", siteYml);
            write("content/posts/2024-01-01-tea.md", "---\ntitle: Tea\n---\nIntro.\n\n## Brewing table\n\nHot.\n\n"
                    + "<h3>Raw <em>heading</em></h3>\n\n[up](#brewing-table)\n");
            SiteOutput out = build();
            String html = parse(out, "feed.xml").getEntries().get(0).getContents().get(0).getValue();

            assertTrue(html.contains("<h2 id=\"brewing-table\">Brewing table</h2>"), html);
            assertTrue(html.contains("<h3 id=\"raw-heading\">Raw <em>heading</em></h3>"), html);
            assertFalse(html.contains("anchor"), html);
            assertTrue(html.contains("<a href=\"#brewing-table\">up</a>"), "the post's own links stay: " + html);
            assertNotNull(SiteChecks.page(out, "2024/01/01/tea/index.html").selectFirst("h2 > a.anchor"),
                    "the page keeps its anchors");
        }
    }

    @Test
    void robotsPointsToTheSitemap() throws Exception {
        threePosts("");
        String robots = new String(build().get("robots.txt"), StandardCharsets.UTF_8);

        assertTrue(robots.contains("Sitemap: https://me.github.io/blog/sitemap.xml"), robots);
    }

    @Test
    void aSitesOwnRobotsTxtWins() throws Exception {
        threePosts("");
        write("assets/../content/robots.txt", "User-agent: *\nDisallow: /\n");

        assertEquals("User-agent: *\nDisallow: /\n", new String(build().get("robots.txt"), StandardCharsets.UTF_8));
    }
}
