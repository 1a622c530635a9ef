package dev.kiln.serve;

import dev.kiln.output.SiteOutput;
import dev.kiln.testing.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static dev.kiln.serve.ServeTesting.FIRST;
import static dev.kiln.serve.ServeTesting.FIRST_URL;
import static dev.kiln.serve.ServeTesting.blog;
import static dev.kiln.serve.ServeTesting.contentType;
import static dev.kiln.serve.ServeTesting.get;
import static dev.kiln.serve.ServeTesting.getBytes;
import static dev.kiln.serve.ServeTesting.page;
import static dev.kiln.serve.ServeTesting.post;
import static dev.kiln.serve.ServeTesting.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the server sends for a file: its content type, its bytes (HTML with the live-reload script), under the base path. */
@Timeout(60)
class SiteHandlerTest {

    @TempDir
    Path tmp;

    private final List<String> log = ServeTesting.newLog();

    /** An extension, whether its files are text (and so say charset=utf-8), and the media types it may be served as. */
    private record Type(String extension, boolean text, String... mediaTypes) {}

    private static final List<Type> TYPES = List.of(
            new Type("html", true, "text/html"),
            new Type("css", true, "text/css"),
            new Type("js", true, "text/javascript", "application/javascript"),
            new Type("mjs", true, "text/javascript", "application/javascript"),
            new Type("json", true, "application/json"),
            new Type("xml", true, "application/xml", "text/xml"),
            new Type("svg", true, "image/svg+xml"),
            new Type("txt", true, "text/plain"),
            new Type("png", false, "image/png"),
            new Type("jpg", false, "image/jpeg"),
            new Type("gif", false, "image/gif"),
            new Type("webp", false, "image/webp"),
            new Type("avif", false, "image/avif"),
            new Type("ico", false, "image/x-icon", "image/vnd.microsoft.icon"),
            new Type("woff2", false, "font/woff2"),
            new Type("pdf", false, "application/pdf"),
            new Type("wasm", false, "application/wasm"));

    private DevServer started(Path site) {
        DevServer server = new DevServer(Fixtures.options(site), "127.0.0.1", 0, log::add);
        server.start();
        return server;
    }

    // ---- content types ----

    @Test
    void eachKindOfFileIsServedWithItsContentTypeAndItsOwnBytes() {
        Path site = blog(tmp.resolve("blog"));
        Random random = new Random(3);
        List<byte[]> contents = new ArrayList<>();
        for (Type type : TYPES) {
            byte[] bytes;
            if (type.text()) {
                bytes = ("<!-- " + type.extension() + " file: é ü ✓ -->\n").getBytes(StandardCharsets.UTF_8);
            } else {
                bytes = new byte[300];
                random.nextBytes(bytes);
            }
            contents.add(bytes);
            write(site, "assets/files/sample." + type.extension(), bytes);
        }
        try (DevServer server = started(site)) {
            List<String> wrong = new ArrayList<>();
            for (int i = 0; i < TYPES.size(); i++) {
                Type type = TYPES.get(i);
                HttpResponse<byte[]> response = getBytes(server, "/assets/files/sample." + type.extension());
                assertEquals(200, response.statusCode(), type.extension());
                String contentType = contentType(response);
                String mediaType = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
                boolean utf8 = contentType.toLowerCase(Locale.ROOT).replace(" ", "").contains(";charset=utf-8");
                if (!Arrays.asList(type.mediaTypes()).contains(mediaType) || utf8 != type.text()) {
                    wrong.add(type.extension() + " -> " + contentType);
                }
                if (!type.extension().equals("html")) {
                    assertArrayEquals(contents.get(i), response.body(), type.extension() + " is served as it is");
                }
            }
            assertEquals(List.of(), wrong, "types named so that a text type carries charset=utf-8 and no other does");
        }
    }

    @Test
    void anExtensionIsReadWhateverItsCaseAndAnUnknownOneIsBytes() {
        Path site = blog(tmp.resolve("blog"));
        write(site, "assets/images/LOGO.PNG", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        write(site, "assets/data/blob.xyz", new byte[] {1, 2, 3});
        write(site, "content/CNAME", "blog.example.com\n");
        try (DevServer server = started(site)) {
            assertEquals("image/png", contentType(get(server, "/assets/images/LOGO.PNG")));
            assertEquals("application/octet-stream", contentType(get(server, "/assets/data/blob.xyz")));
            assertEquals("text/plain; charset=utf-8", contentType(get(server, "/CNAME")));
        }
    }

    // ---- the live-reload script ----

    @Test
    void everyServedPageIsTheBuiltPageWithTheScriptJustBeforeItsBodyEnds() {
        Path site = blog(tmp.resolve("blog"));
        SiteOutput built = Fixtures.build(Fixtures.options(site)).output();
        try (DevServer server = started(site)) {
            assertScriptInjectedIntoEveryPage(server, built);
            for (String path : built.files().keySet()) {
                if (!path.endsWith(".html")) {
                    assertArrayEquals(built.get(path), getBytes(server, "/" + path).body(), path);
                }
            }
        }
    }

    @Test
    void aPageWritingTheTurkishCapitalDottedIIsServedWhole() {
        Path site = blog(tmp.resolve("blog"));
        write(site, FIRST, post("İzmir", "java, cats", "İstanbul, İzmir ve İznik. ".repeat(12)));
        SiteOutput built = Fixtures.build(Fixtures.options(site)).output();
        try (DevServer server = started(site)) {
            HttpResponse<String> response = get(server, FIRST_URL);
            assertEquals(200, response.statusCode());
            assertScriptInjectedIntoEveryPage(server, built);
            assertTrue(page(server, FIRST_URL).selectFirst(".post-content").text().startsWith("İstanbul, İzmir ve İznik."));
        }
    }

    @Test
    void aPageInAnotherEncodingThanUtf8IsServedWithItsOwnBytes() {
        Path site = blog(tmp.resolve("blog"));
        byte[] latin1 = ("<!DOCTYPE html>\n<html><head><meta charset=\"iso-8859-1\"><title>Caf\u00e9</title></head>\n"
                + "<BODY><p>caf\u00e9 \u00fcber \u00ff</p></BODY></html>\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] noBody = "<p>caf\u00e9, no body</p>\n".getBytes(StandardCharsets.ISO_8859_1);
        write(site, "content/legacy.html", latin1);
        write(site, "content/fragment.html", noBody);
        SiteOutput built = Fixtures.build(Fixtures.options(site)).output();
        assertArrayEquals(latin1, built.get("legacy.html"), "kiln build copies the bytes");
        try (DevServer server = started(site)) {
            for (String path : List.of("legacy.html", "fragment.html")) {
                byte[] served = getBytes(server, "/" + path).body();
                byte[] page = built.get(path);
                String text = new String(served, StandardCharsets.ISO_8859_1); // one char per byte
                byte[] script = LiveReload.script(ServeTesting.versionOf(text).split("-")[0],
                        new LiveReload.Generation(0, 0)).getBytes(StandardCharsets.UTF_8);
                int end = path.equals("legacy.html") ? new String(page, StandardCharsets.ISO_8859_1).lastIndexOf("</BODY>")
                        : page.length;
                byte[] expected = new byte[page.length + script.length];
                System.arraycopy(page, 0, expected, 0, end);
                System.arraycopy(script, 0, expected, end, script.length);
                System.arraycopy(page, end, expected, end + script.length, page.length - end);
                assertArrayEquals(expected, served, path + ": its bytes, and the script before </BODY> or at the end");
            }
        }
    }

    /** Each HTML page served is byte for byte the built one, with the script once, right before its last {@code </body>}. */
    private static void assertScriptInjectedIntoEveryPage(DevServer server, SiteOutput built) {
        List<String> wrong = new ArrayList<>();
        for (String path : built.files().keySet()) {
            if (!path.endsWith(".html")) {
                continue;
            }
            String html = new String(built.get(path), StandardCharsets.UTF_8);
            String url = path.equals("404.html") ? "/404.html"
                    : "/" + path.replaceFirst("(^|/)index\\.html$", "$1");
            HttpResponse<String> response = get(server, url);
            if (response.statusCode() != 200) {
                wrong.add(url + ": status " + response.statusCode());
                continue;
            }
            int end = html.lastIndexOf("</body>");
            String script = LiveReload.script(ServeTesting.versionOf(response.body()).split("-")[0],
                    new LiveReload.Generation(0, 0));
            String expected = end < 0 ? html + script : html.substring(0, end) + script + html.substring(end);
            if (!expected.equals(response.body())) {
                int at = 0;
                while (at < expected.length() && at < response.body().length()
                        && expected.charAt(at) == response.body().charAt(at)) {
                    at++;
                }
                String served = response.body();
                wrong.add(url + ": differs at " + at + ", served ..."
                        + served.substring(Math.max(0, at - 20), Math.min(served.length(), at + 40)) + "...");
            }
        }
        assertEquals(List.of(), wrong);
    }

    // ---- the base path ----

    @Test
    void aSiteWithABasePathIsServedUnderIt() {
        Path site = blog(tmp.resolve("blog"));
        try (DevServer server = new DevServer(Fixtures.options(site).withBaseUrl("https://me.github.io/blog"),
                "127.0.0.1", 0, log::add)) {
            server.start();
            assertTrue(server.url().endsWith(":" + server.port() + "/blog/"), server.url());

            assertEquals("Test Blog", page(server, "/blog/").title());
            assertEquals("About · Test Blog", page(server, "/blog/about/").title());
            assertEquals("Contact · Test Blog", page(server, "/blog/contact").title());
            assertEquals("First", page(server, "/blog" + FIRST_URL).selectFirst("h1.post-title").text());
            assertEquals("text/css; charset=utf-8", contentType(get(server, "/blog/assets/css/site.css")));
            assertRedirect(server, "/", 302, "/blog/");
            assertRedirect(server, "/blog", 301, "/blog/");
            assertRedirect(server, "/blog/about", 301, "/blog/about/");
            assertRedirect(server, "/blog/tags/java", 301, "/blog/tags/java/");
            for (String outside : List.of("/about/", "/blogs/", "/blogabout/", "/assets/css/site.css", "/blog/nope")) {
                Document notFound = page(server, outside, 404);
                assertEquals("Not found · Test Blog", notFound.title(), outside);
            }
            assertEveryLinkStaysUnder(server, "/blog/");
        }
    }

    @Test
    void aBaseUrlFromSiteYmlIsHonouredToo() {
        Path site = blog(tmp.resolve("blog"));
        write(site, "site.yml", "title: Test Blog\nbase_url: https://me.github.io/notes/\n");
        try (DevServer server = started(site)) {
            assertTrue(server.url().endsWith("/notes/"), server.url());
            assertEquals("Test Blog", page(server, "/notes/").title());
            assertRedirect(server, "/", 302, "/notes/");
            assertEquals(404, get(server, "/about/").statusCode());
            assertEveryLinkStaysUnder(server, "/notes/");
        }
    }

    @Test
    void aSiteYmlBrokenAtStartIsServedUnderItsBasePathOnceFixed() {
        Path site = blog(tmp.resolve("blog"));
        write(site, "site.yml", "title: Test Blog\nbase_url: https://me.github.io/blog\ntitel: x\n");
        try (DevServer server = started(site)) {
            Document nothing = page(server, "/", 404);
            assertTrue(nothing.getElementById("kiln-errors").text().contains("site.yml:3:1"), nothing.text());
            assertTrue(log.contains("build failed: 1 problem(s); nothing to serve until it builds (pages show the problems)"),
                    "no good site to serve yet: " + log);

            write(site, "site.yml", "title: Test Blog\nbase_url: https://me.github.io/blog\n");
            assertNotNull(server.rebuild(), () -> "the fixed site builds: " + log);

            assertTrue(server.url().endsWith(":" + server.port() + "/blog/"), server.url());
            assertTrue(log.contains("serving at " + server.url() + " now (base path /blog)"), log.toString());
            assertEquals("Test Blog", page(server, "/blog/").title());
            assertRedirect(server, "/", 302, "/blog/");
            assertEquals(404, get(server, "/about/").statusCode());
            assertEveryLinkStaysUnder(server, "/blog/");
        }
    }

    @Test
    void aBasePathChangedWhileServingIsServedFromTheNextGoodBuild() {
        Path site = blog(tmp.resolve("blog"));
        write(site, "site.yml", "title: Test Blog\nbase_url: https://me.github.io/blog\n");
        try (DevServer server = started(site)) {
            assertEquals("Test Blog", page(server, "/blog/").title());

            write(site, "site.yml", "title: Test Blog\nbase_url: https://me.github.io/notes\ntitel: x\n");
            assertNull(server.rebuild(), "a broken site.yml");
            assertEquals("Test Blog", page(server, "/blog/").title(), "the last good site, under its own base path");
            assertEquals(404, get(server, "/notes/").statusCode());

            write(site, "site.yml", "title: Test Blog\nbase_url: https://me.github.io/notes\n");
            assertNotNull(server.rebuild(), () -> "the fixed site builds: " + log);

            assertTrue(server.url().endsWith("/notes/"), server.url());
            assertTrue(log.contains("serving at " + server.url() + " now (base path /notes)"), log.toString());
            assertRedirect(server, "/", 302, "/notes/");
            assertEquals(404, get(server, "/blog/").statusCode());
            assertEveryLinkStaysUnder(server, "/notes/");

            write(site, "site.yml", "title: Test Blog\n");
            assertNotNull(server.rebuild(), () -> "no base path: " + log);
            assertTrue(log.contains("serving at " + server.url() + " now (no base path)"), log.toString());
            assertEveryLinkStaysUnder(server, "/");
        }
    }

    private static void assertRedirect(DevServer server, String from, int status, String to) {
        HttpResponse<String> response = get(server, from);
        assertEquals(status, response.statusCode(), from);
        assertEquals(to, response.headers().firstValue("Location").orElse(null), from);
    }

    // ---- caching ----

    @Test
    void noAnswerMayBeStoredNotEvenARedirect() {
        Path site = blog(tmp.resolve("blog"));
        try (DevServer server = new DevServer(Fixtures.options(site).withBaseUrl("https://me.github.io/blog"),
                "127.0.0.1", 0, log::add)) {
            server.start();
            // A browser keeps a 301 that does not say otherwise for good: after a permalink or the base path
            // changed, it would still go where the old build sent it, to "Page not found".
            Map<String, Integer> answers = new LinkedHashMap<>();
            answers.put("/", 302);
            answers.put("/blog", 301);
            answers.put("/blog/about", 301);
            answers.put("/blog/about/", 200);
            answers.put("/blog/assets/css/site.css", 200);
            answers.put("/blog/nope", 404);
            answers.put("/elsewhere/", 404);
            answers.put("/blog/%2e%2e/secret", 400);
            for (Map.Entry<String, Integer> answer : answers.entrySet()) {
                for (String method : List.of("GET", "HEAD")) {
                    HttpResponse<String> response = ServeTesting.request(server, method, answer.getKey());
                    assertEquals(answer.getValue(), response.statusCode(), method + " " + answer.getKey());
                    assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse("(none)"),
                            method + " " + answer.getKey());
                }
            }
            HttpResponse<String> post = ServeTesting.request(server, "POST", "/blog/about/");
            assertEquals(405, post.statusCode());
            assertEquals("no-store", post.headers().firstValue("Cache-Control").orElse("(none)"), "POST");
        }
    }

    /** Every root-relative link, image, stylesheet and script of every page reachable from {@code base} is under it and served. */
    private static void assertEveryLinkStaysUnder(DevServer server, String base) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(base));
        List<String> wrong = new ArrayList<>();
        while (!todo.isEmpty()) {
            String path = todo.poll();
            if (!seen.add(path)) {
                continue;
            }
            HttpResponse<String> response = get(server, path);
            if (response.statusCode() != 200) {
                wrong.add(path + ": status " + response.statusCode());
                continue;
            }
            if (!contentType(response).startsWith("text/html")) {
                continue;
            }
            for (Element e : Jsoup.parse(response.body()).select("[href], [src]")) {
                String url = (e.hasAttr("href") ? e.attr("href") : e.attr("src")).replaceFirst("#.*", "");
                if (!url.startsWith("/") || url.startsWith("//")) {
                    continue;
                }
                if (!url.startsWith(base)) {
                    wrong.add(path + " -> " + url);
                } else {
                    todo.add(url);
                }
            }
        }
        assertFalse(seen.size() < 10, "crawled " + seen);
        assertEquals(List.of(), wrong);
    }
}
