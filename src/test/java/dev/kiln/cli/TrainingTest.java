package dev.kiln.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher's training run: it must build the blog and a sample that uses what the blog does not. */
class TrainingTest {

    private static final Pattern FENCE = Pattern.compile("(?m)^```([a-z]+)$");

    @TempDir
    Path tmp;

    @Test
    void buildsTheBlogThenEveryCopyOfEverySamplePost() throws IOException {
        Path blog = blog("First *post*.\n");
        Path work = tmp.resolve("work");

        assertEquals(0, Training.run(blog, work));

        assertTrue(Files.isRegularFile(work.resolve("blog/2020/01/01/hello/index.html")));
        List<Path> posts = postPages(work.resolve("sample-site"));
        assertEquals(Training.POSTS.size() * Training.COPIES, posts.size(), posts.toString());
    }

    @Test
    void everyFencedLanguageOfTheSamplesIsHighlighted() throws IOException {
        Path work = tmp.resolve("work");
        assertEquals(0, Training.run(blog("First post.\n"), work));

        List<String> languages = new ArrayList<>();
        for (String name : Training.POSTS) {
            Matcher fence = FENCE.matcher(Training.post(name));
            while (fence.find()) {
                languages.add(fence.group(1));
            }
        }
        assertTrue(languages.size() >= 15, languages.toString());
        String pages = String.join("\n", readAll(postPages(work.resolve("sample-site"))));
        for (String language : languages) {
            // Highlighted code starts with a token span; code in an unknown language is plain escaped text.
            assertTrue(Pattern.compile("<code class=\"language-" + Pattern.quote(language) + "\">(?:[^<]*)<span class=\"tok-")
                    .matcher(pages).find(), "not highlighted: " + language);
        }
    }

    @Test
    void aBlogWithErrorsStillLeavesTheSampleBuiltAndExitsZero() throws IOException {
        Path blog = blog("body\n");
        Files.writeString(blog.resolve("content/posts/2020-01-02-broken.md"), "---\ntitle: [unclosed\n---\nx\n");
        Path work = tmp.resolve("work");

        assertEquals(0, Training.run(blog, work));

        assertFalse(Files.exists(work.resolve("blog/index.html")));
        assertEquals(Training.POSTS.size() * Training.COPIES, postPages(work.resolve("sample-site")).size());
    }

    private Path blog(String body) throws IOException {
        Path site = tmp.resolve("blog");
        Files.createDirectories(site.resolve("content/posts"));
        Files.writeString(site.resolve("site.yml"), "title: Test Blog\n");
        Files.writeString(site.resolve("content/posts/2020-01-01-hello.md"), "---\ntitle: Hello\n---\n" + body,
                StandardCharsets.UTF_8);
        return site;
    }

    /** The post pages of a built sample: {@code YYYY/MM/DD/slug/index.html}. */
    private static List<Path> postPages(Path site) throws IOException {
        try (Stream<Path> all = Files.walk(site)) {
            return all.filter(p -> site.relativize(p).toString().replace('\\', '/')
                    .matches("\\d{4}/\\d{2}/\\d{2}/[^/]+/index\\.html")).sorted().toList();
        }
    }

    private static List<String> readAll(List<Path> files) throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path file : files) {
            texts.add(Files.readString(file));
        }
        return texts;
    }
}
