package dev.kiln.content;

import java.util.List;

/** Everything a site folder holds, sorted by path: posts, pages and files copied as they are. */
public record SiteSources(List<SourceFile> posts, List<SourceFile> pages, List<StaticFile> statics) {

    public SiteSources {
        posts = List.copyOf(posts);
        pages = List.copyOf(pages);
        statics = List.copyOf(statics);
    }
}
