package dev.kiln.html;

import org.jsoup.nodes.Element;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The table of contents of a body: a nested list of its h2–h6 headings. */
final class Toc {

    private Toc() {}

    /** {@code <nav class="toc">} with one nested {@code <ul>} per heading level, or "" for no headings. */
    static String html(List<Body.Heading> headings) {
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
}
