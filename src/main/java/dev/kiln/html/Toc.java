package dev.kiln.html;

import org.jsoup.nodes.Element;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The table of contents of a body: a nested list of its h2–h6 headings that have text. A heading with
 * none ({@code ##} alone, {@code ## {#id}}, an image alone) is left out: its entry would be a link with
 * nothing to read. kramdown's {@code {:toc}} never lists one, since kramdown makes no heading of a line
 * without text; Hugo's TableOfContents lists it as an empty link, which is not followed here.
 */
final class Toc {

    private Toc() {}

    /** {@code <nav class="toc">} with one nested {@code <ul>} per heading level, or "" for no headings with text. */
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
