package dev.kiln.build;

import dev.kiln.output.SiteOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StampTest {

    @TempDir
    Path tmp;

    @Test
    void theInputsChangeWithAnyFileOrFolderUnderTheSourceFoldersAndOnlyThen() throws IOException {
        Path site = tmp.resolve("blog");
        Files.createDirectories(site.resolve("content/posts/2020"));
        Files.createDirectories(site.resolve("layouts/partials"));
        for (int i = 0; i < 300; i++) {
            Files.writeString(site.resolve("content/posts/post-" + i + ".md"), "post " + i);
        }
        Path deep = Files.writeString(site.resolve("content/posts/2020/deep.md"), "deep");
        Files.writeString(site.resolve("layouts/partials/head.peb"), "<head>");
        Files.writeString(site.resolve("site.yml"), "title: Blog\n");
        BuildOptions options = BuildOptions.of(site);
        List<String> folders = List.of("content", "layouts", "assets");
        String inputs = Stamp.read(options, "1", folders, List.of("site.yml")).digest();

        assertEquals(inputs, Stamp.read(options, "1", folders, List.of("site.yml")).digest(), "the same files, the same stamp");
        Files.setLastModifiedTime(deep, FileTime.fromMillis(Files.getLastModifiedTime(deep).toMillis() + 5_000));
        String touched = Stamp.read(options, "1", folders, List.of("site.yml")).digest();
        assertNotEquals(inputs, touched, "a file deep in a folder touched, at the same size");
        Files.createDirectories(site.resolve("content/posts/2021"));
        String folder = Stamp.read(options, "1", folders, List.of("site.yml")).digest();
        assertNotEquals(touched, folder, "an empty folder added");
        Files.delete(site.resolve("content/posts/post-150.md"));
        assertNotEquals(folder, Stamp.read(options, "1", folders, List.of("site.yml")).digest(), "a file removed");
        assertNotEquals(inputs, Stamp.read(options, "2", folders, List.of("site.yml")).digest(), "another Kiln");
    }

    @Test
    void theInputsChangeWhenAFileOrFolderIsMadeUnreadableThoughItsSizeAndTimeDoNot() throws IOException {
        // QA: a post made chmod 000 after a build was taken for nothing changed; the error showed only with --force.
        Path site = tmp.resolve("blog");
        Path post = Files.writeString(Files.createDirectories(site.resolve("content/posts")).resolve("a.md"), "a");
        Path config = Files.writeString(site.resolve("site.yml"), "title: Blog\n");
        BuildOptions options = BuildOptions.of(site);
        List<String> folders = List.of("content", "layouts", "assets");
        String inputs = Stamp.read(options, "1", folders, List.of("site.yml")).digest();

        for (Path locked : List.of(post, config, site.resolve("content/posts"))) {
            var mode = Files.getPosixFilePermissions(locked);
            FileTime time = Files.getLastModifiedTime(locked);
            Files.setPosixFilePermissions(locked, java.util.Set.of());
            Files.setLastModifiedTime(locked, time);
            try {
                assertNotEquals(inputs, Stamp.read(options, "1", folders, List.of("site.yml")).digest(), locked + " made unreadable");
            } finally {
                Files.setPosixFilePermissions(locked, mode);
            }
            assertEquals(inputs, Stamp.read(options, "1", folders, List.of("site.yml")).digest(), locked + " readable again");
        }
    }

    @Test
    void theDigestIsTheDescriptionsCrc32AndCrc32cInEightHexDigitsEachAndItsLength() {
        // The two codes' standard check values, over "123456789".
        assertEquals("cbf43926e3069283-9", Stamp.digest("123456789".getBytes(StandardCharsets.US_ASCII)));
        // Leading zeros are kept: the empty text's codes are both 0.
        assertEquals("0000000000000000-0", Stamp.digest(new byte[0]));
        assertNotEquals(Stamp.digest("a\t12\t100".getBytes(StandardCharsets.UTF_8)),
                Stamp.digest("a\t12\t101".getBytes(StandardCharsets.UTF_8)), "one digit of a time changed");
    }

    @Test
    void aFolderIsUnchangedWhileItsMarkerNamesTheseInputsAndItHoldsTheFilesWrittenNoneModifiedSince() throws IOException {
        Path dest = tmp.resolve("site");
        SortedMap<String, byte[]> files = new TreeMap<>();
        files.put("2020/01/02/post/index.html", "<p>hi</p>".getBytes(StandardCharsets.UTF_8));
        files.put("index.html", "home".getBytes(StandardCharsets.UTF_8));
        for (var file : files.entrySet()) {
            Files.createDirectories(dest.resolve(file.getKey()).getParent());
            Files.write(dest.resolve(file.getKey()), file.getValue());
        }
        Path page = dest.resolve("2020/01/02/post/index.html");
        Path marker = dest.resolve(".kiln-output");
        assertFalse(Stamp.unchanged(dest, ".kiln-output", "in"), "no marker");
        String stamp = Stamp.written("in", new SiteOutput(files));
        assertEquals("kiln-stamp in 2 13\n", stamp, "the number and total size of the files");
        Files.writeString(marker, stamp);
        long written = Files.getLastModifiedTime(marker).toMillis();

        assertTrue(Stamp.unchanged(dest, ".kiln-output", "in"));
        assertFalse(Stamp.unchanged(dest, ".kiln-output", "other"), "built from other inputs");
        assertFalse(Stamp.unchanged(dest, ".kiln-output", "i"), "a prefix of the inputs is other inputs");
        Files.createDirectories(dest.resolve("empty/folder"));
        assertTrue(Stamp.unchanged(dest, ".kiln-output", "in"), "folders are not the site");

        Files.setLastModifiedTime(page, FileTime.fromMillis(written + 5_000));
        assertFalse(Stamp.unchanged(dest, ".kiln-output", "in"), "a file modified after the marker, at the same size");
        Files.setLastModifiedTime(page, FileTime.fromMillis(written - 5_000));
        assertTrue(Stamp.unchanged(dest, ".kiln-output", "in"));

        Files.writeString(page, "<p>hi!</p>");
        Files.setLastModifiedTime(page, FileTime.fromMillis(written - 5_000));
        assertFalse(Stamp.unchanged(dest, ".kiln-output", "in"), "another size, even at an older time");
        Files.writeString(page, "<p>hi</p>");
        Files.setLastModifiedTime(page, FileTime.fromMillis(written - 5_000));
        assertTrue(Stamp.unchanged(dest, ".kiln-output", "in"));

        // A file added deep in another top folder still counts.
        Path added = Files.writeString(Files.createDirectories(dest.resolve("tags/java")).resolve("index.html"), "");
        Files.setLastModifiedTime(added, FileTime.fromMillis(written - 5_000));
        assertFalse(Stamp.unchanged(dest, ".kiln-output", "in"), "a file added, even empty and older");
        Files.delete(added);
        assertTrue(Stamp.unchanged(dest, ".kiln-output", "in"));
        Files.delete(dest.resolve("index.html"));
        assertFalse(Stamp.unchanged(dest, ".kiln-output", "in"), "a file removed");
    }

    @Test
    void anEmptyStampIsNeverTrusted() throws IOException {
        Path dest = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(dest.resolve(".kiln-output"), "");
        assertFalse(Stamp.unchanged(dest, ".kiln-output", ""), "a build that left out future posts");
        assertFalse(Stamp.unchanged(tmp.resolve("missing"), ".kiln-output", "in"));
    }

    @Test
    void theInputsChangeWhenAFileALinkLeadsToIsEditedAndSayThatALinkStandsInTheirFolders() throws IOException {
        Path site = tmp.resolve("blog");
        Files.createDirectories(site.resolve("content/posts"));
        Files.writeString(site.resolve("site.yml"), "title: Blog\n");
        Files.writeString(site.resolve("content/posts/a.md"), "a");
        BuildOptions options = BuildOptions.of(site);
        List<String> folders = List.of("content");
        Stamp.Inputs plain = Stamp.read(options, "1", folders, List.of("site.yml"));
        assertFalse(plain.links());

        Path notes = Files.writeString(Files.createDirectories(tmp.resolve("notes")).resolve("b.md"), "b");
        Files.createSymbolicLink(site.resolve("content/posts/b.md"), notes);
        Stamp.Inputs linked = Stamp.read(options, "1", folders, List.of("site.yml"));
        assertTrue(linked.links(), "the launcher's find would not see an edit through it");
        Files.writeString(notes, "b, edited");
        assertNotEquals(linked.digest(), Stamp.read(options, "1", folders, List.of("site.yml")).digest(),
                "the file the link leads to edited, the link untouched");

        Path shared = Files.writeString(tmp.resolve("shared.yml"), "title: Shared\n");
        Files.delete(site.resolve("site.yml"));
        Files.createSymbolicLink(site.resolve("site.yml"), shared);
        Files.delete(site.resolve("content/posts/b.md"));
        Stamp.Inputs top = Stamp.read(options, "1", folders, List.of("site.yml"));
        assertFalse(top.links(), "a file named at the top is looked at through its link by the launcher too");
        Files.writeString(shared, "title: Shared, edited\n");
        assertNotEquals(top.digest(), Stamp.read(options, "1", folders, List.of("site.yml")).digest());
    }

    @Test
    void theLauncherIsToldTheCommandTheTimeBeforeTheInputsWereReadAndWhatToLookAt() throws IOException {
        Path site = tmp.resolve("blog");
        Files.createDirectories(site.resolve("content/posts"));
        Files.createDirectories(site.resolve("config"));
        Files.writeString(site.resolve("site.yml"), "title: Blog\n");

        String lines = Stamp.launcher(1_700_000_000_042L, "/home/me", "/opt/kiln/kiln", List.of("--dest", "out dir"), site,
                List.of("content", "layouts", "config/_default"), List.of("site.yml", "hugo.toml"));

        java.util.Map<String, Object> id = Files.readAttributes(site.toAbsolutePath(), "unix:dev,ino");
        assertEquals("since 1700000000.042\n"
                + "cwd /home/me\n"
                + "kiln /opt/kiln/kiln\n"
                + "root " + id.get("dev") + ":" + id.get("ino") + " " + site.toAbsolutePath() + "\n"
                + "arg --dest\narg out dir\n"
                + "tree " + site.resolve("site.yml") + "\n"
                + "absent " + site.resolve("hugo.toml") + "\n"
                + "tree " + site.resolve("content") + "\n"
                + "absent " + site.resolve("layouts") + "\n"
                + "absent " + site.resolve("config/_default") + "\n"
                + "end\n", lines);
        assertEquals("since 5.000\ncwd /\nkiln k\nroot " + id.get("dev") + ":" + id.get("ino") + " " + site.toAbsolutePath()
                + "\nend\n", Stamp.launcher(5_000, "/", "k", List.of(), site, List.of(), List.of()), "whole seconds");
        assertEquals("", Stamp.launcher(0, "/home/me", "k", List.of("--dest", "a\nb"), site, List.of(), List.of()),
                "the launcher reads lines: a line break in an argument is for Kiln's own check");
        assertEquals("", Stamp.launcher(0, "/home/me", null, List.of(), site, List.of(), List.of()),
                "not started by the launcher: no Kiln to name");
    }

    @Test
    void theLaunchersLinesAfterTheStampAreNoPartOfItAndAreReplacedAfterACheckThatNothingChanged() throws IOException {
        Path dest = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(dest.resolve("index.html"), "home");
        Path marker = dest.resolve(".kiln-output");
        String stamp = Stamp.written("in", new SiteOutput(new TreeMap<>(java.util.Map.of(
                "index.html", "home".getBytes(StandardCharsets.UTF_8)))));
        Files.writeString(marker, stamp + "since 1.000\ncwd /a\n");
        assertTrue(Stamp.unchanged(dest, ".kiln-output", "in"));

        Stamp.relaunch(marker, "since 2.000\ncwd /b\n");
        assertEquals(stamp + "since 2.000\ncwd /b\n", Files.readString(marker));
        assertTrue(Stamp.unchanged(dest, ".kiln-output", "in"));
        Stamp.relaunch(marker, "");
        assertEquals(stamp + "since 2.000\ncwd /b\n", Files.readString(marker), "nothing to tell: left as it was");
    }
}
