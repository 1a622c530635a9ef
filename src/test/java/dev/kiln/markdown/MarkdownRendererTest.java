package dev.kiln.markdown;

import dev.kiln.highlight.TokenHighlighter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CommonMark plus the GFM and typographic extensions, as a reader of the rendered page sees them. */
class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer(new TokenHighlighter());

    private Element render(String markdown) {
        return Jsoup.parseBodyFragment(renderer.render(markdown)).body();
    }

    @Test
    void aLinkByReferenceAroundAnImageByReferenceIsALinkAroundTheImage() {
        // CommonMark (a link may hold an image) and kramdown 2.4: <a href="/ci/"><img src="/x.png" alt="Build" /></a>,
        // the README badge; until 2026-12-07 it was [<img>] then a link reading "ci". Both of Kiln's parsers agree.
        String markdown = "Status: [![Build][badge]][ci] end, [![Blog][img]{: .align-center}][img], [![B][badge] text][ci]"
                + " and [a [link][ci] in a link][badge].\n\n[badge]: /x.png\n[ci]: /ci/\n[img]: /blog.png\n";
        for (MarkdownRenderer each : List.of(renderer, new MarkdownRenderer(new TokenHighlighter(), false))) {
            String html = each.render(markdown);
            Element p = Jsoup.parseBodyFragment(html).body().selectFirst("p");
            assertTrue(html.contains("Status: <a href=\"/ci/\"><img src=\"/x.png\" alt=\"Build\" /></a> end,"), html);
            Element blog = p.selectFirst("a[href=/blog.png] > img");
            assertNotNull(blog, html);
            assertEquals("align-center", blog.className());
            assertEquals("Blog", blog.attr("alt"));
            assertEquals(" text", p.select("a[href=/ci/]").get(1).textNodes().get(0).text(), html);
            // A link holds no link: the inner one wins, and the outer brackets are text, as CommonMark has it.
            assertTrue(html.contains("and [a <a href=\"/ci/\">link</a> in a link]<a href=\"/x.png\">badge</a>."), html);
        }
    }

    @Test
    void writesTheTypographicCharactersOfAnAltTextAsTheyAreWrittenAsKramdownDoes() {
        // kramdown: <img src="/x.png" alt="Bob's &quot;red&quot; car -- 1...2" />; the raw HTML sends the page the general way.
        for (String after : new String[] {"", "\n<b>raw</b>\n"}) {
            String html = renderer.render("![Bob's \"red\" car -- 1...2](/x.png) and ![It's 'a'][r]\n\n[r]: /r.png\n" + after);
            Element body = Jsoup.parseBodyFragment(html).body();
            assertEquals("Bob's \"red\" car -- 1...2", body.select("img").get(0).attr("alt"), html);
            assertEquals("It's 'a'", body.select("img").get(1).attr("alt"), html);
            assertTrue(html.contains("alt=\"Bob's &quot;red&quot; car -- 1...2\""), html);
        }
        // An attribute list's own alt is kept.
        assertEquals("own", render("![It's \"x\"](/x.png){: alt=\"own\"}\n").selectFirst("img").attr("alt"));
    }

    @Test
    void headingIdsAreGithubsAsJekyllAndHugoMakeThem() {
        // GitHub's rule, which Jekyll's default (kramdown's GFM input) and Hugo's follow: lower case, letters,
        // digits, '_' and '-' kept, every space a dash, nothing collapsed; a repeated id numbered from -1.
        Element body = render("## Part 1 - Setup\n\n## snake_case_name\n\n## Café au lait\n\n## C++ & Rust\n\n"
                + "## What's new?\n\n## Part 1 - Setup\n");
        assertEquals(List.of("part-1---setup", "snake_case_name", "café-au-lait", "c--rust", "whats-new", "part-1---setup-1"),
                body.select("h2").eachAttr("id"));
    }

    @Test
    void linksBareUrlsOfTheWebsSchemesOnlyAsGfmAndHugoDoButAnyInPointyBrackets() {
        // GFM's extended autolinks and Hugo's goldmark link http://, https://, ftp://, www. and e-mail addresses;
        // an s3:// path in a table cell was a link no browser opens.
        String markdown = """
                Bare: s3://bucket/db/0.json, file:///etc/hosts, word-http://a.example/b, http:// alone, HTTPS://a.example/c,
                ftp://files.example/a.txt, https://ok.example/x?u=s3://z, www.example.org/y and me@example.net.

                | path |
                |------|
                | s3://whjdbc/db/events/metadata/00000-a.metadata.json |

                Written as an autolink, any scheme is one, as CommonMark says: <s3://bucket/key>.
                """;
        for (String page : List.of(markdown, markdown + "\n<b>raw</b>\n")) { // the direct path, and flexmark's HTML
            Element body = render(page);
            assertEquals(List.of("ftp://files.example/a.txt", "https://ok.example/x?u=s3://z", "http://www.example.org/y",
                    "mailto:me@example.net", "s3://bucket/key"), body.select("a").eachAttr("href"), body.html());
            assertEquals("s3://whjdbc/db/events/metadata/00000-a.metadata.json", body.selectFirst("td").html());
            assertTrue(body.text().contains("Bare: s3://bucket/db/0.json, file:///etc/hosts, word-http://a.example/b, "
                    + "http:// alone, HTTPS://a.example/c,"), body.html());
        }
    }

    @Test
    void linksABareUrlGluedToAWordOrACurlyQuoteNeitherAsGfmAndHugoLinkIt() {
        // Hugo 0.111's goldmark (linkify), like GFM, links www., http:// and e-mail addresses only at a line's start,
        // after white space, *, _, ~ or (, or right after another inline element; a Chinese post that wrote a host
        // right after a word got links, and one quoted in curly quotes a link whose href ended in ”.
        String markdown = """
                用来指向一个主机www.domainA.com 了。主机foo@bar.com 和 x:www.colon.com, a　www.wide.com

                输入端口号：“http://example.synology.me:5000” 后续

                (www.paren.com) *www.em.com* ~~www.del.com~~ `c`www.code.com [a](/b)www.after.com "www.quoted.com"
                and&amp;www.entity.com, 主机 foo@bar.com, a--www.dash.com
                www.line.com

                >www.quote.com

                |www.cell.com|
                |-|
                """;
        for (String page : List.of(markdown, markdown + "\n<b>raw</b>\n")) { // the direct path, and flexmark's HTML
            Element body = render(page);
            assertEquals(List.of("http://www.paren.com", "http://www.em.com", "http://www.del.com",
                    "http://www.code.com", "/b", "http://www.after.com", "http://www.quoted.com", "mailto:foo@bar.com",
                    "http://www.dash.com", "http://www.line.com", "http://www.quote.com", "http://www.cell.com"),
                    body.select("a").eachAttr("href"), body.html());
            assertEquals("用来指向一个主机www.domainA.com 了。主机foo@bar.com 和 x:www.colon.com, a　www.wide.com",
                    body.selectFirst("p").text());
            assertEquals("输入端口号：“http://example.synology.me:5000” 后续", body.select("p").get(1).text());
        }
    }

    @Test
    void linksBareUrlsWwwAddressesAndEmailsButNotPlainProseOrCode() {
        Element body = render("""
                See https://example.com/a?b=1, www.example.org and mail me@example.net.
                Split *over* https://x.example/y text.

                Plain prose with dots. And a colon: nothing to link. `https://in.code/`
                """);
        assertEquals(List.of("https://example.com/a?b=1", "http://www.example.org", "mailto:me@example.net",
                        "https://x.example/y"),
                body.select("a").eachAttr("href"));
        assertEquals("https://in.code/", body.selectFirst("code").text());
    }

    @Test
    void aTableOnLazyLinesBelowAListItemsOrAQuotesTextIsATableThereAsHugoRendersIt() {
        // Each with Hugo 0.111.3's HTML, its line breaks left out (Kiln adds an empty <tbody> to a table of one row,
        // which shows nothing). Until 2026-12-07 the rows on lines without the item's indent or the quote's > were
        // the item's or the quote's text, "item a | b |—|—|". Both of Kiln's parsers agree.
        String[][] hugo = {
                {"- item\na | b\n|---|---|\n1 | 2\n",
                        "<ul><li>item<table><thead><tr><th>a</th><th>b</th></tr></thead>"
                                + "<tbody><tr><td>1</td><td>2</td></tr></tbody></table></li></ul>"},
                {"> a\nb | c\n|---|---|\n",
                        "<blockquote><p>a</p><table><thead><tr><th>b</th><th>c</th></tr></thead></table></blockquote>"},
                {"- a\n  - b\nc | d\n|---|---|\n",
                        "<ul><li>a<ul><li>b<table><thead><tr><th>c</th><th>d</th></tr></thead></table></li></ul></li></ul>"},
                {"- item\n  a | b\n|---|---|\n",
                        "<ul><li>item<table><thead><tr><th>a</th><th>b</th></tr></thead></table></li></ul>"},
                {"- item\n\n  para\na | b\n|---|---|\n",
                        "<ul><li><p>item</p><p>para</p><table><thead><tr><th>a</th><th>b</th></tr></thead></table></li></ul>"},
                {"> - item\na | b\n|---|---|\n",
                        "<blockquote><ul><li>item<table><thead><tr><th>a</th><th>b</th></tr></thead></table></li></ul>"
                                + "</blockquote>"},
                {"- item\na | b\n|---|---|\n|---|---|\n", // a second separator line is a row
                        "<ul><li>item<table><thead><tr><th>a</th><th>b</th></tr></thead>"
                                + "<tbody><tr><td>&mdash;</td><td>&mdash;</td></tr></tbody></table></li></ul>"},
                {"- item\na | b | c\n|---|---|\n", // more cells than the separator: no table
                        "<ul><li>item\na | b | c\n|&mdash;|&mdash;|</li></ul>"},
        };
        for (MarkdownRenderer each : List.of(renderer, new MarkdownRenderer(new TokenHighlighter(), false))) {
            for (String[] page : hugo) {
                String html = each.render(page[0]);
                assertEquals(page[1].replace("\n", ""), html.replace("\n", "").replace("<tbody></tbody>", ""), page[0]);
            }
            // A line "- | -" starts a list item, in Hugo too: the item's text stays one paragraph.
            Element body = Jsoup.parseBodyFragment(each.render("- item\na | b\n- | -\n")).body();
            assertEquals("item\na | b", body.selectFirst("li").wholeText());
        }
    }

    @Test
    void aTableSeparatorOfOneDashACellIsATableAsOnGithubAndKramdown() {
        for (String separator : List.of("|-|-|", "--|--", ":-: | -:")) {
            Element t = render("a | b\n" + separator + "\n1 | 2\n").selectFirst("table");

            assertNotNull(t, separator);
            assertEquals(List.of("a", "b"), t.select("thead th").eachText(), separator);
            assertEquals(List.of("1", "2"), t.select("tbody td").eachText(), separator);
        }
    }

    @Test
    void everyDoubleAngleBracketIsAnAngleQuoteAsHugosTypographerAndKramdownWriteIt() {
        // Hugo: <p><a href="/a/">&laquo; Previous</a> | <a href="/b/">Next &raquo;</a></p>,
        // <h2 id="-sources-">&raquo; Sources &laquo;</h2>, ...; kramdown writes « and » the same. Until 2026-12-07
        // only a pair, <<x>>, was; code keeps them. A run of an odd number is its pairs' quotes, then the odd one:
        // Hugo and kramdown both write a <<< b >>> c as a &laquo;&lt; b &raquo;&gt; c, paired or not, where until
        // 2026-12-07 a paired opening run was a &lt;&laquo; b.
        String markdown = "[<< Previous](/a/) | [Next >>](/b/)\n\n## >> Sources <<\n\n"
                + "a << b >> c, <<x>>, x<<y and x>>y, a <<< b and `<< code >>`\n\n"
                + "a <<< b >>> c, <<<< d >>>>, <<< e >>, << f >>>, <<<<< g >>> and <<<<<<< h >>, <<< *i* >>>, "
                + "<<< j <<< k >>> l >>>, [<<< m >>>](/c/)\n\n## <<< n >>>\n";
        for (MarkdownRenderer each : List.of(renderer, new MarkdownRenderer(new TokenHighlighter(), false))) {
            String html = each.render(markdown);
            Element body = Jsoup.parseBodyFragment(html).body();
            assertEquals(List.of("« Previous", "Next »"), body.select("a").eachText().subList(0, 2), html);
            Element h2 = body.selectFirst("h2");
            assertEquals("» Sources «", h2.text(), html);
            assertEquals("-sources-", h2.id(), html);
            assertEquals("a « b » c, «x», x«y and x»y, a «< b and << code >>", body.select("p").get(1).text(), html);
            assertTrue(html.contains("<code>&lt;&lt; code &gt;&gt;</code>"), html);
            assertEquals("a «< b »> c, «« d »», «< e », « f »>, ««< g »> and «««< h », «< i »>, «< j «< k »> l »>, "
                    + "«< m »>", body.select("p").get(2).text(), html);
            assertEquals("«< m »>", body.select("a").get(2).text(), html);
            assertEquals("«< n »>", body.select("h2").get(1).text(), html);
            assertEquals("-n-", body.select("h2").get(1).id(), html); // Hugo's too
        }
    }

    @Test
    void aTableOnTheLineRightBelowTextEndsTheParagraphAsHugoAndGithubRenderIt() {
        // goldmark (Hugo) and GFM: <p><strong>特徴</strong>：</p><table>...; until 2026-12-07 one paragraph showed the
        // pipes, the |------| row typeset as em dashes. Both of Kiln's parsers agree, in a list item and a quote too.
        String markdown = "**特徴**：\n| 項目 | 詳細 |\n|------|------|\n| **構成** | 4つのオクテット |\n\n"
                + "one\ntwo\na | b\n--|--\n1 | 2\n\n- item\n  | x | y |\n  |---|---|\n  | 1 | 2 |\n\n> quote\n> | q |\n> |---|\n";
        for (MarkdownRenderer each : List.of(renderer, new MarkdownRenderer(new TokenHighlighter(), false))) {
            String html = each.render(markdown);
            Element body = Jsoup.parseBodyFragment(html).body();
            Elements tables = body.select("table");
            assertEquals(4, tables.size(), html);
            assertTrue(html.startsWith("<p><strong>特徴</strong>：</p>\n<table>"), html);
            assertEquals(List.of("項目", "詳細"), tables.get(0).select("thead th").eachText(), html);
            assertEquals("<td><strong>構成</strong></td>", tables.get(0).selectFirst("tbody td").outerHtml(), html);
            assertEquals("one\ntwo", body.select("p").get(1).wholeText(), html);
            assertEquals(List.of("a", "b", "1", "2"), tables.get(1).select("th, td").eachText(), html);
            assertEquals("item", body.selectFirst("li").textNodes().get(0).text().strip(), html);
            assertEquals(List.of("x", "y", "1", "2"), body.selectFirst("li > table").select("th, td").eachText(), html);
            assertEquals("quote", body.selectFirst("blockquote > p").text(), html);
            assertEquals(List.of("q"), body.selectFirst("blockquote > table").select("th").eachText(), html);
            assertFalse(html.contains("|") || html.contains("—"), html);
        }
        // Not a table where Hugo has none either: a header with more cells than the separator; and a second
        // separator line in a table is a row of it.
        String text = "Para\n| x | y | z |\n|---|---|\n| 1 | 2 |\n";
        assertNull(render(text).selectFirst("table"), text);
        assertEquals(1, render(text).select("p").size(), text);
        assertEquals(1, render("| a | b |\n|---|---|\n| 1 | 2 |\n|---|---|\n").select("table").size());
    }

    @Test
    void aColumnsAlignmentIsAStyleAsKramdownWritesItNotTheObsoleteAlignAttribute() {
        // The second table stands beside a footnote, which flexmark's renderer writes: both paths say the same.
        for (String after : List.of("", "\nA note.[^1]\n\n[^1]: The note.\n")) {
            Element t = render("a | b | c | d\n:-- | :-: | --: | ---\n1 | 2 | 3 | 4\n" + after).selectFirst("table");

            assertNotNull(t, after);
            assertEquals(List.of("text-align: left", "text-align: center", "text-align: right", ""),
                    styles(t.select("thead th")), after);
            assertEquals(List.of("text-align: left", "text-align: center", "text-align: right", ""),
                    styles(t.select("tbody td")), after);
            assertTrue(t.select("[align]").isEmpty(), t.outerHtml());
        }
    }

    private static List<String> styles(Elements cells) {
        return cells.stream().map(c -> c.attr("style")).toList();
    }

    @Test
    void rendersTheSeedPricingTableWithThreeColumnsAndNineBodyRows() {
        String table = """
                | Memory (MB) | Free tier seconds per month | Price per 100ms ($) |
                |-------------|-----------------------------|---------------------|
                |128  | 3,200,000 | 0.000000208|
                |...  | ... | ... |
                |512  | 800,000   | 0.000000834|
                |...  | ... | ... |
                |1024 | 400,000   | 0.000001667|
                |...  | ... | ... |
                |2048 | 200,000   | 0.000003334|
                |...  | ... | ... |
                |3008 | 136,170   | 0.000004897|
                """;

        Element body = render(table);

        Element t = body.selectFirst("table");
        assertNotNull(t, "a <table>");
        assertEquals(List.of("Memory (MB)", "Free tier seconds per month", "Price per 100ms ($)"),
                t.select("thead th").eachText());
        Elements rows = t.select("tbody tr");
        assertEquals(9, rows.size());
        for (Element row : rows) {
            assertEquals(3, row.select("td").size(), row.outerHtml());
        }
        assertEquals(List.of("128", "3,200,000", "0.000000208"), rows.get(0).select("td").eachText());
        assertEquals(List.of("3008", "136,170", "0.000004897"), rows.get(8).select("td").eachText());
    }

    @Test
    void givesFencedCodeOfAKnownLanguageItsClassAndHighlightedSpans() {
        Element body = render("```java\npublic class A { String s = \"x\"; } // note\n```\n");

        Element code = body.selectFirst("pre > code");
        assertNotNull(code);
        assertEquals("language-java", code.className());
        assertFalse(code.select("span.tok-keyword").isEmpty(), code.html());
        assertFalse(code.select("span.tok-string").isEmpty(), code.html());
        assertFalse(code.select("span.tok-comment").isEmpty(), code.html());
        assertEquals("public class A { String s = \"x\"; } // note\n", code.wholeText());
    }

    @Test
    void rendersFencedCodeWithoutLanguageAsPlainTextWithoutClassOrSpans() {
        Element body = render("```\nif (a < b && c > d) { return \"x\"; }\n```\n");

        Element code = body.selectFirst("pre > code");
        assertNotNull(code);
        assertFalse(code.hasAttr("class"), code.outerHtml());
        assertTrue(code.children().isEmpty(), code.html());
        assertEquals("if (a < b && c > d) { return \"x\"; }\n", code.wholeText());
    }

    @Test
    void theLanguageIsTheInfoStringsFirstWordBeforeAnyBraceOrComma() {
        String[] infos = {"java {.numberLines}", "java{.x}", "java,linenos", "java\tlinenos", "  java  ", "java\u000Bx"};
        for (String info : infos) {
            Element code = render("```" + info + "\nint a;\n```\n").selectFirst("pre > code");
            assertNotNull(code, info);
            assertEquals("language-java", code.className(), info);
        }
        Element braces = render("```{.java}\nint a;\n```\n").selectFirst("pre > code");
        assertNotNull(braces);
        assertFalse(braces.hasAttr("class"), "nothing before the brace names no language: " + braces.outerHtml());
    }

    @Test
    void keepsTheLanguageClassButAddsNoSpansForAnUnknownLanguage() {
        Element body = render("```klingon\nqapla' <b>batlh</b> & more\n```\n");

        Element code = body.selectFirst("pre > code");
        assertNotNull(code);
        assertEquals("language-klingon", code.className());
        assertTrue(code.children().isEmpty(), code.html());
        assertEquals("qapla' <b>batlh</b> & more\n", code.wholeText());
    }

    @Test
    void escapesAngleBracketsAndAmpersandsInCode() {
        String source = "<script>alert('x')</script> a && b &amp;\n";
        for (String info : List.of("", "java", "bash", "nosuchlanguage")) {
            String html = renderer.render("```" + info + "\n" + source + "```\n");

            assertFalse(html.contains("<script>"), html);
            Element code = Jsoup.parseBodyFragment(html).selectFirst("pre > code");
            assertNotNull(code);
            assertTrue(code.select("script").isEmpty(), html);
            assertEquals(source, code.wholeText(), "code text for info '" + info + "'");
        }
        assertTrue(renderer.render("```\n" + source + "```\n")
                .contains("&lt;script&gt;alert('x')&lt;/script&gt; a &amp;&amp; b &amp;amp;\n"));
    }

    @Test
    void keepsTheIndentationAndBlankLinesOfFencedCode() {
        String source = "def f(x):\n    if x:\n        return 1\n\n\n    return 2\n";
        for (String info : List.of("", "python", "unknown")) {
            Element body = render("Text.\n\n```" + info + "\n" + source + "```\n");

            assertEquals(source, body.selectFirst("pre > code").wholeText(), "info '" + info + "'");
        }
    }

    @Test
    void keepsTheIndentationAndBlankLinesOfFencedCodeInsideAListItem() {
        Element body = render("- step\n\n  ```java\n  if (x) {\n      y();\n\n\n  }\n  ```\n");

        assertEquals("if (x) {\n    y();\n\n\n}\n", body.selectFirst("li pre > code").wholeText());
    }

    @Test
    void keepsTheIndentationAndBlankLinesOfIndentedCode() {
        Element body = render("Text.\n\n    for x in y:\n        print(x)\n\n\n    done\n");

        assertEquals("for x in y:\n    print(x)\n\n\ndone\n", body.selectFirst("pre > code").wholeText());
    }

    @Test
    void escapesAngleBracketsAndAmpersandsInInlineCode() {
        Element body = render("Use `<T> & co` here.\n");

        Element code = body.selectFirst("p > code");
        assertNotNull(code);
        assertTrue(code.children().isEmpty());
        assertEquals("<T> & co", code.text());
    }

    @Test
    void keepsMarkdownCodeWhoseLinesEndInAHashUnchanged() {
        String source = "## Closed heading ##\nSee issue #\n";
        Element body = render("```markdown\n" + source + "```\n");

        assertEquals(source, body.selectFirst("pre > code").wholeText());
    }

    @Test
    void rendersIndentedCodeAsPlainEscapedText() {
        Element body = render("Text\n\n    a < b && \"c\" -- d\n");

        Element code = body.selectFirst("pre > code");
        assertNotNull(code);
        assertTrue(code.children().isEmpty(), code.html());
        assertEquals("a < b && \"c\" -- d\n", code.wholeText());
    }

    @Test
    void rendersStrikethroughAsDel() {
        Element body = render("This is ~~gone~~ now.\n");

        assertEquals("gone", body.select("p > del").text());
        assertFalse(body.text().contains("~~"));
    }

    @Test
    void linksAFootnoteReferenceToItsNoteAndBack() {
        Element body = render("A claim.[^src]\n\n[^src]: The source.\n");

        Element ref = body.selectFirst("p sup a[href^=#fn]");
        assertNotNull(ref, body.html());
        String noteId = ref.attr("href").substring(1);
        Element note = body.getElementById(noteId);
        assertNotNull(note, "the note #" + noteId);
        assertTrue(note.text().contains("The source."));
        Element back = note.selectFirst("a[href^=#fnref]");
        assertNotNull(back, note.outerHtml());
        assertNotNull(body.getElementById(back.attr("href").substring(1)), "the back link target");
        assertFalse(body.text().contains("[^src]"));
    }

    @Test
    void aNamedFootnoteHasKramdownsIdsSoThatOldDeepLinksStillLeadToIt() {
        // kramdown: fn:NAME, fnref:NAME, and fnref:NAME:1, :2... for the later references to the same note.
        Element body = render("""
                First[^source], then[^1], again[^source] and once more[^source].

                [^1]: A numbered note.
                [^source]: The source.
                """);

        assertEquals(List.of("fnref:source", "fnref:1", "fnref:source:1", "fnref:source:2"), body.select("p sup").eachAttr("id"));
        assertEquals(List.of("#fn:source", "#fn:1", "#fn:source", "#fn:source"), body.select("p sup a").eachAttr("href"));
        assertEquals(List.of("1", "2", "1", "1"), body.select("p sup a").eachText(), "numbered in the order of first reference");
        assertEquals(List.of("fn:source", "fn:1"), body.select("div.footnotes li").eachAttr("id"));
        assertEquals(List.of("#fnref:source", "#fnref:source:1", "#fnref:source:2"),
                body.getElementById("fn:source").select("a").eachAttr("href"));
        assertEquals(List.of("#fnref:1"), body.getElementById("fn:1").select("a").eachAttr("href"));
    }

    @Test
    void aFootnoteLabelThatIsNoKramdownNameIsNamedByItsNumber() {
        Element body = render("One[^a note], two[^2], three[^2 b].\n\n[^a note]: A.\n[^2]: B.\n[^2 b]: C.\n");

        // the third note's number, 3, is free; a label with a space cannot be an id
        assertEquals(List.of("fn:1", "fn:2", "fn:3"), body.select("div.footnotes li").eachAttr("id"));
        Element mixed = render("One[^x y], two[^1].\n\n[^x y]: A.\n[^1]: B.\n");
        assertEquals(List.of("fn:1", "fn:1-1"), mixed.select("div.footnotes li").eachAttr("id"));
        assertEquals(List.of("#fn:1", "#fn:1-1"), mixed.select("p sup a").eachAttr("href"));
    }

    @Test
    void writesFootnotesAsKramdownDoesWithItsClassesRolesAndBackLinks() {
        // kramdown 2.5's HTML (Jekyll 4.3): back links after a no-break space in a note's last paragraph, in a
        // paragraph of their own after a list or code; the second reference's link marked 2; no <hr>.
        String markdown = """
                Text[^a] here, again[^a].

                A list note[^list] and a code note[^code].

                [^a]: The note.
                [^list]: A list:

                    - one
                    - two

                [^code]: Code:

                        x = 1
                """;
        String kramdown = """
                <p>Text<sup id="fnref:a"><a href="#fn:a" class="footnote" rel="footnote" role="doc-noteref">1</a></sup> \
                here, again<sup id="fnref:a:1"><a href="#fn:a" class="footnote" rel="footnote" role="doc-noteref">1</a></sup>.</p>

                <p>A list note<sup id="fnref:list"><a href="#fn:list" class="footnote" rel="footnote" role="doc-noteref">2</a></sup> \
                and a code note<sup id="fnref:code"><a href="#fn:code" class="footnote" rel="footnote" role="doc-noteref">3</a></sup>.</p>

                <div class="footnotes" role="doc-endnotes">
                  <ol>
                    <li id="fn:a">
                      <p>The note.\u00a0<a href="#fnref:a" class="reversefootnote" role="doc-backlink">&#8617;</a>\u00a0\
                <a href="#fnref:a:1" class="reversefootnote" role="doc-backlink">&#8617;<sup>2</sup></a></p>
                    </li>
                    <li id="fn:list">
                      <p>A list:</p>

                      <ul>
                        <li>one</li>
                        <li>two</li>
                      </ul>
                      <p><a href="#fnref:list" class="reversefootnote" role="doc-backlink">&#8617;</a></p>
                    </li>
                    <li id="fn:code">
                      <p>Code:</p>

                      <pre><code>x = 1
                </code></pre>
                      <p><a href="#fnref:code" class="reversefootnote" role="doc-backlink">&#8617;</a></p>
                    </li>
                  </ol>
                </div>
                """;

        assertEquals(dom(kramdown), dom(renderer.render(markdown)));
    }

    @Test
    void aNoteReferencedOnceEndsItsParagraphWithOneBackLinkAsInKramdown() {
        String kramdown = """
                <p>Text<sup id="fnref:a"><a href="#fn:a" class="footnote" rel="footnote" role="doc-noteref">1</a></sup> here.</p>

                <div class="footnotes" role="doc-endnotes">
                  <ol>
                    <li id="fn:a">
                      <p>The note.\u00a0<a href="#fnref:a" class="reversefootnote" role="doc-backlink">&#8617;</a></p>
                    </li>
                  </ol>
                </div>
                """;

        assertEquals(dom(kramdown), dom(renderer.render("Text[^a] here.\n\n[^a]: The note.\n")));
    }

    /**
     * {@code html} as a browser builds it, printed without the whitespace between the blocks of a container (which
     * kramdown indents and Kiln does not); whitespace in a paragraph or code is kept.
     */
    private static String dom(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        for (Element container : body.select("body, div, ol, ul, li, blockquote")) {
            container.textNodes().stream().filter(TextNode::isBlank).forEach(TextNode::remove);
        }
        body.ownerDocument().outputSettings().prettyPrint(false);
        return body.html();
    }

    @Test
    void rendersAKramdownDefinitionListAsDtAndDd() {
        Element body = render("""
                Intro.

                Term
                : Its definition.

                Second term
                Third term
                : One definition
                : Another

                ~ a tilde starts no definition in kramdown
                """);

        Element dl = body.selectFirst("dl");
        assertNotNull(dl, body.html());
        assertEquals(List.of("Term", "Second term", "Third term"), dl.select("dt").eachText());
        assertEquals(List.of("Its definition.", "One definition", "Another"), dl.select("dd").eachText());
        assertEquals(List.of("Intro.", "~ a tilde starts no definition in kramdown"), body.select("p").eachText());
        assertFalse(body.text().contains(": "), body.html());
    }

    @Test
    void aDefinitionsTextStartsAfterAllTheSpacesAfterItsColonAsInKramdown() {
        // kramdown's syntax page (the TeXt theme's copy): <dd>Another ...</dd>; until 2026-12-07 a code block.
        String markdown = """
                Maruku
                :     Another Markdown-superset converter

                Long
                :     A definition
                      on two lines

                      and a second paragraph

                Tabbed
                :	Text
                """;
        for (MarkdownRenderer each : List.of(renderer, new MarkdownRenderer(new TokenHighlighter(), false))) {
            String html = each.render(markdown);
            Element body = Jsoup.parseBodyFragment(html).body();
            assertTrue(html.contains("<dd>Another Markdown-superset converter</dd>"), html);
            assertTrue(body.select("pre, code").isEmpty(), html);
            assertEquals(List.of("Maruku", "Long", "Tabbed"), body.select("dt").eachText());
            assertEquals(List.of("Another Markdown-superset converter",
                    "A definition on two lines and a second paragraph", "Text"), body.select("dd").eachText(), html);
        }
    }

    @Test
    void marksEveryUseOfADefinedAbbreviationAndHidesTheDefinition() {
        Element body = render("""
                HTML and CSS, but not HTML5 nor `HTML` in code.

                After a link, <https://example.com/>, HTML too.

                *[HTML]: Hyper Text Markup Language
                *[CSS]: Cascading Style Sheets
                """);

        assertEquals(List.of("HTML", "CSS", "HTML"), body.select("abbr").eachText());
        assertEquals(List.of("Hyper Text Markup Language", "Cascading Style Sheets", "Hyper Text Markup Language"),
                body.select("abbr").eachAttr("title"));
        assertEquals("HTML and CSS, but not HTML5 nor HTML in code. After a link, https://example.com/, HTML too.",
                body.text());
        assertTrue(body.select("code abbr, a abbr").isEmpty(), body.html());
    }

    @Test
    void readsAnAbbreviationDefinedIndentedOrInAListOrAQuoteAsKramdownDoes() {
        // flexmark cut such a definition at the line's offsets: it lost its name, and near the line's end it threw
        // (1. *[x]: y and - *[x]: stopped the build; found by randomInlineSyntaxRendersTheSame)
        String markdown = """
                - *[HTML]: Hyper Text

                  *[CSS]: Style

                > *[JS]: Script

                1. *[x]: y

                - *[z]:

                HTML, CSS, JS, x and z.
                """;
        for (MarkdownRenderer each : List.of(renderer, new MarkdownRenderer(new TokenHighlighter(), false))) {
            Element body = Jsoup.parseBodyFragment(each.render(markdown)).body();
            // an empty expansion marks nothing (kramdown writes a bare <abbr>; flexmark's extension skips it)
            assertEquals(List.of("HTML", "CSS", "JS", "x"), body.select("abbr").eachText(), body.html());
            assertEquals(List.of("Hyper Text", "Style", "Script", "y"), body.select("abbr").eachAttr("title"));
            assertEquals("HTML, CSS, JS, x and z.", body.text());
        }
    }

    @Test
    void rendersTaskListItemsAsCheckboxes() {
        Element body = render("- [ ] write tests\n- [x] read code\n");

        Elements boxes = body.select("li input[type=checkbox]");
        assertEquals(2, boxes.size(), body.html());
        assertFalse(boxes.get(0).hasAttr("checked"));
        assertTrue(boxes.get(1).hasAttr("checked"));
        assertEquals(List.of("write tests", "read code"),
                body.select("li").eachText().stream().map(String::strip).toList());
        assertFalse(body.text().contains("[x]"));
    }

    @Test
    void turnsStraightQuotesAndDashesIntoTypographicOnesInProse() {
        Element body = render("She said \"it's fine\" -- and left --- for 'good'...\n");

        assertEquals("She said \u201cit\u2019s fine\u201d \u2013 and left \u2014 for \u2018good\u2019\u2026",
                body.selectFirst("p").text());
    }

    @Test
    void keepsStraightQuotesAndDashesInsideInlineCode() {
        Element body = render("Run `git log --oneline \"it's\" ---` now.\n");

        assertEquals("git log --oneline \"it's\" ---", body.selectFirst("code").text());
    }

    @Test
    void keepsStraightQuotesAndDashesInsideFencedCode() {
        String code = "echo \"it's\" -- 'x' --- ...\n";
        for (String info : List.of("", "bash", "unknown")) {
            Element body = render("```" + info + "\n" + code + "```\n");

            assertEquals(code, body.selectFirst("pre > code").wholeText(), "info '" + info + "'");
        }
    }

    @Test
    void keepsStraightQuotesAndDashesInsideIndentedCode() {
        Element body = render("Para.\n\n    say \"hi\" -- 'you'\n");

        assertEquals("say \"hi\" -- 'you'\n", body.selectFirst("pre > code").wholeText());
    }

    @Test
    void keepsLinkUrlsAndAutolinksExactlyAsWritten() {
        Element body = render("""
                A [link](https://example.com/a--b?q=it's&r=--- "a title") and
                <https://example.com/it's--here> and https://example.com/bare--url and www.example.com/w--w.
                """);

        Elements links = body.select("a");
        assertEquals(4, links.size(), body.html());
        assertEquals("https://example.com/a--b?q=it's&r=---", links.get(0).attr("href"));
        assertEquals("https://example.com/it's--here", links.get(1).attr("href"));
        assertEquals("https://example.com/it's--here", links.get(1).text());
        assertEquals("https://example.com/bare--url", links.get(2).attr("href"));
        assertEquals("https://example.com/bare--url", links.get(2).text());
        assertTrue(links.get(3).attr("href").endsWith("www.example.com/w--w"), links.get(3).attr("href"));
        assertEquals("www.example.com/w--w", links.get(3).text());
    }

    @Test
    void keepsImageUrlsExactlyAsWritten() {
        Element img = render("![A \"nice\" -- picture](images/a--b.png)\n").selectFirst("img");

        assertNotNull(img);
        assertEquals("images/a--b.png", img.attr("src"));
    }

    @Test
    void aDestinationInPointyBracketsMayHoldSpacesAsCommonMarkSaysAndIsWrittenWithPercentTwenty() {
        // CommonMark 0.29+: [link](</my uri>) is <a href="/my%20uri">; flexmark 0.64 printed the Markdown as text.
        String markdown = """
                ![photo](</assets/img/My Photo.png>) and [folder](<../x y/> "A title"), [ref][r].

                [r]: <../files/a	b c.pdf>
                """;
        // Kiln's own writer, and flexmark's (which a footnote sends the page to), alike.
        for (String page : List.of(markdown, markdown + "\nNote[^1].\n\n[^1]: A note.\n")) {
            Element body = render(page);
            assertEquals("/assets/img/My%20Photo.png", body.selectFirst("img").attr("src"), body.html());
            assertEquals("photo", body.selectFirst("img").attr("alt"));
            assertEquals(List.of("../x%20y/", "../files/a%09b%20c.pdf"),
                    body.select("a:not(.footnote, .reversefootnote)").eachAttr("href"), body.html());
            assertEquals("A title", body.selectFirst("a").attr("title"));
        }
    }

    @Test
    void aDestinationWithASpaceOutsidePointyBracketsStaysTextAsInCommonMark() {
        // CommonMark's example: [link](/my uri) is not a link; kramdown (Jekyll) made it one.
        Element body = render("[link](/my uri) and ![i](</a\nb.png>)\n");

        assertTrue(body.select("a, img").isEmpty(), body.html());
        assertEquals("[link](/my uri) and ![i](</a b.png>)", body.text()); // the line break, as text shows it
    }
}
