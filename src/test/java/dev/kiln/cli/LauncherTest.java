package dev.kiln.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code kiln} launcher as a user puts it on the PATH: a copy of this repository's launcher in a Kiln home of
 * its own, with a built jar and a stand-in {@code java} that prints the command it was given, so that what the
 * launcher would run is seen without Maven or a JVM.
 */
class LauncherTest {

    @TempDir
    Path tmp;

    /** A Kiln home (the launcher and a jar newer than any source: no Maven) and a JDK whose java echoes its arguments. */
    private Path home() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("kiln-clone"));
        Files.copy(Path.of("kiln"), home.resolve("kiln"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createDirectories(home.resolve("target"));
        Files.writeString(home.resolve("target/kiln.jar"), "");
        Path jdk = Files.createDirectories(tmp.resolve("jdk/bin"));
        Files.writeString(jdk.resolve("java"), "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
        Files.setPosixFilePermissions(jdk.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(jdk.resolveSibling("release"), "JAVA_VERSION=\"17.0.15\"\n");
        return home;
    }

    /** Runs {@code command} in {@code dir} with the stand-in JDK; returns what it printed, stdout and stderr together. */
    private String run(Path dir, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", tmp.resolve("jdk").toString());
        builder.environment().put("KILN_CDS", "0");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), out);
        assertEquals(0, process.exitValue(), out);
        return out;
    }

    @Test
    void aSymbolicLinkToTheLauncherRunsTheJarOfTheCloneItLinksToAndLeavesNothingBesideTheLink() throws Exception {
        Path home = home().toRealPath();
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("kiln"), home.resolve("kiln"));
        Path blog = Files.createDirectories(tmp.resolve("blog"));

        List<String> args = run(blog, bin.resolve("kiln").toString(), "--version").lines().toList();

        int cp = args.indexOf("-cp");
        assertTrue(cp >= 0, args.toString());
        assertEquals(home.resolve("target/kiln.jar").toString(), args.get(cp + 1), args.toString());
        assertTrue(args.contains("-Dkiln.launcher=" + home.resolve("kiln")), args.toString());
        assertEquals("--version", args.get(args.size() - 1));
        try (var beside = Files.list(bin)) {
            assertEquals(List.of(bin.resolve("kiln")), beside.toList(), "no target/ beside the link");
        }
    }

    @Test
    void theLauncherRunByItsOwnPathNamesItselfAsBefore() throws Exception {
        Path home = home().toRealPath();

        List<String> args = run(home, "./kiln", "--version").lines().toList();

        assertTrue(args.contains(home.resolve("target/kiln.jar").toString()), args.toString());
        assertTrue(args.contains("-Dkiln.launcher=" + home.resolve("kiln")), args.toString());
        assertFalse(args.stream().anyMatch(a -> a.startsWith("kiln: building")), args.toString());
    }

    /**
     * A Kiln home whose stand-in {@code java} notes each start in {@link #runs} and runs Kiln itself (this JVM, on the
     * tests' class path in place of the jar): the launcher's check that nothing changed is seen by whether it started one.
     */
    private Path homeRunningKiln() throws IOException {
        Path runs = runs();
        Path home = home();
        String real = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(tmp.resolve("jdk/bin/java"), "#!/usr/bin/env bash\n"
                + "echo start >>'" + runs + "'\n"
                + "args=(); while [ $# -gt 0 ]; do if [ \"$1\" = -cp ]; then args+=(-cp \"$KILN_TEST_CP\"); shift 2;"
                + " else args+=(\"$1\"); shift; fi; done\n"
                + "exec '" + real + "' \"${args[@]}\"\n");
        return home;
    }

    /** Runs the launcher {@code kiln} with {@code args} in {@code dir}; returns what it printed on stderr and stdout. */
    private String kiln(Path kiln, Path dir, String... args) throws IOException, InterruptedException {
        return kiln(kiln, dir, java.util.Map.of(), args);
    }

    /** {@link #kiln(Path, Path, String...)} with {@code env} added to the environment. */
    private String kiln(Path kiln, Path dir, java.util.Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(kiln.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("JAVA_HOME", tmp.resolve("jdk").toString());
        builder.environment().put("KILN_CDS", "0");
        builder.environment().put("KILN_TEST_CP", System.getProperty("java.class.path"));
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), out);
        assertEquals(0, process.exitValue(), out);
        return out;
    }

    /** The file the stand-in {@code java} of {@link #homeRunningKiln} notes its starts in. */
    private Path runs() {
        return tmp.resolve("runs.txt");
    }

    /** How many times Kiln's JVM started. */
    private long starts() throws IOException {
        return Files.exists(runs()) ? Files.readAllLines(runs()).size() : 0;
    }

    /**
     * Builds with {@code args} in {@code dir} (Kiln says {@code built}), then again, which the launcher tells nothing
     * changed: {@code starts} JVM starts by then ({@code why}, when not null, says why that many).
     */
    private void assertBuiltThenToldUnchanged(Path kiln, Path dir, String[] args, String built, long starts, String why)
            throws IOException, InterruptedException {
        assertTrue(kiln(kiln, dir, args).contains(built));
        assertTrue(kiln(kiln, dir, args).startsWith("nothing changed"));
        assertEquals(starts, starts(), why);
    }

    /**
     * A build with {@code args} in {@code dir} that Kiln made again ({@code why}), its JVM the {@code starts}th, after
     * which {@code page} holds {@code text}.
     */
    private void assertBuiltAgain(Path kiln, Path dir, String[] args, String why, long starts, Path page, String text)
            throws IOException, InterruptedException {
        assertTrue(kiln(kiln, dir, args).contains("built 1 page"), why);
        assertEquals(starts, starts());
        assertTrue(Files.readString(page).contains(text));
    }

    @Test
    void aBuildWithNothingChangedIsToldByTheLauncherWithoutAJvmAndAnyChangeRunsKiln() throws Exception {
        Path kiln = homeRunningKiln().resolve("kiln");
        Path site = Files.createDirectories(tmp.resolve("blog"));
        Files.writeString(site.resolve("site.yml"), "title: Blog\n");
        Path post = Files.writeString(Files.createDirectories(site.resolve("content/posts")).resolve("2020-01-02-a.md"),
                "---\ntitle: A\n---\nHello.\n");
        Path page = Files.writeString(site.resolve("content/about.md"), "---\ntitle: About\n---\nMe.\n");
        // Inputs made within the second before a build are looked at again by Kiln (file times lag behind).
        Thread.sleep(1_100);
        String[] build = {"build", "--dest", "out"};

        assertTrue(kiln(kiln, site, build).contains("built 2 pages"));
        assertEquals(1, starts());
        String again = kiln(kiln, site, build);
        assertTrue(again.startsWith("nothing changed since the last build into out ("), again);
        assertEquals(1, starts(), "told without a JVM");

        // A file of the output edited by hand, to the same size and with its old time: the launcher leaves it to Kiln.
        Path built = site.resolve("out/about/index.html");
        FileTime time = Files.getLastModifiedTime(built);
        Files.writeString(built, Files.readString(built).replace("Me.", "Us."));
        Files.setLastModifiedTime(built, time);
        kiln(kiln, site, build);
        assertEquals(2, starts());
        // One removed: Kiln writes it again, and the launcher trusts the output that build left.
        Files.delete(built);
        String repaired = kiln(kiln, site, build);
        assertTrue(repaired.contains("1 written"), repaired);
        assertTrue(Files.readString(built).contains("Me."));
        assertEquals(3, starts());
        assertTrue(kiln(kiln, site, build).startsWith("nothing changed"));
        assertEquals(3, starts());

        // An input whose time was set back (cp -p, an archive) is seen by its change of status.
        Files.setLastModifiedTime(page, FileTime.fromMillis(Files.getLastModifiedTime(page).toMillis() - 60_000));
        assertTrue(kiln(kiln, site, build).contains("built 2 pages"));
        assertEquals(4, starts());
        // Changed within the second before that build: Kiln looks once more (here a second later), finds nothing,
        // and tells the launcher.
        Thread.sleep(1_100);
        assertTrue(kiln(kiln, site, build).startsWith("nothing changed"));
        assertEquals(5, starts());
        assertTrue(kiln(kiln, site, build).startsWith("nothing changed"));
        assertEquals(5, starts());

        // Another command, a forced build, a new input folder, an edited post: Kiln runs.
        kiln(kiln, site, "build", "--dest", "out", "--drafts");
        assertEquals(6, starts());
        kiln(kiln, site, "build", "--dest", "out", "--force");
        assertEquals(7, starts());
        // The forced build is told as the command without --force, which builds the same site.
        Thread.sleep(1_100);
        assertTrue(kiln(kiln, site, build).startsWith("nothing changed"), "back to the command without --force");
        assertEquals(7, starts());
        Files.createDirectories(site.resolve("layouts"));
        kiln(kiln, site, build);
        assertEquals(8, starts(), "a layouts/ folder made");
        Thread.sleep(1_100);
        kiln(kiln, site, build);
        assertTrue(kiln(kiln, site, build).startsWith("nothing changed"));
        long before = starts();
        Files.writeString(post, "---\ntitle: A\n---\nHello again.\n");
        assertTrue(kiln(kiln, site, build).contains("built 2 pages"));
        assertEquals(before + 1, starts());
        assertTrue(aPageHolds(site.resolve("out"), "Hello again."), "the edited post was built");
    }

    /** Whether a page (an {@code .html} file) under {@code out} holds {@code text}. */
    private static boolean aPageHolds(Path out, String text) throws IOException {
        try (var pages = Files.walk(out)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".html")).toList()) {
                if (Files.readString(page).contains(text)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A site with one post in {@code dir}, its files a second old: the launcher's check can tell them. */
    private static Path blog(Path dir, String title) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("content/posts"));
        Files.writeString(dir.resolve("site.yml"), "title: " + title + "\n");
        Files.writeString(dir.resolve("content/posts/2020-01-02-a.md"), "---\ntitle: A\n---\nHello.\n");
        return dir;
    }

    @Test
    void aBuildByAnotherKilnIsLeftToKilnsOwnCheck() throws Exception {
        Path kiln = homeRunningKiln().resolve("kiln");
        // Another clone or install of Kiln, whose jar is older than the build: it may build otherwise.
        Path other = Files.createDirectories(tmp.resolve("kiln-other/target"));
        Files.copy(kiln, other.resolveSibling("kiln"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(kiln.resolveSibling("target/kiln.jar"), other.resolve("kiln.jar"), StandardCopyOption.COPY_ATTRIBUTES);
        Path site = blog(tmp.resolve("blog"), "Blog");
        Thread.sleep(1_100);
        String[] build = {"build", "--dest", "out"};

        assertBuiltThenToldUnchanged(kiln, site, build, "built 1 page", 1, null);
        kiln(other.resolveSibling("kiln"), site, build);
        assertEquals(2, starts(), "another Kiln: its own check decides");
    }

    @Test
    void aSiteFolderReplacedByAnotherWhoseFilesAreOlderIsLeftToKilnsOwnCheck() throws Exception {
        Path kiln = homeRunningKiln().resolve("kiln");
        Path one = blog(tmp.resolve("releases/one"), "One");
        Path two = blog(tmp.resolve("releases/two"), "Second");
        Path current = Files.createSymbolicLink(tmp.resolve("current"), Path.of("releases/one"));
        Path staged = blog(tmp.resolve("blog.new"), "Newer");
        Path blog = blog(tmp.resolve("blog"), "Blog");
        Thread.sleep(1_100);

        // A link in --source pointed at another site (a deploy's current -> releases/...).
        String[] fromLink = {"build", "--source", "current", "--dest", tmp.resolve("www").toString()};
        assertBuiltThenToldUnchanged(kiln, tmp, fromLink, "built 1 page", 1, null);
        Files.delete(current);
        Files.createSymbolicLink(current, Path.of("releases/two"));
        assertBuiltAgain(kiln, tmp, fromLink, "the other site", 2, tmp.resolve("www/index.html"), "Second");

        // The site's folder replaced by another, renamed in its place.
        String[] fromFolder = {"build", "--source", "blog", "--dest", tmp.resolve("out").toString()};
        assertBuiltThenToldUnchanged(kiln, tmp, fromFolder, "built 1 page", 3, null);
        Files.move(blog, tmp.resolve("blog.old"));
        Files.move(staged, blog);
        assertBuiltAgain(kiln, tmp, fromFolder, "the other site", 4, tmp.resolve("out/index.html"), "Newer");
    }

    @Test
    void anInputThatIsALinkPointedAtAnotherFileIsLeftToKilnsOwnCheck() throws Exception {
        Path kiln = homeRunningKiln().resolve("kiln");
        Path site = blog(tmp.resolve("blog"), "Blog");
        Files.delete(site.resolve("site.yml"));
        Files.writeString(site.resolve("one.yml"), "title: One\n");
        Files.writeString(site.resolve("two.yml"), "title: Second\n");
        Files.createSymbolicLink(site.resolve("site.yml"), Path.of("one.yml"));
        Thread.sleep(1_100);
        String[] build = {"build", "--dest", "out"};

        assertBuiltThenToldUnchanged(kiln, site, build, "built 1 page", 1, null);
        Files.delete(site.resolve("site.yml"));
        Files.createSymbolicLink(site.resolve("site.yml"), Path.of("two.yml"));
        assertBuiltAgain(kiln, site, build, "the other settings", 2, site.resolve("out/index.html"), "Second");
    }

    @Test
    void aPostThatIsALinkIsLeftToKilnsOwnCheckWhichSeesAnEditToTheFileItLeadsTo() throws Exception {
        Path kiln = homeRunningKiln().resolve("kiln");
        Path site = blog(tmp.resolve("blog"), "Blog");
        // A file kept in the site's folder, outside content/ (a link out of the site is refused).
        Path notes = Files.writeString(Files.createDirectories(site.resolve("notes")).resolve("b.md"),
                "---\ntitle: B\n---\nFirst words.\n");
        Files.createSymbolicLink(site.resolve("content/posts/2020-01-03-b.md"), notes);
        Thread.sleep(1_100);
        String[] build = {"build", "--dest", "out"};

        assertBuiltThenToldUnchanged(kiln, site, build, "built 2 pages", 2,
                "find would not see an edit through the link: Kiln looks");
        Files.writeString(notes, "---\ntitle: B\n---\nSecond words.\n");
        assertTrue(kiln(kiln, site, build).contains("built 2 pages"), "the linked post edited");
        assertTrue(aPageHolds(site.resolve("out"), "Second words."));
    }

    @Test
    void aFindThatFindsNothingWhateverIsAskedIsNotTrusted() throws Exception {
        Path kiln = homeRunningKiln().resolve("kiln");
        Path site = blog(tmp.resolve("blog"), "Blog");
        Thread.sleep(1_100);
        String[] build = {"build", "--dest", "out"};
        assertBuiltThenToldUnchanged(kiln, site, build, "built 1 page", 1, null);

        // A find that is not GNU's and takes the launcher's tests of time for others, or a stand-in: it prints
        // nothing for them (and answers the rest as GNU find).
        String real = new ProcessBuilder("sh", "-c", "command -v find").start().inputReader().readLine();
        Path bin = Files.createDirectories(tmp.resolve("other-bin"));
        Files.writeString(bin.resolve("find"), "#!/bin/sh\ncase \"$*\" in *-newer*) exit 0 ;; esac\nexec '"
                + real + "' \"$@\"\n");
        Files.setPosixFilePermissions(bin.resolve("find"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(site.resolve("content/posts/2020-01-02-a.md"), "---\ntitle: A\n---\nHello again.\n");
        assertTrue(kiln(kiln, site, java.util.Map.of("PATH", bin + ":" + System.getenv("PATH")), build)
                .contains("built 1 page"));
        assertEquals(2, starts());
    }
}
