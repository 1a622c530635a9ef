package dev.kiln.content;

import dev.kiln.config.SiteConfig;
import dev.kiln.error.Position;
import dev.kiln.error.SiteException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code site.yml} into a {@link SiteConfig}; every key has a default, so an empty file is valid. */
public final class SiteConfigReader {

    private static final Set<String> KNOWN = Set.of("title", "description", "author", "base_url", "language",
            "timezone", "permalink", "tag_permalink", "paginate", "excerpt_separator", "nav", "feed", "toc", "line_numbers", "emoji", "archive_permalink",
            "future", "include", "paginate_path");

    /** A placeholder of {@code tag_permalink}: a whole word, as in a post's permalink. */
    private static final java.util.regex.Pattern TAG_PLACEHOLDER = java.util.regex.Pattern.compile(":([a-z_]+)");

    private SiteConfigReader() {}

    /** The settings in {@code yaml}; all bad values are thrown together as a {@link SiteException}. */
    public static SiteConfig read(YamlDocument yaml) {
        return read(yaml, null);
    }

    /**
     * The settings in {@code yaml}, read from {@code text} (or null when it was made in code), where a problem
     * inside a value (a permalink's placeholder) is placed; all bad values are thrown together.
     */
    public static SiteConfig read(YamlDocument yaml, String text) {
        SiteConfig defaults = SiteConfig.defaults();
        YamlFields f = new YamlFields(SiteConfig.FILE, yaml);
        String[] base = baseUrl(f);
        String permalink = f.text("permalink", defaults.permalink());
        String unknown = Permalinks.unknownPlaceholder(permalink);
        if (unknown != null) {
            f.problems().add(Permalinks.placeholderAt(text, f.at("permalink"), unknown).problem(SiteConfig.FILE,
                    Permalinks.unknownMessage(unknown, "permalink")
                    + ", or one of Jekyll's styles date, pretty, ordinal, none"));
        }
        String hugo = unknown == null ? Permalinks.hugoPatternWithoutSlash(permalink, "site.yml's permalink") : null;
        if (hugo != null) {
            f.problem("permalink", hugo);
        }
        String tagPermalink = f.text("tag_permalink", defaults.tagPermalink());
        java.util.regex.Matcher tagPlaceholder = TAG_PLACEHOLDER.matcher(tagPermalink);
        boolean slug = false;
        while (tagPlaceholder.find()) {
            String name = tagPlaceholder.group(1);
            if (name.equals("slug") || name.equals("slug_")) {
                slug = true;
            } else {
                // A placeholder of its own would be published as text (/tags/:year/go/), or :slugfoo as /tags/gofoo/.
                f.problems().add(Permalinks.placeholderAt(text, f.at("tag_permalink"), name).problem(SiteConfig.FILE,
                        "unknown placeholder ':" + name + "' in tag_permalink: use :slug, the tag's slug, its only"
                        + " placeholder"));
                slug = true;
            }
        }
        if (!slug) {
            f.problem("tag_permalink", "tag_permalink '" + tagPermalink
                    + "' has no :slug, so every tag would share one page: add :slug");
        }
        SiteConfig config = new SiteConfig(
                f.text("title", defaults.title()),
                f.text("description", defaults.description()),
                f.text("author", defaults.author()),
                base[0], base[1],
                f.text("language", defaults.language()),
                f.zone("timezone", "UTC"),
                permalink, tagPermalink,
                f.positiveInt("paginate", defaults.paginate()),
                f.text("excerpt_separator", defaults.excerptSeparator()),
                nav(f, yaml),
                feed(f, yaml, defaults.feed()),
                f.bool("toc", defaults.toc()),
                f.bool("line_numbers", defaults.lineNumbers()),
                emoji(f, yaml, defaults.emoji()),
                f.text("archive_permalink", defaults.archivePermalink()),
                f.bool("future", defaults.future()),
                include(f),
                paginatePath(f),
                params(f, yaml),
                positions(yaml));
        for (String key : yaml.values().keySet()) {
            String known = nearMiss(key);
            if (known != null) {
                f.problems().add(yaml.keyAt(key).problem(SiteConfig.FILE, "unknown key '" + key
                        + "': did you mean '" + known + "'? (a key of your own, for layouts as site.params."
                        + key + ", needs a name further from Kiln's)"));
            }
        }
        if (!f.problems().isEmpty()) {
            throw new SiteException(f.problems());
        }
        return config;
    }

    /**
     * The keys of {@code yaml} that are not Kiln's settings, for layouts as {@code site.params.KEY}; the keys of a
     * {@code params:} map among them are taken as their own (Hugo's {@code [params]}, which a Hugo user writes
     * there: {@code site.params.params.x} is what nobody would look for). A key given both at the top and under
     * {@code params:} is a problem at the top one.
     */
    private static Map<String, Object> params(YamlFields f, YamlDocument yaml) {
        Map<String, Object> params = yaml.valuesExcept(KNOWN);
        if (!(params.get("params") instanceof Map<?, ?> nested)) {
            return params;
        }
        params.remove("params");
        for (Map.Entry<?, ?> e : nested.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (params.putIfAbsent(key, e.getValue()) != null) {
                f.problems().add(yaml.keyAt(key).problem(SiteConfig.FILE, "'" + key + "' is given twice: here and"
                        + " under params: (line " + yaml.keyAt("params").line() + "), both site.params." + key
                        + ": keep one"));
            }
        }
        return params;
    }

    /** Where the value of each of Kiln's settings that {@code yaml} gives stands. */
    private static Map<String, Position> positions(YamlDocument yaml) {
        Map<String, Position> positions = new java.util.HashMap<>();
        for (String key : yaml.values().keySet()) {
            if (KNOWN.contains(key)) {
                positions.put(key, yaml.at(key, Position.START));
            }
        }
        return positions;
    }

    /**
     * The known key that {@code key} is a near miss of (one edit for short keys, two for longer ones;
     * a swap of neighbours is one edit, and {@code -} or a missing {@code _} count as a typo), or null.
     */
    static String nearMiss(String key) {
        return KNOWN.contains(key) ? null : nearest(key, KNOWN);
    }

    /**
     * The word of {@code words} that {@code key} is a near miss of, as {@link #nearMiss} tells one (layouts' keys,
     * {@code site.autor}, are told so too), the first in sorted order of those nearest; or null.
     */
    public static String nearest(String key, java.util.Collection<String> words) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : new java.util.TreeSet<>(words)) {
            int d = distance(key.toLowerCase(java.util.Locale.ROOT).replace('-', '_'), known);
            int allowed = known.length() <= 4 ? 1 : 2;
            if (d <= allowed && d < bestDistance) {
                best = known;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /**
     * How the names of Kiln's own files in the output folder start ({@code output.SiteWriter}'s marker, staging
     * folder, journal and temporary files): a site cannot publish a file of its own under such a name.
     */
    public static final String KILN_FILES = ".kiln-";

    /**
     * The hidden files and folders to publish all the same, without leading or trailing slashes, each bad entry a
     * problem where it stands; {@code .git} (a repository's history, which may hold what was deleted) never is,
     * nor a name of Kiln's own files in the output folder ({@link #KILN_FILES}: such a file would take the place
     * of the marker that tells a build the folder is its own, or of a write's journal).
     */
    private static List<String> include(YamlFields f) {
        List<String> include = new ArrayList<>();
        for (YamlFields.Placed given : f.placedTexts("include")) {
            String entry = given.text().replaceAll("^/+|/+$", "");
            List<String> names = java.util.Arrays.asList(entry.split("/"));
            boolean git = names.contains(".git");
            boolean kilns = names.stream().anyMatch(name -> name.startsWith(KILN_FILES));
            if (kilns) {
                f.problems().add(given.at().problem(SiteConfig.FILE, "include: '" + given.text() + "' names Kiln's own"
                        + " files in the output folder (.kiln-output, .kiln-staging, .kiln-journal: every name that"
                        + " starts with " + KILN_FILES + "), which a site cannot publish: take it out of include, and"
                        + " rename the file if it is one of the site's"));
            } else if (git || entry.isEmpty() || entry.contains("..") || entry.contains("\\")) {
                f.problems().add(given.at().problem(SiteConfig.FILE, "include: '" + given.text() + "' "
                        + (git ? "names .git, which is never published" : "is not a name or a path under content/ or assets/")
                        + ": name the hidden files or folders to publish, like [.well-known, .htaccess]"));
            } else {
                include.add(entry);
            }
        }
        return include;
    }

    /**
     * Jekyll's {@code paginate_path}, from the site root, with {@code :num} once in its last segment; null when
     * not set.
     */
    private static String paginatePath(YamlFields f) {
        String given = f.text("paginate_path", null);
        if (given == null) {
            return null;
        }
        String path = given.startsWith("/") ? given.strip() : "/" + given.strip();
        int num = path.indexOf(":num");
        String bad = Permalinks.unsafe(path.replace(":num", "1"));
        if (num < 0 || path.indexOf(":num", num + 1) >= 0 || !path.substring(num + 4).matches("[^/]*/?")
                || path.replace(":num", "").contains(":") || path.contains("//") || path.contains("%") || bad != null) {
            f.problem("paginate_path", "paginate_path '" + given + "' " + (bad != null ? bad + ": " : "")
                    + "must name the post list's pages with :num once, in its last part, like /blog/page:num/ "
                    + "(the list at /blog/, its page 2 at /blog/page2/)");
            return null;
        }
        // jekyll-paginate writes each page as a folder's index.html, whatever the path's last part ends with:
        // blog/page:num gives /blog/page2/.
        return path.endsWith("/") ? path : path + "/";
    }

    /**
     * {@code emoji}: {@code true} (Hugo's way, everywhere as written), {@code text} (jemoji's, the text only) or
     * {@code false}; any other value is a problem at it that names the three.
     */
    private static SiteConfig.Emoji emoji(YamlFields f, YamlDocument yaml, SiteConfig.Emoji fallback) {
        Object v = yaml.values().get("emoji");
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b ? SiteConfig.Emoji.EVERYWHERE : SiteConfig.Emoji.OFF;
        }
        if ("text".equals(v)) {
            return SiteConfig.Emoji.TEXT;
        }
        String quoted = YamlFields.quotedBoolean(v);
        f.problem("emoji", "emoji must be true (emoji codes such as :smile: are emoji everywhere, in code too, as "
                + "Hugo's enableEmoji makes them), text (in the text only, not in code, as Jekyll's jemoji makes them) "
                + "or false, not '" + v + "'" + (quoted == null ? ""
                : ", a text in quotes: write it without them (emoji: " + quoted + ")"));
        return fallback;
    }

    private static String[] baseUrl(YamlFields f) {
        String url = f.text("base_url", "");
        try {
            return SiteConfig.splitBaseUrl(url);
        } catch (IllegalArgumentException e) {
            f.problem("base_url", "base_url '" + url + "' is not an absolute URL: write it like https://me.github.io/blog");
            return new String[] {"", ""};
        }
    }

    private static SiteConfig.Feed feed(YamlFields f, YamlDocument yaml, SiteConfig.Feed defaults) {
        Object v = yaml.values().get("feed");
        if (v == null) {
            return defaults;
        }
        if (!(v instanceof Map<?, ?> m)) {
            f.problem("feed", "feed must be a map, like 'feed: {limit: 20, content: excerpt, path: /feed.xml}'");
            return defaults;
        }
        int limit = defaults.limit();
        Object l = m.get("limit");
        if (l instanceof Number n && n.intValue() > 0 && n.doubleValue() == n.intValue()) {
            limit = n.intValue();
        } else if (l != null) {
            f.problem("feed", "feed.limit must be a whole number above 0, not '" + l + "'");
        }
        String path = defaults.path();
        Object p = m.get("path");
        if (p instanceof String given && !given.isBlank()) {
            String rooted = given.startsWith("/") ? given.strip() : "/" + given.strip();
            String bad = Permalinks.unsafe(rooted);
            if (bad != null || rooted.endsWith("/")) {
                f.problem("feed", "feed.path '" + given + "' " + (bad != null ? bad : "names a folder")
                        + ": write the feed's path from the site root, like /feed.xml or /atom.xml");
            } else {
                path = rooted;
            }
        } else if (p != null) {
            f.problem("feed", "feed.path must be a path like /atom.xml, not '" + p + "'");
        }
        return new SiteConfig.Feed(limit, full(f, m, "content", defaults.fullContent()),
                full(f, m, "tag_content", defaults.tagFullContent()), path);
    }

    private static boolean full(YamlFields f, Map<?, ?> feed, String key, boolean otherwise) {
        Object content = feed.get(key);
        if (content != null && !content.equals("full") && !content.equals("excerpt")) {
            f.problem("feed", "feed." + key + " must be full or excerpt, not '" + content + "'");
        }
        return content == null ? otherwise : content.equals("full");
    }

    private static List<SiteConfig.NavLink> nav(YamlFields f, YamlDocument yaml) {
        Object v = yaml.values().get("nav");
        if (v == null) {
            return List.of(); // automatic: Home, Tags and the pages
        }
        List<SiteConfig.NavLink> links = new ArrayList<>();
        if (v instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> m && m.get("title") != null && m.get("url") != null) {
                    links.add(new SiteConfig.NavLink(m.get("title").toString(), m.get("url").toString()));
                } else {
                    f.problem("nav", "each nav entry needs a title and a url, like '- {title: About, url: /about/}'");
                    return List.of();
                }
            }
            return links;
        }
        f.problem("nav", "nav must be a list of {title, url} entries");
        return List.of();
    }
}
