package dev.kiln.index;

import dev.kiln.config.SiteConfig;
import dev.kiln.content.DraftPage;
import dev.kiln.content.PageKind;
import dev.kiln.content.Route;
import dev.kiln.content.Slugs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the whole site knows about its pages: posts newest first, tags, the home page's pagination and
 * each post's neighbours. The one barrier of the pipeline: it needs every page.
 */
public final class SiteIndex {

    /** Newest first; posts of one instant by URL, so that the order never depends on the file system. */
    public static final Comparator<Page> NEWEST_FIRST = Comparator
            .comparing((Page p) -> p.front().date()).reversed()
            .thenComparing(Page::url);

    private final List<Page> posts;
    private final List<Page> pages;
    private final List<Tag> tags;
    private final List<Pagination> home;
    private final Page homeText;
    private final Map<String, Integer> postNumbers = new HashMap<>();
    private final Map<String, Tag> tagsBySlug = new HashMap<>();
    private final Map<String, String> slugsByName = new HashMap<>();

    private SiteIndex(List<Page> posts, List<Page> pages, List<Tag> tags, List<Pagination> home, Page homeText) {
        this.posts = List.copyOf(posts);
        this.pages = List.copyOf(pages);
        this.homeText = homeText;
        this.tags = List.copyOf(tags);
        this.home = List.copyOf(home);
        for (int i = 0; i < posts.size(); i++) {
            postNumbers.put(posts.get(i).url(), i);
        }
        tags.forEach(t -> tagsBySlug.put(t.slug(), t));
        for (Page post : posts) {
            post.front().tags().forEach(name -> slugsByName.computeIfAbsent(name, Slugs::of));
        }
    }

    /** Every post, newest first. */
    public List<Page> posts() {
        return posts;
    }

    /** Every page that is not a post, by URL. */
    public List<Page> pages() {
        return pages;
    }

    /** Every tag in use, by name. */
    public List<Tag> tags() {
        return tags;
    }

    /** The pages of the home page's post list; at least one, even with no posts. */
    public List<Pagination> home() {
        return home;
    }

    /**
     * The page that gives the home page its title, description and text (Hugo's {@code content/_index.md}): the
     * page at {@code /} ({@code content/index.md}) while the post list is there, laid out by no layout of its own
     * or by {@code home}; null when there is none. It is not among {@link #pages()}.
     */
    public Page homeText() {
        return homeText;
    }

    /** Whether {@code page} gives the home page its text: see {@link #homeText()}. */
    private static boolean isHomeText(Page page, SiteConfig config) {
        return isHomeText(page.draft(), page.route(), config);
    }

    private static boolean isHomeText(DraftPage draft, Route route, SiteConfig config) {
        return draft.kind() != PageKind.POST && route.url().equals("/") && config.listUrl(1).equals("/")
                && (draft.front().layout() == null || draft.front().layout().equals("home"))
                && draft.front().redirectTo() == null;
    }

    /**
     * The layout that the body of {@code draft}, published at {@code route}, stands in: {@code home} for the
     * home page's text ({@link #homeText()}), else the page's own ({@link Page#layout()}). Known before the
     * body is rendered, so that its headings leave the layout's ids to it.
     */
    public static String layoutOf(DraftPage draft, Route route, SiteConfig config) {
        return isHomeText(draft, route, config) ? "home" : Page.layoutOf(draft);
    }

    /** Indexes {@code posts} and {@code pages} as {@code config} asks (paginate, tag_permalink). */
    public static SiteIndex of(List<Page> posts, List<Page> pages, SiteConfig config) {
        return of(posts, pages, config, null);
    }

    /**
     * Indexes {@code posts} and {@code pages} as {@code config} asks, reusing what it can of the
     * {@code previous} index of the same site (null: none).
     */
    public static SiteIndex of(List<Page> posts, List<Page> pages, SiteConfig config, SiteIndex previous) {
        List<Page> sorted = posts.stream().sorted(NEWEST_FIRST).toList();
        Page homeText = pages.stream().filter(p -> isHomeText(p, config)).findFirst().orElse(null);
        SiteIndex index = new SiteIndex(sorted, pages.stream().filter(p -> p != homeText)
                .sorted(Comparator.comparing(Page::url)).toList(), tags(sorted, config), paginate(sorted, config),
                homeText);
        index.followFrom(previous);
        return index;
    }

    /** The older post next to {@code post} (shown as "previous"), if any. */
    public Optional<Page> older(Page post) {
        int i = postNumbers.getOrDefault(post.url(), -1);
        return i >= 0 && i + 1 < posts.size() ? Optional.of(posts.get(i + 1)) : Optional.empty();
    }

    /** The newer post next to {@code post} (shown as "next"), if any. */
    public Optional<Page> newer(Page post) {
        int i = postNumbers.getOrDefault(post.url(), -1);
        return i > 0 ? Optional.of(posts.get(i - 1)) : Optional.empty();
    }

    /** A tag's slug; the index knows each tag name's slug already, so it is not computed again. */
    private String slugOf(String name) {
        String slug = slugsByName.get(name);
        return slug != null ? slug : Slugs.of(name);
    }

    /** The tags of {@code post}, as indexed (one entry per slug). */
    public List<Tag> tagsOf(Page post) {
        Set<String> slugs = new LinkedHashSet<>();
        post.front().tags().forEach(name -> slugs.add(slugOf(name)));
        return slugs.stream().map(tagsBySlug::get).toList();
    }

    /**
     * Up to {@code limit} other posts most like {@code post}: those sharing the most tags first, then the
     * newest. Posts sharing no tag are not related.
     */
    public List<Page> related(Page post, int limit) {
        Integer number = postNumbers.get(post.url());
        if (number == null) {
            return List.of();
        }
        int[] found = related()[number];
        List<Page> list = new java.util.ArrayList<>(Math.min(limit, found.length));
        for (int k = 0; k < found.length && k < limit; k++) {
            list.add(posts.get(found[k]));
        }
        return list;
    }

    /** How many related posts are kept for each post. */
    private static final int RELATED = 5;
    /** For each post, the numbers of its related posts, best first; made when first asked for. */
    private volatile int[][] related;

    /** See {@link #tagging()}. */
    private Object tagging = new Object();

    /**
     * An object that is the same for indexes made one after the other ({@link #of(List, List, SiteConfig,
     * SiteIndex)}) while their posts stay in the same order with the same URLs and tags, as when only their
     * text or titles change: then every post has the same tags, with the same names, and the same related
     * posts.
     */
    public Object tagging() {
        return tagging;
    }

    /**
     * Takes over {@code previous}'s related posts and {@link #tagging()} when its posts are in the same
     * order with the same tags: relating every post to every other is the costliest part of the index.
     */
    private void followFrom(SiteIndex previous) {
        if (previous == null || previous.posts.size() != posts.size()) {
            return;
        }
        for (int i = 0; i < posts.size(); i++) {
            Page now = posts.get(i);
            Page then = previous.posts.get(i);
            if (!now.url().equals(then.url()) || !now.front().tags().equals(then.front().tags())) {
                return;
            }
        }
        related = previous.related;
        tagging = previous.tagging;
    }

    /**
     * The related posts of every post, found in runs of posts on every core, each run reusing one counter
     * array: a post's candidates are the members of its tags, counted, and the best few kept without sorting
     * them all.
     */
    private int[][] related() {
        int[][] all = related;
        if (all != null) {
            return all;
        }
        synchronized (this) {
            if (related != null) {
                return related;
            }
            Map<String, int[]> members = new HashMap<>();
            for (Tag tag : tags) {
                members.put(tag.slug(), tag.posts().stream().mapToInt(p -> postNumbers.get(p.url())).toArray());
            }
            int n = posts.size();
            int[][] result = new int[n][];
            // The layout threads wait here for the first that asked: the runs go to the common pool's.
            java.util.stream.IntStream.range(0, (n + RUN - 1) / RUN).parallel().forEach(run -> {
                int[] shared = new int[n];
                int[] touched = new int[n];
                for (int i = run * RUN, end = Math.min(n, i + RUN); i < end; i++) {
                    result[i] = related(i, members, shared, touched);
                }
            });
            related = result;
            return result;
        }
    }

    /** How many posts' related posts one task finds. */
    private static final int RUN = 512;

    /**
     * The related posts of post {@code i}: the members of its tags ({@code members}) counted in {@code
     * shared}, which is all zero before and after, the ones counted listed in {@code touched}.
     */
    private int[] related(int i, Map<String, int[]> members, int[] shared, int[] touched) {
        int count = 0;
        for (Tag tag : tagsOf(posts.get(i))) {
            for (int other : members.get(tag.slug())) {
                if (other != i && shared[other]++ == 0) {
                    touched[count++] = other;
                }
            }
        }
        int[] best = new int[RELATED];
        int kept = 0;
        for (int t = 0; t < count; t++) {
            int candidate = touched[t];
            int at = kept < RELATED ? kept++ : RELATED;
            // Insertion into the short best list: more shared tags first, then newer (lower number).
            while (at > 0 && better(candidate, best[at - 1], shared)) {
                if (at < RELATED) {
                    best[at] = best[at - 1];
                }
                at--;
            }
            if (at < RELATED) {
                best[at] = candidate;
            }
        }
        for (int t = 0; t < count; t++) {
            shared[touched[t]] = 0;
        }
        return java.util.Arrays.copyOf(best, kept);
    }

    private static boolean better(int a, int b, int[] shared) {
        return shared[a] > shared[b] || shared[a] == shared[b] && a < b;
    }

    /** The archive page's route ({@code /archive/} by default). */
    public static Route archiveRoute(SiteConfig config) {
        String path = config.archivePermalink();
        return Route.ofPath(path.startsWith("/") ? path : "/" + path);
    }

    /** The route of the tags index page ({@code /tags/} by default: the tag pattern's folder). */
    public static Route tagsIndexRoute(SiteConfig config) {
        String pattern = config.tagPermalink();
        String folder = pattern.substring(0, pattern.indexOf(":slug"));
        return Route.ofPath(folder.isEmpty() || folder.equals("/") ? "/tags/" : folder);
    }

    /** Tags that differ only in case or punctuation share one slug and one page, named as first written. */
    private static List<Tag> tags(List<Page> posts, SiteConfig config) {
        Map<String, String> names = new TreeMap<>();
        Map<String, List<Page>> bySlug = new LinkedHashMap<>();
        for (Page post : posts) {
            Set<String> seen = new HashSet<>();
            for (String name : post.front().tags()) {
                String slug = Slugs.of(name);
                names.putIfAbsent(slug, name);
                if (seen.add(slug)) {
                    bySlug.computeIfAbsent(slug, s -> new ArrayList<>()).add(post);
                }
            }
        }
        return names.entrySet().stream()
                .map(e -> new Tag(e.getValue(), e.getKey(),
                        tagRoute(config.tagPermalink(), e.getKey()), bySlug.get(e.getKey())))
                .sorted(Comparator.comparing((Tag t) -> t.name().toLowerCase(java.util.Locale.ROOT))
                        .thenComparing(Tag::slug))
                .toList();
    }

    /** The route of the page of the tag {@code slug} under {@code tag_permalink} pattern {@code pattern}. */
    public static Route tagRoute(String pattern, String slug) {
        return Route.ofPath(tagPath(pattern, slug));
    }

    private static String tagPath(String pattern, String slug) {
        String path = pattern.replace(":slug", slug);
        return (path.startsWith("/") ? path : "/" + path).replaceAll("/{2,}", "/");
    }

    private static List<Pagination> paginate(List<Page> posts, SiteConfig config) {
        int perPage = config.paginate();
        int total = Math.max(1, (posts.size() + perPage - 1) / perPage);
        List<Pagination> pages = new ArrayList<>();
        for (int n = 1; n <= total; n++) {
            List<Page> slice = posts.subList(Math.min(posts.size(), (n - 1) * perPage),
                    Math.min(posts.size(), n * perPage));
            pages.add(new Pagination(n, total, Route.ofPath(config.listUrl(n)), slice,
                    n > 1 ? config.listUrl(n - 1) : null, n < total ? config.listUrl(n + 1) : null));
        }
        return pages;
    }

}
