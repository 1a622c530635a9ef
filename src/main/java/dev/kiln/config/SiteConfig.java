package dev.kiln.config;

import dev.kiln.error.Position;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The settings of one site, read from {@code site.yml}: every key has a default, so an empty file is
 * a valid configuration. {@code future}: posts dated after the build's moment are published (Jekyll's
 * {@code future: true}), as the {@code --future} option does. {@code include}: the hidden files and folders
 * under {@code content/} and {@code assets/} that are published all the same (Jekyll's {@code include:}), each
 * a name at any depth ({@code .well-known}) or a path as published ({@code .well-known/security.txt}).
 * {@code lineNumbers}: every fenced code block's lines are numbered, as if each said {@code linenos} (one that says
 * {@code linenos=false} is not), as kramdown's {@code syntax_highlighter_opts.block.line_numbers} and Hugo's
 * {@code markup.highlight.lineNos} number a site's code. {@code emoji}: where emoji codes ({@code :smile:}) in Markdown are
 * emoji ({@link Emoji}). {@code paginatePath}: where the pages of the post list are, Jekyll's {@code paginate_path}
 * ({@code /blog/page:num/}: the list at {@code /blog/}, its page 2 at {@code /blog/page2/}); null for Kiln's own,
 * the list at {@code /} and its page 2 at {@code /page/2/}. {@code positions}: where the value of each setting that
 * {@code site.yml} gives stands in it, so that a problem found later (two pages on one URL) is reported there.
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
        Feed feed,
        boolean toc,
        boolean lineNumbers,
        Emoji emoji,
        String archivePermalink,
        boolean future,
        List<String> include,
        String paginatePath,
        Map<String, Object> params,
        Map<String, Position> positions) {

    public static final String FILE = "site.yml";
    public static final String DEFAULT_PERMALINK = "/:year/:month/:day/:slug/";
    public static final String DEFAULT_TAG_PERMALINK = "/tags/:slug/";
    public static final String DEFAULT_ARCHIVE_PERMALINK = "/archive/";


    /**
     * Where emoji codes ({@code :smile:}) in Markdown are the emoji's characters (😄): nowhere ({@code emoji: false},
     * the default); {@code EVERYWHERE} in the Markdown as written, code too, as Hugo's {@code enableEmoji = true}
     * makes them ({@code emoji: true}); {@code TEXT} in the page's text only, as Jekyll's jemoji makes them
     * ({@code emoji: text}): not in code spans and blocks, in raw HTML's {@code pre}, {@code code} and {@code tt},
     * nor in attributes (an image's alt text, a link's URL).
     */
    public enum Emoji { OFF, EVERYWHERE, TEXT }

    /** A link in the site's navigation bar. */
    public record NavLink(String title, String url) {}

    /**
     * The Atom feeds: how many posts they hold, and whether entries carry the whole post or its excerpt, in
     * the site feed ({@code fullContent}) and in the tags' feeds ({@code tagFullContent}); the site feed's
     * URL ({@code path}, {@code /feed.xml} unless a blog's readers know another, as jekyll-feed's {@code path}).
     */
    public record Feed(int limit, boolean fullContent, boolean tagFullContent, String path) {}

    public SiteConfig {
        nav = List.copyOf(nav);
        include = List.copyOf(include);
        params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
        positions = Map.copyOf(positions);
    }

    /** The settings of a site that has no {@code site.yml}. */
    public static SiteConfig defaults() {
        return new SiteConfig("My Blog", "", "", "", "", "en", ZoneId.of("UTC"), DEFAULT_PERMALINK,
                DEFAULT_TAG_PERMALINK, 10, "<!--more-->", List.of(), new Feed(20, true, false, "/feed.xml"), false,
                false, Emoji.OFF, DEFAULT_ARCHIVE_PERMALINK, false, List.of(), null, Map.of(), Map.of());
    }

    /**
     * The navigation links {@code site.yml} names; empty when it names none, and layouts then get Home,
     * Tags and the site's pages.
     */
    public List<NavLink> nav() {
        return nav;
    }

    /** The URL of page {@code n} (from 1) of the post list: see {@code paginatePath}. */
    public String listUrl(int n) {
        if (paginatePath == null) {
            return n == 1 ? "/" : "/page/" + n + "/";
        }
        if (n == 1) {
            return paginatePath.substring(0, paginatePath.lastIndexOf('/', paginatePath.indexOf(":num")) + 1);
        }
        return paginatePath.replace(":num", Integer.toString(n));
    }

    /** Whether {@code site.yml} gives the setting {@code key}. */
    public boolean gives(String key) {
        return positions.containsKey(key);
    }

    /** Where the value of the setting {@code key} stands in {@code site.yml}: its start when it gives none. */
    public Position at(String key) {
        return positions.getOrDefault(key, Position.START);
    }

    /** The absolute URL of the site's root, without a trailing slash ("" when no base_url is set). */
    public String rootUrl() {
        return origin + basePath;
    }

    /**
     * The custom domain GitHub Pages serves the site at, which its {@code CNAME} file names: the host of
     * {@code base_url} when that is a domain name other than GitHub's own ({@code github.io}) and the site is at its
     * root ({@code https://blog.example.com}); "" for none: no base_url, a site under a path (a project site, which
     * has its owner's domain and no CNAME of its own), {@code localhost}, an IP address or a port.
     */
    public String customDomain() {
        if (origin.isEmpty() || !basePath.isEmpty()) {
            return "";
        }
        URI uri = URI.create(origin);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(java.util.Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1); // a fully qualified name: the same domain
        }
        boolean github = host.equals("github.io") || host.endsWith(".github.io");
        boolean address = host.startsWith("[") || host.matches("[0-9.]+");
        if (uri.getPort() != -1 || uri.getRawUserInfo() != null || github || address || host.indexOf('.') < 0) {
            return "";
        }
        return host;
    }

    /** The same settings, served under another base URL (the command line's {@code --base-url}). */
    public SiteConfig withBaseUrl(String baseUrl) {
        String[] parts = splitBaseUrl(baseUrl);
        return new SiteConfig(title, description, author, parts[0], parts[1], language, timezone, permalink,
                tagPermalink, paginate, excerptSeparator, nav, feed, toc, lineNumbers, emoji, archivePermalink, future, include, paginatePath, params,
                positions);
    }

    /**
     * Splits {@code https://me.github.io/blog/} into origin {@code https://me.github.io} and path
     * {@code /blog}; "" gives two empty parts. Throws {@link IllegalArgumentException} for anything that
     * is not an absolute http(s) URL.
     */
    public static String[] splitBaseUrl(String baseUrl) {
        if (baseUrl.isBlank()) {
            return new String[] {"", ""};
        }
        try {
            URI uri = new URI(baseUrl.trim());
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException("not an absolute http(s) URL: " + baseUrl);
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            return new String[] {uri.getScheme() + "://" + uri.getRawAuthority(), path};
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + baseUrl, e);
        }
    }
}
