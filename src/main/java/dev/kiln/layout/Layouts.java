package dev.kiln.layout;

import dev.kiln.config.SiteConfig;
import dev.kiln.content.NotText;
import dev.kiln.content.SourceLoader;
import dev.kiln.error.Problem;
import dev.kiln.error.SiteException;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.ParserException;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Pebble layouts of a site: its own {@code layouts/} first, then the built-in theme packed in the
 * jar. Auto-escaping and strict variables stay on. The only Pebble user; compiled templates are
 * shared between threads.
 */
public final class Layouts {

    public static final String FOLDER = "layouts";
    static final String SUFFIX = ".peb";
    static final String THEME = "theme/layouts";
    static final List<String> THEME_LAYOUTS = List.of("404", "archive", "base", "home", "page", "post", "tag",
            "tags");
    /** The built-in theme's partials (a test checks these lists against the theme's files). */
    static final List<String> THEME_PARTIALS = List.of("partials/footer", "partials/head", "partials/header",
            "partials/post-list", "partials/post-meta");
    private static final List<String> THEME_ASSETS = List.of("assets/css/main.css", "assets/favicon.svg");

    private final PebbleEngine engine;
    private final Path siteLayouts;
    private final TreeSet<String> siteNames = new TreeSet<>();
    private final Map<String, PebbleTemplate> compiled = new ConcurrentHashMap<>();
    /** The layouts whose checks found a problem: each page laid out with one says it, without checking again. */
    private final Map<String, Problem> refused = new ConcurrentHashMap<>();
    private final Map<String, String> sources;
    /** The built-in theme's templates read for an error's column, by name ("" for none). */
    private final Map<String, String> themeTexts = new ConcurrentHashMap<>();
    /** The ids each layout writes as written ({@link LayoutIds}), read once per layout. */
    private final Map<String, java.util.Set<String>> ids = new ConcurrentHashMap<>();
    private final SiteConfig config;
    private final LayoutErrors errors;
    private final SyntaxErrors syntaxErrors;
    private final LayoutChecks checks;

    /** A layout that extends {@code base}: {@code {% extends "base" %}}, as each of the theme's does. */
    private static final java.util.regex.Pattern EXTENDS_BASE =
            java.util.regex.Pattern.compile("\\{%-?\\s*extends\\s+[\"']base[\"']\\s*-?%}");

    /**
     * Whether the site's pages are laid out in the built-in theme's look: it has no layouts of its own, or each
     * of them extends a {@code base} that is the theme's (a {@code post.peb} copied from the theme to be changed).
     */
    private final boolean inThemeLook;

    /** Whether a template of the built-in theme has been read (laid out, extended or included). */
    private final java.util.concurrent.atomic.AtomicBoolean themeRead = new java.util.concurrent.atomic.AtomicBoolean();

    /** The layouts of the site in {@code siteRoot}, with {@code config} for the URL filters. */
    public Layouts(Path siteRoot, SiteConfig config) {
        this.config = config;
        this.siteLayouts = siteRoot.resolve(FOLDER).toAbsolutePath().normalize();
        this.sources = readSources(siteLayouts);
        refuseFrontMatter(sources);
        List<Loader<?>> loaders = new ArrayList<>();
        if (Files.isDirectory(siteLayouts)) {
            FileLoader files = new FileLoader();
            files.setPrefix(siteLayouts.toString());
            files.setSuffix(SUFFIX);
            loaders.add(files);
            // The layouts of the folder itself; partials are in folders of it.
            sources.keySet().stream().filter(path -> path.indexOf('/') < 0)
                    .forEach(path -> siteNames.add(path.substring(0, path.length() - SUFFIX.length())));
        }
        this.inThemeLook = !siteNames.contains("base") && siteNames.stream()
                .allMatch(name -> EXTENDS_BASE.matcher(sources.get(name + SUFFIX)).find());
        // A theme's template read means the site's pages use the theme's look (a post.peb of the site's own may
        // extend the theme's base), and so its stylesheet and icon.
        ClasspathLoader theme = new ClasspathLoader(Layouts.class.getClassLoader()) {
            @Override
            public java.io.Reader getReader(String templateName) {
                java.io.Reader reader = super.getReader(templateName);
                themeRead.set(true);
                return reader;
            }
        };
        theme.setPrefix(THEME);
        theme.setSuffix(SUFFIX);
        loaders.add(theme);
        NamedCalls calls = new NamedCalls(config.timezone());
        Outlines outlines = new Outlines();
        this.engine = new PebbleEngine.Builder()
                .loader(new DelegatingLoader(loaders))
                .strictVariables(true)
                // Month names follow the site's language, not the machine's.
                .defaultLocale(java.util.Locale.forLanguageTag(config.language()))
                .autoEscaping(true)
                .addEscapingStrategy("html", Layouts::escapeHtml)
                // What a filter, function or test throws names it: Pebble's own ones, and Kiln's.
                .registerExtensionCustomizer(calls::wrap)
                .extension(calls.wrap(new KilnExtension(config, outlines)))
                .build();
        TreeSet<String> templates = new TreeSet<>(THEME_LAYOUTS);
        templates.addAll(THEME_PARTIALS);
        sources.keySet().forEach(path -> templates.add(path.substring(0, path.length() - SUFFIX.length())));
        // Pebble's tags, and verbatim, which its lexer reads.
        TreeSet<String> tags = new TreeSet<>(engine.getExtensionRegistry().getTokenParsers().keySet());
        tags.add("verbatim");
        this.errors = new LayoutErrors(this::displayPath, this::textOf, calls, templates, config.params().keySet());
        this.syntaxErrors = new SyntaxErrors(this::displayPath, this::textOf, calls.filters(), tags, templates);
        this.checks = new LayoutChecks((name, from) -> outline(outlines, name, from), this::displayPath, this::textOf);
    }

    /**
     * The outline of the layout named {@code name} in layout {@code from} (null for none), compiled if it is not yet,
     * under Pebble's name for it; null when it does not compile (Pebble says why when a page is laid out with it).
     */
    private LayoutChecks.Named outline(Outlines outlines, String name, String from) {
        try {
            String resolved = from == null ? null : engine.getLoader().resolveRelativePath(name, from);
            PebbleTemplate template = engine.getTemplate(resolved == null ? name : resolved);
            Outlines.Outline outline = outlines.of(template.getName());
            return outline == null ? null : new LayoutChecks.Named(template.getName(), outline);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Layout {@code name} compiled, once what is wrong between it and the layouts it extends and includes has been
     * looked for: once per layout, not per page.
     */
    private PebbleTemplate compile(String name) {
        Problem refused = this.refused.get(name);
        if (refused != null) {
            throw new SiteException(refused); // found at the first page: not looked for again at each of the others
        }
        PebbleTemplate template = engine.getTemplate(name);
        Problem problem = checks.of(template.getName());
        if (problem != null) {
            this.refused.putIfAbsent(name, problem);
            throw new SiteException(problem);
        }
        return template;
    }

    /**
     * Pebble's default escaping ({@code html}, for auto-escaping and the {@code escape} filter), with the
     * same output as Pebble's own (unbescape's {@code escapeHtml4Xml}: {@code & < > " '} become
     * {@code &amp; &lt; &gt; &quot; &#39;}, nothing else changes), but without initialising unbescape's
     * tables of every HTML4 and HTML5 entity, which took ~30 ms of CPU at every start.
     */
    static String escapeHtml(String text) {
        StringBuilder out = null;
        int from = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            String entity = switch (text.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (entity != null) {
                if (out == null) {
                    out = new StringBuilder(n + 16);
                }
                out.append(text, from, i).append(entity);
                from = i + 1;
            }
        }
        return out == null ? text : out.append(text, from, text.length()).toString();
    }

    /**
     * The built-in theme's static files (output path to bytes), when any of {@code used} layouts comes from
     * the theme, or a layout of the site's own extended or included one of the theme's; empty when the site's
     * own layouts cover them all.
     */
    public Map<String, byte[]> themeAssets(java.util.Set<String> used) {
        if (siteNames.containsAll(used) && !themeRead.get()) {
            return Map.of();
        }
        Map<String, byte[]> assets = new java.util.TreeMap<>();
        for (String asset : THEME_ASSETS) {
            try (var in = Layouts.class.getClassLoader().getResourceAsStream("theme/" + asset)) {
                if (in == null) {
                    throw new IllegalStateException("the built-in theme lacks " + asset + ": rebuild kiln.jar");
                }
                assets.put(asset, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return assets;
    }

    /**
     * True when {@code name} is a layout of the site or of the built-in theme: a site's layouts replace
     * the theme's one by one, so a site may bring only {@code post.peb}.
     */
    public boolean exists(String name) {
        return siteNames.contains(name) || THEME_LAYOUTS.contains(name);
    }

    /**
     * True when the site wants the optional page of layout {@code name} (the archive, the 404 page): it has its
     * own layout by that name, or its pages are laid out in the theme's {@code base} ({@link #inThemeLook}), so
     * that the theme's page has their look. A site with a look of its own gets no page in the theme's.
     */
    public boolean wants(String name) {
        return siteNames.contains(name) || inThemeLook;
    }

    /** True when the site has a layout {@code name} of its own (rather than the built-in theme's, or none). */
    public boolean ownsLayout(String name) {
        return siteNames.contains(name);
    }

    /**
     * The ids that layout {@code name} (with the templates it extends and includes) writes as written, such as the
     * built-in theme's {@code main-content}: the headings of its pages leave them to it. The same set for every
     * page of the layout, read once; empty for a layout that does not exist.
     */
    public java.util.Set<String> ids(String name) {
        return ids.computeIfAbsent(name, layout -> LayoutIds.of(layout, this::textOf));
    }

    /** The names of the layouts, for error messages. */
    public String names() {
        TreeSet<String> all = new TreeSet<>(siteNames);
        all.addAll(THEME_LAYOUTS);
        return String.join(", ", all);
    }

    /**
     * Renders layout {@code name} with {@code context}. A layout that does not parse is thrown as a
     * {@link SiteException} at its file and line; one that fails on these values, as a
     * {@link LayoutError.Failure} at the file and line it failed at.
     */
    public String render(String name, Map<String, Object> context) {
        return render(name, context, null);
    }

    /** As {@link #render(String, Map)}, telling {@code clock} (when not null) the time of each include. */
    public String render(String name, Map<String, Object> context, IncludeClock clock) {
        return evaluate(name, timed(context, clock), new StringWriter(16 * 1024)).toString();
    }

    /**
     * Told the time of each {@code {% include %}} of a page's layouts, with what it includes in turn, by the
     * layout's name ({@code partials/sidebar}): {@code kiln build --timings} names a slow partial by it.
     */
    public interface IncludeClock {
        /** The time now, in nanoseconds from any origin: an include's time is the difference of two. */
        default long now() {
            return System.nanoTime();
        }

        void included(String layout, long nanos);
    }

    /** {@code context} with {@code clock} for the includes to find (a copy: the context may be shared), or as it is. */
    private static Map<String, Object> timed(Map<String, Object> context, IncludeClock clock) {
        if (clock == null) {
            return context;
        }
        Map<String, Object> timed = new java.util.HashMap<>(context);
        timed.put(IncludeDepth.CLOCK, clock);
        return timed;
    }

    /**
     * The page {@code name} makes of {@code context}, in UTF-8: the bytes of {@link #render}'s text, encoded
     * as they are written. {@code known}, when given, is a string of the context kept as {@code knownUtf8}
     * (a page's body): printed as it is, its bytes are copied rather than encoded again.
     */
    public byte[] renderUtf8(String name, Map<String, Object> context, String known, byte[] knownUtf8) {
        return renderUtf8(name, context, known, knownUtf8, null);
    }

    /** As {@link #renderUtf8(String, Map, String, byte[])}, telling {@code clock} (when not null) each include's time. */
    public byte[] renderUtf8(String name, Map<String, Object> context, String known, byte[] knownUtf8,
                             IncludeClock clock) {
        return evaluate(name, timed(context, clock), new Utf8Output(known, knownUtf8)).toByteArray();
    }

    /** {@code out}, into which layout {@code name} was evaluated with {@code context}. */
    private <W extends Writer> W evaluate(String name, Map<String, Object> context, W out) {
        try {
            compiled.computeIfAbsent(name, this::compile).evaluate(out, context);
            return out;
        } catch (ParserException e) {
            throw new SiteException(syntaxErrors.unparsable(e, name));
        } catch (SiteException e) {
            throw e; // found by the checks of the layouts
        } catch (RuntimeException e) {
            Problem unclosed = syntaxErrors.unclosed(e, name, sources);
            if (unclosed != null) {
                throw new SiteException(unclosed);
            }
            // Pebble's own errors, and whatever a filter or function throws: never a stack trace.
            throw new LayoutError.Failure(errors.failed(e, name), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (StackOverflowError e) {
            // Include loops are found before (LayoutChecks) or stopped (IncludeDepth); a macro that calls itself is not.
            throw new SiteException(List.of(Problem.inFile(displayPath(name), "layout '" + name + "' never"
                    + " ends: a macro (or an embed) of its layouts calls itself without end: make the {% if %} around the call"
                    + " end it")));
        }
    }

    /** The name of the layout at {@code displayPath} ({@code layouts/partials/footer.peb}): {@code partials/footer}. */
    static String layoutName(String displayPath) {
        String path = displayPath.substring(displayPath.indexOf(FOLDER + "/") + FOLDER.length() + 1);
        return path.endsWith(SUFFIX) ? path.substring(0, path.length() - SUFFIX.length()) : path;
    }

    /** Refuses the layouts of {@code sources} that start with Jekyll's front matter, each at its first line. */
    private static void refuseFrontMatter(Map<String, String> sources) {
        List<Problem> problems = new ArrayList<>();
        sources.forEach((path, text) -> {
            String instead = LiquidHabits.frontMatter(text);
            if (instead != null) {
                problems.add(dev.kiln.error.Position.START.problem(FOLDER + "/" + path, "layout error: " + instead));
            }
        });
        if (!problems.isEmpty()) {
            throw new SiteException(problems);
        }
    }

    /** The text of the site's own layout Pebble names {@code template}, or null (a layout of the built-in theme). */
    private String sourceOf(String template) {
        String name = template.replace('\\', '/');
        String dir = siteLayouts.toString().replace('\\', '/') + "/";
        if (name.startsWith(dir)) {
            name = name.substring(dir.length());
        }
        return sources.get(name.endsWith(SUFFIX) ? name : name + SUFFIX);
    }

    /**
     * The text of the layout Pebble names {@code template}, as its loader finds it: the site's own, else the built-in
     * theme's (read here rather than through the theme's loader, which would count the theme as used), or null.
     */
    private String textOf(String template) {
        String own = sourceOf(template);
        if (own != null || template.indexOf('\\') >= 0 || template.startsWith("/")) {
            return own;
        }
        return themeTexts.computeIfAbsent(template, name -> {
            try (var in = Layouts.class.getClassLoader().getResourceAsStream(THEME + "/" + name + SUFFIX)) {
                return in == null ? "" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                return ""; // only a column is lost
            }
        });
    }

    /** {@code post} → {@code layouts/post.peb}, or the built-in theme's name for it. */
    private String displayPath(String template) {
        String name = template.replace('\\', '/');
        if (name.startsWith(siteLayouts.toString().replace('\\', '/'))) {
            name = name.substring(siteLayouts.toString().length() + 1);
        }
        if (name.endsWith(SUFFIX)) {
            name = name.substring(0, name.length() - SUFFIX.length());
        }
        boolean own = Files.isRegularFile(siteLayouts.resolve(name + SUFFIX));
        return (own ? "" : "(built-in theme) ") + FOLDER + "/" + name + SUFFIX;
    }

    /**
     * The text of every file under the site's {@code layouts/} (partials included): equal sources render
     * equal pages from equal values, which lets a rebuild keep the pages whose values did not change.
     */
    public Map<String, String> sources() {
        return sources;
    }

    /**
     * Whether these layouts are still those of the site in {@code siteRoot} with {@code config}: then a
     * rebuild keeps them, with their compiled templates, instead of parsing every template again.
     */
    public boolean isCurrent(Path siteRoot, SiteConfig config) {
        return this.config.equals(config)
                && siteLayouts.equals(siteRoot.resolve(FOLDER).toAbsolutePath().normalize())
                && sources.equals(readSources(siteLayouts));
    }

    /**
     * The text of each layout ({@code .peb}) under {@code dir}, by path, among the site's files there
     * ({@link SourceLoader#files}: hidden files and editors' leftovers are not, such as vim's
     * {@code .post.peb.swp} beside the layout it edits, which made the build crash). A file gone before it
     * is read (an editor saving by renaming) is passed over too; one that cannot be read is a problem.
     */
    private static Map<String, String> readSources(Path dir) {
        Map<String, String> texts = new java.util.TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Path file : SourceLoader.files(dir.getParent(), FOLDER, problems)) {
            if (!file.getFileName().toString().endsWith(SUFFIX) || !Files.isRegularFile(file)) {
                continue;
            }
            String path = dir.relativize(file).toString().replace('\\', '/');
            try {
                texts.put(path, SourceLoader.readUtf8(file));
            } catch (NotText e) { // at its first bad byte, as a page's
                problems.add(e.at().problem(FOLDER + "/" + path, e.reason()));
            } catch (CharacterCodingException e) {
                problems.add(Problem.inFile(FOLDER + "/" + path, "is not UTF-8 text: save it as UTF-8"));
            } catch (java.io.UncheckedIOException unchecked) {
                if (!(unchecked.getCause() instanceof NoSuchFileException)) {
                    problems.add(Problem.inFile(FOLDER + "/" + path, SourceLoader.unreadable(unchecked.getCause(), false)));
                } // else saved by renaming another file over it: the watcher reports that file next
            }
        }
        if (!problems.isEmpty()) {
            throw new SiteException(problems);
        }
        return texts;
    }
}
