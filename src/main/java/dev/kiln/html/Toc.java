package dev.kiln.html;

import org.jsoup.nodes.Element;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The table of contents of a body: a nested list of links to its h2–h6 headings, by their text. A heading
 * that is an image alone ({@code ## ![A diagram](d.png)}) is listed by the image's alt text, as the entry
 * is text only; kramdown's {@code {:toc}} lists such a heading too, with the image itself in the link. A
 * heading with nothing to read, neither text nor alt text ({@code ##} alone, {@code ## {#id}}, an image
 * with {@code alt=""}) is left out: its entry would be an empty link. kramdown makes no heading of
 * {@code ##} alone, and lists an image with no alt text as that image; Hugo's TableOfContents lists any of
 * them as an empty link, which is not followed here.
 */
final class Toc {

    private Toc() {}

    /** {@code <nav class="toc">} with one nested {@code <ul>} per heading level, or "" for no headings with text or alt text. */
    static String html(List<Body.Heading> all) {
        List<Body.Heading> headings = all.stream().filter(h -> hasText(h.text())).toList();
        if (headings.isEmpty()) {
            return "";
        }
        Element nav = new Element("nav").addClass("toc").attr("aria-label", "Table of contents");
        fill(nav.appendElement("ul"), "ul", headings, null);
        return nav.outerHtml();
    }

    /**
     * kramdown's table of contents ({@code * TOC} or {@code 1. TOC} + {@code {:toc}}): a {@code listTag} list with
     * {@code attributes} and {@code id="markdown-toc"} unless they give an id, its entries' links of id
     * {@code markdown-toc-HEADING} (the list's id, a hyphen and the heading's), as themes style them; or null for no
     * headings with text or alt text.
     */
    static Element kramdown(List<Body.Heading> all, String listTag, org.jsoup.nodes.Attributes attributes) {
        List<Body.Heading> headings = all.stream().filter(h -> hasText(h.text())).toList();
        if (headings.isEmpty()) {
            return null;
        }
        String tag = listTag.equals("ol") ? "ol" : "ul";
        Element root = new Element(tag);
        root.attributes().addAll(attributes);
        if (root.className().isEmpty()) {
            root.removeAttr("class");
        }
        if (root.id().isEmpty()) {
            root.id("markdown-toc");
        }
        fill(root, tag, headings, root.id() + "-");
        return root;
    }

    /** {@code root} filled with nested {@code tag} lists of links to {@code headings}, the links' ids {@code idPrefix} + the heading's, if given. */
    private static void fill(Element root, String tag, List<Body.Heading> headings, String idPrefix) {
        Deque<Element> lists = new ArrayDeque<>();
        Deque<Integer> levels = new ArrayDeque<>();
        lists.push(root);
        levels.push(headings.get(0).level());
        Element lastItem = null;
        for (Body.Heading h : headings) {
            while (h.level() < levels.peek() && lists.size() > 1) {
                Element list = lists.pop();
                levels.pop();
                if (h.level() > levels.peek()) { // between two open levels: a sibling of the deeper list
                    lists.push(list);
                    levels.push(h.level());
                }
            }
            if (h.level() < levels.peek()) { // shallower than the first heading: the top list takes its level
                levels.pop();
                levels.push(h.level());
            }
            if (h.level() > levels.peek() && lastItem != null) {
                lists.push(lastItem.appendElement(tag));
                levels.push(h.level());
            }
            lastItem = lists.peek().appendElement("li");
            Element link = lastItem.appendElement("a").attr("href", "#" + h.id());
            if (idPrefix != null) {
                link.id(idPrefix + h.id());
            }
            link.text(h.text());
        }
    }

    /**
     * What the entry of {@code heading} reads: its text, or when it has none, the alt texts of its images
     * (maybe none: then it gets no entry).
     */
    static String entryText(Element heading) {
        String text = heading.text();
        if (hasText(text)) {
            return text;
        }
        StringBuilder alts = new StringBuilder();
        for (Element img : heading.getElementsByTag("img")) {
            String alt = img.attr("alt").strip();
            if (hasText(alt)) {
                if (!alts.isEmpty()) {
                    alts.append(' ');
                }
                alts.append(alt);
            }
        }
        return alts.toString();
    }

    /** Whether {@code text} holds anything but white space and no-break spaces. */
    private static boolean hasText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\u00a0' && !Character.isWhitespace(c)) {
                return true;
            }
        }
        return false;
    }
}
