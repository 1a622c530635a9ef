package dev.kiln.serve;

import dev.kiln.build.BuildResult;
import dev.kiln.error.Problem;
import dev.kiln.testing.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.kiln.serve.ServeTesting.CSS;
import static dev.kiln.serve.ServeTesting.FIRST;
import static dev.kiln.serve.ServeTesting.SECOND;
import static dev.kiln.serve.ServeTesting.FIRST_URL;
import static dev.kiln.serve.ServeTesting.SECOND_URL;
import static dev.kiln.serve.ServeTesting.THIRD;
import static dev.kiln.serve.ServeTesting.THIRD_URL;
import static dev.kiln.serve.ServeTesting.await;
import static dev.kiln.serve.ServeTesting.blog;
import static dev.kiln.serve.ServeTesting.contentType;
import static dev.kiln.serve.ServeTesting.delete;
import static dev.kiln.serve.ServeTesting.get;
import static dev.kiln.serve.ServeTesting.page;
import static dev.kiln.serve.ServeTesting.post;
import static dev.kiln.serve.ServeTesting.raw;
import static dev.kiln.serve.ServeTesting.request;
import static dev.kiln.serve.ServeTesting.settledRebuilds;
import static dev.kiln.serve.ServeTesting.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kiln serve} over HTTP: GitHub Pages paths, incremental rebuilds that stay correct, the error
 * overlay of a broken site, GET and HEAD only, no way out of the site, and the watcher.
 */
@Timeout(60)
class DevServerTest {

    @TempDir
    Path tmp;

    private final List<String> log = ServeTesting.newLog();

    private Path site() {
        return blog(tmp.resolve("blog"));
    }

    /** A server for {@code site}, built but not started (nor watching) yet. */
    private DevServer server(Path site) {
        return new DevServer(Fixtures.options(site), "127.0.0.1", 0, log::add);
    }

    private DevServer started(Path site) {
        DevServer server = server(site);
        server.start();
        return server;
    }

    private BuildResult rebuild(DevServer server) {
        BuildResult result = server.rebuild();
        assertNotNull(result, () -> "the rebuild failed: " + log);
        return result;
    }

    // ---- paths, GitHub Pages' way ----

    @Test
    void theHomePageAndEachFolderIndexAreServedAsHtml() {
        try (DevServer server = started(site())) {
            assertEquals("Test Blog", page(server, "/").title());
            assertEquals("About · Test Blog", page(server, "/about/").title());
            assertEquals("First", page(server, FIRST_URL).selectFirst("h1.post-title").text());
            assertEquals("Posts tagged “java”", page(server, "/tags/java/").selectFirst("h1").text());
            assertEquals("About · Test Blog", page(server, "/about/index.html").title());
            assertEquals("About · Test Blog", page(server, "/about/?utm=x").title());
            HttpResponse<String> home = get(server, "/");
            assertEquals("text/html; charset=utf-8", contentType(home));
            assertEquals(server.url(), ServeTesting.origin(server) + "/");
        }
    }

    @Test
    void futureTrueInSiteYmlServesFutureDatedPosts() {
        Path site = site();
        write(site, "content/posts/2099-01-01-someday.md", "---\ntitle: Someday\n---\nLater.\n");
        try (DevServer server = started(site)) {
            assertEquals(404, get(server, "/2099/01/01/someday/").statusCode());
            write(site, "site.yml", "title: Test Blog\ndescription: A blog for tests\nfuture: true\n");

            rebuild(server);

            assertEquals("Someday", page(server, "/2099/01/01/someday/").selectFirst("h1.post-title").text());
        }
    }

    @Test
    void aPathWithoutExtensionServesItsHtmlFile() {
        try (DevServer server = started(site())) {
            assertEquals("Contact · Test Blog", page(server, "/contact").title());
            assertEquals("Legacy", page(server, "/legacy").title());
            assertEquals("An old page.", page(server, "/legacy").selectFirst("p").text());
            assertEquals("Contact · Test Blog", page(server, "/contact.html").title());
        }
    }

    @Test
    void aFolderWithoutItsSlashRedirectsToItKeepingTheQuery() {
        try (DevServer server = started(site())) {
            for (String folder : List.of("/about", "/tags", "/tags/java", FIRST_URL.substring(0, FIRST_URL.length() - 1))) {
                HttpResponse<String> response = get(server, folder);
                assertEquals(301, response.statusCode(), folder);
                assertEquals(folder + "/", response.headers().firstValue("Location").orElse(null), folder);
                assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse("(none)"),
                        folder + ": a browser keeps a 301 for good unless told not to");
            }
            HttpResponse<String> withQuery = get(server, "/about?ref=feed");
            assertEquals(301, withQuery.statusCode());
            assertEquals("/about/?ref=feed", withQuery.headers().firstValue("Location").orElse(null));
        }
    }

    @Test
    void aFolderWhoseNameIsNotAsciiRedirectsToItsOwnSlashedPath() {
        Path site = site();
        write(site, "content/kő.md", "---\ntitle: Kő\n---\nA stone.\n");
        try (DevServer server = started(site)) {
            assertEquals("Kő · Test Blog", page(server, "/k%C5%91/").title());

            HttpResponse<String> response = get(server, "/k%C5%91");

            assertEquals(301, response.statusCode());
            String location = response.headers().firstValue("Location").orElse("");
            assertTrue(location.chars().allMatch(c -> c > ' ' && c < 127),
                    "a Location header is ASCII, percent-encoded: " + location);
            URI target = URI.create(ServeTesting.origin(server) + "/k%C5%91").resolve(location);
            assertEquals("Kő · Test Blog", page(server, target.getRawPath()).title(), "followed " + location);
        }
    }

    @Test
    void anUnknownPathGetsTheSitesOwn404PageWithStatus404() {
        try (DevServer server = started(site())) {
            for (String path : List.of("/nope", "/nope/", "/about/nope.html", "/tags/kotlin/", "/2020/01/01/first/x")) {
                HttpResponse<String> response = get(server, path);
                assertEquals(404, response.statusCode(), path);
                assertEquals("text/html; charset=utf-8", contentType(response), path);
                Document doc = Jsoup.parse(response.body());
                assertEquals("Not found · Test Blog", doc.title(), path);
                assertTrue(doc.text().contains("Nothing here, sorry."), path);
            }
        }
    }

    @Test
    void aSiteWithoutA404PageOfItsOwnGetsTheBuiltInThemesForEveryUnknownPath() throws java.io.IOException {
        Path site = tmp.resolve("plain");
        dev.kiln.testing.Kiln.write(site, "site.yml", "title: Plain\n");
        dev.kiln.testing.Kiln.write(site, "content/posts/2020-01-01-a.md", "---\ntitle: A\n---\nA.\n");
        try (DevServer server = started(site)) {
            for (String path : List.of("/nope", "/a/b/c/", "/2020/01/01/x")) {
                HttpResponse<String> response = get(server, path);
                assertEquals(404, response.statusCode(), path);
                Document doc = Jsoup.parse(response.body());
                assertEquals("Page not found · Plain", doc.title(), path);
                assertEquals("/", doc.selectFirst("main a").attr("href"), path);
                assertEquals("/assets/css/main.css", doc.selectFirst("link[rel=stylesheet]").attr("href"), path);
            }
        }
    }

    @Test
    void headGivesTheStatusAndHeadersOfGetWithoutABody() {
        try (DevServer server = started(site())) {
            for (String path : List.of("/", "/about/", FIRST_URL, "/contact", "/assets/css/site.css", "/nope", "/about")) {
                HttpResponse<byte[]> got = ServeTesting.getBytes(server, path);
                HttpResponse<String> head = request(server, "HEAD", path);

                assertEquals(got.statusCode(), head.statusCode(), path);
                assertEquals(contentType(got), contentType(head), path);
                assertEquals(String.valueOf(got.body().length),
                        head.headers().firstValue("Content-Length").orElse("(none)"), path);
                assertEquals(got.headers().firstValue("Location"), head.headers().firstValue("Location"), path);
                assertEquals("", head.body(), path);
            }
        }
    }

    @Test
    void draftsAndFuturePostsAreServedOnlyWhenAskedFor() {
        Path site = site();
        write(site, "content/posts/2020-05-01-unfinished.md", "---\ntitle: Unfinished\ndraft: true\n---\nDraft.\n");
        write(site, "content/posts/2027-01-01-later.md", post("Later", "java", "Not yet."));
        try (DevServer server = started(site)) {
            assertEquals(404, get(server, "/2020/05/01/unfinished/").statusCode());
            assertEquals(404, get(server, "/2027/01/01/later/").statusCode());
        }
        try (DevServer server = new DevServer(Fixtures.options(site).withDrafts(true).withFuture(true),
                "127.0.0.1", 0, log::add)) {
            server.start();
            assertEquals("Unfinished", page(server, "/2020/05/01/unfinished/").selectFirst("h1.post-title").text());
            assertEquals("Later", page(server, "/2027/01/01/later/").selectFirst("h1.post-title").text());
        }
    }

    /** The lines the server printed about posts and pages it left out or took back, since line {@code from}. */
    private List<String> leftOutLines(int from) {
        synchronized (log) {
            return log.subList(from, log.size()).stream().filter(line -> line.startsWith("  content/")).toList();
        }
    }

    @Test
    void aPostThatBecomesADraftOrFutureDatedWhileServingIsNamedWithWhyItIsLeftOut() {
        Path site = site();
        try (DevServer server = server(site)) {
            int from = log.size();
            write(site, FIRST, "---\ntitle: First\ndraft: true\ntags: [java, cats]\n---\nThe first post body.\n");
            rebuild(server);
            assertEquals(List.of("  content/posts/2020-01-01-first.md is a draft: left out (--drafts includes drafts)"),
                    leftOutLines(from));

            from = log.size();
            write(site, SECOND, "---\ntitle: Second\ndate: 2999-02-01\ntags: [java]\n---\nThe second post body.\n");
            rebuild(server);
            assertEquals(List.of("  content/posts/2020-02-01-second.md is future-dated: left out until its date"
                    + " (--future, or future: true in site.yml, includes it)"), leftOutLines(from), "the draft is not told again");

            from = log.size();
            rebuild(server);
            write(site, THIRD, post("Third", "dogs", "The third post, edited."));
            rebuild(server);
            assertEquals(List.of(), leftOutLines(from), "nothing new left out: " + log);

            write(site, FIRST, post("First", "java, cats", "The first post body."));
            delete(site, SECOND);
            rebuild(server);
            assertEquals(List.of("  content/posts/2020-01-01-first.md is published again (it was a draft)"),
                    leftOutLines(from), "a file removed is not published again");
        }
    }

    @Test
    void manyPostsLeftOutAtOnceAreToldInTenLines() {
        Map<String, String> drafts = new java.util.TreeMap<>();
        for (int i = 10; i < 22; i++) {
            drafts.put("content/posts/2020-01-" + i + "-p.md", BuildResult.DRAFT);
        }
        List<String> lines = DevServer.leftOutChanges(Map.of(), drafts, path -> false);
        assertEquals(10, lines.size());
        assertEquals("  content/posts/2020-01-10-p.md is a draft: left out (--drafts includes drafts)", lines.get(0));
        assertEquals("  and 3 more posts or pages left out or published again", lines.get(9));
        assertEquals(List.of(), DevServer.leftOutChanges(drafts, drafts, path -> false));
        // The pages built are asked of a path left out before and not now only: not made at every save.
        assertEquals(List.of(), DevServer.leftOutChanges(drafts, drafts, path -> {
            throw new AssertionError("asked of " + path);
        }));
        assertEquals(List.of("  content/posts/2020-01-10-p.md has expired (expiryDate passed): left out (no option includes it)"),
                DevServer.leftOutChanges(Map.of(), Map.of("content/posts/2020-01-10-p.md", BuildResult.EXPIRED), path -> false));
    }

    // ---- incremental, and correct ----

    @Test
    void aRebuildWithNothingChangedRendersNoMarkdownAndChangesNothing() {
        try (DevServer server = server(site())) {
            String before = servedAfterStart(server, "/");

            assertEquals(0, rebuild(server).markdownRenders());
            assertEquals(before, get(server, "/").body());
        }
    }

    @Test
    void aSaveMadeBetweenTheFirstBuildAndStartIsServed() throws IOException {
        Path site = site();
        try (DevServer server = server(site)) {
            // Saved after the first build, before the server started: the watcher, registered before that
            // build, holds its event; a rebuild that trusted the watcher without it would miss the save.
            Files.writeString(site.resolve(SECOND), post("Second", "java", "Saved before watching."));
            server.start();
            settledRebuilds(server, 300);

            // Written in place, as most editors save: the watcher names the file, and the rebuild could read it alone.
            Files.writeString(site.resolve(FIRST), post("First", "java, cats", "Saved while watching."));

            await("the watched save to be served", () -> get(server, FIRST_URL).body().contains("Saved while watching."));
            assertTrue(get(server, SECOND_URL).body().contains("Saved before watching."),
                    "the save before start() is served too");
        }
    }

    @Test
    void aPostEditRendersThatPostsMarkdownOnceAndIsServed() {
        Path site = site();
        byte[] secondBefore = Fixtures.build(Fixtures.options(site)).output().get("2020/02/01/second/index.html");
        try (DevServer server = server(site)) {
            write(site, FIRST, post("First", "java, cats", "The first post, *edited*."));

            BuildResult result = rebuild(server);

            assertEquals(1, result.markdownRenders());
            assertEquals(1, server.rebuilds());
            server.start();
            assertEquals("The first post, edited.", page(server, FIRST_URL).selectFirst(".post-content").text());
            assertEquals("The first post, edited.", page(server, "/").select(".post-summary-excerpt").last().text());
            assertEquals(new String(secondBefore, StandardCharsets.UTF_8),
                    ServeTesting.withoutScript(get(server, SECOND_URL).body()), "the other posts are as they were");
        }
    }

    @Test
    void aLayoutEditThatKeepsItsIdsRendersNoMarkdownAndIsServed() {
        Path site = site();
        try (DevServer server = server(site)) {
            write(site, "layouts/post.peb", postLayout("one"));
            // The theme's post layout writes id="related-title", this one not: a heading may take that id now.
            assertEquals(3, rebuild(server).markdownRenders(), "a new layout that writes other ids: its posts");
            write(site, "layouts/post.peb", postLayout("two"));
            assertEquals(0, rebuild(server).markdownRenders(), "an edited layout");

            server.start();
            Document first = page(server, FIRST_URL);
            assertEquals("layout two", first.selectFirst(".layout-mark").text());
            assertEquals("The first post body.", first.selectFirst(".post-content").text());
            assertEquals("layout two", page(server, THIRD_URL).selectFirst(".layout-mark").text());
            assertNull(page(server, "/about/").selectFirst(".layout-mark"), "pages keep their layout");
        }
    }

    private static String postLayout(String mark) {
        return "{% extends \"base\" %}\n{% block content %}\n<article class=\"post\">\n"
                + "<h1 class=\"post-title\">{{ page.title }}</h1>\n<p class=\"layout-mark\">layout " + mark + "</p>\n"
                + "<div class=\"prose post-content\">{{ page.content | raw }}</div>\n</article>\n{% endblock %}\n";
    }

    @Test
    void aSiteYmlEditRendersEveryPageAgain() {
        Path site = site();
        try (DevServer server = server(site)) {
            write(site, "site.yml", "title: Renamed Blog\ndescription: A blog for tests\n");

            BuildResult result = rebuild(server);

            assertEquals(result.posts() + result.pages(), result.markdownRenders());
            assertEquals(6, result.markdownRenders(), "3 posts, about, contact and 404");
            server.start();
            assertEquals("Renamed Blog", page(server, "/").title());
            assertEquals("About · Renamed Blog", page(server, "/about/").title());
            assertEquals("Renamed Blog", page(server, FIRST_URL).selectFirst("a.site-title").text());
        }
    }

    @Test
    void aNewPostAppearsOnTheHomePageAndOnItsTagPages() {
        Path site = site();
        try (DevServer server = server(site)) {
            write(site, "content/posts/2020-04-01-fourth.md", post("Fourth", "java, birds", "The fourth post body."));

            assertEquals(1, rebuild(server).markdownRenders());

            server.start();
            String fourth = "/2020/04/01/fourth/";
            assertEquals("Fourth", page(server, fourth).selectFirst("h1.post-title").text());
            assertEquals(List.of(fourth, THIRD_URL, SECOND_URL, FIRST_URL),
                    page(server, "/").select(".post-summary-title a").eachAttr("href"));
            assertEquals(List.of(fourth, SECOND_URL, FIRST_URL),
                    page(server, "/tags/java/").select(".archive-list a").eachAttr("href"));
            assertEquals(List.of(fourth), page(server, "/tags/birds/").select(".archive-list a").eachAttr("href"));
            assertTrue(page(server, "/tags/").select("a.tag").eachAttr("href").contains("/tags/birds/"));
            assertEquals(fourth, page(server, THIRD_URL).selectFirst("a.post-nav-newer").attr("href"));
        }
    }

    @Test
    void aDeletedPostDisappearsFromEveryPage() {
        Path site = site();
        try (DevServer server = server(site)) {
            delete(site, THIRD);

            assertEquals(0, rebuild(server).markdownRenders());

            server.start();
            assertEquals(404, get(server, THIRD_URL).statusCode());
            assertEquals(404, get(server, "/tags/dogs/").statusCode(), "its only tag is gone too");
            Map<String, String> pages = crawl(server);
            assertTrue(pages.keySet().containsAll(List.of("/", "/tags/", "/tags/java/", FIRST_URL, SECOND_URL, "/about/")),
                    pages.keySet().toString());
            for (Map.Entry<String, String> page : pages.entrySet()) {
                assertFalse(page.getValue().contains(THIRD_URL), page.getKey() + " still links to the deleted post");
                assertFalse(page.getValue().contains("/tags/dogs/"), page.getKey() + " still links to its tag");
                assertFalse(page.getValue().contains("The third post body."), page.getKey());
            }
            assertEquals(List.of(SECOND_URL, FIRST_URL), page(server, "/").select(".post-summary-title a").eachAttr("href"));
            assertNull(page(server, SECOND_URL).selectFirst("a.post-nav-newer"));
        }
    }

    @Test
    void aRenamedTagMovesToItsNewPage() {
        Path site = site();
        try (DevServer server = server(site)) {
            write(site, FIRST, post("First", "java, felines", "The first post body."));

            assertEquals(0, rebuild(server).markdownRenders(), "the body did not change");

            server.start();
            assertEquals(404, get(server, "/tags/cats/").statusCode());
            assertEquals(List.of(FIRST_URL), page(server, "/tags/felines/").select(".archive-list a").eachAttr("href"));
            assertEquals(List.of("/tags/java/", "/tags/felines/"), page(server, FIRST_URL).select(".post-meta a.tag").eachAttr("href"));
            List<String> tags = page(server, "/tags/").select("main a.tag").eachAttr("href");
            assertTrue(tags.contains("/tags/felines/") && !tags.contains("/tags/cats/"), tags.toString());
            for (Map.Entry<String, String> page : crawl(server).entrySet()) {
                assertFalse(page.getValue().contains("/tags/cats/"), page.getKey() + " still links to the old tag");
            }
        }
    }

    @Test
    void aRetitledPostIsRetitledWhereverItIsNamed() {
        Path site = site();
        try (DevServer server = server(site)) {
            write(site, FIRST, post("First, retitled", "java, cats", "The first post body."));

            assertEquals(0, rebuild(server).markdownRenders(), "the body did not change");

            server.start();
            assertEquals("First, retitled", page(server, FIRST_URL).selectFirst("h1.post-title").text());
            assertEquals("First, retitled", page(server, SECOND_URL).selectFirst("a.post-nav-older .post-nav-title").text());
            for (String list : List.of("/", "/tags/java/", "/tags/cats/")) {
                Element link = page(server, list).selectFirst("main a[href=" + FIRST_URL + "]");
                assertEquals("First, retitled", link.text(), list);
            }
            for (Map.Entry<String, String> page : crawl(server).entrySet()) {
                assertFalse(page.getValue().contains(">First<"), page.getKey() + " still shows the old title");
            }
        }
    }

    @Test
    void aNewPageJoinsTheNavigationOfEveryPage() {
        Path site = site();
        try (DevServer server = server(site)) {
            write(site, "content/now.md", "---\ntitle: Now\n---\nWhat I do now.\n");

            assertEquals(1, rebuild(server).markdownRenders());

            server.start();
            Map<String, String> pages = crawl(server);
            assertTrue(pages.containsKey("/now/"), pages.keySet().toString());
            List<String> nav = page(server, "/").select("nav.site-nav a").eachAttr("href");
            assertTrue(nav.containsAll(List.of("/about/", "/contact.html", "/now/")), nav.toString());
            for (String path : pages.keySet()) {
                assertEquals(nav, page(server, path).select("nav.site-nav a").eachAttr("href"), path);
            }
        }
    }

    @Test
    void theFirstGoodBuildAfterABrokenOneCountsOnlyTheMarkdownItRenders() {
        Path site = site();
        try (DevServer server = server(site)) {
            write(site, "layouts/post.peb", "{% extends \"base\" %}\n{% block content %}{{ page.titel }}{% endblock %}\n");
            assertNull(server.rebuild(), "a layout error breaks the build");
            write(site, FIRST, post("First", "java, cats", "The first post, edited while broken."));
            assertNull(server.rebuild(), "still broken");

            write(site, "layouts/post.peb", postLayout("fixed"));
            BuildResult fixed = rebuild(server);

            assertEquals(0, fixed.markdownRenders(), "a layout edit renders no Markdown: the body was rendered by the"
                    + " broken run before it");
            server.start();
            assertEquals("The first post, edited while broken.", page(server, FIRST_URL).selectFirst(".post-content").text());
        }
    }

    /** Starts {@code server} and returns the body of {@code path}. */
    private static String servedAfterStart(DevServer server, String path) {
        server.start();
        HttpResponse<String> response = get(server, path);
        assertEquals(200, response.statusCode(), path);
        return response.body();
    }

    /** Every HTML page reachable by links from the home page: path to body. */
    private static Map<String, String> crawl(DevServer server) {
        Map<String, String> pages = new LinkedHashMap<>();
        Deque<String> todo = new ArrayDeque<>(List.of("/"));
        while (!todo.isEmpty()) {
            String path = todo.poll();
            if (pages.containsKey(path)) {
                continue;
            }
            HttpResponse<String> response = get(server, path);
            assertEquals(200, response.statusCode(), "a link leads to " + path);
            if (!contentType(response).startsWith("text/html")) {
                pages.put(path, "");
                continue;
            }
            pages.put(path, response.body());
            for (Element link : Jsoup.parse(response.body()).select("a[href]")) {
                String href = link.attr("href").replaceFirst("#.*", "");
                if (href.startsWith("/") && !href.startsWith("//") && !pages.containsKey(href)) {
                    todo.add(href);
                }
            }
        }
        pages.values().removeIf(String::isEmpty);
        return pages;
    }

    // ---- broken links ----

    /** The lines of the log told by link checks: warnings, mended links and the count left. */
    private List<String> linkLines() {
        synchronized (log) {
            return log.stream().filter(l -> l.startsWith("warning: ") || l.startsWith("fixed: ")
                    || l.contains("broken link")).toList();
        }
    }

    @Test
    void brokenLinksAreToldOnceThenOnlyWhatChanges() {
        Path site = site();
        write(site, FIRST, post("First", "java", "An opening line.\n\nSee [the old page](/nope/)."));
        try (DevServer server = server(site)) {
            await("the first link check", () -> server.linksChecked() >= 1);
            assertEquals(List.of("warning: " + FIRST + ":7:20: broken link to /nope/ (on 2020/01/01/first/index.html)",
                    "1 broken link (kiln build warns of them too; kiln build --strict fails)"), linkLines());

            log.clear(); // a line written above the link moves it: the same broken link, nothing to tell
            write(site, FIRST, post("First", "java", "A new first line.\n\nAn opening line.\n\nSee [the old page](/nope/)."));
            rebuild(server);
            await("the second link check", () -> server.linksChecked() >= 2);
            assertEquals(List.of(), linkLines());

            log.clear();
            write(site, FIRST, post("First", "java", "See [the second post](" + SECOND_URL + ")."));
            write(site, SECOND, post("Second", "java", "Gone: [this](/gone/)."));
            rebuild(server);
            await("the third link check", () -> server.linksChecked() >= 3);
            assertEquals(List.of("warning: " + SECOND + ":5:14: broken link to /gone/ (on 2020/02/01/second/index.html;"
                    + " also in its excerpt on index.html)",
                    "fixed: " + FIRST + ":9:20: broken link to /nope/ (on 2020/01/01/first/index.html)",
                    "1 broken link left (kiln build warns of them too; kiln build --strict fails)"), linkLines());

            log.clear();
            write(site, SECOND, post("Second", "java", "The second post body."));
            rebuild(server);
            await("the fourth link check", () -> server.linksChecked() >= 4);
            assertEquals(List.of("fixed: " + SECOND + ":5:14: broken link to /gone/ (on 2020/02/01/second/index.html;"
                    + " also in its excerpt on index.html)",
                    "no broken links left"), linkLines());
        }
    }

    @Test
    void aCodeBlockNeverClosedIsToldOnceThenFixedWhenClosed() {
        Path site = site();
        String fence = ":7:1: code block opened here is never closed: the rest of the page (";
        String close = ") is code; close it with ``` on a line of its own";
        write(site, FIRST, post("First", "java", "An opening line.\n\n```js\nconst x = 1;\n\nSee [this](/nope/)."));
        try (DevServer server = server(site)) {
            assertEquals(List.of("warning: " + FIRST + fence + "3 lines" + close), fenceLines());

            log.clear(); // text typed below it is code too: nothing new to tell
            write(site, FIRST, post("First", "java", "An opening line.\n\n```js\nconst x = 1;\n\nSee [this](/nope/).\n\nMore."));
            rebuild(server);
            assertEquals(List.of(), fenceLines());

            log.clear();
            write(site, FIRST, post("First", "java", "An opening line.\n\n```js\nconst x = 1;\n```\n\nMore."));
            rebuild(server);
            assertEquals(List.of("fixed: " + FIRST + fence + "5 lines" + close), fenceLines());
        }
    }

    @Test
    void aLineTypedUnderAnEmptyFenceOrWrittenAboveItSaysNothingNew() {
        Path site = site();
        write(site, FIRST, post("First", "java", "Intro.\n\n```"));
        try (DevServer server = server(site)) {
            assertEquals(List.of("warning: " + FIRST + ":7:1: code block opened here is never closed; close it with ```"
                    + " on a line of its own"), fenceLines());

            log.clear(); // the fence holds a line now, and counts it: the same code block never closed
            write(site, FIRST, post("First", "java", "Intro.\n\n```\nint x;"));
            rebuild(server);
            assertEquals(List.of(), fenceLines());

            log.clear(); // a line written above it moves it: the same one still
            write(site, FIRST, post("First", "java", "A new line.\n\nIntro.\n\n```\nint x;"));
            rebuild(server);
            assertEquals(List.of(), fenceLines());

            write(site, FIRST, post("First", "java", "A new line.\n\nIntro.\n\n```\nint x;\n```"));
            rebuild(server);
            assertEquals(List.of("fixed: " + FIRST + ":9:1: code block opened here is never closed: the rest of the page"
                    + " (1 line) is code; close it with ``` on a line of its own"), fenceLines());
        }
    }

    @Test
    void aPageMadeADraftOrRemovedIsLeftOutNotToldFixed() {
        Path site = site();
        write(site, FIRST, post("First", "java", "Intro.\n\n```\nint x;"));
        write(site, SECOND, post("Second", "java", "Gone: [this](/gone/)."));
        try (DevServer server = server(site)) {
            await("the first link check", () -> server.linksChecked() >= 1);
            assertEquals(1, fenceLines().size(), log::toString);
            log.clear();

            write(site, FIRST, "---\ntitle: First\ndraft: true\ntags: [java]\n---\nIntro.\n\n```\nint x;\n");
            delete(site, SECOND);
            rebuild(server);
            await("the second link check", () -> server.linksChecked() >= 2);
            assertEquals(List.of("  " + FIRST + " is a draft: left out (--drafts includes drafts)"), leftOutLines(0));
            assertEquals(List.of(), fenceLines(), "the page went, the code block was not closed: " + log);
            assertEquals(List.of("no broken links left"), linkLines(), "the page with the link went: " + log);
        }
    }

    @Test
    void aGoodBuildAfterABrokenStartTellsTheSummaryNotEachDraftAndAFailedBuildBetweenChangesNothing() {
        Path site = site();
        for (int i = 1; i <= 3; i++) {
            write(site, "content/posts/2020-04-0" + i + "-draft" + i + ".md", "---\ntitle: Draft " + i
                    + "\ndraft: true\n---\nNot yet.\n");
        }
        write(site, THIRD, post("Third", "dogs", "Intro.\n\n```\nint x;"));
        write(site, "site.yml", "title: [oops\n");
        try (DevServer server = server(site)) {
            assertTrue(log.stream().anyMatch(l -> l.startsWith("build failed: ")), log::toString);
            log.clear();

            write(site, "site.yml", "title: Test Blog\n");
            rebuild(server);
            List<String> lines = List.copyOf(log);
            assertTrue(lines.get(0).startsWith("rebuilt in ") && lines.get(0).endsWith("; the site builds"), lines::toString);
            assertTrue(lines.contains("  skipped 3 drafts (--drafts includes them)"), lines::toString);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("built 6 pages (3 posts), ")), lines::toString);
            assertEquals(List.of(), leftOutLines(0), "no draft is told one by one: " + lines);
            assertEquals(1, fenceLines().size(), lines::toString);

            write(site, "site.yml", "title: [oops\n");
            assertNull(server.rebuild());
            log.clear();
            write(site, "site.yml", "title: Test Blog\n");
            rebuild(server);
            lines = List.copyOf(log);
            assertEquals(1, lines.size(), lines::toString);
            assertTrue(lines.get(0).startsWith("rebuilt in ") && lines.get(0).endsWith("; the site builds again"),
                    lines::toString);
        }
    }

    private List<String> fenceLines() {
        synchronized (log) {
            return log.stream().filter(l -> l.contains("code block")).toList();
        }
    }

    @Test
    void aSiteWithoutBrokenLinksIsToldNothingAboutLinks() {
        Path site = site();
        try (DevServer server = server(site)) {
            await("the first link check", () -> server.linksChecked() >= 1);
            write(site, THIRD, post("Third", "dogs", "See [the first](" + FIRST_URL + ")."));
            rebuild(server);
            await("the second link check", () -> server.linksChecked() >= 2);
            assertEquals(List.of(), linkLines());
        }
    }

    @Test
    void aLinkBrokenTwiceAndMendedOnceIsToldMendedOnce() {
        Problem a = new Problem("content/a.md", 3, 1, "broken link to /x/ (on a/index.html)");
        Problem b = new Problem("content/a.md", 9, 1, "broken link to /x/ (on a/index.html)");
        Problem moved = new Problem("content/a.md", 4, 1, "broken link to /x/ (on a/index.html)");
        assertEquals(List.of("fixed: " + a, "1 broken link left (kiln build warns of them too; kiln build --strict fails)"),
                DevServer.linkChanges(List.of(a, b), List.of(moved)));
        assertEquals(List.of(), DevServer.linkChanges(List.of(a), List.of(moved)));
        assertEquals(List.of(), DevServer.linkChanges(null, List.of()));
        // A newer post moves the excerpt to page 2 of the list: the same broken link.
        Problem onHome = new Problem("content/a.md", 3, 1, "broken link to /x/ (on a/index.html; also in its excerpt on"
                + " index.html)");
        Problem onPage2 = new Problem("content/a.md", 3, 1, "broken link to /x/ (on a/index.html; also in its excerpt on"
                + " page/2/index.html)");
        assertEquals(List.of(), DevServer.linkChanges(List.of(onHome), List.of(onPage2)));
    }

    // ---- a broken site ----

    @Test
    void aBrokenSiteShowsEveryProblemOnEveryPageUntilTheFirstGoodRebuild() throws IOException {
        Path site = site();
        try (DevServer server = started(site)) {
            String css = Files.readString(site.resolve(CSS));
            write(site, FIRST, "---\ntitle: <i>First</i>\ntags: [java, cats]\ndraft: maybe\n---\nThe first post body.\n");
            write(site, "content/about.md", "---\ntitle: About\nThis is the about page.\n");

            assertNull(server.rebuild());

            for (String path : List.of("/", "/about/", FIRST_URL, SECOND_URL, "/tags/java/", "/contact", "/nope")) {
                HttpResponse<String> response = get(server, path);
                assertEquals(path.equals("/nope") ? 404 : 200, response.statusCode(), "the last good site is served: " + path);
                Document doc = Jsoup.parse(response.body());
                assertEquals(1, doc.select("#kiln-errors").size(), "one overlay on " + path);
                Element overlay = doc.getElementById("kiln-errors");
                String text = overlay.text();
                assertTrue(text.contains("content/posts/2020-01-01-first.md:4:8"), path + ": " + text);
                assertTrue(text.contains("draft must be true or false"), path + ": " + text);
                assertTrue(text.contains("content/about.md:1:1"), path + ": " + text);
                assertTrue(text.contains("front matter is not closed"), path + ": " + text);
                List<String> excerpts = overlay.select("pre").eachText();
                assertTrue(excerpts.stream().anyMatch(e -> e.contains("draft: maybe") && e.contains("tags: [java, cats]")
                        && e.contains("title: <i>First</i>")), path + ": the lines around the problem, as text: " + excerpts);
                assertTrue(overlay.select("i").isEmpty(), "source is shown, not rendered: " + overlay.html());
                assertTrue(excerpts.stream().anyMatch(e -> e.contains("title: About")), path + ": " + excerpts);
            }
            assertEquals(css, get(server, "/assets/css/site.css").body(), "only HTML pages carry the overlay");

            write(site, FIRST, post("First", "java, cats", "The first post body."));
            assertNull(server.rebuild(), "about.md is still broken");
            String text = page(server, "/").getElementById("kiln-errors").text();
            assertFalse(text.contains("first.md"), "a fixed problem leaves the overlay: " + text);
            assertTrue(text.contains("content/about.md:1:1"), text);

            write(site, "content/about.md", "---\ntitle: About\n---\nThis is the about page, fixed.\n");
            rebuild(server);

            for (String path : List.of("/", "/about/", FIRST_URL, SECOND_URL, "/tags/java/", "/contact")) {
                assertNull(page(server, path).getElementById("kiln-errors"), path);
            }
            assertNull(page(server, "/nope", 404).getElementById("kiln-errors"));
            assertEquals("This is the about page, fixed.", page(server, "/about/").selectFirst(".page-content").text());
        }
    }

    @Test
    void aLayoutErrorShowsTheLinesOfTheLayoutAroundIt() {
        Path site = site();
        try (DevServer server = started(site)) {
            write(site, "layouts/post.peb", "<!DOCTYPE html>\n<html lang=\"en\"><head><title>{{ page.title }}</title></head>\n"
                    + "<body>\n{{ page.titel }}\n</body></html>\n");

            assertNull(server.rebuild());

            Element overlay = page(server, FIRST_URL).getElementById("kiln-errors");
            assertNotNull(overlay);
            assertTrue(overlay.text().contains("layouts/post.peb:4:9"), overlay.text());
            assertTrue(overlay.text().contains("'titel' does not exist"), overlay.text());
            String excerpt = overlay.selectFirst("pre").text();
            assertTrue(excerpt.contains("{{ page.titel }}") && excerpt.contains("<body>") && excerpt.contains("</body></html>"),
                    excerpt);
            assertNotNull(page(server, "/about/").getElementById("kiln-errors"), "every page shows it");
        }
    }

    @Test
    void anIncludeLoopIsShownAtOnceAndTheServerComesBackWhenItIsFixed() {
        Path site = site();
        try (DevServer server = started(site)) {
            // Before, the rebuild ran for minutes and the server served the old site, deaf to every save after it.
            write(site, "layouts/partials/header.peb", "<header>{{ site.title }}</header>\n{% include \"partials/footer\" %}\n");
            write(site, "layouts/partials/footer.peb", "<footer>{{ site.title }}</footer>\n{% include \"partials/header\" %}\n");

            assertNull(server.rebuild());

            Element overlay = page(server, FIRST_URL).getElementById("kiln-errors");
            assertNotNull(overlay);
            assertTrue(overlay.text().contains("layouts/partials/footer.peb:2:4 layout error: include loop: partials/footer"
                    + " -> partials/header -> partials/footer"), overlay.text());

            delete(site, "layouts/partials/footer.peb");
            write(site, FIRST, post("First", "java, cats", "Edited after the loop."));
            rebuild(server);

            Document first = page(server, FIRST_URL);
            assertNull(first.getElementById("kiln-errors"));
            assertEquals("Edited after the loop.", first.selectFirst(".post-content").text());
        }
    }

    @Test
    void aBuildThatCrashesDoesNotTakeTheServerDown() {
        Path site = site();
        try (DevServer server = started(site)) {
            // Nested deeper than any parser's stack: whatever the build makes of it, the server goes on.
            write(site, "content/posts/2020-04-01-deep.md", "---\ntitle: Deep\n---\n" + ">".repeat(200_000) + " deep\n");

            BuildResult result = server.rebuild();

            assertEquals(200, get(server, "/").statusCode());
            assertEquals(200, get(server, "/assets/css/site.css").statusCode());
            if (result == null) {
                assertNotNull(page(server, "/about/").getElementById("kiln-errors"), "the crash is shown: " + log);
            }
            delete(site, "content/posts/2020-04-01-deep.md");
            rebuild(server);
            assertNull(page(server, "/about/").getElementById("kiln-errors"));
            assertEquals(List.of(THIRD_URL, SECOND_URL, FIRST_URL),
                    page(server, "/").select(".post-summary-title a").eachAttr("href"));
        }
    }

    @Test
    void aSiteBrokenFromTheStartShowsItsProblemsAndComesBackWhenFixed() {
        Path site = site();
        write(site, FIRST, "---\ntitle: First\ntags: [java, cats]\ndraft: maybe\n---\nThe first post body.\n");
        try (DevServer server = started(site)) {
            for (String path : List.of("/", FIRST_URL)) {
                HttpResponse<String> response = get(server, path);
                assertTrue(contentType(response).startsWith("text/html"), path + ": " + contentType(response));
                Element overlay = Jsoup.parse(response.body()).getElementById("kiln-errors");
                assertNotNull(overlay, path + " shows why nothing is served: " + response.body());
                assertTrue(overlay.text().contains("content/posts/2020-01-01-first.md:4:8"), overlay.text());
                assertTrue(response.body().contains(LiveReload.ENDPOINT), path + " reloads itself once fixed");
            }

            write(site, FIRST, post("First", "java, cats", "The first post body."));
            rebuild(server);

            Document home = page(server, "/");
            assertNull(home.getElementById("kiln-errors"));
            assertEquals(List.of(THIRD_URL, SECOND_URL, FIRST_URL), home.select(".post-summary-title a").eachAttr("href"));
        }
    }

    // ---- safety ----

    @Test
    void onlyGetAndHeadAreServed() {
        try (DevServer server = started(site())) {
            for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
                for (String path : List.of("/", "/about/", "/nope", LiveReload.ENDPOINT)) {
                    HttpResponse<String> response = request(server, method, path);
                    assertEquals(405, response.statusCode(), method + " " + path);
                    String allow = response.headers().firstValue("Allow").orElse("");
                    assertTrue(allow.contains("GET") && allow.contains("HEAD"), method + " " + path + ": Allow " + allow);
                    assertFalse(response.body().contains("<html"), method + " " + path);
                }
            }
            assertEquals(405, raw(server, "TRACE", "/about/").status());
            assertEquals(200, get(server, "/about/").statusCode(), "still serving");
        }
    }

    @Test
    void aRequestNamingAnotherSiteIsRefusedSoThatNoPageElsewhereCanReadThePreview() {
        try (DevServer server = started(site())) {
            int port = server.port();
            // DNS rebinding: a page of evil.example points its name at 127.0.0.1, and its browser sends that name.
            List<String> refused = List.of("evil.example", "evil.example:" + port, "127.0.0.1.evil.example:" + port,
                    "localhost.evil.example:" + port, "localhost:" + port + "@evil.example", "", "[::1", "::1",
                    "localhost:http", "localhost:" + port + ":1");
            for (String host : refused) {
                for (String target : List.of("/about/", "/", LiveReload.ENDPOINT + "?page=%2Fabout%2F&v=0")) {
                    for (String method : List.of("GET", "HEAD")) {
                        ServeTesting.Raw response = raw(server, method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\n");
                        assertTrue(response.status() == 403 || response.status() == 400,
                                method + " " + target + " for Host '" + host + "' gave " + response.head());
                        assertFalse(response.body().contains("about page") || response.body().contains("Test Blog")
                                || response.body().contains("event:"), "Host '" + host + "': " + response.body());
                    }
                }
            }
            ServeTesting.Raw refusedOne = raw(server, "GET /about/ HTTP/1.1\r\nHost: evil.example:" + port + "\r\n");
            assertEquals(403, refusedOne.status());
            assertTrue(refusedOne.body().contains("http://localhost:" + port + "/"), "says what to open: " + refusedOne.body());
            assertEquals(403, raw(server, "GET http://evil.example/about/ HTTP/1.1\r\nHost: 127.0.0.1\r\n").status(),
                    "an absolute target names its host");
            int twice = raw(server, "GET /about/ HTTP/1.1\r\nHost: localhost\r\nHost: evil.example\r\n").status();
            assertTrue(twice == 400 || twice == 403, "two Host headers: " + twice);

            // The names of this machine that no one else can answer for, with or without a port (a forwarded
            // port changes it), and IP addresses, by which other machines reach a server on --host 0.0.0.0.
            List<String> served = List.of("127.0.0.1:" + port, "localhost:" + port, "LocalHost:" + port, "localhost",
                    "localhost.:" + port, "127.0.0.1", "[::1]:" + port, "kiln.localhost:" + port, "192.168.1.20:" + port,
                    "[fe80::1]:" + port, "localhost:8080");
            for (String host : served) {
                ServeTesting.Raw response = raw(server, "GET /about/ HTTP/1.1\r\nHost: " + host + "\r\n");
                assertEquals(200, response.status(), "Host '" + host + "': " + response.head());
                assertTrue(response.body().contains("This is the about page."), host);
            }
            assertEquals(200, raw(server, "GET /about/ HTTP/1.0\r\n").status(), "HTTP/1.0 without Host");
            assertEquals(200, raw(server, "GET http://localhost:" + port + "/about/ HTTP/1.1\r\nHost: localhost\r\n").status());
        }
    }

    @Test
    void aPathBeginningWithTwoSlashesIsABadPathNotAnotherPage() {
        try (DevServer server = started(site())) {
            // The JDK reads "//about/" as the host "about" and the path "/": it was served as the home page.
            for (String target : List.of("//about/", "//about", "///about/", "////about/", "//127.0.0.1/about/",
                    "//localhost:" + server.port() + "/", "//assets/css/site.css", "//" + FIRST_URL.substring(1))) {
                for (String method : List.of("GET", "HEAD")) {
                    ServeTesting.Raw response = raw(server, method, target);
                    // 404 from the JDK itself for "//about", whose path is empty and so in no context.
                    assertTrue(response.status() == 400 || response.status() == 404 && target.equals("//about"),
                            method + " " + target + " gave " + response.head());
                    assertFalse(response.body().contains("Test Blog") || response.body().contains("color"),
                            target + ": " + response.body());
                }
            }
            assertEquals(200, get(server, "/about/").statusCode(), "still serving");
        }
    }

    /** One server for every traversal attempt, with secrets in and next to the site folder. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Traversal {

        private DevServer server;

        @BeforeAll
        void start(@TempDir Path dir) throws IOException {
            Path site = blog(dir.resolve("blog"));
            Files.writeString(site.resolve("secret.txt"), "SECRET-IN-THE-SITE-FOLDER\n");
            Files.writeString(dir.resolve("pom.xml"), "<project>SECRET-POM-NEXT-TO-THE-SITE</project>\n");
            Files.writeString(dir.resolve("secret.txt"), "SECRET-NEXT-TO-THE-SITE\n");
            Files.createDirectories(site.resolve(".git"));
            Files.writeString(site.resolve(".git/config"), "[core] SECRET-GIT\n");
            server = new DevServer(Fixtures.options(site), "127.0.0.1", 0, log::add);
            server.start();
        }

        @AfterAll
        void stop() {
            server.close();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "/../secret.txt", "/../../pom.xml", "/about/../../secret.txt", "/assets/css/../../../secret.txt",
                "/%2e%2e/secret.txt", "/%2E%2E/%2E%2E/pom.xml", "/.%2e/secret.txt", "/%2e./secret.txt",
                "/..%2fsecret.txt", "/%2e%2e%2f%2e%2e%2fpom.xml", "/assets%2f..%2f..%2fsecret.txt",
                "/..%5csecret.txt", "/%5c..%5c..%5cpom.xml", "/..\\secret.txt", "/assets\\..\\..\\secret.txt",
                "/%252e%252e/secret.txt", "/..%252fsecret.txt", "/%2e%2e%00/secret.txt", "/secret.txt%00.html",
                "/etc/passwd", "//etc/passwd", "///etc/passwd", "/%2fetc/passwd", "/%2f%2fetc%2fpasswd",
                "/../../../../../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                "//../secret.txt", "/assets//../../secret.txt", "file:///etc/passwd", "C:\\Windows\\win.ini",
                "http://127.0.0.1/../secret.txt", "http://127.0.0.1/%2e%2e/%2e%2e/pom.xml",
                "/secret.txt", "/site.yml", "/pom.xml", "/content/about.md", "/content/posts/2020-01-01-first.md",
                "/assets/../site.yml", "/layouts/", "/.git/config"})
        void aTraversalAttemptGets400Or404AndNeverAFileFromOutsideTheSite(String target) {
            Set<String> secrets = Set.of("SECRET-", "root:x:0:0", "<artifactId>kiln</artifactId>", "title: Test Blog",
                    "This is the about page.", "The first post body.");
            for (String method : List.of("GET", "HEAD")) {
                ServeTesting.Raw response = raw(server, method, target);

                assertTrue(response.status() == 400 || response.status() == 404,
                        method + " " + target + " gave " + response.head());
                for (String secret : secrets) {
                    assertFalse(response.body().contains(secret), method + " " + target + " leaked " + secret);
                }
            }
            assertEquals(200, get(server, "/about/").statusCode(), "still serving");
        }
    }

    // ---- the watcher ----

    @Test
    void anEditedPostIsServedOnceTheWatcherRebuiltIt() {
        Path site = site();
        try (DevServer server = started(site)) {
            write(site, FIRST, post("First", "java, cats", "Edited while serving."));

            await("the edited post to be served", () -> get(server, FIRST_URL).body().contains("Edited while serving."));
            assertTrue(server.rebuilds() >= 1);
            assertTrue(page(server, "/").text().contains("Edited while serving."));
        }
    }

    @Test
    void jekyllsFoldersAndSettingsMadeOrRemovedWhileServingShowOrClearTheirErrorsAtOnce() {
        Path site = site();
        try (DevServer server = started(site)) {
            settledRebuilds(server, 300);

            // Jekyll's folders at the root are errors of the build: their coming and going is a change of the site.
            for (String folder : List.of("_posts", "_drafts")) {
                write(site, folder + "/2020-01-01-j.md", post("J", "java", "A Jekyll post."));
                await("the error of " + folder + "/ made while serving", () -> errors(server).contains(folder + "/"));

                delete(site, folder + "/2020-01-01-j.md");
                delete(site, folder);
                await("the error of " + folder + "/ to clear once it is removed", () -> errors(server).isEmpty());
            }

            // _config.yml is an error without site.yml: removing it fixes the site.
            write(site, "_config.yml", "title: Jekyll\n");
            delete(site, "site.yml");
            await("the error of _config.yml", () -> errors(server).contains("_config.yml"));
            delete(site, "_config.yml");
            await("the error of _config.yml to clear once it is removed", () -> errors(server).isEmpty());
        }
    }

    @Test
    void hugosSettingsAndFoldersMadeOrRemovedWhileServingShowOrClearTheirErrorsAtOnce() {
        Path site = site();
        try (DevServer server = started(site)) {
            settledRebuilds(server, 300);

            // Hugo's config/_default/ is an error, and so is static/ (hidden files too) beside Hugo's settings: their
            // coming and going is a change.
            for (String file : List.of("config/_default/hugo.toml", "static/.well-known/security.txt")) {
                write(site, file, "baseURL = 'https://example.org/'\n");
                String folder = file.substring(0, file.indexOf('/', file.indexOf('/') + 1) + 1);
                await("the error of " + file + " made while serving", () -> errors(server).contains(file));

                delete(site, file);
                delete(site, folder);
                delete(site, file.substring(0, file.indexOf('/')));
                await("the error of " + folder + " to clear once it is removed", () -> !errors(server).contains(file));
                if (file.startsWith("config/")) {
                    assertEquals("", errors(server));
                    write(site, "hugo.toml", "baseURL = 'https://example.org/'\n"); // static/ is Hugo's beside it
                    await("the error of hugo.toml", () -> errors(server).contains("hugo.toml"));
                }
            }
            delete(site, "hugo.toml");
            await("the error of hugo.toml to clear once it is removed", () -> errors(server).isEmpty());

            // hugo.toml is an error beside site.yml too, and a config.yaml with Hugo's keys.
            for (String file : List.of("hugo.toml", "config.yaml")) {
                write(site, file, file.endsWith("toml") ? "baseURL = 'https://example.org/'\n"
                        : "baseURL: https://example.org/\n");
                await("the error of " + file, () -> errors(server).contains(file));
                delete(site, file);
                await("the error of " + file + " to clear once it is removed", () -> errors(server).isEmpty());
            }
        }
    }

    @Test
    void aKilnSitesOwnStaticFolderIsOneWarningAtTheStartAndWhenItChangesNotAtEachRebuild() {
        Path site = site();
        write(site, "static/favicon.ico", "ico");
        try (DevServer server = started(site)) {
            List<String> warned = List.copyOf(log).stream().filter(l -> l.startsWith("warning: static/")).toList();
            assertEquals(1, warned.size(), log::toString);
            assertTrue(warned.get(0).startsWith("warning: static/favicon.ico:1:1: static/, which Kiln does not read "),
                    warned::toString);
            assertEquals(404, get(server, "/favicon.ico").statusCode());

            write(site, FIRST, post("First", "java", "Edited."));
            rebuild(server);
            assertEquals(1, List.copyOf(log).stream().filter(l -> l.startsWith("warning: static/")).count(), log::toString);

            // A file dropped into static/ while serving (a 404 to the author) is told as it comes.
            write(site, "static/CNAME", "blog.example.com\n");
            rebuild(server);
            List<String> now = List.copyOf(log).stream().filter(l -> l.startsWith("warning: static/")).toList();
            assertEquals(2, now.size(), log::toString);
            assertTrue(now.get(1).startsWith("warning: static/CNAME:1:1: ") && now.get(1).contains("its 2 files"),
                    now::toString);
        }
    }

    /** The error overlay's text on the home page, or "" when it has none. */
    private static String errors(DevServer server) {
        Element overlay = page(server, "/").getElementById("kiln-errors");
        return overlay == null ? "" : overlay.text();
    }

    @Test
    void aPostBundleIsServedWithItsFilesAndEachEditOfItsIndexOrPhotoShows() {
        Path site = site();
        write(site, "content/posts/2020-04-01-trip/index.md", post("Trip", "java", "A photo: ![Lake](photo.jpg)"));
        write(site, "content/posts/2020-04-01-trip/photo.jpg", new byte[] {1, 2, 3});
        try (DevServer server = started(site)) {
            String trip = "/2020/04/01/trip/";
            assertEquals("/2020/04/01/trip/photo.jpg", page(server, trip).selectFirst(".post-content img").attr("src"));
            assertEquals("/2020/04/01/trip/photo.jpg", page(server, "/").selectFirst(".post-summary-excerpt img").attr("src"));
            assertEquals(List.of(1, 2, 3), bytes(server, trip + "photo.jpg"));
            settledRebuilds(server, 300);

            write(site, "content/posts/2020-04-01-trip/photo.jpg", new byte[] {4, 5});
            await("the new photo", () -> bytes(server, trip + "photo.jpg").equals(List.of(4, 5)));

            write(site, "content/posts/2020-04-01-trip/index.md", post("Trip", "java", "Edited: ![Lake](photo.jpg)"));
            await("the edited post", () -> get(server, trip).body().contains("Edited:"));

            write(site, "content/posts/2020-04-01-trip/index.md", "---\ntitle: Trip\ndate: 2020-05-02\n---\n![](photo.jpg)\n");
            await("the post and its photo at the new date", () -> get(server, "/2020/05/02/trip/photo.jpg").statusCode() == 200);
            assertEquals(404, get(server, trip + "photo.jpg").statusCode(), "not at the old one");
            assertEquals(List.of(4, 5), bytes(server, "/2020/05/02/trip/photo.jpg"));
        }
    }

    private static List<Integer> bytes(DevServer server, String path) {
        HttpResponse<byte[]> response = ServeTesting.getBytes(server, path);
        assertEquals(200, response.statusCode(), path);
        List<Integer> bytes = new java.util.ArrayList<>();
        for (byte b : response.body()) {
            bytes.add((int) b);
        }
        return bytes;
    }

    @Test
    void aPostThatLinksToAnotherFileShowsThatFilesEditAsABuildFromNothingWould() throws IOException {
        Path site = site();
        String target = "content/posts/2020-04-01-target.md";
        write(site, target, post("Target", "java", "The first words of the target."));
        Files.createSymbolicLink(site.resolve("content/posts/2020-04-02-alias.md"), Path.of("2020-04-01-target.md"));
        Files.createSymbolicLink(site.resolve("content/again.md"), Path.of("posts/2020-04-02-alias.md"));
        Files.createSymbolicLink(site.resolve("assets/css/alias.css"), Path.of("site.css"));
        try (DevServer server = started(site)) {
            assertTrue(get(server, "/2020/04/02/alias/").body().contains("The first words of the target."));
            settledRebuilds(server, 300);

            // Written in place, as most editors save: the watcher sees a write to the target, none to the links.
            Files.writeString(site.resolve(target), post("Target", "java", "The target, edited."));
            Files.writeString(site.resolve(CSS), "body { color: teal; }\n");
            await("the edited target", () -> get(server, "/2020/04/01/target/").body().contains("The target, edited."));

            assertTrue(get(server, "/2020/04/02/alias/").body().contains("The target, edited."), "the link to it");
            assertTrue(get(server, "/again/").body().contains("The target, edited."), "a link to the link");
            assertEquals("body { color: teal; }\n", get(server, "/assets/css/alias.css").body());
            BuildResult fresh = Fixtures.build(Fixtures.options(site));
            for (Map.Entry<String, byte[]> file : fresh.output().files().entrySet()) {
                String path = file.getKey();
                String url = "/" + (path.endsWith("index.html") ? path.substring(0, path.length() - "index.html".length()) : path);
                String served = get(server, url).body();
                assertEquals(new String(file.getValue(), StandardCharsets.UTF_8),
                        path.endsWith(".html") ? ServeTesting.withoutScript(served) : served, url + " as a build from nothing");
            }
        }
    }

    /** A site whose post {@code /2020/04/03/linked/} is a link to {@code notes/drafts/linked.md}, outside the watched folders. */
    private Path siteWithAPostLinkedToANote() throws IOException {
        Path site = site();
        write(site, "notes/drafts/linked.md", post("Linked", "java", "The first words of the note."));
        Files.createSymbolicLink(site.resolve("content/posts/2020-04-03-linked.md"), Path.of("../../notes/drafts/linked.md"));
        return site;
    }

    @Test
    void aPostThatLinksToAFileOutsideTheWatchedFoldersShowsEachEditOfThatFileUntilTheLinkGoes() throws IOException {
        Path site = siteWithAPostLinkedToANote();
        try (DevServer server = started(site)) {
            assertTrue(get(server, "/2020/04/03/linked/").body().contains("The first words of the note."));
            long before = settledRebuilds(server, 300);

            // Written in place, as most editors save; then saved as others do, a new file renamed over it.
            Files.writeString(site.resolve("notes/drafts/linked.md"), post("Linked", "java", "The note, edited."));
            await("the edited note", () -> get(server, "/2020/04/03/linked/").body().contains("The note, edited."));
            assertTrue(page(server, "/").text().contains("The note, edited."), "the home page shows its excerpt");
            Path saved = Files.writeString(site.resolve("notes/drafts/.linked.md.tmp"), post("Linked", "java", "Renamed over."));
            Files.move(saved, site.resolve("notes/drafts/linked.md"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            await("the note saved by a rename", () -> get(server, "/2020/04/03/linked/").body().contains("Renamed over."));
            assertTrue(server.rebuilds() > before);
            assertEquals(Set.of(site.resolve("notes/drafts").toAbsolutePath().normalize()), server.watchedLinkFolders());

            Files.delete(site.resolve("content/posts/2020-04-03-linked.md"));
            await("the post to go with its link", () -> get(server, "/2020/04/03/linked/").statusCode() == 404);
            assertEquals(Set.of(), server.watchedLinkFolders(), "no link leads to notes/drafts/ any more");
        }
    }

    @Test
    void aFolderALinkLeadsToThatIsRemovedAndBroughtBackIsWatchedAgainAndItsFileRebuildsThePost() throws IOException {
        Path site = siteWithAPostLinkedToANote();
        try (DevServer server = started(site)) {
            assertTrue(get(server, "/2020/04/03/linked/").body().contains("The first words of the note."));

            // A checkout that removes notes/ and brings it back.
            long before = settledRebuilds(server, 300);
            Files.delete(site.resolve("notes/drafts/linked.md"));
            Files.delete(site.resolve("notes/drafts"));
            Files.delete(site.resolve("notes"));
            await("the rebuild of the post whose link leads nowhere", () -> server.rebuilds() > before);
            write(site, "notes/drafts/linked.md", post("Linked", "java", "The note, back."));
            await("the note brought back", () -> get(server, "/2020/04/03/linked/").body().contains("The note, back."));
            await("notes/drafts/ to be watched again", () -> server.watchedLinkFolders()
                    .equals(Set.of(site.resolve("notes/drafts").toAbsolutePath().normalize())));

            Files.writeString(site.resolve("notes/drafts/linked.md"), post("Linked", "java", "The note, edited after."));
            await("the edit after it came back", () -> get(server, "/2020/04/03/linked/").body()
                    .contains("The note, edited after."));
        }
    }

    @Test
    void aPostInAFolderCreatedWhileServingIsWatched() {
        Path site = site();
        try (DevServer server = started(site)) {
            write(site, "content/posts/2020/04/2020-04-01-nested.md", post("Nested", "java", "Nested, first words."));
            await("the post in the new folder", () -> get(server, "/2020/04/01/nested/").statusCode() == 200);

            write(site, "content/posts/2020/04/2020-04-01-nested.md", post("Nested", "java", "Nested, second words."));
            await("the edit in the new folder", () -> get(server, "/2020/04/01/nested/").body().contains("Nested, second words."));

            delete(site, "content/posts/2020/04/2020-04-01-nested.md");
            await("the deleted post to go", () -> get(server, "/2020/04/01/nested/").statusCode() == 404);
        }
    }

    @Test
    void layoutsAssetsAndSiteYmlAreWatched() {
        Path site = site();
        try (DevServer server = started(site)) {
            write(site, "layouts/post.peb", postLayout("watched"));
            await("a new layouts folder", () -> page(server, FIRST_URL).select(".layout-mark").text().equals("layout watched"));

            write(site, "layouts/post.peb", postLayout("edited"));
            await("a layout edit", () -> page(server, FIRST_URL).select(".layout-mark").text().equals("layout edited"));

            write(site, CSS, "body { color: rebeccapurple; }\n");
            await("a stylesheet edit", () -> get(server, "/assets/css/site.css").body().contains("rebeccapurple"));

            write(site, "assets/js/new/app.js", "console.log('new');\n");
            await("a script in a new assets folder", () -> get(server, "/assets/js/new/app.js").statusCode() == 200);

            write(site, "site.yml", "title: Watched Blog\n");
            await("a site.yml edit", () -> page(server, "/").title().equals("Watched Blog"));
        }
    }

    @Test
    void anEditorsSaveStormGivesOneRebuild() throws IOException {
        Path site = site();
        // An editor's storm takes well under a millisecond; this thread's, on a loaded machine, may pause
        // for longer than the 10 ms quiet time between two steps: the watcher waits longer here.
        DevServer patient = new DevServer(Fixtures.options(site), "127.0.0.1", 0, log::add, 300);
        patient.start();
        try (DevServer server = patient) {
            Path file = site.resolve(FIRST);
            long before = settledRebuilds(server, 300);

            // As editors save: a probe file, a backup by rename, the file written five times over, a swap file,
            // a temporary file renamed over it, then the backup and swap file removed.
            Path dir = file.getParent();
            Files.writeString(dir.resolve("4913"), "");
            Files.delete(dir.resolve("4913"));
            Files.move(file, dir.resolve(file.getFileName() + "~"));
            for (int i = 1; i <= 5; i++) {
                Files.writeString(file, post("First", "java, cats", "Stormy save " + i + "."));
            }
            Files.writeString(dir.resolve(".first.md.swp"), "swap");
            Path temp = dir.resolve("first.md.tmp");
            Files.writeString(temp, post("First", "java, cats", "Saved in a storm."));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.delete(dir.resolve(file.getFileName() + "~"));
            Files.delete(dir.resolve(".first.md.swp"));

            await("the save to be served", () -> get(server, FIRST_URL).body().contains("Saved in a storm."));
            assertEquals(before + 1, settledRebuilds(server, 500), "one rebuild for one save: " + log);
        }
    }

    @Test
    void aJetBrainsSafeWriteGivesOneRebuildAndItsTemporaryFilesAreNeverPublished() throws IOException {
        Path site = site();
        DevServer patient = new DevServer(Fixtures.options(site), "127.0.0.1", 0, log::add, 300);
        patient.start();
        try (DevServer server = patient) {
            Path file = site.resolve(FIRST);
            Path tmp = file.resolveSibling(file.getFileName() + "___jb_tmp___");
            Path old = file.resolveSibling(file.getFileName() + "___jb_old___");
            long before = settledRebuilds(server, 300);

            Files.writeString(tmp, post("First", "java, cats", "Saved by IntelliJ."));
            assertEquals(before, settledRebuilds(server, 500), "no rebuild for the new text alone: " + log);
            rebuild(server); // as if another save came meanwhile: the folders are walked
            assertEquals(404, get(server, "/posts/2020-01-01-first.md___jb_tmp___").statusCode(), "never published");
            before = server.rebuilds();

            // The rest of IntelliJ's safe write: the old file aside, the new one over it, the old one removed.
            Files.move(file, old, StandardCopyOption.ATOMIC_MOVE);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            Files.delete(old);
            await("the save to be served", () -> get(server, FIRST_URL).body().contains("Saved by IntelliJ."));
            assertEquals(before + 1, settledRebuilds(server, 500), "one rebuild for one save: " + log);
        }
    }

    @Test
    void filesOutsideTheSitesFoldersDoNotRebuild() throws IOException {
        Path site = site();
        try (DevServer server = started(site)) {
            long before = settledRebuilds(server, 300);

            Files.writeString(site.resolve("README.md"), "notes\n");
            Files.createDirectories(site.resolve("target/site"));
            Files.writeString(site.resolve("target/site/index.html"), "<p>old</p>\n");
            Files.writeString(site.resolve("content/.notes.md"), "hidden\n");
            Files.writeString(site.resolve("content/about.md~"), "a backup\n");
            assertEquals(before, settledRebuilds(server, 500), "nothing of the site changed: " + log);

            write(site, CSS, "body { color: teal; }\n");
            await("the stylesheet edit", () -> get(server, "/assets/css/site.css").body().contains("teal"));
            assertEquals(before + 1, settledRebuilds(server, 500), "only the stylesheet rebuilds: " + log);
        }
    }

    @Test
    void hiddenFilesThatSiteYmlIncludesAreWatchedFromTheRebuildThatReadsIt() throws IOException {
        Path site = site();
        try (DevServer server = started(site)) {
            // A hidden folder made while serving, not yet included: not published.
            write(site, "content/.well-known/security.txt", "Contact: mailto:first@example.com\n");
            write(site, "site.yml", "title: Test Blog\ninclude: [.well-known]\n");
            await("the included file", () -> get(server, "/.well-known/security.txt").body().contains("first@"));

            // Written in place, as most editors save: only the watcher can tell the server.
            Files.writeString(site.resolve("content/.well-known/security.txt"), "Contact: mailto:edited@example.com\n");
            await("the edit of the included file", () -> get(server, "/.well-known/security.txt").body()
                    .contains("edited@"));
            write(site, "content/.well-known/pgp-key.txt", "a key\n");
            await("a new file in the included folder", () -> get(server, "/.well-known/pgp-key.txt").statusCode() == 200);

            long before = settledRebuilds(server, 300);
            write(site, "content/.well-known/.git/HEAD", "ref: refs/heads/main\n");
            write(site, "content/.notes.md", "hidden, not included\n");
            assertEquals(before, settledRebuilds(server, 500), ".git and what include does not name stay ignored: " + log);

            write(site, "site.yml", "title: Test Blog\n");
            await("the file no longer included to go", () -> get(server, "/.well-known/security.txt").statusCode() == 404);
            before = settledRebuilds(server, 300);
            Files.writeString(site.resolve("content/.well-known/security.txt"), "Contact: mailto:hidden@example.com\n");
            assertEquals(before, settledRebuilds(server, 500), "hidden again once site.yml no longer includes it: " + log);
        }
    }

    @Test
    void sedInPlaceEditsArePublishedWithoutItsTemporaryFile() throws IOException, InterruptedException {
        Path site = site();
        try (DevServer server = started(site)) {
            long before = settledRebuilds(server, 300);

            // sed -i writes the whole edited file as sedXXXXXX beside it, then renames it over the file.
            Files.writeString(site.resolve("content/posts/sedAb12Z9"), post("First", "java, cats", "Half written."));
            assertEquals(before, settledRebuilds(server, 500), "no rebuild for sed's file: " + log);
            rebuild(server); // as if the post's own save came meanwhile: the folders are walked
            assertEquals(404, get(server, "/posts/sedAb12Z9").statusCode(), "never published");
            Files.delete(site.resolve("content/posts/sedAb12Z9"));

            Process sed = new ProcessBuilder("sed", "-i", "s/The first post body./Edited by sed./",
                    site.resolve(FIRST).toString()).redirectErrorStream(true).start();
            assertEquals(0, sed.waitFor(), new String(sed.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            await("sed's edit to be served", () -> get(server, FIRST_URL).body().contains("Edited by sed."));
        }
    }

    @Test
    void startingOnABusyPortFailsBeforeBuildingWithoutStoppingTheServerThere() {
        Path site = site();
        try (DevServer first = started(site)) {
            List<String> second = ServeTesting.newLog();
            UncheckedIOException e = assertThrows(UncheckedIOException.class,
                    () -> new DevServer(Fixtures.options(site), "127.0.0.1", first.port(), second::add).close());

            assertInstanceOf(BindException.class, e.getCause());
            assertEquals(List.of(), second, "told before the first build");
            assertEquals(200, get(first, "/").statusCode());
        }
    }

    @Test
    void theAddressPrintedIsOneABrowserCanOpen() throws IOException {
        // Every address: a browser cannot open http://0.0.0.0:4000/ everywhere, nor [0:0:0:0:0:0:0:0].
        assertEquals("localhost", DevServer.hostInUrl("0.0.0.0", java.net.InetAddress.getByName("0.0.0.0")));
        assertEquals("localhost", DevServer.hostInUrl("::", java.net.InetAddress.getByName("::")));
        assertEquals("localhost", DevServer.hostInUrl("[::]", java.net.InetAddress.getByName("[::]")));
        assertEquals("[::1]", DevServer.hostInUrl("[::1]", java.net.InetAddress.getByName("[::1]")));
        assertEquals("[::1]", DevServer.hostInUrl("::1", java.net.InetAddress.getByName("::1")));
        assertEquals("localhost", DevServer.hostInUrl("localhost", java.net.InetAddress.getByName("localhost")));

        try (DevServer server = new DevServer(Fixtures.options(site()), "[::1]", 0, log::add)) {
            server.start();
            assertEquals("http://[::1]:" + server.port() + "/", server.url());
            HttpResponse<String> home = ServeTesting.send(java.net.http.HttpRequest.newBuilder(URI.create(server.url()))
                    .timeout(ServeTesting.WAIT).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, home.statusCode());
        }
    }

    @Test
    void closingTheServerFreesItsPort() throws IOException {
        int port;
        try (DevServer server = started(site())) {
            port = server.port();
            assertEquals(200, get(server, "/").statusCode());
        }
        try (ServerSocket again = new ServerSocket()) {
            again.setReuseAddress(true);
            again.bind(new InetSocketAddress("127.0.0.1", port));
        }
    }
}
