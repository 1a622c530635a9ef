package dev.kiln.jekyll;

import dev.kiln.config.SiteConfig;
import dev.kiln.content.DateParser;
import dev.kiln.content.DraftPage;
import dev.kiln.content.FrontMatterParser;
import dev.kiln.content.PageKind;
import dev.kiln.content.Permalinks;
import dev.kiln.content.SiteConfigReader;
import dev.kiln.content.SourceFile;
import dev.kiln.content.YamlDocument;
import dev.kiln.content.YamlReader;
import dev.kiln.content.YamlText;
import dev.kiln.error.Problem;
import dev.kiln.error.SiteException;
import dev.kiln.highlight.Highlighter;
import dev.kiln.markdown.Liquid;
import dev.kiln.markdown.MarkdownRenderer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Converts a Jekyll site ({@link JekyllSite}) into a Kiln site folder and reports what it did. */
public final class Importer {

    private static final Set<String> KILN_LAYOUTS = Set.of("post", "page");
    /** What a Kiln permalink cannot hold: '#', '?', a backslash, a control character, ':' before a letter. */
    private static final java.util.regex.Pattern WRITABLE =
            java.util.regex.Pattern.compile("[#?\\\\\\x00-\\x1f\\x7f]|:(?=[A-Za-z])");

    /**
     * A file to write: its Jekyll source, its front matter with defaults, where it goes, whether it is a draft, its
     * edit, its Jekyll URL (null when Jekyll does not publish it).
     */
    private record Planned(JekyllFile source, JekyllFile effective, String dest, PageKind kind, boolean draft,
                           FrontMatterEdit edit, String jekyllUrl) {}

    /** A planned file with the page Kiln will read from it and its Kiln URL. */
    private record Routed(Planned planned, DraftPage page, String url) {}

    private final Path src;
    /** The moment of the import, which decides which posts Jekyll left out as future ones. */
    private final java.time.Instant now = java.time.Instant.now();
    private final Path dest;
    private final JekyllSite site;
    private final List<String> warnings = new ArrayList<>();
    private final List<String> leftOut = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Integer> droppedLayouts = new TreeMap<>();
    /** Jekyll's paginate_path, when its post list lived in a folder of its own ({@code /blog/}); else null. */
    private String paginatePath;
    /** Where Kiln's archive goes when a page of the site has its URL; else null. */
    private String archivePermalink;
    /** A list Liquid generates: a loop over the site's posts, tags or categories, or the paginator's posts. */
    private static final java.util.regex.Pattern LIQUID_LIST = java.util.regex.Pattern.compile(
            "\\{%-?\\s*for\\s+\\S+\\s+in\\s+(site\\.(posts|tags|categories)|paginator\\.posts)\\b");
    /** The {@code layout:} line of a Jekyll layout's front matter. */
    private static final java.util.regex.Pattern LAYOUT_OF_LAYOUT = java.util.regex.Pattern.compile(
            "\\A---\\r?\\n(?:(?!---).*\\r?\\n)*?layout:[ \\t]*[\"']?([\\w.-]+)");
    /** Where Kiln's post list goes when a page that is no list has {@code /} and Jekyll had no list elsewhere. */
    static final String MOVED_LIST = "/posts/page:num/";
    /** Where Kiln's archive goes when a page that is no generated list has its URL. */
    static final String MOVED_ARCHIVE = "/archive/all/";

    private Importer(Path src, Path dest) {
        this.src = src;
        this.dest = dest;
        this.site = JekyllSite.read(src);
        warnings.addAll(site.warnings());
        leftOut.addAll(site.leftOut());
        problems.addAll(site.problems());
    }

    /** Imports the Jekyll site in {@code src} into the new folder {@code dest}. */
    public static ImportReport run(Path src, Path dest, boolean allowUrlChanges) {
        return new Importer(src, dest).importSite(allowUrlChanges);
    }

    private ImportReport importSite(boolean allowUrlChanges) {
        List<Planned> posts = planPosts(site.posts(), false);
        List<Planned> drafts = planPosts(site.drafts(), true);
        List<Planned> all = new ArrayList<>(posts);
        all.addAll(drafts);
        var archives = JekyllArchives.of(site.config(), src, warnings);
        TagPages tags = TagPages.of(site, all.stream().map(Planned::effective).toList(), archives);
        archives.map(JekyllArchives::notKept).filter(kinds -> !kinds.isEmpty()).ifPresent(kinds -> warnings.add(
                "_config.yml: jekyll-archives' pages of " + String.join(", ", kinds) + " are not carried over: Kiln "
                        + "makes none (its /archive/ lists every post by year and month)"));
        List<Planned> pages = planPages(tags, all);
        droppedLayouts.forEach((name, n) -> warnings.add("layout '" + name + "' dropped from " + n
                + " file(s): Kiln's built-in theme lays them out"));

        String siteYml = SiteYml.of(site.config(), new SiteYml.Choices(tags.permalink(), includedStatics(),
                paginatePath, archivePermalink, feedPath()), warnings);
        warnings.addAll(KramdownOptions.warnings(site.config()));
        // Their documents would be left behind: that is lost content, not a warning.
        problems.addAll(collections(site.config()));
        SiteConfig kiln = kilnConfig(siteYml);
        List<Routed> routed = new ArrayList<>();
        Map<String, String> destinations = new TreeMap<>();
        for (Planned p : concat(pages, all)) {
            String other = destinations.putIfAbsent(p.dest(), p.source().path());
            if (other != null) {
                problems.add(Problem.inFile(p.source().path(), "Kiln reads it as " + p.dest() + ", as it reads "
                        + other + ": not imported; rename one of them"));
                leftOut.add(p.source().path() + ": not imported, for its problem above");
            } else {
                route(p, kiln).ifPresent(routed::add);
            }
        }
        List<ImportReport.UrlChange> changes = new ArrayList<>();
        for (Routed r : routed) {
            Planned p = r.planned();
            if (!r.page().isDraft() && p.jekyllUrl() != null && !sameUrl(p.jekyllUrl(), r.url())) {
                changes.add(new ImportReport.UrlChange(p.source().path(), p.jekyllUrl(), r.url()));
            }
        }
        checkAgainstJekyllsBuild(routed);
        archives.filter(a -> a.tagPermalink() != null)
                .ifPresent(a -> changes.addAll(a.tagChanges(publishedTags(routed), kiln.tagPermalink())));

        List<LiquidConverter.Leftover> leftovers = new ArrayList<>();
        int converted = 0;
        try {
            Files.createDirectories(dest);
            write(dest.resolve(SiteConfig.FILE), siteYml);
            converted = writeFiles(routed, leftovers);
            copyStatics();
            if (allowUrlChanges) {
                Redirects.writeFor(changes, dest.resolve("content"), kiln, problems);
            }
            // The posts Jekyll published: not drafts, not unpublished, not dated after the import unless future.
            long published = routed.stream().filter(r -> r.page().kind() == PageKind.POST
                    && r.planned().jekyllUrl() != null && !future(r.planned().effective())).count();
            Redirects.writePagination(site.config(), published, kiln, dest.resolve("content"));
        } catch (IOException e) {
            problems.add(Problem.inFile(dest.toString(), "cannot write: " + e.getMessage()));
        }
        leftovers.sort(Comparator.comparing(LiquidConverter.Leftover::path)
                .thenComparingInt(LiquidConverter.Leftover::line));
        return new ImportReport(count(routed, PageKind.POST, false), count(routed, PageKind.PAGE, false),
                count(routed, PageKind.POST, true), site.statics().size(), converted, leftovers, warnings, leftOut,
                changes, allowUrlChanges, problems);
    }

    /**
     * The URL comparison above compares Kiln's URL with the import's own reading of Jekyll's rules, so a rule it
     * reads wrongly changes both alike and shows no difference. Jekyll's last build, when the site has one
     * ({@code _site/}), is a second witness: a published post or page whose Jekyll URL has no file there is a
     * warning.
     */
    private void checkAgainstJekyllsBuild(List<Routed> routed) {
        Path built = src.resolve("_site");
        if (!Files.isDirectory(built)) {
            return;
        }
        for (Routed r : routed) {
            String url = r.planned().jekyllUrl();
            boolean published = url != null && !r.page().isDraft()
                    && !Boolean.FALSE.equals(r.planned().effective().yaml().values().get("published"))
                    && !(r.planned().kind() == PageKind.POST && future(r.planned().effective()));
            if (published && !builtHas(built, url)) {
                warnings.add(r.planned().source().path() + ": Jekyll's last build (_site/) has no file for " + url
                        + ", the URL the import reads Jekyll's rules to give it (and Kiln gives it " + r.url()
                        + "): if _site/ is up to date, its URL may change; find its file in _site/ and set that "
                        + "URL as its permalink: in the Jekyll site, then import again");
            }
        }
    }

    private static boolean builtHas(Path built, String url) {
        try {
            return Files.isRegularFile(built.resolve(Redirects.file(url)));
        } catch (java.nio.file.InvalidPathException e) {
            return true; // a name no file can have here: no witness either way
        }
    }

    /**
     * The path of the site's one feed when a hand-made one ({@code atom.xml} looping over {@code site.posts}) was
     * it: Kiln's feed goes there, kept up to date at each build, where a copy of the file Jekyll wrote would
     * never change. A second feed (or jekyll-feed's beside it) cannot be kept so: it is left out, with what to do.
     */
    private String feedPath() {
        Object plugins = site.config().values().get("plugins");
        boolean jekyllFeed = plugins instanceof List<?> list && list.contains("jekyll-feed")
                || site.config().values().get("feed") instanceof Map<?, ?> m && m.get("path") != null;
        String kept = null;
        for (String feed : site.feeds()) {
            if (kept == null && !jekyllFeed) {
                kept = "/" + feed;
                warnings.add(feed + ": a feed Liquid wrote: not imported; Kiln writes the site's feed there "
                        + "(feed: {path: " + kept + "} in site.yml), updated at each build");
            } else {
                leftOut.add(feed + ": a feed Liquid wrote, beside the site's " + (kept != null ? kept
                        : "jekyll-feed one") + ": not imported; Kiln writes one feed of the site (feed.path in "
                        + "site.yml) and one for each tag (/tags/<slug>/feed.xml); point its readers to one of those");
            }
        }
        return kept;
    }

    /**
     * The entries of Jekyll's {@code include:} that name a hidden file or folder it published as it is
     * ({@code .well-known}): Kiln's {@code site.yml} names them too, so that it publishes them at the same paths.
     */
    private List<String> includedStatics() {
        List<String> out = new ArrayList<>();
        for (String entry : site.config().include()) {
            boolean hidden = java.util.Arrays.stream(entry.split("/")).anyMatch(n -> n.startsWith(".")
                    || n.startsWith("#") || n.endsWith("~"));
            boolean used = site.statics().stream().anyMatch(s -> s.equals(entry) || s.startsWith(entry + "/")
                    || List.of(s.split("/")).contains(entry));
            if (hidden && used && !out.contains(entry)) {
                out.add(entry);
            }
        }
        return out;
    }

    /** The tags of the posts Jekyll published, in the order it met them: its posts oldest first. */
    private List<String> publishedTags(List<Routed> routed) {
        // Each post's date read once, not at every comparison of the sort.
        record Dated(Planned post, java.time.ZonedDateTime date) {}
        return routed.stream().map(Routed::planned)
                .filter(p -> p.kind() == PageKind.POST && p.jekyllUrl() != null)
                .map(p -> new Dated(p, JekyllUrls.date(p.effective(), site.config()).orElseThrow()))
                .sorted(Comparator.comparing(Dated::date).thenComparing(d -> d.post().source().path()))
                .flatMap(d -> TagPages.tags(d.post().effective()).stream()).distinct().toList();
    }

    private static List<Planned> concat(List<Planned> a, List<Planned> b) {
        List<Planned> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** How many of the files written are of {@code kind}, drafts or not. */
    private static int count(List<Routed> routed, PageKind kind, boolean drafts) {
        return (int) routed.stream().map(Routed::planned).filter(p -> p.kind() == kind && p.draft() == drafts).count();
    }

    private List<Planned> planPosts(List<JekyllFile> files, boolean drafts) {
        List<Planned> planned = new ArrayList<>();
        for (JekyllFile file : files) {
            Planned p = plan(file, drafts ? "drafts" : "posts", drafts);
            if (drafts && JekyllUrls.date(p.effective(), site.config()).isEmpty()) {
                // Jekyll dates a draft by its file's modification time.
                p.edit().set("date", modified(src.resolve(file.path())));
            }
            planned.add(p);
        }
        return planned;
    }

    /**
     * The pages to import: not the post lists, tag pages and archive Kiln generates (a page at their URL that
     * is no list Liquid generates is kept, its clash reported), nor pages Kiln would take as posts.
     */
    private List<Planned> planPages(TagPages tags, List<Planned> posts) {
        List<Planned> planned = new ArrayList<>();
        String jekyllsList = jekyllListFolder();
        String listFolder = jekyllsList;
        // Each page's Jekyll URL, and whether it is a list (which may read its layouts), found once.
        Map<JekyllFile, String> pageUrls = new java.util.IdentityHashMap<>();
        Set<JekyllFile> lists = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (JekyllFile page : site.pages()) {
            pageUrls.put(page, JekyllUrls.page(effective(page, "pages"), site.config()));
            if (isList(page)) {
                lists.add(page);
            }
        }
        boolean listMoves = !listFolder.equals("/") && site.pages().stream().anyMatch(page -> lists.contains(page)
                && isFolder(pageUrls.get(page), jekyllsList));
        if (listMoves) {
            // Kiln's post list goes where Jekyll's was, with its pages at the same URLs.
            paginatePath = "/" + String.valueOf(site.config().values().get("paginate_path")).strip()
                    .replaceFirst("^/+", "");
        } else if (site.pages().stream().anyMatch(page -> !lists.contains(page) && isFolder(pageUrls.get(page), "/"))) {
            // Jekyll had a page at / and no post list in a folder: the page keeps /, and Kiln's post list, which
            // Jekyll did not have, goes to a folder of its own, when nothing of the site is there.
            java.util.stream.Stream<String> urls = java.util.stream.Stream.concat(
                    site.pages().stream().map(pageUrls::get),
                    posts.stream().map(Planned::jekyllUrl).filter(java.util.Objects::nonNull));
            if (urls.noneMatch(url -> JekyllUrls.unescape(url).matches("/posts(/|/index\\.html|/page\\d+.*)?"))) {
                paginatePath = MOVED_LIST;
                listMoves = true;
                listFolder = "/posts/";
            }
        }
        for (JekyllFile page : site.pages()) {
            String url = pageUrls.get(page);
            boolean list = lists.contains(page);
            if (isFolder(url, "/") && !list && MOVED_LIST.equals(paginatePath)) {
                warnings.add(page.path() + ": a page at / that is no post list: imported; Kiln's post list, which "
                        + "Jekyll did not have there, goes to " + listFolder + " (paginate_path in site.yml)");
                planned.add(plan(page, "pages", false));
            } else if (listMoves && list && isFolder(url, listFolder)) {
                warnings.add(page.path() + ": the post list at " + listFolder + " (paginate_path): not imported, "
                        + "Kiln writes its own there (paginate_path in site.yml)");
            } else if (isFolder(url, "/") && (list || !listMoves)) {
                if (list) {
                    warnings.add(page.path() + ": the home page: not imported, Kiln writes its own (with the post list)");
                } else {
                    problems.add(Problem.inFile(page.path(), "a page at / that is no post list: imported, but Kiln "
                            + "writes its post list at / too, so the site does not build; set paginate_path: in "
                            + "site.yml (like /blog/page:num/) to give the post list a folder of its own, or give "
                            + "this page another permalink:"));
                    planned.add(plan(page, "pages", false));
                }
            } else if (tags.generates(page, url) && (list || !url.equals(tags.indexUrl()))) {
                warnings.add(page.path() + ": hand-made tag page " + url + ": not imported, Kiln generates it");
            } else if (tags.generates(page, url)) {
                problems.add(Problem.inFile(page.path(), "a page at " + url + " that is no list of tags: imported, "
                        + "but Kiln writes its index of tags there too, so the site does not build; set "
                        + "tag_permalink: in site.yml to put the tag pages in another folder, or give this page "
                        + "another permalink:"));
                planned.add(plan(page, "pages", false));
            } else if (isFolder(url, SiteConfig.DEFAULT_ARCHIVE_PERMALINK) && list) {
                warnings.add(page.path() + ": hand-made archive " + url + ": not imported, Kiln generates it");
            } else if (isFolder(url, SiteConfig.DEFAULT_ARCHIVE_PERMALINK)) {
                archivePermalink = MOVED_ARCHIVE;
                warnings.add(page.path() + ": a page at " + url + " that is no list of posts: imported; Kiln's "
                        + "archive (every post by month), a page Jekyll did not have, moves to " + MOVED_ARCHIVE
                        + " (archive_permalink in site.yml)");
                planned.add(plan(page, "pages", false));
            } else if (page.path().startsWith("posts/")) {
                leftOut.add(page.path() + ": a page under posts/, which Kiln would take for a post: not imported; "
                        + "move it to another folder (with a permalink: to keep its URL " + url + ")");
            } else {
                planned.add(plan(page, "pages", false));
            }
        }
        return planned;
    }

    /** Whether {@code page}'s body is a list Liquid generates (a loop over site.posts, site.tags, paginator.posts). */
    private boolean isList(JekyllFile page) {
        if (LIQUID_LIST.matcher(page.body()).find()) {
            return true;
        }
        Object layout = effective(page, "pages").yaml().values().get("layout");
        return layoutLists(layout == null ? null : layout.toString().strip(), 0);
    }

    /**
     * Whether the Jekyll layout {@code name}, or one it is laid out in, loops over the posts (as minima's
     * {@code home} does: {@code jekyll new}'s {@code index.markdown} is {@code layout: home} and nothing else). A layout
     * the site does not hold comes from its theme's gem: its {@code home} is taken for the post list it is in the
     * themes Jekyll users have.
     */
    private boolean layoutLists(String name, int depth) {
        if (name == null || name.isEmpty() || depth > 8 || name.contains("/") || name.contains("\\")) {
            return false;
        }
        java.nio.file.Path file = site.root().resolve("_layouts").resolve(name + ".html");
        if (!java.nio.file.Files.isRegularFile(file)) {
            return name.equals("home");
        }
        String text;
        try {
            text = java.nio.file.Files.readString(file);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return false;
        }
        if (LIQUID_LIST.matcher(text).find()) {
            return true;
        }
        java.util.regex.Matcher parent = LAYOUT_OF_LAYOUT.matcher(text);
        return parent.find() && layoutLists(parent.group(1), depth + 1);
    }

    /** Whether the page URL {@code url} is the folder {@code folder} ({@code /blog/} or {@code /blog/index.html}). */
    private static boolean isFolder(String url, String folder) {
        return sameUrl(url, folder) || sameUrl(url, folder + "index.html");
    }

    /**
     * The folder of Jekyll's post list when it paginated: the folder of its {@code paginate_path}
     * ({@code /blog/} for {@code /blog/page:num/}), where jekyll-paginate takes the {@code index.html} to list
     * the posts on; else {@code /}.
     */
    private String jekyllListFolder() {
        Object path = site.config().values().get("paginate_path");
        if (site.config().paginate() == null || site.config().paginate() <= 0 || path == null) {
            return "/";
        }
        String p = "/" + path.toString().strip().replaceAll("^/+|/+$", "");
        return p.substring(0, p.lastIndexOf('/') + 1);
    }

    /** Plans one file: its destination, defaults applied, layouts Kiln lacks dropped, categories from its path. */
    private Planned plan(JekyllFile file, String type, boolean draft) {
        JekyllFile effective = effective(file, type);
        FrontMatterEdit edit = new FrontMatterEdit(JekyllFrontMatter.kilnText(file.yamlText()));
        warnings.addAll(JekyllFrontMatter.warnings(file.path(), file.yamlText()));
        Map<String, Object> own = file.yaml().values();
        effective.yaml().values().forEach((k, v) -> {
            if (!own.containsKey(k)) {
                edit.set(k, v);
            }
        });
        keepJekyllsTags(file, effective, edit);
        String subpath = MediaSubpath.of(effective.yaml().values());
        imagePath(file, effective, edit, subpath);
        if (subpath != null && !MediaSubpath.namedInLiquid(file.body())) {
            // Applied to the cover here and to the body's images as it is written (writeFiles): Kiln has no such key.
            // Kept when the body's Liquid names it ({{ page.img_path }}x.png), which the import leaves for the author
            // to replace by its value: the value stays there to copy (page.params.img_path to Kiln's layouts).
            MediaSubpath.KEYS.forEach(edit::remove);
        }
        canonicalPath(effective, edit);
        Object layout = effective.yaml().values().get("layout");
        // layout: null (Jekyll's "no layout") too: Kiln refuses it, as it lays out every page.
        if (effective.yaml().values().containsKey("layout") && (layout == null || !KILN_LAYOUTS.contains(layout.toString()))) {
            edit.remove("layout");
            droppedLayouts.merge(String.valueOf(layout), 1, Integer::sum);
        }
        if (type.equals("pages")) {
            return new Planned(file, effective, "content/" + kilnName(file.path()), PageKind.PAGE, false, edit,
                    JekyllUrls.page(effective, site.config()));
        }
        String sub = kilnName(file.path().replaceFirst("^.*?_(posts|drafts)/", ""));
        List<String> pathCats = JekyllUrls.pathCategories(file, site.config());
        // Posts of blog/_posts/ go to content/posts/blog/, so that two _posts folders never clash.
        String prefix = pathCats.isEmpty() ? "" : String.join("/", pathCats) + "/";
        if (!pathCats.isEmpty()) {
            edit.remove("category");
            edit.set("categories", JekyllUrls.categories(effective, site.config()));
        }
        if (draft) {
            edit.set("draft", true);
        }
        String url = draft || Boolean.FALSE.equals(effective.yaml().values().get("published")) ? null
                : JekyllUrls.post(effective, site.config()).orElse(null);
        warnIfKilnReadsTheDateOtherwise(effective, edit);
        return new Planned(file, effective, "content/posts/" + prefix + (draft ? "drafts/" : "") + sub, PageKind.POST,
                draft, edit, url);
    }

    /**
     * A string of tags with a comma ({@code java, Spring Boot}), which Jekyll split at its spaces ({@code java,},
     * {@code Spring}, {@code Boot,}) and Kiln splits at its commas, is written as the list Jekyll read: the tags,
     * and the tag pages jekyll-archives made of them, stay what they were. A warning says what the author likely
     * meant, for them to write.
     */
    private void keepJekyllsTags(JekyllFile file, JekyllFile effective, FrontMatterEdit edit) {
        String key = effective.yaml().values().containsKey("tags") ? "tags" : "tag"; // as TagPages reads them
        if (!(effective.yaml().values().get(key) instanceof String written) || written.indexOf(',') < 0) {
            return;
        }
        List<String> jekyll = JekyllUrls.words(written);
        edit.set(key, jekyll);
        dev.kiln.error.Position at = file.yaml().values().containsKey(key)
                ? file.yaml().at(key, dev.kiln.error.Position.START) : null;
        List<String> meant = java.util.Arrays.stream(written.split(",")).map(String::strip)
                .filter(t -> !t.isEmpty()).toList();
        warnings.add(file.path() + (at == null ? " (from _config.yml's defaults)" : ":" + at.line() + ":" + at.column())
                + ": " + key + " '" + written + "' holds commas, which Jekyll kept in its tags (it split them at spaces: "
                + String.join(" ", jekyll.stream().map(t -> "'" + t + "'").toList()) + "): written as that list, so that"
                + " the tags and their pages stay as they were; write " + key + ": " + YamlText.value(meant)
                + " for the tags it likely meant (their pages then have other URLs)");
    }

    /**
     * A {@code canonical_url} written as a path with the site's {@code baseurl} in front, as jekyll-seo-tag prints it
     * as it is ({@code /blog/2019/05/05/original/}), is written as its path from the site root: Kiln adds the base path.
     */
    private void canonicalPath(JekyllFile effective, FrontMatterEdit edit) {
        String base = SiteYml.trimSlash(site.config().baseurl());
        if (effective.yaml().values().get("canonical_url") instanceof String url && !base.isEmpty()
                && url.strip().startsWith(base + "/")) {
            edit.set("canonical_url", url.strip().substring(base.length()));
        }
    }

    /**
     * jekyll-seo-tag's image map ({@code image: {path: /assets/img/cover.png, alt: A cover}}, Chirpy's cover) is
     * written as Kiln's {@code image}, its path: from the site root, as jekyll-seo-tag read it (Kiln reads a relative
     * one beside the post). Its other keys are dropped, its {@code alt} too (the theme shows the cover as decoration,
     * with no alt text); a warning at its line says so. With Chirpy's {@code subpath} (null: none), the path is the
     * one Chirpy made of it ({@link MediaSubpath}).
     */
    private void imagePath(JekyllFile file, JekyllFile effective, FrontMatterEdit edit, String subpath) {
        Object written = effective.yaml().values().get("image");
        String underSubpath = subpath != null && written instanceof String text ? MediaSubpath.url(subpath, text.strip())
                : null;
        if (underSubpath != null) {
            // Chirpy's cover and og:image are named from the page's media_subpath, as its images are.
            edit.set("image", underSubpath);
            return;
        }
        if (written instanceof String text && !text.isBlank() && !text.strip().startsWith("/")
                && !dev.kiln.content.Route.hasScheme(text.strip())) {
            // jekyll-seo-tag makes a relative image absolute from the site's root (absolute_url); Kiln reads it
            // beside the page, where an imported post has no files of its own.
            String image = "/" + text.strip();
            edit.set("image", image);
            dev.kiln.error.Position at = file.yaml().values().containsKey("image")
                    ? file.yaml().at("image", dev.kiln.error.Position.START) : null;
            warnings.add(file.path() + (at == null ? " (from _config.yml's defaults)" : ":" + at.line() + ":"
                    + at.column()) + ": image '" + text.strip() + "' is from the site's root for jekyll-seo-tag: written "
                    + "as image: " + image + ", as Kiln reads a relative image beside its page");
            return;
        }
        if (!(written instanceof Map<?, ?> map) || map.get("path") == null
                || map.get("path") instanceof Map || map.get("path") instanceof List) {
            return;
        }
        String path = map.get("path").toString().strip();
        String fromSubpath = subpath == null ? null : MediaSubpath.url(subpath, path);
        String image = fromSubpath != null ? fromSubpath
                : path.startsWith("/") || dev.kiln.content.Route.hasScheme(path) ? path : "/" + path;
        edit.set("image", image);
        dev.kiln.error.Position at = file.yaml().values().containsKey("image")
                ? file.yaml().at("image", dev.kiln.error.Position.START) : null;
        List<String> keys = map.keySet().stream().map(String::valueOf).toList();
        List<String> dropped = new ArrayList<>();
        map.forEach((k, v) -> {
            if (!"path".equals(k) && v != null) {
                dropped.add(k + " '" + v + "'");
            }
        });
        warnings.add(file.path() + (at == null ? " (from _config.yml's defaults)" : ":" + at.line() + ":" + at.column())
                + ": image is jekyll-seo-tag's map (" + String.join(", ", keys) + "): written as image: " + image
                + ", the form Kiln reads (the post's cover and its og:image)" + (dropped.isEmpty() ? ""
                : "; its " + String.join(", ", dropped) + " dropped: Kiln's theme shows the cover under the title as "
                + "decoration, with no alt text"));
    }

    /**
     * A problem for each collection {@code config} names under {@code collections:}, at its key there (a list's names
     * where {@code collections:} stands), naming its folder: their documents are not imported. The {@code posts}
     * collection's settings ({@code permalink}...) are not read either, and would give its posts other URLs.
     */
    private static List<Problem> collections(JekyllConfig config) {
        Object collections = config.values().get("collections");
        dev.kiln.error.Position key = config.keyPositions().getOrDefault("collections", dev.kiln.error.Position.START);
        List<String> names = collections instanceof Map<?, ?> map ? map.keySet().stream().map(String::valueOf).toList()
                : collections instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                : collections == null ? List.of() : List.of(String.valueOf(collections));
        String dir = config.collectionsDir().isEmpty() ? "" : config.collectionsDir() + "/";
        List<Problem> problems = new ArrayList<>();
        for (String name : names) {
            dev.kiln.error.Position at = collections instanceof Map<?, ?>
                    ? config.keyPositions().getOrDefault("collections." + name, key) : key;
            problems.add(at.problem("_config.yml", name.equals("posts")
                    ? "the posts collection's settings are not read by the import, and would give the posts other "
                    + "URLs than the import finds: write permalink at the top of _config.yml (or in defaults), "
                    + "then import again"
                    : "collection " + name + " is not imported (only posts, drafts and pages are): move its documents "
                    + "from " + dir + "_" + name + "/ to _posts/ or to pages, then import again"));
        }
        return problems;
    }

    /**
     * Whether Jekyll leaves {@code post} out as dated after its build (at the import's moment), as it does
     * unless {@code _config.yml} has {@code future: true}.
     */
    private boolean future(JekyllFile post) {
        return !Boolean.TRUE.equals(site.config().values().get("future"))
                && JekyllUrls.date(post, site.config()).map(d -> d.toInstant().isAfter(now)).orElse(false);
    }

    /**
     * A date that Jekyll read otherwise than Kiln does: a zone Ruby's {@code Time.parse} did not know (GMT+2, IST),
     * read in the site's; an unquoted time YAML read without a zone as UTC; the post keeps its URL, and is warned of.
     * A date Jekyll read in a form Kiln does not ({@code +1}, {@code Europe/Berlin}, {@code Y}) is written as Jekyll
     * read it, so that the post builds.
     */
    private void warnIfKilnReadsTheDateOtherwise(JekyllFile post, FrontMatterEdit edit) {
        String written = post.text("date");
        var jekyll = JekyllUrls.date(post, site.config());
        var kiln = written == null ? jekyll : DateParser.parse(written, site.config().zone());
        var own = JekyllUrls.frontMatterDate(post, site.config());
        if (written != null && kiln.isEmpty() && own.isPresent()) {
            String read = own.get().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx"));
            edit.set("date", read);
            warnings.add(post.path() + ": Kiln cannot read date '" + written + "', which Jekyll read as "
                    + own.get().toOffsetDateTime() + ": written as " + read + ", so the post keeps its URL and time");
        } else if (jekyll.isPresent() && kiln.isPresent() && !jekyll.get().isEqual(kiln.get())) {
            String why = JekyllUrls.isPlain(post, "date") && JekyllUrls.isYamlTime(written)
                    ? "as a YAML time (UTC when it names no zone, its offset as Ruby's DateTime.parse reads it)"
                    : "in the site's time zone (Ruby's Time.parse knows the zones of the US, UTC and the site's own, not this one)";
            warnings.add(post.path() + ": Jekyll read date '" + written + "' as " + jekyll.get().toOffsetDateTime()
                    + ", " + why + ", Kiln as " + kiln.get().toOffsetDateTime() + ": the post keeps its URL, "
                    + "and shows Kiln's time");
        }
    }

    /**
     * {@code path} as Kiln reads it: Markdown ends in {@code .md} (or {@code .markdown}), HTML in {@code .html}, and a
     * post's date has four digits for its year ({@code 19-1-9-x.mkd} is {@code 2019-01-09-x.md}).
     */
    private String kilnName(String path) {
        int slash = path.lastIndexOf('/');
        String name = path.substring(slash + 1);
        String ext = JekyllSite.extension(name);
        String base = name.substring(0, name.length() - ext.length() - 1);
        String kilnExt = switch (JekyllSite.Kind.of(name, site.config())) {
            case MARKDOWN -> ext.equals("md") || ext.equals("markdown") ? ext : "md";
            case HTML -> "html";
            default -> ext;
        };
        var day = JekyllUrls.fileDate(base);
        if (day.isPresent() && !base.matches("\\d{4}-.*")) {
            base = day.get() + base.replaceFirst("^\\d+-\\d+-\\d+", "");
        }
        return path.substring(0, slash + 1) + base + "." + kilnExt;
    }

    /** {@code file} with the front matter defaults of {@code _config.yml} that apply to it merged in. */
    private JekyllFile effective(JekyllFile file, String type) {
        Map<String, Object> values = new LinkedHashMap<>(file.yaml().values());
        for (Map<String, Object> entry : site.config().defaults()) {
            Map<?, ?> scope = entry.get("scope") instanceof Map<?, ?> m ? m : Map.of();
            Map<?, ?> given = entry.get("values") instanceof Map<?, ?> m ? m : Map.of();
            String path = scope.get("path") == null ? "" : scope.get("path").toString();
            Object scopeType = scope.get("type");
            if (path.contains("*")) {
                String warning = "_config.yml: defaults with the glob path '" + path + "' were not applied";
                if (!warnings.contains(warning)) {
                    warnings.add(warning);
                }
                continue;
            }
            boolean typeOk = scopeType == null || scopeType.toString().equals(type)
                    || (type.equals("drafts") && scopeType.toString().equals("posts"));
            // Jekyll reads a scope's path and a post's from the collections_dir (its strip_collections_dir).
            String own = type.equals("pages") ? file.path() : site.config().inCollections(file.path());
            path = type.equals("pages") ? path : site.config().inCollections(path);
            boolean pathOk = path.isEmpty() || own.equals(path) || own.startsWith(path + "/");
            if (typeOk && pathOk) {
                given.forEach((k, v) -> values.putIfAbsent(String.valueOf(k), v));
            }
        }
        return new JekyllFile(file.path(), file.yamlText(), new YamlDocument(values, Map.of()), file.body(),
                file.bodyLine());
    }

    private SiteConfig kilnConfig(String siteYml) {
        try {
            return SiteConfigReader.read(YamlReader.read(SiteConfig.FILE, siteYml, 1), siteYml);
        } catch (SiteException e) {
            problems.addAll(e.problems());
            return SiteConfig.defaults();
        }
    }

    /**
     * Kiln's page and URL for {@code p}. A published post or page whose Kiln URL would differ from Jekyll's,
     * or that Kiln's own rules cannot route (a page permalink with Jekyll's {@code :basename}, a title with a
     * {@code #}), is given Jekyll's URL as its permalink, so that it keeps it. Where Kiln cannot take that URL
     * either, the page keeps Kiln's, and the change is reported.
     */
    private java.util.Optional<Routed> route(Planned p, SiteConfig kiln) {
        DraftPage page = null;
        String url = null;
        SiteException failed = null;
        try {
            page = kilnPage(p.edit(), p, kiln);
            url = Permalinks.of(page, kiln).url();
        } catch (SiteException e) {
            failed = e;
        }
        if (p.jekyllUrl() != null && (failed != null || !page.isDraft() && !sameUrl(p.jekyllUrl(), url))) {
            // Jekyll's URL escapes its placeholders' values; a Kiln permalink is the path as its file is named,
            // where Jekyll decodes %XX (/a%20b/ is a%20b/ to Kiln): kept only when it gives Jekyll's URL.
            var kept = pinned(p, kiln, JekyllUrls.unescape(p.jekyllUrl()), keptUrl -> sameUrl(p.jekyllUrl(), keptUrl));
            if (kept.isPresent()) {
                return kept;
            }
            // Jekyll's URL is not one Kiln can write (it holds a '#', say): Kiln's own URL stands, and the
            // change is reported.
        }
        if (failed != null && p.jekyllUrl() != null) {
            // Neither Jekyll's URL nor Kiln's own can be written: the nearest to Jekyll's that can, so that
            // the page is not lost (and the change is reported).
            var kept = pinned(p, kiln, WRITABLE.matcher(JekyllUrls.unescape(p.jekyllUrl())).replaceAll("-"),
                    keptUrl -> true);
            if (kept.isPresent()) {
                return kept;
            }
        }
        if (failed != null) {
            // At the place in the Jekyll file: the edit keeps its lines, less those it removed.
            for (Problem x : failed.problems()) {
                int line = p.edit().fileLine(x.line());
                problems.add(line == 0 ? Problem.inFile(p.source().path(), x.message())
                        : new Problem(p.source().path(), line, x.column(), x.message()));
            }
            leftOut.add(p.source().path() + ": not imported, for its problem above");
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Routed(p, page, url));
    }

    /**
     * {@code p} with {@code permalink} set in its front matter, when Kiln can route it there and {@code accept}
     * takes the URL it gets; else empty, and {@code p}'s front matter as it was.
     */
    private static java.util.Optional<Routed> pinned(Planned p, SiteConfig kiln, String permalink,
                                                     java.util.function.Predicate<String> accept) {
        try {
            DraftPage kept = kilnPage(p.edit().copy().set("permalink", permalink), p, kiln);
            String keptUrl = Permalinks.of(kept, kiln).url();
            if (accept.test(keptUrl)) {
                p.edit().set("permalink", permalink);
                return java.util.Optional.of(new Routed(p, kept, keptUrl));
            }
        } catch (SiteException e) {
            // not a URL Kiln can write
        }
        return java.util.Optional.empty();
    }

    private static DraftPage kilnPage(FrontMatterEdit edit, Planned p, SiteConfig kiln) {
        return FrontMatterParser.parse(new SourceFile(p.dest(), edit.render("")), p.kind(), kiln.timezone());
    }

    /** Writes every post and page with its Liquid converted; returns how many pieces of Liquid were converted. */
    private int writeFiles(List<Routed> routed, List<LiquidConverter.Leftover> leftovers) throws IOException {
        Map<String, String> postUrls = new TreeMap<>();
        Map<String, String> links = new TreeMap<>();
        for (Routed r : routed) {
            JekyllFile source = r.planned().source();
            links.put(source.path(), r.url());
            if (r.planned().kind() == PageKind.POST) {
                postUrls.put(source.baseName(), r.url());
                postUrls.put(source.path().replaceFirst("^.*?_(posts|drafts)/", "").replaceFirst("\\.[^.]+$", ""),
                        r.url());
            }
        }
        site.statics().forEach(s -> links.put(s, "/" + s));
        JekyllConfig config = site.config();
        MarkdownRenderer markdown = new MarkdownRenderer(Highlighter.plain());
        LiquidConverter liquid = new LiquidConverter(new LiquidConverter.Context(SiteYml.trimSlash(config.url()),
                config.baseurl(), postUrls, links, site.includes(), this::siteText, KramdownOptions.lineNumbers(config)),
                markdown::raw,
                markdown::code);
        HeadingIds.Rule ids = HeadingIds.Rule.of(config);
        boolean kramdown = "kramdown".equalsIgnoreCase(String.valueOf(config.values().getOrDefault("markdown",
                "kramdown")));
        boolean parseBlockHtml = config.values().get("kramdown") instanceof Map<?, ?> k
                && Boolean.TRUE.equals(k.get("parse_block_html"));
        // What kramdown reads as raw: code, HTML, and the Liquid Jekyll ran before it (left where not converted).
        java.util.function.Function<String, java.util.BitSet> raw = text -> withLiquid(text, markdown.raw(text));
        int converted = 0;
        for (Routed r : routed) {
            Planned p = r.planned();
            LiquidConverter.Result result = liquid.convert(p.source().path(), p.source().body(), p.source().bodyLine());
            converted += result.converted();
            leftovers.addAll(result.leftovers());
            result.commentNote(p.source().path()).ifPresent(warnings::add);
            warnings.addAll(result.warnings());
            leftovers.addAll(frontMatterLiquid(p.source()));
            boolean markdownPage = p.dest().matches(".*\\.(md|markdown)$");
            // What a {% raw %} showed as text stays text, where Kiln's build would take it for Liquid left.
            String body = result.shownAsWritten(markdownPage ? markdown::liquidStarts : Liquid::startsInHtml);
            if (markdownPage) {
                if (kramdown) {
                    // Liquid first, as Jekyll runs it before kramdown; then line ends as kramdown reads them.
                    body = lineEnds(body);
                    // kramdown's end-of-block marker ^ ends the block above and shows nothing: first, so that what
                    // follows sees the blocks kramdown sees (a code block after it is no paragraph). Lines kept.
                    body = KramdownEndOfBlock.convert(body, raw);
                    // Each conversion's warnings name the line of the Jekyll file, wherever the ones before it
                    // moved the line to.
                    LineMap lines = LineMap.of(lineEnds(p.source().body()), p.source().bodyLine())
                            .then(lineEnds(p.source().body()), body);
                    // Extensions first: a {::comment} in an element read as text stays hidden.
                    // The page's own {::options parse_block_html} decides as the site's does.
                    KramdownExtensions.Result k = KramdownExtensions.convert(p.source().path(), body, lines,
                            markdown::code, parseBlockHtml);
                    warnings.addAll(k.warnings());
                    lines = lines.then(body, k.text());
                    SpanMarkdown span = new SpanMarkdown(markdown, raw, k.text());
                    // Without parse_block_html, a block element is raw to kramdown, blank lines and all.
                    String html = k.parseBlockHtml() ? k.text() : KramdownRawHtml.convert(k.text(), markdown::code);
                    lines = lines.then(k.text(), html);
                    KramdownHtml.Result h = KramdownHtml.convert(p.source().path(), html, lines,
                            k.parseBlockHtml(), markdown::code, span);
                    warnings.addAll(h.warnings());
                    lines = lines.then(html, h.text());
                    // Tables before math: kramdown splits a row at each pipe, one in $$...$$ too, and then reads
                    // each cell's math (SpanMarkdown); what is left is math in text.
                    KramdownTables.Result t = KramdownTables.convert(p.source().path(), h.text(), lines, raw,
                            markdown::paragraphs, span);
                    warnings.addAll(t.warnings());
                    // Bare URLs and "1)" are text to kramdown.
                    body = KramdownText.convert(KramdownMath.convert(t.text(), raw), markdown::bareLinks,
                            markdown::listParens);
                    // URLs with spaces are links to kramdown, text to CommonMark but in <...>.
                    body = KramdownUrls.convert(body, markdown::spacedUrls, raw);
                    // A quote paired with none after a word (an inch mark) is a closing quote to kramdown, straight to Kiln.
                    body = KramdownText.closingQuotes(body, markdown::straightQuotes);
                    // A table on the line right below a paragraph's text is that paragraph's text to kramdown.
                    body = KramdownText.paragraphTables(body, markdown::tableInterruptions);
                }
                // Every heading keeps the id Jekyll gave it: links to it, from the web too, still reach it.
                body = HeadingIds.pin(body, ids, markdown::headings);
            }
            String subpath = MediaSubpath.of(p.effective().yaml().values());
            if (subpath != null && (markdownPage || p.dest().endsWith(".html"))) {
                body = MediaSubpath.body(body, subpath, markdown, markdownPage);
            }
            write(dest.resolve(p.dest()), p.edit().render(body));
        }
        return converted;
    }

    /**
     * The text of the file at {@code path} of the Jekyll site (for {@code include_relative}), or null when there is
     * none, it leaves the site's folder or it is no UTF-8 text.
     */
    private String siteText(String path) {
        Path root = site.root().toAbsolutePath().normalize();
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            return dev.kiln.content.SourceLoader.readUtf8(file);
        } catch (java.nio.charset.CharacterCodingException | RuntimeException e) {
            return null;
        }
    }

    /** {@code text} with its line ends as kramdown reads them: Windows' {@code \r\n}, and {@code \r}, are {@code \n}. */
    private static String lineEnds(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** {@code raw} with the offsets of {@code text}'s Liquid ({@code {{ ... }}}, {@code {% ... %}}) set too. */
    static java.util.BitSet withLiquid(String text, java.util.BitSet raw) {
        if (text.contains("{{") || text.contains("{%")) {
            java.util.regex.Matcher m = LiquidConverter.TAG.matcher(text);
            while (m.find()) {
                raw.set(m.start(), m.end());
            }
        }
        return raw;
    }

    /** Liquid in front-matter values is left as it is (Kiln reads it as text): each line is reported. */
    private static List<LiquidConverter.Leftover> frontMatterLiquid(JekyllFile file) {
        List<LiquidConverter.Leftover> found = new ArrayList<>();
        if (file.yamlText() == null) {
            return found;
        }
        String[] lines = file.yamlText().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("{{") || lines[i].contains("{%")) {
                found.add(new LiquidConverter.Leftover(file.path(), i + 2, lines[i].strip()));
            }
        }
        return found;
    }

    /** Copies the files Jekyll copies as they are: {@code assets/} to {@code assets/}, the rest under {@code content/}. */
    private void copyStatics() {
        for (String file : site.statics()) {
            Path to = dest.resolve(file.startsWith("assets/") ? file : "content/" + file);
            try {
                Files.createDirectories(to.getParent());
                Files.copy(src.resolve(file), to);
            } catch (IOException e) {
                problems.add(Problem.inFile(file, "not copied to " + dest.relativize(to) + ": " + reason(e)
                        + ": fix what stands in the way, or copy it there by hand"));
            }
        }
    }

    /** Why a file operation failed, in words: the system's reason, not only the path it names. */
    static String reason(IOException e) {
        String kind = e.getClass().getSimpleName().replaceFirst("Exception$", "")
                .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        String why = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason() : null;
        return why != null ? kind + " (" + why + ")" : kind.equals("i o") ? String.valueOf(e.getMessage()) : kind;
    }

    /** Kiln percent-encodes what Jekyll leaves as it is: compare what the two URLs mean. */
    static boolean sameUrl(String jekyll, String kiln) {
        return jekyll != null && kiln != null && JekyllUrls.unescape(jekyll).equals(JekyllUrls.unescape(kiln));
    }

    private String modified(Path file) {
        try {
            return ZonedDateTime.ofInstant(Files.getLastModifiedTime(file).toInstant(), site.config().zone())
                    .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        } catch (IOException e) {
            return ZonedDateTime.now(site.config().zone()).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        }
    }

    /** Writes {@code text} into {@code file}, making its folders. */
    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
