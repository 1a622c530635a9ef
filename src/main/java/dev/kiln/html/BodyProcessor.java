package dev.kiln.html;

import dev.kiln.content.Route;
import dev.kiln.markdown.Emoji;
import dev.kiln.markdown.UniqueIds;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Finishes the HTML of one body: unique heading ids with anchor links (an old {@code <a name>} anchor
 * gives its name to the heading), the table of contents, relative links made root-relative against
 * the page's URL, and the excerpt. The only jsoup user for bodies.
 */
public final class BodyProcessor {

    // Selectors parsed once: jsoup parses a selector string again on every call, which was a quarter of
    // this stage's time. Evaluators without structure (no :has, descendant or sibling parts) hold no state.
    private static final Evaluator OLD_ANCHOR = QueryParser.parse("a[name]");
    private static final Evaluator FRAGMENT_LINK = QueryParser.parse("a[href^=#]");
    private static final Evaluator NOT_IN_EXCERPT = QueryParser.parse("a.anchor, sup[id^=fnref], div.footnotes, nav.toc, #markdown-toc");
    private static final Evaluator HAS_ID = QueryParser.parse("[id]");
    private static final Pattern COMMENT_START = Pattern.compile("^<!--");
    private static final Pattern COMMENT_END = Pattern.compile("-->$");

    /** kramdown's class for a heading the table of contents leaves out ({@code ## Heading} + {@code {:.no_toc}}). */
    private static final String NO_TOC = "no_toc";

    /** The class of the element where the Markdown stage asks for the table of contents. */
    private static final String TOC_PLACEHOLDER_CLASS = "kiln-toc";
    /** The placeholder's attribute that asks for kramdown's list ({@code ul} or {@code ol}) rather than Kiln's own. */
    private static final String KRAMDOWN_TOC = "data-kiln-toc";

    private BodyProcessor() {}

    /**
     * Processes {@code html}, the rendered body of the page at {@code pageUrl}; {@code separator} marks
     * the end of the excerpt (an HTML comment such as {@code <!--more-->}).
     */
    public static Body process(String html, String pageUrl, String separator) {
        return process(html, pageUrl, separator, Set.of());
    }

    /**
     * As {@link #process(String, String, String)}, for a page whose layout writes the ids {@code layoutIds}: its
     * headings take the next free id instead ({@link UniqueIds}), so that each id stands once on the page.
     */
    public static Body process(String html, String pageUrl, String separator, Set<String> layoutIds) {
        return process(html, pageUrl, separator, layoutIds, false);
    }

    /**
     * As {@link #process(String, String, String, Set)}, for a site whose emoji codes ({@code :smile:}) are emoji in
     * the text when {@code emoji} (site.yml's {@code emoji: text}): replaced in the text nodes, as Jekyll's jemoji
     * replaces them, but those in {@code pre}, {@code code} and {@code tt} elements; attributes (an image's alt
     * text, a link's URL) are left as written, and so are heading ids, made of the text as written.
     */
    public static Body process(String html, String pageUrl, String separator, Set<String> layoutIds, boolean emoji) {
        Document doc = parse(html);
        Parts parts = Parts.of(doc.body());
        // Raw HTML can make the parser build a tree that its own output does not give back: a heading moved
        // out of a table into the heading around it is printed as a heading inside a heading, which a
        // browser reads as two in a row. Ids and anchors must go on the tree the reader's browser builds, so
        // a body with a heading or table inside a heading is parsed again from its printed form (at most
        // twice); others cost nothing more.
        for (int round = 0; round < 2 && parts.nestedInHeading; round++) {
            String printed = doc.body().html();
            Document again = parse(printed);
            if (again.body().html().equals(printed)) {
                break;
            }
            doc = again;
            parts = Parts.of(doc.body());
        }
        Element body = doc.body();
        int words = countWords(body); // before anchors and the table of contents add text
        Map<Element, String> asWritten = emoji ? emojify(body, parts) : Map.of();
        List<Body.Heading> headings = anchorHeadings(body, parts, layoutIds, asWritten);
        List<Element> placeholders = parts.placeholders;
        String toc = placeholders.isEmpty() ? "" : Toc.html(headings);
        for (Element placeholder : placeholders) {
            if (placeholder.hasAttr(KRAMDOWN_TOC)) { // kramdown's {:toc}: its list, as kramdown writes it
                Element list = Toc.kramdown(headings, placeholder.attr(KRAMDOWN_TOC),
                        placeholder.removeClass(TOC_PLACEHOLDER_CLASS).removeAttr(KRAMDOWN_TOC).attributes());
                if (list != null) {
                    placeholder.before(list);
                }
            } else if (!toc.isEmpty()) {
                placeholder.before(toc);
            }
            placeholder.remove();
        }
        rootRelativeLinks(parts, pageUrl);
        // flexmark marks task-list boxes readonly, which HTML allows only on text inputs.
        parts.checkboxes.forEach(box -> box.removeAttr("readonly"));
        Element excerpt = excerpt(body, separator);
        // An excerpt stands on other pages: its #fragment links must lead back to this page.
        for (Element a : excerpt.select(FRAGMENT_LINK)) {
            a.attr("href", pageUrl + a.attr("href"));
        }
        // A body that places its own table of contents needs no second one from the layout.
        return new Body(body.html(), excerpt.html(), excerpt.text(), placeholders.isEmpty(), headings, words);
    }

    /**
     * The body the Markdown stage finished itself ({@code MarkdownRenderer.Finished}), its excerpt's nodes
     * printed without formatting: what it leaves to this stage is the excerpt as the layouts get it
     * (formatted, and its text) and the table of contents, made as {@link #process} makes them.
     */
    public static Body finished(String html, String excerptNodes, List<Body.Heading> headings, int words) {
        QuickExcerpt.Result excerpt = QuickExcerpt.of(excerptNodes);
        if (excerpt == null) {
            excerpt = excerpt(excerptNodes);
        }
        return new Body(html, excerpt.html(), excerpt.text(), true, headings, words);
    }

    /** The excerpt whose nodes {@code excerptNodes} printed, formatted, and its text: made with jsoup. */
    static QuickExcerpt.Result excerpt(String excerptNodes) {
        Element excerpt = new Element("div");
        if (!excerptNodes.isEmpty()) {
            for (Node n : parse(excerptNodes).body().childNodes()) {
                excerpt.appendChild(n.clone());
            }
        }
        clean(excerpt);
        return new QuickExcerpt.Result(excerpt.html(), excerpt.text());
    }

    /**
     * The text of an excerpt separator comment: {@code more} for {@code <!--more-->}; "" for a blank separator
     * (Jekyll's default, {@code "\n\n"}), which no comment matches, so that the excerpt is the first paragraph.
     */
    public static String separatorText(String separator) {
        return COMMENT_END.matcher(COMMENT_START.matcher(separator).replaceFirst("")).replaceFirst("").trim();
    }

    /** What this stage makes of a link's or image's URL on the page at {@code pageUrl}: relative ones root-relative. */
    public static UnaryOperator<String> rootRelative(String pageUrl) {
        URI base = URI.create("http://site" + pageUrl);
        return url -> !url.isEmpty() && isRelative(url) ? resolve(base, url) : url;
    }

    private static Document parse(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base).charset("UTF-8");
        return doc;
    }

    private static boolean insideHeading(Element e, Element body) {
        for (Element p = e.parent(); p != null && p != body; p = p.parent()) {
            if (isHeading(p.normalName())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHeading(String tag) {
        return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6';
    }

    /**
     * The elements of a body that processing touches, found in one walk over it (in document order)
     * rather than by a selector each.
     */
    private static final class Parts {
        final List<Element> headings = new ArrayList<>();
        final List<Element> otherIds = new ArrayList<>();
        final List<Element> placeholders = new ArrayList<>();
        final List<Element> urls = new ArrayList<>();
        /** Elements with CSS: a {@code style} attribute, or {@code <style>} elements. */
        final List<Element> css = new ArrayList<>();
        final List<Element> checkboxes = new ArrayList<>();
        /** Whether a heading or a table stands inside a heading. */
        boolean nestedInHeading;

        static Parts of(Element body) {
            Parts parts = new Parts();
            for (Element e : body.getAllElements()) {
                if (e == body) {
                    continue;
                }
                String tag = e.normalName();
                if ((isHeading(tag) || tag.equals("table")) && insideHeading(e, body)) {
                    parts.nestedInHeading = true;
                }
                if (isHeading(tag)) {
                    parts.headings.add(e);
                } else if (e.hasAttr("id")) {
                    parts.otherIds.add(e);
                }
                if (tag.equals("div") && e.hasClass(TOC_PLACEHOLDER_CLASS)) {
                    parts.placeholders.add(e);
                }
                if (e.hasAttr("href") || e.hasAttr("src") || e.hasAttr("poster") || e.hasAttr("srcset")) {
                    parts.urls.add(e);
                }
                if (e.hasAttr("style") || tag.equals("style")) {
                    parts.css.add(e);
                }
                if (tag.equals("input") && e.attr("type").equalsIgnoreCase("checkbox") && e.hasAttr("readonly")) {
                    parts.checkboxes.add(e);
                }
            }
            return parts;
        }
    }

    /**
     * Gives every heading a unique id (h2–h6 also an anchor link) and lists h2–h6 for the table of contents, but
     * those of class {@code no_toc}.
     */
    private static List<Body.Heading> anchorHeadings(Element body, Parts parts, Set<String> layoutIds,
                                                     Map<Element, String> asWritten) {
        List<Element> all = parts.headings;
        Set<String> reserved = new HashSet<>(); // old deep links win over generated ids
        Set<Element> anchored = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element h : all) {
            Element old = h.selectFirst(OLD_ANCHOR);
            if (old != null) {
                h.id(old.attr("name"));
                reserved.add(h.id());
                anchored.add(h);
                if (old.text().isBlank()) {
                    old.remove();
                } else {
                    old.unwrap();
                }
                trimLeadingSpace(h);
            }
        }
        UniqueIds taken = new UniqueIds(layoutIds);
        for (Element e : parts.otherIds) {
            if (e.parent() != null) { // an old anchor taken out of its heading holds no id any more
                taken.take(e.id());
            }
        }
        List<Body.Heading> headings = new ArrayList<>();
        for (Element h : all) {
            // Raw HTML headings have none yet: their text as written, as Markdown's (before emoji codes were replaced).
            String id = h.id().isEmpty() ? HeadingId.of(asWritten.getOrDefault(h, h.wholeText())) : h.id();
            if (id.isEmpty()) {
                id = "section";
            }
            boolean keep = anchored.contains(h) && reserved.remove(id);
            // An old anchor keeps its name even where the layout writes it: deep links use it (the link check
            // reports the id twice on the page).
            String unique = taken.unique(id, other -> !keep && reserved.contains(other), !keep);
            h.id(unique);
            int level = h.tagName().charAt(1) - '0';
            if (level >= 2) {
                if (!h.hasClass(NO_TOC)) {
                    headings.add(new Body.Heading(level, unique, Toc.entryText(h)));
                }
                h.appendText(" ");
                h.appendElement("a").addClass("anchor").attr("href", "#" + unique)
                        .attr("aria-label", "Link to this section").text("#");
            }
        }
        return headings;
    }

    /** The elements whose text jemoji leaves as written: code, and the pre-formatted and teletype text around it. */
    private static final Set<String> EMOJI_AS_WRITTEN = Set.of("pre", "code", "tt");

    /**
     * Replaces the emoji codes of {@code body}'s text nodes outside {@link #EMOJI_AS_WRITTEN}
     * ({@code Emoji.replace}); returns the whole text as written of the headings without an id that hold a colon (whose
     * text it may change), which their ids are made of. A script's or style's content is no text node: it is left
     * alone too.
     */
    private static Map<Element, String> emojify(Element body, Parts parts) {
        Map<Element, String> asWritten = new IdentityHashMap<>();
        for (Element h : parts.headings) {
            if (h.id().isEmpty() && h.wholeText().indexOf(':') >= 0) {
                asWritten.put(h, h.wholeText());
            }
        }
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element e && EMOJI_AS_WRITTEN.contains(e.normalName())) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (node instanceof TextNode t) {
                    String text = t.getWholeText();
                    String replaced = Emoji.replace(text);
                    if (replaced != text) {
                        t.text(replaced);
                    }
                }
                return FilterResult.CONTINUE;
            }
        }, body);
        return asWritten;
    }

    private static void trimLeadingSpace(Element h) {
        for (Node n = h.firstChild(); n instanceof TextNode t; n = h.firstChild()) {
            String stripped = t.getWholeText().stripLeading();
            if (!stripped.isEmpty()) {
                t.text(stripped);
                return;
            }
            t.remove();
        }
    }

    /**
     * Relative links and images (each candidate of a {@code srcset} too), and the relative URLs of CSS (a {@code style} attribute's or element's), resolve
     * against the page's own URL, exactly as a browser would; they are written root-relative so that excerpts
     * shown on other pages keep working.
     */
    private static void rootRelativeLinks(Parts parts, String pageUrl) {
        UnaryOperator<String> rootRelative = rootRelative(pageUrl);
        for (Element e : parts.urls) {
            for (String attribute : List.of("href", "src", "poster")) {
                String value = e.attr(attribute);
                String resolved = rootRelative.apply(value);
                if (!resolved.equals(value)) {
                    e.attr(attribute, resolved);
                }
            }
            if (e.hasAttr("srcset")) {
                String value = e.attr("srcset");
                String resolved = Srcset.rewritten(value, rootRelative);
                if (!resolved.equals(value)) {
                    e.attr("srcset", resolved);
                }
            }
        }
        UnaryOperator<String> inCss = css -> CssUrls.rewritten(css, rootRelative);
        for (Element e : parts.css) {
            if (e.hasAttr("style")) {
                String value = e.attr("style");
                String resolved = inCss.apply(value);
                if (!resolved.equals(value)) {
                    e.attr("style", resolved);
                }
            }
            if (e.nameIs("style")) {
                CssUrls.rewriteStyleElement(e, inCss);
            }
        }
    }

    private static boolean isRelative(String url) {
        return !url.startsWith("/") && !url.startsWith("#") && !Route.hasScheme(url);
    }


    private static String resolve(URI base, String url) {
        if (url.startsWith("?")) {
            return base.getRawPath() + url; // java.net.URI drops the last segment here; browsers keep it
        }
        try {
            URI resolved = base.resolve(new URI(url));
            // Browsers never climb above the root; java.net.URI keeps the extra "/.." segments.
            String out = resolved.getRawPath().replaceFirst("^(/\\.\\.)+(?=/|$)", "");
            if (out.isEmpty()) {
                out = "/";
            }
            if (resolved.getRawQuery() != null) {
                out += "?" + resolved.getRawQuery();
            }
            if (resolved.getRawFragment() != null) {
                out += "#" + resolved.getRawFragment();
            }
            return out;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return url; // a malformed URL is left as written; the link check reports it
        }
    }

    /** Everything before the separator comment, else the first paragraph that has text. */
    private static Element excerpt(Element body, String separator) {
        Element excerpt = new Element("div");
        String marker = separatorText(separator);
        List<Node> before = new ArrayList<>();
        for (Node n : body.childNodes()) {
            if (n instanceof Comment c && !marker.isEmpty() && c.getData().trim().equals(marker)) {
                before.forEach(b -> excerpt.appendChild(b.clone()));
                return clean(excerpt);
            }
            before.add(n);
        }
        for (Element p : body.children()) {
            if (p.nameIs("p") && !p.text().isBlank()) {
                excerpt.appendChild(p.clone());
                break;
            }
        }
        return clean(excerpt);
    }

    /** Excerpts stand on other pages: drop what only makes sense in the full post. */
    private static Element clean(Element excerpt) {
        excerpt.select(NOT_IN_EXCERPT).remove();
        excerpt.select(HAS_ID).removeAttr("id");
        return excerpt;
    }

    /**
     * The words of {@code body}'s text as a reader sees it (block elements and line breaks part words),
     * counted in one walk without building the text.
     */
    private static int countWords(Element body) {
        WordCounter counter = new WordCounter();
        org.jsoup.select.NodeTraversor.traverse(counter, body);
        return counter.words;
    }

    /**
     * Counts words as {@link #countWords} says; a text's characters are read from an array, not one call each. The
     * line numbers beside a numbered code block ({@code <pre class="lineno">}) are no words a reader reads.
     */
    private static final class WordCounter implements org.jsoup.select.NodeVisitor {
        int words;
        boolean inWord;
        char[] chars = new char[256];
        /** The line numbers being passed over, or null. */
        Element lineNumbers;

        @Override
        public void head(Node node, int depth) {
            if (lineNumbers != null) {
                return;
            }
            if (node instanceof Element e && e.nameIs("pre") && e.hasClass("lineno")) {
                lineNumbers = e;
                inWord = false;
            } else if (node instanceof TextNode t) {
                String text = t.getWholeText();
                int n = text.length();
                if (chars.length < n) {
                    chars = new char[Math.max(n, chars.length * 2)];
                }
                text.getChars(0, n, chars, 0);
                for (int i = 0; i < n; i++) {
                    boolean letter = !isSpace(chars[i]);
                    if (letter && !inWord) {
                        words++;
                    }
                    inWord = letter;
                }
            } else if (node instanceof Element e && (e.isBlock() || e.nameIs("br"))) {
                inWord = false;
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node == lineNumbers) {
                lineNumbers = null;
            }
            if (node instanceof Element e && e.isBlock()) {
                inWord = false;
            }
        }

        /** {@link Character#isWhitespace} or a no-break space, without a call for ASCII. */
        private static boolean isSpace(char c) {
            if (c < 0x80) {
                return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
            }
            return c == '\u00a0' || Character.isWhitespace(c);
        }
    }
}
