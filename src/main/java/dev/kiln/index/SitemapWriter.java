package dev.kiln.index;

import dev.kiln.config.SiteConfig;
import dev.kiln.content.Route;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code /sitemap.xml} (every public page: posts, pages but 404, home and tag pages; not a page that asks to be left
 * out with {@code sitemap: false}, nor one that only sends its readers on with {@code redirect_to}, which is
 * {@code noindex}) and {@code /robots.txt}.
 */
public final class SitemapWriter {

    private SitemapWriter() {}

    /** A page of the sitemap: its URL, and when it last changed (null: unknown). */
    public record Entry(String url, ZonedDateTime modified) {}

    /**
     * The pages of the sitemap of the site {@code index} holds, in no particular order: cheap to compare;
     * with the archive page when the site has one ({@code archive}).
     */
    public static List<Entry> entries(SiteConfig config, SiteIndex index, boolean archive) {
        List<Entry> entries = new ArrayList<>();
        // The lists show their posts: they changed when the last of those did (an older post revised since the
        // newest was published too), as the feeds' <updated>.
        ZonedDateTime newest = FeedWriter.newestUpdated(index.posts());
        // content/index.md's front matter is the home page's: the pages of its post list go with it.
        if (index.homeText() == null || index.homeText().front().sitemap()) {
            for (Pagination home : index.home()) {
                entries.add(new Entry(home.route().url(), newest));
            }
        }
        for (Page post : index.posts()) {
            if (listed(post)) {
                entries.add(new Entry(post.url(), FeedWriter.updated(post)));
            }
        }
        for (Page page : index.pages()) {
            if (listed(page) && !page.route().outputPath().equals("404.html")) {
                entries.add(new Entry(page.url(), FeedWriter.updated(page))); // null without dates
            }
        }
        if (!index.tags().isEmpty()) {
            entries.add(new Entry(SiteIndex.tagsIndexRoute(config).url(), newest));
        }
        for (Tag tag : index.tags()) {
            entries.add(new Entry(tag.route().url(), FeedWriter.newestUpdated(tag.posts())));
        }
        if (archive) {
            entries.add(new Entry(SiteIndex.archiveRoute(config).url(), newest));
        }
        return entries;
    }

    /**
     * Whether {@code page} is submitted to crawlers: not when its front matter says {@code sitemap: false}, nor when
     * it is a {@code redirect_to} page, whose {@code noindex} Search Console reports as an error in a sitemap.
     */
    private static boolean listed(Page page) {
        return page.front().sitemap() && page.front().redirectTo() == null;
    }

    /** The sitemap of {@code pages}, by URL. */
    public static byte[] sitemap(SiteConfig config, List<Entry> pages) {
        List<Entry> entries = new ArrayList<>(pages);
        entries.sort(Comparator.comparing(Entry::url));
        StringBuilder xml = new StringBuilder(128 + entries.size() * 120);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (Entry e : entries) {
            // In ASCII, as the sitemap protocol and Google ask (a URL "UTF-8 encoded and URL-escaped"), which
            // jekyll-sitemap and Hugo write: /tags/café/ is /tags/caf%C3%A9/.
            xml.append("  <url><loc>").append(escape(FeedWriter.href(config, e.url())))
                    .append("</loc>");
            if (e.modified() != null) {
                xml.append("<lastmod>").append(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(e.modified()))
                        .append("</lastmod>");
            }
            xml.append("</url>\n");
        }
        return xml.append("</urlset>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Lets every crawler in and points it to the sitemap (when the site's absolute URL is known). */
    public static byte[] robots(SiteConfig config) {
        String text = "User-agent: *\nAllow: /\n";
        if (!config.rootUrl().isEmpty()) {
            text += "\nSitemap: " + Route.ascii(config.rootUrl()) + "/sitemap.xml\n";
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
