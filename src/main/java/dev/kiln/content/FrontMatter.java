package dev.kiln.content;

import dev.kiln.error.Position;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * The typed front matter of a post or page. {@code date} is null only for pages without a date;
 * {@code permalink} and {@code layout} are null when the file names none; {@code redirectFrom} are the
 * page's old URLs ({@code redirect_from}, as jekyll-redirect-from reads it, and Hugo's {@code aliases});
 * {@code redirectTo} is null unless the page only sends readers on to that URL ({@code redirect_to});
 * {@code excerptSeparator} is null unless the page ends its excerpt otherwise than the site ({@code excerpt_separator},
 * as Jekyll reads it).
 */
public record FrontMatter(
        String title,
        ZonedDateTime date,
        ZonedDateTime lastModified,
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
        List<String> redirectFrom,
        String redirectTo,
        Map<String, Object> params,
        Map<String, Position> positions) {

    public FrontMatter {
        tags = List.copyOf(tags);
        categories = List.copyOf(categories);
        redirectFrom = List.copyOf(redirectFrom);
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        positions = Map.copyOf(positions);
    }

    /** The key that gave {@link #redirectFrom}: {@code redirect_from}, else Hugo's {@code aliases}. */
    public String redirectKey() {
        return positions.containsKey("redirect_from") ? "redirect_from" : "aliases";
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
