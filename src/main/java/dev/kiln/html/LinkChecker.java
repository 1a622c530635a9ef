package dev.kiln.html;

import static dev.kiln.html.HtmlBytes.indexOf;
import static dev.kiln.html.HtmlBytes.is;
import static dev.kiln.html.HtmlBytes.isNameChar;
import static dev.kiln.html.HtmlBytes.isSpace;
import static dev.kiln.html.HtmlBytes.startsWith;

import dev.kiln.content.Route;
import dev.kiln.output.SiteOutput;
import org.jsoup.parser.Parser;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Finds the internal links, images, stylesheets and scripts of a built site that lead nowhere: to no
 * file (as GitHub Pages resolves paths), or to a {@code #fragment} that names no id of its page. Pages
 * are scanned tag by tag rather than parsed, so that checking a large site costs little; text inside
 * code is escaped and never mistaken for a tag. The URLs in a {@code srcset} and in a page's CSS (a
 * {@code style} attribute's or {@code <style>} element's {@code url(...)}, {@code @import} and {@code image-set}
 * strings) are checked too.
 */
public final class LinkChecker {

    private static final Pattern SPECIAL = Pattern.compile("(?is)(mailto|tel|javascript|data):.*");
    private static final String SCRIPT = "script";
    private static final String STYLE = "style";
    private static final String SRCSET = "srcset";
    /** The name under which the scan reports the text of a {@code <style>} element, as if an attribute's. */
    private static final String STYLE_TEXT = "#style";
    /** Any tag but those the scan tells apart: a, link, area, input, script and style. */
    private static final String OTHER = "";

    /**
     * A link that leads nowhere: the page it stands on (output path), the URL as written, and why; when no file
     * is there, {@code missing} is the path it leads to (below the base path, decoded: "" for the site's root),
     * else null.
     */
    public record Broken(String page, String url, String reason, String missing) {
        @Override
        public String toString() {
            return page + " -> " + url + (reason.isEmpty() ? "" : " (" + reason + ")");
        }
    }

    /**
     * An id that two or more elements of a page (output path) have: a link to {@code #id} leads to the first of them
     * only, and the page is no valid HTML.
     */
    public record DuplicateId(String page, String id) {}

    /** One link of a page: its URL and where it points (the element and attribute). */
    public record Link(String url, String tag) {}

    private final SiteOutput site;
    private final String basePath;
    /** {@link #basePath} decoded, as the paths of links are before they are compared with it. */
    private final String decodedBasePath;
    private final Map<String, Set<String>> ids = new ConcurrentHashMap<>();
    /** The ids each page checked holds twice, in the order they stand (pages that hold none are left out). */
    private final Map<String, List<String>> duplicates = new ConcurrentHashMap<>();
    /** The verdicts on links that mean the same on every page: root-relative and absolute URLs. */
    private final Map<String, Optional<Verdict>> sameEverywhere = new ConcurrentHashMap<>();

    /** Why a link leads nowhere, and the path it leads to when no file is there (else null). */
    private record Verdict(String reason, String missing) {}

    /** A checker for {@code site} served under {@code basePath} ("" at the root; as it stands in URLs: {@code /my%20blog}). */
    public LinkChecker(SiteOutput site, String basePath) {
        this.site = site;
        this.basePath = basePath;
        this.decodedBasePath = URLDecoder.decode(basePath.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Every broken internal link of every HTML page, in page order. */
    public List<Broken> check() {
        // Pages are independent: checked on every core, reported in page order.
        return site.files().keySet().stream().filter(page -> page.endsWith(".html")).toList()
                .parallelStream().flatMap(page -> check(page).stream()).toList();
    }

    /** The broken internal links of one page. */
    public List<Broken> check(String page) {
        List<Broken> broken = new ArrayList<>();
        // Encoded as page URLs are: a file named '<script>' is a page, not a broken URI.
        URI pageUri = URI.create("http://site" + basePath + Route.encode("/" + page));
        // One scan finds the page's links and its ids, which its own #fragment links (a table of contents,
        // footnotes) and other pages' links need.
        List<Link> links = new ArrayList<>();
        Set<String> found = new HashSet<>();
        Set<String> idAttributes = new HashSet<>(); // id attributes only: an <a name> as an element's id is valid
        List<String> twice = new ArrayList<>(0);
        scan(site.get(page), (tag, name, value) -> {
            addLinks(links, tag, name, value);
            if (isId(tag, name)) {
                found.add(value);
                if (name.equals("id") && !idAttributes.add(value) && !twice.contains(value)) {
                    twice.add(value);
                }
            }
        });
        ids.putIfAbsent(page, found);
        if (!twice.isEmpty()) {
            duplicates.put(page, twice);
        }
        for (Link link : links) {
            String url = link.url().strip();
            if (url.isEmpty() || SPECIAL.matcher(url).matches()) {
                continue;
            }
            if (isOwnId(url)) {
                // A link to an id of its own page (a heading's anchor, a footnote, the table of contents): looked
                // up in the ids just found, as the general case below would, without resolving the URL.
                if (!found.contains(url.substring(1))) {
                    broken.add(new Broken(page, url, "no element with id '" + url.substring(1) + "'", null));
                }
                continue;
            }
            // A root-relative or absolute link means the same on every page: judged once (navigation, tags,
            // posts, links to other sites).
            Optional<Verdict> why = url.startsWith("/") || Route.hasScheme(url)
                    ? sameEverywhere.computeIfAbsent(url, u -> Optional.ofNullable(verdict(pageUri, u)))
                    : Optional.ofNullable(verdict(pageUri, url));
            why.ifPresent(v -> broken.add(new Broken(page, url, v.reason(), v.missing())));
        }
        return broken;
    }

    /**
     * The ids that stand twice (or more) on the pages {@link #check()} or {@link #check(String)} checked, by page
     * (in path order), each once, in the order they first stand twice.
     */
    public List<DuplicateId> duplicateIds() {
        List<DuplicateId> all = new ArrayList<>();
        new java.util.TreeMap<>(duplicates).forEach((page, twice) -> twice.forEach(id -> all.add(new DuplicateId(page, id))));
        return all;
    }

    /** Whether {@code url} is {@code #id} with an id of letters, digits and {@code - _ . :} only (nothing to decode). */
    private static boolean isOwnId(String url) {
        if (url.length() < 2 || url.charAt(0) != '#') {
            return false;
        }
        for (int i = 1; i < url.length(); i++) {
            char c = url.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.' || c == ':')) {
                return false;
            }
        }
        return true;
    }

    /** Why {@code url} on the page at {@code pageUri} leads nowhere ("" when there is no file), or null. */
    private Verdict verdict(URI pageUri, String url) {
        URI target;
        try {
            target = pageUri.resolve(url.replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
            return new Verdict("not a valid URL", null);
        }
        if (target.getScheme() != null && !"site".equals(target.getHost())) {
            return null; // external
        }
        String path = URLDecoder.decode(target.getRawPath().replace("+", "%2B"), StandardCharsets.UTF_8);
        if (!path.startsWith(decodedBasePath + "/")) {
            return new Verdict("outside the base path " + basePath, null);
        }
        String inSite = path.substring(decodedBasePath.length() + 1);
        String file = resolve(inSite);
        if (file == null) {
            return new Verdict("", inSite);
        }
        if (target.getRawFragment() != null && !target.getRawFragment().isEmpty() && file.endsWith(".html")
                && !idsOf(file).contains(URLDecoder.decode(target.getRawFragment(), StandardCharsets.UTF_8))) {
            return new Verdict("no element with id '" + target.getFragment() + "'", null);
        }
        return null;
    }

    /** The file a link to {@code path} reaches: the one served, or {@code path/index.html} after the redirect. */
    public String resolve(String path) {
        String served = site.served(path);
        if (served != null || path.isEmpty() || path.endsWith("/")) {
            return served;
        }
        return site.get(path + "/index.html") != null ? path + "/index.html" : null;
    }

    /**
     * The links of a page given as UTF-8 bytes: href of a, link and area, src of img, script, source,
     * iframe, video, audio, each URL of a srcset, and each URL of CSS in a style attribute or element.
     */
    public static List<Link> links(byte[] utf8) {
        List<Link> links = new ArrayList<>();
        scan(utf8, (tag, name, value) -> addLinks(links, tag, name, value));
        return links;
    }

    /**
     * Adds to {@code links} the URLs that attribute {@code name} of {@code tag} (as the scan reports them)
     * holds: its value when it is one URL, each URL of a srcset or of CSS, none for any other attribute.
     */
    private static void addLinks(List<Link> links, String tag, String name, String value) {
        if (isLink(tag, name)) {
            links.add(new Link(value, tag));
        } else if (holdsUrls(name)) {
            urls(name, value, url -> links.add(new Link(url, tag)));
        }
    }

    /** Whether attribute {@code name} (as the scan reports it) is one URL: href of a, link and area, src but of input. */
    private static boolean isLink(String tag, String name) {
        return name.equals("href") && (tag.equals("a") || tag.equals("link") || tag.equals("area"))
                || name.equals("src") && !tag.equals("input");
    }

    /** Whether attribute {@code name} (as the scan reports it) may hold several URLs: a srcset, or CSS. */
    private static boolean holdsUrls(String name) {
        return name.equals(SRCSET) || name.equals(STYLE) || name.equals(STYLE_TEXT);
    }

    /** Calls {@code each} with every URL of {@code value}, a srcset or CSS (see {@link #holdsUrls}). */
    private static void urls(String name, String value, Consumer<String> each) {
        if (name.equals(SRCSET)) {
            Srcset.urls(value, (start, end) -> each.accept(value.substring(start, end)));
        } else {
            CssUrls.urls(value, each);
        }
    }

    private static boolean isId(String tag, String name) {
        return name.equals("id") || name.equals("name") && tag.equals("a");
    }

    private Set<String> idsOf(String file) {
        return ids.computeIfAbsent(file, f -> {
            Set<String> found = new HashSet<>();
            scan(site.get(f), (tag, name, value) -> {
                if (isId(tag, name)) {
                    found.add(value);
                }
            });
            return found;
        });
    }

    private interface AttributeVisitor {
        void visit(String tag, String name, String value);
    }

    /**
     * Calls {@code visitor} for each href, src, srcset, style, id and name attribute of each start tag of
     * {@code html} (UTF-8), with the tag's name (see {@link #tag}) and the value unescaped, and for the text of
     * each style element that may hold a URL, as {@link #STYLE_TEXT} (raw text: nothing to unescape).
     * A hand-written scanner: comments are skipped, and the contents of scripts and styles (their opening
     * tags are kept); text is never mistaken for a tag, since HTML escapes its {@code <}. HTML's syntax is
     * ASCII, so it reads bytes (an array access each, where a string costs a call a character), and only
     * the values reported are decoded.
     */
    private static void scan(byte[] html, AttributeVisitor visitor) {
        int n = html.length;
        int i = indexOf(html, '<', 0);
        while (i >= 0 && i < n - 1) {
            if (startsWith(html, i, "<!--")) {
                int close = indexOf(html, "-->", i + 4);
                i = close < 0 ? -1 : indexOf(html, '<', close + 3);
                continue;
            }
            int nameEnd = i + 1;
            while (nameEnd < n && isNameChar(html[nameEnd], nameEnd == i + 1)) {
                nameEnd++;
            }
            if (nameEnd == i + 1) {
                i = indexOf(html, '<', i + 1);
                continue;
            }
            String tag = tag(html, i + 1, nameEnd);
            int end = attributes(html, nameEnd, tag, visitor);
            if (end < 0) {
                i = indexOf(html, '<', i + 1); // not a tag after all: a stray '<'
                continue;
            }
            if (tag == SCRIPT || tag == STYLE) {
                int close = indexOfIgnoreCase(html, "</" + tag, end);
                int textEnd = close < 0 ? n : close;
                if (tag == STYLE && mayHoldUrl(html, end, textEnd)) {
                    visitor.visit(tag, STYLE_TEXT, new String(html, end, textEnd - end, StandardCharsets.UTF_8));
                }
                end = textEnd;
            }
            i = indexOf(html, '<', end);
        }
    }

    /**
     * The name of the tag {@code html[from, to)}, lower case, when the scan tells it apart (links, and the
     * text it skips), else {@link #OTHER}: a page's spans and paragraphs make no string.
     */
    private static String tag(byte[] html, int from, int to) {
        return switch (to - from) {
            case 1 -> (html[from] | 0x20) == 'a' ? "a" : OTHER;
            case 4 -> is(html, from, "link") ? "link" : is(html, from, "area") ? "area" : OTHER;
            case 5 -> is(html, from, "input") ? "input" : is(html, from, STYLE) ? STYLE : OTHER;
            case 6 -> is(html, from, SCRIPT) ? SCRIPT : OTHER;
            default -> OTHER;
        };
    }

    /**
     * The name of the attribute {@code html[from, to)}, lower case, when a link or an id may be in it (href,
     * src, srcset, style, id, name), else null: its value is then never made a string.
     */
    private static String attribute(byte[] html, int from, int to) {
        return switch (to - from) {
            case 2 -> is(html, from, "id") ? "id" : null;
            case 3 -> is(html, from, "src") ? "src" : null;
            case 4 -> is(html, from, "href") ? "href" : is(html, from, "name") ? "name" : null;
            case 5 -> is(html, from, STYLE) ? STYLE : null;
            case 6 -> is(html, from, SRCSET) ? SRCSET : null;
            default -> null;
        };
    }

    /** Ends an attribute name (besides white space). */
    private static boolean endsName(byte c) {
        return c == '=' || c == '/' || c == '>' || c == '"' || c == '\'' || c == '<';
    }

    /**
     * Reads the attributes of the tag whose name ends at {@code from}; returns the index after its
     * {@code >}, or -1 when no well-formed tag ends there (then nothing is reported).
     */
    private static int attributes(byte[] html, int from, String tag, AttributeVisitor visitor) {
        int n = html.length;
        if (from < n && !isSpace(html[from]) && html[from] != '>' && html[from] != '/') {
            return -1;
        }
        List<String[]> found = null; // the attributes that may hold a link or an id, reported once the tag ends well
        int i = from;
        while (true) {
            while (i < n && isSpace(html[i])) {
                i++;
            }
            if (i >= n) {
                return -1;
            }
            byte c = html[i];
            if (c == '>') {
                break;
            }
            if (c == '/') {
                if (i + 1 < n && html[i + 1] == '>') {
                    i++;
                    break;
                }
                return -1;
            }
            int nameStart = i;
            while (i < n && !isSpace(html[i]) && !endsName(html[i])) {
                i++;
            }
            if (i == nameStart) {
                return -1;
            }
            String name = attribute(html, nameStart, i);
            int j = i;
            while (j < n && isSpace(html[j])) {
                j++;
            }
            if (j < n && html[j] == '=') {
                j++;
                while (j < n && isSpace(html[j])) {
                    j++;
                }
                if (j >= n) {
                    return -1;
                }
                byte quote = html[j];
                int valueStart;
                int valueEnd;
                if (quote == '"' || quote == '\'') {
                    int close = indexOf(html, (char) quote, j + 1);
                    if (close < 0) {
                        return -1;
                    }
                    valueStart = j + 1;
                    valueEnd = close;
                    i = close + 1;
                } else {
                    int k = j;
                    while (k < n && !isSpace(html[k]) && html[k] != '>') {
                        k++;
                    }
                    if (k == j) {
                        return -1;
                    }
                    valueStart = j;
                    valueEnd = k;
                    i = k;
                }
                if (name == STYLE && !mayHoldUrl(html, valueStart, valueEnd)) {
                    name = null; // CSS without a URL (a table cell's text-align): no string made
                }
                if (name != null) {
                    if (found == null) {
                        found = new ArrayList<>(2);
                    }
                    found.add(new String[] {name, new String(html, valueStart, valueEnd - valueStart, StandardCharsets.UTF_8)});
                }
            } else {
                i = j; // an attribute without a value
            }
        }
        if (found != null) {
            for (String[] attribute : found) {
                String value = attribute[1];
                visitor.visit(tag, attribute[0], value.indexOf('&') < 0 ? value : Parser.unescapeEntities(value, true));
            }
        }
        return i + 1;
    }

    /** Whether the CSS {@code html[from, to)} holds {@code url(}, {@code @import} or {@code image-set(}, in any case. */
    private static boolean mayHoldUrl(byte[] html, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = html[i];
            if ((c == 'u' || c == 'U') && i + 4 <= to && is(html, i, "url(") || c == '@' && i + 7 <= to && is(html, i, "@import")
                    || (c == 'i' || c == 'I') && i + 10 <= to && is(html, i, "image-set(")) {
                return true;
            }
        }
        return false;
    }

    /** Where the next tag {@code ascii} (lower case, starting with {@code <}) starts, in any case, or -1. */
    private static int indexOfIgnoreCase(byte[] html, String ascii, int from) {
        for (int i = indexOf(html, '<', from); i >= 0; i = indexOf(html, '<', i + 1)) {
            if (i + ascii.length() <= html.length && is(html, i, ascii)) {
                return i;
            }
        }
        return -1;
    }
}
