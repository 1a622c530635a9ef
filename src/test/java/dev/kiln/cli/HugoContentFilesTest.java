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
 * page with Hugo's TOML front matter, Markdown under Hugo's and Jekyll's other extensions, Org mode and the other
 * markups Kiln does not render, Hugo's {@code _build} and {@code headless}, and a quoted {@code "true"}. Each is read
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
        write("content/later.md", "\n\n---\nlastmod: 2024-05-03\n---\nLater.\n"); // Hugo's key, read by Kiln

        assertFails(
                "content/landing.html:2:1: front matter below a blank line, where Kiln does not read it (it would be "
                        + "copied as it is, front matter and all, a draft too): remove the blank line above this ---,"
                        + " so that it is the file's first line (Kiln reads front matter there only, as Jekyll does; "
                        + "Hugo reads past blank lines)",
                "content/later.md:3:1: front matter below 2 blank lines, where Kiln does not read it (it would "
                        + "be text: a heading, and the page published, a draft too): remove them above this ---, so "
                        + "that it is the file's first line (Kiln reads front matter there only, as Jekyll does; Hugo "
                        + "reads past blank lines)",
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
        // A sentence between two breaks, or keys that are none of Kiln's: text, not an error.
        write("content/moved.md", "\n---\nUpdate: this page moved.\n---\n\nText\n");
        write("content/e.md", "\n---\nAuthor's note: short.\nsee.also: below\n---\nEnd of e.\n");
        write("content/f.md", "\n---\nfoo: bar\n---\nEnd of f.\n");
        write("content/g.html", "\n---\nUpdate: this page moved.\n---\n<p>G</p>\n");

        build();

        assertTrue(read("moved/index.html").contains("<hr>\n<h2 id=\"update-this-page-moved\">Update: this page moved. "),
                read("moved/index.html"));
        assertTrue(read("moved/index.html").contains("<p>Text</p>"));
        assertTrue(read("e/index.html").contains("note: short."), read("e/index.html"));
        assertTrue(read("f/index.html").contains("foo: bar"), read("f/index.html"));
        assertEquals("\n---\nUpdate: this page moved.\n---\n<p>G</p>\n", read("g.html"));

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

    // ---- Markdown's other extensions, and the markups Kiln does not render ----

    @Test
    void markdownUnderHugosAndJekyllsOtherExtensionsIsRenderedAndItsDraftsLeftOut() throws IOException {
        site();
        write("content/posts/other.mdown", "---\ntitle: Mdown post\ndate: 2024-01-04\n---\n*Mdown* body\n");
        write("content/posts/secret.mdown", "---\ntitle: Secret\ndate: 2024-01-04\ndraft: true\n---\nSecret.\n");
        write("content/posts/2024-01-05-jekyll.mkd", "Mkd *body*\n");
        write("content/posts/2024-01-06-kd.mkdn", "Mkdn body\n");
        write("content/posts/2024-01-07-own.mkdown", "Mkdown body\n");
        write("content/posts/2024-01-08-wiki.mdwn", "Mdwn body\n");
        write("content/posts/2024-01-09-trip/index.mdown", "Trip ![](photo.jpg)\n");
        write("content/posts/2024-01-09-trip/photo.jpg", "jpg");
        write("content/about.mkd", "---\ntitle: About\n---\nAbout *me*.\n");

        Kiln.Run run = build();

        assertTrue(read("2024/01/04/other/index.html").contains("<em>Mdown</em> body"));
        assertTrue(read("2024/01/05/jekyll/index.html").contains("Mkd <em>body</em>"));
        assertTrue(read("2024/01/06/kd/index.html").contains("Mkdn body"));
        assertTrue(read("2024/01/07/own/index.html").contains("Mkdown body"));
        assertTrue(read("2024/01/08/wiki/index.html").contains("Mdwn body"));
        assertTrue(read("2024/01/09/trip/index.html").contains("Trip"));
        assertEquals("jpg", read("2024/01/09/trip/photo.jpg"));
        assertTrue(read("about/index.html").contains("About <em>me</em>."));
        assertTrue(run.err().contains("skipped 1 draft"), run.err());
        try (var files = Files.walk(dest)) {
            List<String> copied = files.map(Path::toString)
                    .filter(p -> p.matches(".*\\.(mdown|mkd|mkdn|mkdown|mdwn)|.*/secret.*")).toList();
            assertEquals(List.of(), copied, "no source published as a file, no draft");
        }
    }

    @Test
    void orgAsciidocAndTheOtherMarkupsWithFrontMatterAreErrorsSayingToConvertThem() throws IOException {
        site();
        write("content/posts/orgpost.org", "#+TITLE: Org post\n#+DATE: 2024-01-03\n#+DRAFT: true\n\nSecret.\n");
        write("content/docs/guide.adoc", "---\ntitle: Guide\ndraft: true\n---\n= Secret\n");
        write("content/notes.rst", "\n+++\ntitle = \"Notes\"\n+++\nSecret.\n");
        write("content/old.htm", "---\ntitle: Old\n---\n<p>Old page.</p>\n");
        write("content/posts/titled.org", "\n#+title: Titled post\n\nSecret.\n"); // every file there is a post
        write("content/notes/draft.org", "#+TITLE: Notes\n#+AUTHOR: Me\n#+DRAFT: true\n\nSecret.\n");
        write("content/notes/dated.org", "#+title: Dated\n#+date: 2024-01-03\n\nText.\n");

        assertFails(
                "content/docs/guide.adoc:1:1: AsciiDoc, which Kiln does not render (it reads Markdown and HTML only): "
                        + "this file would be published as it is, front matter and all, at /docs/guide.adoc, a draft "
                        + "too: convert it to Markdown (guide.md, its front matter as YAML between --- lines), or move"
                        + " it out of content/",
                "content/notes.rst:2:1: reStructuredText, which Kiln does not render (it reads Markdown and HTML "
                        + "only): this file would be published as it is, front matter and all, at /notes.rst, a draft "
                        + "too: convert it to Markdown (notes.md, its front matter as YAML between --- lines), or move "
                        + "it out of content/",
                "content/notes/dated.org:1:1: Org mode, which Kiln does not render (it reads Markdown and HTML "
                        + "only): this file would be published as it is, front matter and all, at /notes/dated.org, a "
                        + "draft too: convert it to Markdown (dated.md, its front matter as YAML between --- lines), "
                        + "or move it out of content/",
                "content/notes/draft.org:1:1: Org mode, which Kiln does not render (it reads Markdown and HTML "
                        + "only): this file would be published as it is, front matter and all, at /notes/draft.org, a "
                        + "draft too: convert it to Markdown (draft.md, its front matter as YAML between --- lines), "
                        + "or move it out of content/",
                "content/old.htm:1:1: an HTML page with front matter, which Kiln reads in .html files only: this one "
                        + "would be published as it is, front matter and all, at /old.htm, a draft too: rename it "
                        + "old.html",
                "content/posts/orgpost.org:1:1: Org mode, which Kiln does not render (it reads Markdown and HTML only):"
                        + " this file would be published as it is, front matter and all, at /posts/orgpost.org, a "
                        + "draft too: convert it to Markdown (orgpost.md, its front matter as YAML between --- lines), "
                        + "or move it out of content/",
                "content/posts/titled.org:2:1: Org mode, which Kiln does not render (it reads Markdown and HTML "
                        + "only): this file would be published as it is, front matter and all, at /posts/titled.org, "
                        + "a draft too: convert it to Markdown (titled.md, its front matter as YAML between --- "
                        + "lines), or move it out of content/");
    }

    @Test
    void suchAFileWithoutFrontMatterIsCopiedAsItIs() throws IOException {
        site();
        write("content/agenda.org", "* TODO write\n#+TITLE: not at the top\n");
        // Org documents kept for download: their #+TITLE: and the like mark no page, no date, no draft.
        String init = "#+TITLE: My Emacs configuration\n#+PROPERTY: header-args :tangle init.el\n\n* Basics\n"
                + "#+DATE: 2024-01-01\n";
        write("content/files/init.org", init);
        write("content/agenda-2024.org", "#+TITLE: Agenda\n#+OPTIONS: toc:nil\n\n* TODO\n");
        write("content/README.rst", "Title\n=====\n\n---\n\nText.\n");
        write("content/page.htm", "<p>Legacy.</p>\n");

        build();

        assertEquals("* TODO write\n#+TITLE: not at the top\n", read("agenda.org"));
        assertEquals(init, read("files/init.org"));
        assertEquals("#+TITLE: Agenda\n#+OPTIONS: toc:nil\n\n* TODO\n", read("agenda-2024.org"));
        assertEquals("Title\n=====\n\n---\n\nText.\n", read("README.rst"));
        assertEquals("<p>Legacy.</p>\n", read("page.htm"));
    }

    // ---- Hugo's _build and headless ----

    @Test
    void hugosBuildOptionsAndHeadlessAreErrorsAtTheirKeysSayingWhatKeepsAPageOut() throws IOException {
        site();
        write("content/posts/unrendered.md", "---\ntitle: Secret\ndate: 2024-01-01\n_build:\n  render: never\n"
                + "  list: never\n---\nPrivate.\n");
        write("content/posts/2024-01-02-unlisted/index.md", "---\ntitle: Unlisted\nBuild: {list: never}\n---\nB.\n");
        write("content/headless-bundle/index.md", "---\ntitle: Widgets\nHeadless: true\n---\nHeadless text.\n");
        write("content/quiet.md", "---\ntitle: Quiet\n_build: {publishResources: false}\n---\nQ.\n");

        assertFails(
                "content/headless-bundle/index.md:3:1: Headless: true is Hugo's (a bundle that is no page), which Kiln"
                        + " does not read: this page would be published as any other (in the default menu). To keep "
                        + "it out of the site, write draft: true in its place (or published: false; kiln build --drafts"
                        + " includes either); to publish only the folder's other files, move this file out of content/"
                        + " (they are then published at their paths, as any file under content/ is)",
                "content/posts/2024-01-02-unlisted/index.md:3:1: Build is Hugo's (render, list, publishResources), "
                        + "which Kiln does not read: this post would be published and listed as any other (on the "
                        + "home page, in the feeds). To keep it out of the site, write draft: true in its place (or "
                        + "published: false; kiln build --drafts includes either); to publish only the folder's other"
                        + " files, move this file out of content/ (they are then published at their paths, as any file"
                        + " under content/ is)",
                "content/posts/unrendered.md:4:1: _build is Hugo's (render, list, publishResources), which Kiln does "
                        + "not read: this post would be published and listed as any other (on the home page, in the "
                        + "feeds). To keep it out of the site, write draft: true in its place (or published: false; "
                        + "kiln build --drafts includes either)",
                "content/quiet.md:3:1: _build is Hugo's (render, list, publishResources), which Kiln does not read: "
                        + "this page would be published as any other (in the default menu). To keep it out of the "
                        + "site, write draft: true in its place (or published: false; kiln build --drafts includes "
                        + "either)");
    }

    @Test
    void buildOptionsThatAskForWhatKilnDoesAndASitesOwnBuildKeyArePublished() throws IOException {
        site();
        write("content/posts/2024-01-01-a.md", "---\ntitle: A\n_build:\n  render: always\n  list: true\n"
                + "  publishResources: true\nheadless: false\n---\nA text.\n");
        write("content/b.md", "---\ntitle: B\nbuild: fast\n---\nB text.\n");
        write("content/c.md", "---\ntitle: C\nbuild: {tool: make, list: never}\n---\nC text.\n");

        build();

        assertTrue(read("2024/01/01/a/index.html").contains("A text."));
        assertTrue(read("b/index.html").contains("B text."));
        assertTrue(read("c/index.html").contains("C text."));
    }

    // ---- a quoted "true" ----

    @Test
    void aQuotedTrueOrFalseIsAnErrorThatSaysItIsTextInQuotes() throws IOException {
        site();
        write("content/posts/2024-01-01-s1.md", "---\ntitle: S1\ndraft: \"true\"\n---\nS1.\n");
        write("content/posts/2024-01-02-s2.md", "---\ntitle: S2\npublished: 'no'\ntoc: \"False\"\n---\nS2.\n");
        write("content/posts/2024-01-03-s3.md", "---\ntitle: S3\ndraft: maybe\n---\nS3.\n");

        assertFails(
                "content/posts/2024-01-01-s1.md:3:8: draft must be true or false, not 'true', a text in quotes: write "
                        + "it without them (draft: true)",
                "content/posts/2024-01-02-s2.md:3:12: published must be true or false, not 'no', a text in quotes: "
                        + "write it without them (published: false)",
                "content/posts/2024-01-02-s2.md:4:6: toc must be true or false, not 'False', a text in quotes: write "
                        + "it without them (toc: false)",
                "content/posts/2024-01-03-s3.md:3:8: draft must be true or false, not 'maybe'");
        assertFalse(Files.exists(dest.resolve("2024/01/01/s1/index.html")));
    }
}
