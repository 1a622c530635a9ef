package dev.kiln.cli;

import dev.kiln.testing.Kiln;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a content file is, as a Hugo user's files meet {@code kiln build}: front matter below blank lines, an HTML
 * page with Hugo's TOML front matter. Each is read
 * as Hugo means it or is an error at its place: never a draft published as text.
 */
class HugoContentFilesTest {

    @TempDir
    Path tmp;

    private Path site;
    private Path dest;

    private void site() throws IOException {
        site = tmp.resolve("blog");
        dest = Kiln.previousOutput(tmp.resolve("out"));
        Kiln.write(site, "content/posts/2020-01-01-hello.md", "---\ntitle: Hello\n---\nFirst post.\n");
    }

    private void write(String path, String text) throws IOException {
        Kiln.write(site, path, text);
    }

    private void assertFails(String... problems) throws IOException {
        Kiln.assertBuildFails(site, dest, List.of(problems));
    }

    /**
     * A failed build whose problems start with {@code starts}, one each, in order: for Hugo's TOML and JSON errors,
     * whose wording {@code HugoFrontMatterTest} holds, only the place and the start.
     */
    private void assertFailsWith(String... starts) throws IOException {
        Map<String, String> output = Kiln.snapshot(dest);
        Kiln.Run run = Kiln.run("build", "--source", site.toString(), "--dest", dest.toString());
        assertEquals(1, run.code(), run.err());
        assertEquals(starts.length, run.problems().size(), run.err());
        for (int i = 0; i < starts.length; i++) {
            assertTrue(run.problems().get(i).startsWith(starts[i]), run.problems().get(i));
        }
        assertEquals(output, Kiln.snapshot(dest), "nothing was written");
    }

    private Kiln.Run build() {
        Kiln.Run run = Kiln.run("build", "--source", site.toString(), "--dest", dest.toString());
        assertEquals(0, run.code(), run.err());
        return run;
    }

    private String read(String path) throws IOException {
        return Files.readString(dest.resolve(path), StandardCharsets.UTF_8);
    }

    // ---- front matter below blank lines (Hugo reads it; Kiln would publish it as text) ----

    @Test
    void yamlFrontMatterBelowBlankLinesIsAnErrorAtItsFirstLineNotAPublishedDraft() throws IOException {
        site();
        write("content/secret.md", "\n---\ntitle: Secret page\ndraft: true\n---\nSecret.\n");
        write("content/posts/blank.md", "\n \r\n---\ntitle: \"Blank first\"\ndate: 2024-05-03\ntags:\n  - a\n"
                + "description: >\n  two\n  lines\n# a comment\n---\nSecret post.\n");
        write("content/landing.html", "\n---\ntitle: Landing\ndraft: true\n---\n<p>Secret.</p>\n");

        assertFails(
                "content/landing.html:2:1: front matter below a blank line, where Kiln does not read it (it would be "
                        + "text: a heading, and the page published, a draft too): remove the blank line above this ---,"
                        + " so that it is the file's first line (Kiln reads front matter there only, as Jekyll does; "
                        + "Hugo reads past blank lines)",
                "content/posts/blank.md:3:1: front matter below 2 blank lines, where Kiln does not read it (it would "
                        + "be text: a heading, and the page published, a draft too): remove them above this ---, so "
                        + "that it is the file's first line (Kiln reads front matter there only, as Jekyll does; Hugo "
                        + "reads past blank lines)",
                "content/secret.md:2:1: front matter below a blank line, where Kiln does not read it (it would be "
                        + "text: a heading, and the page published, a draft too): remove the blank line above this ---,"
                        + " so that it is the file's first line (Kiln reads front matter there only, as Jekyll does; "
                        + "Hugo reads past blank lines)");
    }

    @Test
    void tomlAndJsonFrontMatterBelowBlankLinesGetTheirErrorAtTheLineTheyOpenOn() throws IOException {
        site();
        write("content/posts/blank.md", "\n+++\ntitle = \"Blank first\"\ndate = 2024-05-03\ndraft = true\n+++\nSecret.\n");
        write("content/secret.md", "\n\n\n{\n  \"title\": \"J\",\n  \"draft\": true\n}\nSecret.\n");

        assertFailsWith(
                "content/posts/blank.md:2:1: TOML front matter (between +++ lines) is not read by Kiln",
                "content/secret.md:4:1: JSON front matter (Hugo's { ... }) is not read by Kiln");
    }

    @Test
    void aPageThatStartsWithBlankLinesAndAThematicBreakIsMarkdownAsBefore() throws IOException {
        site();
        // Text between the --- lines, a key-like line among it, or no second ---: thematic breaks, not front matter.
        write("content/a.md", "\n\n---\nNote: this is text\n\nMore of it.\n---\nEnd of a.\n");
        write("content/b.md", "\n---\n\nJust a break.\n");
        write("content/c.md", "\n---\n");
        write("content/d.md", "\n---\n* a list\n---\n");
        write("content/plain.html", "\n<p>Kept as it is.</p>\n---\nnot: front matter\n---\n");

        build();

        assertTrue(read("a/index.html").contains("<hr>\n<p>Note: this is text</p>"), read("a/index.html"));
        assertTrue(read("a/index.html").contains("End of a."));
        assertTrue(read("b/index.html").contains("<hr>\n<p>Just a break.</p>"), read("b/index.html"));
        assertTrue(read("c/index.html").contains("<hr>"));
        assertTrue(read("d/index.html").contains("<li>a list</li>"), read("d/index.html"));
        assertEquals("\n<p>Kept as it is.</p>\n---\nnot: front matter\n---\n", read("plain.html"));
    }

    // ---- an HTML page with Hugo's TOML or JSON front matter ----

    @Test
    void anHtmlFileWithTomlOrJsonFrontMatterGetsTheErrorAMarkdownFileGetsNotACopy() throws IOException {
        site();
        write("content/posts/htmldraft.html", "+++\ntitle = \"HTML draft\"\ndate = 2024-05-01\ndraft = true\n+++\n"
                + "<p>Secret.</p>\n");
        write("content/json.html", "{\n  \"title\": \"J\",\n  \"draft\": true\n}\n<p>Secret.</p>\n");
        write("content/later.html", "\n+++\ntitle = \"Later\"\n+++\n<p>Secret.</p>\n");

        assertFailsWith(
                "content/json.html:1:1: JSON front matter (Hugo's { ... }) is not read by Kiln",
                "content/later.html:2:1: TOML front matter (between +++ lines) is not read by Kiln",
                "content/posts/htmldraft.html:1:1: TOML front matter (between +++ lines) is not read by Kiln");
    }
}
