package dev.kiln.jekyll;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The settings of a Jekyll {@code _config.yml} that an import uses; {@code permalink} is Jekyll's style name or
 * pattern (default {@code date}), {@code values} holds every key as read and {@code keyPositions} where each key is
 * written (nested ones as {@code parent.key}: {@code kramdown.hard_wrap}).
 */
public record JekyllConfig(String title, String description, String author, String url, String baseurl,
                           String permalink, String timezone, ZoneId zone, Integer paginate, List<String> exclude,
                           List<Map<String, Object>> defaults, Map<String, Object> values,
                           Map<String, dev.kiln.error.Position> keyPositions) {

    /** The style names Jekyll knows, with the pattern each stands for. */
    static final Map<String, String> STYLES = Map.of(
            "date", "/:categories/:year/:month/:day/:title:output_ext",
            "pretty", "/:categories/:year/:month/:day/:title/",
            "ordinal", "/:categories/:year/:y_day/:title:output_ext",
            "weekdate", "/:categories/:year/W:week/:short_day/:title:output_ext",
            "none", "/:categories/:title:output_ext");

    public JekyllConfig {
        exclude = List.copyOf(exclude);
        defaults = List.copyOf(defaults);
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        keyPositions = Map.copyOf(keyPositions);
    }

    /** Settings made in code rather than read from a file: no key has a position. */
    public JekyllConfig(String title, String description, String author, String url, String baseurl,
                        String permalink, String timezone, ZoneId zone, Integer paginate, List<String> exclude,
                        List<Map<String, Object>> defaults, Map<String, Object> values) {
        this(title, description, author, url, baseurl, permalink, timezone, zone, paginate, exclude, defaults, values,
                Map.of());
    }

    /** Jekyll's default {@code markdown_ext}. */
    static final String MARKDOWN_EXT = "markdown,mkdown,mkdn,mkd,md";

    /**
     * The extensions (lower case, without the dot) of the files Jekyll converts as Markdown: the site's
     * {@code markdown_ext}, else Jekyll's default {@value #MARKDOWN_EXT}. Jekyll matches them in any case.
     */
    public java.util.Set<String> markdownExtensions() {
        Object ext = values.get("markdown_ext");
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (String e : (ext == null ? MARKDOWN_EXT : ext.toString()).split(",")) {
            String name = e.trim().replaceFirst("^\\.", "").toLowerCase(java.util.Locale.ROOT);
            if (!name.isEmpty()) {
                out.add(name);
            }
        }
        return out;
    }

    /**
     * The site's {@code collections_dir} without leading or trailing slashes ({@code coll}), "" when none: the
     * folder Jekyll reads {@code _posts} and {@code _drafts} from, which is no category of their posts.
     */
    public String collectionsDir() {
        Object dir = values.get("collections_dir");
        return dir == null ? "" : dir.toString().strip().replaceAll("^/+|/+$", "");
    }

    /**
     * {@code path} (from the site root) as Jekyll's {@code Document#relative_path} has it: from the
     * {@code collections_dir}, when it lies there ({@code coll/_posts/a.md} → {@code _posts/a.md}).
     */
    public String inCollections(String path) {
        String dir = collectionsDir();
        return !dir.isEmpty() && path.startsWith(dir + "/") ? path.substring(dir.length() + 1) : path;
    }

    /**
     * What Jekyll publishes although hidden or starting with {@code _} (its {@code include:}, {@code .htaccess}
     * when the site names none), each without leading or trailing slashes.
     */
    public List<String> include() {
        Object include = values.get("include");
        if (include == null) {
            return List.of(".htaccess");
        }
        List<String> out = new java.util.ArrayList<>();
        for (Object x : include instanceof List<?> list ? list : List.of(include)) {
            String e = String.valueOf(x).strip().replaceAll("^/+|/+$", "");
            if (!e.isEmpty()) {
                out.add(e);
            }
        }
        return out;
    }

    /** The post URL pattern: the pattern a style name stands for, or the pattern as written. */
    public String postPattern() {
        return STYLES.getOrDefault(permalink, permalink);
    }
}
