package dev.kiln.build;

import dev.kiln.content.Route;
import dev.kiln.content.SourceLoader;
import dev.kiln.content.StaticFile;
import dev.kiln.markdown.SiteUrls;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The URLs of one build's posts, pages and files by the names Jekyll's {@code post_url} and {@code link} give them,
 * so that the problem of such a tag left in a page names the URL to write.
 */
final class PageUrls implements SiteUrls {

    private final Map<String, String> posts = new HashMap<>();
    private final Map<String, String> files = new HashMap<>();
    /** The pages' URLs by their source paths, in order: the {@code ref} of several names them in that order. */
    private final Map<String, String> pages = new java.util.TreeMap<>();

    /** The URLs of {@code pages} (source path to route) and {@code statics}. */
    PageUrls(Map<String, Route> pages, List<StaticFile> statics) {
        pages.forEach((path, route) -> {
            files.put(path, route.url());
            this.pages.put(path, route.url());
            if (path.startsWith(SourceLoader.POSTS + "/")) {
                // A post's name is its file's without the extension; a bundle's, its folder's (index.md is in it).
                String name = path.substring(SourceLoader.POSTS.length() + 1).replaceFirst("\\.[^./]+$", "");
                if (name.endsWith("/index")) {
                    name = name.substring(0, name.length() - "/index".length());
                }
                posts.put(name, route.url());
                posts.putIfAbsent(name.substring(name.lastIndexOf('/') + 1), route.url());
            }
        });
        statics.forEach(s -> files.put(s.sourcePath(), Route.encode("/" + s.outputPath())));
    }

    /**
     * The URLs {@code urls} makes, made when first asked for: only a page with a {@code post_url} or {@code link}
     * asks, and a build of ten thousand pages without one gathers none.
     */
    static SiteUrls whenAsked(java.util.function.Supplier<PageUrls> urls) {
        return new SiteUrls() {
            private PageUrls made;

            private synchronized PageUrls made() { // asked from the build's threads
                if (made == null) {
                    made = urls.get();
                }
                return made;
            }

            @Override
            public String post(String name) {
                return made().post(name);
            }

            @Override
            public String file(String path) {
                return made().file(path);
            }

            @Override
            public Map<String, String> pages(String ref) {
                return made().pages(ref);
            }
        };
    }

    @Override
    public String post(String name) {
        String url = posts.get(name);
        return url != null || !name.contains("/") ? url : posts.get(name.substring(name.lastIndexOf('/') + 1));
    }

    @Override
    public Map<String, String> pages(String ref) {
        // As Hugo's ref: a path from content/ (a leading / says so), with or without its extension, case ignored.
        String wanted = ref.strip().replaceFirst("^\\./", "").toLowerCase(java.util.Locale.ROOT);
        boolean rooted = wanted.startsWith("/");
        wanted = wanted.replaceFirst("^/+", "").replaceFirst("/+$", "");
        Map<String, String> exact = new java.util.LinkedHashMap<>();
        Map<String, String> ending = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            String rel = page.getKey().substring(SourceLoader.CONTENT.length() + 1).toLowerCase(java.util.Locale.ROOT);
            String bare = rel.replaceFirst("\\.[^./]+$", "");
            List<String> names = bare.endsWith("/index") || bare.equals("index")
                    ? List.of(rel, bare, bare.substring(0, bare.length() - "index".length()).replaceFirst("/$", ""))
                    : List.of(rel, bare);
            for (String name : names) {
                if (name.equals(wanted)) {
                    exact.put(page.getKey(), page.getValue());
                } else if (!rooted && !wanted.isEmpty() && name.endsWith("/" + wanted)) {
                    ending.put(page.getKey(), page.getValue());
                }
            }
        }
        if (exact.isEmpty() && ending.isEmpty() && wanted.startsWith("post/")) {
            // Hugo's section content/post/, renamed content/posts/ as Kiln asks: its refs still say post/ (until
            // 2026-12-07 they named no page).
            return pages((rooted ? "/posts/" : "posts/") + wanted.substring("post/".length()));
        }
        return !exact.isEmpty() ? exact : ending;
    }

    @Override
    public String file(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        // Jekyll names files from its site's folder: its _posts/ and _drafts/ are Kiln's content/posts/, its pages
        // and other files Kiln's content/, and assets/ is where it was.
        String kiln = p.startsWith("_posts/") || p.startsWith("_drafts/")
                ? SourceLoader.POSTS + p.substring(p.indexOf('/'))
                : p.startsWith(SourceLoader.ASSETS + "/") ? p : SourceLoader.CONTENT + "/" + p;
        String url = files.get(kiln);
        return url != null ? url : files.get(p);
    }
}
