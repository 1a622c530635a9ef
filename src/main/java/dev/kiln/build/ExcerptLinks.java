package dev.kiln.build;

import dev.kiln.html.LinkChecker;
import dev.kiln.index.Page;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The links that the posts' excerpts put on a list page (a home, tag or archive page, made from no source), told
 * apart from the links its layout wrote. A list shows a post's excerpt whole, after a link to the post (its
 * title): the links of the excerpt stand there in a row, as the excerpt holds them. A link inside an excerpt,
 * even to another post, is the excerpt's, and starts no entry of the list.
 */
final class ExcerptLinks {

    private final BuildResult result;
    /** Each post's excerpt links, as they stand on a page (after the base path), read when first needed. */
    private final Map<String, List<String>> linksOf = new java.util.concurrent.ConcurrentHashMap<>(); // pages in parallel

    ExcerptLinks(BuildResult result) {
        this.result = result;
    }

    /**
     * The excerpt of each of {@code posts}, by its page's output path; "" for one that holds no link (no
     * attribute): kept for the link report when a one-off build lets the bodies go.
     */
    static Map<String, String> excerpts(List<Page> posts) {
        Map<String, String> excerpts = new HashMap<>();
        for (Page post : posts) {
            String excerpt = post.body().excerptHtml();
            excerpts.put(post.route().outputPath(), excerpt.indexOf('=') >= 0 ? excerpt : "");
        }
        return Map.copyOf(excerpts);
    }

    /**
     * The links of a list page, each with the post whose excerpt put it there (null for a link of the layout)
     * and, for such a link, its URL as it stands on that post's own page.
     */
    final class Shown {
        private final List<String> urls;
        private final String[] posts;

        private Shown(List<String> urls, String[] posts) {
            this.urls = urls;
            this.posts = posts;
        }

        int size() {
            return urls.size();
        }

        /** The URL of link {@code i}, stripped, as the link checker reports it. */
        String url(int i) {
            return urls.get(i);
        }

        /** The output path of the post whose excerpt holds link {@code i}, or null when the layout wrote it. */
        String post(int i) {
            return posts[i];
        }

        /**
         * The URL of link {@code i} as its post's own page holds it: the excerpt's {@code #fragment} links lead
         * back to that page ({@code /2020/a/#notes}), while the page itself says {@code #notes}.
         */
        String onPost(int i) {
            String url = urls.get(i);
            int hash = url.indexOf('#');
            return hash >= 0 && posts[i] != null && posts[i].equals(target(url)) ? url.substring(hash) : url;
        }
    }

    /**
     * The links of list page {@code page}: after a link to a post (its entry), the first row of links equal to
     * that post's excerpt's is its excerpt; a link to a post inside that row is the excerpt's, and starts no entry.
     */
    Shown on(String page) {
        byte[] html = result.output().files().get(page);
        List<String> urls = new ArrayList<>();
        for (LinkChecker.Link link : html == null ? List.<LinkChecker.Link>of() : LinkChecker.links(html)) {
            urls.add(link.url().strip());
        }
        String[] posts = new String[urls.size()];
        String entry = null; // the post linked last, outside an excerpt
        boolean shown = false; // whether its excerpt was found after that link
        for (int i = 0; i < urls.size(); i++) {
            List<String> row = entry == null || shown ? List.of() : linksOf(entry);
            if (startsAt(urls, i, row)) {
                for (int j = i; j < i + row.size(); j++) {
                    posts[j] = entry;
                }
                i += row.size() - 1;
                shown = true;
                continue;
            }
            String target = target(urls.get(i));
            if (target != null && !target.equals(entry) && result.excerpts().containsKey(target)) {
                entry = target;
                shown = false;
            }
        }
        return new Shown(urls, posts);
    }

    /** Whether {@code urls} holds {@code row}, which is not empty, from index {@code at}. */
    private static boolean startsAt(List<String> urls, int at, List<String> row) {
        if (row.isEmpty() || at + row.size() > urls.size()) {
            return false;
        }
        for (int k = 0; k < row.size(); k++) {
            if (!urls.get(at + k).equals(row.get(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The links of {@code post}'s excerpt as a page shows them: root-relative ones behind the base path, as
     * {@link dev.kiln.html.BasePath} puts it there, and stripped, as the link checker reports them.
     */
    private List<String> linksOf(String post) {
        return linksOf.computeIfAbsent(post, p -> {
            String excerpt = result.excerpts().get(p);
            List<String> links = new ArrayList<>();
            if (excerpt != null && !excerpt.isEmpty()) {
                for (LinkChecker.Link link : LinkChecker.links(excerpt.getBytes(StandardCharsets.UTF_8))) {
                    String url = link.url();
                    links.add((url.startsWith("/") && !url.startsWith("//") ? result.basePath() + url : url).strip());
                }
            }
            return List.copyOf(links);
        });
    }

    /**
     * As {@link #on}, for a page made from a source that may show posts' excerpts too (a sidebar of posts with their
     * excerpts, on every page): a row of links is an excerpt's only where that excerpt's HTML stands whole in the
     * page, after the excerpts found before it; else the page's body links to that post and the layout writes links
     * equal to its excerpt's after it, which are not the excerpt's.
     */
    Shown onWhole(String page) {
        Shown shown = on(page);
        byte[] html = result.output().files().get(page);
        LinkReport.Source text = new LinkReport.Source(html == null ? new byte[0] : html);
        int from = 0;
        for (int i = 0; i < shown.size(); ) {
            String post = shown.posts[i];
            int end = i + 1;
            while (end < shown.size() && post != null && post.equals(shown.posts[end])) {
                end++;
            }
            if (post != null) {
                byte[] excerpt = htmlOf(post);
                int at = text.indexOf(excerpt, from);
                if (at < 0) {
                    java.util.Arrays.fill(shown.posts, i, end, null);
                } else {
                    from = at + excerpt.length;
                }
            }
            i = end;
        }
        return shown;
    }

    /** Each post's excerpt as a page holds it (behind the base path), read when first needed. */
    private final Map<String, byte[]> htmlOf = new java.util.concurrent.ConcurrentHashMap<>();

    private byte[] htmlOf(String post) {
        return htmlOf.computeIfAbsent(post, p -> dev.kiln.html.BasePath.apply(result.excerpts().get(p), result.basePath())
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Every link of the posts' excerpts, as pages show them: made when first needed. */
    private Set<String> anyExcerpts;

    /**
     * Whether some post's excerpt holds {@code url} as a page shows it: else a page's link is no excerpt's, and the
     * page need not be read again to tell. Not to be called while pages are read in parallel.
     */
    boolean mayShow(String url) {
        if (anyExcerpts == null) {
            anyExcerpts = new HashSet<>();
            result.excerpts().forEach((post, excerpt) -> {
                if (!excerpt.isEmpty()) {
                    anyExcerpts.addAll(linksOf(post));
                }
            });
        }
        return anyExcerpts.contains(url);
    }

    /** The output path of the page that root-relative {@code url} leads to, or null. */
    private String target(String url) {
        String path = LinkReport.withoutBase(LinkReport.withoutFragment(url), result.basePath());
        String decoded = LinkReport.decoded(path);
        String file = decoded != null ? decoded : path;
        return file.startsWith("/") ? result.output().served(file.substring(1)) : null;
    }
}
