package dev.kiln.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.kiln.output.SiteOutput;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Serves the site in memory as GitHub Pages serves it: {@code /a} is {@code a.html}, {@code /d} redirects
 * to {@code /d/}, {@code /d/} is {@code d/index.html}, anything else is {@code 404.html} with status 404.
 * Only GET and HEAD; no path can leave the site, since nothing is read from disk.
 */
final class SiteHandler implements HttpHandler {

    private final Supplier<Snapshot> snapshot;
    private final LiveReload reload;
    private final AllowedHosts hosts;

    /** Serves {@code snapshot}'s site to requests for the names {@code hosts} allows. */
    SiteHandler(Supplier<Snapshot> snapshot, LiveReload reload, AllowedHosts hosts) {
        this.snapshot = snapshot;
        this.reload = reload;
        this.hosts = hosts;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            if (exchange.getRequestURI().toString().length() > MAX_URI_CHARS) {
                text(exchange, 414, "URI too long\n");
                return;
            }
            if (tooManyHeaders(exchange)) {
                text(exchange, 431, "request header fields too large\n");
                return;
            }
            if (!forThisServer(exchange)) {
                text(exchange, 403, "kiln serve answers requests for localhost, an IP address or its --host only, "
                        + "so that no other site's page can read this one: open http://localhost:"
                        + exchange.getLocalAddress().getPort() + "/\n");
                return;
            }
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                text(exchange, 405, "only GET and HEAD are served\n");
                return;
            }
            URI uri = exchange.getRequestURI();
            String path = safePath(uri);
            if (path == null) {
                text(exchange, 400, "bad path\n");
                return;
            }
            if (path.equals(LiveReload.ENDPOINT) && method.equals("GET")) {
                String pathname = query(uri, "page");
                String address = addressOf(pathname);
                reload.open(exchange, address == null ? null : snapshot.get().site().served(address), address,
                        query(uri, "v"), () -> digestAt(pathname));
                return; // the stream stays open for later events
            }
            serve(exchange, path);
        } catch (IOException e) {
            exchange.close(); // the browser went away
        }
    }

    /** Whether the request names an allowed host, in its Host header and in its target when that is absolute. */
    private boolean forThisServer(HttpExchange exchange) {
        URI uri = exchange.getRequestURI();
        return hosts.allow(exchange.getRequestHeaders().get("Host"))
                && (uri.getScheme() == null || uri.getRawAuthority() == null || hosts.allows(uri.getRawAuthority()));
    }

    /** Longer URIs get 414, as browsers never send them (and servers such as nginx refuse them too). */
    static final int MAX_URI_CHARS = 8 * 1024;
    /** More header fields get 431, and so does a head whose names and values exceed {@link #MAX_HEADER_CHARS}. */
    static final int MAX_HEADERS = 100;
    static final int MAX_HEADER_CHARS = 32 * 1024;

    private static boolean tooManyHeaders(HttpExchange exchange) {
        int fields = 0;
        long chars = 0;
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            for (String value : header.getValue()) {
                fields++;
                chars += header.getKey().length() + (value == null ? 0 : value.length());
            }
        }
        return fields > MAX_HEADERS || chars > MAX_HEADER_CHARS;
    }

    private void serve(HttpExchange exchange, String path) throws IOException {
        // Before the site: a page may be newer than the generation its script names, never older.
        LiveReload.Generation generation = reload.generation();
        // One build answers the whole request: its site, its base path, its problems.
        Snapshot now = snapshot.get();
        Answer answer = answer(now, path, exchange.getRequestURI());
        if (answer.location() != null) {
            redirect(exchange, answer.status(), answer.location());
        } else if (answer.file() == null) {
            text(exchange, answer.status(), "not found\n");
        } else {
            byte[] bytes = answer.bytes();
            if (ContentTypes.isHtml(answer.file())) {
                String script = LiveReload.script(ServedHtml.digest(bytes, now.overlay()), generation);
                bytes = ServedHtml.of(bytes, now.overlay() + script);
            }
            exchange.getResponseHeaders().set("Content-Type", ContentTypes.of(answer.file()));
            write(exchange, answer.status(), bytes);
        }
    }

    /** What a request answers: a file of the site (or none) with its status, or a redirect to {@code location}. */
    private record Answer(int status, String file, byte[] bytes, String location) {

        static Answer file(int status, String file, byte[] bytes) {
            return new Answer(status, file, bytes, null);
        }

        static Answer redirect(int status, String location) {
            return new Answer(status, null, null, location);
        }
    }

    /** The answer to {@code path} (decoded, from {@code uri}) in {@code now}, as GitHub Pages would give it. */
    private static Answer answer(Snapshot now, String path, URI uri) {
        String basePath = now.basePath();
        if (!basePath.isEmpty()) {
            if (path.equals("/")) {
                // Kiln's own (GitHub Pages serves another site at /), and the base path may change: temporary.
                return Answer.redirect(302, basePath + "/");
            }
            if (path.equals(basePath)) {
                return Answer.redirect(301, basePath + "/");
            }
            if (!path.startsWith(basePath + "/")) {
                return notFound(now);
            }
            path = path.substring(basePath.length());
        }
        SiteOutput site = now.site();
        String rel = path.substring(1);
        String file = site.served(rel);
        if (file == null && !rel.isEmpty() && !rel.endsWith("/") && site.get(rel + "/index.html") != null) {
            // The path as the browser sent it, percent-encoded: a header holds ASCII only.
            String query = uri.getRawQuery();
            return Answer.redirect(301, uri.getRawPath() + "/" + (query == null ? "" : "?" + query));
        }
        return file == null ? notFound(now) : Answer.file(200, file, site.get(file));
    }

    private static Answer notFound(Snapshot now) {
        byte[] page = now.site().get("404.html");
        if (page != null) {
            return Answer.file(404, "404.html", page);
        }
        if (now.broken()) {
            // Nothing built yet, or no 404 page: an empty page still shows the problems and reloads once fixed.
            return Answer.file(404, "404.html", EMPTY_PAGE);
        }
        return Answer.file(404, null, null);
    }

    /** The digest of the page at {@code pathname} (a tab's {@code location.pathname}) now; "" when there is none. */
    private String digestAt(String pathname) {
        Snapshot now = snapshot.get();
        try {
            URI uri = new URI(pathname == null ? "" : pathname);
            String path = safePath(uri);
            Answer answer = path == null ? null : answer(now, path, uri);
            return answer == null || answer.bytes() == null ? "" : ServedHtml.digest(answer.bytes(), now.overlay());
        } catch (java.net.URISyntaxException e) {
            return "";
        }
    }

    /**
     * Where a tab is in the site, from its {@code location.pathname}: the path under the base path
     * ({@code posts/x/}, "" for the home page), or null when it is outside the base path.
     */
    private String addressOf(String pathname) {
        Snapshot now = snapshot.get();
        String basePath = now.basePath();
        String path;
        try {
            // location.pathname is percent-encoded, as a request's path is.
            path = pathname == null ? null : safePath(new URI(pathname));
        } catch (java.net.URISyntaxException e) {
            return null;
        }
        if (path == null || !path.startsWith(basePath + "/")) {
            return null;
        }
        return path.substring(basePath.length() + 1);
    }

    private static final byte[] EMPTY_PAGE = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Kiln</title></head><body></body></html>").getBytes(StandardCharsets.UTF_8);

    /**
     * A redirect: 301 for a folder's slash, as GitHub Pages answers, 302 for what only this server does. Like
     * every answer it is never stored ({@link #write}): browsers keep a 301 without it for good, and would
     * send the author to a page a later build moved or removed.
     */
    private static void redirect(HttpExchange exchange, int status, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        text(exchange, status, "moved to " + location + "\n");
    }

    private static void text(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        write(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends an answer; none may be stored, since the next save may change any of them. */
    private static void write(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().set("Content-Length", String.valueOf(bytes.length));
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    /**
     * The decoded path, or null when it could name something outside the site: {@code ..} or {@code .}
     * segments (also as {@code %2e%2e}), backslashes, NUL, an empty first segment ({@code //}), or anything but
     * an absolute path.
     */
    static String safePath(URI uri) {
        if (uri.getScheme() == null && uri.toString().startsWith("//")) {
            // Read as a host and a path ("//about/" as host about, path /): a path with an empty first segment.
            return null;
        }
        String raw = uri.getRawPath();
        if (raw == null || !raw.startsWith("/") || raw.contains("\\") || raw.toLowerCase(java.util.Locale.ROOT).contains("%5c")) {
            return null;
        }
        String path;
        try {
            path = new URI("http://x" + raw).getPath();
        } catch (java.net.URISyntaxException e) {
            return null;
        }
        if (path == null || path.contains("\\") || path.indexOf('\0') >= 0 || path.startsWith("//")) {
            return null;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return null;
            }
        }
        return path;
    }

    private static String query(URI uri, String name) {
        String query = uri.getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
