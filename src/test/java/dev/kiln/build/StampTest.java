package dev.kiln.build;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StampTest {

    @TempDir
    Path tmp;

    @Test
    void theOutputsStampChangesWithAFilesSizeOrTimeAndIgnoresTheMarkerAndFolders() throws IOException {
        Path dest = tmp.resolve("site");
        Files.createDirectories(dest.resolve("2020/01/02/post"));
        Path page = Files.writeString(dest.resolve("2020/01/02/post/index.html"), "<p>hi</p>");
        Files.writeString(dest.resolve("index.html"), "home");
        String stamp = Stamp.current("in", dest, ".kiln-output");
        assertTrue(stamp.endsWith(" 2 13 " + stamp.split(" ")[4]), stamp);

        Files.writeString(dest.resolve(".kiln-output"), "anything");
        Files.createDirectories(dest.resolve("empty/folder"));
        assertEquals(stamp, Stamp.current("in", dest, ".kiln-output"), "the marker and folders are not the site");

        Files.setLastModifiedTime(page, FileTime.fromMillis(Files.getLastModifiedTime(page).toMillis() + 5_000));
        String touched = Stamp.current("in", dest, ".kiln-output");
        assertNotEquals(stamp, touched);
        Files.writeString(page, "<p>hi!</p>");
        String written = Stamp.current("in", dest, ".kiln-output");
        assertNotEquals(touched, written);

        // Each top folder is tallied on its own (on every core): a file added deep in another one still counts.
        Files.createDirectories(dest.resolve("tags/java"));
        Files.writeString(dest.resolve("tags/java/index.html"), "java");
        String added = Stamp.current("in", dest, ".kiln-output");
        assertTrue(added.endsWith(" 3 18 " + added.split(" ")[4]), added);
        assertEquals(added, Stamp.current("in", dest, ".kiln-output"), "the same folder, the same stamp");
    }

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
        String inputs = Stamp.inputs(options, "1", folders, List.of("site.yml"));

        assertEquals(inputs, Stamp.inputs(options, "1", folders, List.of("site.yml")), "the same files, the same stamp");
        Files.setLastModifiedTime(deep, FileTime.fromMillis(Files.getLastModifiedTime(deep).toMillis() + 5_000));
        String touched = Stamp.inputs(options, "1", folders, List.of("site.yml"));
        assertNotEquals(inputs, touched, "a file deep in a folder touched, at the same size");
        Files.createDirectories(site.resolve("content/posts/2021"));
        String folder = Stamp.inputs(options, "1", folders, List.of("site.yml"));
        assertNotEquals(touched, folder, "an empty folder added");
        Files.delete(site.resolve("content/posts/post-150.md"));
        assertNotEquals(folder, Stamp.inputs(options, "1", folders, List.of("site.yml")), "a file removed");
        assertNotEquals(inputs, Stamp.inputs(options, "2", folders, List.of("site.yml")), "another Kiln");
    }

    @Test
    void anEmptyStampIsNeverRecorded() throws IOException {
        Path marker = Files.writeString(tmp.resolve(".kiln-output"), "");
        assertFalse(Stamp.recorded(marker, ""), "a folder that cannot be read, or a build that left out future posts");
        Files.writeString(marker, "kiln-stamp x");
        assertTrue(Stamp.recorded(marker, "kiln-stamp x"));
        assertEquals("", Stamp.current("in", tmp.resolve("missing"), ".kiln-output"));
    }

    @Test
    void aFolderIsUnchangedWhileItsMarkerNamesTheseInputsAndItsFilesAreAsRecorded() throws IOException {
        Path dest = Files.createDirectories(tmp.resolve("site"));
        Path page = Files.writeString(dest.resolve("index.html"), "home");
        assertFalse(Stamp.unchanged(dest, ".kiln-output", "in"), "no marker");
        Files.writeString(dest.resolve(".kiln-output"), Stamp.current("in", dest, ".kiln-output"));

        assertTrue(Stamp.unchanged(dest, ".kiln-output", "in"));
        assertFalse(Stamp.unchanged(dest, ".kiln-output", "other"), "built from other inputs");
        assertFalse(Stamp.unchanged(dest, ".kiln-output", "i"), "a prefix of the inputs is other inputs");
        Files.setLastModifiedTime(page, FileTime.fromMillis(Files.getLastModifiedTime(page).toMillis() + 5_000));
        assertFalse(Stamp.unchanged(dest, ".kiln-output", "in"), "a file of the site touched since");
    }
}
