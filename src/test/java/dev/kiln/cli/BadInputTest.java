package dev.kiln.cli;

import dev.kiln.testing.Kiln;
import dev.kiln.testing.Unprivileged;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input that a fixture folder in {@code src/test/resources/invalid/} cannot hold (links, permissions,
 * generated sizes), and odd input that must build: each through {@code kiln build} as a user runs it.
 */
class BadInputTest {

    @TempDir
    Path tmp;

    private Path site;
    private Path dest;

    private Path site() throws IOException {
        site = tmp.resolve("blog");
        dest = Kiln.previousOutput(tmp.resolve("out"));
        Kiln.write(site, "site.yml", "title: Test Blog\n");
        Kiln.write(site, "content/posts/2020-01-01-hello.md", "---\ntitle: Hello\n---\nFirst post.\n");
        return site;
    }

    /** Builds the site, expecting exit 1 with exactly {@code problems}, and dest and sources untouched. */
    private void assertFails(List<String> problems) throws IOException {
        Kiln.assertBuildFails(site, dest, problems);
    }

    private Kiln.Run assertBuilds() {
        Kiln.Run run = Kiln.run("build", "--source", site.toString(), "--dest", dest.toString());
        assertEquals(0, run.code(), run.err());
        return run;
    }

    private Document page(String path) throws IOException {
        return Jsoup.parse(Files.readString(dest.resolve(path), StandardCharsets.UTF_8));
    }

    // ---- which problems come together ----

    @Test
    void theProblemsOfOneStageComeTogetherAndStopTheStagesAfterIt() throws IOException {
        site();
        Kiln.write(site, "site.yml", "title: Test Blog\npaginate: ten\n");
        Kiln.write(site, "content/posts/2020-02-01-a.md", "---\ntitle: Coffee: Madrid\n---\nA.\n");
        Kiln.write(site, "content/posts/2020-02-02-b.md", "---\ntitle: B\ndate: nope\n---\nB.\n");
        Kiln.write(site, "layouts/post.peb",
                "{% extends \"base\" %}\n{% block content %}{{ page.title | upcase }}{% endblock %}\n");

        // The settings first: the posts cannot be read without them (their time zone, their permalinks).
        assertFails(List.of("site.yml:2:11: paginate must be a whole number above 0, not 'ten'"));

        Kiln.write(site, "site.yml", "title: Test Blog\n");
        // Every post's front matter together; the layouts lay out posts whose front matter was read.
        assertFails(List.of("content/posts/2020-02-01-a.md:2:14: invalid YAML: mapping values are not allowed here:"
                        + " a value holding ': ' must be quoted, like title: \"Java: the good parts\"",
                "content/posts/2020-02-02-b.md:3:7: 'nope' is not a date: write date: 2018-03-15 or date: 2018-03-15 10:00:00"
                        + " +02:00"));

        Kiln.write(site, "content/posts/2020-02-01-a.md", "---\ntitle: \"Coffee: Madrid\"\n---\nA.\n");
        Kiln.write(site, "content/posts/2020-02-02-b.md", "---\ntitle: B\n---\nB.\n");
        assertFails(List.of("layouts/post.peb:2:36: layout error: there is no filter 'upcase' (laying out"
                + " content/posts/2020-02-02-b.md and 2 other pages): 'upcase' is Liquid's (Jekyll's): write | upper"));
    }

    // ---- YAML ----

    @Test
    void aHugeFrontMatterIsAProblemNotAnOutOfMemoryError() throws IOException {
        site();
        StringBuilder yaml = new StringBuilder("---\ntitle: Huge\n");
        for (int i = 0; yaml.length() < 2 * 1024 * 1024; i++) {
            yaml.append("key").append(i).append(": ").append("x".repeat(60)).append('\n');
        }
        Kiln.write(site, "content/posts/2020-02-01-huge.md", yaml + "---\nBody.\n");
        assertFails(List.of("content/posts/2020-02-01-huge.md:2:1: invalid YAML: The incoming YAML document exceeds "
                + "the limit: 1048576 code points: front matter and site.yml may hold at most 1 MiB: move long text "
                + "into the body"));
    }

    @Test
    void numbersAndBooleansWhereTextIsExpectedAreReadAsTheirText() throws IOException {
        site();
        Kiln.write(site, "content/posts/2020-02-01-numbers.md", "---\ntitle: 2021\ntags: [1.5, java, 42]\n---\nBody.\n");
        assertBuilds();
        Document post = page("2020/02/01/numbers/index.html");
        assertEquals("2021", post.selectFirst("h1").text());
        assertTrue(Files.isRegularFile(dest.resolve("tags/1-5/index.html")));
        assertTrue(Files.isRegularFile(dest.resolve("tags/42/index.html")));
    }

    // ---- files ----

    @Test
    void aFileWithAUtf8ByteOrderMarkBuildsWithItsFrontMatter() throws IOException {
        site();
        Kiln.write(site, "content/posts/2020-02-01-bom.md",
                ("\uFEFF---\ntitle: With a BOM\n---\nBody.\n").getBytes(StandardCharsets.UTF_8));
        assertBuilds();
        assertEquals("With a BOM", page("2020/02/01/bom/index.html").selectFirst("h1").text());
    }

    @Test
    void emptyFilesAreAPostAndAPageWithNoContent() throws IOException {
        site();
        Kiln.write(site, "content/posts/2020-02-01-empty-post.md", "");
        Kiln.write(site, "content/empty.md", "");
        assertBuilds();
        assertEquals("Empty Post", page("2020/02/01/empty-post/index.html").selectFirst("h1").text());
        assertTrue(Files.isRegularFile(dest.resolve("empty/index.html")));
    }

    @Test
    void aBinaryFileWithItsOwnExtensionIsCopiedAsItIs() throws IOException {
        site();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, (byte) 0xff};
        Kiln.write(site, "content/images/photo.png", png);
        assertBuilds();
        assertEquals(java.util.Arrays.toString(png),
                java.util.Arrays.toString(Files.readAllBytes(dest.resolve("images/photo.png"))));
    }

    @Test
    void aTenMegabytePostBuilds() throws IOException {
        site();
        StringBuilder text = new StringBuilder("---\ntitle: Long\n---\n");
        String sentence = "Lorem ipsum dolor sit amet, *consectetur* adipiscing elit, sed do eiusmod tempor. ";
        for (int i = 1; text.length() < 10 * 1024 * 1024; i++) {
            text.append(i % 40 == 0 ? "## Part " + i + "\n\n" : sentence.repeat(12) + "\n\n");
        }
        Kiln.write(site, "content/posts/2020-02-01-long.md", text + "The last paragraph.\n");
        assertBuilds();
        Document post = page("2020/02/01/long/index.html");
        assertEquals("The last paragraph.", post.select("article p, main p").last().text());
    }

    /**
     * Builds the site with {@code locked} (files or folders of it) made unreadable ({@code chmod 000}) to a user
     * that this stops ({@link Unprivileged}), expecting exit 1 with exactly {@code problems}, no stack trace,
     * and the previous output and the sources as they were.
     */
    private void assertFailsWhenUnreadable(List<Path> locked, List<String> problems) throws IOException {
        var output = Kiln.snapshot(dest);
        var sources = Kiln.snapshot(site); // before: a user that chmod 000 stops could not read them after
        Kiln.Run run = runWhenUnreadable(locked, "build", "--source", site.toString(), "--dest", dest.toString());

        assertEquals(1, run.code(), run.err());
        assertEquals(problems, run.problems(), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
        assertEquals(output, Kiln.snapshot(dest), "the previous output is left as it was");
        assertEquals(sources, Kiln.snapshot(site), "nothing is written into the site folder");
    }

    /** {@code kiln args} run with {@code locked} made unreadable, as {@link Unprivileged} runs it; then readable again. */
    private static Kiln.Run runWhenUnreadable(List<Path> locked, String... args) throws IOException {
        List<java.util.Set<java.nio.file.attribute.PosixFilePermission>> modes = new java.util.ArrayList<>();
        for (Path p : locked) {
            modes.add(Files.getPosixFilePermissions(p));
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("---------"));
        }
        try {
            return Unprivileged.run(locked.get(0), args);
        } finally {
            for (int i = 0; i < locked.size(); i++) {
                Files.setPosixFilePermissions(locked.get(i), modes.get(i));
            }
        }
    }

    @Test
    void aFileTheBuildMayNotReadIsAProblem() throws IOException {
        site();
        Path locked = Kiln.write(site, "content/posts/2020-02-01-locked.md", "---\ntitle: Locked\n---\n");
        assertFailsWhenUnreadable(List.of(locked), List.of("content/posts/2020-02-01-locked.md:1:1: cannot be read: "
                + "permission denied: make it readable (chmod a+r), or move it out of the site"));
    }

    @Test
    void aFolderUnderContentOrAssetsTheBuildMayNotReadIsAProblem() throws IOException {
        // QA: chmod 000 on a folder under content/ stopped the build with an AccessDeniedException and its stack.
        site();
        Kiln.write(site, "content/notes/one.md", "---\ntitle: One\n---\n");
        Kiln.write(site, "assets/css/site.css", "body {}\n");
        assertFailsWhenUnreadable(List.of(site.resolve("content/notes"), site.resolve("assets/css")), List.of(
                "assets/css:1:1: cannot be read: permission denied: make it readable (chmod a+rx), or move it out of the site",
                "content/notes:1:1: cannot be read: permission denied: make it readable (chmod a+rx), or move it out of the site"));
    }

    @Test
    void aLayoutOrAFolderOfLayoutsTheBuildMayNotReadIsAProblem() throws IOException {
        // QA: chmod 000 on layouts/page.peb stopped the build in Layouts.readSources with a stack trace.
        site = Kiln.copyOwnBlog(tmp.resolve("blog"));
        dest = Kiln.previousOutput(tmp.resolve("out"));
        assertFailsWhenUnreadable(List.of(site.resolve("layouts/page.peb"), site.resolve("layouts/partials")), List.of(
                "layouts/page.peb:1:1: cannot be read: permission denied: make it readable (chmod a+r), or move it out of the site",
                "layouts/partials:1:1: cannot be read: permission denied: make it readable (chmod a+rx), or move it out "
                        + "of the site"));
    }

    @Test
    void aSiteYmlTheBuildMayNotReadIsAProblem() throws IOException {
        // QA: chmod 000 on site.yml stopped the build in Build.readConfig with a stack trace.
        site();
        assertFailsWhenUnreadable(List.of(site.resolve("site.yml")), List.of(
                "site.yml:1:1: cannot be read: permission denied: make it readable (chmod a+r)"));
    }

    @Test
    void aFileMadeUnreadableAfterABuildIsNotTakenForNothingChanged() throws IOException {
        // QA: chmod 000 on a post after a build gave "nothing changed"; the error showed only with --force.
        site();
        dest = tmp.resolve("fresh-out");
        String[] build = {"build", "--source", site.toString(), "--dest", dest.toString()};
        assertEquals(0, Kiln.run(build).code());
        // The same runner with only a file outside the site locked: nothing changed, so the check is the stamp's.
        Path outside = Kiln.write(tmp, "elsewhere.txt", "not part of the site");
        Kiln.Run unchanged = runWhenUnreadable(List.of(outside), build);
        assertEquals(0, unchanged.code(), unchanged.err());
        assertTrue(unchanged.err().startsWith("nothing changed since the last build"), unchanged.err());
        var output = Kiln.snapshot(dest);

        Kiln.Run run = runWhenUnreadable(List.of(site.resolve("content/posts/2020-01-01-hello.md")), build);

        assertEquals(1, run.code(), run.err());
        assertEquals(List.of("content/posts/2020-01-01-hello.md:1:1: cannot be read: permission denied: make it "
                + "readable (chmod a+r), or move it out of the site"), run.problems(), run.err());
        assertEquals(output, Kiln.snapshot(dest), "the previous output is left as it was");
    }

    @Test
    void aSiteYmlThatIsNotUtf8IsAProblemAtItsFirstBadByte() throws IOException {
        site();
        Kiln.write(site, "site.yml", "title: T\ndescription: \u00e9t\u00e9\nauthor: Jos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        // At its first bad byte, as a page's: the é of line 2, column 14, the first of three.
        assertFails(List.of("site.yml:2:14: byte 0xE9 is not UTF-8 text (Latin-1 or Windows-1252?): save the file as UTF-8"));
    }

    // ---- layouts ----

    @Test
    void aFilterThatThrowsInTheOwnBlogsLayoutIsAProblemAtItsLineNotAStackTrace() throws IOException {
        // QA: {{ page.title | date("yyyy") }} in the blog's page.peb printed an IllegalArgumentException and 30 lines.
        site = Kiln.copyOwnBlog(tmp.resolve("blog"));
        dest = tmp.resolve("out");
        assertEquals(0, Kiln.run("build", "--source", site.toString(), "--dest", dest.toString()).code());
        Path layout = site.resolve("layouts/page.peb");
        List<String> lines = Files.readAllLines(layout);
        int line = lines.indexOf(lines.stream().filter(l -> l.contains("{{ page.title }}")).findFirst().orElseThrow()) + 1;
        int column = lines.get(line - 1).indexOf("{{ page.title }}") + "{{ page.title | ".length() + 1; // at date
        Files.writeString(layout, Files.readString(layout).replace("{{ page.title }}", "{{ page.title | date(\"yyyy\") }}"));
        var output = Kiln.snapshot(dest);
        var sources = Kiln.snapshot(site);

        Kiln.Run run = Kiln.run("build", "--source", site.toString(), "--dest", dest.toString());

        assertEquals(1, run.code(), run.err());
        assertEquals(1, run.problems().size(), run.err());
        assertTrue(run.problems().get(0).startsWith("layouts/page.peb:" + line + ":" + column + ": layout error: filter 'date' "
                + "failed: "), run.err());
        assertTrue(run.problems().get(0).contains(" (laying out content/"), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
        assertEquals(output, Kiln.snapshot(dest), "the previous output is left as it was");
        assertEquals(sources, Kiln.snapshot(site), "nothing is written into the site folder");
    }

    // ---- symbolic links ----

    @Test
    void linksThatLoopLeadNowhereLeaveTheSiteOrNameAFolderAreProblems() throws IOException {
        site();
        Path outside = Kiln.write(tmp, "elsewhere/secret.md", "---\ntitle: Secret\n---\n");
        Files.createSymbolicLink(site.resolve("content/loop.md"), Path.of("loop.md"));
        Files.createSymbolicLink(site.resolve("content/ping.md"), Path.of("pong.md"));
        Files.createSymbolicLink(site.resolve("content/pong.md"), Path.of("ping.md"));
        Files.createSymbolicLink(site.resolve("content/gone.md"), Path.of("missing.md"));
        Files.createSymbolicLink(site.resolve("content/again"), Path.of(".."));
        Files.createSymbolicLink(site.resolve("content/secret.md"), outside);
        Files.createSymbolicLink(site.resolve("content/elsewhere"), outside.getParent());
        Files.createDirectories(site.resolve("assets"));
        Files.createSymbolicLink(site.resolve("assets/etc"), Path.of("/etc"));
        String nowhere = ":1:1: is a symbolic link that leads nowhere (its target is missing, or links point at each "
                + "other in a loop): remove the link or point it at a file";
        String out = ":1:1: is a link to a file outside the site folder, which a build never publishes: copy the "
                + "file into the site instead";
        assertFails(List.of(
                "assets/etc" + out,
                "content/again:1:1: is a symbolic link to a folder, which a build does not follow (such links can "
                        + "loop): move the folder here, or link its files one by one",
                "content/elsewhere" + out,
                "content/gone.md" + nowhere,
                "content/loop.md" + nowhere,
                "content/ping.md" + nowhere,
                "content/pong.md" + nowhere,
                "content/secret.md" + out));
    }

    @Test
    void aLinkToAFileInsideTheSiteBuilds() throws IOException {
        site();
        Kiln.write(site, "notes/about.md", "---\ntitle: About\n---\nMe.\n");
        Files.createSymbolicLink(site.resolve("content/about.md"), Path.of("../notes/about.md"));
        assertBuilds();
        assertEquals("About", page("about/index.html").selectFirst("h1").text());
    }

    // ---- URLs ----

    @Test
    void tagsAndSlugsWithSlashesDotsMarkupOrOnlyPunctuationGetSafeUrls() throws IOException {
        site();
        Kiln.write(site, "content/posts/2020-02-01-odd.md", "---\ntitle: Odd\n"
                + "tags: [\"../../etc\", \"a/b\", \"<script>alert(1)</script>\", \"!!!\", \"..\", \"/\"]\n"
                + "slug: \"<script>alert(1)</script>\"\n---\nBody.\n");
        Kiln.write(site, "content/posts/2020-02-02-title.md", "---\ntitle: Title\n"
                + "slug: \"<b>x</b> & 'y'\"\npermalink: /:title/\n---\nBody.\n");
        assertBuilds();
        for (String path : Kiln.snapshot(dest).keySet()) {
            assertFalse(Path.of(path).normalize().startsWith(".."), path);
            assertFalse(List.of(path.split("/")).contains(".."), path);
        }
        assertTrue(Files.isRegularFile(dest.resolve("2020/02/01/script-alert-1-script/index.html")));
        assertTrue(Files.isDirectory(dest.resolve("tags/etc")));
        assertTrue(Files.isDirectory(dest.resolve("tags/a-b")));
        assertTrue(Files.isDirectory(dest.resolve("tags/script-alert-1-script")));
        try (Stream<Path> tags = Files.list(dest.resolve("tags"))) {
            assertEquals(7, tags.count(), "six tag folders and the index");
        }
        for (String path : List.of("2020/02/01/script-alert-1-script/index.html", "tags/index.html",
                "tags/script-alert-1-script/index.html", "<b>x</b> & 'y'/index.html")) {
            Document page = page(path);
            assertTrue(page.select("b").isEmpty(), path);
            // JSON-LD holds the tag as JSON text; no other script may mention it.
            assertTrue(page.select("script:not([type=application/ld+json])").stream()
                    .noneMatch(s -> s.data().contains("alert(1)")), path);
        }
    }

    @Test
    void anAbsoluteFileSystemPermalinkIsAPathFromTheSiteRoot() throws IOException {
        site();
        Kiln.write(site, "content/posts/2020-02-01-abs.md", "---\ntitle: Abs\npermalink: /etc/passwd\n---\nBody.\n");
        assertBuilds();
        assertTrue(Files.isRegularFile(dest.resolve("etc/passwd.html")));
        try (Stream<Path> top = Files.list(tmp)) {
            assertEquals(List.of("blog", "out"), top.map(p -> p.getFileName().toString()).sorted().toList(),
                    "nothing is written outside --dest");
        }
    }
}
