package dev.kiln.html;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The excerpt made without jsoup is the one jsoup makes, formatted HTML and text, byte for byte; and it
 * is made without jsoup for the paragraphs of text, links, emphasis, code and line breaks that most
 * excerpts are.
 */
class QuickExcerptTest {

    private static final List<String> TEXTS = List.of("word", "two words", "x", " ", "  ", "\n", "\t", "\r\n", "\f",
            " \n ", "&amp;", "&lt;", "&gt;", "&quot;", "\"", "'", "é", "😀", "—", "“quoted”", "a.b", "=", "/");
    private static final List<String> OPEN = List.of("<em>", "<strong>", "<code>", "<a href=\"/2020/01/02/post/\">",
            "<a href=\"https://example.org/?a=1&amp;b=2\" title=\"A &quot;title&quot;\">", "<a href=\"#fn:1\">");

    @Test
    void aParagraphOfTextLinksEmphasisAndCodeIsMadeWithoutJsoupAsJsoupMakesIt() {
        String nodes = "<p>\n  When we started <strong>testing</strong> it, the <em>build</em>\nwent <code>x  &lt; y</code>"
                + " (see <a href=\"/a/b/\" title=\"t\">the  notes</a>).\nNext line &amp; more.  \n</p>\n";

        QuickExcerpt.Result quick = QuickExcerpt.of(nodes);

        assertNotNull(quick);
        assertEquals(BodyProcessor.excerpt(nodes), quick);
        assertEquals("<p>When we started <strong>testing</strong> it, the <em>build</em> went <code>x &lt; y</code>"
                + " (see <a href=\"/a/b/\" title=\"t\">the notes</a>). Next line &amp; more.</p>", quick.html());
        assertEquals("When we started testing it, the build went x < y (see the notes). Next line & more.",
                quick.text());
    }

    @Test
    void anEmptyExcerptIsEmpty() {
        assertEquals(new QuickExcerpt.Result("", ""), QuickExcerpt.of(""));
        assertEquals(BodyProcessor.excerpt(""), QuickExcerpt.of(""));
    }

    @Test
    void whatTheExcerptMustLoseOrJsoupMustReadIsLeftToJsoup() {
        for (String nodes : List.of(
                "<p>One.</p>\n<p>Two.</p>",
                "<h2 id=\"why\">Why <a class=\"anchor\" href=\"#why\">#</a></h2>",
                "<p>A note<sup id=\"fnref:1\"><a href=\"#fn:1\">1</a></sup>.</p>",
                "<p>An <span id=\"x\">id</span>.</p>",
                "<p>An <em id=\"x\">id</em>.</p>",
                "<p><img src=\"/a.png\" alt=\"a\"> image</p>",
                "<p>A&nbsp;no-break space</p>",
                "<p>A\u00a0no-break space</p>",
                "<p>A zero\u200bwidth space and a soft\u00adhyphen</p>",
                "<p>An &copy; entity</p>",
                "<p>A line<br>\nbreak</p>",
                "<p>A <del>deletion</del></p>",
                "<p><a href=\"/a\">A link <em>in <a href=\"/b\">a link</a></em></a></p>",
                "<p><em>Crossed <strong>tags</em></strong></p>",
                "<p>An <em>unclosed</p>",
                "<p>A stray </em> close</p>",
                "  <p>Space before</p>",
                "<ul><li>A list</li></ul>")) {
            assertNull(QuickExcerpt.of(nodes), nodes);
        }
    }

    @Property(tries = 1000)
    void randomParagraphsAreMadeAsJsoupMakesThem(@ForAll("paragraphs") String nodes) {
        QuickExcerpt.Result quick = QuickExcerpt.of(nodes);
        assertNotNull(quick, nodes);
        assertEquals(BodyProcessor.excerpt(nodes), quick, nodes);
    }

    @Property(tries = 1000)
    void whateverIsMadeWithoutJsoupIsWhatJsoupMakes(@ForAll("anything") String nodes) {
        QuickExcerpt.Result quick = QuickExcerpt.of(nodes);
        if (quick != null) {
            assertEquals(BodyProcessor.excerpt(nodes), quick, nodes);
        }
    }

    /** One paragraph of random text, links, emphasis and code, nested (no link in a link), maybe a line break after. */
    @Provide
    Arbitrary<String> paragraphs() {
        return Arbitraries.randomValue(random -> "<p>" + inline(random, 0, true, false) + "</p>" + (random.nextBoolean() ? "\n" : ""));
    }

    /** The same, with what the quick excerpt leaves to jsoup mixed in: other elements, entities, blocks. */
    @Provide
    Arbitrary<String> anything() {
        List<String> more = List.of("<p>", "</p>", "<sup id=\"fnref:1\">", "</sup>", "<span class=\"c\">", "</span>",
                "&nbsp;", "&copy;", "&#x1F600;", "\u00a0", "\u200b", "\u00ad", "<", ">", "&", "<img src=\"a\">",
                "<a class=\"anchor\" href=\"#x\">", "</a>", "</em>", "<!-- c -->", "\u0001", "<br>", "<del>", "</del>");
        return Arbitraries.randomValue(random -> {
            StringBuilder s = new StringBuilder(random.nextInt(10) == 0 ? "" : "<p>");
            int n = random.nextInt(12);
            for (int i = 0; i < n; i++) {
                s.append(random.nextInt(3) == 0 ? more.get(random.nextInt(more.size())) : inline(random, 1, true, true));
            }
            return s.append(random.nextInt(10) == 0 ? "" : "</p>").toString();
        });
    }

    /**
     * Random inline content; a link may stand here when {@code link}, and in a link when {@code nested} (which
     * jsoup's parser undoes).
     */
    private static String inline(Random random, int depth, boolean link, boolean nested) {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(depth == 0 ? 8 : 4);
        for (int i = 0; i < n; i++) {
            String open = OPEN.get(random.nextInt(OPEN.size()));
            boolean isLink = open.startsWith("<a");
            if (random.nextInt(10) < 6 || depth > 2 || isLink && !link) {
                s.append(TEXTS.get(random.nextInt(TEXTS.size())));
            } else {
                String name = isLink ? "a" : open.substring(1, open.length() - 1);
                s.append(open).append(inline(random, depth + 1, link && (!isLink || nested), nested))
                        .append("</").append(name).append('>');
            }
        }
        return s.toString();
    }
}
