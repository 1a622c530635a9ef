package dev.kiln.content;

import dev.kiln.error.Position;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * The typed front matter of a post or page. {@code date} is null only for pages without a date;
 * {@code permalink} and {@code layout} are null when the file names none; {@code redirectFrom} are the
 * page's old URLs of {@code redirect_from}, as jekyll-redirect-from reads it (paths from the site's root), and
 * {@code aliases} those of Hugo's {@code aliases} as written (a relative one is taken from the page's URL);
 * {@code redirectTo} is null unless the page only sends readers on to that URL ({@code redirect_to});
 * {@code excerptSeparator} is null unless the page ends its excerpt otherwise than the site ({@code excerpt_separator},
 * as Jekyll reads it); {@code publishDate} and {@code expiryDate} (Hugo's keys) are null unless given: before the
 * one and from the other on, the page is left out of the site. {@code lastModified} is {@code last_modified_at}, or
 * Hugo's {@code lastmod} (or {@code modified}); {@code permalink} is {@code permalink}, or Hugo's {@code url}, whose
 * place {@link #at}{@code ("permalink")} then gives. {@code sitemap} is false when the page asks to be left out of
 * {@code sitemap.xml} ({@code sitemap: false}, jekyll-sitemap's key, or Hugo's {@code sitemap: {disable: true}}).
 * {@code canonicalUrl} is null unless the page names the original
 * it copies ({@code canonical_url}, an absolute URL or a path from the site's root, as jekyll-seo-tag reads it); {@code author} is null unless the
 * page names its own ({@code author}, as jekyll-seo-tag and jekyll-feed read it). Both stay in {@code params} too,
 * where layouts read them before Kiln did.
 */
public record FrontMatter(
        String title,
        ZonedDateTime date,
        ZonedDateTime lastModified,
        ZonedDateTime publishDate,
        ZonedDateTime expiryDate,
        List<String> tags,
        List<String> categories,
        String slug,
        String permalink,
        String layout,
        boolean draft,
        boolean unpublished,
        String description,
        String image,
        String excerpt,
        String excerptSeparator,
        Boolean toc,
        boolean sitemap,
        List<String> redirectFrom,
        List<String> aliases,
        String redirectTo,
        String canonicalUrl,
        String author,
        Map<String, Object> params,
        Map<String, Position> positions) {

    public FrontMatter {
        tags = List.copyOf(tags);
        categories = List.copyOf(categories);
        redirectFrom = List.copyOf(redirectFrom);
        aliases = List.copyOf(aliases);
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        positions = Map.copyOf(positions);
    }

    /** The key that gave {@link #permalink}, as written: {@code permalink}, or Hugo's {@code url}. */
    public String permalinkKey() {
        Position at = positions.get("permalink");
        for (Map.Entry<String, Position> e : positions.entrySet()) {
            if (e.getKey().equalsIgnoreCase("url") && e.getValue().equals(at)) {
                return e.getKey();
            }
        }
        return "permalink";
    }

    /** Whether the front matter gives {@code key} a value. */
    public boolean has(String key) {
        return positions.containsKey(key);
    }

    /** Where the value of {@code key} stands, or the file's first line when it has none. */
    public Position at(String key) {
        return positions.getOrDefault(key, Position.START);
    }
}
