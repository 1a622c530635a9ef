package dev.kiln.content;

import java.util.List;
import java.util.Map;

/**
 * Everything a site folder holds, sorted by path: posts, pages and files copied as they are; and, for each
 * page that is a symbolic link, the site-relative path of the file it leads to ({@code links}), so that a
 * change to that file is known to change the page too.
 */
public record SiteSources(List<SourceFile> posts, List<SourceFile> pages, List<StaticFile> statics,
                          Map<String, String> links) {

    public SiteSources {
        posts = List.copyOf(posts);
        pages = List.copyOf(pages);
        statics = List.copyOf(statics);
        links = Map.copyOf(links);
    }
}
