package dev.kiln.content;

import java.util.List;
import java.util.Map;

/**
 * Everything a site folder holds, sorted by path: posts, pages and files copied as they are; for each
 * page that is a symbolic link, the site-relative path of the file it leads to ({@code links}), so that a
 * change to that file is known to change the page too; and {@code notices}, what the folder holds that no build
 * reads though its author may think it published (a Kiln site's own {@code static/}), which a build says and goes on.
 */
public record SiteSources(List<SourceFile> posts, List<SourceFile> pages, List<StaticFile> statics,
                          Map<String, String> links, List<dev.kiln.error.Problem> notices) {

    public SiteSources {
        posts = List.copyOf(posts);
        pages = List.copyOf(pages);
        statics = List.copyOf(statics);
        links = Map.copyOf(links);
        notices = List.copyOf(notices);
    }
}
