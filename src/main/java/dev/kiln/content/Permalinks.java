package dev.kiln.content;

import dev.kiln.config.SiteConfig;
import dev.kiln.error.Position;
import dev.kiln.error.SiteException;

import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Computes the URL of each post and page from its front matter and {@code site.yml}, Jekyll's way. */
public final class Permalinks {

    private static final Pattern PLACEHOLDER = Pattern.compile(":([a-z_]+)");
    private static final Pattern SLASHES = Pattern.compile("/{2,}");
    /** Every placeholder a permalink pattern may use, for error messages. */
    public static final String PLACEHOLDERS = ":year :month :day :i_month :i_day :short_year :hour :minute :second"
            + " :y_day :title :slug :categories :output_ext :slugorfilename :filename";
    private static final Set<String> NAMES = Set.of(PLACEHOLDERS.replace(":", "").split(" "));
    private static final Map<String, String> STYLES = Map.of(
            "date", "/:categories/:year/:month/:day/:title:output_ext",
            "pretty", "/:categories/:year/:month/:day/:title/",
            "ordinal", "/:categories/:year/:y_day/:title:output_ext",
            "none", "/:categories/:title:output_ext");

    private Permalinks() {}

    /** The route of {@code page}: its own {@code permalink}, else the site's pattern (posts) or its path (pages). */
    public static Route of(DraftPage page, SiteConfig config) {
        FrontMatter front = page.front();
        if (front.permalink() != null) {
            String key = front.permalinkKey();
            String pattern = front.permalink();
            if (!key.equals("permalink") && !pattern.endsWith("/") && !pattern.endsWith(":output_ext")
                    && !Route.keepsExtension(pattern)) {
                pattern += "/"; // Hugo's url: /contact-me is the folder contact-me/ (Jekyll's permalink: contact-me.html)
            }
            String hugo = hugoPatternWithoutSlash(pattern, "its permalink");
            if (hugo != null) {
                throw new SiteException(front.at("permalink").problem(page.path(), hugo));
            }
            return route(page, pattern, front.at("permalink"), page.source().text(), "its " + key, key);
        }
        if (page.kind() == PageKind.POST) {
            // site.yml's pattern was checked when site.yml was read.
            String pattern = STYLES.getOrDefault(config.permalink(), config.permalink());
            return route(page, pattern, Position.START, null, "site.yml's permalink '" + config.permalink() + "'",
                    "permalink");
        }
        return pagePath(page.path());
    }

    /** {@code content/about.md} → {@code /about/}; {@code content/404.md} → {@code /404.html}; index → its folder. */
    static Route pagePath(String sourcePath) {
        String rel = sourcePath.substring(SourceLoader.CONTENT.length() + 1).replaceFirst(
                "\\.(" + SourceFile.MARKDOWN_EXTENSIONS + "|html)$", "");
        if (rel.equals("404")) {
            return Route.ofPath("/404.html");
        }
        if (rel.equals("index") || rel.endsWith("/index")) {
            return Route.ofPath("/" + rel.substring(0, rel.length() - "index".length()));
        }
        return Route.ofPath("/" + rel + "/");
    }

    /** The name of the first placeholder of {@code pattern} (or of the Jekyll style it names) that Kiln does not know, or null. */
    public static String unknownPlaceholder(String pattern) {
        Matcher m = PLACEHOLDER.matcher(STYLES.getOrDefault(pattern, pattern));
        while (m.find()) {
            if (known(m.group(1)) == null) {
                return m.group(1);
            }
        }
        return null;
    }

    private static final Pattern HUGO_FILE_NAME = Pattern.compile(":(filename|slugorfilename)(?![a-z_])");

    /**
     * The problem with {@code pattern}, a permalink {@code origin} gives ("site.yml's permalink", "its permalink"), or
     * null: one with Hugo's {@code :filename} or {@code :slugorfilename} that ends in neither {@code /} nor an
     * extension nor {@code :output_ext} is a file by Jekyll's rule ({@code /docker-clean.html}), where Hugo always
     * published a folder ({@code /docker-clean/}): copied from a Hugo config, every post's URL would change in silence.
     */
    public static String hugoPatternWithoutSlash(String pattern, String origin) {
        if (!HUGO_FILE_NAME.matcher(pattern).find() || pattern.endsWith("/") || pattern.endsWith(":output_ext")
                || Route.keepsExtension(pattern)) {
            return null;
        }
        return origin + " '" + pattern + "' uses Hugo's placeholders and ends in neither / nor an extension, so Kiln"
                + " (as Jekyll) would publish each post as a file (/docker-clean.html), where Hugo published such a"
                + " pattern as a folder (/docker-clean/): write " + pattern + "/ to keep Hugo's URLs (or "
                + pattern + ".html or " + pattern + ":output_ext to publish files)";
    }

    /** What Hugo's placeholders that Kiln lacks are in Kiln, for the "unknown placeholder" message. */
    private static final Map<String, String> HUGO = Map.of(
            "monthname", "Hugo's :monthname (may) has no counterpart in Kiln: :month is the month's number (05)",
            "yearday", "Hugo's :yearday has no exact counterpart in Kiln: :y_day is the day of the year in three"
                    + " digits (005 where Hugo writes 5)",
            "weekday", "Hugo's :weekday has no counterpart in Kiln",
            "weekdayname", "Hugo's :weekdayname has no counterpart in Kiln",
            "section", "Hugo's :section is always posts in Kiln (posts are the files in content/posts/): write posts");

    /**
     * The message for the placeholder {@code name} that Kiln does not know, in {@code origin} ("permalink",
     * "its url"): what to write for Hugo's, then Kiln's placeholders.
     */
    public static String unknownMessage(String name, String origin) {
        String hugo = HUGO.get(name);
        return "unknown placeholder ':" + name + "' in " + origin + ": " + (hugo == null ? "" : hugo + "; ")
                + "use " + PLACEHOLDERS;
    }

    /**
     * Where the placeholder {@code name} stands in {@code text} (a whole file), whose value starting at
     * {@code valueAt} holds it: its first whole-word {@code :name} on that line (after a quote, if any), else
     * {@code valueAt}.
     */
    public static Position placeholderAt(String text, Position valueAt, String name) {
        if (text == null) {
            return valueAt;
        }
        int lineStart = 0;
        for (int line = 1; line < valueAt.line() && lineStart >= 0; line++) {
            lineStart = text.indexOf('\n', lineStart);
            lineStart = lineStart < 0 ? -1 : lineStart + 1;
        }
        if (lineStart < 0) {
            return valueAt;
        }
        int lineEnd = text.indexOf('\n', lineStart);
        int from = Math.min(lineStart + valueAt.column() - 1, lineEnd < 0 ? text.length() : lineEnd);
        Matcher m = Pattern.compile(":" + Pattern.quote(name) + "(?![a-z_])")
                .matcher(text).region(from, lineEnd < 0 ? text.length() : lineEnd);
        return m.find() ? new Position(valueAt.line(), m.start() - lineStart + 1) : valueAt;
    }

    /** The route {@code pattern} gives {@code page}; a problem in it is at {@code at} of {@code text}, when given. */
    private static Route route(DraftPage page, String pattern, Position at, String text, String origin, String key) {
        Map<String, String> values = placeholders(page, pattern);
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = known(m.group(1));
            if (name == null) {
                Position placeholder = placeholderAt(text, at, m.group(1));
                throw new SiteException(placeholder.problem(page.path(), unknownMessage(m.group(1), origin)));
            }
            String value = values.get(name);
            if (value == null) {
                throw new SiteException(at.problem(page.path(), origin + " uses :" + name
                        + ", but the page has no date: add 'date: YYYY-MM-DD' to its front matter"));
            }
            // ':month_' reads as :month followed by '_', as in Jekyll ('/:month_:day/').
            m.appendReplacement(out, Matcher.quoteReplacement(value + m.group(1).substring(name.length())));
        }
        m.appendTail(out);
        return checked(page, key, out.toString(), at, "/my-post/");
    }

    /** An old URL of a page, where the build writes a page sending readers on, and the key that named it. */
    public record OldUrl(String key, Route route) {}

    /**
     * The old URLs of {@code page}, whose route is {@code own}: those of {@code redirect_from} as
     * jekyll-redirect-from writes them ({@code /old} → {@code old.html}, {@code /old/} → {@code old/index.html}),
     * then those of {@code aliases} as Hugo writes them: each a folder with its {@code index.html} unless it ends
     * in {@code .html}, a relative one taken from the folder that holds the page ({@code old} of
     * {@code /posts/a/} is {@code /posts/old/}, {@code ../up} is {@code /up/}).
     */
    public static List<OldUrl> redirects(DraftPage page, Route own) {
        FrontMatter front = page.front();
        List<OldUrl> routes = new java.util.ArrayList<>();
        for (String url : front.redirectFrom()) {
            routes.add(new OldUrl("redirect_from", checked(page, "redirect_from", url, front.at("redirect_from"),
                    "/old-post/")));
        }
        for (String alias : front.aliases()) {
            String path = aliasPath(page, alias, own);
            routes.add(new OldUrl("aliases", checked(page, "aliases", path.endsWith(".html") ? path : path + "/",
                    front.at("aliases"), "/old-post/")));
        }
        return routes;
    }

    /**
     * The path of {@code alias} from the site's root, as Hugo resolves it: a relative alias from the folder
     * holding the page ({@code /posts/} for {@code /posts/a/} and {@code /posts/a.html}), {@code .} and
     * {@code ..} segments resolved; one that climbs above the site's root is a problem.
     */
    private static String aliasPath(DraftPage page, String alias, Route own) {
        List<String> folder = new java.util.ArrayList<>();
        if (!alias.startsWith("/")) {
            String path = own.outputPath().endsWith("index.html")
                    ? own.outputPath().substring(0, own.outputPath().length() - "index.html".length())
                    : own.outputPath();
            String[] parts = path.split("/");
            folder.addAll(List.of(parts).subList(0, parts.length - 1));
        }
        String resolved = resolved(folder, alias);
        if (resolved == null) {
            throw new SiteException(page.front().at("aliases").problem(page.path(), "aliases '" + printable(alias)
                    + "' leaves the site: its '..' climb above the site root from " + own.url()
                    + ": write a path from the site root such as /old-post/"));
        }
        return resolved;
    }

    /**
     * {@code path} resolved from {@code folder} (its segments from the site's root), its {@code .} and {@code ..}
     * segments taken away, from the root ({@code /a/b}); null when a {@code ..} climbs above the root.
     */
    static String resolved(List<String> folder, String path) {
        List<String> segments = new java.util.ArrayList<>(folder);
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return null;
                }
                segments.remove(segments.size() - 1);
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        return "/" + String.join("/", segments);
    }

    /** The route of {@code expanded}, the path {@code key} gave, or the problem with it, at {@code at}. */
    private static Route checked(DraftPage page, String key, String expanded, Position at, String example) {
        String path = SLASHES.matcher("/" + expanded).replaceAll("/");
        String bad = unsafe(path);
        if (bad != null) {
            throw new SiteException(at.problem(page.path(), key + " '" + printable(expanded) + "' " + bad
                    + ": write a path from the site root such as " + example));
        }
        Route route = Route.ofPath(path);
        for (String segment : route.outputPath().split("/")) {
            if (segment.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
                throw new SiteException(at.problem(page.path(), key + " '" + expanded + "' makes a file name longer than "
                        + MAX_NAME_BYTES + " bytes (" + segment.substring(0, 20) + "...): shorten it"));
            }
        }
        return route;
    }

    /** The longest file name most file systems take, in bytes. */
    private static final int MAX_NAME_BYTES = 255;

    /**
     * The placeholder {@code word} (the whole run of letters and underscores after a {@code :}) names, or null:
     * the word itself, or the word without one trailing underscore, as Jekyll reads them ({@code :titlefoo} is
     * no placeholder, where {@code :title} followed by {@code foo} would publish a wrong URL in silence).
     */
    private static String known(String word) {
        if (NAMES.contains(word)) {
            return word;
        }
        String chomped = word.endsWith("_") ? word.substring(0, word.length() - 1) : null;
        return chomped != null && NAMES.contains(chomped) ? chomped : null;
    }

    /** The values of {@code pattern}'s placeholders for {@code page} (Hugo's only when it uses them), and more. */
    private static Map<String, String> placeholders(DraftPage page, String pattern) {
        FrontMatter front = page.front();
        Map<String, String> v = new TreeMap<>();
        // As Jekyll: :title keeps the name as written, :slug is its lower-case, dashed form.
        v.put("title", front.slug());
        v.put("slug", Slugs.of(front.slug()));
        v.put("categories", String.join("/", front.categories().stream()
                .map(c -> c.toLowerCase(Locale.ROOT)).toList()));
        v.put("output_ext", ".html");
        // Hugo's: its file name (a bundle's folder) as a whole, date and all, or its slug:, made as Hugo's urlize makes them.
        if (pattern.contains(":filename") || pattern.contains(":slugorfilename")) {
            String fileName = hugoFileName(page);
            v.put("filename", fileName);
            boolean slug = front.has("slug") && !front.slug().isBlank(); // Hugo's rule: an empty slug is none
            v.put("slugorfilename", slug ? hugoSlug(page, front.slug()) : fileName);
        }
        ZonedDateTime d = front.date();
        if (d != null) {
            v.put("year", String.valueOf(d.getYear()));
            v.put("short_year", pad(d.getYear() % 100, 2));
            v.put("month", pad(d.getMonthValue(), 2));
            v.put("i_month", String.valueOf(d.getMonthValue()));
            v.put("day", pad(d.getDayOfMonth(), 2));
            v.put("i_day", String.valueOf(d.getDayOfMonth()));
            v.put("y_day", pad(d.getDayOfYear(), 3));
            v.put("hour", pad(d.getHour(), 2));
            v.put("minute", pad(d.getMinute(), 2));
            v.put("second", pad(d.getSecond(), 2));
        }
        return v;
    }

    /**
     * Hugo's {@code :filename} of {@code page}: its file's name without its extension ({@code .md}, {@code .html}), or
     * its bundle's folder name, as Hugo's urlize makes it; a problem at the file when nothing of it is left.
     */
    private static String hugoFileName(DraftPage page) {
        String name = page.source().postName();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 && !PostBundles.isIndex(page.path()) ? name.substring(0, dot) : name;
        return hugoSegment(page, Slugs.hugo(base, false), Position.START, "its file name '" + base + "'",
                "give it a slug: of letters and digits");
    }

    /** Hugo's {@code :slugorfilename} of {@code page}, whose {@code slug:} is {@code slug}; a problem at it when unfit. */
    private static String hugoSlug(DraftPage page, String slug) {
        return hugoSegment(page, Slugs.hugo(slug, true), page.front().at("slug"), "slug '" + printable(slug) + "'",
                "write one of letters and digits");
    }

    /**
     * {@code value}, what Hugo's urlize made of {@code what}, when it makes folders of a URL: a problem at {@code at}
     * saying {@code advice} when it is empty (Hugo then published the page at its section's own address, where its
     * list overwrote it), a {@code .} or {@code ..}, or a name too long for a file system.
     */
    private static String hugoSegment(DraftPage page, String value, Position at, String what, String advice) {
        for (String segment : value.split("/", -1)) {
            String bad = segment.isEmpty() ? "leaves no letter, digit or . _ ~ + - @ to put in the URL"
                    : segment.equals(".") || segment.equals("..") ? "makes the URL segment '" + segment + "'"
                    : segment.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_NAME_BYTES - 10
                    ? "makes a file name longer than " + (MAX_NAME_BYTES - 10) + " bytes" : null;
            if (bad != null) {
                throw new SiteException(at.problem(page.path(), what + " " + bad + " under :slugorfilename and"
                        + " :filename, as Hugo makes them: " + advice));
            }
        }
        return value;
    }

    /** {@code n} with leading zeros to {@code width} digits (String.format is slow on this hot path). */
    private static String pad(int n, int width) {
        String digits = Integer.toString(n);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    /** Why a URL path may not be used, or null when it is safe. */
    static String unsafe(String path) {
        for (String segment : path.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                return "has a '" + segment + "' segment";
            }
        }
        if (path.contains("\\") || path.contains("?") || path.contains("#")) {
            return "holds '\\', '?' or '#'";
        }
        if (path.chars().anyMatch(c -> c < ' ' || c == 127)) {
            return "holds a control character";
        }
        if (path.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
            return "holds half of a UTF-16 surrogate pair, which no file name can hold";
        }
        // A server that decodes %2e%2e or %2f before it maps the path to a file could leave the site.
        java.util.regex.Matcher encoded = ENCODED_SEPARATOR.matcher(path);
        if (encoded.find()) {
            return "holds '" + encoded.group() + "', an encoded '.', '/', '\\' or NUL";
        }
        return null;
    }

    private static final Pattern ENCODED_SEPARATOR = Pattern.compile("%(2e|2f|5c|00)", Pattern.CASE_INSENSITIVE);

    /** {@code text} with control characters shown as {@code \u0000}, so that a message prints safely. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> out.append(c < ' ' || c == 127 ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
