package dev.kiln.cli;

import dev.kiln.content.NewPost;
import dev.kiln.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kiln new post}: a post that builds, at the path it prints, never over another file. */
class NewPostTest {

    @TempDir
    Path site;

    private record Run(int code, String out, String err) {}

    /**
     * The file {@code run} printed, opened as a user opens it: from the process's working directory. It must be the
     * file written, in {@link #site} (not below the working directory, so printed absolute).
     */
    private Path printed(Run run) {
        Path file = Path.of(run.out().strip());
        assertTrue(Files.isRegularFile(file), "the printed path opens from the working directory: " + run.out());
        return file;
    }

    /** The path of the file {@code run} printed, relative to {@link #site}, with / between names. */
    private String written(Run run) {
        return site.toAbsolutePath().relativize(printed(run).toAbsolutePath()).toString().replace('\\', '/');
    }

    /** {@link #site} is a site folder: kiln new post refuses any other folder. */
    @BeforeEach
    void makeASite() throws IOException {
        Files.writeString(site.resolve("site.yml"), "title: Test\n");
    }

    private static Run kiln(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void writesAPostThatBuildsAndPrintsItsPath() throws IOException {
        Run run = kiln("new", "post", "Java: the good parts", "--tags", "java, books", "--source", site.toString());

        assertEquals(0, run.code(), run.err());
        Path file = printed(run);
        assertTrue(file.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}-java-the-good-parts\\.md"), run.out());
        String text = Files.readString(file);
        assertTrue(text.contains("title: \"Java: the good parts\"\n"), text);
        assertTrue(text.contains("tags: [\"java\", \"books\"]\n"), text);
        var result = Fixtures.build(dev.kiln.build.BuildOptions.of(site));
        assertEquals(1, result.posts());
        assertEquals(2, result.tagPages());
    }

    @Test
    void thePrintedPathAndTheAlreadyExistsOneOpenTheFileFromTheCurrentFolder() throws IOException {
        // Finding 2 of the s29 blogger test: kiln new post --source blog printed content/posts/..., relative to
        // blog, so that $EDITOR "$(kiln new post T --source blog)" opened a new file in the wrong place, while its
        // "already exists" error printed blog/content/posts/.... The tests' working directory is the project's.
        Path below = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "new-post-");
        try {
            Files.writeString(below.resolve("site.yml"), "title: Below\n");
            Path relative = Path.of("").toAbsolutePath().relativize(below.toAbsolutePath());

            Run run = kiln("new", "post", "My trip", "--source", relative.toString());
            Run absolute = kiln("new", "post", "Other trip", "--source", below.toAbsolutePath().toString());
            Run hugo = kiln("new", "posts/2024-01-01-rome.md", "--source", relative.toString());
            Run again = kiln("new", "post", "My trip", "--source", relative.toString());

            assertEquals(0, run.code(), run.err());
            String day = "\\d{4}-\\d{2}-\\d{2}";
            assertTrue(run.out().strip().matches(java.util.regex.Pattern.quote(relative.resolve("content/posts")
                    + java.io.File.separator) + day + "-my-trip\\.md"), run.out());
            assertTrue(Files.readString(Path.of(run.out().strip())).contains("title: \"My trip\"\n"),
                    "the printed path, from the working directory, is the post written");
            assertTrue(absolute.out().strip().startsWith(relative.resolve("content/posts").toString()),
                    "relative to the current folder when below it: " + absolute.out());
            assertTrue(Files.isRegularFile(Path.of(absolute.out().strip())), absolute.out());
            assertEquals(relative.resolve("content/posts/2024-01-01-rome.md").toString(), hugo.out().strip());
            assertTrue(Files.readString(Path.of(hugo.out().strip())).contains("title: \"Rome\"\n"));
            assertEquals(1, again.code());
            assertEquals("kiln: " + run.out().strip() + " already exists: choose another title, or edit that file\n",
                    again.err().replace("\r", ""), "the error names the file as the printed path does");
        } finally {
            try (var files = Files.walk(below)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }

        Run outside = kiln("new", "post", "Elsewhere", "--source", site.toString());
        assertEquals(site.toAbsolutePath().resolve(written(outside)).toString(), outside.out().strip(),
                "absolute when the site is not below the current folder");
    }

    @Test
    void tagsMayBeGivenInOneOptionOrSeveral() throws IOException {
        Run run = kiln("new", "post", "Tags", "--tags", "java,books", "--tags", " jvm ", "--source", site.toString());

        assertEquals(0, run.code(), run.err());
        assertTrue(Files.readString(printed(run)).contains("tags: [\"java\", \"books\", \"jvm\"]\n"));
    }

    @Test
    void refusesToOverwriteAPost() throws IOException {
        assertEquals(0, kiln("new", "post", "Hello", "--source", site.toString()).code());
        Path file = Files.list(site.resolve("content/posts")).findFirst().orElseThrow();
        Files.writeString(file, "my words");

        Run again = kiln("new", "post", "Hello", "--source", site.toString());

        assertEquals(1, again.code());
        assertTrue(again.err().contains("already exists"), again.err());
        assertEquals("my words", Files.readString(file));
    }

    @Test
    void aDraftIsMarkedAndLeftOutOfAPlainBuild() throws IOException {
        assertEquals(0, kiln("new", "post", "Later", "--draft", "--source", site.toString()).code());

        assertEquals(0, Fixtures.build(dev.kiln.build.BuildOptions.of(site)).posts());
        assertEquals(1, Fixtures.build(dev.kiln.build.BuildOptions.of(site).withDrafts(true)).posts());
    }

    @Test
    void quotesTitlesThatYamlWouldMisread() {
        String text = NewPost.text("He said \"hi\" # not a comment", ZonedDateTime.of(2026, 1, 2, 3, 4, 5, 0,
                ZoneOffset.ofHours(2)), List.of(), false);

        assertTrue(text.contains("title: \"He said \\\"hi\\\" # not a comment\"\n"), text);
        assertTrue(text.contains("date: 2026-01-02 03:04:05 +0200\n"), text);
    }

    @Test
    void aHashIsSharpOnlyAfterALanguagesLetterInTheFileName() throws IOException {
        // Finding 13 of the s28 new-user test: "Issue #42 fixed" was issue-sharp-42-fixed.
        for (String[] titleAndSlug : new String[][] {{"Issue #42 fixed", "issue-42-fixed"},
                {"Top 10 #tips for Jekyll users", "top-10-tips-for-jekyll-users"}, {"C# and F# tips", "c-sharp-and-f-sharp-tips"},
                {"Why c#?", "why-c-sharp"}, {"ABC#1 and C++", "abc-1-and-c-plus-plus"}}) {
            Run run = kiln("new", "post", titleAndSlug[0], "--source", site.toString());

            assertEquals(0, run.code(), run.err());
            assertTrue(written(run).matches("content/posts/\\d{4}-\\d{2}-\\d{2}-" + titleAndSlug[1] + "\\.md"),
                    run.out());
        }
    }

    @Test
    void aTitleWithNoLetterOrDigitIsAUsageErrorAskingForWordsOrASlug() throws IOException {
        // Finding 13: the file and URL were named x-f09f8e89f09f8e89f09f8e89.
        for (String title : List.of("\uD83C\uDF89\uD83C\uDF89\uD83C\uDF89", "...")) {
            Run run = kiln("new", "post", title, "--source", site.toString());

            assertEquals(2, run.code(), run.err());
            assertEquals("kiln: the title '" + title + "' has no letter or digit to make the post's file name and URL"
                    + " of: give a title with words, or the URL's words with --slug: kiln new post \"" + title
                    + "\" --slug party-time (kiln new post --help shows how to use it)\n", run.err());
            assertFalse(Files.exists(site.resolve("content")));
        }
        Run slugged = kiln("new", "post", "\uD83C\uDF89", "--slug", "Party Time!", "--source", site.toString());
        assertEquals(0, slugged.code(), slugged.err());
        assertTrue(written(slugged).matches("content/posts/\\d{4}-\\d{2}-\\d{2}-party-time\\.md"), slugged.out());
        assertTrue(Files.readString(printed(slugged)).contains("title: \"\uD83C\uDF89\"\n"));
        Run badSlug = kiln("new", "post", "Party", "--slug", "!!", "--source", site.toString());
        assertEquals(2, badSlug.code());
        assertTrue(badSlug.err().startsWith("kiln: --slug '!!' has no letter or digit"), badSlug.err());
        Run hugo = kiln("new", "posts/\uD83C\uDF89.md", "--source", site.toString());
        assertEquals(2, hugo.code());
        assertTrue(hugo.err().contains("has no letter or digit to make the post's URL of"), hugo.err());
    }

    @Test
    void anEmptyTitleIsAUsageError() {
        assertEquals(2, kiln("new", "post", " ", "--source", site.toString()).code());
    }

    @Test
    void newSiteMakesAFolderWithSettingsAFirstPostAGitignoreAndAPagesWorkflowAndSaysWhatToTypeNext() throws IOException {
        Path dir = site.resolve("myblog");

        Run run = kiln("new", "site", dir.toString());

        assertEquals(0, run.code(), run.err());
        assertTrue(run.err().contains("next: cd " + dir + " && kiln serve"), run.err());
        assertTrue(run.err().contains("publish: the steps are at the top of " + dir.resolve(".github/workflows/pages.yml")),
                run.err());
        List<String> made = files(dir);
        assertEquals(5, made.size(), made.toString());
        assertEquals(List.of(".github/workflows/daily.yml", ".github/workflows/pages.yml", ".gitignore"),
                made.subList(0, 3), "the Pages workflow a push runs, and the daily one that runs it");
        assertTrue(made.get(3).matches("content/posts/\\d{4}-\\d{2}-\\d{2}-hello-world\\.md"), made.toString());
        assertEquals("site.yml", made.get(4));
        assertEquals(made.stream().map(f -> dir.resolve(f).toString()).sorted().toList(),
                run.out().lines().sorted().toList(), "each file written is printed");
        assertTrue(Files.readString(dir.resolve("site.yml")).contains("# base_url: "));
        assertEquals(List.of("target/", "_site/"), Files.readAllLines(dir.resolve(".gitignore")).stream()
                .filter(l -> !l.startsWith("#")).toList(), "Kiln's output is not committed");
        var result = Fixtures.build(dev.kiln.build.BuildOptions.of(dir));
        assertEquals(1, result.posts());
    }

    @Test
    void newSiteInAClonedRepositoryAddsTheSiteAndKeepsEveryFileThatIsThere() throws IOException {
        Path dir = site.resolve("blog");
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve("README.md"), "# My blog\n");
        Files.writeString(dir.resolve(".gitignore"), "*.class\n");

        Run run = kiln("new", "site", dir.toString());

        assertEquals(0, run.code(), run.err());
        assertEquals("# My blog\n", Files.readString(dir.resolve("README.md")));
        assertEquals("*.class\n", Files.readString(dir.resolve(".gitignore")), "never overwritten");
        assertTrue(run.err().contains("note: kept " + dir.resolve(".gitignore") + " as it was: it should list target/ "
                + "and _site/"), run.err());
        assertTrue(Files.isRegularFile(dir.resolve("site.yml")));
        assertTrue(Files.isRegularFile(dir.resolve(".github/workflows/pages.yml")));
        assertTrue(Files.isRegularFile(dir.resolve(".github/workflows/daily.yml")));
        assertEquals(List.of(dir.resolve("site.yml").toString(), run.out().lines().toList().get(1),
                dir.resolve(".github/workflows/pages.yml").toString(), dir.resolve(".github/workflows/daily.yml").toString()),
                run.out().lines().toList(), "the files written, and only they");

        Path other = site.resolve("other");
        Files.createDirectories(other.resolve(".git"));
        Files.createDirectories(other.resolve(".github/workflows"));
        Files.writeString(other.resolve(".github/workflows/pages.yml"), "name: mine\n");
        Run keeps = kiln("new", "site", other.toString());
        assertEquals(0, keeps.code(), keeps.err());
        assertEquals("name: mine\n", Files.readString(other.resolve(".github/workflows/pages.yml")));
        assertTrue(keeps.err().contains("note: kept " + other.resolve(".github/workflows/pages.yml") + " as it was"),
                keeps.err());
        assertTrue(keeps.err().contains("has workflow_call: among its triggers, for .github/workflows/daily.yml to run it"
                + " daily; this one has none, so .github/workflows/daily.yml was not written (its runs would fail every "
                + "day)"), "the kept workflow is told what Kiln's daily one needs of it: " + keeps.err());
        assertTrue(Files.readString(other.resolve(".gitignore")).contains("_site/"));
        assertFalse(Files.exists(other.resolve(".github/workflows/daily.yml")), "a daily run of a workflow it cannot call");
        assertFalse(keeps.out().contains("pages.yml"), "only the files written are printed: " + keeps.out());

        // A kept workflow that can be called (a trigger, not a comment) gets Kiln's daily one.
        for (String on : List.of("on:\n  push:\n  workflow_call:\n", "on: [push, workflow_call]\n", "on:\n  - workflow_call\n",
                "on: {push: {branches: [main]}, workflow_call}\n")) {
            Path callable = site.resolve("callable" + on.length());
            Files.createDirectories(callable.resolve(".git"));
            Files.createDirectories(callable.resolve(".github/workflows"));
            Files.writeString(callable.resolve(".github/workflows/pages.yml"), "name: mine\n" + on);
            Run called = kiln("new", "site", callable.toString());
            assertEquals(0, called.code(), called.err());
            assertEquals(NewSite.dailyWorkflow(), Files.readString(callable.resolve(".github/workflows/daily.yml")), on);
        }
        Path commented = site.resolve("commented");
        Files.createDirectories(commented.resolve(".git"));
        Files.createDirectories(commented.resolve(".github/workflows"));
        Files.writeString(commented.resolve(".github/workflows/pages.yml"), "name: mine\non:\n  push:  # no workflow_call\n");
        assertEquals(0, kiln("new", "site", commented.toString()).code());
        assertFalse(Files.exists(commented.resolve(".github/workflows/daily.yml")), "a comment is no trigger");

        Path daily = site.resolve("daily");
        Files.createDirectories(daily.resolve(".git"));
        Files.createDirectories(daily.resolve(".github/workflows"));
        Files.writeString(daily.resolve(".github/workflows/daily.yml"), "name: my daily run\n");
        Run keepsDaily = kiln("new", "site", daily.toString());
        assertEquals(0, keepsDaily.code(), keepsDaily.err());
        assertEquals("name: my daily run\n", Files.readString(daily.resolve(".github/workflows/daily.yml")),
                "never overwritten");
        assertTrue(keepsDaily.err().contains("note: kept " + daily.resolve(".github/workflows/daily.yml") + " as it was: "
                + "Kiln's runs .github/workflows/pages.yml once a day, for future-dated posts"), keepsDaily.err());
        assertEquals(NewSite.workflow(), Files.readString(daily.resolve(".github/workflows/pages.yml")));
        assertEquals(List.of(daily.resolve(".gitignore").toString(), daily.resolve(".github/workflows/pages.yml").toString()),
                keepsDaily.out().lines().skip(2).toList(), "the files written, and not the kept daily.yml");
    }

    @Test
    void newSiteRefusesAFolderThatAlreadyHoldsASiteAndTouchesNothing() throws IOException {
        Path dir = site.resolve("blog");
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve("site.yml"), "title: Mine\n");

        Run run = kiln("new", "site", dir.toString());

        assertEquals(2, run.code());
        assertEquals("kiln: " + dir + " already holds a site (site.yml or content/): kiln new post \"Title\" --source "
                + dir + " adds a post to it (kiln new site --help shows how to use it)\n", run.err());
        assertEquals(List.of("site.yml"), files(dir));
    }

    /** The files under {@code dir}, by their paths relative to it, sorted. */
    private static List<String> files(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(f -> dir.relativize(f).toString().replace('\\', '/')).sorted()
                    .toList();
        }
    }

    @Test
    void newSiteRefusesAFolderThatIsNotEmptyAndTouchesNothing() throws IOException {
        Path dir = Files.createDirectories(site.resolve("notes"));
        Files.writeString(dir.resolve("notes.txt"), "mine");

        Run run = kiln("new", "site", dir.toString());

        assertEquals(2, run.code());
        assertTrue(run.err().contains("already exists and is not empty"), run.err());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("notes.txt")), files.toList());
        }
    }

    @Test
    void aNewPostInASitesContentFolderIsAUsageErrorNamingTheSiteFolderAndWritesNothing() throws IOException {
        // Finding 1 of the s29 blogger test: run in content/, it wrote content/content/posts/..., exit 0, which the
        // site published as a page at /content/posts/... and put in its menu.
        assertEquals(0, kiln("new", "post", "First", "--source", site.toString()).code());
        Path content = site.resolve("content");
        List<String> before = files(site);
        Path top = site.toAbsolutePath();

        for (Path folder : List.of(content, content.resolve("posts"))) {
            for (String[] args : List.of(new String[] {"new", "post", "Written from here"},
                    new String[] {"new", "posts/written-from-here.md"})) {
                Run run = kiln(java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                        java.util.stream.Stream.of("--source", folder.toString())).toArray(String[]::new));

                assertEquals(2, run.code(), run.err());
                assertEquals("", run.out());
                assertEquals("kiln: no site.yml and no content/ in " + folder.toAbsolutePath() + ": is this the site "
                        + "folder? The folder above it, " + top + ", is a site: run kiln there, or give --source " + top
                        + "\n", run.err().replace("\r", ""), "as kiln build says it");
            }
        }
        assertEquals(before, files(site), "nothing is written");
    }

    @Test
    void aNewPostInAFolderThatIsNoSiteIsAUsageErrorAndWritesNothing(@TempDir Path empty) throws IOException {
        Run run = kiln("new", "post", "Stray", "--source", empty.toString());
        Run hugo = kiln("new", "posts/stray.md", "--source", empty.toString());

        for (Run refused : List.of(run, hugo)) {
            assertEquals(2, refused.code(), refused.err());
            assertEquals("kiln: no site.yml and no content/ in " + empty.toAbsolutePath() + ": is this the site folder? "
                    + "Run kiln in the folder that holds site.yml, or give --source DIR (kiln new site DIR starts one)\n",
                    refused.err().replace("\r", ""));
        }
        try (var left = Files.list(empty)) {
            assertEquals(List.of(), left.toList());
        }
        Files.createDirectories(empty.resolve("content"));
        assertEquals(0, kiln("new", "post", "Stray", "--source", empty.toString()).code(),
                "a folder with content/ and no site.yml is a site, as kiln build has it");
    }

    @Test
    void aPostNamedByItsPathAsHugoTakesItIsStartedWithATitleFromTheName() throws IOException {
        Run run = kiln("new", "posts/my-first-post.md", "--source", site.toString());

        assertEquals(0, run.code(), run.err());
        assertTrue(written(run).matches("content/posts/\\d{4}-\\d{2}-\\d{2}-my-first-post\\.md"), run.out());
        assertTrue(Files.readString(printed(run)).contains("title: \"My First Post\"\n"));

        Run page = kiln("new", "about.md", "--source", site.toString());
        assertEquals(2, page.code());
        assertTrue(page.err().contains("kiln new post \"Title\"") && page.err().contains("under content/"), page.err());
    }

    @Test
    void hugosNewContentCommandNamesKilnsNewWithThePostsPath() {
        assertFalse(Files.exists(site.resolve("content")));
        Run post = kiln("new", "content", "posts/x.md", "--source", site.toString());
        assertEquals(2, post.code());
        assertEquals("kiln: kiln new has no command 'content': Hugo's hugo new content posts/x.md is kiln new posts/x.md"
                + " (kiln new --help shows how to use it)\n", post.err());

        Run page = kiln("new", "content", "about.md", "--source", site.toString());
        assertEquals(2, page.code());
        assertEquals("kiln: kiln new has no command 'content': Hugo's hugo new content about.md has no counterpart: "
                + "kiln new starts posts (kiln new posts/my-post.md); a page such as about.md is a file you write "
                + "yourself under content/ (kiln new --help shows how to use it)\n", page.err());
        assertFalse(Files.exists(site.resolve("content")), "nothing is written");
    }

    @Test
    void aBundlesIndexNamedAsHugoUsersStartOneIsANewPostBundle() throws IOException {
        Run run = kiln("new", "posts/my-trip/index.md", "--source", site.toString());

        assertEquals(0, run.code(), run.err());
        assertTrue(written(run).matches("content/posts/\\d{4}-\\d{2}-\\d{2}-my-trip/index\\.md"), run.out());
        assertTrue(Files.readString(printed(run)).contains("title: \"My Trip\"\n"));
        Files.writeString(printed(run).resolveSibling("photo.jpg"), "jpg");
        var result = Fixtures.build(dev.kiln.build.BuildOptions.of(site));
        assertEquals(1, result.posts());

        Run dated = kiln("new", "content/posts/2023-03-01-rome/index.md", "--source", site.toString());
        assertEquals("content/posts/2023-03-01-rome/index.md", written(dated), dated.err());
        String text = Files.readString(printed(dated));
        assertTrue(text.contains("title: \"Rome\"\ndate: 2023-03-01 00:00:00 +0000\n"), text);
    }

    @Test
    void aDateWrittenInThePostsNameIsItsDate() throws IOException {
        Run run = kiln("new", "posts/2024-01-01-dated.md", "--source", site.toString());

        assertEquals(0, run.code(), run.err());
        assertEquals("content/posts/2024-01-01-dated.md", written(run));
        String text = Files.readString(printed(run));
        assertTrue(text.contains("title: \"Dated\"\ndate: 2024-01-01 00:00:00 +0000\n"), text);

        Run impossible = kiln("new", "posts/2024-02-30-x.md", "--source", site.toString());
        assertEquals(2, impossible.code());
        assertTrue(impossible.err().contains("posts/2024-02-30-x.md starts with a date that is no day of the "
                + "calendar"), impossible.err());
    }

    @Test
    void newSiteQuotesAFolderWithASpaceInTheCommandItSaysToTypeNext() {
        Path dir = site.resolve("My Blog");

        Run run = kiln("new", "site", dir.toString());

        assertEquals(0, run.code(), run.err());
        assertTrue(run.err().contains("next: cd '" + dir + "' && kiln serve"), run.err());
        assertEquals("'it'\\''s'", NewSite.shellQuoted("it's"));
        assertEquals("myblog", NewSite.shellQuoted("myblog"));
    }

    @Test
    void theNextCommandNamesTheLauncherByItsPathUnlessThePathFindsItAsKiln() throws IOException {
        Path clone = Files.createDirectories(site.resolve("kiln-clone"));
        Path launcher = Files.writeString(clone.resolve("kiln"), "#!/bin/sh\n");
        launcher.toFile().setExecutable(true);
        Path bin = Files.createDirectories(site.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("kiln"), launcher);
        Path other = Files.createDirectories(site.resolve("other-bin"));
        Files.writeString(other.resolve("kiln"), "#!/bin/sh\n").toFile().setExecutable(true);
        String sep = java.io.File.pathSeparator;

        assertEquals("kiln", NewSite.kilnCommand(launcher.toString(), "/usr/bin" + sep + bin));
        assertEquals("kiln", NewSite.kilnCommand(launcher.toString(), clone.toString()));
        assertEquals(launcher.toString(), NewSite.kilnCommand(launcher.toString(), "/usr/bin"));
        assertEquals(launcher.toString(), NewSite.kilnCommand(launcher.toString(), other + sep + bin),
                "another kiln comes first on the PATH");
        assertEquals("kiln", NewSite.kilnCommand(null, "/usr/bin"), "not started by the launcher");
        Path spaced = Files.createDirectories(site.resolve("My Tools"));
        Files.copy(launcher, spaced.resolve("kiln"));
        assertEquals("'" + spaced.resolve("kiln") + "'", NewSite.kilnCommand(spaced.resolve("kiln").toString(), ""));
    }
}
