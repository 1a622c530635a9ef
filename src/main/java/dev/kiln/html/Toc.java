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
        Element root = nav.appendElement("ul");
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
                lists.push(lastItem.appendElement("ul"));
                levels.push(h.level());
            }
            lastItem = lists.peek().appendElement("li");
            lastItem.appendElement("a").attr("href", "#" + h.id()).text(h.text());
        }
        return nav.outerHtml();
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
