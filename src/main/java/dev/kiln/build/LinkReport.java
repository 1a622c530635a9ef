package dev.kiln.build;

import dev.kiln.check.ExternalLinks;
import dev.kiln.config.SiteConfig;
import dev.kiln.error.Problem;
import dev.kiln.html.LinkChecker;
import dev.kiln.output.SiteOutput;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/** The broken internal links of a build, each reported at the source file and line that holds it. */
public final class LinkReport {

    private static final java.util.regex.Pattern HTTP = java.util.regex.Pattern.compile("(?i)https?://.+");

    private LinkReport() {}

    static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    /**
     * The problem of a site whose post list {@code config}'s {@code paginate_path} moved away from {@code /} (to
     * {@code /blog/}) while {@code output} has no page there, the site's own address, reported at
     * {@code paginate_path}; null when a page is at {@code /}.
     */
    static Problem missingHome(SiteConfig config, SiteOutput output) {
        if (config.paginatePath() == null || output.served("") != null) {
            return null;
        }
        return config.at(UrlClashes.PAGINATE_PATH).problem(SiteConfig.FILE, "the post list is at " + config.listUrl(1)
                + " and no page is at /, the site's own address, where links home lead: add content/index.md (a page"
                + " of its own at /), or remove " + UrlClashes.PAGINATE_PATH + " to put the post list back at /");
    }

    /** Whether {@code b} leads to the site's root ({@code /} or {@code /index.html}), where no file is. */
    private static boolean home(LinkChecker.Broken b) {
        return "".equals(b.missing()) || "index.html".equals(b.missing());
    }

    /**
     * Every broken link of {@code result}'s site in {@code root}, as problems, sorted; a problem that would
     * say what another says at the same place (a layout that writes one broken link twice on a page) once.
     * A broken link that a page made from no source (the home, tag and list pages) shows in a post's excerpt
     * ({@link ExcerptLinks}) is named in the post's problem rather than reported as written by a layout; when
     * the post's own page lacks it (an {@code excerpt:} of its front matter), it is the post's problem all the
     * same. When the post list moved away from an empty {@code /} ({@link BuildResult#missingHome}), that is the
     * first problem, and the links to {@code /}, which one page there mends, are not reported one by one.
     */
    public static List<Problem> problems(BuildResult result, Path root) {
        List<Problem> problems = new ArrayList<>();
        Map<String, List<LinkChecker.Broken>> bySource = new HashMap<>();
        Map<String, Set<String>> brokenOn = new HashMap<>(); // page made from a source -> the URLs broken on it
        Map<String, Map<String, LinkChecker.Broken>> sourceless = new TreeMap<>(); // page -> URL -> broken there
        LinkChecker checker = new LinkChecker(result.output(), result.basePath());
        for (LinkChecker.Broken b : checker.check()) {
            if (result.missingHome() != null && home(b)) {
                continue; // told once, below
            }
            String source = result.sources().get(b.page());
            if (source == null || homeText(b.page(), source)) {
                sourceless.computeIfAbsent(b.page(), p -> new HashMap<>()).putIfAbsent(b.url(), b);
            } else {
                bySource.computeIfAbsent(source, f -> new ArrayList<>()).add(b);
                brokenOn.computeIfAbsent(b.page(), p -> new HashSet<>()).add(b.url());
            }
        }
        // The links no source holds, to look for in the layouts: a footer's, on every page.
        java.util.Queue<LayoutLinks.Unplaced> unplaced = new java.util.concurrent.ConcurrentLinkedQueue<>();
        Map<String, Map<String, Pages>> inExcerpts = new HashMap<>(); // post -> URL on it -> pages showing its excerpt
        Map<LinkChecker.Broken, Pages> excerptOnly = new HashMap<>(); // a post's, not on its page -> pages showing it
        ExcerptLinks excerpts = new ExcerptLinks(result);
        for (var page : sourceless.entrySet()) {
            Map<String, LinkChecker.Broken> broken = page.getValue();
            // A list page is read again for its broken links, and each link found in an excerpt given to its post.
            ExcerptLinks.Shown shown = excerpts.on(page.getKey());
            for (int i = 0; i < shown.size(); i++) {
                LinkChecker.Broken b = broken.get(shown.url(i));
                if (b == null) {
                    continue;
                }
                String post = shown.post(i);
                if (post == null) {
                    String text = result.sources().get(b.page()); // the home page's text (content/index.md), or none
                    if (text != null) {
                        bySource.computeIfAbsent(text, f -> new ArrayList<>()).add(b);
                    } else {
                        unplaced.add(new LayoutLinks.Unplaced(b, b.page(), ", written by a layout"));
                    }
                    continue;
                }
                toPost(post, b, shown.onPost(i), result, brokenOn, inExcerpts, excerptOnly, bySource);
            }
        }
        // Each source is read once, for all its broken links, and let go; sources in parallel.
        Predicate<String> published = url -> servedAt(result.output(), url);
        Map<String, List<Problem>> placed = new java.util.concurrent.ConcurrentHashMap<>();
        bySource.entrySet().parallelStream().forEach(e -> placed.put(e.getKey(), at(read(root, e.getKey()), e.getKey(),
                e.getValue(), inExcerpts, excerptOnly, result.basePath(), published, unplaced)));
        // A page made from a source may show posts' excerpts too (a sidebar of posts on every page): the links its
        // source does not hold are looked for in them as on a list page, on those pages only, and given to the posts,
        // whose problems are made again to count the pages.
        Map<String, List<LayoutLinks.Unplaced>> unplacedOn = new TreeMap<>();
        List<LayoutLinks.Unplaced> left = new ArrayList<>();
        for (LayoutLinks.Unplaced u : unplaced) {
            String page = u.link().page();
            if (sourceless.containsKey(page) || result.sources().get(page) == null
                    || !excerpts.mayShow(u.link().url())) {
                left.add(u);
            } else {
                unplacedOn.computeIfAbsent(page, k -> new ArrayList<>()).add(u);
            }
        }
        if (!unplacedOn.isEmpty()) {
            List<ShownOn> shownOn = unplacedOn.entrySet().parallelStream()
                    .map(e -> shownOn(e.getKey(), e.getValue(), excerpts)).toList();
            Set<String> remade = new TreeSet<>();
            for (ShownOn on : shownOn) {
                left.addAll(on.left());
                for (ShownOn.Match m : on.matches()) {
                    remade.add(toPost(m.post(), m.link(), m.onPost(), result, brokenOn, inExcerpts, excerptOnly, bySource));
                }
            }
            Set<String> remadePages = new HashSet<>();
            for (var page : result.sources().entrySet()) {
                if (remade.contains(page.getValue())) {
                    remadePages.add(page.getKey());
                }
            }
            java.util.Queue<LayoutLinks.Unplaced> again = new java.util.concurrent.ConcurrentLinkedQueue<>();
            remade.parallelStream().forEach(source -> placed.put(source, at(read(root, source), source,
                    bySource.get(source), inExcerpts, excerptOnly, result.basePath(), published, again)));
            // A remade post's links left to the layouts are those of the first round that it leaves so still.
            Set<LinkChecker.Broken> still = new HashSet<>();
            again.forEach(u -> still.add(u.link()));
            left.removeIf(u -> remadePages.contains(u.link().page()) && !still.contains(u.link()));
        }
        placed.values().forEach(problems::addAll);
        problems.addAll(LayoutLinks.problems(left, root, result.basePath()));
        problems.addAll(duplicateIds(checker.duplicateIds(), result, root));
        List<Problem> sorted = problems.stream().sorted().distinct().toList();
        if (result.missingHome() == null) {
            return sorted;
        }
        List<Problem> all = new ArrayList<>(List.of(result.missingHome()));
        all.addAll(sorted);
        return List.copyOf(all);
    }

    /**
     * Gives broken link {@code b} of a page, which the excerpt of {@code post} shows there ({@code onPost}: its URL as
     * the post's own page holds it), to the post: named in the post's problem for that link when its page has it too
     * ({@code inExcerpts}), else a problem of the post of its own ({@code excerptOnly}, added to {@code bySource}).
     * Returns the post's source.
     */
    private static String toPost(String post, LinkChecker.Broken b, String onPost, BuildResult result,
                                 Map<String, Set<String>> brokenOn, Map<String, Map<String, Pages>> inExcerpts,
                                 Map<LinkChecker.Broken, Pages> excerptOnly, Map<String, List<LinkChecker.Broken>> bySource) {
        Set<String> onItsPage = brokenOn.getOrDefault(post, Set.of());
        String url = onItsPage.contains(onPost) ? onPost : b.url();
        String source = result.sources().get(post);
        if (onItsPage.contains(url)) {
            inExcerpts.computeIfAbsent(post, k -> new HashMap<>()).computeIfAbsent(url, k -> new Pages()).add(b.page());
        } else {
            LinkChecker.Broken own = new LinkChecker.Broken(post, b.url(), b.reason(), b.missing());
            Pages on = excerptOnly.computeIfAbsent(own, k -> new Pages());
            if (on.count() == 0) {
                bySource.computeIfAbsent(source, f -> new ArrayList<>()).add(own);
            }
            on.add(b.page());
        }
        return source;
    }

    /**
     * What a page made from a source shows of posts' excerpts among its {@code unplaced} links (those its source does
     * not hold): each link found in the excerpt of another post ({@code matches}, one a post and URL), and the links
     * left to look for in the layouts ({@code left}).
     */
    private record ShownOn(List<Match> matches, List<LayoutLinks.Unplaced> left) {
        record Match(String post, LinkChecker.Broken link, String onPost) {}
    }

    private static ShownOn shownOn(String page, List<LayoutLinks.Unplaced> unplaced, ExcerptLinks excerpts) {
        Map<String, LinkChecker.Broken> byUrl = new HashMap<>();
        for (LayoutLinks.Unplaced u : unplaced) {
            byUrl.putIfAbsent(u.link().url(), u.link());
        }
        List<ShownOn.Match> matches = new ArrayList<>();
        Set<String> matched = new HashSet<>(); // post and URL
        Set<String> explained = new HashSet<>();
        Set<String> layouts = new HashSet<>(); // URLs the page holds outside an excerpt too
        ExcerptLinks.Shown shown = excerpts.onWhole(page);
        for (int i = 0; i < shown.size(); i++) {
            LinkChecker.Broken b = byUrl.get(shown.url(i));
            if (b == null) {
                continue;
            }
            String post = shown.post(i);
            if (post == null || post.equals(page)) {
                layouts.add(b.url());
            } else {
                explained.add(b.url());
                if (matched.add(post + '\n' + b.url())) {
                    matches.add(new ShownOn.Match(post, b, shown.onPost(i)));
                }
            }
        }
        if (explained.isEmpty()) {
            return new ShownOn(List.of(), unplaced);
        }
        List<LayoutLinks.Unplaced> left = new ArrayList<>();
        for (LayoutLinks.Unplaced u : unplaced) {
            if (!explained.contains(u.link().url()) || layouts.contains(u.link().url())) {
                left.add(u);
            }
        }
        return new ShownOn(matches, left);
    }

    /**
     * The pages that show a post's excerpt with a broken link: how many, and the first three by name. Each page is
     * added in one run of adds (a page is read whole before the next), so that one that shows it twice counts once.
     */
    static final class Pages {
        private int count;
        private String last;
        private final TreeSet<String> first = new TreeSet<>();

        void add(String page) {
            if (page.equals(last) || first.contains(page)) {
                return;
            }
            last = page;
            count++;
            first.add(page);
            if (first.size() > 3) {
                first.pollLast();
            }
        }

        int count() {
            return count;
        }

        /** Up to three pages by name ({@code index.html, tags/jvm/index.html}); more counted, one named. */
        String named() {
            return count <= first.size() ? String.join(", ", first) : count + " pages, such as " + first.first();
        }
    }

    /** The start of the message of an id that stands twice on a page, which tells it from a broken link. */
    static final String DUPLICATE_ID = "duplicate id ";

    /**
     * Each id of {@code duplicates} as a problem, at the first place of its page's source that gives an element
     * that id ({@code id="x"}, {@code {#x}}); at the page's source itself when none does (a layout, or a
     * heading's text, made it), or at the page when it is made from no source.
     */
    private static List<Problem> duplicateIds(List<LinkChecker.DuplicateId> duplicates, BuildResult result, Path root) {
        List<Problem> problems = new ArrayList<>();
        Map<String, List<LinkChecker.DuplicateId>> bySource = new TreeMap<>();
        for (LinkChecker.DuplicateId d : duplicates) {
            String source = result.sources().get(d.page());
            if (source == null) {
                problems.add(Problem.inFile(d.page(), duplicateId(d, ", written by a layout")));
            } else {
                bySource.computeIfAbsent(source, f -> new ArrayList<>()).add(d);
            }
        }
        bySource.forEach((source, ids) -> {
            Source text = read(root, source);
            for (LinkChecker.DuplicateId d : ids) {
                String id = d.id();
                // An attribute after a space, so that data-id="x" is not taken for it; its place is past the space.
                List<String> needles = List.of(" id=\"" + id + "\"", " id='" + id + "'", "{#" + id + "}", "#" + id + "}",
                        "{#" + id + " ", " name=\"" + id + "\"", " id=" + id);
                Place[] places = text.find(needles.stream().map(needle -> needle.getBytes(StandardCharsets.UTF_8))
                        .toList());
                Place place = null;
                for (int i = 0; i < places.length && place == null; i++) {
                    if (places[i] != null) {
                        place = needles.get(i).startsWith(" ") ? new Place(places[i].line(), places[i].column() + 1)
                                : places[i];
                    }
                }
                problems.add(place == null
                        ? Problem.inFile(source, duplicateId(d, ", written by its layout or made from a heading"))
                        : new Problem(source, place.line(), place.column(), duplicateId(d, "")));
            }
        });
        return problems;
    }

    /** What is wrong with {@code d}, and what to do; {@code where} says more of where it is. */
    private static String duplicateId(LinkChecker.DuplicateId d, String where) {
        return DUPLICATE_ID + "'" + d.id() + "' (on " + d.page() + where + "): a link to #" + d.id() + " leads only to the"
                + " first element that has it: give each of the others an id of its own";
    }

    /**
     * How many broken links and duplicate ids {@code problems} (as {@link #problems} tells them) are:
     * {@code 2 broken links}, {@code 1 broken link and 1 duplicate id}.
     */
    public static String counted(List<Problem> problems) {
        long ids = problems.stream().filter(p -> p.message().startsWith(DUPLICATE_ID)).count();
        long links = problems.size() - ids;
        String linksSaid = links + (links == 1 ? " broken link" : " broken links");
        String idsSaid = ids + (ids == 1 ? " duplicate id" : " duplicate ids");
        return ids == 0 ? linksSaid : links == 0 ? idsSaid : linksSaid + " and " + idsSaid;
    }

    static String message(LinkChecker.Broken b) {
        return message(b, null, "");
    }

    /**
     * Whether {@code page}, made from {@code source}, is the home page that {@code content/index.md} gives its text:
     * a list page too, whose links may be posts' excerpts', its layout's or its text's.
     */
    private static boolean homeText(String page, String source) {
        return page.equals("index.html") && !source.startsWith(dev.kiln.content.SourceLoader.POSTS + "/");
    }

    /**
     * The message of {@code b}, its source's {@code written} form of its URL (null where no source holds it), then
     * {@code also}: {@code broken link to /nope/ (on a/index.html)}. A URL written otherwise than it is published
     * (Kiln puts the base path in front, makes a relative one root-relative, encodes a space) is named as written,
     * which a search of the file finds, and then as published: {@code broken link to /nope/ (published as
     * /blog/nope/; on a/index.html)}.
     */
    private static String message(LinkChecker.Broken b, String written, String also) {
        return brokenLink(b, written) + "on " + b.page() + also + ")";
    }

    /** The message of {@code b}, a link of its post's excerpt that its page lacks, shown on list pages {@code on}. */
    private static String inExcerpt(LinkChecker.Broken b, String written, Pages on) {
        return brokenLink(b, written) + "in its excerpt on " + on.named() + ")";
    }

    /** {@code broken link to URL: reason (published as URL; }, as {@link #message} says it, up to the page. */
    private static String brokenLink(LinkChecker.Broken b, String written) {
        String url = written == null ? b.url() : written;
        return "broken link to " + url + (b.reason().isEmpty() ? "" : ": " + b.reason()) + " ("
                + (url.equals(b.url()) ? "" : "published as " + b.url() + "; ");
    }

    /**
     * Every external link of {@code result}'s site that {@code checker} finds broken, reported where it
     * first stands; links to the site's own absolute URL are left out.
     */
    public static List<Problem> external(BuildResult result, Path root, ExternalLinks checker) {
        String rootUrl = result.rootUrl();
        java.util.Map<String, String> firstPage = new java.util.TreeMap<>();
        for (var file : result.output().files().entrySet()) {
            if (!file.getKey().endsWith(".html")) {
                continue;
            }
            for (LinkChecker.Link link : LinkChecker.links(file.getValue())) {
                String url = withoutFragment(link.url().strip());
                if (HTTP.matcher(url).matches() && (rootUrl.isEmpty() || !url.startsWith(rootUrl))) {
                    firstPage.putIfAbsent(url, file.getKey());
                }
            }
        }
        List<Problem> problems = new ArrayList<>();
        for (ExternalLinks.Result r : checker.check(List.copyOf(firstPage.keySet()))) {
            if (r.broken()) {
                String page = firstPage.get(r.url());
                String source = result.sources().get(page);
                String message = "broken external link to " + r.url() + ": " + r.problem() + " (on " + page + ")";
                problems.add(source == null ? Problem.inFile(page, message) : at(read(root, source), source, r.url(), message));
            }
        }
        return problems.stream().sorted().toList();
    }

    /**
     * A source's UTF-8 bytes; empty when the file moved. Kept as bytes: decoding every source of a large
     * site again, to find a few links in each, cost more than finding them.
     */
    record Source(byte[] utf8) {
        static final Source NONE = new Source(new byte[0]);
        private static final byte NEEDLE_START = 1;
        private static final byte LINE_BREAK = 2;

        /**
         * Where each of {@code needles} starts, by line (lines end at \n, \r\n or \r) and column (UTF-16
         * characters), both from 1: a needle's first occurrence, and for a needle the list holds again, its
         * next one each time (a page that links the same missing URL on two lines has each link reported at
         * its own line), or its first when the source holds fewer than the list; null where the source holds
         * none, and where it holds a line break (it is never found across two lines). One pass over the
         * source finds them all.
         */
        Place[] find(List<byte[]> needles) {
            int k = needles.size();
            Place[] places = new Place[k];
            // The distinct needles sought, each with the indexes in needles that hold it, in order.
            List<byte[]> distinct = new ArrayList<>(k);
            List<List<Integer>> slots = new ArrayList<>(k);
            Map<String, Integer> seen = k > 1 ? new HashMap<>() : Map.of();
            for (int j = 0; j < k; j++) {
                byte[] needle = needles.get(j);
                if (needle.length == 0) {
                    places[j] = new Place(1, 1);
                } else if (indexOfLineBreak(needle) < 0) {
                    Integer d = k > 1 ? seen.putIfAbsent(new String(needle, StandardCharsets.ISO_8859_1), distinct.size()) : null;
                    if (d == null) {
                        d = distinct.size();
                        distinct.add(needle);
                        slots.add(new ArrayList<>(1));
                    }
                    slots.get(d).add(j);
                }
            }
            int m = distinct.size();
            byte[][] wanted = distinct.toArray(new byte[m][]); // null once every slot is found
            int[] filled = new int[m];
            // What each byte value may be: the first byte of a wanted needle, or a line break (never both: a
            // needle holding a line break is not sought). One look-up a byte tells the rest apart.
            byte[] kinds = new byte[256];
            kinds['\n'] = LINE_BREAK;
            kinds['\r'] = LINE_BREAK;
            for (byte[] needle : wanted) {
                kinds[needle[0] & 0xFF] = NEEDLE_START;
            }
            int left = m;
            byte[] b = utf8;
            int line = 1;
            int lineStart = 0;
            for (int i = 0, n = b.length; i < n && left > 0; i++) {
                byte kind = kinds[b[i] & 0xFF];
                if (kind == NEEDLE_START) {
                    for (int j = 0; j < m; j++) {
                        if (wanted[j] != null && startsAt(b, i, wanted[j])) {
                            List<Integer> its = slots.get(j);
                            places[its.get(filled[j]++)] = new Place(line, column(lineStart, i));
                            if (filled[j] == its.size()) {
                                wanted[j] = null;
                                left--;
                            }
                        }
                    }
                } else if (kind == LINE_BREAK && (b[i] == '\n' || i + 1 >= n || b[i + 1] != '\n')) {
                    line++;
                    lineStart = i + 1;
                }
            }
            for (int j = 0; j < m; j++) {
                List<Integer> its = slots.get(j);
                for (int s = filled[j]; s > 0 && s < its.size(); s++) {
                    places[its.get(s)] = places[its.get(0)];
                }
            }
            return places;
        }

        /** Where {@code needle} next starts in the source, from byte {@code from} on; -1 where it does not. */
        int indexOf(byte[] needle, int from) {
            for (int i = Math.max(from, 0), last = utf8.length - needle.length; i <= last; i++) {
                if (startsAt(utf8, i, needle)) {
                    return i;
                }
            }
            return -1;
        }

        /** The line and column of byte {@code at}, as {@link #find} counts them. */
        Place placeOf(int at) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (utf8[i] == '\n' || utf8[i] == '\r' && (i + 1 >= utf8.length || utf8[i + 1] != '\n')) {
                    line++;
                    lineStart = i + 1;
                }
            }
            return new Place(line, column(lineStart, at));
        }

        /** Whether {@code b} holds {@code needle} from byte {@code at}. */
        private static boolean startsAt(byte[] b, int at, byte[] needle) {
            if (at + needle.length > b.length) {
                return false;
            }
            for (int x = 0; x < needle.length; x++) {
                if (b[at + x] != needle[x]) {
                    return false;
                }
            }
            return true;
        }

        private static int indexOfLineBreak(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == '\n' || bytes[i] == '\r') {
                    return i;
                }
            }
            return -1;
        }

        /** The column, from 1, of byte {@code at} on the line that starts at byte {@code from}, in UTF-16 characters. */
        private int column(int from, int at) {
            int column = 1;
            for (int i = from; i < at; i++) {
                int b = utf8[i] & 0xFF;
                if ((b & 0xC0) != 0x80) {
                    column += b >= 0xF0 ? 2 : 1; // a four-byte sequence is two UTF-16 characters
                }
            }
            return column;
        }
    }

    /** A line and column in a source, from 1. */
    record Place(int line, int column) {}

    private static Source read(Path root, String source) {
        try {
            return new Source(Files.readAllBytes(root.resolve(source)));
        } catch (IOException | RuntimeException e) {
            return Source.NONE;
        }
    }

    /**
     * The problem of each of {@code links} (one page's, in document order) at the line of {@code source} that
     * holds its URL: the first, and for a URL broken again on the page, the next (see {@link Source#find}).
     * A URL the source does not hold as the page does is looked for as its author may have written it:
     * without the site's base path {@code basePath} ({@code /blog}, or ""), which Kiln puts in front of
     * root-relative URLs; relative to the page ({@code ../other/}, {@code cover.png}), which Kiln writes
     * root-relative; and without percent-encoding.
     */
    static List<Problem> at(Source text, String source, List<LinkChecker.Broken> links, String basePath) {
        return at(text, source, links, basePath, url -> true);
    }

    /** As above, {@code published} telling whether a root-relative URL (without the base path) leads to a file. */
    static List<Problem> at(Source text, String source, List<LinkChecker.Broken> links, String basePath,
                            Predicate<String> published) {
        return at(text, source, links, Map.of(), Map.of(), basePath, published, null);
    }

    /**
     * As above, each problem naming the list pages that show its URL in its page's excerpt ({@code inExcerpts});
     * a link of {@code excerptOnly} is one its page lacks, which only the list pages it maps to show. A link
     * the source does not hold, nor any excerpt, goes to {@code unplaced} (when given), for {@link LayoutLinks}.
     */
    private static List<Problem> at(Source text, String source, List<LinkChecker.Broken> links,
                                    Map<String, Map<String, Pages>> inExcerpts,
                                    Map<LinkChecker.Broken, Pages> excerptOnly, String basePath,
                                    Predicate<String> published, java.util.Collection<LayoutLinks.Unplaced> unplaced) {
        Place[] places = text.find(links.stream().map(b -> b.url().getBytes(StandardCharsets.UTF_8)).toList());
        // Each URL as its source writes it, where found: the message names that, which a search of the file finds.
        String[] written = new String[places.length];
        for (int i = 0; i < places.length; i++) {
            written[i] = places[i] == null ? null : links.get(i).url();
        }
        // Each form null where it is what was sought already (no base path, nothing to decode).
        List<java.util.function.Function<LinkChecker.Broken, String>> asWritten = List.of(
                b -> basePath.isEmpty() ? null : withoutBase(b.url(), basePath),
                b -> decoded(withoutBase(b.url(), basePath)),
                b -> relative(b.page(), withoutBase(b.url(), basePath)),
                b -> decoded(relative(b.page(), withoutBase(b.url(), basePath))));
        for (var form : asWritten) {
            List<Integer> missing = new ArrayList<>();
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < places.length; i++) {
                String url = places[i] == null ? form.apply(links.get(i)) : null;
                if (url != null && !url.isEmpty()) {
                    missing.add(i);
                    urls.add(url);
                }
            }
            if (!missing.isEmpty()) {
                Place[] found = text.find(urls.stream().map(u -> u.getBytes(StandardCharsets.UTF_8)).toList());
                for (int j = 0; j < found.length; j++) {
                    places[missing.get(j)] = found[j];
                    written[missing.get(j)] = found[j] == null ? null : urls.get(j);
                }
            }
        }
        List<Problem> problems = new ArrayList<>(links.size());
        for (int i = 0; i < places.length; i++) {
            LinkChecker.Broken b = links.get(i);
            Pages only = excerptOnly.get(b);
            Pages alsoOn = inExcerpts.getOrDefault(b.page(), Map.of()).get(b.url());
            LinkChecker.Broken said = withBaseTwice(b, written[i], basePath, published);
            if (places[i] == null && only == null && alsoOn == null && unplaced != null) {
                // Its problem is made only if no layout writes it: a sidebar's links may be many on every page.
                unplaced.add(new LayoutLinks.Unplaced(said, source, RELATIVE_OR_LAYOUT));
            } else {
                problems.add(problem(source, places[i], only != null ? inExcerpt(said, written[i], only)
                        : message(said, written[i], alsoOn == null ? "" : "; also in its excerpt on " + alsoOn.named())));
            }
        }
        return problems;
    }

    /**
     * {@code b}, whose URL its source writes as {@code written}, with the reason why when that already starts with
     * the base path (Hugo's way: {@code /blog/about/} for a base_url ending in {@code /blog/}), which Kiln put in
     * front once more ({@code /blog/blog/about/}), and that URL without it leads to a file ({@code published}): else
     * the advice would name another broken link.
     */
    private static LinkChecker.Broken withBaseTwice(LinkChecker.Broken b, String written, String basePath,
                                                    Predicate<String> published) {
        if (basePath.isEmpty() || written == null || !written.startsWith(basePath + "/")
                || !b.url().equals(basePath + written) || !published.test(written.substring(basePath.length()))) {
            return b;
        }
        String why = "it starts with the base path " + basePath + ", which Kiln puts in front of every link from the"
                + " site root: write " + written.substring(basePath.length());
        return new LinkChecker.Broken(b.page(), b.url(), b.reason().isEmpty() ? why : b.reason() + "; " + why,
                b.missing());
    }

    /** Whether the root-relative {@code url} ({@code /about/}, {@code /a.png#x}) leads to a file of {@code site}. */
    private static boolean servedAt(SiteOutput site, String url) {
        String path = withoutFragment(url);
        int query = path.indexOf('?');
        path = path.substring(1, query < 0 ? path.length() : query);
        String decoded = decoded(path);
        String at = decoded != null ? decoded : path;
        // /about without its slash is GitHub Pages' redirect to /about/: a file there too.
        return site.served(at) != null || !at.isEmpty() && !at.endsWith("/") && site.served(at + "/") != null;
    }

    /** {@code url} without {@code basePath} in front ({@code /blog/a/} → {@code /a/}); itself without one. */
    static String withoutBase(String url, String basePath) {
        return !basePath.isEmpty() && url.startsWith(basePath + "/") ? url.substring(basePath.length()) : url;
    }

    /** {@code url} percent-decoded as UTF-8; null when it holds no escape or a malformed one. */
    static String decoded(String url) {
        if (url == null || url.indexOf('%') < 0) {
            return null;
        }
        try {
            return java.net.URLDecoder.decode(url.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Root-relative {@code url} written relative to output file {@code page}'s folder ({@code ../b/} from
     * {@code 2020/a/index.html} to {@code /2020/b/}); null for any other URL.
     */
    static String relative(String page, String url) {
        if (url == null || !url.startsWith("/") || url.startsWith("//")) {
            return null;
        }
        String[] from = page.split("/", -1); // its last part is the file's name
        String[] to = url.substring(1).split("/", -1);
        int common = 0;
        while (common < from.length - 1 && common < to.length - 1 && from[common].equals(to[common])) {
            common++;
        }
        StringBuilder relative = new StringBuilder();
        for (int i = common; i < from.length - 1; i++) {
            relative.append("../");
        }
        for (int i = common; i < to.length; i++) {
            relative.append(to[i]).append(i + 1 < to.length ? "/" : "");
        }
        return relative.toString();
    }

    /**
     * The problem at the first line of {@code source} that holds {@code url}, else at its first line; columns
     * count characters from 1.
     */
    static Problem at(Source text, String source, String url, String message) {
        return problem(source, text.find(List.of(url.getBytes(StandardCharsets.UTF_8)))[0], message);
    }

    /** What a problem at a page's source that holds no such link says of where the link may come from. */
    private static final String RELATIVE_OR_LAYOUT = ", written by a layout or made from a relative link";

    private static Problem problem(String source, Place place, String message) {
        return place == null
                ? Problem.inFile(source, message + RELATIVE_OR_LAYOUT)
                : new Problem(source, place.line(), place.column(), message);
    }
}
