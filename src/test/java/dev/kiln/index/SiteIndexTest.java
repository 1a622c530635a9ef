package dev.kiln.index;

import dev.kiln.config.SiteConfig;
import dev.kiln.content.DraftPage;
import dev.kiln.content.FrontMatterParser;
import dev.kiln.content.PageKind;
import dev.kiln.content.Permalinks;
import dev.kiln.content.SiteConfigReader;
import dev.kiln.content.SourceFile;
import dev.kiln.content.YamlReader;
import dev.kiln.html.Body;
import dev.kiln.output.SiteOutput;
import dev.kiln.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The site-wide view of the posts: their order, their tags, the home page's pages and each post's neighbours. */
class SiteIndexTest {

    private static final SiteConfig DEFAULTS = SiteConfig.defaults();
    private static final SiteConfig TWO_PER_PAGE = config("paginate: 2");

    // ---- order ----

    @Test
    void postsAreNewestFirst() {
        Page a = post("2020-01-01-a.md");
        Page b = post("2021-06-01-b.md");
        Page c = post("2019-12-31-c.md");

        SiteIndex index = SiteIndex.of(List.of(a, b, c), List.of(), DEFAULTS);

        assertEquals(List.of(b.url(), a.url(), c.url()), urls(index.posts()));
    }

    @Test
    void aTimeOfDayOrdersPostsOfOneDay() {
        Page morning = post("2020-01-01-morning.md", "date: 2020-01-01 08:00");
        Page evening = post("2020-01-01-evening.md", "date: 2020-01-01 20:00");

        SiteIndex index = SiteIndex.of(List.of(morning, evening), List.of(), DEFAULTS);

        assertEquals(List.of(evening.url(), morning.url()), urls(index.posts()));
    }

    @Test
    void postsOfOneInstantAreOrderedByUrlWhateverOrderTheyCameIn() {
        List<Page> posts = new ArrayList<>(List.of(
                post("2020-01-01-zebra.md"), post("2020-01-01-apple.md"), post("2020-01-01-mango.md"),
                post("2020-01-01-banana.md")));
        List<String> expected = List.of("/2020/01/01/apple/", "/2020/01/01/banana/", "/2020/01/01/mango/",
                "/2020/01/01/zebra/");
        for (int shuffle = 0; shuffle < 8; shuffle++) {
            Collections.rotate(posts, 1);
            if (shuffle % 2 == 1) {
                Collections.reverse(posts);
            }
            assertEquals(expected, urls(SiteIndex.of(posts, List.of(), DEFAULTS).posts()), "input " + urls(posts));
        }
    }

    @Test
    void pagesAreOrderedByUrl() {
        Page contact = page("content/contact.md");
        Page about = page("content/about.md");

        SiteIndex index = SiteIndex.of(List.of(), List.of(contact, about), DEFAULTS);

        assertEquals(List.of("/about/", "/contact/"), urls(index.pages()));
    }

    // ---- tags ----

    @Test
    void tagsThatDifferOnlyInCaseShareOnePage() {
        Page older = post("2020-01-01-a.md", "tags: [aws]");
        Page newer = post("2020-02-01-b.md", "tags: [AWS]");

        SiteIndex index = SiteIndex.of(List.of(older, newer), List.of(), DEFAULTS);

        assertEquals(1, index.tags().size(), index.tags().toString());
        Tag aws = index.tags().get(0);
        assertEquals("aws", aws.slug());
        assertEquals("/tags/aws/", aws.route().url());
        assertEquals("tags/aws/index.html", aws.route().outputPath());
        assertEquals(List.of(newer.url(), older.url()), urls(aws.posts()), "its posts, newest first");
        assertEquals(List.of(aws), index.tagsOf(older));
        assertEquals(List.of(aws), index.tagsOf(newer));
    }

    @Test
    void tagsThatDifferOnlyInPunctuationOrUnicodeFormShareOnePage() {
        Page a = post("2020-01-01-a.md", "tags: [Spring Boot, Café]");
        Page b = post("2020-02-01-b.md", "tags: [spring-boot, \"Cafe\u0301\"]");

        SiteIndex index = SiteIndex.of(List.of(a, b), List.of(), DEFAULTS);

        assertEquals(List.of("café", "spring-boot"), index.tags().stream().map(Tag::slug).toList());
        index.tags().forEach(t -> assertEquals(2, t.posts().size(), t.name()));
    }

    @Test
    void aPostWithOneTagWrittenTwiceIsListedOnce() {
        Page post = post("2020-01-01-a.md", "tags: [AWS, aws, Aws]");

        SiteIndex index = SiteIndex.of(List.of(post), List.of(), DEFAULTS);

        assertEquals(1, index.tags().size());
        assertEquals(1, index.tags().get(0).posts().size());
        assertEquals(1, index.tagsOf(post).size());
    }

    @Test
    void onlyTagsInUseAreIndexedEachWithExactlyItsPosts() {
        Page a = post("2020-01-01-a.md", "tags: [java, aws]");
        Page b = post("2020-02-01-b.md", "tags: [java]");
        Page c = post("2020-03-01-c.md");

        SiteIndex index = SiteIndex.of(List.of(a, b, c), List.of(), DEFAULTS);

        assertEquals(List.of("aws", "java"), index.tags().stream().map(Tag::name).toList());
        assertEquals(List.of(a.url()), urls(index.tags().get(0).posts()));
        assertEquals(List.of(b.url(), a.url()), urls(index.tags().get(1).posts()));
        assertEquals(List.of(), index.tagsOf(c));
    }

    @Test
    void aSiteWithoutTagsHasNoTags() {
        SiteIndex index = SiteIndex.of(List.of(post("2020-01-01-a.md")), List.of(), DEFAULTS);

        assertEquals(List.of(), index.tags());
    }

    @Test
    void tagSlugsAreSafeAsOneUrlSegment() {
        Page post = post("2020-01-01-a.md",
                "tags: [\"C/C++\", \"..\", \".\", \"machine learning\", \"Ünïcode Café\", \"日本語\", \"a/../../etc\"]");

        SiteIndex index = SiteIndex.of(List.of(post), List.of(), DEFAULTS);

        assertEquals(7, index.tags().size(), index.tags().toString());
        for (Tag tag : index.tags()) {
            String slug = tag.slug();
            assertFalse(slug.isEmpty(), tag.name());
            assertFalse(slug.contains("/") || slug.contains("\\") || slug.equals(".") || slug.equals(".."),
                    tag.name() + " -> " + slug);
            assertTrue(slug.codePoints().noneMatch(Character::isWhitespace), tag.name() + " -> " + slug);
            assertEquals("tags/" + slug + "/index.html", tag.route().outputPath(), tag.name());
            assertEquals(4, tag.route().url().split("/", -1).length, tag.name() + " -> " + tag.route().url());
        }
        assertEquals("c-c-plus-plus", slugOf(index, "C/C++"));
        assertEquals("machine-learning", slugOf(index, "machine learning"));
        assertEquals("ünïcode-café", slugOf(index, "Ünïcode Café"));
        assertEquals("日本語", slugOf(index, "日本語"));
        assertEquals("a-etc", slugOf(index, "a/../../etc"));
        assertFalse(slugOf(index, "..").equals(slugOf(index, ".")), "two tags of punctuation alone stay apart");
    }

    @Test
    void tagPagesFollowTagPermalink() {
        SiteConfig topics = config("tag_permalink: /topics/:slug/");
        Page post = post("2020-01-01-a.md", "tags: [AWS]");

        SiteIndex index = SiteIndex.of(List.of(post), List.of(), topics);

        assertEquals("/topics/aws/", index.tags().get(0).route().url());
        assertEquals("/topics/", SiteIndex.tagsIndexRoute(topics).url());
        assertEquals("/tags/", SiteIndex.tagsIndexRoute(DEFAULTS).url());
    }

    @Test
    void aTagUsedOnlyByADraftGetsNoPage(@TempDir Path site) throws IOException {
        write(site, "content/posts/2020-01-01-public.md", "---\ntags: [java]\n---\nHi.\n");
        write(site, "content/posts/2020-02-01-secret.md", "---\ntags: [secret]\ndraft: true\n---\nHush.\n");

        SiteOutput plain = Fixtures.build(Fixtures.options(site)).output();
        SiteOutput withDrafts = Fixtures.build(Fixtures.options(site).withDrafts(true)).output();

        assertNotNull(plain.get("tags/java/index.html"));
        assertNull(plain.get("tags/secret/index.html"));
        assertFalse(new String(plain.get("tags/index.html"), StandardCharsets.UTF_8).contains("secret"));
        assertNotNull(withDrafts.get("tags/secret/index.html"));
    }

    // ---- pagination ----

    @Test
    void fivePostsTwoPerPageMakeThreeHomePagesLinkedInOrder() {
        List<Page> posts = new ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            posts.add(post("2020-01-0" + day + "-p" + day + ".md"));
        }

        List<Pagination> home = SiteIndex.of(posts, List.of(), TWO_PER_PAGE).home();

        assertEquals(3, home.size());
        assertPagination(home.get(0), 1, "/", "index.html", null, "/page/2/",
                List.of("/2020/01/05/p5/", "/2020/01/04/p4/"));
        assertPagination(home.get(1), 2, "/page/2/", "page/2/index.html", "/", "/page/3/",
                List.of("/2020/01/03/p3/", "/2020/01/02/p2/"));
        assertPagination(home.get(2), 3, "/page/3/", "page/3/index.html", "/page/2/", null,
                List.of("/2020/01/01/p1/"));
        home.forEach(p -> assertEquals(3, p.total()));
    }

    @Test
    void postsThatFillThePagesExactlyMakeNoEmptyLastPage() {
        List<Page> posts = List.of(post("2020-01-01-a.md"), post("2020-01-02-b.md"), post("2020-01-03-c.md"),
                post("2020-01-04-d.md"));

        List<Pagination> home = SiteIndex.of(posts, List.of(), TWO_PER_PAGE).home();

        assertEquals(2, home.size());
        assertNull(home.get(1).nextUrl());
        assertEquals(2, home.get(1).posts().size());
    }

    @Test
    void aSiteWithoutPostsStillHasOneHomePage() {
        List<Pagination> home = SiteIndex.of(List.of(), List.of(page("content/about.md")), TWO_PER_PAGE).home();

        assertEquals(1, home.size());
        assertPagination(home.get(0), 1, "/", "index.html", null, null, List.of());
        assertEquals(1, home.get(0).total());
    }

    // ---- neighbours ----

    @Test
    void eachPostKnowsItsOlderAndNewerNeighbour() {
        Page first = post("2020-01-01-first.md");
        Page middle = post("2020-02-01-middle.md");
        Page last = post("2020-03-01-last.md");

        SiteIndex index = SiteIndex.of(List.of(middle, last, first), List.of(), DEFAULTS);

        assertEquals(Optional.of(first), index.older(middle));
        assertEquals(Optional.of(last), index.newer(middle));
        assertEquals(Optional.empty(), index.older(first), "the oldest post has no older one");
        assertEquals(Optional.of(middle), index.newer(first));
        assertEquals(Optional.of(middle), index.older(last));
        assertEquals(Optional.empty(), index.newer(last), "the newest post has no newer one");
    }

    @Test
    void aLonePostAndAPageHaveNoNeighbours() {
        Page lone = post("2020-01-01-lone.md");
        Page about = page("content/about.md");

        SiteIndex index = SiteIndex.of(List.of(lone), List.of(about), DEFAULTS);

        assertEquals(Optional.empty(), index.older(lone));
        assertEquals(Optional.empty(), index.newer(lone));
        assertEquals(Optional.empty(), index.older(about));
        assertEquals(Optional.empty(), index.newer(about));
    }

    // ---- helpers ----

    /** A post of {@code content/posts/<file>} with extra front-matter lines, routed by the default pattern. */
    // ---- related posts ----

    @Test
    void relatedPostsOfAThousandPostsAreThoseSharingTheMostTagsThenTheNewest() {
        java.util.Random random = new java.util.Random(7);
        List<Page> posts = new ArrayList<>();
        for (int i = 0; i < 1300; i++) {
            List<String> tags = new ArrayList<>();
            for (int t = random.nextInt(4); t > 0; t--) {
                tags.add("t" + random.nextInt(40));
            }
            posts.add(post(String.format("2020-01-01-p%04d.md", i),
                    String.format("date: 2020-01-01 %02d:%02d", i / 60, i % 60), "tags: [" + String.join(", ", tags) + "]"));
        }
        SiteIndex index = SiteIndex.of(posts, List.of(), DEFAULTS);
        List<Page> newest = index.posts();

        for (Page post : newest) {
            // Every other post sharing a tag, by the number of tags shared, then the newest: the first five.
            java.util.Set<String> mine = new java.util.HashSet<>(index.tagsOf(post).stream().map(Tag::slug).toList());
            List<Page> expected = newest.stream().filter(other -> other != post)
                    .filter(other -> shared(index, other, mine) > 0)
                    .sorted(java.util.Comparator.comparingInt((Page other) -> -shared(index, other, mine))
                            .thenComparingInt(newest::indexOf))
                    .limit(5).toList();
            assertEquals(urls(expected), urls(index.related(post, 5)), post.url());
        }
    }

    private static int shared(SiteIndex index, Page other, java.util.Set<String> tags) {
        return (int) index.tagsOf(other).stream().filter(tag -> tags.contains(tag.slug())).count();
    }

    private static Page post(String file, String... frontMatter) {
        return page("content/posts/" + file, PageKind.POST, frontMatter);
    }

    private static Page page(String path, String... frontMatter) {
        return page(path, PageKind.PAGE, frontMatter);
    }

    private static Page page(String path, PageKind kind, String... frontMatter) {
        String text = "---\n" + String.join("\n", frontMatter) + "\n---\nBody.\n";
        DraftPage draft = FrontMatterParser.parse(new SourceFile(path, text), kind, ZoneOffset.UTC);
        return new Page(draft, Permalinks.of(draft, DEFAULTS), new Body("<p>Body.</p>", "", "", false, List.of(), 1));
    }

    /** The settings of a {@code site.yml} holding {@code yaml}. */
    private static SiteConfig config(String yaml) {
        return SiteConfigReader.read(YamlReader.read(SiteConfig.FILE, yaml + "\n", 1));
    }

    private static void assertPagination(Pagination p, int number, String url, String outputPath, String previous,
                                         String next, List<String> posts) {
        assertEquals(number, p.number());
        assertEquals(url, p.route().url(), "page " + number);
        assertEquals(outputPath, p.route().outputPath(), "page " + number);
        assertEquals(previous, p.previousUrl(), "previous of page " + number);
        assertEquals(next, p.nextUrl(), "next of page " + number);
        assertEquals(posts, urls(p.posts()), "posts of page " + number);
    }

    private static List<String> urls(List<Page> pages) {
        return pages.stream().map(Page::url).toList();
    }

    private static String slugOf(SiteIndex index, String name) {
        return index.tags().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no tag " + name + " in " + index.tags()))
                .slug();
    }

    private static void write(Path site, String path, String text) throws IOException {
        Path file = site.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
