package dev.kiln.serve;

import com.sun.net.httpserver.HttpServer;
import dev.kiln.build.Build;
import dev.kiln.build.BuildOptions;
import dev.kiln.build.BuildResult;
import dev.kiln.build.LinkReport;
import dev.kiln.error.Problem;
import dev.kiln.error.SiteException;
import dev.kiln.output.SiteOutput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * {@code kiln serve}: builds the site into memory, serves it over HTTP, rebuilds it when a source
 * changes (keeping one warm {@link Build}, so that a rebuild redoes only what changed) and tells the
 * open pages to reload. A broken build never stops the server: pages show its problems until the next
 * good build.
 */
public final class DevServer implements AutoCloseable {

    static {
        // The JDK's server writes a response's head and body apart: without TCP_NODELAY, every response on a
        // kept-alive connection (as browsers use) waits ~40 ms for a delayed ACK. Read when its classes load.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        // A client that never finishes sending its request is dropped after 30 s (the JDK waits forever),
        // so that stalled connections cannot pile up; unit: seconds. Streams of live reload are responses,
        // which have no limit.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "30");
        }
    }

    /**
     * Threads reading requests and answering them. The JDK's server reads a request's head on this pool,
     * so a slow client holds a thread until its head is in: a few threads are kept, and more are started,
     * up to a bound, while clients are slow. Past the bound the JDK closes new connections.
     */
    static final int MAX_HANDLER_THREADS = 256;

    /** How long the watcher waits for a burst of file events to end. */
    static final long QUIET_MILLIS = 10;

    private final BuildOptions options;
    private final Consumer<String> log;
    /** The address to listen on, as given. */
    private final String host;
    private final Build build;
    private final LiveReload reload = new LiveReload();
    private final HttpServer http;
    private final ExecutorService handlers;
    private final ScheduledExecutorService pinger;
    private final SiteWatcher watcher;
    private volatile Snapshot snapshot;
    private volatile boolean firstBuild = true;
    private volatile long rebuilds;
    /** Whether a rebuild ran since the server started, which ends warming up. */
    private volatile boolean warmUpOver;
    /**
     * Checks the links of each good build after its pages were told to reload, so that a save is shown as soon
     * as before: one check at a time, and only the latest build's (a check still queued when a newer build
     * came is dropped).
     */
    private final ExecutorService linkChecks = Executors.newSingleThreadExecutor(daemon("kiln-links"));
    /** Builds (and failed ones) so far; a queued link check runs only for the latest. */
    private final AtomicLong builds = new AtomicLong();
    /** The broken links of the last build checked, null before the first check; used on kiln-links only. */
    private List<Problem> brokenLinks;
    /**
     * The warnings of the pages' Markdown in the last build that succeeded (a code block never closed), null
     * before the first; used under this server's lock, by {@link #report}.
     */
    private List<Problem> markdownWarnings;
    /**
     * What the build said (the drafts it skipped, its stages' times) in a rebuild while no build had succeeded since a
     * broken start: printed with the summary when the site builds, dropped when the build fails.
     */
    private final List<String> pendingBuildLines = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    /** Link checks finished, for tests. */
    private final AtomicLong linksChecked = new AtomicLong();

    /**
     * A server for the site of {@code options} on {@code host}:{@code port} (0: any free port); not started yet.
     * The port is taken before the first build, so that a port in use is told at once.
     */
    public DevServer(BuildOptions options, String host, int port, Consumer<String> log) {
        this(options, host, port, log, QUIET_MILLIS);
    }

    /**
     * A server whose watcher waits {@code quietMillis} for a burst of file events to end: tests that make
     * a burst of their own take a longer one than an editor needs, since a loaded machine may pause their
     * thread for more than 10 ms between two steps of the burst.
     */
    DevServer(BuildOptions options, String host, int port, Consumer<String> log, long quietMillis) {
        this.options = options;
        this.log = log;
        this.host = host;
        try {
            this.http = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.build = new Build(line -> {
            if (firstBuild) {
                log.accept(line);
            } else if (leftOut == null) { // after a broken start: told with the summary when the site builds
                pendingBuildLines.add(line);
            }
        });
        this.snapshot = Snapshot.nothingYet();
        try {
            // Watching (not yet reporting) before the first build reads the files: a change made from now on is an
            // event that start() hands on, so a rebuild told of the files written can trust that list.
            this.watcher = new SiteWatcher(options.source(), quietMillis, this::rebuild);
        } catch (RuntimeException e) {
            http.stop(0);
            build.close();
            throw e;
        }
        rebuild();
        firstBuild = false;
        this.handlers = new ThreadPoolExecutor(8, MAX_HANDLER_THREADS, 5, TimeUnit.SECONDS,
                new SynchronousQueue<>(), daemon("kiln-http"));
        this.pinger = Executors.newSingleThreadScheduledExecutor(daemon("kiln-ping"));
        http.setExecutor(handlers);
        http.createContext("/", new SiteHandler(() -> snapshot, reload, new AllowedHosts(host)));
    }

    /** Starts serving and watching. */
    public void start() {
        http.start();
        warmUpOver = false;
        watcher.start();
        Thread warm = daemon("kiln-warm").newThread(this::warmUp);
        warm.setPriority(Thread.MIN_PRIORITY);
        warm.start();
        pinger.scheduleAtFixedRate(reload::ping, 10, 10, TimeUnit.SECONDS);
    }

    /** The port the server listens on. */
    public int port() {
        return http.getAddress().getPort();
    }

    /** The folders watched only because pages are links to files in them, for tests. */
    Set<java.nio.file.Path> watchedLinkFolders() {
        return watcher.targetFolders();
    }

    /** How many live-reload event streams are open now (tabs listening), for tests. */
    int eventStreams() {
        return reload.size();
    }

    /** The site's address, with the base path of the site served now. */
    public String url() {
        return "http://" + hostInUrl(host, http.getAddress().getAddress()) + ":" + port() + snapshot.basePath() + "/";
    }

    /**
     * How a URL names the server on {@code host} (as given, bound to {@code address}): {@code localhost} when it
     * listens on every address (a browser cannot open 0.0.0.0 or ::), an IPv6 address in brackets.
     */
    static String hostInUrl(String host, InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return "localhost";
        }
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return name.contains(":") ? "[" + name + "]" : name;
    }

    /** How many builds' links were checked and told, for tests. */
    long linksChecked() {
        return linksChecked.get();
    }

    /** How many rebuilds ran since the server started (the first build not counted). */
    public long rebuilds() {
        return rebuilds;
    }

    /**
     * Rebuilds the site now, then tells the open pages what changed. Called by the watcher; safe to call
     * from tests. Returns the build's result, or null when the build failed.
     */
    public synchronized BuildResult rebuild() {
        return rebuild(null);
    }

    /**
     * Rebuilds the site now, where {@code changed} (when not null) are the only source files written to
     * since the last rebuild, as the watcher saw them, so that the folders need not be walked again.
     */
    private synchronized BuildResult rebuild(Set<String> changed) {
        warmUpOver = true;
        long start = System.nanoTime();
        Snapshot before = snapshot;
        BuildResult result = null;
        Snapshot after;
        try {
            result = build.run(options, changed);
            after = Snapshot.built(result.output(), result.basePath());
        } catch (SiteException e) {
            after = before.failed(e.problems(), ErrorOverlay.html(e.problems(), options.source().toAbsolutePath()));
        } catch (RuntimeException e) {
            // A bug must not take the server down: show it like a site problem.
            List<Problem> problems = List.of(Problem.inFile("(kiln)", "the build crashed: " + e));
            after = before.failed(problems, ErrorOverlay.html(problems, options.source()));
        }
        // Hidden files are sources too when site.yml's include names them, as the build that read it took them.
        watcher.include(build.include());
        // A page may be a link to a file in a folder the watcher does not watch (notes/, beside content/).
        Set<String> targets = build.linkTargets();
        if (targets != null) {
            watcher.watchTargets(targets);
        }
        snapshot = after;
        if (!firstBuild) {
            rebuilds++;
        }
        report(before, after, result, (System.nanoTime() - start) / 1_000_000);
        long build = builds.incrementAndGet();
        if (result != null) {
            BuildResult checked = result;
            try {
                linkChecks.execute(() -> checkLinks(build, checked));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // the server is closing: a rebuild that was running when it began has no links to tell
            }
        }
        return result;
    }

    /**
     * Tells the broken links of {@code result}, the site of build number {@code build}, unless a newer build
     * came: the first check tells them all, as {@code kiln build} does; each later one only what changed, the
     * links broken since the last check and those mended, a link being the same one when its file and message
     * are (an edit above it moves its line without breaking or mending it).
     */
    private void checkLinks(long build, BuildResult result) {
        if (build != builds.get()) {
            return;
        }
        List<Problem> now;
        try {
            now = LinkReport.problems(result, options.source());
        } catch (RuntimeException e) {
            log.accept("kiln: the links were not checked: " + e);
            return;
        }
        List<String> lines = linkChanges(brokenLinks, now, gone(result.skipped()));
        brokenLinks = now;
        lines.forEach(log);
        linksChecked.incrementAndGet();
    }

    /**
     * What to tell when the broken links were {@code before} (null: not checked yet) and are {@code now}:
     * {@code warning: } and each link broken since (all of them at first), {@code fixed: } and each mended one
     * (as it was), then how many are left; nothing when none changed.
     */
    static List<String> linkChanges(List<Problem> before, List<Problem> now) {
        return linkChanges(before, now, path -> false);
    }

    /**
     * As {@link #linkChanges(List, List)}, where the links of a file that is {@code gone} (left out now, or removed)
     * are not mended but gone with it: no {@code fixed:} for them, only the count of those left.
     */
    static List<String> linkChanges(List<Problem> before, List<Problem> now, java.util.function.Predicate<String> gone) {
        List<String> lines = changes(before, now, DevServer::sameLink, gone);
        if (!lines.isEmpty() || (before == null ? !now.isEmpty() : before.size() != now.size())) {
            lines.add(now.isEmpty() ? "no broken links left" : LinkReport.counted(now)
                    + (before == null ? "" : " left") + " (kiln build warns of them too; kiln build --strict fails)");
        }
        return lines;
    }

    /**
     * What to tell when the pages' Markdown warnings were {@code before} (null: none built yet) and are {@code now}:
     * {@code warning: } and each one new since (all of them at first), {@code fixed: } and each gone, but those of a
     * file that is {@code gone} (left out now, or removed). A warning is the same one while its file and what is
     * wrong are ({@link #sameWarning}): text typed below a code block never closed, or a line written above it,
     * says nothing new.
     */
    static List<String> warningChanges(List<Problem> before, List<Problem> now, java.util.function.Predicate<String> gone) {
        return changes(before, now, DevServer::sameWarning, gone);
    }

    /**
     * The lines telling how the problems {@code before} (null: none told yet) became those {@code now}: {@code warning: }
     * and each one new since (all of them at first), then {@code fixed: } and each one no longer found, as it was,
     * unless its file is {@code gone}: the page went (a draft now, or removed), not the problem. Problems are the same
     * when their {@code key}s are, counted: of two alike, one mended is told once.
     */
    private static List<String> changes(List<Problem> before, List<Problem> now,
                                        java.util.function.Function<Problem, String> key,
                                        java.util.function.Predicate<String> gone) {
        List<String> lines = new java.util.ArrayList<>();
        Map<String, Integer> left = new HashMap<>(); // key -> how many of them before, not found now
        if (before != null) {
            before.forEach(p -> left.merge(key.apply(p), 1, Integer::sum));
        }
        for (Problem p : now) {
            if (left.merge(key.apply(p), -1, Integer::sum) < 0) {
                lines.add("warning: " + p);
            }
        }
        if (before != null) {
            for (Problem p : before) {
                String k = key.apply(p);
                Integer more = left.get(k);
                if (more != null && more > 0) {
                    left.put(k, more - 1);
                    if (!gone.test(p.path())) {
                        lines.add("fixed: " + p);
                    }
                }
            }
        }
        return lines;
    }

    /**
     * A Markdown warning's identity: its file and what is wrong, the message up to its first ':' or ';' (what follows
     * says how much of the page it holds, which text typed below it grows, and what to do), not its line: a line
     * written above it moves it without mending it. Only the page's last block can be a code block never closed,
     * so a page has one at most.
     */
    private static String sameWarning(Problem p) {
        String m = p.message();
        int end = m.length();
        for (int i = 0; i < m.length(); i++) {
            if (m.charAt(i) == ':' || m.charAt(i) == ';') {
                end = i;
                break;
            }
        }
        return p.path() + '\n' + m.substring(0, end);
    }

    /**
     * Whether the problems of a file are gone with it rather than mended: the file is left out now ({@code skipped},
     * a draft or future-dated) or no longer there. Asked only of a problem no longer found, so the file system is
     * seldom asked.
     */
    private java.util.function.Predicate<String> gone(Map<String, String> skipped) {
        java.nio.file.Path root = options.source();
        return path -> skipped.containsKey(path) || !java.nio.file.Files.exists(root.resolve(path));
    }

    /** Which list pages show a post's excerpt changes with every post added: the same broken link all the same. */
    private static final java.util.regex.Pattern IN_EXCERPTS = java.util.regex.Pattern.compile(
            ";? ?(also )?in its excerpt on [^);]*");

    private static String sameLink(Problem p) {
        return p.path() + '\n' + IN_EXCERPTS.matcher(p.message()).replaceAll("");
    }

    /** At most this many rebuilds with nothing changed warm the server up after it starts, */
    static final int WARM_UP_RUNS = 20;
    /** and for at most this long. */
    private static final long WARM_UP_NANOS = 2_000_000_000L;

    /**
     * Rebuilds the site with nothing changed a few times, in the background, as the server starts, so that
     * the Java runtime compiles what a rebuild runs (the first build ran the stages, but not comparing each
     * page with the last build's) before the author's first save rather than during their first dozen.
     * Nothing is shown or counted; a real rebuild ends it.
     */
    private void warmUp() {
        long start = System.nanoTime();
        for (int i = 0; i < WARM_UP_RUNS && !warmUpOver && System.nanoTime() - start < WARM_UP_NANOS; i++) {
            synchronized (this) {
                if (warmUpOver || snapshot.broken()) {
                    return;
                }
                try {
                    build.run(options, Set.of());
                } catch (RuntimeException e) {
                    return; // a file changed meanwhile: the watcher's rebuild shows what went wrong
                }
            }
        }
    }

    private void report(Snapshot before, Snapshot after, BuildResult result, long millis) {
        if (after.broken()) {
            pendingBuildLines.clear();
            after.problems().forEach(p -> log.accept(p.toString()));
            log.accept("build failed: " + after.problems().size() + " problem(s); " + (after.built()
                    ? "still serving the last good site" : "nothing to serve until it builds (pages show the problems)"));
            if (!after.problems().equals(before.problems())) {
                reload.notify((page, address) -> true, false, false);
            }
            return;
        }
        Set<String> changed = changed(before.site(), after.site());
        Map<String, String> leftOutBefore = leftOut;
        leftOut = result.skipped();
        // The site folder's notices (a static/ it does not read) as the Markdown's warnings: told at the start and
        // when they change (a file dropped into static/ while serving), not at every rebuild.
        List<Problem> now = new java.util.ArrayList<>(result.warnings());
        now.addAll(result.notices());
        List<String> warned = warningChanges(markdownWarnings, now, gone(result.skipped()));
        markdownWarnings = now;
        if (firstBuild) {
            log.accept(result.summary());
            warned.forEach(log);
            return;
        }
        log.accept("rebuilt in " + millis + " ms: " + changed.size() + " file(s) changed, "
                + result.markdownRenders() + " rendered" + (!before.broken() ? ""
                : before.built() ? "; the site builds again" : "; the site builds"));
        if (leftOutBefore == null) { // the first good build, after a broken start: told as a start tells it
            List<String> said;
            synchronized (pendingBuildLines) {
                said = List.copyOf(pendingBuildLines);
                pendingBuildLines.clear();
            }
            said.forEach(log);
            log.accept(result.summary());
        } else {
            leftOutChanges(leftOutBefore, result.skipped(), new Built(result.sources())).forEach(log);
        }
        warned.forEach(log);
        if (!after.basePath().equals(before.basePath())) {
            log.accept("serving at " + url() + " now (" + (after.basePath().isEmpty() ? "no base path"
                    : "base path " + after.basePath()) + ")");
        }
        if (before.broken()) {
            reload.notify((page, address) -> true, false, false);
            return;
        }
        boolean stylesheets = changed.stream().anyMatch(p -> p.endsWith(".css"));
        boolean shown = changed.stream().anyMatch(ContentTypes::isShownByPages);
        // A tab reloads when its own page's bytes changed (or it went), or a file pages show or run did; one on
        // the 404 page when that page changed or something is at its address now. A file pages only link to
        // (.txt, .pdf, .json, an editor's x.md.new) reloads none.
        reload.notify((page, address) -> shown || (page != null ? changed.contains(page)
                : changed.contains(NOT_FOUND) || address != null
                        && !java.util.Objects.equals(before.site().served(address), after.site().served(address))),
                stylesheets, shown);
    }

    /**
     * The posts and pages the last good build left out, each with why ({@link BuildResult#skipped}); null before
     * a build succeeded. Read and written in {@link #rebuild}.
     */
    private Map<String, String> leftOut;

    /** At most this many lines tell the posts and pages a rebuild newly leaves out (or takes back). */
    static final int LEFT_OUT_LINES = 10;

    /**
     * What to tell when the posts and pages left out were {@code before} (null: no build succeeded yet) and are
     * {@code now}, {@code sources} telling the files of the pages built now: each one newly left out, and why, as
     * the first build's {@code skipped} line says (a post that became a draft or future-dated by a save would
     * vanish without a word otherwise); each one left out before and built now; nothing when none changed.
     */
    static List<String> leftOutChanges(Map<String, String> before, Map<String, String> now,
                                       java.util.function.Predicate<String> sources) {
        Map<String, String> was = before == null ? Map.of() : before;
        List<String> lines = new java.util.ArrayList<>();
        now.forEach((path, why) -> {
            if (!why.equals(was.get(path))) {
                lines.add("  " + path + switch (why) {
                    case BuildResult.DRAFT -> " is a draft: left out (--drafts includes drafts)";
                    case BuildResult.FUTURE -> " is future-dated: left out until its date"
                            + " (--future, or future: true in site.yml, includes it)";
                    default -> " has expired (expiryDate passed): left out (no option includes it)";
                });
            }
        });
        was.forEach((path, why) -> {
            if (!now.containsKey(path) && sources.test(path)) {
                lines.add("  " + path + " is published again (it " + switch (why) {
                    case BuildResult.DRAFT -> "was a draft";
                    case BuildResult.FUTURE -> "was future-dated";
                    default -> "had expired";
                } + ")");
            }
        });
        if (lines.size() > LEFT_OUT_LINES) {
            int more = lines.size() - (LEFT_OUT_LINES - 1);
            lines.subList(LEFT_OUT_LINES - 1, lines.size()).clear();
            lines.add("  and " + more + " more posts or pages left out or published again");
        }
        return lines;
    }

    /**
     * Whether a file is one of {@code sources}' (a build's output paths to their files): the set of them is made when
     * first asked, which only a post or page left out before and not now does, not at every save (10,000 paths).
     */
    private static final class Built implements java.util.function.Predicate<String> {
        private final Map<String, String> sources;
        private Set<String> files;

        Built(Map<String, String> sources) {
            this.sources = sources;
        }

        @Override
        public boolean test(String path) {
            if (files == null) {
                files = Set.copyOf(sources.values());
            }
            return files.contains(path);
        }
    }

    /** The page a tab shows where nothing is. */
    private static final String NOT_FOUND = "404.html";

    /** Output paths added, removed or with other bytes. */
    static Set<String> changed(SiteOutput before, SiteOutput after) {
        Set<String> changed = new HashSet<>();
        for (Map.Entry<String, byte[]> file : after.files().entrySet()) {
            if (!Arrays.equals(before.get(file.getKey()), file.getValue())) {
                changed.add(file.getKey());
            }
        }
        for (String path : before.files().keySet()) {
            if (after.get(path) == null) {
                changed.add(path);
            }
        }
        return changed;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        watcher.close();
        pinger.shutdownNow();
        reload.closeAll();
        http.stop(0);
        handlers.shutdownNow();
        linkChecks.shutdownNow();
        build.close();
    }
}
