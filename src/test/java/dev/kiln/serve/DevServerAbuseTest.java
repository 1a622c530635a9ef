package dev.kiln.serve;

import dev.kiln.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.kiln.serve.ServeTesting.WAIT;
import static dev.kiln.serve.ServeTesting.blog;
import static dev.kiln.serve.ServeTesting.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests no browser sends: huge heads and URLs, clients that send slowly or never finish, unknown
 * methods, garbage. Each gets a 4xx (or the connection closed), and the server goes on serving everyone
 * else. On loopback, with a handful of connections each; every wait is bounded.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DevServerAbuseTest {

    private static final Duration BOUND = Duration.ofSeconds(60);

    private DevServer server;
    private final List<String> log = ServeTesting.newLog();

    @BeforeAll
    void start(@TempDir Path dir) {
        server = new DevServer(Fixtures.options(blog(dir.resolve("blog"))), "127.0.0.1", 0, log::add);
        server.start();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout((int) WAIT.toMillis());
        return socket;
    }

    /**
     * Sends {@code request} as it is and reads the status the server answers with; -1 when the server
     * closed the connection without a response (a refusal too, but not a polite one).
     */
    private int statusOf(byte[] request) throws IOException {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                socket.shutdownOutput();
            } catch (SocketException e) {
                // The server may refuse before the whole request is sent; its answer is still there to read.
            }
            return status(socket.getInputStream());
        }
    }

    private static int status(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
                line.write(b);
            }
        } catch (SocketException e) {
            // reset after an answer, or without one
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        if (text.isEmpty()) {
            return -1;
        }
        String[] parts = text.split(" ");
        assertTrue(parts.length >= 2 && parts[0].startsWith("HTTP/1."), "not an HTTP status line: " + text);
        return Integer.parseInt(parts[1]);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private void assertStillServing() {
        assertEquals("About · Test Blog", page(server, "/about/").title(), "the server still answers");
    }

    private static void assertClientError(int status, String what) {
        assertTrue(status >= 400 && status < 500, what + " got " + status);
    }

    @Test
    void aHundredKilobyteHeaderIsRefusedWith431() throws IOException {
        String big = "a".repeat(100 * 1024);
        int status = statusOf(ascii("GET /about/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + big + "\r\n\r\n"));
        assertEquals(431, status, "a 100 KB header");
        assertStillServing();
    }

    @Test
    void aHundredAndFiftyHeadersAreRefusedWith431() throws IOException {
        assertEquals(431, statusOf(manyHeaders(150)), "150 headers");
        assertStillServing();
    }

    @Test
    void thousandsOfHeadersAreRefusedOrCutOff() throws IOException {
        int status = statusOf(manyHeaders(5000)); // past the JDK's own limit, which closes the connection
        assertTrue(status == -1 || (status >= 400 && status < 500), "5000 headers got " + status);
        assertStillServing();
    }

    private static byte[] manyHeaders(int n) {
        StringBuilder request = new StringBuilder("GET /about/ HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (int i = 0; i < n; i++) {
            request.append("X-H").append(i).append(": v\r\n");
        }
        return ascii(request.append("\r\n").toString());
    }

    @Test
    void aHundredKilobyteUrlIsRefusedWith414() throws IOException {
        for (String url : List.of("/" + "a".repeat(100 * 1024), "/about/?q=" + "a".repeat(100 * 1024),
                "/" + "a/".repeat(50 * 1024), "/" + "%2e".repeat(30 * 1024), LiveReload.ENDPOINT + "?page=" + "x".repeat(100 * 1024))) {
            int status = statusOf(ascii("GET " + url + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
            assertEquals(414, status, "a URL of " + url.length() + " characters");
        }
        assertStillServing();
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "MKCOL", "BREW", "get"})
    void aMethodOtherThanGetOrHeadGetsA4xxAndChangesNothing(String method) throws IOException {
        for (String path : List.of("/about/", "/", LiveReload.ENDPOINT, "/nope/", "/../site.yml")) {
            String body = "title: Hacked\n";
            int status = statusOf(ascii(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
                    + body.length() + "\r\nConnection: close\r\n\r\n" + body));
            assertClientError(status, method + " " + path);
        }
        assertStillServing();
        assertEquals("Test Blog", page(server, "/").title(), "the site is unchanged");
    }

    @Test
    void aPostWithAHugeBodyGetsA4xxWithoutTheServerReadingItAll() throws IOException {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(ascii("POST /about/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000000000\r\n\r\n"));
            byte[] chunk = new byte[64 * 1024];
            try {
                for (int i = 0; i < 16; i++) { // 1 MB of the promised 1 GB, then the client waits for the answer
                    out.write(chunk);
                }
                out.flush();
            } catch (SocketException e) {
                // refused early: fine
            }
            int status = status(socket.getInputStream());
            assertTrue(status == -1 || (status >= 400 && status < 500), "a huge POST got " + status);
        }
        assertStillServing();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GARBAGE\r\n\r\n", "GET\r\n\r\n",
            "GET  HTTP/1.1\r\nHost: x\r\n\r\n", "GET /about/ HTTP/1.1\r\nNoColonHere\r\n\r\n",
            "\u0000\u0001\u0002\r\n\r\n", "GET /\u0000 HTTP/1.1\r\nHost: x\r\n\r\n", "GET /a b c HTTP/1.1\r\n\r\n",
            "GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n", "GET http://[::1 HTTP/1.1\r\nHost: x\r\n\r\n"})
    void aMalformedRequestGetsA4xxOrIsClosedAndHarmsNoOne(String request) throws IOException {
        int status = statusOf(ascii(request));
        assertTrue(status == -1 || (status >= 400 && status < 500), "'" + request.strip() + "' got " + status);
        assertStillServing();
    }

    /**
     * Clients that hold a connection and send a request one byte at a time, some never ending it: while
     * they do, other readers are served, and a slow request that does end gets its page.
     */
    @Test
    void slowClientsDoNotStopTheServerAnsweringOthers() {
        assertTimeoutPreemptively(BOUND, () -> {
            List<Socket> stuck = new ArrayList<>();
            try {
                // More never-ending clients than the server has handler threads.
                for (int i = 0; i < 40; i++) {
                    Socket socket = connect();
                    socket.getOutputStream().write(ascii(i % 2 == 0 ? "GET /about/ HTTP/1.1\r\nHo" : "G"));
                    socket.getOutputStream().flush();
                    stuck.add(socket);
                }
                assertStillServing();

                // One that sends its request byte by byte, and finishes.
                try (Socket slow = connect()) {
                    OutputStream out = slow.getOutputStream();
                    byte[] request = ascii("GET /about/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
                    for (int i = 0; i < request.length; i++) {
                        out.write(request[i]);
                        out.flush();
                        if (i % 8 == 0) {
                            assertStillServing(); // between its bytes, others are answered
                        }
                        Thread.sleep(5);
                    }
                    assertEquals(200, status(slow.getInputStream()), "the slow client's page");
                }
                // The stuck ones are still connected (or dropped by the server): either way, others are served.
                for (Socket socket : stuck) {
                    try {
                        socket.getOutputStream().write('s');
                    } catch (SocketException e) {
                        // the server gave up on it: fine
                    }
                }
                assertStillServing();
            } finally {
                for (Socket socket : stuck) {
                    socket.close();
                }
            }
        });
    }

    /** A client that stops reading its response does not block the server either. */
    @Test
    void aClientThatNeverReadsItsResponsesDoesNotStopTheServer() {
        assertTimeoutPreemptively(BOUND, () -> {
            try (Socket greedy = connect()) {
                greedy.setReceiveBufferSize(1024);
                OutputStream out = greedy.getOutputStream();
                // Pipelined requests for pages it never reads.
                for (int i = 0; i < 200; i++) {
                    try {
                        out.write(ascii("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
                    } catch (SocketException e) {
                        break;
                    }
                }
                assertStillServing();
                try {
                    greedy.setSoTimeout(100);
                    greedy.getInputStream().read();
                } catch (SocketTimeoutException | SocketException e) {
                    // nothing to read, or closed by the server
                }
            }
            assertStillServing();
            if (!log.isEmpty()) {
                assertFalse(log.stream().anyMatch(l -> l.contains("crashed")), log.toString());
            }
        });
    }
}
