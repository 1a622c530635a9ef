package dev.kiln.index;

import dev.kiln.config.SiteConfig;
import dev.kiln.content.Route;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * Atom feeds: the site's latest posts ({@code /feed.xml}) or a tag's ({@code /tags/x/feed.xml}). Entry
 * ids are the posts' absolute URLs, so they stay stable from build to build. A post's entry is the same
 * in every feed that holds it, so it is written once ({@link #entry}) and the feeds are put together
 * from entries ({@link #atom}).
 */
public final class FeedWriter {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private FeedWriter() {}

    /**
     * The feed at {@code feedUrl} (root-relative) titled {@code title}, of the newest {@code posts} (already
     * newest first), each post's {@code <entry>} given by {@code entries} (see {@link #entry}).
     */
    public static byte[] atom(SiteConfig config, String title, String feedUrl, String pageUrl, List<Page> posts,
                              Function<Page, String> entries) {
        List<Page> shown = posts.subList(0, Math.min(posts.size(), config.feed().limit()));
        StringBuilder xml = new StringBuilder(16 * 1024);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"").append(ATOM).append("\" xml:lang=\"");
        attribute(xml, config.language());
        xml.append("\">");
        element(xml, "title", title);
        if (!config.description().isEmpty()) {
            element(xml, "subtitle", config.description());
        }
        link(xml, href(config, feedUrl), "self", "application/atom+xml");
        link(xml, href(config, pageUrl), "alternate", "text/html");
        // The newest of its entries' updated times (an older post may have changed since the newest was published),
        // as jekyll-feed's build time is never older than one; never the clock's, so that the bytes stay the same.
        ZonedDateTime newest = newestUpdated(shown);
        element(xml, "updated", ISO.format(newest != null ? newest : epoch(config)));
        element(xml, "id", id(config, feedUrl));
        // site.yml's author, as jekyll-feed's site.author; without one the site's title: Atom (RFC 4287, 4.1.1)
        // wants an author of the feed unless every entry has its own, and a feed without is refused by validators.
        // The site's title names no person there, as it would in a post's JSON-LD (which names no one instead).
        xml.append("<author>");
        element(xml, "name", config.author().isEmpty() ? config.title() : config.author());
        xml.append("</author><generator>Kiln</generator>");
        for (Page post : shown) {
            xml.append(entries.apply(post));
        }
        xml.append("</feed>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code <entry>} of {@code post}, whose content is {@code html} (with absolute URLs). */
    public static String entry(SiteConfig config, Page post, String html) {
        StringBuilder xml = new StringBuilder(html.length() + html.length() / 8 + 1024);
        xml.append("<entry>");
        element(xml, "title", post.front().title());
        link(xml, href(config, post.url()), "alternate", "text/html");
        element(xml, "published", ISO.format(post.front().date()));
        element(xml, "updated", ISO.format(updated(post)));
        element(xml, "id", id(config, entryPath(post)));
        if (post.front().author() != null) { // a guest's post: the feed's author is the site's
            xml.append("<author>");
            element(xml, "name", post.front().author());
            xml.append("</author>");
        }
        for (String tag : post.front().tags()) {
            xml.append("<category term=\"");
            attribute(xml, tag);
            xml.append("\"/>");
        }
        if (!post.body().excerptText().isEmpty()) {
            element(xml, "summary", post.body().excerptText());
        }
        xml.append("<content type=\"html\" xml:base=\"");
        attribute(xml, href(config, post.url()));
        xml.append("\">");
        text(xml, html);
        xml.append("</content></entry>");
        return xml.toString();
    }

    /** When a post last changed: its {@code last_modified_at}, else its date. */
    public static ZonedDateTime updated(Page post) {
        return post.front().lastModified() != null ? post.front().lastModified() : post.front().date();
    }

    /** The newest of {@code posts}' {@link #updated} times, null without posts (or dates). */
    public static ZonedDateTime newestUpdated(List<Page> posts) {
        return posts.stream().map(FeedWriter::updated).filter(java.util.Objects::nonNull)
                .max(java.time.chrono.ChronoZonedDateTime.timeLineOrder()).orElse(null);
    }

    private static ZonedDateTime epoch(SiteConfig config) {
        return ZonedDateTime.of(1970, 1, 1, 0, 0, 0, 0, config.timezone());
    }

    private static void link(StringBuilder xml, String href, String rel, String type) {
        xml.append("<link href=\"");
        attribute(xml, href);
        xml.append("\" rel=\"").append(rel).append("\" type=\"").append(type).append("\"/>");
    }

    private static void element(StringBuilder xml, String name, String text) {
        xml.append('<').append(name).append('>');
        text(xml, text);
        xml.append("</").append(name).append('>');
    }

    private static void text(StringBuilder xml, String text) {
        escape(xml, text, false);
    }

    private static void attribute(StringBuilder xml, String text) {
        escape(xml, text, true);
    }

    /** {@code text} escaped for an attribute value in double quotes, in XML or HTML. */
    static String attribute(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        escape(out, text, true);
        return out.toString();
    }

    /**
     * Appends {@code text} escaped for XML: {@code & < >} always, {@code "} in attributes, a carriage
     * return as a character reference (so that it survives parsing); characters XML 1.0 cannot hold
     * (other control characters, lone surrogates, U+FFFE and U+FFFF) are left out.
     */
    private static void escape(StringBuilder xml, String text, boolean attribute) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> xml.append("&amp;");
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '"' -> xml.append(attribute ? "&quot;" : "\"");
                case '\r' -> xml.append("&#13;");
                case '\n', '\t' -> xml.append(attribute ? (c == '\n' ? "&#10;" : "&#9;") : String.valueOf(c));
                default -> {
                    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
                        continue;
                    }
                    if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                        xml.append(c).append(text.charAt(++i));
                    } else if (!Character.isSurrogate(c)) {
                        xml.append(c);
                    }
                }
            }
        }
    }

    /** {@code /x/} as an absolute URL when the site has a base_url, else as it is. */
    public static String absolute(SiteConfig config, String url) {
        return config.rootUrl() + url;
    }

    /**
     * {@code /x/} as the absolute URL a reader fetches, in ASCII ({@code /tags/café/} is {@code /tags/caf%C3%A9/}),
     * as jekyll-feed writes it and an HTTP request sends it: Atom allows an IRI there, but a URL is what every reader
     * and crawler takes. Ids are not made so: a reader takes an entry whose id changed for a new post; an entry's id
     * is jekyll-feed's, ASCII already ({@link #entryPath}), and a tag feed's own id ({@code .../tags/café/feed.xml})
     * stays the IRI it was, which Atom allows.
     */
    static String href(SiteConfig config, String url) {
        return Route.ascii(absolute(config, url));
    }

    /**
     * The path of an entry's id, as jekyll-feed makes it, so that the readers of a blog moved from Jekyll see no
     * post twice: the folder of the post's URL and its slug ({@code /2020/01/01/a} for {@code /2020/01/01/a/}
     * and {@code /2020/01/01/a.html}; {@code /c} for {@code /c/}), normalised as its {@code absolute_url} does
     * (Addressable: compatibility-composed, then what a URL cannot hold percent-encoded as UTF-8, so {@code café}
     * is {@code caf%C3%A9}; a {@code ?} or {@code #} of the slug starts a query or fragment, as written).
     */
    static String entryPath(Page post) {
        String url = post.url();
        String path = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        // Jekyll's slug of a file name loses its trailing dots; one of the front matter is as written.
        String slug = post.front().positions().containsKey("slug") ? post.front().slug()
                : post.front().slug().replaceFirst("\\.+$", "");
        String raw = path.substring(0, Math.max(0, path.lastIndexOf('/'))) + "/" + slug;
        raw = java.text.Normalizer.normalize(raw, java.text.Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(raw.length() + 16);
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        int part = 0; // 0 the path, 1 the query, 2 the fragment
        int started = -1; // where the last part's '?' or '#' stands
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (b == '?' && part == 0 || b == '#' && part < 2) {
                part = b == '?' ? 1 : 2;
                started = out.length();
                out.append((char) b);
            } else if (part == 1 && b == ';') {
                out.append('%').append(HEX.charAt(b >> 4)).append(HEX.charAt(b & 15)); // a query's ';' is escaped
            } else if (part > 0 && (b == '?' || b == '/')) {
                out.append((char) b);
            } else if (b == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
                int c = hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]);
                if (UNRESERVED.indexOf(c) >= 0) {
                    out.append((char) c);
                } else {
                    out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 15));
                }
                i += 2;
            } else if (b < 0x80 && (UNRESERVED.indexOf(b) >= 0 || KEPT.indexOf(b) >= 0)) {
                out.append((char) b);
            } else {
                out.append('%').append(HEX.charAt(b >> 4)).append(HEX.charAt(b & 15));
            }
        }
        // An empty query or fragment is dropped.
        return started >= 0 && started == out.length() - 1 ? out.substring(0, started) : out.toString();
    }

    private static final String HEX = "0123456789ABCDEF";
    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    /** Sub-delimiters, ':', '@' and '/', which a path keeps as they are (and '?' and '#' start its query and fragment). */
    private static final String KEPT = "!$&'()*+,;=:@/";

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }

    /** An id: an absolute URL; without a base_url, a URN that is still a valid, stable IRI. */
    private static String id(SiteConfig config, String url) {
        return config.rootUrl().isEmpty() ? "urn:kiln:" + url : config.rootUrl() + url;
    }
}
