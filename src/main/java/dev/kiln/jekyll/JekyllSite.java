package dev.kiln.jekyll;

import dev.kiln.content.NotText;
import dev.kiln.content.SourceLoader;
import dev.kiln.content.YamlDocument;
import dev.kiln.content.YamlReader;
import dev.kiln.error.Problem;
import dev.kiln.error.SiteException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Jekyll site as read from its folder: its configuration, posts, drafts, pages with front matter, the static
 * files Jekyll would copy, the plain-HTML includes, what was passed over (warnings, with why), what Jekyll published
 * but the import cannot take ({@code leftOut}, each {@code path: why}), what could not be read, and the
 * feeds made by hand ({@code feeds}: files with front matter whose Liquid writes an Atom or RSS feed of the posts),
 * which the import leaves to Kiln's feed.
 */
public record JekyllSite(Path root, JekyllConfig config, List<JekyllFile> posts, List<JekyllFile> drafts,
                         List<JekyllFile> pages, List<String> statics, Map<String, String> includes,
                         List<String> warnings, List<String> leftOut, List<Problem> problems, List<String> feeds) {

    /** A feed Liquid writes: an Atom or RSS document looping over the site's posts. */
    private static final Pattern LIQUID_FEED = Pattern.compile(
            "(?s)<(feed|rss)\\b.*\\{%-?\\s*for\\s+\\S+\\s+in\\s+(site|paginator)\\.posts\\b");

    private static final Set<String> JEKYLL_FOLDERS = Set.of("_site", "_layouts", "_includes", "_sass", "_data",
            "_plugins", "node_modules", "vendor", "_config.yml");
    /** The files at the site's root that Kiln writes itself, so that a Jekyll one with Liquid is not needed. */
    private static final Set<String> KILN_WRITES = Set.of("feed.xml", "sitemap.xml", "robots.txt");
    private static final Pattern FENCE_END = Pattern.compile("(?m)^(?:---|\\.\\.\\.)[ \\t]*\\r?$");

    /** True when {@code dir} looks like a Jekyll site: it has a {@code _config.yml} or a {@code _posts} folder. */
    public static boolean isJekyllSite(Path dir) {
        return Files.isDirectory(dir)
                && (Files.isRegularFile(dir.resolve("_config.yml")) || Files.isDirectory(dir.resolve("_posts")));
    }

    /** Reads the Jekyll site in {@code root}; unreadable files are gathered as problems, never thrown. */
    public static JekyllSite read(Path root) {
        List<String> warnings = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        JekyllConfig config = config(root, problems);
        List<JekyllFile> posts = new ArrayList<>();
        List<JekyllFile> drafts = new ArrayList<>();
        List<JekyllFile> pages = new ArrayList<>();
        List<String> statics = new ArrayList<>();
        Map<String, String> includes = new TreeMap<>();
        List<String> feeds = new ArrayList<>();
        int data = 0;
        for (Path file : walk(root, problems)) {
            String rel = SourceLoader.slashed(root.relativize(file));
            String[] parts = rel.split("/");
            if (parts[0].equals("_data") && parts.length > 1) {
                data++;
            }
            if (rel.startsWith("_includes/")) {
                readText(file, rel, problems).ifPresent(t -> includes.put(rel.substring("_includes/".length()), t));
                continue;
            }
            if (ignored(parts, rel, config.exclude())) {
                // Jekyll publishes what its include: names (.htaccess unless it names others), but never its
                // own folders; Kiln's site.yml takes the same include:, and never publishes .git.
                if (!included(parts, config.include()) || JEKYLL_FOLDERS.contains(parts[0])
                        || List.of(parts).contains(".git")) {
                    continue;
                }
            }
            List<String> dirs = List.of(parts).subList(0, parts.length - 1);
            String name = parts[parts.length - 1];
            Kind kind = Kind.of(name, config);
            if (dirs.contains("_posts") || dirs.contains("_drafts")) {
                boolean post = dirs.contains("_posts");
                String collections = config.collectionsDir();
                if (!collections.isEmpty() && !rel.startsWith(collections + "/")) {
                    // Jekyll reads posts and drafts only below its collections_dir.
                    warnings.add(rel + ": outside collections_dir '" + collections + "', where Jekyll reads posts "
                            + "and drafts, so Jekyll never published it: not imported");
                    continue;
                }
                if (post && !JekyllUrls.DATED_FILE.matcher(name).matches()) {
                    warnings.add(rel + ": not named YYYY-MM-DD-slug, so Jekyll never published it: not imported");
                } else if (kind == Kind.NONE) {
                    warnings.add(rel + ": has no extension, so Jekyll never reads it as a draft: not imported");
                } else if (kind == Kind.OTHER) {
                    // A draft is not published: what Jekyll would do with it is worth a warning, not a loss.
                    (post ? leftOut : warnings).add(rel + ": " + publishedAsIs(name, post, config));
                } else {
                    readText(file, rel, problems).map(t -> split(rel, t, problems))
                            .ifPresent(f -> (post ? posts : drafts).add(f));
                }
                continue;
            }
            if (dirs.stream().anyMatch(d -> d.startsWith("_")) && !included(parts, config.include())) {
                // (a folder include: names, _pages say, is read as any other: its pages are published)
                warnings.add(rel + ": in a folder Jekyll only reads as a collection or plugin data: not imported");
                continue;
            }
            if (!startsWithFrontMatter(file)) {
                if (name.matches("(?i).*\\.(md|markdown)$") && !rel.startsWith("assets/")) {
                    leftOut.add(rel + ": Markdown without front matter, which Jekyll copies as it is (at /" + rel
                            + "); under content/ Kiln would make it a page: not imported; add it to exclude: in "
                            + "_config.yml if it is not meant to be published (a README), or move it under assets/");
                } else {
                    statics.add(rel);
                }
                continue;
            }
            if (kind == Kind.MARKDOWN || kind == Kind.HTML) {
                readText(file, rel, problems).map(t -> split(rel, t, problems)).ifPresent(pages::add);
            } else if (name.matches("(?i).*\\.s[ac]ss$")) {
                warnings.add(rel + ": Sass, which Jekyll compiles to CSS: not imported, the imported site takes Kiln's "
                        + "theme and its stylesheet");
            } else if (KILN_WRITES.contains(rel)) {
                warnings.add(rel + ": not imported, Kiln writes its own /" + rel);
            } else if (readText(file, rel, problems).filter(t -> LIQUID_FEED.matcher(t).find()).isPresent()) {
                feeds.add(rel);
            } else {
                String type = kind == Kind.NONE ? "file without extension" : "." + extension(name) + " file";
                leftOut.add(rel + ": a " + type + " with front matter, which Jekyll runs through Liquid and publishes "
                        + "as it is; Kiln's pages are Markdown or HTML, written as HTML: not imported; copy the file "
                        + "Jekyll wrote (_site/" + rel + ") into content/, where Kiln publishes it as it is");
                // (a feed of the posts is another matter: Importer.feedPath)
            }
        }
        if (data > 0) {
            warnings.add("_data/: " + data + " data file(s), which Jekyll's Liquid read as site.data: not imported, "
                    + "Kiln has no site.data (the Liquid that used them is listed as left as it is); put what the "
                    + "layouts need in site.yml, where a key of your own is site.params.KEY, or write it into the pages");
        }
        return new JekyllSite(root, config, posts, drafts, pages, statics, includes, warnings, leftOut, problems,
                feeds);
    }

    /** What Jekyll makes of a file by its extension. */
    enum Kind {
        /** One of the site's {@code markdown_ext}: converted to HTML. */
        MARKDOWN,
        /** {@code .html} or {@code .htm}: laid out, written with its own extension. */
        HTML,
        /** Any other extension: written as it is, with that extension. */
        OTHER,
        /** No extension. */
        NONE;

        static Kind of(String fileName, JekyllConfig config) {
            String ext = extension(fileName).toLowerCase(java.util.Locale.ROOT);
            if (ext.isEmpty()) {
                return NONE;
            }
            if (config.markdownExtensions().contains(ext)) {
                return MARKDOWN;
            }
            return ext.equals("html") || ext.equals("htm") ? HTML : OTHER;
        }
    }

    /** The extension of {@code fileName} as written, without its dot; "" when it has none. */
    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 ? "" : fileName.substring(dot + 1);
    }

    /** Why the post (or draft) {@code name}, neither Markdown nor HTML, is not imported. */
    private static String publishedAsIs(String name, boolean post, JekyllConfig config) {
        return "is neither Markdown (markdown_ext: " + String.join(", ", config.markdownExtensions()) + ") nor HTML, "
                + "so Jekyll " + (post ? "published" : "would publish") + " it as it is, as a ." + extension(name)
                + " file; Kiln's posts are Markdown or HTML pages: not imported; rename it .md if it is Markdown, "
                + "and import again";
    }

    private static boolean ignored(String[] parts, String rel, List<String> exclude) {
        for (String part : parts) {
            if (part.startsWith(".") || part.startsWith("#") || part.endsWith("~")) {
                return true;
            }
        }
        if (parts[parts.length - 1].startsWith("_") || JEKYLL_FOLDERS.contains(parts[0]) || parts[0].startsWith("Gemfile")) {
            return true;
        }
        for (String ex : exclude) {
            String e = ex.startsWith("/") ? ex.substring(1) : ex;
            e = e.endsWith("/") ? e.substring(0, e.length() - 1) : e;
            if (rel.equals(e) || rel.startsWith(e + "/") || globMatches(e, rel) || globMatches(e, parts[parts.length - 1])) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether each of the names in {@code parts} that Jekyll passes over (hidden, {@code _}, {@code #}, {@code ~})
     * is one that {@code include} names, as a name at any depth or as the path to it, as Jekyll's
     * {@code EntryFilter} reads its include: (globs aside).
     */
    static boolean included(String[] parts, List<String> include) {
        // Named itself or by a folder above it: an excluded file that include: does not name stays excluded.
        if (include.isEmpty()) {
            return false;
        }
        StringBuilder path = new StringBuilder();
        boolean named = false;
        for (String part : parts) {
            path.append(path.length() == 0 ? "" : "/").append(part);
            boolean special = part.startsWith(".") || part.startsWith("_") || part.startsWith("#")
                    || part.endsWith("~");
            boolean given = include.contains(part) || include.contains(path.toString());
            if (special && !given) {
                return false;
            }
            named |= given;
        }
        return named;
    }

    private static boolean globMatches(String glob, String path) {
        if (!glob.contains("*") && !glob.contains("?")) {
            return false;
        }
        return path.matches(glob.replace(".", "\\.").replace("**", "\u0000").replace("*", "[^/]*")
                .replace("\u0000", ".*").replace("?", "."));
    }

    private static boolean startsWithFrontMatter(Path file) {
        try (var in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(8), java.nio.charset.StandardCharsets.UTF_8);
            head = head.startsWith("\uFEFF") ? head.substring(1) : head;
            return head.startsWith("---\n") || head.startsWith("---\r\n") || head.matches("(?s)---[ \\t]+\\r?\\n.*");
        } catch (IOException e) {
            return false;
        }
    }

    private static java.util.Optional<String> readText(Path file, String rel, List<Problem> problems) {
        try {
            return java.util.Optional.of(SourceLoader.readUtf8(file));
        } catch (NotText e) {
            problems.add(e.at().problem(rel, e.reason() + " and import again; not imported"));
        } catch (CharacterCodingException e) {
            problems.add(Problem.inFile(rel, "not valid UTF-8 text: not imported; save it as UTF-8 and import again"));
        } catch (UncheckedIOException e) {
            problems.add(Problem.inFile(rel, "cannot be read (" + e.getCause().getMessage() + "): not imported"));
        }
        return java.util.Optional.empty();
    }

    /** Splits a text into front matter and body; bad YAML is a problem and the file is left out. */
    static JekyllFile split(String rel, String text, List<Problem> problems) {
        if (!(text.startsWith("---\n") || text.startsWith("---\r\n") || text.matches("(?s)---[ \\t]+\\r?\\n.*"))) {
            return new JekyllFile(rel, null, YamlDocument.EMPTY, text, 1);
        }
        int open = text.indexOf('\n') + 1;
        Matcher close = FENCE_END.matcher(text);
        if (!close.find(open)) {
            problems.add(new Problem(rel, 1, 1, "front matter is not closed: not imported"));
            return null;
        }
        String yamlText = text.substring(open, close.start());
        YamlDocument yaml;
        try {
            yaml = YamlReader.read(rel, JekyllFrontMatter.kilnText(yamlText), 2); // as Jekyll read it
        } catch (SiteException e) {
            problems.addAll(e.problems());
            return null;
        }
        int after = text.indexOf('\n', close.end());
        String body = after < 0 ? "" : text.substring(after + 1);
        int bodyLine = 2 + (int) yamlText.chars().filter(c -> c == '\n').count() + 1;
        return new JekyllFile(rel, yamlText, yaml, body, bodyLine);
    }

    private static JekyllConfig config(Path root, List<Problem> problems) {
        Path file = root.resolve("_config.yml");
        YamlDocument yaml = YamlDocument.EMPTY;
        if (Files.isRegularFile(file)) {
            try {
                yaml = YamlReader.read("_config.yml", SourceLoader.readUtf8(file), 1);
            } catch (SiteException e) {
                problems.addAll(e.problems());
            } catch (NotText e) {
                problems.add(e.at().problem("_config.yml", e.reason()));
            } catch (CharacterCodingException e) {
                problems.add(Problem.inFile("_config.yml", "not valid UTF-8 text"));
            }
        }
        Map<String, Object> v = yaml.values();
        String timezone = text(v, "timezone", null);
        ZoneId zone = ZoneId.of("UTC");
        if (timezone != null) {
            try {
                zone = ZoneId.of(timezone);
            } catch (DateTimeException e) {
                problems.add(Problem.inFile("_config.yml", "unknown timezone '" + timezone + "'"));
                timezone = null;
            }
        }
        Integer paginate = v.get("paginate") instanceof Number n ? n.intValue() : null;
        List<String> exclude = new ArrayList<>();
        if (v.get("exclude") instanceof List<?> list) {
            list.forEach(x -> exclude.add(String.valueOf(x)));
        }
        List<Map<String, Object>> defaults = new ArrayList<>();
        if (v.get("defaults") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> m) {
                    Map<String, Object> copy = new LinkedHashMap<>();
                    m.forEach((k, x) -> copy.put(String.valueOf(k), x));
                    defaults.add(copy);
                }
            }
        }
        return new JekyllConfig(text(v, "title", null), text(v, "description", null), authorOf(v.get("author")),
                text(v, "url", ""), text(v, "baseurl", ""), text(v, "permalink", "date"), timezone, zone, paginate,
                exclude, defaults, v, yaml.keyPositions());
    }

    private static String authorOf(Object author) {
        if (author instanceof Map<?, ?> m) {
            return m.get("name") == null ? null : m.get("name").toString();
        }
        return author == null ? null : author.toString();
    }

    private static String text(Map<String, Object> v, String key, String fallback) {
        Object x = v.get(key);
        return x == null ? fallback : x.toString();
    }

    /** Every regular file below {@code root}, sorted; a folder that cannot be read is a problem. */
    private static List<Path> walk(Path root, List<Problem> problems) {
        List<Path> out = new ArrayList<>();
        try {
            Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes a) {
                    if (a.isRegularFile()) {
                        out.add(file);
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
                    String rel = SourceLoader.slashed(root.relativize(file));
                    if (!rel.startsWith(".") && !rel.startsWith("_site")) {
                        problems.add(Problem.inFile(rel, "cannot be read (" + e.getMessage() + "): not imported"));
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(Problem.inFile(".", "cannot be read: " + e.getMessage()));
        }
        out.sort(null);
        return out;
    }
}
