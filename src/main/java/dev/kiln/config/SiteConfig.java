package dev.kiln.config;

import dev.kiln.error.Position;
import dev.kiln.error.Problem;
import dev.kiln.error.SiteException;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The settings of one site, read from {@code site.yml}: every key has a default, so an empty file is
 * a valid configuration.
 */
public record SiteConfig(
        String title,
        String description,
        String author,
        String origin,
        String basePath,
        String language,
        ZoneId timezone,
        String permalink,
        String tagPermalink,
        int paginate,
        String excerptSeparator,
        List<NavLink> nav,
        Map<String, Object> params) {

    public static final String FILE = "site.yml";
    public static final String DEFAULT_PERMALINK = "/:year/:month/:day/:slug/";
    public static final String DEFAULT_TAG_PERMALINK = "/tags/:slug/";

    private static final Set<String> KNOWN = Set.of("title", "description", "author", "base_url", "language",
            "timezone", "permalink", "tag_permalink", "paginate", "excerpt_separator", "nav");

    /** A link in the site's navigation bar. */
    public record NavLink(String title, String url) {}

    public SiteConfig {
        nav = List.copyOf(nav);
        params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
    }

    /** The settings of a site that has no {@code site.yml}. */
    public static SiteConfig defaults() {
        return from(Map.of(), Map.of());
    }

    /**
     * The navigation links {@code site.yml} names; empty when it names none, and layouts then get Home,
     * Tags and the site's pages.
     */
    public List<NavLink> nav() {
        return nav;
    }

    /** The absolute URL of the site's root, without a trailing slash ("" when no base_url is set). */
    public String rootUrl() {
        return origin + basePath;
    }

    /** The same settings, served under another base URL (the command line's {@code --base-url}). */
    public SiteConfig withBaseUrl(String baseUrl) {
        String[] parts = splitBaseUrl(baseUrl, Position.START, new ArrayList<>());
        return new SiteConfig(title, description, author, parts[0], parts[1], language, timezone, permalink,
                tagPermalink, paginate, excerptSeparator, nav, params);
    }

    /**
     * Reads the settings from the values of {@code site.yml}; {@code positions} gives the place of
     * each top-level value, for error messages.
     */
    public static SiteConfig from(Map<String, Object> values, Map<String, Position> positions) {
        List<Problem> problems = new ArrayList<>();
        Reader r = new Reader(values, positions, problems);
        String title = r.text("title", "My Blog");
        String description = r.text("description", "");
        String author = r.text("author", "");
        String[] base = splitBaseUrl(r.text("base_url", ""), r.at("base_url"), problems);
        String language = r.text("language", "en");
        ZoneId zone = r.zone("timezone");
        String permalink = r.text("permalink", DEFAULT_PERMALINK);
        String tagPermalink = r.text("tag_permalink", DEFAULT_TAG_PERMALINK);
        if (!tagPermalink.contains(":slug")) {
            problems.add(r.at("tag_permalink").problem(FILE,
                    "tag_permalink '" + tagPermalink + "' has no :slug, so every tag would share one page: add :slug"));
        }
        int paginate = r.positiveInt("paginate", 10);
        String separator = r.text("excerpt_separator", "<!--more-->");
        List<NavLink> nav = r.nav();
        Map<String, Object> params = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (!KNOWN.contains(k)) {
                params.put(k, v);
            }
        });
        if (!problems.isEmpty()) {
            throw new SiteException(problems);
        }
        return new SiteConfig(title, description, author, base[0], base[1], language, zone, permalink,
                tagPermalink, paginate, separator, nav, params);
    }

    /** Splits {@code https://me.github.io/blog/} into origin {@code https://me.github.io} and path {@code /blog}. */
    private static String[] splitBaseUrl(String baseUrl, Position at, List<Problem> problems) {
        if (baseUrl.isBlank()) {
            return new String[] {"", ""};
        }
        try {
            URI uri = new URI(baseUrl.trim());
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new URISyntaxException(baseUrl, "not an absolute http(s) URL");
            }
            String origin = uri.getScheme() + "://" + uri.getRawAuthority();
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            return new String[] {origin, path};
        } catch (URISyntaxException e) {
            problems.add(at.problem(FILE, "base_url '" + baseUrl
                    + "' is not an absolute URL: write it like https://me.github.io/blog"));
            return new String[] {"", ""};
        }
    }

    /** Typed access to the values, collecting a problem for each bad one. */
    private record Reader(Map<String, Object> values, Map<String, Position> positions, List<Problem> problems) {

        Position at(String key) {
            return positions.getOrDefault(key, Position.START);
        }

        String text(String key, String fallback) {
            Object v = values.get(key);
            if (v == null) {
                return fallback;
            }
            if (v instanceof Map || v instanceof List) {
                problems.add(at(key).problem(FILE, key + " must be a single value, not a list or map"));
                return fallback;
            }
            return v.toString();
        }

        int positiveInt(String key, int fallback) {
            Object v = values.get(key);
            if (v == null) {
                return fallback;
            }
            if (v instanceof Number n && n.intValue() > 0 && n.doubleValue() == n.intValue()) {
                return n.intValue();
            }
            problems.add(at(key).problem(FILE, key + " must be a whole number above 0, not '" + v + "'"));
            return fallback;
        }

        ZoneId zone(String key) {
            String name = text(key, "UTC");
            try {
                return ZoneId.of(name);
            } catch (DateTimeException e) {
                problems.add(at(key).problem(FILE, "unknown timezone '" + name
                        + "': use a region name such as Europe/Berlin or America/New_York, or UTC"));
                return ZoneId.of("UTC");
            }
        }

        List<NavLink> nav() {
            Object v = values.get("nav");
            if (v == null) {
                return List.of(); // automatic: see nav()
            }
            List<NavLink> links = new ArrayList<>();
            if (v instanceof List<?> items) {
                for (Object item : items) {
                    if (item instanceof Map<?, ?> m && m.get("title") != null && m.get("url") != null) {
                        links.add(new NavLink(m.get("title").toString(), m.get("url").toString()));
                    } else {
                        problems.add(at("nav").problem(FILE, "each nav entry needs a title and a url, like "
                                + "'- {title: About, url: /about/}'"));
                        return List.of();
                    }
                }
                return links;
            }
            problems.add(at("nav").problem(FILE, "nav must be a list of {title, url} entries"));
            return List.of();
        }
    }
}
