package dev.kiln.markdown;

import dev.kiln.build.Build;
import dev.kiln.config.SiteConfig;
import dev.kiln.highlight.TokenHighlighter;
import dev.kiln.html.Body;
import dev.kiln.html.BodyProcessor;
import dev.kiln.testing.Kiln;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * site.yml's {@code emoji: true}, Hugo's {@code enableEmoji = true}: {@code :smile:} is 😄 as Hugo 0.111.3 wrote it,
 * in both of Kiln's Markdown parsers; {@code emoji: text}, Jekyll's jemoji: the same in the page's text only, code,
 * raw {@code pre}, {@code code} and {@code tt} and attributes left as written, the same from both of Kiln's HTML
 * writers; a site without it keeps the codes as text.
 */
class EmojiTest {

    private static final MarkdownRenderer QUICK = new MarkdownRenderer(new TokenHighlighter(), true);
    private static final MarkdownRenderer FLEXMARK = new MarkdownRenderer(new TokenHighlighter(), false);

    /** The body's HTML of {@code markdown} rendered by {@code renderer} for a site whose {@code emoji} is {@code emoji}. */
    private static String sitePage(MarkdownRenderer renderer, String markdown, SiteConfig.Emoji emoji) {
        MarkdownRenderer.Rendered rendered = renderer.renderPage(markdown, "/x/", "", u -> u, SiteUrls.NONE,
                java.util.Set.of(), false, emoji);
        return rendered.finished() != null ? rendered.finished().html() : rendered.html();
    }

    @Test
    void emojiCodesAreWhatHugoWroteInBothParsersAndTextWithoutTheSetting() {
        // Each line's Hugo 0.111.3 output under enableEmoji = true (hugo, its public/ read).
        String markdown = "Thanks :smile: :+1: :tada: :heart: :unknown_code: 10:30:45 :Smile: a:smile:b\n\n"
                + "**:rocket:** :thumbsup: :-1: :smile::smile: :us: :white_check_mark: :bowtie: :100: :+1 :"
                + " :man_technologist:\n";
        String hugo = "Thanks 😄 👍 🎉 ❤\uFE0F :unknown_code: 10:30:45 :Smile: a😄b";
        String hugo2 = "<strong>🚀</strong> 👍 👎 😄😄 🇺🇸 ✅ :bowtie: 💯 :+1 : 👨\u200D💻";
        for (String page : List.of(markdown, markdown + "\n<b>raw HTML</b> leaves the page to flexmark's writer.\n")) {
            String quick = sitePage(QUICK, page, SiteConfig.Emoji.EVERYWHERE);
            assertEquals(sitePage(FLEXMARK, page, SiteConfig.Emoji.EVERYWHERE), quick);
            assertTrue(quick.contains("<p>" + hugo + "</p>"), quick);
            assertTrue(quick.contains("<p>" + hugo2 + "</p>"), quick);
            String off = sitePage(QUICK, page, SiteConfig.Emoji.OFF);
            assertTrue(off.contains("<p>Thanks :smile: :+1: :tada:"), off);
        }
    }

    @Test
    void codeIsEmojifiedTooAsHugoDid() {
        // Hugo replaces the codes in the Markdown as written, code spans and blocks too.
        assertEquals("<p><code>😄</code> code</p>\n<pre><code>😄\n</code></pre>\n",
                sitePage(QUICK, "`:smile:` code\n\n```\n:smile:\n```\n", SiteConfig.Emoji.EVERYWHERE));
        // And in attributes and heading ids: the text as written is replaced before it is read.
        assertEquals("<h2 id=\"hi-\">Hi 😄 <a class=\"anchor\" href=\"#hi-\" aria-label=\"Link to this section\">#</a>"
                + "</h2>\n<p><img src=\"/😄.png\" alt=\"a 😄\"></p>\n",
                sitePage(QUICK, "## Hi :smile:\n\n![a :smile:](/:smile:.png)\n", SiteConfig.Emoji.EVERYWHERE));
    }

    /**
     * The body a build makes of {@code markdown} for a site of {@code emoji: text}, the same from both parsers, and
     * from the HTML stage's processing of flexmark's HTML as from Kiln's own writer where it finishes the body.
     */
    static Body textEmoji(String markdown) {
        Body body = Build.markdownBody(QUICK, markdown, "/x/", "<!--more-->", SiteUrls.NONE, Set.of(), false,
                SiteConfig.Emoji.TEXT);
        assertEquals(body, Build.markdownBody(FLEXMARK, markdown, "/x/", "<!--more-->", SiteUrls.NONE, Set.of(), false,
                SiteConfig.Emoji.TEXT), markdown);
        Body processed = BodyProcessor.process(QUICK.renderWithFlexmark(QUICK.parse(markdown)), "/x/", "<!--more-->",
                Set.of(), true);
        assertEquals(processed, body, markdown);
        return body;
    }

    /** Whether the Markdown stage finishes the body of {@code markdown} itself (with Kiln's own writer). */
    private static boolean finished(String markdown) {
        return QUICK.renderPage(markdown, "/x/", "more", u -> u, SiteUrls.NONE, Set.of(), false, SiteConfig.Emoji.TEXT)
                .finished() != null;
    }

    @Test
    void withTextTheCodesOfTheTextAreEmojiAndCodeSpansAreAsWritten() {
        // jemoji (HTML::Pipeline's EmojiFilter) replaces the codes of the HTML's text nodes, but those in pre, code, tt.
        String markdown = "Thanks :smile: :+1:, a:smile:b, `1:b:c` and `:smile:` kept, **:rocket:** and [go :tada:](/x)."
                + " :unknown_code: 10:30:45\n";
        assertTrue(finished(markdown));
        assertEquals("<p>Thanks 😄 👍, a😄b, <code>1:b:c</code> and <code>:smile:</code> kept, <strong>🚀</strong> and "
                + "<a href=\"/x\">go 🎉</a>. :unknown_code: 10:30:45</p>\n", textEmoji(markdown).html());
        String off = sitePage(QUICK, markdown, SiteConfig.Emoji.OFF);
        assertTrue(off.startsWith("<p>Thanks :smile: :+1:, a:smile:b, <code>1:b:c</code>"), off);
    }

    @Test
    void withTextFencedIndentedAndHighlightedCodeIsAsWritten() {
        String markdown = "Cons :b:\n\n```\n:smile:\n```\n\n```haskell\nlet xs = 1:b:c -- :smile:\n```\n\n"
                + "```ruby linenos\nputs ':tada:'\n```\n\n    indented :smile:\n\n- an item :tada:\n\n  ```\n  :+1:\n  ```\n";
        assertTrue(finished(markdown));
        String html = textEmoji(markdown).html();
        assertTrue(html.startsWith("<p>Cons 🅱\uFE0F</p>\n<pre><code>:smile:\n</code></pre>\n"), html);
        for (String code : List.of("1:b:c", ":smile:\n</code></pre>\n<ul>", "&#39;:tada:&#39;", ":+1:\n")) {
            assertTrue(html.contains(code) || html.contains(code.replace("&#39;", "'")), code + " in " + html);
        }
        assertTrue(html.contains("<li>\n<p>an item 🎉</p>"), html);
        assertEquals(1, html.split("🎉", -1).length - 1, html);
    }

    @Test
    void withTextRawPreCodeAndTtAreAsWrittenAndOtherRawHtmlsTextIsEmoji() {
        String markdown = "Inline <code>:b:</code>, <tt>:smile:</tt>, <kbd>:tada:</kbd> and <span title=\":+1:\">:+1:</span>.\n\n"
                + "<pre>\nx = 1:b:c\n<b>:smile:</b>\n</pre>\n\n<div class=\"note\">\nA note :smile:\n</div>\n\n"
                + "<script>let s = ':smile:';</script>\n";
        assertFalse(finished(markdown), "raw HTML: the HTML stage finishes it");
        String html = textEmoji(markdown).html();
        assertEquals("<p>Inline <code>:b:</code>, <tt>:smile:</tt>, <kbd>🎉</kbd> and <span title=\":+1:\">👍</span>.</p>\n"
                + "<pre>x = 1:b:c\n<b>:smile:</b>\n</pre>\n<div class=\"note\">\nA note 😄\n</div>\n"
                + "<script>let s = ':smile:';</script>\n", html);
    }

    @Test
    void withTextAltTextTitlesAndUrlsAreAsWritten() {
        // jemoji touches text nodes only: an image's alt and title, a link's URL and title stay as written.
        String markdown = "![Hi :smile:](/img/:smile:.png \":tada:\") [see :+1:](/a/:b:/ \"t :tada:\") <https://x.org/:b:/>\n";
        assertTrue(finished(markdown));
        assertEquals("<p><img src=\"/img/:smile:.png\" alt=\"Hi :smile:\" title=\":tada:\"> <a href=\"/a/:b:/\" "
                + "title=\"t :tada:\">see 👍</a> <a href=\"https://x.org/:b:/\">https://x.org/🅱\uFE0F/</a></p>\n",
                textEmoji(markdown).html());
        // The same beside raw HTML, which leaves the body to the HTML stage.
        Body raw = textEmoji(markdown.replace("\n", " <i>:smile:</i>\n"));
        assertTrue(raw.html().contains("alt=\"Hi :smile:\" title=\":tada:\"") && raw.html().contains("<i>😄</i>"),
                raw.html());
    }

    @Test
    void withTextHeadingIdsAreMadeOfTheTextAsWrittenAndTheTextIsEmoji() {
        // kramdown makes a heading's id before jemoji runs: ## Hi :smile: is id="hi-smile", its text Hi 😄.
        for (String markdown : List.of("## Hi :smile:\n\nText.\n", "## Hi :smile:\n\nText <b>raw</b>.\n",
                "<h2>Hi :smile:</h2>\n\nText.\n", "[TOC]\n\n## Hi :smile:\n")) {
            Body body = textEmoji(markdown);
            assertTrue(body.html().contains("<h2 id=\"hi-smile\">Hi 😄 <a class=\"anchor\" href=\"#hi-smile\""),
                    body.html());
            assertEquals(List.of(new Body.Heading(2, "hi-smile", "Hi 😄")), body.headings(), markdown);
        }
        assertTrue(finished("## Hi :smile:\n\nText.\n"));
        assertTrue(textEmoji("[TOC]\n\n## Hi :smile:\n").html().contains("<a href=\"#hi-smile\">Hi 😄</a>"));
    }

    @Test
    void withTextTheExcerptAndWordsAreOfTheTextWithItsEmoji() {
        String markdown = "Shipped :tada: in `v:b:`.\n\n<!--more-->\n\nMore :smile:\n";
        Body body = textEmoji(markdown);
        assertEquals("Shipped 🎉 in v:b:.", body.excerptText());
        assertEquals(6, body.words());
    }

    @Test
    void withTextEveryCodeOfHugosTableIsTheSameFromBothWriters() throws IOException {
        // Every emoji's characters as jsoup prints them: Kiln's writer finishes such a body as the HTML stage would.
        StringBuilder markdown = new StringBuilder();
        try (var in = Emoji.class.getResourceAsStream("hugo-emoji.tsv")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#") && line.indexOf('\t') > 0) {
                    markdown.append(':').append(line, 0, line.indexOf('\t')).append(": ");
                }
            }
        }
        assertTrue(markdown.length() > 10_000, "the table");
        assertTrue(finished(markdown + "\n"));
        assertFalse(textEmoji(markdown + "\n").html().contains(":smile:"));
    }

    @TempDir
    Path site;

    @TempDir
    Path out;

    /** The page a build writes of a post whose body is {@code body}, on a site whose {@code emoji} is {@code emoji}. */
    private String builtPost(String emoji, String body) throws IOException {
        Kiln.write(site, "site.yml", "title: Emoji\nemoji: " + emoji + "\npermalink: /posts/:slugorfilename/\n");
        Kiln.write(site, "content/posts/t.md", "---\ntitle: T\ndate: 2024-01-01\n---\n" + body);
        Path dest = out.resolve("site");
        assertEquals(0, Kiln.run("build", "--source", site.toString(), "--dest", dest.toString()).code());
        return Files.readString(dest.resolve("posts/t/index.html"));
    }

    @Test
    void aBuildOfASiteWithEmojiTextWritesThemInTheTextOnly() throws IOException {
        String html = builtPost("text", "Thanks :smile: `1:b:c`\n");
        assertTrue(html.contains("<p>Thanks 😄 <code>1:b:c</code></p>"), html);
    }

    @Test
    void aBuildOfASiteWithEmojiWritesThemAndTellsProblemsWhereTheyAreWritten() throws IOException {
        String html = builtPost("true", "Thanks :smile: :+1:\n");
        assertTrue(html.contains("<p>Thanks 😄 👍</p>"), html);
        Path dest = out.resolve("site");

        // A problem after a code on its line is told at its column as written, not the emoji's shorter text's.
        Kiln.write(site, "content/posts/t.md", "---\ntitle: T\ndate: 2024-01-01\n---\n:smile: :tada: {{< youtube x >}}\n");
        Kiln.Run run = Kiln.run("build", "--source", site.toString(), "--dest", dest.toString());
        assertEquals(1, run.code(), run.err());
        assertTrue(run.err().contains("content/posts/t.md:5:16: "), run.err());
    }
}
