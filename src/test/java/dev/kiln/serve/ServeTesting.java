package dev.kiln.serve;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The small blog the dev server tests serve, and the HTTP and event-stream clients they read it with. */
final class ServeTesting {

    /** The longest any test waits for something the server does on its own: a hang guard, not a speed bound. */
    static final Duration WAIT = Duration.ofSeconds(10);

    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(WAIT)
            .build();

    static final String FIRST = "content/posts/2020-01-01-first.md";
    static final String SECOND = "content/posts/2020-02-01-second.md";
    static final String THIRD = "content/posts/2020-03-01-third.md";
    static final String FIRST_URL = "/2020/01/01/first/";
    static final String SECOND_URL = "/2020/02/01/second/";
    static final String THIRD_URL = "/2020/03/01/third/";
    static final String CSS = "assets/css/site.css";

    private ServeTesting() {}

    /**
     * A layout-less blog (the built-in theme renders it): three posts tagged java, cats and dogs, an about
     * page, a page at {@code /contact.html}, a plain HTML file, a 404 page and a stylesheet.
     */
    static Path blog(Path site) {
        write(site, "site.yml", "title: Test Blog\ndescription: A blog for tests\n");
        write(site, "content/about.md", "---\ntitle: About\n---\nThis is the about page.\n");
        write(site, "content/404.md", "---\ntitle: Not found\n---\nNothing here, sorry. Go [home](/).\n");
        write(site, "content/contact.md", "---\ntitle: Contact\npermalink: /contact.html\n---\nWrite to me.\n");
        write(site, "content/legacy.html", "<!DOCTYPE html>\n<html><head><title>Legacy</title></head>"
                + "<body><p>An old page.</p></body></html>\n");
        write(site, FIRST, post("First", "java, cats", "The first post body."));
        write(site, SECOND, post("Second", "java", "The second post body."));
        write(site, THIRD, post("Third", "dogs", "The third post body."));
        write(site, CSS, "body { color: black; }\n");
        return site;
    }

    /** A post's source: front matter with its title and tags, then one paragraph. */
    static String post(String title, String tags, String body) {
        return "---\ntitle: " + title + "\ntags: [" + tags + "]\n---\n" + body + "\n";
    }

    /**
     * Writes a file of the site as one atomic step (a hidden temporary file, then a rename), so that a
     * rebuild the watcher starts meanwhile never reads it half-written.
     */
    static void write(Path site, String path, String text) {
        write(site, path, text.getBytes(StandardCharsets.UTF_8));
    }

    static void write(Path site, String path, byte[] bytes) {
        Path file = site.resolve(path);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("." + file.getFileName() + ".kiln-test.tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path site, String path) {
        try {
            Files.delete(site.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- HTTP ----

    /** {@code http://127.0.0.1:port}, without the base path. */
    static String origin(DevServer server) {
        return "http://127.0.0.1:" + server.port();
    }

    static HttpResponse<String> get(DevServer server, String path) {
        return request(server, "GET", path);
    }

    static HttpResponse<String> request(DevServer server, String method, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(origin(server) + path))
                .timeout(WAIT)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<byte[]> getBytes(DevServer server, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(origin(server) + path)).timeout(WAIT).build();
        return send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return HTTP.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A page as the browser sees it, after a 200 (or, with {@code status}, another status). */
    static Document page(DevServer server, String path) {
        return page(server, path, 200);
    }

    static Document page(DevServer server, String path, int status) {
        HttpResponse<String> response = get(server, path);
        assertEquals(status, response.statusCode(), "status of " + path + ": " + response.body());
        return Jsoup.parse(response.body(), origin(server) + path);
    }

    /** A served page without the live-reload script it carries: the page as {@code kiln build} writes it. */
    static String withoutScript(String body) {
        int start = body.indexOf(SCRIPT_START);
        assertTrue(start >= 0, "the page carries the live-reload script: " + body);
        int end = body.indexOf("</script>", start) + "</script>".length();
        return body.substring(0, start) + body.substring(end);
    }

    private static final String SCRIPT_START = "<script>(()=>{let es=null;";

    /** The {@code v} a served page's script sends when it listens: which version of the page the tab shows. */
    static String versionOf(String body) {
        java.util.regex.Matcher v = java.util.regex.Pattern.compile("&v=([^\"]*)\"").matcher(body);
        assertTrue(v.find(), "the page's script names its version: " + body);
        return v.group(1);
    }

    static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("(none)");
    }

    /** A response read off a plain socket: the status, the headers and the body as Latin-1 text. */
    record Raw(int status, String head, String body) {}

    /** Sends {@code method target HTTP/1.1} exactly as written, for paths no HTTP client would send. */
    static Raw raw(DevServer server, String method, String target) {
        return raw(server, method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n");
    }

    /** Sends {@code head} (the request line and header lines, each ending in CRLF) exactly as written, and reads the answer. */
    static Raw raw(DevServer server, String head) {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            int headEnd = response.indexOf("\r\n\r\n");
            String answerHead = headEnd < 0 ? response : response.substring(0, headEnd);
            String body = headEnd < 0 ? "" : response.substring(headEnd + 4);
            String[] statusLine = answerHead.split("\r\n", 2)[0].split(" ");
            if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
                fail("no HTTP response to " + head + ": " + response);
            }
            return new Raw(Integer.parseInt(statusLine[1]), answerHead, body);
        } catch (IOException e) {
            throw new UncheckedIOException(head + " failed", e);
        }
    }

    // ---- waiting ----

    /** Polls {@code condition} until it holds; fails naming {@code what} after {@link #WAIT}. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("waited " + WAIT.toSeconds() + " s for " + what);
            }
            pause(20);
        }
    }

    /** Waits until {@code server.rebuilds()} has not moved for {@code quietMillis}, and returns it. */
    static long settledRebuilds(DevServer server, long quietMillis) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        long last = server.rebuilds();
        long stableSince = System.nanoTime();
        while (System.nanoTime() - stableSince < TimeUnit.MILLISECONDS.toNanos(quietMillis)) {
            if (System.nanoTime() > deadline) {
                fail("the server kept rebuilding for " + WAIT.toSeconds() + " s: " + server.rebuilds() + " rebuilds");
            }
            pause(20);
            long now = server.rebuilds();
            if (now != last) {
                last = now;
                stableSince = System.nanoTime();
            }
        }
        return last;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<String> newLog() {
        return Collections.synchronizedList(new ArrayList<>());
    }

    // ---- live reload ----

    /**
     * A browser tab listening on the live-reload stream for the page at {@code pathname} (its
     * {@code location.pathname}), as the injected script does. Open once the server said it is connected.
     */
    static final class Tab implements AutoCloseable {

        static final String CLOSED = "(stream closed)";

        private final String pathname;
        private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
        private final CountDownLatch connected = new CountDownLatch(1);
        private final InputStream body;
        private final HttpResponse<InputStream> response;

        Tab(DevServer server, String pathname) {
            this(server, pathname, null);
        }

        /** A tab that shows the page at {@code version} ({@link #versionOf}), as one that comes back does; null: none. */
        Tab(DevServer server, String pathname, String version) {
            this.pathname = pathname;
            // encodeURIComponent(location.pathname), as the script sends it.
            String page = URLEncoder.encode(pathname, StandardCharsets.UTF_8).replace("+", "%20");
            HttpRequest request = HttpRequest.newBuilder(URI.create(origin(server) + LiveReload.ENDPOINT + "?page=" + page
                    + (version == null ? "" : "&v=" + URLEncoder.encode(version, StandardCharsets.UTF_8)))).build();
            this.response = send(request, HttpResponse.BodyHandlers.ofInputStream());
            this.body = response.body();
            Thread reader = new Thread(this::read, "sse-tab " + pathname);
            reader.setDaemon(true);
            reader.start();
            try {
                assertTrue(connected.await(WAIT.toMillis(), TimeUnit.MILLISECONDS),
                        "the tab on " + pathname + " was never told it is connected");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        HttpResponse<InputStream> response() {
            return response;
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith(": connected")) {
                        connected.countDown();
                    } else if (line.startsWith("event:")) {
                        events.add(line.substring("event:".length()).trim());
                    }
                }
            } catch (IOException e) {
                // closed by the test or the server
            } finally {
                events.add(CLOSED);
            }
        }

        /** The next event's name; fails when none comes within {@link #WAIT}. */
        String next() {
            try {
                String event = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                if (event == null) {
                    fail("the tab on " + pathname + " got no event within " + WAIT.toSeconds() + " s");
                }
                return event;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** Asserts the next event is {@code expected}. */
        void expect(String expected) {
            assertEquals(expected, next(), "event for the tab on " + pathname);
        }

        /** The events received and not read yet. */
        List<String> pending() {
            List<String> out = new ArrayList<>();
            events.drainTo(out);
            return out;
        }

        @Override
        public void close() {
            try {
                body.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }
}
