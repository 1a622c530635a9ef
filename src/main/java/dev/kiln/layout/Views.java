package dev.kiln.layout;

import dev.kiln.config.SiteConfig;
import dev.kiln.html.BodyProcessor;
import dev.kiln.index.Page;
import dev.kiln.index.Pagination;
import dev.kiln.index.SiteIndex;
import dev.kiln.index.Tag;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values layouts see, with Jekyll-style snake_case names: {@code site}, {@code page},
 * {@code posts}, {@code tags}, and {@code paginator} or {@code tag} where they apply. Every key is
 * always present (null when it has no value), so strict variables catch only real typos.
 */
public final class Views {

    private static final int RELATED = 3;
    private final SiteConfig config;
    private final SiteIndex index;
    private final Map<String, Object> site;
    private final Map<String, Map<String, Object>> postSummaries;
    /** The post each summary was made from, by URL. */
    private final Map<String, Page> summarised;
    private final List<Map<String, Object>> posts;
    /**
     * Stands for the posts' summaries as layouts have read them: the last build's while the summaries are equal,
     * or differ only in the front matter values no layout has read ({@link Summary}).
     */
    private final Object postsRead;
    /**
     * Whether a layout has read a value of a post's front matter from a list ({@link Summary#FRONT}), in this
     * build or an earlier one whose views these took over: until then an edit of those values lays out only the
     * post's own page, as before lists had them. Set once, never reset (the only state views change).
     */
    private final java.util.concurrent.atomic.AtomicBoolean frontRead;
    private final List<Map<String, Object>> tags;

    /** The views of one build: site-wide values are made once and shared by every page. */
    public Views(SiteConfig config, SiteIndex index) {
        this(config, index, null, true);
    }

    /**
     * The views of one build, taking over {@code previous}'s site-wide values where they are equal, so
     * that comparing this build's page contexts with the previous build's is cheap. {@code archive} says
     * whether the site has an archive page for the default nav to link.
     */
    public Views(SiteConfig config, SiteIndex index, Views previous, boolean archive) {
        this.config = config;
        this.index = index;
        this.frontRead = previous != null ? previous.frontRead : new java.util.concurrent.atomic.AtomicBoolean();
        Map<String, Map<String, Object>> summaries = new HashMap<>();
        Map<String, Page> summarised = new HashMap<>();
        // Posts tagged as in the previous index have the same tags with the same names as then.
        boolean tagged = previous != null && index.tagging() == previous.index.tagging();
        for (Page post : index.posts()) {
            Map<String, Object> last = previous == null ? null : previous.postSummaries.get(post.url());
            boolean samePost = last != null && post.equals(previous.summarised.get(post.url()));
            List<Map<String, Object>> tagLinks = samePost && tagged ? null
                    : new TagList(index.tagsOf(post).stream().map(Views::tagLink).toList());
            // A summary is made of the post and its tags' links only: the last one stands while they are the same.
            boolean unchanged = samePost && (tagLinks == null || tagLinks.equals(last.get("tags")));
            summaries.put(post.url(), unchanged ? last : summary(post, tagLinks, frontRead));
            summarised.put(post.url(), post);
        }
        this.summarised = summarised;
        Map<String, Object> site = site(config, nav(config, index, archive), years(index.posts()));
        List<Map<String, Object>> tags = new TagList(index.tags().stream().map(Views::tagSummary).toList());
        boolean same = previous != null && summaries.equals(previous.postSummaries);
        this.postSummaries = same ? previous.postSummaries : summaries;
        // Equal summaries hold equal dates and URLs, so the order is the same too.
        this.posts = same ? previous.posts : index.posts().stream().map(p -> postSummaries.get(p.url())).toList();
        this.postsRead = same || previous != null && !frontRead.get() && Summary.sameShown(summaries, previous.postSummaries)
                ? previous.postsRead : new Object();
        this.site = previous != null && site.equals(previous.site) ? previous.site : site;
        this.tags = previous != null && tags.equals(previous.tags) ? previous.tags : tags;
    }

    /**
     * The context of a post or page, but for its {@code content}, which {@link #withContent} adds: a
     * rebuild compares each page's values with the last build's to know whether to lay it out again, and
     * the body (the same object while its source is unchanged) is compared apart, not decoded to be compared.
     */
    public Map<String, Object> forPage(Page page) {
        Map<String, Object> view = base(page.front().title(), page.url(), page.isPost() ? "post" : "page");
        var front = page.front();
        view.put("description", front.description() != null ? front.description() : page.body().excerptText());
        boolean toc = front.toc() != null ? front.toc() : config.toc();
        view.put("toc", toc ? page.body().tocHtml() : "");
        putDate(view, front.date());
        ZonedDateTime updated = front.lastModified() != null ? front.lastModified() : front.date();
        view.put("updated_iso", updated == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(updated));
        view.put("tags", page.isPost() ? new TagList(index.tagsOf(page).stream().map(Views::tagLink).toList())
                : List.of());
        view.put("reading_time", page.body().readingMinutes());
        view.put("word_count", page.body().words());
        view.put("previous", page.isPost() ? index.older(page).map(Views::link).orElse(null) : null);
        view.put("next", page.isPost() ? index.newer(page).map(Views::link).orElse(null) : null);
        view.put("image", imageUrl(front.image(), page.url()));
        view.put("author", front.author());
        view.put("canonical_url", front.canonicalUrl());
        view.put("params", front.params());
        view.put("related", page.isPost()
                ? index.related(page, RELATED).stream().map(p -> postSummaries.get(p.url())).toList() : List.of());
        return context(view);
    }

    /**
     * What {@link #forPage} reads, cheap to make and to compare: when a page's dependencies equal the last
     * build's, so do its values, and a rebuild need not make them to know the page is unchanged. The page
     * itself is compared as it is (the same object while unchanged), the site-wide values by identity:
     * {@link #Views(SiteConfig, SiteIndex, Views, boolean)} keeps the last build's while they are equal.
     * The same post summaries, in the same order, mean the same neighbours, tags and related posts.
     */
    public Object dependencies(Page page) {
        return new Dependencies(page, "", site, postsRead, tags);
    }

    /**
     * What the context of the home, tag, tags or archive page {@code name} reads ({@link #forHome},
     * {@link #forTag}, {@link #forTags}, {@link #forArchive}): the posts they list, as the posts' summaries
     * say, and the site-wide values.
     */
    public Object dependencies(String name) {
        return new Dependencies(null, name, site, postsRead, tags);
    }

    /** {@link #dependencies(String)} of a home page that {@code text} (null: none) gives its text and title. */
    public Object dependencies(String name, Page text) {
        return new Dependencies(text, name, site, postsRead, tags);
    }

    /** See {@link #dependencies(Page)}. */
    private record Dependencies(Page page, String name, Map<String, Object> site,
                                Object posts, List<Map<String, Object>> tags) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Dependencies d && site == d.site && posts == d.posts
                    && tags == d.tags && name.equals(d.name) && java.util.Objects.equals(page, d.page);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }
    }

    /** A copy of the context {@code forPage} made, with the page's {@code content}. */
    public static Map<String, Object> withContent(Map<String, Object> context, String content) {
        @SuppressWarnings("unchecked")
        Map<String, Object> page = new View((Map<String, Object>) context.get("page"));
        page.put("content", content);
        Map<String, Object> copy = new HashMap<>(context);
        copy.put("page", page);
        return copy;
    }

    /** The context of one page of the home page's post list. */
    public Map<String, Object> forHome(Pagination pagination) {
        // content/index.md gives the home page its title, description and text (as Hugo's _index.md does).
        Page text = index.homeText();
        String name = text != null && text.front().has("title") ? text.front().title() : config.title();
        String title = pagination.number() == 1 ? name : name + " – page " + pagination.number();
        Map<String, Object> view = base(title, pagination.route().url(), "home");
        if (text != null) {
            if (text.front().description() != null) {
                view.put("description", text.front().description());
            }
            view.put("image", imageUrl(text.front().image(), "/"));
            view.put("params", text.front().params());
        }
        Map<String, Object> context = context(view);
        Map<String, Object> paginator = new View();
        paginator.put("posts", pagination.posts().stream().map(p -> postSummaries.get(p.url())).toList());
        paginator.put("page", pagination.number());
        paginator.put("total_pages", pagination.total());
        paginator.put("previous_url", pagination.previousUrl());
        paginator.put("next_url", pagination.nextUrl());
        context.put("paginator", paginator);
        return context;
    }

    /** The context of a tag's page. */
    public Map<String, Object> forTag(Tag tag) {
        Map<String, Object> view = base("Posts tagged “" + tag.name() + "”", tag.route().url(), "tag");
        view.put("description", tag.posts().size() + (tag.posts().size() == 1 ? " post" : " posts")
                + " tagged “" + tag.name() + "” on " + config.title());
        Map<String, Object> context = context(view);
        Map<String, Object> summary = tagSummary(tag);
        summary.put("feed_url", tag.feedUrl());
        summary.put("index_url", SiteIndex.tagsIndexRoute(config).url());
        summary.put("posts", tag.posts().stream().map(p -> postSummaries.get(p.url())).toList());
        context.put("tag", summary);
        return context;
    }

    /** The context of the archive: {@code archive} is a list of years, each with its months and their posts. */
    public Map<String, Object> forArchive(String url) {
        Map<String, Object> view = base("Archive", url, "archive");
        view.put("description", "Every post on " + config.title() + ", by year and month");
        Map<String, Object> context = context(view);
        java.util.Locale locale = java.util.Locale.forLanguageTag(config.language());
        List<Map<String, Object>> years = new java.util.ArrayList<>();
        Map<String, Object> year = null;
        List<Map<String, Object>> months = null;
        Map<String, Object> month = null;
        List<Map<String, Object>> posts = null;
        for (Page post : index.posts()) {
            ZonedDateTime date = post.front().date();
            if (year == null || !year.get("year").equals(date.getYear())) {
                months = new java.util.ArrayList<>();
                year = new View(Map.of("year", date.getYear(), "months", months));
                years.add(year);
                month = null;
            }
            if (month == null || !month.get("month").equals(date.getMonthValue())) {
                posts = new java.util.ArrayList<>();
                month = new View(Map.of("month", date.getMonthValue(), "posts", posts,
                        "name", date.getMonth().getDisplayName(java.time.format.TextStyle.FULL_STANDALONE, locale)));
                months.add(month);
            }
            posts.add(postSummaries.get(post.url()));
        }
        context.put("archive", years);
        return context;
    }

    /** The context of the index of all tags. */
    public Map<String, Object> forTags(String url) {
        Map<String, Object> view = base("Tags", url, "tags");
        view.put("description", "All tags used on " + config.title());
        return context(view);
    }

    /** What the 404 page's layout sees: the page that GitHub Pages and {@code kiln serve} show for a missing path. */
    public Map<String, Object> forNotFound(String url) {
        Map<String, Object> view = base("Page not found", url, "404");
        view.put("description", "There is no page at this address.");
        return context(view);
    }

    private Map<String, Object> context(Map<String, Object> page) {
        Map<String, Object> context = new HashMap<>();
        context.put("site", site);
        context.put("page", page);
        context.put("posts", posts);
        context.put("tags", tags);
        return context;
    }

    private Map<String, Object> base(String title, String url, String kind) {
        Map<String, Object> view = new View();
        view.put("title", title);
        view.put("url", url);
        view.put("kind", kind);
        view.put("description", config.description());
        view.put("content", "");
        view.put("toc", "");
        view.put("date", null);
        view.put("date_iso", null);
        view.put("updated_iso", null);
        view.put("tags", List.of());
        view.put("reading_time", 0);
        view.put("word_count", 0);
        view.put("previous", null);
        view.put("next", null);
        view.put("image", null);
        view.put("author", null);
        view.put("canonical_url", null);
        view.put("params", java.util.Collections.emptyMap()); // front matter's: a key may be missing (LayoutErrors)
        view.put("related", List.of());
        return view;
    }

    /** The links of site.yml's nav, or else Home, Tags (when there are tags) and each page but 404, by URL. */
    private static List<Map<String, Object>> nav(SiteConfig config, SiteIndex index, boolean archive) {
        List<SiteConfig.NavLink> links = new java.util.ArrayList<>(config.nav());
        if (links.isEmpty()) {
            links.add(new SiteConfig.NavLink("Home", "/"));
            if (!config.listUrl(1).equals("/")) {
                links.add(new SiteConfig.NavLink("Posts", config.listUrl(1)));
            }
            if (!index.tags().isEmpty()) {
                links.add(new SiteConfig.NavLink("Tags", SiteIndex.tagsIndexRoute(config).url()));
            }
            if (!index.posts().isEmpty() && archive) {
                links.add(new SiteConfig.NavLink("Archive", SiteIndex.archiveRoute(config).url()));
            }
            for (Page page : index.pages()) {
                if (!page.route().outputPath().equals("404.html") && !page.url().equals("/")) {
                    links.add(new SiteConfig.NavLink(page.front().title(), page.url()));
                }
            }
        }
        return links.stream().map(n -> Map.<String, Object>of("title", n.title(), "url", n.url())).toList();
    }

    /**
     * The years the posts span, oldest to newest ({@code 2018–2026}, or {@code 2026}), "" without dated
     * posts: for a footer's copyright line, made once rather than by every page walking every post.
     */
    private static String years(List<Page> newestFirst) {
        if (newestFirst.isEmpty() || newestFirst.get(0).front().date() == null
                || newestFirst.get(newestFirst.size() - 1).front().date() == null) {
            return "";
        }
        int newest = newestFirst.get(0).front().date().getYear();
        int oldest = newestFirst.get(newestFirst.size() - 1).front().date().getYear();
        return oldest == newest ? String.valueOf(newest) : oldest + "–" + newest;
    }

    /** The keys of {@code site}, for the advice on a key it lacks ({@link LayoutErrors}). */
    static final List<String> SITE_KEYS = List.of("title", "description", "author", "url", "feed_url", "language", "nav",
            "params", "years");

    private static Map<String, Object> site(SiteConfig config, List<Map<String, Object>> nav, String years) {
        Map<String, Object> site = new SiteView();
        site.put("title", config.title());
        site.put("description", config.description());
        site.put("author", config.author());
        site.put("url", config.rootUrl());
        site.put("feed_url", config.feed().path());
        site.put("language", config.language());
        site.put("nav", nav);
        site.put("params", SiteParams.of(config.params())); // a key it lacks is site.yml's to add (LayoutErrors)
        site.put("years", years);
        return site;
    }

    /**
     * A post as lists show it ({@code posts}, {@code paginator.posts}, a tag's and the archive's posts, {@code related}):
     * made once a build and shared by every list, with the values of its front matter that its own page has
     * ({@code description}, {@code image}, {@code params}, {@code updated_iso}), all read from fields made already.
     */
    private static Map<String, Object> summary(Page post, List<Map<String, Object>> tagLinks,
                                               java.util.concurrent.atomic.AtomicBoolean frontRead) {
        Map<String, Object> s = new Summary(post, frontRead);
        s.put("title", post.front().title());
        s.put("url", post.url());
        putDate(s, post.front().date());
        s.put("excerpt", post.body().excerptHtml());
        s.put("tags", tagLinks);
        s.put("reading_time", post.body().readingMinutes());
        return s;
    }

    /**
     * A post in a list, whose values of its front matter ({@link #FRONT}: {@code description}, {@code image},
     * {@code params}, {@code updated_iso}, as its own page has them) are looked up when a layout asks for them,
     * from the post, rather than copied into each of the 10,000 summaries of a large site. Equal summaries have
     * equal values of both kinds; the first read of one of these says so to {@code frontRead}.
     */
    static final class Summary extends View {
        /** The keys looked up in the post's front matter. */
        static final java.util.Set<String> FRONT = java.util.Set.of("description", "image", "params", "updated_iso");

        private final transient Page post;
        private final transient java.util.concurrent.atomic.AtomicBoolean frontRead;

        Summary(Page post, java.util.concurrent.atomic.AtomicBoolean frontRead) {
            this.post = post;
            this.frontRead = frontRead;
        }

        @Override
        public Object get(Object key) {
            Object value = super.get(key);
            return value != null || !(key instanceof String name) || !FRONT.contains(name) ? value : front(name);
        }

        @Override
        public boolean containsKey(Object key) {
            return super.containsKey(key) || FRONT.contains(key);
        }

        private Object front(String name) {
            if (!frontRead.get()) {
                frontRead.set(true);
            }
            var front = post.front();
            return switch (name) {
                case "description" -> front.description() != null ? front.description() : post.body().excerptText();
                case "image" -> imageUrl(front.image(), post.url());
                case "params" -> front.params();
                default -> {
                    ZonedDateTime updated = front.lastModified() != null ? front.lastModified() : front.date();
                    yield updated == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(updated);
                }
            };
        }

        /** What {@link #front} makes of the post, to compare: equal when those values are. */
        private List<Object> frontValues() {
            var front = post.front();
            return java.util.Arrays.asList(front.description(), front.description() != null ? null
                    : post.body().excerptText(), front.image(), front.params(), front.lastModified());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Summary s && super.equals(s)
                    && (post == s.post || frontValues().equals(s.frontValues()));
        }

        @Override
        public int hashCode() {
            return super.hashCode();
        }

        /** Whether {@code these} summaries and {@code those} have the same values but for the front matter's. */
        static boolean sameShown(Map<String, Map<String, Object>> these, Map<String, Map<String, Object>> those) {
            if (these.size() != those.size()) {
                return false;
            }
            for (var entry : these.entrySet()) {
                Map<String, Object> one = entry.getValue();
                Map<String, Object> other = those.get(entry.getKey());
                if (one != other && (other == null || !sameEntries(one, other))) {
                    return false;
                }
            }
            return true;
        }

        /** Whether {@code one} and {@code other} hold equal entries (values looked up are none). */
        private static boolean sameEntries(Map<String, Object> one, Map<String, Object> other) {
            if (one.size() != other.size()) {
                return false;
            }
            for (var entry : one.entrySet()) {
                if (!java.util.Objects.equals(entry.getValue(), other.get(entry.getKey()))) {
                    return false;
                }
            }
            return true;
        }
    }

    private static void putDate(Map<String, Object> view, ZonedDateTime date) {
        view.put("date", date);
        view.put("date_iso", date == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(date));
    }

    private static Map<String, Object> tagLink(Tag tag) {
        return Map.of("name", tag.name(), "slug", tag.slug(), "url", tag.route().url());
    }

    private static Map<String, Object> tagSummary(Tag tag) {
        Map<String, Object> t = new View(tagLink(tag));
        t.put("count", tag.posts().size());
        return t;
    }

    private static Map<String, Object> link(Page page) {
        return Map.of("title", page.front().title(), "url", page.url());
    }


    /**
     * A map of values Kiln makes for layouts, whose keys are always there (null when a page has no value): told
     * apart from front matter's maps, where a key may be missing, by the advice for a key it lacks ({@link
     * LayoutErrors#missingValue}). The small maps of links stay {@code Map.of}'s, as cheap as they were.
     */
    static class View extends LinkedHashMap<String, Object> {
        View() {}

        View(Map<String, Object> values) {
            super(values);
        }
    }

    /**
     * A list of tags ({@code page.tags}, a post's in a list, {@code tags}), each a map of its {@code name},
     * {@code slug} and {@code url}, that contains a tag's name too (any spelling of it with the tag's slug): Jekyll's {@code {% if page.tags contains "java" %}}
     * (Liquid's tags are names) was false on every post, silently, as a map never equals a text. A text never equals
     * a tag, so no other answer of {@code contains} changes; equality and hashing are a list's, element by element.
     */
    static final class TagList extends java.util.AbstractList<Map<String, Object>> implements java.util.RandomAccess {
        private final List<Map<String, Object>> tags;

        TagList(List<Map<String, Object>> tags) {
            this.tags = tags;
        }

        @Override
        public Map<String, Object> get(int index) {
            return tags.get(index);
        }

        @Override
        public int size() {
            return tags.size();
        }

        @Override
        public boolean contains(Object o) {
            if (o instanceof CharSequence name) {
                // Any spelling of the tag: the site names a tag as its newest post writes it (java, Java), and an
                // older post's own spelling must not turn the answer, nor a newer post's change it.
                String text = name.toString();
                String slug = dev.kiln.content.Slugs.of(text);
                return tags.stream().anyMatch(t -> text.equals(t.get("name")) || slug.equals(t.get("slug")));
            }
            return tags.contains(o);
        }
    }

    /**
     * {@code site}: a key it lacks is said to be site.yml's ({@code site.params.KEY}), not a page's front matter's
     * ({@link LayoutErrors#missingValue}).
     */
    static final class SiteView extends View {}

    /**
     * The URL of a page's {@code image} (its cover, and its link previews' picture): a relative one
     * ({@code cover.png}, {@code ../shared/x.png}) resolved against the page's URL {@code pageUrl} as the
     * body's relative links are ({@link BodyProcessor#rootRelative}), so that {@code absolute_url} makes the
     * address of the picture the page shows; root-relative and absolute ones as written, and empty ones. What may
     * not stand in a URL is percent-encoded first ({@code my photo.png} is {@code my%20photo.png}), as in a link of
     * the body.
     */
    static String imageUrl(String image, String pageUrl) {
        // Encoded first: a name with a space (image: my photo.png) is no URL, which was left as written, so that
        // absolute_url took it from the site root and link previews got a raw space.
        return image == null || image.isBlank() ? image
                : BodyProcessor.rootRelative(pageUrl).apply(dev.kiln.content.Route.encodeUrl(image.strip()));
    }

}
