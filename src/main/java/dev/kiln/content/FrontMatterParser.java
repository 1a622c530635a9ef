package dev.kiln.content;

import dev.kiln.error.Position;
import dev.kiln.error.Problem;
import dev.kiln.error.SiteException;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a source file into its YAML front matter and its body, and types the front matter's keys. */
public final class FrontMatterParser {

    private static final Set<String> KNOWN = Set.of("title", "date", "last_modified_at", "tags", "tag",
            "categories", "category", "slug", "permalink", "layout", "draft", "published", "description",
            "image", "excerpt", "excerpt_separator", "toc", "sitemap", "redirect_from", "aliases", "redirect_to");
    /** Hugo's keys that Kiln reads, in lower case: Hugo matches them in any case. */
    private static final Set<String> HUGO = Set.of("lastmod", "modified", "publishdate", "expirydate", "url");
    /** A name that starts with a date, as Jekyll names posts: {@code 2018-03-15-what-i-learned}. */
    static final Pattern DATED_NAME = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}-(.+)");
    private static final Pattern MARKUP_EXTENSION = Pattern.compile("\\.(" + SourceFile.MARKDOWN_EXTENSIONS
            + "|html)$");
    /** An absolute http(s) URL with a host and no white space. */
    private static final Pattern ABSOLUTE_URL = Pattern.compile("(?i)https?://[^\\s/?#@]+(?:[/?#]\\S*)?");
    private static final Pattern WORD_BREAKS = Pattern.compile("[-_\\s]+");
    /** The line that closes the front matter. */
    private static final Pattern CLOSE = Pattern.compile("(?m)^(?:---|\\.\\.\\.)[ \\t]*\\r?$");

    private FrontMatterParser() {}

    /** Reads {@code source} as a post or page; the first problem found is thrown as a {@link SiteException}. */
    public static DraftPage parse(SourceFile source, PageKind kind, ZoneId zone) {
        return parse(source, kind, zone, null);
    }

    /**
     * As {@link #parse(SourceFile, PageKind, ZoneId)}, in a site whose posts' {@code permalink} is this: a Hugo
     * section's {@code _index.md} is told its list's old address by it.
     */
    public static DraftPage parse(SourceFile source, PageKind kind, ZoneId zone, String permalink) {
        String text = source.text();
        HugoFiles.refuse(source, permalink);
        YamlDocument yaml = YamlDocument.EMPTY;
        int bodyStart = 0;
        int bodyLine = 1;
        if (startsWithFence(text)) {
            int open = text.indexOf('\n') + 1;
            Matcher close = CLOSE.matcher(text);
            if (!close.find(open)) {
                throw new SiteException(new Problem(source.path(), 1, 1,
                        "front matter is not closed: add a line '---' after its last key"));
            }
            yaml = YamlReader.read(source.path(), text.substring(open, close.start()), 2);
            bodyLine = 2 + countLines(text, open, close.start());
            int after = text.indexOf('\n', close.end());
            bodyStart = after < 0 ? text.length() : after + 1;
            bodyLine += 1;
        } else {
            FrontMatterStart start = FrontMatterStart.of(text);
            if (start != null && start.kind() == FrontMatterStart.Kind.YAML && start.line() > 1) {
                // An HTML file without front matter on its first line is copied as it is, not rendered.
                String would = source.fileName().endsWith(".html")
                        ? "it would be copied as it is, front matter and all, a draft too"
                        : "it would be text: a heading, and the page published, a draft too";
                throw new SiteException(new Problem(source.path(), start.line(), 1, "front matter below "
                        + start.blankLines() + ", where Kiln does not read it (" + would + "): remove "
                        + (start.line() == 2 ? "the blank line" : "them") + " above this ---, so that it is the file's first line (Kiln reads front matter there only, "
                        + "as Jekyll does; Hugo reads past blank lines)"));
            }
        }
        return new DraftPage(source, kind, typed(source, kind, yaml, zone), bodyStart, bodyLine);
    }

    /**
     * Whether {@code key} is one Kiln reads in front matter ({@code title}, {@code date}, {@code draft}, ... and
     * Hugo's {@code lastmod}, {@code publishDate}, {@code url}...), in any case, as Hugo reads keys.
     */
    static boolean isKnownKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return KNOWN.contains(lower) || HUGO.contains(lower);
    }

    private static boolean startsWithFence(String text) {
        return text.startsWith("---\n") || text.startsWith("---\r\n") || text.equals("---")
                || text.matches("(?s)---[ \\t]+\\r?\\n.*");
    }

    private static int countLines(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static FrontMatter typed(SourceFile source, PageKind kind, YamlDocument yaml, ZoneId zone) {
        List<Problem> twice = new ArrayList<>(0);
        yaml = knownInLowerCase(source, yaml, twice);
        YamlFields f = new YamlFields(source.path(), yaml);
        f.problems().addAll(twice);
        hugoBuildOptions(source, kind, yaml, f);
        String fileSlug = fileSlug(source.postName());
        String title = f.text("title");
        if (title == null) {
            title = titleFromSlug(fileSlug);
        }
        Map<String, List<String>> hugo = hugoKeys(yaml);
        String publishKey = oneOf(source, f, yaml, keys(hugo, null, "publishdate"), "the date the page is published");
        String expiryKey = oneOf(source, f, yaml, keys(hugo, null, "expirydate"), "the date the page expires");
        String modifiedKey = oneOf(source, f, yaml, keys(hugo, "last_modified_at", "lastmod", "modified"),
                "the date the page last changed (Hugo's lastmod is Kiln's last_modified_at)");
        String permalinkKey = oneOf(source, f, yaml, keys(hugo, "permalink", "url"),
                "the page's URL (Hugo's url is Kiln's permalink)");
        ZonedDateTime publishDate = publishKey == null ? null
                : f.date(publishKey, zone, "the date the page is published", "release");
        ZonedDateTime date = f.date("date", zone);
        if (date == null && kind == PageKind.POST) {
            date = DateParser.fromFileName(source.postName(), zone).orElse(null);
            if (date == null && !f.has("date") && publishKey == null) {
                f.problems().add(Problem.inFile(source.path(),
                        "post has no date: add 'date: YYYY-MM-DD' to its front matter or name the "
                                + (PostBundles.isIndex(source.path()) ? "folder" : "file") + " YYYY-MM-DD-"
                                + source.postName()));
            }
        }
        if (date == null && !f.has("date")) {
            date = publishDate; // as Hugo dates a page that names only its publishDate
        }
        ZonedDateTime lastModified = modifiedKey == null ? null : modifiedKey.equals("last_modified_at")
                ? f.date(modifiedKey, zone) : f.date(modifiedKey, zone, "the date the page last changed", "changes");
        ZonedDateTime expiryDate = expiryKey == null ? null
                : f.date(expiryKey, zone, "the date the page expires", "ends");
        String permalink = permalinkKey == null ? null : f.text(permalinkKey);
        Map<String, Position> positions = yaml.positions();
        if (permalinkKey != null && !permalinkKey.equals("permalink")) {
            positions = new HashMap<>(positions);
            positions.put("permalink", yaml.at(permalinkKey, Position.START));
            if (permalink != null && (Route.hasScheme(permalink) || permalink.startsWith("//"))) {
                f.problem(permalinkKey, permalinkKey + " is the page's own URL, as Hugo reads it, not a link to "
                        + "another site: write a path of this site such as /contact-me/, or give the link "
                        + "another key (link: " + permalink + ")");
                permalink = null;
            }
        }
        // A string of tags holding a comma is a list written on one line: "java, Spring Boot" is java and Spring Boot
        // (Jekyll's split at spaces made "java," and "Boot," tags of it). Categories keep Jekyll's split: it fixes
        // the URL of each post under :categories.
        List<String> tags = f.words(f.has("tags") ? "tags" : "tag", true);
        List<String> categories = f.words(f.has("categories") ? "categories" : "category");
        String slug = f.text("slug");
        FrontMatter front = new FrontMatter(
                title, date, lastModified, publishDate, expiryDate, tags, categories,
                slug == null ? fileSlug : slug,
                permalink, layout(source, yaml, f),
                f.bool("draft", false), !f.bool("published", true),
                f.text("description"), image(f, yaml), f.text("excerpt"), f.text("excerpt_separator"),
                toc(f, yaml), sitemap(f, yaml),
                redirectFrom(f), aliases(f), redirectTo(f), canonicalUrl(f), author(f, yaml),
                params(yaml, hugo), positions);
        if (!f.problems().isEmpty()) {
            throw new SiteException(f.problems());
        }
        return front;
    }

    /**
     * The layout the page names, or null. Jekyll's way to publish a page without a layout ({@code layout: null},
     * {@code none}, {@code false}) is a problem at its value: Kiln lays out every page, and {@code null} laid the page
     * out in {@code page} in silence, its own {@code <head>} dropped into the site's {@code <main>}.
     */
    private static String layout(SourceFile source, YamlDocument yaml, YamlFields f) {
        Object value = yaml.values().get("layout");
        boolean none = value == null ? yaml.values().containsKey("layout") : Boolean.FALSE.equals(value)
                || value instanceof String text && List.of("none", "null", "false").contains(text.strip().toLowerCase(
                java.util.Locale.ROOT));
        if (!none) {
            return f.text("layout");
        }
        boolean html = !source.isMarkdown() && source.path().startsWith(SourceLoader.CONTENT + "/")
                && !source.path().startsWith(SourceLoader.CONTENT + "/posts/");
        // An HTML page's body is a part of a page (its <html>, <head> and <body> are the layout's): only the file
        // without front matter is published byte for byte.
        f.problem("layout", "layout: " + value + " is Jekyll's way to publish a page as it is, without a layout; Kiln "
                + "lays out every page that has front matter: " + (html ? "to publish this file as it is, take its front "
                + "matter out: an .html file under " + SourceLoader.CONTENT + "/ without front matter is copied as it is, "
                + "at its own path (move it to where its permalink points)" : "give it a layout of your own that prints "
                + "only its text, layouts/bare.peb holding {{ page.content | raw }}, and write layout: bare here"));
        return null;
    }

    /**
     * Hugo's {@code _build} options ({@code build} since Hugo 0.123, a map of {@code render}, {@code list} and
     * {@code publishResources}) and {@code headless: true}, which keep a page out of Hugo's site or lists: Kiln would
     * publish the page, and list it, so each is a problem at its key saying what keeps it out in Kiln. A {@code _build}
     * that asks for what Kiln does anyway (Hugo's defaults: {@code render: always}, {@code list: always},
     * {@code publishResources: true}) is no problem.
     */
    private static void hugoBuildOptions(SourceFile source, PageKind kind, YamlDocument yaml, YamlFields f) {
        for (Map.Entry<String, Object> e : yaml.values().entrySet()) {
            String key = e.getKey();
            Object value = e.getValue();
            String what;
            if (key.equalsIgnoreCase("_build") || key.equalsIgnoreCase("build") && isBuildOptions(value)) {
                if (asksForDefaults(value)) {
                    continue;
                }
                what = key + " is Hugo's (render, list, publishResources), which Kiln does not read";
            } else if (key.equalsIgnoreCase("headless") && !(Boolean.FALSE.equals(value) || "false".equals(value))) {
                what = key + ": " + value + " is Hugo's (a bundle that is no page), which Kiln does not read";
            } else {
                continue;
            }
            boolean folder = source.fileName().startsWith("index.");
            f.problems().add(yaml.keyAt(key).problem(source.path(), what + ": this " + (kind == PageKind.POST
                    ? "post would be published and listed as any other (on the home page, in the feeds)"
                    : "page would be published as any other (in the default menu)") + ". To keep it out of the "
                    + "site, write draft: true in its place (or published: false; kiln build --drafts includes "
                    + "either)" + (folder ? "; to publish only the folder's other files, move this file out of "
                    + "content/ (they are then published at their paths, as any file under content/ is)" : "")));
        }
    }

    /** Whether {@code value} is a map of Hugo's build options only, as Hugo's {@code build} key is. */
    private static boolean isBuildOptions(Object value) {
        if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
            return false;
        }
        for (Object key : map.keySet()) {
            if (!(key instanceof String name) || !Set.of("render", "list", "publishresources")
                    .contains(name.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the build options {@code value} are Hugo's defaults, what Kiln does: publish, list, copy the files. */
    private static boolean asksForDefaults(Object value) {
        if (!isBuildOptions(value)) {
            return false;
        }
        for (Map.Entry<?, ?> option : ((Map<?, ?>) value).entrySet()) {
            Object v = option.getValue();
            if (!(Boolean.TRUE.equals(v) || "always".equals(v) || v instanceof String text && text.equals("true"))) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code yaml} with the {@link #KNOWN} keys written in another case ({@code Title:}, {@code Draft:}) under their
     * lower-case names, as Hugo reads a key in any case; two spellings of one key are a problem at the later one.
     * {@code yaml} itself when every known key is written in lower case (the common path: no map is made).
     */
    private static YamlDocument knownInLowerCase(SourceFile source, YamlDocument yaml, List<Problem> problems) {
        Map<String, String> renamed = null; // as written -> lower case
        for (String key : yaml.values().keySet()) {
            if (hasUpperCase(key)) {
                String lower = key.toLowerCase(Locale.ROOT);
                if (KNOWN.contains(lower)) {
                    if (renamed == null) {
                        renamed = new HashMap<>();
                    }
                    renamed.put(key, lower);
                }
            }
        }
        if (renamed == null) {
            return yaml;
        }
        Map<String, String> kept = new HashMap<>(); // lower case -> the spelling written first
        for (String key : yaml.values().keySet()) {
            String lower = renamed.getOrDefault(key, key);
            if (!KNOWN.contains(lower)) {
                continue;
            }
            String first = kept.get(lower);
            if (first == null || before(yaml.keyAt(key), yaml.keyAt(first))) {
                kept.put(lower, key);
            }
        }
        for (String key : yaml.values().keySet()) {
            String lower = renamed.getOrDefault(key, key);
            String first = kept.get(lower);
            if (first != null && !first.equals(key)) {
                problems.add(yaml.keyAt(key).problem(source.path(), key + " and " + first + " are one key, "
                        + lower + ", as Hugo and Kiln read front matter keys in any case: keep one"));
            }
        }
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        Map<String, Position> positions = new HashMap<>();
        Map<String, Position> keyPositions = new HashMap<>();
        Map<String, List<Position>> items = new HashMap<>();
        for (Map.Entry<String, Object> e : yaml.values().entrySet()) {
            String key = e.getKey();
            String lower = renamed.getOrDefault(key, key);
            if (KNOWN.contains(lower) && !kept.get(lower).equals(key)) {
                continue; // reported above
            }
            values.put(lower, e.getValue());
        }
        Map<String, String> names = renamed;
        yaml.positions().forEach((k, v) -> put(positions, name(k, yaml, names, kept), v));
        yaml.keyPositions().forEach((k, v) -> put(keyPositions, name(k, yaml, names, kept), v));
        yaml.itemPositions().forEach((k, v) -> put(items, name(k, yaml, names, kept), v));
        return new YamlDocument(values, positions, keyPositions, items);
    }

    /**
     * A key of a position map ({@code Tags}, or {@code Tags.x} nested) under its lower-case name, or null for a
     * second spelling of a known key (dropped).
     */
    private static String name(String key, YamlDocument yaml, Map<String, String> renamed, Map<String, String> kept) {
        int dot = key.indexOf('.');
        String top = dot < 0 || yaml.values().containsKey(key) ? key : key.substring(0, dot);
        String lower = renamed.getOrDefault(top, top);
        String first = kept.get(lower);
        if (first == null) {
            return key;
        }
        return first.equals(top) ? lower + key.substring(top.length()) : null;
    }

    private static <V> void put(Map<String, V> map, String key, V value) {
        if (key != null) {
            map.put(key, value);
        }
    }

    private static boolean hasUpperCase(String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                return true;
            }
        }
        return false;
    }

    /**
     * Hugo's keys that Kiln reads ({@code lastmod}, {@code modified}, {@code publishDate}, {@code expiryDate},
     * {@code url}) as {@code yaml} writes them (each spelling, in order), by their lower-case name: Hugo reads a key
     * in any case. Told by {@code equalsIgnoreCase}, with no lower-case copy of every key of every page.
     */
    private static Map<String, List<String>> hugoKeys(YamlDocument yaml) {
        Map<String, List<String>> found = Map.of();
        for (String key : yaml.values().keySet()) {
            for (String name : HUGO) {
                if (key.length() == name.length() && key.equalsIgnoreCase(name)) {
                    if (found.isEmpty()) {
                        found = new HashMap<>();
                    }
                    found.computeIfAbsent(name, n -> new ArrayList<>(1)).add(key); // publishDate and publishdate: both
                }
            }
        }
        return found;
    }

    /** {@code kiln} (null for none) and the keys of {@code hugo} named by {@code lowerNames}, as written. */
    private static List<String> keys(Map<String, List<String>> hugo, String kiln, String... lowerNames) {
        List<String> keys = new ArrayList<>(2);
        if (kiln != null) {
            keys.add(kiln);
        }
        for (String name : lowerNames) {
            keys.addAll(hugo.getOrDefault(name, List.of()));
        }
        return keys;
    }

    /**
     * The one of {@code keys} that the front matter gives a value, or null; a second one is a problem at its key,
     * naming the first and {@code what} both give.
     */
    private static String oneOf(SourceFile source, YamlFields f, YamlDocument yaml, List<String> keys, String what) {
        String first = null;
        for (String key : keys) {
            if (f.has(key) && (first == null || before(yaml.keyAt(key), yaml.keyAt(first)))) {
                first = key;
            }
        }
        for (String key : keys) {
            if (f.has(key) && !key.equals(first)) {
                f.problems().add(yaml.keyAt(key).problem(source.path(), key + " and " + first + " both give "
                        + what + ": keep one"));
            }
        }
        return first;
    }

    private static boolean before(Position a, Position b) {
        return a.line() < b.line() || a.line() == b.line() && a.column() < b.column();
    }

    /** {@link #KNOWN} and the Hugo keys of one page. */
    private static Set<String> known(Map<String, List<String>> hugo) {
        Set<String> known = new HashSet<>(KNOWN);
        hugo.values().forEach(known::addAll);
        return known;
    }

    /**
     * The keys Kiln does not read, for {@code page.params}, and a {@code toc} map (LoveIt's {@code toc: {enable: true,
     * auto: false}}), whose other keys are the theme's.
     */
    private static Map<String, Object> params(YamlDocument yaml, Map<String, List<String>> hugo) {
        Map<String, Object> params = yaml.valuesExcept(hugo.isEmpty() ? KNOWN : known(hugo));
        if (yaml.values().get("toc") instanceof Map<?, ?> toc) {
            params.put("toc", toc);
        }
        return params;
    }

    /**
     * The page's {@code toc}, or null when it has none: {@code true} or {@code false}, or a map's {@code enable}, as
     * LoveIt, DoIt and FixIt write it ({@code toc: {enable: true, auto: false}}, which Hugo builds as a theme's
     * parameter). Anything else is a problem at its line that shows the value as YAML writes it and what to write.
     */
    private static Boolean toc(YamlFields f, YamlDocument yaml) {
        Object v = yaml.values().get("toc");
        if (v == null || v instanceof Boolean || YamlFields.quotedBoolean(v) != null) {
            return f.has("toc") ? f.bool("toc", false) : null; // a quoted "true" is told to drop its quotes
        }
        if (v instanceof Map<?, ?> map) {
            if (map.get("enable") instanceof Boolean enable) {
                return enable;
            }
            f.problem("toc", "toc must be true or false, not '" + asWritten(v) + "', a map without a true or false"
                    + " enable (read as the toc setting, as LoveIt's toc: {enable: true}): write toc: true (or toc:"
                    + " false), or enable: true under toc");
            return null;
        }
        f.problem("toc", "toc must be true or false, not '" + asWritten(v) + "': write toc: true to show a table of"
                + " contents (toc: false, or no toc, for none)");
        return null;
    }

    /**
     * {@code v}, a YAML value, on one line as YAML writes it: maps and lists in flow style, a text plain unless YAML
     * would read it as something else ({@code "true"}, {@code "3"}) or it holds YAML's punctuation.
     */
    private static String asWritten(Object v) {
        if (v instanceof Map<?, ?> map) {
            java.util.StringJoiner j = new java.util.StringJoiner(", ", "{", "}");
            map.forEach((k, x) -> j.add(asWritten(k) + ": " + asWritten(x)));
            return j.toString();
        }
        if (v instanceof List<?> list) {
            java.util.StringJoiner j = new java.util.StringJoiner(", ", "[", "]");
            list.forEach(x -> j.add(asWritten(x)));
            return j.toString();
        }
        if (v instanceof String text && (text.isEmpty() || YamlFields.quotedBoolean(text) != null
                || text.matches("[-+.\\d].*|null|~") || text.matches(".*[:#,\\[\\]{}\"'\\n].*")
                || !text.equals(text.strip()))) {
            return YamlText.quote(text);
        }
        return String.valueOf(v);
    }

    /**
     * Whether the page is in {@code sitemap.xml}: {@code sitemap: false} leaves it out, as jekyll-sitemap does. A map
     * is the page's settings for its sitemap entry, as Hugo reads them ({@code sitemap: {disable: true}}) and as a
     * common hand-written Jekyll sitemap template does ({@code sitemap: {exclude: 'yes'}}): either leaves the page
     * out, and their other keys ({@code lastmod}, {@code priority}, {@code changefreq}) are not read, so that such a
     * site builds as before. A text, a number or a list is a problem at its line.
     */
    private static boolean sitemap(YamlFields f, YamlDocument yaml) {
        Object v = yaml.values().get("sitemap");
        if (v == null || v instanceof Boolean) {
            return !Boolean.FALSE.equals(v);
        }
        if (v instanceof Map<?, ?> map) {
            return !(excludes(map.get("disable")) || excludes(map.get("exclude")));
        }
        String quoted = YamlFields.quotedBoolean(v);
        f.problem("sitemap", "sitemap must be true or false, not '" + v + "'" + (quoted != null
                ? ", a text in quotes: write it without them (sitemap: " + quoted + ")"
                : ": write sitemap: false to leave this page out of sitemap.xml, or remove the key"));
        return true;
    }

    /** Whether a sitemap setting ({@code disable}, {@code exclude}) is true, or "yes" as the Jekyll template has it. */
    private static boolean excludes(Object value) {
        return Boolean.TRUE.equals(value) || value instanceof String text && text.equalsIgnoreCase("yes");
    }

    /**
     * The page's {@code image}: its path or URL. jekyll-seo-tag's map ({@code image: {path: ..., alt: ...}}, which
     * themes such as Chirpy write for every cover) is a problem that says to write the path alone.
     */
    private static String image(YamlFields f, YamlDocument yaml) {
        if (yaml.values().get("image") instanceof Map<?, ?> map && map.get("path") != null
                && !(map.get("path") instanceof Map || map.get("path") instanceof List)) {
            f.problem("image", "image must be the image's path or URL, not a map of path and alt (jekyll-seo-tag's "
                    + "form): write image: " + map.get("path").toString().strip() + " (the theme shows the cover "
                    + "under the title, as decoration without alt text)");
            return null;
        }
        return f.text("image");
    }

    /**
     * The page's {@code canonical_url}, the original it copies (a cross-post's), as jekyll-seo-tag reads it: an
     * absolute http(s) URL, or a path from the site's root (another page of the site, made absolute as the page's own
     * canonical URL is), or a problem saying what to write.
     */
    private static String canonicalUrl(YamlFields f) {
        String url = f.text("canonical_url");
        if (url == null || url.isBlank()) {
            return null;
        }
        url = url.strip();
        if (!ABSOLUTE_URL.matcher(url).matches() && !(url.startsWith("/") && !url.startsWith("//"))) {
            f.problem("canonical_url", "canonical_url '" + url + "' is neither an absolute URL nor a path from the "
                    + "site's root: write the whole address of the page this one copies, such as canonical_url: "
                    + "https://dev.to/jane/my-post, or the path of a page of this site, such as /2024/01/02/original/ (search engines "
                    + "then index that page instead of this one; without canonical_url the page is its own)");
            return null;
        }
        return url;
    }

    /**
     * The page's own {@code author}, as jekyll-seo-tag and jekyll-feed read it: a name, a map with a {@code name},
     * or a list of either, of which the first is taken; null when the page names none.
     */
    private static String author(YamlFields f, YamlDocument yaml) {
        Object written = yaml.values().get("author");
        Object first = written instanceof List<?> list ? (list.isEmpty() ? null : list.get(0)) : written;
        if (first == null || first instanceof String text && text.isBlank()) {
            return null;
        }
        Object name = first instanceof Map<?, ?> map ? map.get("name") : first;
        if (name != null && !(name instanceof Map) && !(name instanceof List) && !name.toString().isBlank()) {
            return name.toString().strip();
        }
        f.problem("author", "author must be the name of the page's author (author: Jane Doe), or a map with a name "
                + "(author: {name: Jane Doe, email: jane@example.com}), as jekyll-seo-tag and jekyll-feed read it");
        return null;
    }

    /** Where {@code redirect_to} sends the page's readers: an absolute URL or a path from the site's root, or null. */
    private static String redirectTo(YamlFields f) {
        String to = f.text("redirect_to");
        if (to == null || to.isBlank()) {
            return null;
        }
        to = to.strip();
        if (!to.startsWith("/") && !to.startsWith("https://") && !to.startsWith("http://")) {
            f.problem("redirect_to", "redirect_to '" + to + "' is neither a URL (https://...) nor a path from the site "
                    + "root (/new-post/)");
            return null;
        }
        return to;
    }

    /** The old URLs of {@code redirect_from}, each a path from the site's root, as jekyll-redirect-from reads them. */
    private static List<String> redirectFrom(YamlFields f) {
        java.util.Set<String> paths = new java.util.LinkedHashSet<>();
        for (String url : f.texts("redirect_from")) {
            if (onAnotherSite(f, "redirect_from", url)) {
                continue;
            }
            String path = url.startsWith("/") ? url : "/" + url;
            String bad = Permalinks.unsafe(path);
            if (bad != null) {
                f.problem("redirect_from", "redirect_from '" + url + "' " + bad
                        + ": write a path from the site root such as /old-post/");
            } else {
                paths.add(path);
            }
        }
        return List.copyOf(paths);
    }

    /**
     * Hugo's {@code aliases} as written: a relative one is resolved against the page's URL when the page has one
     * ({@link Permalinks#redirects}), where a {@code ..} that leaves the site is reported.
     */
    private static List<String> aliases(YamlFields f) {
        java.util.Set<String> aliases = new java.util.LinkedHashSet<>();
        for (String url : f.texts("aliases")) {
            String alias = url.strip();
            if (onAnotherSite(f, "aliases", alias)) {
                continue;
            }
            // '.' and '..' are resolved against the page's URL later; anything else unsafe is reported here.
            String bad = alias.isEmpty() ? "is empty" : Permalinks.unsafe(String.join("/", java.util.Arrays
                    .stream(alias.split("/", -1)).filter(s -> !s.equals(".") && !s.equals("..")).toList()));
            if (bad == null && alias.startsWith("/") && Permalinks.resolved(List.of(), alias) == null) {
                bad = "leaves the site: its '..' climb above the site root";
            }
            if (bad != null) {
                f.problem("aliases", "aliases '" + url + "' " + bad + ": write a path such as /old-post/ (from the "
                        + "site root) or old-name (beside the page's own URL, as Hugo reads it)");
            } else {
                aliases.add(alias);
            }
        }
        return List.copyOf(aliases);
    }

    /** Whether {@code url}, an old URL of {@code key}, is on another site (a problem reported at {@code key}). */
    private static boolean onAnotherSite(YamlFields f, String key, String url) {
        if (Route.hasScheme(url) || url.startsWith("//")) {
            f.problem(key, key + " takes paths of this site, not '" + url + "': write /old-post/ for "
                    + "https://example.com/old-post/");
            return true;
        }
        return false;
    }

    /** {@code 2018-03-15-what-i-learned.md} → {@code what-i-learned}; {@code about.md} → {@code about}. */
    static String fileSlug(String fileName) {
        String base = MARKUP_EXTENSION.matcher(fileName).replaceFirst("");
        Matcher m = DATED_NAME.matcher(base);
        return m.matches() ? m.group(1) : base;
    }

    /** Jekyll's title for a post without one: {@code what-i-learned} → {@code What I Learned}. */
    static String titleFromSlug(String slug) {
        StringBuilder out = new StringBuilder();
        for (String word : WORD_BREAKS.split(slug)) {
            if (!word.isEmpty()) {
                out.append(out.length() == 0 ? "" : " ")
                        .append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
            }
        }
        return out.toString();
    }
}
