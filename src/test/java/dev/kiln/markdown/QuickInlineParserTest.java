package dev.kiln.markdown;

import dev.kiln.highlight.TokenHighlighter;
import com.vladsch.flexmark.ast.util.Parsing;
import com.vladsch.flexmark.util.data.MutableDataSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kiln's inline, table and block-start parsers find what flexmark's own find: the HTML is the same, byte
 * for byte, for the blog's posts, for inline syntax written to stress the pattern matches it replaces (code
 * spans, links with destinations and titles, autolinks, entities, raw HTML), for every way a block starts,
 * and for random mixes of that syntax, of table rows and of block syntax.
 */
class QuickInlineParserTest {

    private static final MarkdownRenderer QUICK = new MarkdownRenderer(new TokenHighlighter(), true);
    private static final MarkdownRenderer FLEXMARK = new MarkdownRenderer(new TokenHighlighter(), false);

    @Test
    void theBlogsPostsRenderTheSame() throws IOException {
        List<Map.Entry<Path, String>> posts = MarkdownSamples.blogPosts();
        assertFalse(posts.isEmpty());
        for (Map.Entry<Path, String> post : posts) {
            assertEquals(FLEXMARK.render(post.getValue()), QUICK.render(post.getValue()), post.getKey().toString());
        }
    }

    @Test
    void codeSpansLinksAutolinksAndEntitiesRenderTheSame() {
        String markdown = """
                Some `code`, ``two `ticks` here``, an unclosed ` tick and ```` four ```` with `x` `y` `z`.
                A [link](/a/b "title") and [another](<url with spaces> 'single') and [third](/c (paren)),
                ![image](/i.png "t"), [ref][r], [collapsed][], [shortcut], [nested [brackets]](/n),
                [not a link] (space), [empty](), <http://auto.link/x?y=z>, <me@example.com>, a bare
                http://example.com/path and www.example.com, &amp; &copy; &#35; &#x22; &bogus; \\`escaped\\`,
                <span class="x">inline html</span> <!-- a comment --> <?pi?> and a footnote[^1].

                [r]: /ref "Ref title"
                [collapsed]: /collapsed
                [shortcut]: /short
                [^1]: The note, with `code` and [a link](/l).
                """;
        assertEquals(FLEXMARK.render(markdown), QUICK.render(markdown));
    }

    @Test
    void footnotesWithSeveralReferencesAndNotesEndingInAListOrCodeRenderTheSame() {
        String markdown = """
                One[^a], two[^b], again[^a] and[^c] once more[^a].

                [^a]: A *note*
                    over two lines.
                [^b]: A list:

                    - one
                    - two

                [^c]: Code:

                        x = 1
                """;
        assertEquals(FLEXMARK.render(markdown), QUICK.render(markdown));
    }

    @Test
    void dotsAndDashesOutsideTheSmartsReadAsTextAndTheSmartsStillApply() {
        String markdown = """
                End. Then... and . . . spaced, 1.5 and x.y.z, a-b, -x, y-, -- en --- em ---- four - one.
                `a.b--c` and [l.x](/a-b.c "t.-") and **b.** *-x-* and ~~s.~~, ..x, .. ., -.- .-.
                > Quote. With -- a dash... and - more.

                - item. with-dash -- and...
                | a.b | c--d |
                |---|---|
                | . . . | -- |
                """;
        String html = QUICK.render(markdown);
        assertEquals(FLEXMARK.render(markdown), html);
        assertTrue(html.contains("Then&hellip; and &hellip; spaced"), html);
        assertFalse(html.contains("-- en"), html);
        assertTrue(html.contains("&ndash; en &mdash; em"), html);
        assertTrue(html.contains("x.y.z, a-b, -x, y-,"), html);
    }

    @Test
    void aUrlRightAfterTypographicMarksIsLinkedAsFlexmarkLinksIt() {
        // flexmark reads a text node with the marks, entities and text right after it: the URL's scheme is
        // read back over "word---", and the whole run would become the link (found by the random blocks below):
        // such a scheme is not the web's, and the URL's own text node is linked alone.
        for (String markdown : List.of("word---http://a.b/c?d=e", "word--http://a.b", "word...http://a.b",
                "w---http://a.b and more", "word---me@a.b", "a.b...http://a.b", "word---ftp://a.b",
                "word&amp;http://a.b", "x \"q\"http://a.b", "don't--www.a.b", "word --- http://a.b", "---http://a.b")) {
            assertEquals(FLEXMARK.render(markdown), QUICK.render(markdown), markdown);
        }
        assertEquals("<p>word&mdash;<a href=\"http://a.b\">http://a.b</a></p>\n", QUICK.render("word---http://a.b"));
    }

    @Test
    void aBareUrlGluedToAWordOrAQuoteIsLeftAsTextByBoth() {
        for (String markdown : List.of("主机www.a.b 了", "“http://a.b:5000” x", "主机me@a.b", "x:www.a.b", "(www.a.b)",
                "`c`www.a.b", "a&amp;www.a.b", "\"www.a.b\"", "a\nwww.a.b", ">www.a.b", "|www.a.b|\n|-|\n")) {
            assertEquals(FLEXMARK.render(markdown), QUICK.render(markdown), markdown);
        }
        assertEquals("<p>主机www.a.b 了</p>\n", QUICK.render("主机www.a.b 了"));
        assertEquals("<p>主机www.a.b 了</p>\n", FLEXMARK.render("主机www.a.b 了"));
    }

    @Test
    void aBareUrlEndsBeforeChineseTextOrPunctuationOutsideAsciiAsInHugo() {
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("访问 https://example.com。更多", "<p>访问 <a href=\"https://example.com\">https://example.com</a>。更多</p>\n");
        cases.put("见 https://a.b/c，和 www.a.b了", "<p>见 <a href=\"https://a.b/c\">https://a.b/c</a>，和 "
                + "<a href=\"http://www.a.b\">www.a.b</a>了</p>\n");
        cases.put("see https://a.b/c—or https://a.b/d.” x", "<p>see <a href=\"https://a.b/c\">https://a.b/c</a>—or "
                + "<a href=\"https://a.b/d\">https://a.b/d</a>.” x</p>\n");
        cases.put("x https://a.b/c\uD83D\uDE00 y", "<p>x <a href=\"https://a.b/c\">https://a.b/c</a>\uD83D\uDE00 y</p>\n");
        cases.put("x http://。a", "<p>x http://。a</p>\n");
        cases.put("联系 foo@example.com。更多", "<p>联系 <a href=\"mailto:foo@example.com\">foo@example.com</a>。更多</p>\n");
        cases.put("x foo@exa。mple", "<p>x foo@exa。mple</p>\n");
        // a European letter goes on, as in GFM (goldmark would end at é); pointy brackets keep everything
        cases.put("https://de.wikipedia.org/wiki/Köln ok", "<p><a href=\"https://de.wikipedia.org/wiki/Köln\">"
                + "https://de.wikipedia.org/wiki/Köln</a> ok</p>\n");
        cases.put("<https://a.b/。x>", "<p><a href=\"https://a.b/。x\">https://a.b/。x</a></p>\n");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            assertEquals(c.getValue(), QUICK.render(c.getKey()), c.getKey());
            assertEquals(c.getValue(), FLEXMARK.render(c.getKey()), c.getKey());
        }
    }

    @Test
    void everyCharacterIsWhiteSpaceOrPunctuationToTheDelimitersAsToFlexmarksPatterns() {
        Parsing parsing = new Parsing(new MutableDataSet());
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String s = String.valueOf((char) c);
            assertEquals(parsing.UNICODE_WHITESPACE_CHAR.matcher(s).matches(), QuickInlineParser.isWhitespace((char) c), "U+" + Integer.toHexString(c));
            assertEquals(parsing.PUNCTUATION.matcher(s).matches(), QuickInlineParser.isPunctuation((char) c), "U+" + Integer.toHexString(c));
        }
    }

    @Test
    void emphasisQuotesAndCodeSpansNextToSpacesAndPunctuationRenderTheSame() {
        String markdown = """
                *a* **b** ***c*** _d_ __e__ a*b*c a_b_c *(x)* _(y)_ "*z*" '_w_' «*v*» —*u*—  *t*   _s_ 
                *a **b** c* **a *b* c** *unclosed **strong *mixed_ _x* 'single' "double" don't 'twas "nested 'q'"
                `a` ``b`` `c``d` ```e``` `unclosed ``f` `` ` `` x`y`z ~~st~~ ~one~ <<angle>> *é* _’x’_
                <<< odd >>> <<<<< five >>> <<<<<<< seven >> <<< *em* <<< in >>> >>> [<<< l >>>](/a) x<<<y
                """;
        assertEquals(FLEXMARK.render(markdown), QUICK.render(markdown));
    }

    @Property(tries = 400)
    void randomInlineSyntaxRendersTheSame(@ForAll("inline") String markdown) {
        assertEquals(FLEXMARK.render(markdown), QUICK.render(markdown), markdown);
    }

    @Property(tries = 400)
    void randomBlocksRenderTheSame(@ForAll("blocks") String markdown) {
        assertEquals(FLEXMARK.render(markdown), QUICK.render(markdown), markdown);
    }

    @Test
    void everyKindOfBlockStartRendersTheSame() {
        String markdown = """
                # One
                Two
                ===
                Three
                ---
                - a
                + b
                * c
                1. d
                2) e
                12. f
                - - -
                ***
                ___
                ```sh
                code
                ```
                ~~~
                tilde
                ~~~
                > quote
                > - item
                >   ## in a quote
                <div>
                html
                </div>

                    indented
                	- tab
                  # spaced
                #not a heading
                -not a list
                1.not a list
                ` not a fence
                *emphasis* starts a paragraph
                [^n]: a note
                """;
        assertEquals(FLEXMARK.render(markdown), QUICK.render(markdown));
    }

    @Test
    void attributeListsAfterListsQuotesAndCodeRenderTheSame() {
        String markdown = """
                - a
                - b
                {: .c}

                > q
                {: .note}

                > r
                > {: .inside}

                ```ruby {.k}
                x = 1
                ```
                {: .code}

                    indented
                {: #other}

                1. x
                   - y
                   {: .inner}
                2. z
                """;
        String html = QUICK.render(markdown);
        assertEquals(FLEXMARK.render(markdown), html);
        assertTrue(html.contains("<ul class=\"c\">") && html.contains("<blockquote class=\"note\">")
                && html.contains("<pre class=\"code\">") && html.contains("<ul class=\"inner\">"), html);
    }

    @Test
    void attributeListsBeforeBlocksRenderTheSame() {
        String markdown = """
                {: #first}
                # One

                Intro.

                {: .c1}
                > quote

                {: .c2}
                - item

                {: .c3}
                ```ruby
                x = 1
                ```

                {: .c4}

                {: .c5}
                | a | b |
                |---|---|
                | 1 | 2 |

                > p
                >
                > {: .c6}
                > - l

                {: .c7}
                    indented

                {: .c8}
                Para.

                {: .gone}
                """;
        String html = QUICK.render(markdown);
        assertEquals(FLEXMARK.render(markdown), html);
        assertTrue(html.contains("<h1 id=\"first\">") && html.contains("<blockquote class=\"c1\">")
                && html.contains("<ul class=\"c2\">") && html.contains("<table class=\"c4 c5\">")
                && html.contains("<ul class=\"c6\">") && html.contains("<pre class=\"c7\">")
                && html.contains("<p class=\"c8\">") && !html.contains("gone"), html);
    }

    @Test
    void definitionListsAndAbbreviationsRenderTheSame() {
        String markdown = """
                HTML in *HTML* and [an HTML link](/h) and <https://html.example/HTML>, `HTML`, HTML{.x} and HTML's.

                Term with HTML
                : Definition with CSS
                : Another

                > Quoted
                > : definition in a quote

                - item
                  : definition in an item

                *[HTML]: Hyper Text Markup Language
                *[CSS]: Cascading Style Sheets
                """;
        String html = QUICK.render(markdown);
        assertEquals(FLEXMARK.render(markdown), html);
        assertTrue(html.contains("<dl>") && html.contains("<abbr title=\"Cascading Style Sheets\">CSS</abbr>"), html);
    }

    @Provide
    Arbitrary<String> blocks() {
        return MarkdownSamples.blocks();
    }

    @Provide
    Arbitrary<String> inline() {
        Arbitrary<String> token = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of("`", "``", "[", "]", "(", ")", "<", ">", "!", "\"", "'", "\\", "*", "_",
                        "&", ";", "#", ":", "/", " ", "\n", "\n\n", "a", "word", "x y", "  ")),
                Tuple.of(3, Arbitraries.of("`code`", "[l](/a \"t\")", "[l](<a b>)", "[l][r]", "[r]: /u \"t\"\n",
                        "![i](x.png)", "<http://a.b/c>", "<a@b.c>", "http://a.b/c?d=e", "www.x.y", "&amp;", "&#35;",
                        "&#x1F600;", "<span>", "</span>", "<!-- c -->", "[^1]", "[^1]: n\n", "**b**", "~~s~~",
                        "| a | b |\n", "|---|:-:|\n", "a | b\n", "|", "| x |\n| - |\n",
                        "{: .c}", "{#i}", "{.x #y}", "\n{: .p}\n", "```java {.k}\nint x;\n```\n", "Www.X.y", "a@b",
                        "&#64;", ".", "-", "..", "...", ". . .", ". .", "--", "---", "----", "a.b", "x-y", " - ",
                        ".-", "-.", "1. ", "- ", "\u00a0", "\u2003", "\u3000", "\u2014", "\u201c", "\u2019", "\u00ab",
                        "\u00bb", "(", ")", "{", "}", "\u00e9", "\u00bf", "\t", "***", "__", "~", "<<", ">>", "<<<", ">>>", "[l]( /a )", "[l](\t/a\t\"t\")",
                        "[l](\n/a\n\"t\"\n)", "[l](/a\r\n 't')", "[l]( \n \n /a)", "[l](/a \t\n\t (t))", "](", "\r\n", "\r")));
        return token.list().ofMaxSize(40).map(tokens -> String.join("", tokens));
    }
}
