package dev.kiln.serve;

import dev.kiln.testing.Fixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.kiln.serve.ServeTesting.FIRST;
import static dev.kiln.serve.ServeTesting.FIRST_URL;
import static dev.kiln.serve.ServeTesting.CSS;
import static dev.kiln.serve.ServeTesting.WAIT;
import static dev.kiln.serve.ServeTesting.await;
import static dev.kiln.serve.ServeTesting.blog;
import static dev.kiln.serve.ServeTesting.get;
import static dev.kiln.serve.ServeTesting.page;
import static dev.kiln.serve.ServeTesting.pause;
import static dev.kiln.serve.ServeTesting.post;
import static dev.kiln.serve.ServeTesting.settledRebuilds;
import static dev.kiln.serve.ServeTesting.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code kiln serve} under load, on loopback and bounded in clients and time: many readers while the
 * author saves, many tabs that come and go, and a storm of saves. Nothing here measures speed: every
 * bound is a hang guard.
 */
class DevServerLoadTest {

    private static final Duration BOUND = Duration.ofSeconds(90);

    @TempDir
    Path tmp;

    private final List<String> log = ServeTesting.newLog();

    private DevServer started(Path site) {
        DevServer server = new DevServer(Fixtures.options(site), "127.0.0.1", 0, log::add);
        server.start();
        return server;
    }

    /** The first post at version {@code v}: its title and its body both name the version. */
    private static String firstPost(int v) {
        return post("First v" + v, "java, cats", "The first post body v" + v + ".");
    }

    /** A whole response read off its own connection: status, head and the body's bytes. */
    private record Response(int status, String head, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + ":\\s*(.*?)\\s*$").matcher(head);
            return m.find() ? m.group(1) : null;
        }
    }

    private static Response fetch(DevServer server, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            byte[] all = socket.getInputStream().readAllBytes();
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int headEnd = text.indexOf("\r\n\r\n");
            if (headEnd < 0) {
                throw new IOException("no whole head in " + all.length + " bytes: " + text);
            }
            String head = text.substring(0, headEnd);
            byte[] body = java.util.Arrays.copyOfRange(all, headEnd + 4, all.length);
            return new Response(Integer.parseInt(head.split(" ", 3)[1]), head, body);
        }
    }

    private static final Pattern TITLE_VERSION = Pattern.compile("First v(\\d+)");
    private static final Pattern BODY_VERSION = Pattern.compile("The first post body v(\\d+)\\.");

    /**
     * Checks one served page: complete (as long as its Content-Length says, one {@code </html>} at its end),
     * parsing as HTML, and showing one version of the first post that was written, the same in its title
     * and in its body (a page mixing two builds would show two).
     */
    private static void assertWhole(String path, Response response, Set<Integer> written) {
        String where = "GET " + path;
        assertEquals(200, response.status(), where + ": " + response.head());
        assertEquals(String.valueOf(response.body().length), response.header("Content-Length"), where + " was cut");
        String html = response.text();
        assertTrue(html.stripTrailing().endsWith("</html>"), where + " does not end with </html>: " + tail(html));
        assertEquals(html.indexOf("</html>"), html.lastIndexOf("</html>"), where + " holds two pages");
        Document doc = Jsoup.parse(html);
        assertTrue(doc.selectFirst("script") != null, where + " lost its live-reload script");
        Set<Integer> versions = new java.util.TreeSet<>();
        for (Pattern p : List.of(TITLE_VERSION, BODY_VERSION)) {
            Matcher m = p.matcher(doc.body().text());
            boolean any = false;
            while (m.find()) {
                versions.add(Integer.parseInt(m.group(1)));
                any = true;
            }
            assertTrue(any, where + " does not show the first post (" + p + "): " + tail(html));
        }
        assertEquals(1, versions.size(), where + " mixes versions " + versions);
        assertTrue(written.containsAll(versions), where + " shows a version never written: " + versions);
    }

    private static String tail(String s) {
        return s.length() < 300 ? s : "..." + s.substring(s.length() - 300);
    }

    @Test
    void twoHundredClientsFetchingWhileAPostIsEditedGetWholePagesFromOneBuild() {
        Path site = blog(tmp.resolve("blog"));
        write(site, FIRST, firstPost(0));
        Set<Integer> written = ConcurrentHashMap.newKeySet();
        written.add(0);
        try (DevServer server = started(site)) {
            assertTimeoutPreemptively(BOUND, () -> {
                int clients = 200;
                ExecutorService pool = Executors.newFixedThreadPool(clients);
                AtomicBoolean editing = new AtomicBoolean(true);
                CountDownLatch ready = new CountDownLatch(clients);
                List<Future<Integer>> results = new ArrayList<>();
                try {
                    for (int c = 0; c < clients; c++) {
                        String path = c % 2 == 0 ? FIRST_URL : "/";
                        results.add(pool.submit(() -> {
                            ready.countDown();
                            ready.await();
                            int served = 0;
                            // At least 3 requests each, more while the author is still saving; bounded.
                            while ((served < 3 || editing.get()) && served < 25) {
                                assertWhole(path, fetch(server, path), written);
                                served++;
                            }
                            return served;
                        }));
                    }
                    ready.await();
                    for (int v = 1; v <= 30; v++) {
                        written.add(v); // before the file: a page may show it as soon as it is written
                        write(site, FIRST, firstPost(v));
                        pause(15);
                    }
                    editing.set(false);
                    int total = 0;
                    for (Future<Integer> result : results) {
                        total += result.get(); // rethrows the first client's failure or I/O error
                    }
                    assertTrue(total >= 3 * clients, "requests: " + total);
                } finally {
                    editing.set(false);
                    pool.shutdownNow();
                }
                // And the last save is what is served in the end.
                await("the last version", () -> get(server, FIRST_URL).body().contains("The first post body v30."));
                assertWhole(FIRST_URL, fetch(server, FIRST_URL), Set.of(30));
                assertWhole("/", fetch(server, "/"), Set.of(30));
            });
        }
    }

    @Test
    void aHundredSavesInASecondEndWithTheLastVersionServedEverywhere() {
        Path site = blog(tmp.resolve("blog"));
        try (DevServer server = started(site)) {
            assertTimeoutPreemptively(BOUND, () -> {
                for (int v = 1; v <= 100; v++) {
                    write(site, FIRST, firstPost(v));
                    pause(10);
                }
                settledRebuilds(server, 500);
                Set<Integer> last = Set.of(100);
                assertWhole(FIRST_URL, fetch(server, FIRST_URL), last);
                assertWhole("/", fetch(server, "/"), last);
                Document tag = page(server, "/tags/cats/");
                assertEquals(List.of("First v100"), tag.select(".archive-list a").eachText());
                assertTrue(log.stream().noneMatch(line -> line.startsWith("build failed")), () -> "a build failed: " + log);
            });
        }
    }

    /** Threads of the server (its HTTP handlers, pinger and watcher), by their names. */
    private static long serverThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("kiln-"))
                .count();
    }

    /** Opens an event stream on a plain socket, as a tab does; waits until the server says it is connected. */
    private static Socket openStream(DevServer server, String page) throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout((int) WAIT.toMillis());
        socket.getOutputStream().write(("GET " + LiveReload.ENDPOINT + "?page=" + page + "&v=0 HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        InputStream in = socket.getInputStream();
        StringBuilder seen = new StringBuilder();
        while (!seen.toString().contains(": connected")) {
            int b = in.read();
            if (b < 0) {
                fail("the event stream closed before it connected: " + seen);
            }
            seen.append((char) b);
        }
        return socket;
    }

    @Test
    void fiftyLiveReloadTabsThatConnectAndDropAtRandomLeaveNoStreamOrThreadBehind() {
        Path site = blog(tmp.resolve("blog"));
        try (DevServer server = started(site)) {
            assertTimeoutPreemptively(BOUND, () -> {
                // Warm up: the handler threads a burst of requests starts stay, so count after one.
                warmUp(server);
                long threadsBefore = serverThreads();
                assertEquals(0, server.eventStreams());

                Random random = new Random(7);
                ExecutorService pool = Executors.newFixedThreadPool(50);
                List<Future<?>> tabs = new ArrayList<>();
                CountDownLatch allOpen = new CountDownLatch(50);
                try {
                    for (int i = 0; i < 50; i++) {
                        int kind = i % 3;
                        long stay = random.nextInt(200);
                        tabs.add(pool.submit(() -> {
                            Socket socket = openStream(server, kind == 0 ? "%2F" : "%2Fabout%2F");
                            allOpen.countDown();
                            pause(stay);
                            if (kind == 0) {
                                socket.setSoLinger(true, 0); // a crashed tab: reset, not a goodbye
                            } else if (kind == 1) {
                                socket.shutdownOutput(); // half closed, then gone
                            }
                            socket.close();
                            return null;
                        }));
                    }
                    // Meanwhile more tabs that leave before the server even answers.
                    for (int i = 0; i < 20; i++) {
                        try (Socket socket = new Socket("127.0.0.1", server.port())) {
                            socket.getOutputStream().write(("GET " + LiveReload.ENDPOINT + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                                    .getBytes(StandardCharsets.ISO_8859_1));
                        }
                    }
                    assertTrue(allOpen.await(WAIT.toMillis(), TimeUnit.MILLISECONDS), "50 streams opened");
                    for (Future<?> tab : tabs) {
                        tab.get();
                    }
                } finally {
                    pool.shutdownNow();
                }
                // The server learns that a tab is gone when it next writes to it: saves do that.
                for (int save = 1; save <= 2 && server.eventStreams() > 0; save++) {
                    write(site, CSS, "body { color: #00" + save + "; }\n");
                    server.rebuild();
                }
                await("every dropped stream released (open: " + server.eventStreams() + ")",
                        () -> {
                            if (server.eventStreams() > 0) {
                                write(site, CSS, "body { color: #" + System.nanoTime() % 1000 + "; }\n");
                                server.rebuild();
                            }
                            return server.eventStreams() == 0;
                        });
                await("the server's threads back to " + threadsBefore + " (now " + serverThreads() + ")",
                        () -> serverThreads() <= threadsBefore);
                // And it still serves, and a new tab still hears of a change.
                assertEquals(200, get(server, "/").statusCode());
                try (ServeTesting.Tab tab = new ServeTesting.Tab(server, FIRST_URL)) {
                    write(site, FIRST, firstPost(2));
                    server.rebuild();
                    tab.expect("reload");
                }
            });
        }
    }

    /** Enough parallel requests to start every handler thread the server keeps. */
    private static void warmUp(DevServer server) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<Response>> all = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                all.add(pool.submit(() -> fetch(server, "/about/")));
            }
            for (Future<Response> f : all) {
                assertEquals(200, f.get().status());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
