package dev.kiln.build;

import dev.kiln.config.SiteConfig;
import dev.kiln.content.DraftPage;
import dev.kiln.content.FrontMatterParser;
import dev.kiln.content.NotText;
import dev.kiln.content.PageKind;
import dev.kiln.content.Permalinks;
import dev.kiln.content.Route;
import dev.kiln.content.SiteConfigReader;
import dev.kiln.content.SiteSources;
import dev.kiln.content.SourceFile;
import dev.kiln.content.SourceLoader;
import dev.kiln.content.StaticFile;
import dev.kiln.content.YamlReader;
import dev.kiln.error.Problem;
import dev.kiln.error.SiteException;
import dev.kiln.highlight.Highlighter;
import dev.kiln.highlight.TokenHighlighter;
import dev.kiln.html.Body;
import dev.kiln.html.BodyProcessor;
import dev.kiln.index.Page;
import dev.kiln.index.SiteIndex;
import dev.kiln.markdown.Liquid;
import dev.kiln.markdown.MarkdownRenderer;
import dev.kiln.markdown.SiteUrls;
import dev.kiln.output.SiteOutput;
import dev.kiln.output.SiteWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Builds a site folder into a {@link SiteOutput}, stage by stage: config, load, front matter,
 * permalinks, markdown, index, layout. Each stage is timed; per-page stages run on a fixed pool and
 * gather every problem before the build fails once. Reusable: a dev server keeps one warm.
 */
public final class Build implements AutoCloseable {

    /** The folders of a site that a build reads (besides {@code site.yml}): watched, stamped, never written. */
    public static final List<String> SOURCE_FOLDERS =
            List.of(SourceLoader.CONTENT, dev.kiln.layout.Layouts.FOLDER, SourceLoader.ASSETS);

    private final ExecutorService pool;
    private final Parallel parallel;
    private final MarkdownRenderer markdown;
    private final Consumer<String> log;
    // Memoised stages, so that a dev server's rebuild redoes only what changed.
    private final Memo<Typed, DraftPage> parsed;
    private final Memo<RenderInputs, Body> rendered;
    private final FileCache files = new FileCache();
    private final Memo<RouteInputs, Route> routeMemo;
    private final Memo<SiteAssembler.LayoutInputs, byte[]> laidOut;
    private final Memo<Record, byte[]> generated;
    private final Memo<SiteAssembler.EntryInputs, String> entries;
    private dev.kiln.layout.Views lastViews;
    /** The last run's layouts, kept (with their compiled templates) while their files and the settings are. */
    private dev.kiln.layout.Layouts lastLayouts;
    private SiteConfig lastConfig;
    /** The last run's index, when this build remembers its runs. */
    private SiteIndex lastIndex;
    private final boolean remember;
    /** Whether a run's pages, layouts and includes are timed by their threads' CPU time ({@link Timings#inCpuTime}). */
    private final boolean cpuTimes;
    /** The spill folders of this build's runs ({@link #output()}), removed when it is closed. */
    private final List<Path> spills = new ArrayList<>();
    /** Where a one-off build writes its files as they are made when that folder holds no site; or null. */
    private final Path placeInto;
    /** The outermost folder made for {@link #placeInto} (itself or a parent; absolute), removed with it; or null. */
    private Path placeIntoMade;
    /** The site a run placed into {@link #placeInto}, which is removed on close unless it was written. */
    private SiteOutput placed;
    private boolean placing;
    /**
     * The sources the last run loaded (null when it could not, or when this build does not remember its
     * runs): a watcher's list of changes updates them.
     */
    private SiteSources loaded;
    /** Whether the last load walked the folders, rather than reading again the files a watcher named. */
    private boolean walked;

    /** A build that reports its stages to {@code log} (one line each). */
    public Build(Consumer<String> log) {
        this(log, new TokenHighlighter());
    }

    public Build(Consumer<String> log, Highlighter highlighter) {
        this(log, highlighter, Runtime.getRuntime().availableProcessors());
    }

    /** A build whose per-page stages run on {@code threads} threads (1: one after the other). */
    public Build(Consumer<String> log, Highlighter highlighter, int threads) {
        this(log, highlighter, threads, STACK_BYTES, true);
    }

    /**
     * A build for one run ({@code kiln build}, {@code kiln check}): it keeps no stage's results for a next
     * run, so that a large site's pages are let go as soon as they are written out.
     */
    public static Build once(Consumer<String> log) {
        return once(log, null);
    }

    /**
     * A build for one run whose site {@link SiteWriter#write writes} to {@code dest}: when {@code dest} holds
     * no site yet (missing or empty), each file is written there as soon as it is made, rather than kept
     * in a spill file and written again. If the run fails, or its site is not written, closing the build
     * removes those files.
     */
    public static Build once(Consumer<String> log, Path dest) {
        return once(log, dest, false);
    }

    /**
     * As {@link #once(Consumer, Path)}; with {@code cpuTimes}, its {@link BuildResult#timings} time pages, layouts
     * and includes by the CPU time of the thread doing the work rather than the wall clock ({@code --timings}).
     */
    public static Build once(Consumer<String> log, Path dest, boolean cpuTimes) {
        return new Build(log, new TokenHighlighter(), Runtime.getRuntime().availableProcessors(), STACK_BYTES, false,
                dest, cpuTimes);
    }

    /** Deeply nested Markdown (lists, quotes, emphasis) is parsed recursively: room for a few thousand levels. */
    private static final long STACK_BYTES = 64L << 20;

    /**
     * A build whose threads have {@code stackBytes} of stack each (tests make it small), which keeps its
     * stages' results for the next run when it will {@code remember}.
     */
    Build(Consumer<String> log, Highlighter highlighter, int threads, long stackBytes, boolean remember) {
        this(log, highlighter, threads, stackBytes, remember, null, false);
    }

    private Build(Consumer<String> log, Highlighter highlighter, int threads, long stackBytes, boolean remember,
                  Path placeInto, boolean cpuTimes) {
        this.log = log;
        this.cpuTimes = cpuTimes;
        this.placeInto = placeInto;
        this.remember = remember;
        this.parsed = new Memo<>(remember);
        this.rendered = new Memo<>(remember);
        this.routeMemo = new Memo<>(remember);
        this.laidOut = new Memo<>(remember);
        this.generated = new Memo<>(remember);
        this.entries = new Memo<>(remember);
        threads = Math.max(1, threads);
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(null, r, "kiln-build", stackBytes);
            t.setDaemon(true);
            return t;
        });
        this.parallel = new Parallel(pool, threads);
        this.markdown = new MarkdownRenderer(highlighter);
    }

    /** The time zone of the site in {@code source} (UTC when site.yml names none or cannot be read). */
    public static java.time.ZoneId timezoneOf(Path source) {
        try {
            return readConfig(BuildOptions.of(source)).timezone();
        } catch (SiteException e) {
            return java.time.ZoneId.of("UTC");
        }
    }

    /** Builds the site {@code options} names; throws a {@link SiteException} listing every problem. */
    public BuildResult run(BuildOptions options) {
        return run(options, null);
    }

    /**
     * Builds the site {@code options} names, where {@code changed} (when not null) are the only source
     * files (site-relative paths) written to since the last run, none made, moved or removed, as a file
     * watcher saw: the folders are then not walked again. Throws a {@link SiteException} listing every
     * problem.
     */
    public BuildResult run(BuildOptions options, Set<String> changed) {
        long start = System.nanoTime();
        Timings timings = cpuTimes ? Timings.inCpuTime() : new Timings();
        // Runs counted by an earlier build that failed are not this build's.
        parsed.takeRuns();
        rendered.takeRuns();
        laidOut.takeRuns();
        Path root = options.source();
        SiteConfig read = stage(timings, "config", () -> readConfig(options));
        // A first run has nothing to compare with: the record's equals links its ~30 components' accessors
        // the first time it is called (~10 ms at every start, on this one thread), for nothing.
        boolean newSettings = lastConfig == null || !read.equals(lastConfig);
        if (newSettings) {
            // A site.yml change may touch any page: start from nothing.
            parsed.clear();
            rendered.clear();
            laidOut.clear();
            generated.clear();
            entries.clear();
            lastViews = null;
            lastIndex = null;
            lastConfig = read;
        }
        // Equal settings are kept as the same object, which the stages' inputs compare by identity first.
        SiteConfig config = lastConfig;
        SiteSources sources = stage(timings, "load", () -> load(root, newSettings ? null : changed,
                config.include(), config.language())); // another include: may publish other files: walk the folders
        if (walked) { // the same files as last time otherwise
            forgetGone(root, sources);
        }
        List<DraftPage> all = stage(timings, "front matter", () -> parallel.map(sourcesOf(sources), source ->
                parsed.get(source.file().path(), source,
                        s -> FrontMatterParser.parse(s.file(), s.kind(), config.timezone(), config.permalink()))));
        Selection selection = Selection.of(all, options.future() || config.future() ? options.withFuture(true)
                : options);
        if (selection.skippedDrafts() + selection.skippedFuture() + selection.skippedExpired() > 0) {
            log.accept(selection.describeSkipped());
        }
        Routes routes = stage(timings, "permalinks", () -> routes(selection.included(), sources.statics(), config));
        List<Routed> routed = routes.pages();
        SiteUrls urls = PageUrls.whenAsked(() -> {
            Map<String, Route> byPath = new TreeMap<>();
            routed.forEach(r -> byPath.put(r.draft().path(), r.route()));
            return new PageUrls(byPath, routes.statics());
        });
        // Read before the bodies are rendered: a page's headings leave the ids its layout writes to it.
        if (lastLayouts == null || !lastLayouts.isCurrent(root, config)) {
            lastLayouts = new dev.kiln.layout.Layouts(root, config);
        }
        dev.kiln.layout.Layouts layouts = lastLayouts;
        List<Page> pages = stage(timings, "markdown", () -> parallel.map(routed, r -> render(r, config, urls, timings,
                layouts.ids(SiteIndex.layoutOf(r.draft(), r.route(), config)))));
        List<Problem> warnings = warnings(pages);
        SiteIndex index = stage(timings, "index", () -> SiteIndex.of(
                pages.stream().filter(Page::isPost).toList(),
                pages.stream().filter(p -> !p.isPost()).toList(), config, lastIndex));
        SiteAssembler assembler = stage(timings, "views", () -> new SiteAssembler(layouts, config, index,
                parallel, lastViews, laidOut, generated, entries, timings));
        SiteOutput output = stage(timings, "layout", () -> assembler.assemble(routes.statics(), files::bytes, output()));
        if (placing) {
            placed = output;
        }
        // Kept with the views made from it: the next index is compared with the one the last views saw. A
        // one-off build keeps neither, so that its pages' bodies can go while the site is checked and written.
        lastViews = remember ? assembler.views() : null;
        lastIndex = remember ? index : null;
        laidOut.retain(output.files().keySet());
        Set<String> entryKeys = new HashSet<>();
        index.posts().forEach(p -> {
            entryKeys.add(SiteAssembler.entryKey(p, true));
            entryKeys.add(SiteAssembler.entryKey(p, false));
        });
        entries.retain(entryKeys);
        generated.retain(SiteAssembler.generatedKeys(index, config)); // a tag gone takes its feed along
        long millis = (System.nanoTime() - start) / 1_000_000;
        parsed.takeRuns();
        int pagesLaidOut = laidOut.takeRuns();
        // content/index.md is no page of index.pages() when it gives the home page its text, yet the home page is
        // written from it: counted with the pages, as the same file is when it is a page of its own at /.
        int pagesMade = index.pages().size() + (index.homeText() == null ? 0 : 1);
        return new BuildResult(output, index.posts().size(), pagesMade, index.tags().size(),
                index.home().size() + (index.tags().isEmpty() ? 0 : 1)
                        + (assembler.writesArchive() ? 1 : 0),
                selection.skippedDrafts(), selection.skippedFuture(), selection.timed(), rendered.takeRuns(), pagesLaidOut, config.rootUrl(), config.basePath(),
                java.util.Map.copyOf(assembler.sources()), millis, timings, LinkReport.missingHome(config, output),
                ExcerptLinks.excerpts(index.posts()), selection.skipped(), warnings,
                sources.notices());
    }

    /**
     * The warnings of {@code pages}' bodies, placed in their files (the body follows the front matter), sorted.
     * Kept with the body, at offsets of it, so that a page rendered by an earlier run, or whose front matter
     * grew since, still says them at their place.
     */
    private static List<Problem> warnings(List<Page> pages) {
        List<Problem> warnings = new ArrayList<>(0);
        for (Page page : pages) {
            for (Body.Warning w : page.body().warnings()) {
                DraftPage draft = page.draft();
                warnings.add(dev.kiln.error.Position.of(draft.source().text(), draft.bodyStart() + w.offset())
                        .problem(draft.path(), w.message()));
            }
        }
        warnings.sort(null);
        return List.copyOf(warnings);
    }

    private <T> T stage(Timings timings, String name, Supplier<T> stage) {
        long start = System.nanoTime();
        T result = stage.get();
        long nanos = System.nanoTime() - start;
        timings.stage(name, nanos);
        log.accept(String.format("  %-13s %5d ms", name, nanos / 1_000_000));
        return result;
    }

    private static SiteConfig readConfig(BuildOptions options) {
        Path file = options.source().resolve(SiteConfig.FILE);
        SiteConfig config;
        if (Files.isRegularFile(file)) {
            String text;
            try {
                text = SourceLoader.readUtf8(file); // as a page is read: at its first bad byte when it is not UTF-8
            } catch (NotText e) {
                throw new SiteException(e.at().problem(SiteConfig.FILE, e.reason()));
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new SiteException(Problem.inFile(SiteConfig.FILE, "is not UTF-8 text: save it as UTF-8"));
            } catch (java.io.UncheckedIOException unchecked) {
                IOException e = unchecked.getCause();
                // The site's settings decide every page: no build without them, nor a hint to move them away.
                throw new SiteException(Problem.inFile(SiteConfig.FILE, e instanceof java.nio.file.AccessDeniedException
                        ? "cannot be read: permission denied: make it readable (chmod a+r)"
                        : SourceLoader.unreadable(e, false)));
            }
            config = SiteConfigReader.read(YamlReader.read(SiteConfig.FILE, text, 1), text);
        } else {
            config = SiteConfig.defaults();
        }
        return options.baseUrl() == null ? config : config.withBaseUrl(options.baseUrl());
    }

    /** A source with its kind, for the front-matter stage. */
    private record Typed(SourceFile file, PageKind kind) {}

    private static List<Typed> sourcesOf(SiteSources sources) {
        List<Typed> typed = new ArrayList<>();
        sources.posts().forEach(s -> typed.add(new Typed(s, PageKind.POST)));
        sources.pages().forEach(s -> typed.add(new Typed(s, PageKind.PAGE)));
        return typed;
    }

    /** A page with its URL, before its Markdown is rendered. */
    private record Routed(DraftPage draft, Route route) {}

    /** A page's route depends on its front matter and path and on the site's settings only. */
    private record RouteInputs(DraftPage draft, SiteConfig config) {}

    /** The pages with their routes, and the static files where they are published. */
    private record Routes(List<Routed> pages, List<StaticFile> statics) {}

    /**
     * Every page's route, and the static files placed: a post bundle's beside its post, or left out with it (a
     * draft); two sources (or a source and a static file) on one output path is a problem.
     */
    private Routes routes(List<DraftPage> drafts, List<StaticFile> sourceStatics, SiteConfig config) {
        List<Routed> routed = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, DraftPage> claims = new TreeMap<>();
        // Each page's route on the pool (a route or its problems), then the claims in the pages' order.
        List<Object> routes = parallel.map(drafts, draft -> {
            try {
                return routeMemo.get(draft.path(), new RouteInputs(draft, config),
                        in -> Permalinks.of(in.draft(), in.config()));
            } catch (SiteException e) {
                return e;
            }
        });
        for (int i = 0; i < drafts.size(); i++) {
            DraftPage draft = drafts.get(i);
            if (routes.get(i) instanceof SiteException e) {
                problems.addAll(e.problems());
                continue;
            }
            Route route = (Route) routes.get(i);
            DraftPage earlier = claims.putIfAbsent(route.outputPath(), draft);
            if (earlier != null) {
                // Reported at the permalink that made the two meet: this page's, else the earlier one's.
                boolean own = draft.front().has("permalink") || !earlier.front().has("permalink");
                DraftPage at = own ? draft : earlier;
                problems.add(at.front().at("permalink").problem(at.path(), "URL " + route.url()
                        + " is also claimed by " + (own ? earlier : draft).path() + ": give one of them another permalink"));
            }
            routed.add(new Routed(draft, route));
        }
        List<StaticFile> statics = placed(sourceStatics, routed);
        for (StaticFile file : statics) {
            DraftPage claimed = claims.get(file.outputPath());
            String page = claimed == null ? null : claimed.path();
            if (page != null) {
                problems.add(Problem.inFile(page, "its URL is also the file " + file.sourcePath()
                        + ": rename one of them"));
            }
        }
        if (!problems.isEmpty()) {
            throw new SiteException(problems);
        }
        return new Routes(routed, statics);
    }

    /**
     * {@code statics} with the files of post bundles published beside their posts, and those of posts or pages
     * left out (drafts, future posts, expired pages) left out too; {@code statics} itself when no file is in a
     * bundle.
     */
    private static List<StaticFile> placed(List<StaticFile> statics, List<Routed> routed) {
        if (statics.stream().allMatch(file -> file.bundle() == null)) {
            return statics;
        }
        Map<String, Route> included = new java.util.HashMap<>();
        routed.forEach(r -> included.put(r.draft().path(), r.route()));
        List<StaticFile> placed = new ArrayList<>(statics.size());
        for (StaticFile file : statics) {
            Route with = file.bundle() == null ? null : included.get(file.bundle());
            if (file.bundle() == null || with != null) {
                placed.add(file.post() == null ? file : file.beside(with));
            }
        }
        return placed;
    }

    /** Everything a page's rendered body depends on: if none of it changed, neither did the body. */
    private record RenderInputs(String text, int bodyStart, boolean markdown, String url, String separator,
                                String excerpt, Set<String> layoutIds, boolean lineNumbers,
                                SiteConfig.Emoji emoji) {
        /** Equal when the bodies are (a front-matter edit leaves the body alone), and the rest is. */
        @Override
        public boolean equals(Object o) {
            return o instanceof RenderInputs in && markdown == in.markdown && url.equals(in.url)
                    && lineNumbers == in.lineNumbers && emoji == in.emoji
                    && layoutIds.equals(in.layoutIds)
                    && separator.equals(in.separator) && java.util.Objects.equals(excerpt, in.excerpt)
                    && text.length() - bodyStart == in.text.length() - in.bodyStart
                    && ((text == in.text && bodyStart == in.bodyStart) // an unchanged file: the same text
                    || text.regionMatches(bodyStart, in.text, in.bodyStart, text.length() - bodyStart));
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(text.length() - bodyStart, markdown, url, separator, excerpt);
        }
    }

    private Page render(Routed routed, SiteConfig config, SiteUrls urls, Timings timings, Set<String> layoutIds) {
        DraftPage draft = routed.draft();
        String separator = draft.front().excerptSeparator();
        RenderInputs inputs = new RenderInputs(draft.source().text(), draft.bodyStart(), draft.source().isMarkdown(), routed.route().url(),
                separator != null ? separator : config.excerptSeparator(), draft.front().excerpt(), layoutIds,
                config.lineNumbers(), config.emoji());
        try {
            return new Page(draft, routed.route(), rendered.get(draft.path(), inputs,
                    in -> timings.page(draft.path(), () -> renderBody(in, urls))));
        } catch (dev.kiln.markdown.BodyProblems e) { // at offsets of the body, which follows the front matter
            throw new SiteException(e.in(draft.path(), draft.source().text(), draft.bodyStart()));
        } catch (StackOverflowError e) {
            throw new SiteException(List.of(Problem.inFile(draft.path(), "its Markdown nests lists, quotes or "
                    + "emphasis too deeply to render: flatten the deepest part")));
        } catch (SiteException e) {
            throw e;
        } catch (RuntimeException e) { // a library's bug: named at the page rather than a stack trace that names none
            StackTraceElement[] at = e.getStackTrace(); // where it failed, for the report the message asks for
            throw new SiteException(List.of(Problem.inFile(draft.path(), "Kiln failed to render this page ("
                    + e + (at.length > 0 ? " at " + at[0] : "") + "): this is a bug in Kiln, please report it with "
                    + "the page; to build meanwhile, find the part that fails by removing parts of the page and write "
                    + "it another way")));
        }
    }

    /**
     * The body of the Markdown page at {@code url} as a build makes it: finished in the Markdown stage when
     * it is made of common Markdown, else flexmark's HTML finished by the HTML stage.
     */
    public static Body markdownBody(MarkdownRenderer markdown, String source, String url, String separator) {
        return markdownBody(markdown, source, url, separator, SiteUrls.NONE);
    }

    /** As {@link #markdownBody(MarkdownRenderer, String, String, String)}, {@code urls} naming the site's pages' URLs. */
    static Body markdownBody(MarkdownRenderer markdown, String source, String url, String separator, SiteUrls urls) {
        return markdownBody(markdown, source, url, separator, urls, Set.of());
    }

    /** As above, for a page whose layout writes the ids {@code layoutIds}, which its headings leave to it. */
    static Body markdownBody(MarkdownRenderer markdown, String source, String url, String separator, SiteUrls urls,
                             Set<String> layoutIds) {
        return markdownBody(markdown, source, url, separator, urls, layoutIds, false);
    }

    /** As above, for a site whose fenced code blocks are all numbered unless they say otherwise when {@code lineNumbers}. */
    static Body markdownBody(MarkdownRenderer markdown, String source, String url, String separator, SiteUrls urls,
                             Set<String> layoutIds, boolean lineNumbers) {
        return markdownBody(markdown, source, url, separator, urls, layoutIds, lineNumbers, SiteConfig.Emoji.OFF);
    }

    /**
     * As above, for a site whose emoji codes ({@code :smile:}) are emoji where {@code emoji} (site.yml's {@code emoji})
     * says: in the text only, for {@code TEXT}, the HTML stage replaces them in the bodies it finishes.
     */
    public static Body markdownBody(MarkdownRenderer markdown, String source, String url, String separator,
                                    SiteUrls urls, Set<String> layoutIds, boolean lineNumbers, SiteConfig.Emoji emoji) {
        MarkdownRenderer.Rendered rendered = markdown.renderPage(source, url, BodyProcessor.separatorText(separator),
                BodyProcessor.rootRelative(url), urls, layoutIds, lineNumbers, emoji);
        MarkdownRenderer.Finished done = rendered.finished();
        Body body = done == null ? BodyProcessor.process(rendered.html(), url, separator, layoutIds,
                        emoji == SiteConfig.Emoji.TEXT)
                : BodyProcessor.finished(done.html(), done.excerptHtml(), done.headings().stream()
                        .map(h -> new Body.Heading(h.level(), h.id(), h.text())).toList(), done.words());
        return rendered.warnings().isEmpty() ? body : body.withWarnings(rendered.warnings().stream()
                .map(w -> new Body.Warning(w.offset(), w.message())).toList());
    }

    private Body renderBody(RenderInputs in, SiteUrls urls) {
        String source = in.text().substring(in.bodyStart());
        if (!in.markdown()) {
            Liquid.refuseInHtml(source, urls); // an HTML page's Liquid would be printed as text as a Markdown page's
        }
        Body body = in.markdown() ? markdownBody(markdown, source, in.url(), in.separator(), urls, in.layoutIds(),
                in.lineNumbers(), in.emoji())
                : BodyProcessor.process(source, in.url(), in.separator(), in.layoutIds());
        if (in.excerpt() == null) {
            return body;
        }
        Body own = BodyProcessor.process(markdown.render(in.excerpt()), in.url(), "");
        return body.withExcerpt(own.html(), own.excerptText());
    }

    /**
     * The site-relative paths of the files that the pages of the last run's sources are symbolic links to, or
     * null when the last run could not load its sources (or this build does not remember them).
     */
    public Set<String> linkTargets() {
        SiteSources last = loaded;
        return last == null ? null : Set.copyOf(last.links().values());
    }

    /**
     * The hidden files and folders that the settings of the last run that could read {@code site.yml} publish
     * ({@code include}, {@link SourceLoader#isLeftOut}); empty before any could.
     */
    public List<String> include() {
        SiteConfig last = lastConfig;
        return last == null ? List.of() : last.include();
    }

    /**
     * The sources of the site in {@code root}: all read, or the last run's with the {@code changed} ones
     * read again.
     */
    private SiteSources load(Path root, Set<String> changed, List<String> include, String language) {
        SiteSources last = loaded;
        loaded = null; // should loading fail, the next run reads everything
        SiteSources now = changed == null || last == null ? null : SourceLoader.reload(root, last, changed, files::text);
        walked = now == null;
        SiteSources sources = now != null ? now : SourceLoader.load(root, files::text, parallel::map, include,
                language);
        loaded = remember ? sources : null; // a one-off build lets the texts go with its pages
        return sources;
    }

    private void forgetGone(Path root, SiteSources sources) {
        Set<String> pages = new HashSet<>();
        sources.posts().forEach(s -> pages.add(s.path()));
        sources.pages().forEach(s -> pages.add(s.path()));
        parsed.retain(pages);
        rendered.retain(pages);
        routeMemo.retain(pages);
        files.retain(root, sources);
    }

    @Override
    public void close() {
        pool.shutdownNow();
        if (placing && (placed == null || !placed.written())) {
            SiteWriter.discard(placeInto);
            for (Path p = placeInto.toAbsolutePath(); placeIntoMade != null && p.startsWith(placeIntoMade);
                 p = p.getParent()) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    break; // an empty folder left behind
                }
            }
        }
        for (Path folder : spills) {
            deleteSpill(folder);
        }
        spills.clear();
    }

    /**
     * Where a run puts its output files as they are made. A build that remembers its runs holds them in
     * memory, to be served from there. A one-off build, so that its memory stays flat however large the
     * site, writes them at their place in its destination when that holds no site (first run only), else
     * to a new temporary folder removed when this build is closed.
     */
    private SiteOutput.Builder output() {
        if (remember) {
            return new SiteOutput.Builder();
        }
        if (placeInto != null && !placing && SiteWriter.holdsNoSite(placeInto)) {
            for (Path p = placeInto.toAbsolutePath(); p != null && Files.notExists(p); p = p.getParent()) {
                placeIntoMade = p;
            }
            placing = true;
            return SiteOutput.Builder.placing(placeInto);
        }
        try {
            Path folder = Files.createTempDirectory("kiln-pages-");
            spills.add(folder);
            return new SiteOutput.Builder(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary folder for the built pages: " + e.getMessage(), e);
        }
    }

    private static void deleteSpill(Path folder) {
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // a temporary folder left behind: the system cleans it up
        }
    }

    /**
     * The pages this build includes, and how many drafts, future posts (and pages whose {@code publishDate} is to
     * come) and expired pages ({@code expiryDate} passed) it leaves out; {@code timed} says whether time alone may
     * change what a build of the same sources includes (a page left out until its date, or one that expires later).
     */
    private record Selection(List<DraftPage> included, int skippedDrafts, int skippedFuture, int futurePages,
                             int skippedExpired, int expiredPages, boolean timed, Map<String, String> skipped) {

        static Selection of(List<DraftPage> all, BuildOptions options) {
            ZonedDateTime now = ZonedDateTime.now(options.clock());
            List<DraftPage> included = new ArrayList<>();
            int drafts = 0;
            int future = 0;
            int expired = 0;
            int futurePages = 0;
            int expiredPages = 0;
            boolean expiring = false;
            Map<String, String> skipped = new TreeMap<>();
            for (DraftPage page : all) {
                var front = page.front();
                if (page.isDraft() && !options.drafts()) {
                    drafts++;
                    skipped.put(page.path(), BuildResult.DRAFT);
                } else if (!options.future() && (front.publishDate() != null ? front.publishDate().isAfter(now)
                        : page.kind() == PageKind.POST && front.date() != null && front.date().isAfter(now))) {
                    // A publishDate says when the page goes out, whatever its date says (Hugo's reading).
                    future++;
                    futurePages += page.kind() == PageKind.POST ? 0 : 1;
                    skipped.put(page.path(), BuildResult.FUTURE);
                } else if (front.expiryDate() != null && !front.expiryDate().isAfter(now)) {
                    expired++;
                    expiredPages += page.kind() == PageKind.POST ? 0 : 1;
                    skipped.put(page.path(), BuildResult.EXPIRED);
                } else {
                    expiring |= front.expiryDate() != null;
                    included.add(page);
                }
            }
            return new Selection(included, drafts, future, futurePages, expired, expiredPages,
                    future > 0 || expiring, java.util.Collections.unmodifiableMap(skipped));
        }

        String describeSkipped() {
            List<String> parts = new ArrayList<>();
            if (skippedDrafts > 0) {
                parts.add(skippedDrafts + (skippedDrafts == 1 ? " draft" : " drafts") + " (--drafts includes them)");
            }
            if (skippedFuture > 0) {
                parts.add(skippedFuture + " future-dated " + postsOrPages(skippedFuture, futurePages)
                        + " (--future, or future: true in site.yml, includes them)");
            }
            if (skippedExpired > 0) {
                parts.add(skippedExpired + " expired " + postsOrPages(skippedExpired, expiredPages)
                        + " (expiryDate passed; no option includes them)");
            }
            String last = parts.remove(parts.size() - 1);
            return "  skipped " + (parts.isEmpty() ? last : String.join(", ", parts) + " and " + last);
        }

        /** What {@code n} posts and pages are, {@code pages} of them pages: {@code post}, {@code pages}, {@code posts and pages}. */
        private static String postsOrPages(int n, int pages) {
            String what = pages == 0 ? "post" : pages == n ? "page" : "posts and pages";
            return n == 1 || pages > 0 && pages < n ? what : what + "s";
        }
    }
}
