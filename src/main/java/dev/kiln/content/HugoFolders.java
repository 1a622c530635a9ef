package dev.kiln.content;

import dev.kiln.error.Problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Hugo site's folders and names that Kiln would otherwise misread in silence, each an error at its first file saying
 * what to do, as {@link JekyllFolders} does for Jekyll's: Hugo's settings at the site's root ({@code hugo.toml} and
 * the others, {@code config.toml} when it is Hugo's, {@code config/_default/}), whose URLs and base URL were lost;
 * {@code static/} of a site that looks like Hugo's, whose files ({@code CNAME}, {@code _redirects},
 * {@code favicon.ico}) were missing;
 * {@code content/post/}, whose posts were pages in the menu; and Hugo's language suffix ({@code hello.en.md}), which
 * moved a page to {@code /hello-en/}.
 */
final class HugoFolders {

    /** Hugo's settings files at a site's root: {@code hugo.*} always Hugo's, {@code config.*} when {@link #isHugos}. */
    static final List<String> SETTINGS = List.of("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json",
            "config.toml", "config.yaml", "config.yml", "config.json");
    /** Hugo's settings folder at a site's root. */
    static final String CONFIG_FOLDER = "config/_default";
    /** Hugo's folders at a site's root whose files Kiln does not read: its files, its settings. */
    static final List<String> AT_ROOT = List.of("static", CONFIG_FOLDER);
    /** The section of posts of many Hugo themes, singular: Kiln's is content/posts/. */
    static final String POST = SourceLoader.CONTENT + "/post";

    /**
     * Top-level keys (lower case: Hugo reads them in any case) that only Hugo's settings have: a {@code config.yaml}
     * with one of them is Hugo's, one without is another tool's ({@code theme: dark}, {@code menu:}, {@code params:}
     * are common names) and left alone.
     */
    private static final Set<String> HUGO_KEYS = Set.of("baseurl", "languagecode", "defaultcontentlanguage",
            "defaultcontentlanguageinsubdir", "permalinks", "disablekinds", "canonifyurls", "relativeurls",
            "builddrafts", "buildfuture", "buildexpired", "publishdir", "contentdir", "paginate", "enablerobotstxt",
            "summarylength", "hascjklanguage", "enablegitinfo", "enableemoji", "outputformats");
    /** Hugo's keys (lower case) that README's table maps to site.yml, in the order said. */
    private static final List<Map.Entry<String, String>> MOVES = List.of(
            Map.entry("title", "title → title"),
            Map.entry("baseurl", "baseURL → base_url"),
            Map.entry("languagecode", "languageCode → language"),
            Map.entry("timezone", "timeZone → timezone"),
            Map.entry("paginate", "paginate → paginate"),
            Map.entry("pagination", "pagination.pagerSize → paginate"),
            Map.entry("permalinks", "permalinks' posts → permalink"),
            Map.entry("params", "params (description, author, your own keys) → top-level keys or params:"),
            Map.entry("menu", "menu.main → nav ({title, url} entries)"),
            Map.entry("menus", "menus.main → nav ({title, url} entries)"));

    private static final Pattern TOML_KEY = Pattern.compile("[ \\t]*\"?([A-Za-z_][\\w-]*)\"?[ \\t]*=.*");
    private static final Pattern TOML_TABLE = Pattern.compile("[ \\t]*\\[\\[?[ \\t]*\"?([A-Za-z_][\\w-]*).*");
    /** A page's name with a language code before its extension: {@code hello.en.md}, {@code index.pt-br.md}. */
    private static final Pattern SUFFIXED = Pattern.compile("(.+)\\.([a-z]{2}(?:-[a-z0-9]{2,4})?)\\.(" + SourceFile.MARKDOWN_EXTENSIONS + "|html)");
    private static final Set<String> KEEPS = Set.of(".gitkeep", ".keep", ".DS_Store", "Thumbs.db");
    private static final String SEE = "README's Coming from Hugo maps the others";

    private HugoFolders() {}

    /**
     * The problems of Hugo's settings files and folders at the site's root {@code root}: its settings files
     * ({@code hugo.*}, and {@code config.*} when it holds Hugo's keys), {@code config/_default/} when it holds files,
     * and {@code static/} when it holds files in a site that looks like Hugo's (one of these settings, or no
     * {@code site.yml}). A Kiln site's own {@code static/} that holds files is a notice instead:
     * unread, as any folder at the root is, its files are not published, which a Hugo user expects of it (said by
     * nothing until 2026-12-07); but it may be kept for something else, and an error would stop a site that lost nothing.
     */
    static AtRoot atRoot(Path root) {
        List<Problem> problems = new ArrayList<>();
        List<Problem> notices = new ArrayList<>(0);
        for (String name : SETTINGS) {
            Path file = root.resolve(name);
            if (Files.isRegularFile(file) && isHugos(file)) {
                problems.add(Problem.inFile(name, settings(name, keys(file), permalinksKey(file), paths(file, ""))));
            }
        }
        List<String> config = files(root, CONFIG_FOLDER);
        if (!config.isEmpty()) {
            problems.add(Problem.inFile(config.get(0), configFolder(root, config)));
        }
        // A static/ that Kiln built into (--dest static: it holds the .kiln-output marker) is no folder of the
        // author's: its pages are the site's own output, not files to move into content/.
        List<String> statics = builtByKiln(root.resolve("static")) ? List.of() : files(root, "static");
        boolean hugos = !problems.isEmpty() || !Files.exists(root.resolve(dev.kiln.config.SiteConfig.FILE));
        if (!statics.isEmpty()) {
            String first = statics.stream().filter(f -> !hidden(f)).findFirst().orElse(statics.get(0));
            (hugos ? problems : notices).add(Problem.inFile(first, hugos ? staticFolder(first, statics)
                    : keptStatic(first, statics)));
        }
        return new AtRoot(problems, notices);
    }

    /** What the site's root holds of Hugo's: {@code problems} that stop a build, {@code notices} that it says and goes on. */
    record AtRoot(List<Problem> problems, List<Problem> notices) {}

    /**
     * Whether {@code file}, a {@code hugo.*} or {@code config.*} at a site's root, is Hugo's settings: a
     * {@code hugo.*} always, a {@code config.*} when it has one of Hugo's own keys ({@code baseURL},
     * {@code languageCode}, {@code [permalinks]}...).
     */
    static boolean isHugos(Path file) {
        if (file.getFileName().toString().startsWith("hugo.")) {
            return true;
        }
        for (String key : keys(file)) {
            if (HUGO_KEYS.contains(key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What to do with the settings file {@code name}, which has {@code keys}, and under {@code permalinks} the section
     * {@code section} ({@code posts}, or {@code post} in many Hugo sites: the key is named as the site has it).
     */
    private static String settings(String name, Set<String> keys, String section, Map<String, String> paths) {
        return "Hugo's settings, which Kiln does not read: without them the site's URLs and base URL are not "
                + "Hugo's: write them in site.yml " + moves(keys, section, paths, List.of()) + ", then remove " + name;
    }

    /**
     * What to do with Hugo's {@code config/_default/}, which holds {@code files} (site-relative): its keys named as the
     * single file's are, each file's keys under its name ({@code params.toml}'s under {@code params}).
     */
    private static String configFolder(Path root, List<String> files) {
        Set<String> keys = new LinkedHashSet<>();
        Map<String, String> paths = new LinkedHashMap<>();
        List<String> named = new ArrayList<>(); // what files named for a language hold
        String section = "posts";
        for (String file : files) {
            Path path = root.resolve(file);
            String name = path.getFileName().toString();
            int dot = name.lastIndexOf('.');
            if (dot < 0 || !path.getParent().equals(root.resolve(CONFIG_FOLDER))) {
                continue;
            }
            String base = name.substring(0, dot).toLowerCase(Locale.ROOT);
            boolean whole = base.equals("config") || base.equals("hugo");
            Map<String, String> own = paths(path, whole ? "" : base);
            if (LANGUAGE_MENUS.matcher(base).matches()) {
                // Congo's and Blowfish's menus.en.toml, a language's menus: unsaid until 2026-12-07.
                if (!own.isEmpty()) {
                    named.add(name + "'s main → nav ({title, url} entries)");
                }
                continue;
            }
            paths.putAll(own);
            if (whole) {
                keys.addAll(keys(path));
                if (keys.contains("permalinks")) {
                    section = permalinksKey(path);
                }
            } else if (!own.isEmpty() || name.endsWith(".json")) {
                keys.add(base);
                if (base.equals("permalinks")) {
                    List<String> sections = own.keySet().stream().map(k -> k.substring("permalinks.".length())).toList();
                    section = postsSection(sections);
                }
            }
        }
        return "Hugo's settings folder config/_default/, which Kiln does not read: write its settings in site.yml "
                + moves(keys, section, paths, named) + ", then remove the folder";
    }

    /**
     * Where the settings {@code keys} (top-level, lower case), {@code paths} (every key's dotted path, lower case, with
     * its value as written) go in site.yml, as README's table says, in parentheses: the top-level keys README maps,
     * those under the one table of a single-language site ({@code [languages.zh-cn]}: LoveIt's and other CJK themes'
     * way), {@code named} (what a file named for a language holds: {@code menus.en.toml}'s menu),
     * {@code markup.goldmark.renderer.hardWraps}, which Kiln has not, {@code markup.highlight.lineNos}, line numbers
     * on every code block, which Kiln writes per fence, and {@code enableEmoji}, emoji codes as emoji.
     */
    private static String moves(Set<String> keys, String section, Map<String, String> paths, List<String> named) {
        List<String> moves = new ArrayList<>();
        for (Map.Entry<String, String> move : MOVES) {
            if (keys.contains(move.getKey())) {
                // A taxonomy's pattern (a site that sets only [permalinks] tags) is not the posts': tags' is tag_permalink.
                moves.add(move.getValue().replace("permalinks' posts → permalink", TAXONOMIES.contains(section)
                        ? "permalinks' " + section + " → tag_permalink, if it is tags' (Kiln writes no other taxonomy's"
                        + " pages)" : "permalinks' " + section + " → permalink" + plusNote(paths, section)));
            }
        }
        Set<String> languages = new TreeSet<>();
        for (String path : paths.keySet()) {
            String[] parts = path.split("\\.");
            if (parts.length >= 3 && parts[0].equals("languages")) {
                languages.add(parts[1]);
            }
        }
        if (languages.size() == 1) {
            String language = languages.iterator().next();
            String in = "languages." + language + ".";
            String table = "[languages." + language + "] ";
            Set<String> under = new LinkedHashSet<>();
            for (String path : paths.keySet()) {
                if (path.startsWith(in)) {
                    String[] rest = path.substring(in.length()).split("\\.");
                    under.add(rest[0].equals("params") && rest.length > 1 ? "params." + rest[1] : rest[0]);
                }
            }
            for (Map.Entry<String, String> move : LANGUAGE_MOVES) {
                if (under.contains(move.getKey())) {
                    moves.add(table + move.getValue());
                }
            }
            if (under.stream().anyMatch(k -> k.startsWith("params.") && !k.equals("params.description")
                    && !k.equals("params.author"))) {
                moves.add(table + "params (your own keys) → top-level keys or params:");
            }
        }
        moves.addAll(named);
        for (Map.Entry<String, String> move : TRUE_MOVES) {
            if ("true".equals(paths.get(move.getKey()))) {
                moves.add(move.getValue());
            }
        }
        return moves.isEmpty() ? "(" + SEE.replace(" the others", " its keys") + ")"
                : "(" + String.join(", ", moves) + "; " + SEE + ")";
    }

    /**
     * Settings (dotted paths, lower case) named only when {@code true}, with what stands for them, in order: hardWraps,
     * unsaid until 2026-12-07 and lost in silence; line numbers on every code block; emoji codes as emoji.
     */
    private static final List<Map.Entry<String, String>> TRUE_MOVES = List.of(
            Map.entry("markup.goldmark.renderer.hardwraps", "markup.goldmark.renderer.hardWraps (a <br> at every line "
                    + "break in a paragraph) → none: Kiln joins a paragraph's lines as Hugo's default does: end each "
                    + "line to break with two spaces or a backslash"),
            Map.entry("markup.highlight.linenos", "markup.highlight.lineNos (line numbers on every code block) → "
                    + "line_numbers: true"),
            Map.entry("enableemoji", "enableEmoji (:smile: as 😄) → emoji: true"));

    /** The keys under a single language's table ({@code [languages.zh-cn]}) that README's table maps, in order. */
    private static final List<Map.Entry<String, String>> LANGUAGE_MOVES = List.of(
            Map.entry("title", "title → title"),
            Map.entry("languagecode", "languageCode → language"),
            Map.entry("timezone", "timeZone → timezone"),
            Map.entry("paginate", "paginate → paginate"),
            Map.entry("params.description", "params.description → description"),
            Map.entry("params.author", "params.author → author"),
            Map.entry("menu", "menu.main → nav ({title, url} entries)"),
            Map.entry("menus", "menus.main → nav ({title, url} entries)"));

    /** A {@code config/_default/} file of a language's menus ({@code menus.en.toml}), its extension off. */
    private static final Pattern LANGUAGE_MENUS = Pattern.compile("menus?\\.[a-z]{2}(?:-[a-z0-9]{2,4})?");
    private static final Pattern TOML_HEADER = Pattern.compile("[ \\t]*\\[\\[?([^\\]]+)\\]\\]?[ \\t]*(?:#.*)?");
    private static final Pattern TOML_ASSIGNMENT = Pattern.compile("[ \\t]*([\\w\"'. -]+?)[ \\t]*=[ \\t]*(.*)");

    /**
     * Every key of the settings {@code file} (TOML or YAML; none of JSON) as a dotted path, lower case, under
     * {@code prefix} (a {@code config/_default/} file's name: {@code markup.toml}'s keys are under {@code markup}), with
     * its value as written (quotes and a trailing comment off; empty for a table or a block).
     */
    static Map<String, String> paths(Path file, String prefix) {
        Map<String, String> paths = new LinkedHashMap<>();
        String name = file.getFileName().toString();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            return paths;
        }
        String start = prefix.isEmpty() ? "" : prefix + ".";
        if (name.endsWith(".toml")) {
            String table = start;
            for (String line : lines) {
                Matcher m;
                if (line.strip().startsWith("#")) {
                    continue;
                }
                if ((m = TOML_HEADER.matcher(line)).matches()) {
                    table = start + dotted(m.group(1)) + ".";
                    paths.putIfAbsent(table.substring(0, table.length() - 1), "");
                } else if ((m = TOML_ASSIGNMENT.matcher(line)).matches()) {
                    paths.put(table + dotted(m.group(1)), scalar(m.group(2)));
                }
            }
        } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            java.util.ArrayDeque<Map.Entry<Integer, String>> open = new java.util.ArrayDeque<>();
            for (String line : lines) {
                String stripped = line.strip();
                if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith("-")) {
                    continue;
                }
                String key = FrontMatterStart.yamlKey(stripped);
                if (key == null) {
                    continue;
                }
                int indent = line.length() - line.stripLeading().length();
                while (!open.isEmpty() && open.peek().getKey() >= indent) {
                    open.pop();
                }
                String path = start + (open.isEmpty() ? "" : open.peek().getValue() + ".") + key.toLowerCase(Locale.ROOT);
                int colon = stripped.indexOf(':', key.length());
                paths.put(path, colon < 0 ? "" : scalar(stripped.substring(colon + 1)));
                open.push(Map.entry(indent, path.substring(start.length())));
            }
        }
        return paths;
    }

    /**
     * Under a pattern of its own with {@code :filename} or {@code :slugorfilename}, Hugo 0.111 wrote a {@code +} of a
     * name or slug as a dash ({@code c++.md} at {@code /c-/}), where Kiln keeps it as Hugo's default URL did: said
     * here, where the pattern is moved, since such a post's URL changes with no other message.
     */
    private static String plusNote(Map<String, String> paths, String section) {
        String pattern = paths.getOrDefault("permalinks." + section, paths.getOrDefault("permalinks.page." + section, ""));
        return pattern.contains(":filename") || pattern.contains(":slugorfilename")
                ? " (a + in a file name or slug was a dash in Hugo's URL under it, and is kept by Kiln: give such a "
                + "post Hugo's URL with url:)" : "";
    }

    /** A TOML key or table name as a dotted path, lower case, without quotes or spaces. */
    private static String dotted(String key) {
        return key.replaceAll("[\"' \\t]", "").toLowerCase(Locale.ROOT);
    }

    /** A value as written, its quotes and a trailing comment off. */
    private static String scalar(String value) {
        String v = value.strip();
        if (!v.startsWith("\"") && !v.startsWith("'") && v.contains(" #")) {
            v = v.substring(0, v.indexOf(" #")).strip();
        }
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            v = v.substring(1, v.length() - 1);
        }
        return v;
    }

    /** What to do with Hugo's {@code static/}, which holds {@code files}, {@code first} among them. */
    private static String staticFolder(String first, List<String> files) {
        return "Hugo's static/ folder, which Kiln does not read: " + its(files) + " missing from the site: "
                + moveIntoContent(first, files);
    }

    /** What to do with a Kiln site's own {@code static/}, which holds {@code files}, {@code first} among them. */
    private static String keptStatic(String first, List<String> files) {
        return "static/, which Kiln does not read (files to publish as they are go in content/ or assets/): " + its(files)
                + " not published: " + moveIntoContent(first, files) + "; or, if the folder is not meant for the site, "
                + "rename it";
    }

    /** {@code its file is}, {@code its 3 files are}: the {@code files} of a folder. */
    private static String its(List<String> files) {
        return files.size() == 1 ? "its file is" : "its " + files.size() + " files are";
    }

    /** How to publish {@code files} of {@code static/} ({@code first} among them) at their paths: in content/. */
    private static String moveIntoContent(String first, List<String> files) {
        String in = first.substring("static/".length());
        Set<String> hidden = new TreeSet<>();
        for (String file : files) {
            for (String part : file.substring("static/".length()).split("/")) {
                if (SourceLoader.isIgnored(Path.of(part))) {
                    hidden.add(part);
                    break;
                }
            }
        }
        return "move " + (files.size() == 1 ? "it" : "them") + " into content/, where a file that is not a page is published "
                + "at the same path (" + first + " → content/" + in + ", at /" + in + ")"
                + (hidden.isEmpty() ? "" : "; the hidden " + String.join(", ", hidden) + " then need"
                + (hidden.size() == 1 ? "s" : "") + " include: [" + String.join(", ", hidden) + "] in site.yml");
    }

    private static boolean hidden(String path) {
        for (String part : path.split("/")) {
            if (SourceLoader.isIgnored(Path.of(part))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the folder {@code dir} holds a file of Kiln's own ({@code .kiln-output}, ...): a build's output. */
    private static boolean builtByKiln(Path dir) {
        try (java.util.stream.Stream<Path> names = Files.list(dir)) {
            return names.anyMatch(f -> f.getFileName().toString().startsWith(SiteConfigReader.KILN_FILES));
        } catch (IOException e) {
            return false; // no such folder, or one that cannot be read: files() says what it finds
        }
    }

    /**
     * The regular files below {@code root}'s {@code folder} (site-relative paths, sorted), hidden ones too: Hugo
     * publishes them ({@code static/.well-known/}). {@code .git} is passed over, and so are the files that keep an
     * empty folder in git ({@code .gitkeep}) or that a file browser leaves ({@code .DS_Store}): nothing to lose.
     */
    static List<String> files(Path root, String folder) {
        Path dir = root.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
                    return d.getFileName().toString().equals(".git") ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                    if ((a.isRegularFile() || a.isSymbolicLink()) && !KEEPS.contains(file.getFileName().toString())) {
                        found.add(SourceLoader.slashed(root.relativize(file)));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return found;
        }
        found.sort(null);
        return found;
    }

    /**
     * The top-level keys (lower case) of the settings {@code file}, read as its extension says (TOML: its keys and
     * tables' first names; YAML: the keys at the start of a line; JSON: the keys of its outer object); empty when
     * it cannot be read.
     */
    static Set<String> keys(Path file) {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Set.of();
        }
        Set<String> keys = new LinkedHashSet<>();
        String name = file.getFileName().toString();
        if (name.endsWith(".json")) {
            jsonKeys(text, keys);
            return keys;
        }
        boolean toml = name.endsWith(".toml");
        boolean inTable = false;
        for (String line : text.split("\\r?\\n")) {
            Matcher m;
            if (toml && (m = TOML_TABLE.matcher(line)).matches()) {
                inTable = true;
                keys.add(m.group(1).toLowerCase(Locale.ROOT));
            } else if (toml && !inTable && (m = TOML_KEY.matcher(line)).matches()) {
                keys.add(m.group(1).toLowerCase(Locale.ROOT));
            } else if (!toml) {
                String key = FrontMatterStart.yamlKey(line);
                if (key != null) {
                    keys.add(key.toLowerCase(Locale.ROOT));
                }
            }
        }
        return keys;
    }

    /**
     * The key of Hugo's settings {@code file} under {@code permalinks} that gives the posts' URLs, as written: {@code
     * posts}, else {@code post}, else the first key there ({@code blog}); {@code posts} when it has none of them, or is
     * not read so (JSON: README's table names the key). Read in TOML's {@code [permalinks]} table and under YAML's
     * {@code permalinks:}.
     */
    /** Hugo's usual taxonomies, whose {@code [permalinks]} patterns are their pages', not the posts'. */
    private static final Set<String> TAXONOMIES = Set.of("tags", "tag", "categories", "category", "series", "authors");

    static String permalinksKey(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".json")) {
            return "posts";
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            return "posts";
        }
        boolean toml = name.endsWith(".toml");
        boolean in = false;
        List<String> sections = new ArrayList<>();
        for (String line : lines) {
            Matcher m;
            if (toml && (m = TOML_TABLE.matcher(line)).matches()) {
                // [permalinks], and Hugo 0.120's [permalinks.page], whose keys are the sections' as before.
                in = line.strip().matches("(?i)\\[[ \\t]*\"?permalinks\"?(?:\\.\"?page\"?)?[ \\t]*](?:[ \\t]*#.*)?");
            } else if (!toml && !line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
                String key = FrontMatterStart.yamlKey(line);
                in = key != null && key.equalsIgnoreCase("permalinks");
            } else if (in && toml && (m = TOML_KEY.matcher(line)).matches()) {
                sections.add(m.group(1));
            } else if (in && !toml && !line.isBlank()) {
                String key = FrontMatterStart.yamlKey(line.strip());
                if (key != null) {
                    sections.add(key);
                }
            }
        }
        return postsSection(sections);
    }

    /**
     * Which of {@code sections}, the keys under {@code [permalinks]}, is the posts': {@code posts}, {@code post}, else
     * the first that is no taxonomy, else the first (a taxonomy: the message then says so); {@code posts} for none.
     */
    private static String postsSection(List<String> sections) {
        return sections.contains("posts") ? "posts" : sections.contains("post") ? "post"
                : sections.stream().filter(k -> !TAXONOMIES.contains(k)).findFirst()
                        .orElse(sections.isEmpty() ? "posts" : sections.get(0));
    }

    /** The keys of the outer object of the JSON {@code text}, added to {@code keys}. */
    private static void jsonKeys(String text, Set<String> keys) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '"') {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                int after = end + 1;
                while (after < text.length() && Character.isWhitespace(text.charAt(after))) {
                    after++;
                }
                if (depth == 1 && after < text.length() && text.charAt(after) == ':' && end <= text.length()) {
                    keys.add(text.substring(i + 1, Math.min(end, text.length())).toLowerCase(Locale.ROOT));
                }
                i = end;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
    }

    /**
     * The problem of Hugo's section {@code content/post/} among {@code pages} (Kiln's pages, sorted by path), or
     * null: when one of its pages is dated (a {@code date:} in its front matter, or a dated name), its files are
     * Hugo's posts, which Kiln would publish as pages in the menu. Without a date they are taken for pages.
     */
    static Problem postFolder(List<SourceFile> pages) {
        String dated = null;
        int files = 0;
        for (SourceFile page : pages) {
            if (page.path().startsWith(POST + "/")) {
                files++;
                if (dated == null && isDated(page)) {
                    dated = page.path();
                }
            }
        }
        if (dated == null) {
            return null;
        }
        String its = files == 1 ? "it" : "its " + files + " files";
        return Problem.inFile(dated, "content/post/ is the section of posts of many Hugo sites, but Kiln's posts are "
                + "the files in content/posts/ (plural): Kiln would publish " + its + " as pages, in the menu, and "
                + "none as a post (no post list, feed or tags): rename the folder content/posts/ (or, if "
                + (files == 1 ? "it is a page" : "they are pages") + ", not posts, give the folder another name)");
    }

    /**
     * Whether {@code page} has a date: a dated name, or a date in its front matter, YAML's {@code date:} or Hugo's TOML
     * {@code date = } (until 2026-12-07 YAML's only: a Hugo site's TOML posts were not seen until converted).
     */
    private static boolean isDated(SourceFile page) {
        if (FrontMatterParser.DATED_NAME.matcher(page.fileName().startsWith("index.") ? folderName(page.path())
                : page.fileName()).matches()) {
            return true;
        }
        return frontMatterKeys(page).contains("date");
    }

    /**
     * Whether the front matter of {@code page} gives its URL, so that its file name is in no URL: a
     * {@code permalink:} or Hugo's {@code url:}, or, for a post, a {@code slug:} (a page's URL is its path).
     */
    static boolean givesUrl(SourceFile page) {
        Set<String> keys = frontMatterKeys(page);
        return keys.contains("permalink") || keys.contains("url")
                || keys.contains("slug") && page.path().startsWith(SourceLoader.POSTS + "/");
    }

    /**
     * The top-level keys (lower case) of the front matter that opens {@code page}: YAML's on its first line, or Hugo's
     * TOML ({@code +++}, below blank lines too, as Hugo reads it; its keys before its first table); empty if none.
     */
    private static Set<String> frontMatterKeys(SourceFile page) {
        String text = page.text();
        boolean yaml = text.startsWith("---");
        FrontMatterStart start = yaml ? null : FrontMatterStart.of(text);
        if (!yaml && (start == null || start.kind() != FrontMatterStart.Kind.TOML)) {
            return Set.of();
        }
        Set<String> keys = new java.util.HashSet<>();
        String[] lines = text.substring(yaml ? 0 : start.offset()).split("\\r?\\n", 200);
        for (int i = 1; i < lines.length; i++) {
            if (yaml ? lines[i].startsWith("---") || lines[i].startsWith("...")
                    : lines[i].startsWith("+++") || TOML_TABLE.matcher(lines[i]).matches()) {
                break;
            }
            Matcher toml;
            String key = yaml ? FrontMatterStart.yamlKey(lines[i])
                    : (toml = TOML_KEY.matcher(lines[i])).matches() ? toml.group(1) : null;
            if (key != null) {
                keys.add(key.toLowerCase(Locale.ROOT));
            }
        }
        return keys;
    }

    private static String folderName(String path) {
        String folder = path.substring(0, path.lastIndexOf('/'));
        return folder.substring(folder.lastIndexOf('/') + 1);
    }

    /**
     * The problems of pages named with Hugo's language suffix among {@code paths} (site-relative, sorted): one
     * with the site's {@code language} ({@code hello.en.md} of an {@code en} site), an index with any
     * ({@code index.en.md}: no one names a page {@code index-en}), and the translations of these
     * ({@code hello.fr.md} beside {@code hello.en.md}). Kiln would take the suffix for part of the name: its URL.
     * A file {@code urlGiven} tells of (its front matter gives its URL: {@link #givesUrl}; asked only of the few
     * suffixed files, as it reads a file's front matter) is no problem: its name is in no URL; but a post bundle's
     * index, whose folder would be no bundle, still is.
     */
    static List<Problem> languageSuffixes(List<String> paths, java.util.function.Predicate<String> urlGiven,
                                          String language) {
        String lang = language == null ? "" : language.toLowerCase(Locale.ROOT).replace('_', '-');
        String primary = lang.contains("-") ? lang.substring(0, lang.indexOf('-')) : lang;
        Map<String, String> named = new HashMap<>(); // folder/name → the suffixed file of the site's language
        List<Matcher> suffixed = new ArrayList<>();
        List<String> at = new ArrayList<>();
        for (String path : paths) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            Matcher m = SUFFIXED.matcher(name);
            if (!m.matches()) {
                continue;
            }
            suffixed.add(m);
            at.add(path);
            String code = m.group(2);
            if (m.group(1).equals("index") || code.equals(lang) || code.equals(primary)) {
                named.putIfAbsent(path.substring(0, path.lastIndexOf('/') + 1) + m.group(1), path);
            }
        }
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < suffixed.size(); i++) {
            Matcher m = suffixed.get(i);
            String path = at.get(i);
            String folder = path.substring(0, path.lastIndexOf('/') + 1);
            String own = named.get(folder + m.group(1));
            String base = m.group(1);
            String code = m.group(2);
            boolean index = base.equals("index");
            boolean inPosts = path.startsWith(SourceLoader.POSTS + "/");
            if (own == null || !(index && inPosts) && urlGiven.test(path)) {
                continue; // hello.js.md: a name, Kiln's and Hugo's; or one whose URL its front matter gives
            }
            String as = base + "-" + code;
            String wrong = index ? "Kiln would take index-" + code + " for its name, in its URL, and the folder "
                    + folder.substring(0, folder.length() - 1) + "/ for no bundle"
                    : "Kiln would take " + as + " for its name, in its URL";
            if (own.equals(path)) {
                String name = index && inPosts ? "" : inPosts ? " (or, if ." + code + " is part of its name, not a "
                        + "language, keep the name and say so with slug: " + base + "." + code + " in its front matter)"
                        : " (or, if ." + code + " is part of its name, not a language, keep the name and say so with "
                        + "permalink: " + Permalinks.pagePath(path).url() + " in its front matter)";
                problems.add(Problem.inFile(path, "." + code + " is Hugo's language suffix, which Kiln does not "
                        + "read (a Kiln site has one language, site.yml's language: " + language + "): " + wrong
                        + ": rename it " + base + "." + m.group(3) + name));
            } else {
                problems.add(Problem.inFile(path, "." + code + " is Hugo's language suffix: this is a translation "
                        + "of " + own + ", and a Kiln site has one language (site.yml's language: " + language
                        + "): " + wrong + ": move it out of content/, or name it as a page of its own"));
            }
        }
        return problems;
    }
}
