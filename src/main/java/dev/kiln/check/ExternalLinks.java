package dev.kiln.check;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Checks external URLs politely: a bounded number of requests at once, at most {@code perHost} to any one
 * host, timeouts, HEAD first (GET when a server refuses HEAD), and retries with back-off for failures that
 * may pass (timeouts, 429, 5xx). The JDK's HTTP client; nothing is downloaded past the status line.
 */
public final class ExternalLinks {

    /** What checking one URL found: its final status (0 when no answer came) and why it counts as broken. */
    public record Result(String url, int status, String problem) {
        public boolean broken() {
            return problem != null;
        }
    }

    private final HttpClient client;
    private final int parallel;
    private final int perHost;
    private final int retries;
    private final Duration timeout;
    private final Duration backoff;
    private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();

    /** A checker with {@code parallel} requests at once, {@code perHost} per host, and per-request {@code timeout}. */
    public ExternalLinks(int parallel, int perHost, int retries, Duration timeout, Duration backoff) {
        this.parallel = parallel;
        this.perHost = perHost;
        this.retries = retries;
        this.timeout = timeout;
        this.backoff = backoff;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** The defaults of {@code kiln check --external}: 8 at once, 2 per host, 2 retries, 10 s timeouts. */
    public static ExternalLinks polite() {
        return new ExternalLinks(8, 2, 2, Duration.ofSeconds(10), Duration.ofMillis(500));
    }

    /** Checks every URL once; results sorted by URL. */
    public List<Result> check(List<String> urls) {
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "kiln-links");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, Future<Result>> futures = new TreeMap<>();
            for (String url : urls) {
                futures.putIfAbsent(url, pool.submit(() -> checkOne(url)));
            }
            List<Result> results = new ArrayList<>();
            for (Future<Result> f : futures.values()) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("link check interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Result checkOne(String url) throws InterruptedException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return new Result(url, 0, "not a valid URL");
        }
        Semaphore host = hosts.computeIfAbsent(String.valueOf(uri.getHost()), h -> new Semaphore(perHost));
        Result last = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            if (attempt > 0) {
                Thread.sleep(backoff.toMillis() * attempt);
            }
            host.acquire();
            try {
                last = request(uri, url);
            } finally {
                host.release();
            }
            if (!mayPassLater(last)) {
                return last;
            }
        }
        return last;
    }

    private Result request(URI uri, String url) throws InterruptedException {
        try {
            int status = send(uri, "HEAD");
            if (status == 405 || status == 501 || status == 403) {
                status = send(uri, "GET"); // some servers refuse HEAD
            }
            return new Result(url, status, status >= 400 ? "HTTP " + status : null);
        } catch (IOException e) {
            String why = e instanceof java.net.http.HttpTimeoutException ? "timed out"
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Result(url, 0, "no answer: " + why);
        } catch (IllegalArgumentException e) {
            return new Result(url, 0, "not a valid URL");
        }
    }

    private int send(URI uri, String method) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("User-Agent", "kiln-link-check")
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static boolean mayPassLater(Result r) {
        return r.status() == 0 && r.problem() != null && !r.problem().equals("not a valid URL")
                || r.status() == 429 || r.status() >= 500;
    }
}
