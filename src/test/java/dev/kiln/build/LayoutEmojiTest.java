package dev.kiln.build;

import dev.kiln.testing.Fixtures;
import dev.kiln.testing.Kiln;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * site.yml's {@code emoji: text} on laid-out pages, as Jekyll's jemoji worked on each page's whole output: a post's
 * title in its heading and in the lists of posts is emoji, its {@code <title>}, the head's other tags, the feeds,
 * code and attributes keep the codes; {@code emoji: true} and {@code false} lay pages out as before.
 */
class LayoutEmojiTest {

    @TempDir
    Path site;

    @TempDir
    Path out;

    private static final String POST = "---\ntitle: \"Shipped :tada:\"\ndate: 2024-01-01\ntags: [news]\n---\n"
            + "Done :smile: with `x :tada: y`.\n";

    private void write(String path, String text) throws IOException {
        Kiln.write(site, path, text);
    }

    /** Builds the site with {@code emoji: emoji}; returns the output folder. */
    private Path built(String emoji) throws IOException {
        write("site.yml", "title: Emoji\nbase_url: https://example.org\nemoji: " + emoji
                + "\npermalink: /posts/:slugorfilename/\n");
        write("content/posts/t.md", POST);
        Path dest = out.resolve(emoji);
        Kiln.Run run = Kiln.run("build", "--source", site.toString(), "--dest", dest.toString());
        assertEquals(0, run.code(), run.err());
        return dest;
    }

    private static String read(Path dest, String path) throws IOException {
        return Files.readString(dest.resolve(path), StandardCharsets.UTF_8);
    }

    @Test
    void withTextAPostsTitleIsEmojiInItsHeadingAndListsButNotInTheHeadNorTheFeed() throws IOException {
        Path dest = built("text");
        String post = read(dest, "posts/t/index.html");
        assertTrue(post.contains("<h1 class=\"post-title\">Shipped 🎉</h1>"), post);
        assertTrue(post.contains("<title>Shipped :tada: · Emoji</title>"), post);
        assertTrue(post.contains("<meta property=\"og:title\" content=\"Shipped :tada:\">"), post);
        assertTrue(post.contains("<p>Done 😄 with <code>x :tada: y</code>.</p>"), post);
        for (String list : List.of("index.html", "archive/index.html", "tags/news/index.html")) {
            String html = read(dest, list);
            assertTrue(html.contains("<a href=\"/posts/t/\">Shipped 🎉</a>"), list + ": " + html);
            assertTrue(!html.substring(html.indexOf("<body")).contains(":tada:</"),
                    list + ": " + html);
        }
        // The feeds are as before: the entry's title as written, its content the body's (code kept).
        for (String feed : List.of("feed.xml", "tags/news/feed.xml")) {
            String xml = read(dest, feed);
            assertTrue(xml.contains("<entry><title>Shipped :tada:</title>"), feed + ": " + xml);
            assertTrue(xml.contains("Done 😄 with &lt;code&gt;x :tada: y&lt;/code&gt;"), feed + ": " + xml);
        }
    }

    @Test
    void withTextALayoutsCodeAttributesAndStaticFilesKeepTheirCodes() throws IOException {
        write("layouts/post.peb", "<!DOCTYPE html>\n<html><head><title>{{ page.title }}</title></head>\n"
                + "<BODY><h1 title=\":tada:\">{{ page.title }}</h1><CODE>:tada:</CODE> <pre><code>:+1:</code></pre>"
                + "<!-- :tada: --><script>var t = \":tada:\";</script>\n{{ page.content | raw }}<p>Nav :+1:</p></BODY>"
                + "</html>\n");
        write("assets/raw.html", "<html><body><p>Raw :tada:</p></body></html>\n");
        String post = read(built("text"), "posts/t/index.html");
        assertEquals("<!DOCTYPE html>\n<html><head><title>Shipped :tada:</title></head>\n"
                + "<BODY><h1 title=\":tada:\">Shipped 🎉</h1><CODE>:tada:</CODE> <pre><code>:+1:</code></pre>"
                + "<!-- :tada: --><script>var t = \":tada:\";</script>\n<p>Done 😄 with <code>x :tada: y</code>.</p>\n"
                + "<p>Nav 👍</p></BODY></html>\n", post);
        assertEquals("<html><body><p>Raw :tada:</p></body></html>\n", read(out.resolve("text"), "assets/raw.html"));
    }

    @Test
    void withTrueOrFalseTheLayoutsTextIsAsWrittenAndWithTextItIsEmoji() throws IOException {
        // Hugo's enableEmoji (emoji: true) replaced codes in the Markdown only: a title keeps them, as it did.
        for (String emoji : List.of("true", "false")) {
            Path dest = built(emoji);
            assertTrue(read(dest, "posts/t/index.html").contains("<h1 class=\"post-title\">Shipped :tada:</h1>"), emoji);
            assertTrue(read(dest, "index.html").contains("<a href=\"/posts/t/\">Shipped :tada:</a>"), emoji);
        }
        Path dest = built("text");
        assertTrue(read(dest, "posts/t/index.html").contains("<h1 class=\"post-title\">Shipped 🎉</h1>"));
        assertTrue(read(dest, "index.html").contains("<a href=\"/posts/t/\">Shipped 🎉</a>"));
    }

    @Test
    void theDevServersPagesAreEmojiAndAChangeOfTheSettingOrTitleLaysThemOutAgain() throws IOException {
        write("content/posts/t.md", POST);
        try (Build warm = new Build(line -> {})) {
            write("site.yml", "title: Emoji\nemoji: text\n");
            assertTrue(home(warm, null).contains("Shipped 🎉</a>"));
            write("site.yml", "title: Emoji\nemoji: false\n");
            assertTrue(home(warm, Set.of("site.yml")).contains("Shipped :tada:</a>"));
            write("site.yml", "title: Emoji\nemoji: text\n");
            assertTrue(home(warm, Set.of("site.yml")).contains("Shipped 🎉</a>"));
            write("content/posts/t.md", POST.replace("Shipped :tada:", "Shipped :rocket:"));
            assertTrue(home(warm, Set.of("content/posts/t.md")).contains("Shipped 🚀</a>"));
        }
    }

    /** The home page {@code warm} makes told of {@code changed}, checked against a build from nothing. */
    private String home(Build warm, Set<String> changed) {
        BuildResult result = warm.run(Fixtures.options(site), changed);
        dev.kiln.output.SiteOutput fresh = Fixtures.build(Fixtures.options(site)).output();
        assertEquals(fresh.files().keySet(), result.output().files().keySet());
        for (String path : fresh.files().keySet()) {
            assertArrayEquals(fresh.get(path), result.output().get(path), path);
        }
        return new String(result.output().get("index.html"), StandardCharsets.UTF_8);
    }
}
