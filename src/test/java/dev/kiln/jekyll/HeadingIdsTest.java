package dev.kiln.jekyll;

import dev.kiln.highlight.Highlighter;
import dev.kiln.markdown.MarkdownRenderer;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The ids Jekyll (kramdown) gave headings, kept by {@code {#id}} where Kiln's own would differ. */
class HeadingIdsTest {

    private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer(Highlighter.plain());
    private static final HeadingIds.Rule GFM = new HeadingIds.Rule(HeadingIds.Input.GFM, "", true);
    private static final HeadingIds.Rule KRAMDOWN = new HeadingIds.Rule(HeadingIds.Input.KRAMDOWN, "", false);

    private static List<String> ids(String markdown, HeadingIds.Rule rule) {
        return HeadingIds.ids(MARKDOWN.headings(markdown), rule);
    }

    private static String pin(String markdown, HeadingIds.Rule rule) {
        return HeadingIds.pin(markdown, rule, MARKDOWN::headings);
    }

    /** The ids of the headings Kiln renders from {@code markdown}, in order. */
    private static List<String> kilnIds(String markdown) {
        return MARKDOWN.headings(markdown).stream().map(MarkdownRenderer.SourceHeading::id).toList();
    }

    @Test
    void gfmIdsAreAsJekyllWroteThem() {
        // Each pair as Jekyll 4.3.1 (kramdown 2.4.0, kramdown-parser-gfm 1.1.0) wrote it, by bench/jekyll-urls.py
        // or by hand.
        String md = "## Part 1 - Setup\n\n## snake_case_name\n\n## Emoji 😀 time\n\n## İstanbul\n\n## cafe\u0301\n\n"
                + "## ½ measure\n\n## Tab\there\n\n## Use `git rebase -i` C++ &amp; Rust\n\n## [A link](http://example.com/x)\n\n"
                + "## ![img](/x.png) alt\n\n## <em>html</em> tag\n\n## Σίσυφος ΣΑΣ\n\n## `` a ``\n\n## <https://x.org/a>\n\n"
                + "## A {#1st}\n\n## B {#x} ##\n\n## x\n\n## x\n\n## x-1\n\n### Step 2: Install &#169; 2020 {braces} {#own-id-6} ###\n";
        assertEquals(List.of("part-1---setup", "snake_case_name", "emoji--time", "i\u0307stanbul", "cafe\u0301", "-measure",
                "tab-here", "use-git-rebase--i-c--rust", "a-link", "-alt", "html-tag", "σίσυφος-σασ", "a", "httpsxorga",
                "a-1st", "b-x", "x", "x-1", "x-1", "step-2-install--2020-braces-own-id-6"), ids(md, GFM));
    }

    @Test
    void kramdownInputIdsAreMadeFromTheHeadingAsWritten() {
        String md = "## Hello, World!\n\n## 1. Setup and install\n\n## snake_case\n\n## 123\n\n## Use `code`\n\n"
                + "## [A link](http://x)\n\n## Hello, World!\n\n## Hello, World!\n\n## Own {#own}\n";
        assertEquals(java.util.Arrays.asList("hello-world", "setup-and-install", "snakecase", "section", "use-code",
                "a-linkhttpx", "hello-world-1", "hello-world-2", null), ids(md, KRAMDOWN));
        assertEquals(java.util.Arrays.asList("p-hello-world", "p-setup-and-install"),
                ids("# Hello, World!\n\n# 1. Setup and install\n", new HeadingIds.Rule(HeadingIds.Input.KRAMDOWN, "p-", false)));
    }

    @Test
    void headingsWhoseKilnIdDiffersGetJekyllsAndTheOthersStayAsWritten() {
        String md = "Intro.\n\n## Part 1 - Setup\n\n## İstanbul\n\nText.\n\n![logo](/logo.png) Set up\n------\n\n"
                + "## Own {#mine}\n\n- ## cafe\u0301 in a list\n\n> ## Quoted -- dash\n\n```\n## not a heading\n```\n";
        String pinned = pin(md, GFM);

        assertEquals("Intro.\n\n## Part 1 - Setup\n\n## İstanbul {#i\u0307stanbul}\n\nText.\n\n"
                + "![logo](/logo.png) Set up {#-set-up}\n------\n\n## Own {#mine}\n\n"
                + "- ## cafe\u0301 in a list {#cafe\u0301-in-a-list}\n\n> ## Quoted -- dash {#quoted--dash}\n\n"
                + "```\n## not a heading\n```\n", pinned);
        assertEquals(List.of("part-1---setup", "i\u0307stanbul", "-set-up", "mine", "cafe\u0301-in-a-list", "quoted--dash"),
                kilnIds(pinned), "Kiln now renders Jekyll's ids");
    }

    @Test
    void anIdFromAnAttributeListOnTheLineBeforeTheHeadingIsLeftToIt() {
        // kramdown 2.4: <h2 class="x" id="tags">, <h2 class="cls" id="i̇stanbul">: a list on the line before a block,
        // after a blank line, is that block's. An id added to the heading's line would take the list's id's place.
        String md = "Intro.\n\n{: #tags .x}\n## İstanbul\n\n{: .cls}\n## İstanbul\n";
        String pinned = pin(md, GFM);

        assertEquals("Intro.\n\n{: #tags .x}\n## İstanbul\n\n{: .cls}\n## İstanbul {#i\u0307stanbul}\n", pinned);
        assertEquals(List.of("tags", "i\u0307stanbul"),
                org.jsoup.Jsoup.parse(MARKDOWN.render(pinned)).select("h2").eachAttr("id"));
    }

    @Test
    void duplicatesAreNumberedAsJekyllNumberedThem() {
        // Jekyll: a--b, a--b-1, a--b-2; Kiln's own ids: a----b, a--b, a----b-1.
        String md = "## A -- B\n\n## A  B\n\n## A -- B\n";
        String pinned = pin(md, GFM);

        assertEquals(List.of("a--b", "a--b-1", "a--b-2"), ids(md, GFM));
        assertEquals(ids(md, GFM), kilnIds(pinned), pinned);
    }

    @Test
    void anIdKramdownReadAsTextInAClosedHeadingIsReplacedByItsOwn() {
        String pinned = pin("## B {#x} ##\n", GFM);

        assertEquals(List.of("b-x"), kilnIds(pinned), pinned);
    }

    @Test
    void theRuleIsTakenFromTheSitesMarkdownSettings() {
        assertEquals(GFM, HeadingIds.Rule.of(config(Map.of())));
        assertEquals(new HeadingIds.Rule(HeadingIds.Input.GFM, "h-", true),
                HeadingIds.Rule.of(config(Map.of("kramdown", Map.of("auto_id_prefix", "h-")))));
        assertEquals(KRAMDOWN, HeadingIds.Rule.of(config(Map.of("kramdown", Map.of("input", "kramdown")))));
        assertEquals(HeadingIds.Input.NONE, HeadingIds.Rule.of(config(Map.of("kramdown", Map.of("auto_ids", false)))).input());
        assertEquals(HeadingIds.Input.NONE, HeadingIds.Rule.of(config(Map.of("markdown", "CommonMarkGhPages"))).input());
        assertEquals("## Part 1 - Setup\n", pin("## Part 1 - Setup\n", HeadingIds.Rule.of(config(Map.of("markdown", "CommonMark")))));
    }

    private static JekyllConfig config(Map<String, Object> values) {
        return new JekyllConfig(null, null, null, "", "", "date", "UTC", ZoneId.of("UTC"), null, List.of(), List.of(),
                new LinkedHashMap<>(values));
    }
}
