package dev.kiln.build;

import dev.kiln.output.SiteOutput;
import dev.kiln.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A warm build (as the dev server keeps) run again after each kind of edit, told which files were
 * written to as a watcher tells it, writes exactly the bytes of a build from nothing: whatever it reused
 * (unread folders, pages whose values it did not make again, related posts, summaries) was still right.
 */
class IncrementalBuildTest {

    private static final int POSTS = 24;

    @TempDir
    Path site;

    @Test
    void everyKindOfEditRebuiltWarmGivesTheBytesOfABuildFromNothing() throws IOException {
        for (int i = 1; i <= POSTS; i++) {
            writePost(i, "Post " + i, tagsOf(i), String.format("2021-01-%02d", i), "Opening of post " + i + ".",
                    "Body of post " + i + ".");
        }
        write("site.yml", "title: Warm\npaginate: 5\n");
        write("content/about.md", "---\ntitle: About\n---\nAbout this site.\n");
        write("assets/site.js", "console.log(1);\n");

        try (Build warm = new Build(line -> {})) {
            check(warm, null, "the first build");

            writePost(5, "Post 5", tagsOf(5), "2021-01-05", "Opening of post 5.", "A new last paragraph.");
            BuildResult bodyOnly = check(warm, Set.of(post(5)), "a post's text below its excerpt");
            assertEquals(1, bodyOnly.markdownRenders(), "only the edited post's Markdown");
            assertEquals(1, bodyOnly.layoutRenders(), "only the edited post's page: its summary is the same");

            check(warm, Set.of(), "nothing changed");

            writePost(8, "Post 8\"\ndescription: \"Shown in the page's head only", tagsOf(8), "2021-01-08",
                    "Opening of post 8.", "Body of post 8.");
            BuildResult head = check(warm, Set.of(post(8)), "front matter that only the post's own page shows");
            assertEquals(0, head.markdownRenders(), "the same text below the front matter");
            assertEquals(1, head.layoutRenders(), "only the post's page");

            writePost(7, "Post seven, renamed", tagsOf(7), "2021-01-07", "Opening of post 7.", "Body of post 7.");
            check(warm, Set.of(post(7)), "a title (the neighbours' links, lists and related posts show it)");

            writePost(3, "Post 3", List.of("rust", "new-tag"), "2021-01-03", "Opening of post 3.", "Body of post 3.");
            check(warm, Set.of(post(3)), "a post's tags");

            writePost(2, "Post 2", tagsOf(2), "2021-02-01", "Opening of post 2.", "Body of post 2.");
            check(warm, Set.of(post(2)), "a date that makes the post the newest");

            writePost(9, "Post 9", tagsOf(9), "2021-01-09", "A different opening.", "Body of post 9.");
            check(warm, Set.of(post(9)), "an excerpt");

            writePost(11, "Post 11", tagsOf(11), "2021-01-11", "Opening of post 11.", "Body of post 11.");
            writePost(12, "Post 12", tagsOf(12), "2021-01-12", "Opening of post 12.", "Body, edited.");
            write("assets/site.js", "console.log(2);\n");
            check(warm, Set.of(post(11), post(12), "assets/site.js"), "two posts and a script at once");

            write("content/about.md", "---\ntitle: About us\n---\nAbout this site.\n");
            check(warm, Set.of("content/about.md"), "a page's title, which the navigation shows");

            write("content/index.md", "---\ntitle: Home\n---\nWelcome.\n");
            check(warm, null, "the home page's text added (content/index.md)");

            write("content/index.md", "---\ntitle: Home\n---\nWelcome, edited.\n");
            check(warm, Set.of("content/index.md"), "the home page's text");

            write("content/index.md", "---\ntitle: Home, renamed\ndescription: New\n---\nWelcome, edited.\n");
            check(warm, Set.of("content/index.md"), "the home page's title and description");

            writePost(25, "A new post", List.of("java"), "2021-03-01", "Brand new.", "Body.");
            check(warm, null, "a new post");

            Files.delete(site.resolve(post(14)));
            check(warm, null, "a post removed");

            writePost(6, "Post 6", tagsOf(6), "2021-01-06", "Opening of post 6.", "Body of post 6.\n\n"
                    + "```java\nint six = 6;\n```");
            check(warm, Set.of(post(6)), "a code block added");
        }
    }

    @Test
    void aDateWrittenIntoAPageOfContentPostIsHugosSectionOfPostsAtTheNextWarmBuild() throws IOException {
        write("site.yml", "title: Warm\n");
        write("content/post/guide.md", "---\ntitle: Guide\n---\nA page.\n");
        try (Build warm = new Build(line -> {})) {
            check(warm, null, "a page in content/post/");

            write("content/post/guide.md", "---\ntitle: Guide\ndate: 2024-05-01\n---\nA post, in Hugo.\n");
            dev.kiln.error.SiteException e = org.junit.jupiter.api.Assertions.assertThrows(
                    dev.kiln.error.SiteException.class,
                    () -> warm.run(Fixtures.options(site), Set.of("content/post/guide.md")));
            assertEquals("content/post/guide.md", e.problems().get(0).path(), e.problems().toString());
            assertTrue(e.problems().get(0).message().startsWith("content/post/ is the section of posts of many Hugo "
                    + "sites"), e.problems().toString());
        }
    }

    @Test
    void aChangeOfTheEmojiSettingRendersThePostsAgainWarm() throws IOException {
        write("site.yml", "title: Warm\nemoji: true\n");
        writePost(1, "Post 1", List.of("java"), "2021-01-01", "Shipped :tada: in `1:b:c`.", "Body.");
        try (Build warm = new Build(line -> {})) {
            check(warm, null, "emoji: true");
            for (String value : List.of("text", "false", "true")) {
                write("site.yml", "title: Warm\nemoji: " + value + "\n");
                BuildResult result = check(warm, Set.of("site.yml"), "emoji: " + value);
                assertEquals(1, result.markdownRenders(), "emoji: " + value);
            }
        }
    }

    /** Runs {@code warm} told of {@code changed} and a build from nothing; both must give the same bytes. */
    private BuildResult check(Build warm, Set<String> changed, String edit) {
        BuildResult result = warm.run(Fixtures.options(site), changed);
        SiteOutput fresh = Fixtures.build(Fixtures.options(site)).output();
        assertEquals(fresh.files().keySet(), result.output().files().keySet(), edit);
        for (String path : fresh.files().keySet()) {
            assertArrayEquals(fresh.get(path), result.output().get(path), () -> edit + ": " + path);
        }
        return result;
    }

    private static List<String> tagsOf(int i) {
        List<String> tags = new ArrayList<>(List.of(i % 2 == 0 ? "java" : "rust"));
        if (i % 3 == 0) {
            tags.add("threes");
        }
        return tags;
    }

    private static String post(int i) {
        return "content/posts/post-" + i + ".md";
    }

    private void writePost(int i, String title, List<String> tags, String date, String opening, String rest)
            throws IOException {
        write(post(i), "---\ntitle: \"" + title + "\"\ndate: " + date + "\ntags: [" + String.join(", ", tags)
                + "]\n---\n" + opening + "\n\n" + rest + "\n");
        assertTrue(Files.isRegularFile(site.resolve(post(i))));
    }

    private void write(String path, String text) throws IOException {
        Path file = site.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
