package dev.kiln.markdown;

import dev.kiln.highlight.TokenHighlighter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Kramdown attribute lists ({@code {: .class #id}}) as Jekyll posts write them. */
class KramdownAttributeListTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer(new TokenHighlighter());

    private Element render(String markdown) {
        Element body = Jsoup.parseBodyFragment(renderer.render(markdown)).body();
        assertNoStrayAttributeList(body);
        return body;
    }

    /** No {@code :=""} attribute (flexmark's reading of an unconverted "{:") and no "{:" text outside code. */
    private static void assertNoStrayAttributeList(Element body) {
        for (Element e : body.getAllElements()) {
            for (Attribute a : e.attributes()) {
                assertFalse(a.getKey().contains(":"), "stray attribute " + a.html() + " in " + e.outerHtml());
            }
        }
        Element prose = body.clone();
        prose.select("code").remove();
        assertFalse(prose.text().contains("{:"), "stray attribute list text in " + prose.html());
        assertFalse(prose.text().contains("center-image"), "stray attribute list text in " + prose.html());
    }

    @Test
    void bracesThatHoldNoAttributeListStayText() {
        Element body = render("""
                Use the {name} placeholder in /users/{id}/posts, {{ x }} and \\begin{aligned}.

                ## The {foo} option

                Pairs like {a b} and {x: 1} too.
                """);

        assertEquals("Use the {name} placeholder in /users/{id}/posts, {{ x }} and \\begin{aligned}.",
                body.selectFirst("p").text());
        assertEquals("The {foo} option", body.selectFirst("h2").text());
        assertEquals("the-foo-option", body.selectFirst("h2").id());
        assertEquals("Pairs like {a b} and {x: 1} too.", body.select("p").get(1).text());
        assertTrue(body.select("span").isEmpty(), body.html());
    }

    /** Each case's HTML as kramdown 2.4 (Jekyll 4's GFM input) writes it, spaces between tags aside. */
    @Test
    void keepsBracesThatKramdownReadsAsTextAsWritten() {
        String[][] cases = {
                {"The call returns {:ok, pid} or {:error, reason}.", "<p>The call returns {:ok, pid} or {:error, reason}.</p>"},
                {"A Ruby hash {:a => 1} and {:name}.", "<p>A Ruby hash {:a =&gt; 1} and {:name}.</p>"},
                {"Set ${HOME} and {#anchor} and {.cls} mid text.", "<p>Set ${HOME} and {#anchor} and {.cls} mid text.</p>"},
                {"Shell: `x` then {: .not-ial} trailing.", "<p>Shell: <code>x</code> then {: .not-ial} trailing.</p>"},
                {"Line ends with an ial-like {: #id}", "<p>Line ends with an ial-like {: #id}</p>"},
                {"*e* {: .sp} and *em*{.nc} and *em*{#nid}", "<p><em>e</em> {: .sp} and <em>em</em>{.nc} and <em>em</em>{#nid}</p>"},
                {"a\\*{: .esc} and a *{: .x}", "<p>a*{: .esc} and a *{: .x}</p>"},
                {"Para\n{.cls}", "<p>Para\n{.cls}</p>"},
                {"{:::comment} and {:/}", "<p>{:::comment} and {:/}</p>"},
                {"(a){: .y} and [a]{: .z} and x_{: .u}", "<p>(a){: .y} and [a]{: .z} and x_{: .u}</p>"},
        };
        for (String[] c : cases) {
            String html = renderer.render(c[0] + "\n").strip();
            assertEquals(c[1], html, c[0]);
        }
    }

    @Test
    void takesAListOnlyWhereKramdownDoes() {
        // kramdown 2.4: <p class="p1">Para</p>, <em class="x">em</em>, <strong class="y">, <a href="/u" class="z">,
        // <img ... class="w" />, <code class="v">; {:ok, pid} right after a span is a list of nothing (refs, no attributes).
        Element body = render("Para\n{: .p1}\n\n*em*{: .x} **st**{:.y} [l](/u){: .z} ![i](/i.png){: .w} `c`{: .v} _e_{:ok, pid}\n");

        assertTrue(body.selectFirst("p").hasClass("p1"), body.html());
        Element spans = body.select("p").get(1);
        assertEquals("x", spans.selectFirst("em").className());
        assertEquals("y", spans.selectFirst("strong").className());
        assertEquals("z", spans.selectFirst("a").className());
        assertEquals("w", spans.selectFirst("img").className());
        assertEquals("v", spans.selectFirst("code").className());
        assertEquals("em st l c e", spans.text());
    }

    @Test
    void aListRightAfterAnAutolinkIsTheLinks() {
        // kramdown 2.4: <a href="https://b.org/x_y" target="_blank">https://b.org/x_y</a>, <a href="mailto:a@b.c"
        // class="z">a@b.c</a>; footnotes whose text is such a link are common in Jekyll posts, and a note's last
        // paragraph takes its lists as any paragraph does.
        Element body = render("See <https://b.org/x_y>{:target=\"_blank\"} or <a@b.c>{: .z}."
                + "[^1][^2]\n\n[^1]: <https://boinc.berkeley.edu/>{:target=\"_blank\"}\n[^2]: See [this](/u){: .q}.\n");

        Element link = body.selectFirst("a[href=https://b.org/x_y]");
        assertEquals("_blank", link.attr("target"));
        assertEquals("https://b.org/x_y", link.text());
        assertEquals("z", body.selectFirst("a[href=mailto:a@b.c]").className());
        assertEquals("_blank", body.selectFirst(".footnotes a[href=https://boinc.berkeley.edu/]").attr("target"));
        assertEquals("q", body.selectFirst(".footnotes a[href=/u]").className());
        assertEquals("See https://b.org/x_y or a@b.c.12", body.selectFirst("p").text());
    }

    @Test
    void appliesAttributeListDefinitionsWhereTheyAreReferenced() {
        // kramdown 2.4: <p class="warning">Warned</p>, <p class="warning big" id="w2">Also</p>, <em class="warning">em</em>;
        // the definition writes nothing, an unknown reference adds nothing.
        Element body = render("{:warn: .warning}\n{:big: warn .big}\n\nWarned\n{: warn}\n\nAlso\n{: big #w2 nothing}\n\n"
                + "An *em*{: warn} here.\n\nLast\n{: nothing}\n");

        assertEquals(4, body.select("p").size(), body.html());
        assertEquals("warning", body.select("p").get(0).className());
        assertEquals("Warned", body.select("p").get(0).text());
        assertEquals("warning big", body.select("p").get(1).className());
        assertEquals("w2", body.select("p").get(1).id());
        assertEquals("warning", body.selectFirst("em").className());
        assertEquals("Last", body.select("p").get(3).text());
        assertFalse(body.select("p").get(3).hasAttr("class"));
        assertFalse(body.text().contains("warn:"), body.html());
    }

    @Test
    void putsTheClassOnTheImageWhenTheListFollowsItOnTheSameLine() {
        Element body = render("![](assets/images/lambda.png){: .center-image }\n\nText.\n");

        Element img = body.selectFirst("img");
        assertNotNull(img);
        assertTrue(img.hasClass("center-image"), img.outerHtml());
        assertEquals("assets/images/lambda.png", img.attr("src"));
    }

    @Test
    void acceptsAnAttributeListWithoutSpaces() {
        Element img = render("![](a.png){:.center-image}\n").selectFirst("img");

        assertNotNull(img);
        assertTrue(img.hasClass("center-image"), img.outerHtml());
    }

    @Test
    void putsTheClassOnTheParagraphWhenTheListIsOnTheNextLine() {
        Element body = render("A short note.\n{: .note }\n\nAnother paragraph.\n");

        Element p = body.selectFirst("p");
        assertNotNull(p);
        assertTrue(p.hasClass("note"), p.outerHtml());
        assertEquals("A short note.", p.text());
        assertFalse(body.select("p").get(1).hasAttr("class"));
    }

    /** Each case's HTML as kramdown 2.4 (Jekyll 4's GFM input) writes it, spaces between tags aside. */
    @Test
    void aListBetweenTwoLinesOfTextEndsTheParagraphAndIsItsAsInKramdown() {
        String[][] cases = {
                {"A.\n{:.c}\nB.", "<p class=\"c\">A.</p>\n<p>B.</p>"},
                {"A.\n{:.c}\n    code", "<p class=\"c\">A.</p>\n<pre><code>code\n</code></pre>"},
                {"> q\n> {: .c}\n> r", "<blockquote>\n<p class=\"c\">q</p>\n<p>r</p>\n</blockquote>"},
                {"> q\n{: .c}\n> r", "<blockquote class=\"c\">\n<p>q</p>\n</blockquote>\n<blockquote>\n<p>r</p>\n</blockquote>"},
        };
        for (String[] c : cases) {
            assertEquals(c[1], renderer.render(c[0] + "\n").strip(), c[0]);
        }
        // Hydejack's footnote: the note's first paragraph takes the class (flexmark gave it to the note's <li>).
        Element note = render("Text.[^1]\n\n[^1]: Price reduced.\n    {:.ppi}\n    If you are upgrading.\n")
                .selectFirst("li#fn\\:1");
        assertEquals("<p class=\"ppi\">Price reduced.</p>", note.child(0).outerHtml());
        // Not indented, the list is outside the note in kramdown, which drops it: <p>Only para</p>
        Element lazy = render("Ref[^1].\n\n[^1]: Only para\n{:.ppi}\n").selectFirst("div.footnotes li");
        assertEquals(0, lazy.select(".ppi").size(), lazy.outerHtml());
        assertEquals(2, note.childrenSize(), note.outerHtml());
        assertTrue(note.child(1).text().startsWith("If you are upgrading."), note.outerHtml());
        assertEquals("", note.className());
    }

    @Test
    void takesTheHeadingIdAndClassFromItsAttributeListOnTheNextLineAndItsIdFromItsOwnLine() {
        Element body = render("## Title\n{: #custom .cls}\n\n## Other {#own}\n\nText.\n");

        Element h2 = body.selectFirst("h2");
        assertNotNull(h2);
        assertEquals("custom", h2.id());
        assertTrue(h2.hasClass("cls"), h2.outerHtml());
        assertEquals("Title", h2.text());
        assertEquals("own", body.select("h2").get(1).id());
        assertEquals("Other", body.select("h2").get(1).text());
    }

    @Test
    void givesAListAtTheEndOfAHeadingsLineToTheHeadingAsKilnAlwaysDidAndHugoDoes() {
        // kramdown 2.4 shows these as text; Kiln gave them to the heading until 2026-12-07 (README), and Hugo does:
        // pages written for either keep their ids, and links to them their target.
        Element body = Jsoup.parseBodyFragment(renderer.render(
                "## Title {: #custom .cls}\n\n## Head {.hc}\n\n## Plain {#plain}\n\nText {: .x} and {#y} stay.\n")).body();

        assertEquals(List.of("custom", "head", "plain"), body.select("h2").eachAttr("id"));
        assertEquals(List.of("Title", "Head", "Plain"), body.select("h2").eachText());
        assertEquals(List.of("cls", "hc", ""), body.select("h2").stream().map(h -> h.attr("class")).toList());
        assertEquals("Text {: .x} and {#y} stay.", body.selectFirst("p").text());
    }

    @Test
    void readsBlockListsInAFileWithWindowsLineEnds() {
        Element body = Jsoup.parseBodyFragment(renderer.render(
                "Para\r\n{: .x}\r\n\r\n{:d: .w}\r\nP2\r\n{: d}\r\n")).body();

        assertEquals(List.of("x", "w"), body.select("p").eachAttr("class"), body.html());
        assertFalse(body.text().contains("{"), body.html());
    }

    @Test
    void leavesRawHtmlAndAutolinksAsWritten() {
        Element body = Jsoup.parseBodyFragment(renderer.render(
                "<pre>\niex> start()\n{:ok, pid}\n{a=1, b=2}\n</pre>\n\n<div class=\"note\">\n{: .x}\n{:ref: .y}\n</div>\n\n"
                        + "See <https://x.com/a_b_{.c}> and <span title=\"*a*{.b}\">t</span>.\n")).body();

        assertEquals("iex> start()\n{:ok, pid}\n{a=1, b=2}\n", body.selectFirst("pre").wholeText());
        assertEquals("{: .x}\n{:ref: .y}", body.selectFirst("div.note").text().replace(" {:ref", "\n{:ref"));
        assertEquals("https://x.com/a_b_{.c}", body.selectFirst("a").attr("href"));
        assertEquals("*a*{.b}", body.selectFirst("span").attr("title"));
    }

    @Test
    void aDefinitionThatRefersToItselfAddsNothingAndEnds() {
        Element body = Jsoup.parseBodyFragment(renderer.render(
                "{:a: .k a a a a a a a a a a a a}\n\nPara\n{: a}\n")).body();

        assertEquals("k", body.selectFirst("p").attr("class"));
    }

    @Test
    void putsTheClassOnATableWhenTheListFollowsIt() {
        Element body = render("| a | b |\n|---|---|\n| 1 | 2 |\n{: .wide }\n");

        Element table = body.selectFirst("table");
        assertNotNull(table);
        assertTrue(table.hasClass("wide"), table.outerHtml());
    }

    @Test
    void aListOnTheLineBeforeABlockIsThatBlocksAsInKramdown() {
        // kramdown 2.4 (Jekyll 4.3): <h1 class="section-heading" id="tags">, <p>Intro.</p>, <blockquote class="c1">,
        // <ul class="c2">, the code block's c3, <h2 class="c4" id="heading">, <pre class="c5">: a list alone on its line
        // after a blank line (or first) is the next block's. Until 2026-12-07 each went one block up, the first nowhere.
        Element body = render("""
                {: #tags .section-heading}
                # TIFF Tags

                Intro.

                {: .c1}
                > quote one

                {: .c2}
                - item

                {: .c3}
                ```ruby
                x = 1
                ```

                {: .c4}
                ## Heading

                {: .c5}
                    indented
                """);

        Element h1 = body.selectFirst("h1");
        assertEquals("tags", h1.id(), body.html());
        assertEquals("section-heading", h1.className(), body.html());
        assertEquals("TIFF Tags", h1.text());
        assertEquals("Intro.", body.selectFirst("p").text());
        assertFalse(body.selectFirst("p").hasAttr("class"), body.html());
        assertEquals("c1", body.selectFirst("blockquote").className(), body.html());
        assertEquals("c2", body.selectFirst("ul").className(), body.html());
        assertEquals("c3", body.select("pre").get(0).className(), body.html());
        assertEquals("x = 1\n", body.select("pre").get(0).wholeText());
        assertEquals("c4", body.selectFirst("h2").className(), body.html());
        assertEquals("heading", body.selectFirst("h2").id(), body.html());
        assertEquals("c5", body.select("pre").get(1).className(), body.html());
        assertEquals("indented\n", body.select("pre").get(1).wholeText());
        assertEquals(1, body.select("body > p").size(), body.html());
    }

    @Test
    void aListOnTheLineBeforeATableKeepsTheTableAndIsItsAsInKramdown() {
        // kramdown 2.4: <table class="table table-striped"> (Bootstrap themes style tables only through it); until
        // 2026-12-07 the list and the rows were one paragraph of pipes, the separator row turned into dashes.
        Element body = render("Results:\n\n{: .table .table-striped}\n| a | b |\n|---|---|\n| 1 | 2 |\n");

        Element table = body.selectFirst("table");
        assertNotNull(table, body.html());
        assertEquals("table table-striped", table.className());
        assertEquals(List.of("a", "b"), table.select("th").eachText());
        assertEquals(List.of("1", "2"), table.select("td").eachText());
        assertEquals("Results:", body.selectFirst("p").text());
        assertFalse(body.selectFirst("p").hasAttr("class"), body.html());
    }

    @Test
    void aListAfterABlankLineGoesDownOverBlankLinesAndInsideContainersAndOneBeforeNothingIsDropped() {
        // kramdown 2.4: <blockquote class="a b">, the second list's <ul class="x">, a quote's <ul class="y">, an item's
        // <blockquote class="z">, <p>Last</p> (a list after it and a blank line, with nothing below, belongs to no block).
        Element body = render("""
                Para

                {: .a}

                {: .b}
                > q

                - item

                {: .x}
                - item2

                > p
                >
                > {: .y}
                > - l

                - i

                  {: .z}
                  > iq

                Last

                {: .gone}
                """);

        assertEquals(List.of("Para", "Last"), body.select("body > p").eachText(), body.html());
        assertTrue(body.select("p[class]").isEmpty(), body.html());
        assertEquals("a b", body.selectFirst("body > blockquote").className(), body.html());
        assertEquals(List.of("", "x"), body.select("body > ul").stream().limit(2).map(Element::className).toList(),
                body.html());
        assertEquals("y", body.selectFirst("blockquote > ul").className(), body.html());
        assertFalse(body.selectFirst("blockquote > p").hasAttr("class"), body.html());
        assertEquals("z", body.selectFirst("li > blockquote").className(), body.html());
        assertTrue(body.select("li[class]").isEmpty(), body.html());
    }

    @Test
    void putsTheClassOnTheListWhenTheListFollowsItsLastItem() {
        // kramdown: a block attribute list belongs to the block it follows; flexmark read it as the last item's text.
        Element body = render("- a\n- b\n{: .c}\n\n1. one\n2. two\n{:#steps}\n");

        assertTrue(body.selectFirst("ul").hasClass("c"), body.html());
        assertEquals("steps", body.selectFirst("ol").id(), body.html());
        assertTrue(body.select("li[class], li[id]").isEmpty(), body.html());
        assertEquals(List.of("a", "b", "one", "two"), body.select("li").eachText());
    }

    @Test
    void putsTheClassOnTheNestedListWhenTheListIsIndentedAsTheOuterItemsText() {
        Element body = render("1. x\n   - y\n   {: .inner}\n2. z\n");

        assertTrue(body.selectFirst("ol > li > ul").hasClass("inner"), body.html());
        assertFalse(body.selectFirst("ol").hasAttr("class"), body.html());
        assertTrue(body.select("li[class]").isEmpty(), body.html());
    }

    @Test
    void putsTheClassOnTheQuoteWhenTheListFollowsIt() {
        Element body = render("> A quote.\n{: .note}\n\nAfter.\n");

        Element quote = body.selectFirst("blockquote");
        assertTrue(quote.hasClass("note"), body.html());
        assertFalse(quote.selectFirst("p").hasAttr("class"), body.html());
        assertEquals("A quote.", quote.text());
    }

    @Test
    void putsTheClassOnTheParagraphInsideTheQuoteWhenTheListIsQuotedToo() {
        Element body = render("> A quote.\n> {: .note}\n");

        assertFalse(body.selectFirst("blockquote").hasAttr("class"), body.html());
        assertTrue(body.selectFirst("blockquote > p").hasClass("note"), body.html());
    }

    @Test
    void putsTheAttributesOfACodeBlockOnItsPre() {
        Element body = render("```ruby\nx = 1\n```\n{: .wide #listing}\n\n    indented\n{: .plain}\n");

        Element fenced = body.select("pre").get(0);
        assertTrue(fenced.hasClass("wide"), body.html());
        assertEquals("listing", fenced.id());
        assertEquals("language-ruby", fenced.selectFirst("code").className(), "the language stays on the code");
        assertEquals("x = 1\n", fenced.selectFirst("code").wholeText());
        assertTrue(body.select("pre").get(1).hasClass("plain"), body.html());
        assertTrue(body.select("p").isEmpty(), body.html());
    }

    @Test
    void appliesAttributeListsInsideListItemsIndentedFourSpaces() {
        // kramdown lists are commonly indented four spaces; such lines are list content, not code.
        Element body = render("""
                1. Open the console

                    ![](console.png){: .center-image }

                2. Deploy
                    ![](deploy.png){:.center-image}
                """);

        assertEquals(2, body.select("li img").size(), body.html());
        for (Element img : body.select("li img")) {
            assertTrue(img.hasClass("center-image"), img.outerHtml());
        }
        assertTrue(body.select("pre").isEmpty(), body.html());
    }

    @Test
    void leavesAnAttributeListInsideInlineCodeUntouched() {
        Element body = render("Write `![](x.png){: .center-image }` after an image, or ``{:.x}``.\n");

        assertEquals(2, body.select("code").size());
        assertEquals("![](x.png){: .center-image }", body.select("code").get(0).text());
        assertEquals("{:.x}", body.select("code").get(1).text());
    }

    @Test
    void appliesAnAttributeListOnALineThatStartsWithInlineCode() {
        Element body = render("`{: .x}` marks a class: ![](a.png){: .center-image }\n");

        assertEquals("{: .x}", body.selectFirst("code").text());
        assertTrue(body.selectFirst("img").hasClass("center-image"), body.html());
    }

    @Test
    void leavesAnAttributeListInsideFencedCodeUntouched() {
        String code = "![](x.png){: .center-image }\n{: .note}\nh = {:a => 1}\n";
        for (String fence : new String[] {"```", "```markdown", "~~~ruby"}) {
            String close = fence.substring(0, 3);
            Element body = render(fence + "\n" + code + close + "\n\nAfter.\n");

            assertEquals(code, body.selectFirst("pre > code").wholeText(), "fence " + fence);
            assertFalse(body.selectFirst("p").hasAttr("class"));
        }
    }

    @Test
    void leavesAnAttributeListInsideFencedCodeInsideAListItemUntouched() {
        Element body = render("1. Install\n\n    ```ruby\n    h = {:a => 1}\n    ```\n\n    ![](x.png){: .center-image }\n");

        assertEquals("h = {:a => 1}\n", body.selectFirst("li pre > code").wholeText());
        assertTrue(body.selectFirst("li img").hasClass("center-image"), body.html());
    }

    @Test
    void leavesAnAttributeListInsideIndentedCodeUntouched() {
        Element body = render("Ruby hashes:\n\n    h = {:a => 1}\n    {: .x}\n\nAfter.\n");

        assertEquals("h = {:a => 1}\n{: .x}\n", body.selectFirst("pre > code").wholeText());
    }

    @Test
    void keepsTheFenceOpenUntilItsOwnClosingFence() {
        // A shorter or different fence inside does not close the block; the list after it is prose again.
        Element body = render("````\n```\n{: .x}\n~~~\n````\n\nText\n{: .after}\n");

        assertEquals("```\n{: .x}\n~~~\n", body.selectFirst("pre > code").wholeText());
        assertTrue(body.selectFirst("p").hasClass("after"), body.html());
    }
}
