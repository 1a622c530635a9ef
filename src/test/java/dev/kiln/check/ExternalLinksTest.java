package dev.kiln.check;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** External link checks against a server on this machine standing in for the web. */
@Timeout(60)
class ExternalLinksTest {

    private HttpServer server;
    private String base;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            int hit = hits.computeIfAbsent(path + " " + exchange.getRequestMethod(), k -> new AtomicInteger()).incrementAndGet();
            int now = inFlight.incrementAndGet();
            mostInFlight.accumulateAndGet(now, Math::max);
            int status;
            try {
                status = switch (path) {
                    case "/missing" -> 404;
                    case "/nohead" -> exchange.getRequestMethod().equals("HEAD") ? 405 : 200;
                    case "/flaky" -> hit == 1 ? 503 : 200;
                    case "/down" -> 503;
                    case "/slow" -> {
                        sleep(3000);
                        yield 200;
                    }
                    default -> {
                        sleep(50);
                        yield 200;
                    }
                };
            } finally {
                // Out of flight before the answer leaves: the client may send its next request as soon as it has it.
                inFlight.decrementAndGet();
            }
            try {
                exchange.sendResponseHeaders(status, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static ExternalLinks checker() {
        return new ExternalLinks(8, 2, 2, Duration.ofMillis(800), Duration.ofMillis(10));
    }

    private ExternalLinks.Result only(String path) {
        List<ExternalLinks.Result> results = checker().check(List.of(base + path));
        assertEquals(1, results.size());
        return results.get(0);
    }

    @Test
    void aWorkingLinkIsNotBroken() {
        ExternalLinks.Result r = only("/ok");
        assertEquals(200, r.status());
        assertNull(r.problem());
    }

    @Test
    void aMissingPageIsBrokenWithoutRetries() {
        ExternalLinks.Result r = only("/missing");
        assertTrue(r.broken());
        assertEquals("HTTP 404", r.problem());
        assertEquals(1, hits.get("/missing HEAD").get());
    }

    @Test
    void aServerThatRefusesHeadIsAskedWithGet() {
        assertFalse(only("/nohead").broken());
    }

    @Test
    void aPassingFailureIsRetried() {
        assertFalse(only("/flaky").broken());
        assertEquals(2, hits.get("/flaky HEAD").get());
    }

    @Test
    void aLastingFailureIsReportedAfterItsRetries() {
        assertEquals("HTTP 503", only("/down").problem());
        assertEquals(3, hits.get("/down HEAD").get());
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsReported() {
        assertTrue(only("/slow").problem().contains("timed out"), only("/slow").problem());
    }

    @Test
    void noHostGetsMoreThanTwoRequestsAtOnce() {
        List<String> urls = IntStream.range(0, 12).mapToObj(i -> base + "/page" + i).toList();
        List<ExternalLinks.Result> results = checker().check(urls);

        assertEquals(12, results.size());
        assertTrue(results.stream().noneMatch(ExternalLinks.Result::broken));
        assertTrue(mostInFlight.get() <= 2, "at most 2 at once, saw " + mostInFlight.get());
    }

    @Test
    void aMalformedUrlIsReportedNotThrown() {
        assertEquals("not a valid URL", checker().check(List.of("http://exa mple.com/")).get(0).problem());
    }
}
