package dev.kiln.build;

import dev.kiln.config.SiteConfig;
import dev.kiln.content.Permalinks;
import dev.kiln.content.Route;
import dev.kiln.content.StaticFile;
import dev.kiln.error.Position;
import dev.kiln.error.Problem;
import dev.kiln.error.SiteException;
import dev.kiln.html.BasePath;
import dev.kiln.html.Body;
import dev.kiln.html.FeedBody;
import dev.kiln.html.PageEmoji;
import dev.kiln.index.FeedWriter;
import dev.kiln.index.SitemapWriter;
import dev.kiln.index.Page;
import dev.kiln.index.Pagination;
import dev.kiln.index.RedirectPage;
import dev.kiln.index.SiteIndex;
import dev.kiln.index.Tag;
import dev.kiln.layout.LayoutError;
import dev.kiln.layout.Layouts;
import dev.kiln.layout.Views;
import dev.kiln.output.SiteOutput;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The layout stage: renders every page through its layout and gathers them with the static files. */
final class SiteAssembler {

    private final SiteConfig config;
    private final SiteIndex index;
    private final Parallel parallel;
    private final Layouts layouts;
    private final Views views;

    private final Memo<LayoutInputs, byte[]> laidOut;
    /** The feeds and the sitemap, remembered by key ({@link #generatedKeys}) with their inputs. */
    private final Memo<Record, byte[]> generated;
    private final Memo<EntryInputs, String> entries;
    private final Timings timings;

    /**
     * The layout stage of one build; {@code previous} are the last build's views and {@code laidOut} its
     * pages, reused where a page's layout sources and values are equal.
     */
    SiteAssembler(Layouts layouts, SiteConfig config, SiteIndex index, Parallel parallel, Views previous,
                  Memo<LayoutInputs, byte[]> laidOut, Memo<Record, byte[]> generated,
                  Memo<EntryInputs, String> entries, Timings timings) {
        this.timings = timings;
        this.generated = generated;
        this.entries = entries;
        this.config = config;
        this.index = index;
        this.parallel = parallel;
        this.layouts = layouts;
        this.views = new Views(config, index, previous, layouts.wants("archive"));
        this.laidOut = laidOut;
    }

    /**
     * Everything a rendered page depends on: the layout sources, the layout, the base path, its values, and
     * the body of a page made from a source (null for the others), apart from its values. Such a page also
     * has {@link Views#dependencies}: while they are equal to the last build's, its values are not even
     * made. Made on a pool thread, and compared on that thread only.
     */
    static final class LayoutInputs {
        private final Map<String, String> layoutSources;
        private final String layout;
        private final String basePath;
        private final Body body;
        private final Object dependencies;
        private final Supplier<Map<String, Object>> values;
        private Map<String, Object> context;

        LayoutInputs(Map<String, String> layoutSources, String layout, String basePath, Body body,
                     Object dependencies, Supplier<Map<String, Object>> values) {
            this.layoutSources = layoutSources;
            this.layout = layout;
            this.basePath = basePath;
            this.body = body;
            this.dependencies = dependencies;
            this.values = values;
        }

        /** The page's values, made when first asked for. */
        Map<String, Object> context() {
            if (context == null) {
                context = values.get();
            }
            return context;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof LayoutInputs in && layout.equals(in.layout) && basePath.equals(in.basePath)
                    && java.util.Objects.equals(body, in.body) && layoutSources.equals(in.layoutSources)
                    && (dependencies != null && dependencies.equals(in.dependencies) || context().equals(in.context()));
        }

        @Override
        public int hashCode() {
            return layout.hashCode();
        }
    }

    private final Map<String, String> sources = new java.util.TreeMap<>();

    Views views() {
        return views;
    }

    /** For each page made from a source file, its output path and that file. */
    Map<String, String> sources() {
        return sources;
    }

    /** The names of the layouts this site renders with, to know whether it needs the theme's files. */
    private final java.util.Set<String> used = new java.util.TreeSet<>(java.util.List.of("home"));

    /**
     * One page of the site to be: where it goes, what it is (for error messages), its values, layout, name
     * in timings, body when a source makes it, and what places it when Kiln makes it.
     */
    private record Job(Route route, String origin, Supplier<Map<String, Object>> context, String layout,
                       String name, Body body, Supplier<Object> dependencies, UrlClashes.Maker maker) {
        /**
         * A page that no source file makes, {@code dependencies} its {@link Views#dependencies(String)}, placed by
         * {@code maker}: named by its output path in timings.
         */
        Job(Route route, String origin, Supplier<Map<String, Object>> context, String layout,
            Supplier<Object> dependencies, UrlClashes.Maker maker) {
            this(route, origin, context, layout, route.outputPath(), null, dependencies, maker);
        }
    }

    /** The layout of the 404 page a site gets when it has none of its own, and that page's path. */
    private static final String NOT_FOUND = "404";
    private static final String NOT_FOUND_PATH = "404.html";

    /**
     * Whether the site gets the 404 page of its layouts (the built-in theme's, or its own {@code 404.peb}): it has
     * no page or file of its own at {@code /404.html} ({@code content/404.md}, {@code content/404.html}), which
     * GitHub Pages and {@code kiln serve} show for a path that has no file.
     */
    private boolean writesNotFound(List<StaticFile> statics) {
        return layouts.wants(NOT_FOUND)
                && index.pages().stream().noneMatch(page -> page.route().outputPath().equals(NOT_FOUND_PATH))
                && index.posts().stream().noneMatch(page -> page.route().outputPath().equals(NOT_FOUND_PATH))
                && statics.stream().noneMatch(file -> file.outputPath().equals(NOT_FOUND_PATH));
    }

    /** Whether the site gets an archive page: it has posts, and a layout for it (its own or the theme's). */
    boolean writesArchive() {
        return !index.posts().isEmpty() && layouts.wants("archive");
    }

    /** How two claims on one URL among {@code jobs} (and the pages that only send readers on) are reported. */
    private UrlClashes clashes(List<Job> jobs) {
        Map<String, Page> pages = new java.util.HashMap<>();
        for (List<Page> list : withHomeText()) {
            list.forEach(page -> pages.put(page.path(), page));
        }
        Map<String, UrlClashes.Maker> made = new java.util.HashMap<>();
        jobs.stream().filter(job -> job.maker() != null).forEach(job -> made.put(job.origin(), job.maker()));
        return new UrlClashes(config, pages, made);
    }

    /**
     * Lays out every page and gathers the site's files, the bytes of {@code statics} read by {@code reader};
     * each file's bytes go to {@code out} as soon as they are made.
     */
    SiteOutput assemble(List<StaticFile> statics, java.util.function.Function<StaticFile, byte[]> reader,
                        SiteOutput.Builder out) {
        List<Job> jobs = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<Page> moved = new ArrayList<>(); // pages that only send readers on (redirect_to)
        for (List<Page> pages : List.of(index.posts(), index.pages())) {
            for (Page page : pages) {
                if (page.front().redirectTo() != null) {
                    moved.add(page);
                } else {
                    jobs.add(pageJob(page, problems));
                }
            }
        }
        // Moved by paginate_path (/blog/), the post list is no longer the home page.
        String list = config.paginatePath() == null ? "the home page" : "the post list";
        Page text = index.homeText();
        for (Pagination home : index.home()) {
            // The text of content/index.md is the first page's body; every page has its title and description.
            Body body = text != null && home.number() == 1 ? text.body() : null;
            if (body != null) {
                sources.put(home.route().outputPath(), text.path());
            }
            jobs.add(new Job(home.route(), list, () -> views.forHome(home), "home", home.route().outputPath(), body,
                    () -> views.dependencies(home.route().outputPath(), text),
                    new UrlClashes.Maker(UrlClashes.PAGINATE_PATH, false)));
        }
        if (!index.tags().isEmpty()) {
            used.addAll(java.util.List.of("tag", "tags"));
        }
        for (Tag tag : index.tags()) {
            jobs.add(new Job(tag.route(), "the page of tag '" + tag.name() + "'", () -> views.forTag(tag), "tag",
                    () -> views.dependencies(tag.route().outputPath()),
                    new UrlClashes.Maker(UrlClashes.TAG_PERMALINK, true)));
        }
        if (!index.tags().isEmpty()) {
            Route tags = SiteIndex.tagsIndexRoute(config);
            jobs.add(new Job(tags, "the index of tags", () -> views.forTags(tags.url()), "tags",
                    () -> views.dependencies(tags.outputPath()),
                    new UrlClashes.Maker(UrlClashes.TAG_PERMALINK, false)));
        }
        if (writesArchive()) {
            used.add("archive");
            Route archive = SiteIndex.archiveRoute(config);
            jobs.add(new Job(archive, "the archive", () -> views.forArchive(archive.url()), "archive",
                    () -> views.dependencies(archive.outputPath()),
                    new UrlClashes.Maker(UrlClashes.ARCHIVE_PERMALINK, false)));
        }
        if (writesNotFound(statics)) {
            used.add(NOT_FOUND);
            Route notFound = Route.ofPath("/" + NOT_FOUND_PATH);
            jobs.add(new Job(notFound, "the 404 page", () -> views.forNotFound(notFound.url()), NOT_FOUND,
                    () -> views.dependencies(notFound.outputPath()), null));
        }
        if (!problems.isEmpty()) {
            throw new SiteException(problems);
        }
        // Paths are claimed in this order before any page is laid out, so that the first claim on a path
        // wins whichever thread lays its page out first.
        UrlClashes clashes = clashes(jobs);
        for (Job job : jobs) {
            String earlier = out.claim(job.route().outputPath(), job.origin());
            if (earlier != null) {
                problems.add(clashes.of(earlier, job.route().url(), job.origin()));
            }
        }
        for (Page page : moved) {
            String earlier = out.claim(page.route().outputPath(), page.path());
            if (earlier != null) {
                problems.add(clashes.of(earlier, page.url(), page.path()));
            }
        }
        List<Redirect> redirects = redirects(out, problems);
        List<StaticFile> staticsClaimed = new ArrayList<>();
        for (StaticFile file : statics) {
            String earlier = out.claim(file.outputPath(), file.sourcePath());
            if (earlier != null) {
                problems.add(clashes.ofStatic(earlier, file));
            } else {
                staticsClaimed.add(file);
            }
        }
        out.folderClashes().forEach((file, inside) -> problems.add(Problem.inFile(out.origin(file),
                "its output " + file + " is also the folder of " + inside + " (from " + out.origin(inside)
                        + "): a site cannot hold both; rename or move one of them")));
        if (!problems.isEmpty()) {
            throw new SiteException(problems);
        }
        // Each page goes to the output as soon as it is laid out: a one-off build writes it to disk there,
        // so that the pages of a large site are not all held at once.
        List<Object> failures = parallel.map(jobs, job -> {
            try {
                out.put(job.route().outputPath(), laidOut.get(job.route().outputPath(),
                        new LayoutInputs(layouts.sources(), job.layout(), config.basePath(), job.body(),
                                job.dependencies().get(), job.context()),
                        in -> timings.layout(job.name(), in.layout, () -> emoji(job.route().outputPath(), page(in)))));
                return null;
            } catch (LayoutError.Failure | SiteException e) {
                return e; // gathered below, with every other page's
            }
        });
        failed(jobs, failures);
        for (Redirect r : redirects) {
            out.put(r.from().outputPath(), redirectTo(r.to().url()));
        }
        for (Page page : moved) {
            out.put(page.route().outputPath(), redirectTo(page.front().redirectTo()));
        }
        for (StaticFile file : staticsClaimed) {
            out.put(file.outputPath(), reader.apply(file));
        }
        // The site's own files win over the built-in theme's and over generated feeds, sitemap and robots.txt.
        layouts.themeAssets(used).forEach((path, bytes) -> out.add(path, bytes, "the built-in theme"));
        generated().forEach((path, bytes) -> out.add(path, bytes, "Kiln"));
        out.add(".nojekyll", new byte[0], "Kiln");
        return out.build();
    }

    /**
     * Throws the problems of the jobs that failed ({@code failures}, by job, null for one that did not): a
     * layout error that many pages met is one problem, naming the first of them and told with its values.
     */
    private static void failed(List<Job> jobs, List<Object> failures) {
        List<Problem> problems = new ArrayList<>();
        Map<LayoutError, LayoutError> first = new LinkedHashMap<>();
        Map<LayoutError, List<String>> pages = new java.util.HashMap<>();
        for (int i = 0; i < jobs.size(); i++) {
            if (failures.get(i) instanceof SiteException e) {
                problems.addAll(e.problems());
            } else if (failures.get(i) instanceof LayoutError.Failure f) {
                first.putIfAbsent(f.error().general(), f.error());
                pages.computeIfAbsent(f.error().general(), error -> new ArrayList<>()).add(jobs.get(i).origin());
            }
        }
        first.forEach((general, error) -> problems.add(error.problem(pages.get(general))));
        if (!problems.isEmpty()) {
            throw new SiteException(problems);
        }
    }

    /** The posts, the pages, and the page that gives the home page its text (content/index.md), if any. */
    private List<List<Page>> withHomeText() {
        return index.homeText() == null ? List.of(index.posts(), index.pages())
                : List.of(index.posts(), index.pages(), List.of(index.homeText()));
    }

    /** A page at an old URL of {@code to}, sending readers on to it. */
    private record Redirect(Route from, Page to) {}

    /**
     * A page sending readers to {@code to}, a URL or a path of this site: the path under the base path (a preview
     * stays on its server), its canonical link absolute when the site's URL is known.
     */
    private byte[] redirectTo(String to) {
        String target = to.startsWith("/") ? config.basePath() + to : to;
        String canonical = to.startsWith("/") && !config.rootUrl().isEmpty() ? config.rootUrl() + to : target;
        return RedirectPage.html(target, canonical).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Claims the old URLs of every post and page ({@code redirect_from}, {@code aliases}), after the pages' own
     * URLs; an old URL that another page or file has is a problem at the page's front matter.
     */
    private List<Redirect> redirects(SiteOutput.Builder out, List<Problem> problems) {
        List<Redirect> redirects = new ArrayList<>();
        for (List<Page> pages : withHomeText()) {
            for (Page page : pages) {
                if (page.front().redirectFrom().isEmpty() && page.front().aliases().isEmpty()) {
                    continue;
                }
                List<Permalinks.OldUrl> routes;
                try {
                    routes = Permalinks.redirects(page.draft(), page.route());
                } catch (SiteException e) {
                    problems.addAll(e.problems());
                    continue;
                }
                for (Permalinks.OldUrl old : routes) {
                    String key = old.key();
                    Route from = old.route();
                    String earlier = out.claim(from.outputPath(), key + " of " + page.path());
                    if (earlier != null) {
                        problems.add(page.front().at(key).problem(page.path(), key + " " + from.url()
                                + " is also the URL of " + earlier + ": take it out of " + key));
                    } else {
                        redirects.add(new Redirect(from, page));
                    }
                }
            }
        }
        return redirects;
    }

    /**
     * The site feed, each tag's feed, the sitemap (when the site's URL is known), robots.txt and CNAME (when
     * base_url is at a custom domain), by output path.
     */
    private Map<String, byte[]> generated() {
        // A post's entry is the same in every feed that holds it (whole posts in some, excerpts in others):
        // written once for each, and kept while the post is.
        Map<String, byte[]> files = new java.util.TreeMap<>();
        List<FeedInputs> feeds = new java.util.ArrayList<>();
        feeds.add(new FeedInputs(config, config.title(), config.feed().path(), "/", newest(index.posts()),
                config.feed().fullContent()));
        for (Tag tag : index.tags()) {
            feeds.add(new FeedInputs(config, config.title() + ": " + tag.name(), tag.feedUrl(), tag.route().url(),
                    newest(tag.posts()), config.feed().tagFullContent()));
        }
        List<byte[]> written = parallel.map(feeds, f -> generated.get(f.feedUrl(), f,
                same -> FeedWriter.atom(f.config(), f.title(), f.feedUrl(), f.pageUrl(), f.posts(),
                        post -> entry(post, f.full()))));
        for (int i = 0; i < feeds.size(); i++) {
            files.put(feeds.get(i).feedUrl().substring(1), written.get(i));
        }
        // A sitemap's URLs must be absolute (sitemaps.org): without base_url none is written (robots.txt, which
        // would name it, names none either), and kiln build says so.
        if (!config.rootUrl().isEmpty()) {
            SitemapInputs sitemap = new SitemapInputs(config, SitemapWriter.entries(config, index, writesArchive()));
            files.put(SITEMAP, generated.get(SITEMAP, sitemap, same -> SitemapWriter.sitemap(config, sitemap.entries())));
        }
        files.put("robots.txt", SitemapWriter.robots(config));
        // GitHub Pages keeps a custom domain of a site deployed from a branch only while the branch holds its CNAME
        // file (a deployment by GitHub Actions reads the repository's settings instead, and ignores the file).
        if (!config.customDomain().isEmpty()) {
            files.put("CNAME", (config.customDomain() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    /** Everything a feed's bytes depend on; unchanged pages are the same objects, so comparing is cheap. */
    record FeedInputs(SiteConfig config, String title, String feedUrl, String pageUrl, List<Page> posts,
                      boolean full) {}

    /** Everything the sitemap's bytes depend on. */
    record SitemapInputs(SiteConfig config, List<SitemapWriter.Entry> entries) {}

    private static final String SITEMAP = "sitemap.xml";

    /** The keys under which the feeds and the sitemap of the site {@code index} holds are remembered. */
    static java.util.Set<String> generatedKeys(SiteIndex index, SiteConfig config) {
        java.util.Set<String> keys = new java.util.HashSet<>(List.of(config.feed().path(), SITEMAP));
        index.tags().forEach(tag -> keys.add(tag.feedUrl()));
        return keys;
    }

    /** Where the feed entry of {@code post}, with the whole post or its excerpt, is remembered. */
    static String entryKey(Page post, boolean full) {
        return (full ? "full:" : "excerpt:") + post.url();
    }

    /** The feed entry of {@code post}, with the whole post or its excerpt. */
    private String entry(Page post, boolean full) {
        return entries.get(entryKey(post, full), new EntryInputs(config, post, full), in -> {
            String body = in.full() ? in.post().body().html() : in.post().body().excerptHtml();
            return FeedWriter.entry(in.config(), in.post(), FeedBody.of(body, in.config().rootUrl()));
        });
    }

    /** A post's feed entry depends on the post and the site's settings only. */
    record EntryInputs(SiteConfig config, Page post, boolean full) {}

    private List<Page> newest(List<Page> posts) {
        return List.copyOf(posts.subList(0, Math.min(posts.size(), config.feed().limit())));
    }

    private Job pageJob(Page page, List<Problem> problems) {
        String layout = page.layout();
        used.add(layout);
        if (!layouts.exists(layout)) {
            Position at = page.front().at("layout");
            String own = page.isPost() ? "post" : "page";
            // Jekyll's themes lay pages out in default, Hugo in single.
            String habit = layout.equals("default") ? "Jekyll's default" : layout.equals("single") ? "Hugo's single"
                    : null;
            String hint = habit != null
                    ? ": " + habit + " layout is Kiln's " + own + " here (base is the frame of every page):"
                    + " write layout: " + own + ", or leave layout out"
                    : ": add layouts/" + layout + ".peb, or name one of them (leave layout out for " + own + ")";
            problems.add(at.problem(page.path(), "unknown layout '" + layout + "' (layouts: " + layouts.names() + ")"
                    + hint));
        } else if (layout.equals("home") && !page.isPost() && !layouts.ownsLayout("home")) {
            // The built-in theme's home lays out the post list (its paginator), which this page is not.
            problems.add(page.front().at("layout").problem(page.path(), "layout: home lays out the post list, at "
                    + config.listUrl(1) + ", not a page of its own: give this page the layout page (or none)"
                    + (config.paginatePath() != null && page.url().equals("/") ? ", or remove paginate_path from "
                    + SiteConfig.FILE + " to make it the home page's text, above the post list" : "")));
        }
        sources.put(page.route().outputPath(), page.path());
        return new Job(page.route(), page.path(), () -> views.forPage(page), layout, page.path(), page.body(),
                () -> views.dependencies(page), null);
    }

    /** The page a job's layout makes of its context and body. */
    private byte[] page(LayoutInputs in) {
        if (in.body == null) {
            return html(in.layout, in.context(), null, null);
        }
        String content = in.body.html();
        return html(in.layout, Views.withContent(in.context(), content), content, in.body.utf8());
    }

    /**
     * The laid-out page at {@code outputPath}, {@code html}, with the emoji codes of its body's text replaced for a
     * site of {@code emoji: text} when it is an HTML page, as jemoji replaced them in each page's output after its
     * layout (the layout's text too: a title in a heading, a list page's entries); the same bytes otherwise, and
     * for any other site, which pays nothing for it.
     */
    private byte[] emoji(String outputPath, byte[] html) {
        if (config.emoji() != SiteConfig.Emoji.TEXT || !(outputPath.endsWith(".html") || outputPath.endsWith(".htm"))) {
            return html;
        }
        return PageEmoji.replace(html);
    }

    /** {@code context} laid out by {@code layout}, in UTF-8; {@code known} is kept as {@code knownUtf8}. */
    private byte[] html(String layout, Map<String, Object> context, String known, byte[] knownUtf8) {
        if (config.basePath().isEmpty()) {
            return layouts.renderUtf8(layout, context, known, knownUtf8, timings);
        }
        String html = BasePath.apply(layouts.render(layout, context, timings), config.basePath());
        return html.getBytes(StandardCharsets.UTF_8);
    }
}
