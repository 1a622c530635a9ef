package dev.kiln.jekyll;

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
 * files Jekyll would copy, the plain-HTML includes, and what was left out (with why) or could not be read.
 */
public record JekyllSite(Path root, JekyllConfig config, List<JekyllFile> posts, List<JekyllFile> drafts,
                         List<JekyllFile> pages, List<String> statics, Map<String, String> includes,
                         List<String> warnings, List<Problem> problems) {

    private static final Set<String> JEKYLL_FOLDERS = Set.of("_site", "_layouts", "_includes", "_sass", "_data",
            "_plugins", "node_modules", "vendor", "_config.yml");
    private static final Pattern FENCE_END = Pattern.compile("(?m)^(?:---|\\.\\.\\.)[ \\t]*\\r?$");

    /** True when {@code dir} looks like a Jekyll site: it has a {@code _config.yml} or a {@code _posts} folder. */
    public static boolean isJekyllSite(Path dir) {
        return Files.isDirectory(dir)
                && (Files.isRegularFile(dir.resolve("_config.yml")) || Files.isDirectory(dir.resolve("_posts")));
    }

    /** Reads the Jekyll site in {@code root}; unreadable files are gathered as problems, never thrown. */
    public static JekyllSite read(Path root) {
        List<String> warnings = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        JekyllConfig config = config(root, problems);
        List<JekyllFile> posts = new ArrayList<>();
        List<JekyllFile> drafts = new ArrayList<>();
        List<JekyllFile> pages = new ArrayList<>();
        List<String> statics = new ArrayList<>();
        Map<String, String> includes = new TreeMap<>();
        for (Path file : walk(root, problems)) {
            String rel = root.relativize(file).toString().replace('\\', '/');
            String[] parts = rel.split("/");
            if (rel.startsWith("_includes/")) {
                readText(file, rel, problems).ifPresent(t -> includes.put(rel.substring("_includes/".length()), t));
                continue;
            }
            if (ignored(parts, rel, config.exclude())) {
                if (included(rel, config.values().get("include"))) {
                    problems.add(Problem.inFile(rel, "Jekyll published it (include:), but Kiln never publishes "
                            + "hidden files or files starting with '_': not imported; rename it or publish it otherwise"));
                }
                continue;
            }
            List<String> dirs = List.of(parts).subList(0, parts.length - 1);
            boolean text = rel.matches("(?i).*\\.(md|markdown|html)$");
            if (dirs.contains("_posts") || dirs.contains("_drafts")) {
                if (!text) {
                    warnings.add(rel + ": not a Markdown or HTML post: not imported");
                    continue;
                }
                if (dirs.contains("_posts") && !parts[parts.length - 1].matches("\\d{4}-\\d{2}-\\d{2}-.+")) {
                    warnings.add(rel + ": not named YYYY-MM-DD-slug, so Jekyll never published it: not imported");
                    continue;
                }
                readText(file, rel, problems).map(t -> split(rel, t, problems))
                        .ifPresent(f -> (dirs.contains("_posts") ? posts : drafts).add(f));
                continue;
            }
            if (dirs.stream().anyMatch(d -> d.startsWith("_"))) {
                warnings.add(rel + ": in a folder Jekyll only reads as a collection or plugin data: not imported");
                continue;
            }
            if (!startsWithFrontMatter(file)) {
                if (rel.matches("(?i).*\\.(md|markdown)$")) {
                    warnings.add(rel + ": Markdown without front matter (Jekyll copies it as it is; Kiln would "
                            + "render it): not imported");
                } else {
                    statics.add(rel);
                }
                continue;
            }
            if (!text) {
                warnings.add(rel + ": a non-HTML file with front matter (Liquid, Sass): not imported, Kiln writes "
                        + "its own feed, sitemap and stylesheet");
                continue;
            }
            readText(file, rel, problems).map(t -> split(rel, t, problems)).ifPresent(pages::add);
        }
        return new JekyllSite(root, config, posts, drafts, pages, statics, includes, warnings, problems);
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

    private static boolean included(String rel, Object include) {
        if (include instanceof List<?> list) {
            for (Object x : list) {
                String e = String.valueOf(x).replaceFirst("^/", "").replaceFirst("/$", "");
                if (!e.isEmpty() && (rel.equals(e) || rel.startsWith(e + "/"))) {
                    return true;
                }
            }
        }
        return false;
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
            yaml = YamlReader.read(rel, yamlText, 2);
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
                exclude, defaults, v);
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
                    String rel = root.relativize(file).toString().replace('\\', '/');
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
