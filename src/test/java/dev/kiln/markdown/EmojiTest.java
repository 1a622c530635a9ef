package dev.kiln.markdown;

import dev.kiln.highlight.TokenHighlighter;
import dev.kiln.testing.Kiln;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * site.yml's {@code emoji: true}, Hugo's {@code enableEmoji = true}: {@code :smile:} is 😄 as Hugo 0.111.3 wrote it,
 * in both of Kiln's Markdown parsers; a site without it keeps the codes as text.
 */
class EmojiTest {

    private static final MarkdownRenderer QUICK = new MarkdownRenderer(new TokenHighlighter(), true);
    private static final MarkdownRenderer FLEXMARK = new MarkdownRenderer(new TokenHighlighter(), false);

    /** The body's HTML of {@code markdown} rendered by {@code renderer} for a site whose {@code emoji} is {@code emoji}. */
    private static String sitePage(MarkdownRenderer renderer, String markdown, boolean emoji) {
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
            String quick = sitePage(QUICK, page, true);
            assertEquals(sitePage(FLEXMARK, page, true), quick);
            assertTrue(quick.contains("<p>" + hugo + "</p>"), quick);
            assertTrue(quick.contains("<p>" + hugo2 + "</p>"), quick);
            String off = sitePage(QUICK, page, false);
            assertTrue(off.contains("<p>Thanks :smile: :+1: :tada:"), off);
        }
    }

    @Test
    void codeIsEmojifiedTooAsHugoDid() {
        // Hugo replaces the codes in the Markdown as written, code spans and blocks too.
        assertEquals("<p><code>😄</code> code</p>\n<pre><code>😄\n</code></pre>\n",
                sitePage(QUICK, "`:smile:` code\n\n```\n:smile:\n```\n", true));
    }

    @TempDir
    Path site;

    @TempDir
    Path out;

    @Test
    void aBuildOfASiteWithEmojiWritesThemAndTellsProblemsWhereTheyAreWritten() throws IOException {
        Kiln.write(site, "site.yml", "title: Emoji\nemoji: true\npermalink: /posts/:slugorfilename/\n");
        Kiln.write(site, "content/posts/t.md", "---\ntitle: T\ndate: 2024-01-01\n---\nThanks :smile: :+1:\n");
        Path dest = out.resolve("site");

        assertEquals(0, Kiln.run("build", "--source", site.toString(), "--dest", dest.toString()).code());
        String html = Files.readString(dest.resolve("posts/t/index.html"));
        assertTrue(html.contains("<p>Thanks 😄 👍</p>"), html);

        // A problem after a code on its line is told at its column as written, not the emoji's shorter text's.
        Kiln.write(site, "content/posts/t.md", "---\ntitle: T\ndate: 2024-01-01\n---\n:smile: :tada: {{< youtube x >}}\n");
        Kiln.Run run = Kiln.run("build", "--source", site.toString(), "--dest", dest.toString());
        assertEquals(1, run.code(), run.err());
        assertTrue(run.err().contains("content/posts/t.md:5:16: "), run.err());
    }
}
