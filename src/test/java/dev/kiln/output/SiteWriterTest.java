package dev.kiln.output;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The writer makes a folder hold exactly the built site, touching only what changed, and guards sources. */
class SiteWriterTest {

    private static final List<String> SOURCE_FOLDERS = List.of("content", "assets", "layouts");
    /** Files are aged to this moment, so that a rewrite shows as a newer modification time. */
    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));

    @TempDir
    Path tmp;

    // ---- writing ----

    @Test
    void writesEveryFileOfTheSiteWithItsBytes() throws IOException {
        Path dest = tmp.resolve("out");
        SiteOutput site = site("index.html", "home", "2020/01/01/hello/index.html", "hello",
                "assets/css/main.css", "body{}", ".nojekyll", "");

        SiteWriter.Stats stats = SiteWriter.write(site, dest);

        assertEquals(new SiteWriter.Stats(4, 0, 0), stats);
        assertEquals(Map.of("index.html", "home", "2020/01/01/hello/index.html", "hello",
                "assets/css/main.css", "body{}", ".nojekyll", ""), contents(dest));
        assertTrue(Files.exists(dest.resolve(SiteWriter.MARKER)), "the folder is marked as Kiln's output");
    }

    @Test
    void kilnsOwnFilesAreNamedSoThatSiteYmlCannotIncludeThem() {
        // site.yml's include: refuses every name that starts with this, so that no file of the site takes their place.
        for (String own : List.of(SiteWriter.MARKER, SiteWriter.STAGING, SiteWriter.JOURNAL)) {
            assertTrue(own.startsWith(dev.kiln.content.SiteConfigReader.KILN_FILES), own);
        }
    }

    @Test
    void aSpilledSiteIsReadBackFromItsThreadsSpillFileAndTheChangedFilesAreWritten() throws IOException {
        Path dest = tmp.resolve("out");
        SiteWriter.write(site("index.html", "home", "old.html", "old"), dest);
        Path spill = Files.createDirectory(tmp.resolve("spill"));
        SiteOutput.Builder builder = new SiteOutput.Builder(spill);
        assertNull(builder.add("index.html", "home".getBytes(StandardCharsets.UTF_8), "a"));
        assertNull(builder.claim("2020/hello/index.html", "b"));
        assertEquals("b", builder.claim("2020/hello/index.html", "c"), "the first claim on a path keeps it");
        builder.put("2020/hello/index.html", "héllo".getBytes(StandardCharsets.UTF_8));
        SiteOutput site = builder.build();
        try (Stream<Path> spilled = Files.list(spill)) {
            List<Path> files = spilled.toList();
            assertEquals(1, files.size(), "one thread's files wait in one file, not in memory nor a file each");
            assertEquals(4 + 6, Files.size(files.get(0)));
        }
        assertEquals("héllo", new String(site.get("2020/hello/index.html"), StandardCharsets.UTF_8));
        assertEquals(6, site.length("2020/hello/index.html"));
        assertEquals("home", new String(site.files().get("index.html"), StandardCharsets.UTF_8));

        SiteWriter.Stats stats = SiteWriter.write(site, dest);

        assertEquals(new SiteWriter.Stats(1, 1, 1), stats);
        assertEquals(Map.of("index.html", "home", "2020/hello/index.html", "héllo"), contents(dest));
        assertTrue(site.written());
    }

    @Test
    void filesSpilledFromSeveralThreadsAreEachReadBackWhole() throws Exception {
        Path spill = Files.createDirectory(tmp.resolve("spill"));
        SiteOutput.Builder builder = new SiteOutput.Builder(spill);
        Map<String, String> expected = new java.util.TreeMap<>();
        for (int i = 0; i < 400; i++) {
            String path = "p/" + i + "/index.html";
            expected.put(path, ("page " + i + " ").repeat(i % 37 + 1));
            builder.claim(path, "page " + i);
        }
        putFromFourThreads(builder, expected);
        SiteOutput site = builder.build();

        Map<String, String> read = new java.util.TreeMap<>();
        site.files().forEach((path, bytes) -> read.put(path, new String(bytes, StandardCharsets.UTF_8)));
        assertEquals(expected, read);
        try (Stream<Path> spilled = Files.list(spill)) {
            long count = spilled.count();
            assertTrue(count >= 1 && count <= 4, "one spill file a thread, not one a file: " + count);
        }
    }

    @Test
    void aSiteBuiltIntoAFolderWithNoSiteIsWrittenAsItIsMadeAndTheWriteHasNothingLeftToDo() throws IOException {
        Path dest = tmp.resolve("new/out");
        SiteOutput.Builder builder = SiteOutput.Builder.placing(dest);
        assertTrue(Files.exists(dest.resolve(SiteWriter.MARKER)),
                "marked first: a build killed half-way leaves a folder the next build completes");
        builder.add("index.html", "home".getBytes(StandardCharsets.UTF_8), "a");
        builder.add("2020/01/01/hello/index.html", "hello".getBytes(StandardCharsets.UTF_8), "b");
        assertEquals("hello", Files.readString(dest.resolve("2020/01/01/hello/index.html")),
                "each file is at its place as soon as it is made");
        SiteOutput site = builder.build();
        assertFalse(site.written());

        SiteWriter.Stats stats = SiteWriter.write(site, dest);

        assertEquals(new SiteWriter.Stats(2, 0, 0), stats);
        assertTrue(site.written());
        assertEquals(Map.of("index.html", "home", "2020/01/01/hello/index.html", "hello"), contents(dest));
        assertEquals("hello", new String(site.get("2020/01/01/hello/index.html"), StandardCharsets.UTF_8));
        assertFalse(Files.exists(dest.resolve(SiteWriter.STAGING)));

        SiteWriter.Stats again = SiteWriter.write(site("index.html", "home", "2020/01/01/hello/index.html", "hello"), dest);
        assertEquals(new SiteWriter.Stats(0, 2, 0), again, "the next build finds the site in place");
    }

    @Test
    void onlyAMissingOrEmptyFolderTakesFilesAsTheyAreMadeAndDiscardingEmptiesIt() throws IOException {
        Path dest = tmp.resolve("out");
        assertTrue(SiteWriter.holdsNoSite(dest));
        Files.createDirectory(dest);
        assertTrue(SiteWriter.holdsNoSite(dest));
        SiteOutput.Builder builder = SiteOutput.Builder.placing(dest);
        builder.add("a/b/index.html", "x".getBytes(StandardCharsets.UTF_8), "a");
        assertFalse(SiteWriter.holdsNoSite(dest));
        assertThrows(IllegalArgumentException.class, () -> SiteOutput.Builder.placing(dest));

        SiteWriter.discard(dest);

        try (Stream<Path> left = Files.list(dest)) {
            assertEquals(List.of(), left.toList(), "what a failed build placed is gone, marker and folders too");
        }
    }

    @Test
    void writingTheSameSiteAgainWritesNothingAndKeepsModificationTimes() throws IOException {
        Path dest = tmp.resolve("out");
        SiteOutput site = site("index.html", "home", "a/b/c.html", "deep", "about/index.html", "about");
        SiteWriter.write(site, dest);
        age(dest);
        Map<String, FileTime> before = mtimes(dest);

        SiteWriter.Stats stats = SiteWriter.write(site, dest);

        assertEquals(new SiteWriter.Stats(0, 3, 0), stats);
        assertEquals(before, mtimes(dest));
    }

    @Test
    void aChangedFileIsRewrittenAndNoOtherFileIs() throws IOException {
        Path dest = tmp.resolve("out");
        SiteWriter.write(site("index.html", "home", "about/index.html", "about", "x.css", "a{}"), dest);
        age(dest);

        SiteWriter.Stats stats = SiteWriter.write(
                site("index.html", "home", "about/index.html", "about, edited", "x.css", "a{}"), dest);

        assertEquals(new SiteWriter.Stats(1, 2, 0), stats);
        assertEquals("about, edited", read(dest.resolve("about/index.html")));
        Map<String, FileTime> after = mtimes(dest);
        assertNotEquals(LONG_AGO, after.get("about/index.html"));
        assertEquals(LONG_AGO, after.get("index.html"));
        assertEquals(LONG_AGO, after.get("x.css"));
    }

    @Test
    void aFileOfTheSameSizeWithOtherBytesIsRewritten() throws IOException {
        Path dest = tmp.resolve("out");
        SiteWriter.write(site("index.html", "abc"), dest);

        SiteWriter.Stats stats = SiteWriter.write(site("index.html", "xyz"), dest);

        assertEquals(new SiteWriter.Stats(1, 0, 0), stats);
        assertEquals("xyz", read(dest.resolve("index.html")));
    }

    @Test
    void filesGoneFromTheSiteAreRemovedWithTheFoldersTheyEmptied() throws IOException {
        Path dest = tmp.resolve("out");
        SiteWriter.write(site("index.html", "home", "2020/01/01/old/index.html", "old",
                "2020/02/02/kept/index.html", "kept", "tags/x/index.html", "x"), dest);

        SiteWriter.Stats stats = SiteWriter.write(site("index.html", "home",
                "2020/02/02/kept/index.html", "kept"), dest);

        assertEquals(new SiteWriter.Stats(0, 2, 2), stats);
        assertEquals(Map.of("index.html", "home", "2020/02/02/kept/index.html", "kept"), contents(dest));
        assertFalse(Files.exists(dest.resolve("2020/01")), "emptied folders are removed");
        assertFalse(Files.exists(dest.resolve("tags")), "emptied folders are removed");
        assertTrue(Files.isDirectory(dest.resolve("2020/02/02/kept")));
        assertTrue(Files.exists(dest.resolve(SiteWriter.MARKER)), "the marker stays");
    }

    @Test
    void noTemporaryFileIsLeftBehind() throws IOException {
        Path dest = tmp.resolve("out");
        SiteWriter.write(site("index.html", "one", "a/index.html", "a"), dest);
        SiteWriter.write(site("index.html", "two", "a/index.html", "b"), dest);

        assertEquals(Map.of("index.html", "two", "a/index.html", "b"), contents(dest));
    }

    @Test
    void filesPlacedFromSeveralThreadsIntoSharedFoldersAreEachWritten() throws Exception {
        Path dest = tmp.resolve("placed");
        SiteOutput.Builder builder = SiteOutput.Builder.placing(dest);
        Map<String, String> expected = new TreeMap<>();
        for (int i = 0; i < 600; i++) {
            // posts of a few days share their year, month and day folders: threads race to make them
            String path = String.format("20%02d/%02d/%02d/post-%d/index.html", 10 + i % 3, 1 + i % 4, 1 + i % 5, i);
            expected.put(path, "post " + i);
            builder.claim(path, "post " + i);
        }
        putFromFourThreads(builder, expected);

        assertEquals(expected, contents(dest));
    }

    @Test
    void aFileReplacedByAFolderIsWritten() throws IOException {
        Path dest = tmp.resolve("out");
        SiteWriter.write(site("notes", "a file", "index.html", "home"), dest);

        SiteWriter.write(site("notes/index.html", "now a folder", "index.html", "home"), dest);

        assertEquals(Map.of("notes/index.html", "now a folder", "index.html", "home"), contents(dest));
    }

    @Test
    void aFileReplacedByAFolderOfFoldersIsWritten() throws IOException {
        Path dest = tmp.resolve("out");
        SiteWriter.write(site("notes", "a file", "index.html", "home"), dest);

        SiteWriter.write(site("notes/2020/index.html", "deeper", "index.html", "home"), dest);

        assertEquals(Map.of("notes/2020/index.html", "deeper", "index.html", "home"), contents(dest));
    }

    @Test
    void aFolderReplacedByAFileIsWritten() throws IOException {
        Path dest = tmp.resolve("out");
        SiteWriter.write(site("notes/index.html", "a folder", "notes/2020/x.html", "x", "index.html", "home"), dest);

        SiteWriter.write(site("notes", "now a file", "index.html", "home"), dest);

        assertEquals(Map.of("notes", "now a file", "index.html", "home"), contents(dest));
        assertTrue(Files.isRegularFile(dest.resolve("notes")));
    }

    // ---- where it may write ----

    @Test
    void refusesTheSiteFolderItself() throws IOException {
        Path site = newSite();
        assertEquals("is the site folder itself", SiteWriter.unsafeDestination(site, site, SOURCE_FOLDERS));
        assertEquals("is the site folder itself",
                SiteWriter.unsafeDestination(site, site.resolve("content/.."), SOURCE_FOLDERS));
    }

    @Test
    void refusesAFolderThatContainsTheSiteFolder() throws IOException {
        Path site = newSite();
        assertEquals("contains the site folder",
                SiteWriter.unsafeDestination(site, site.getParent(), SOURCE_FOLDERS));
        assertEquals("contains the site folder",
                SiteWriter.unsafeDestination(site, site.getParent().getParent(), SOURCE_FOLDERS));
    }

    @Test
    void refusesTheHomeFolderEvenWhenItHoldsAMarker() throws IOException {
        Path site = newSite();
        Path home = Path.of(System.getProperty("user.home"));
        assertEquals("is your home folder", SiteWriter.unsafeDestination(site, home, SOURCE_FOLDERS));
        assertEquals("is your home folder",
                SiteWriter.unsafeDestination(site, home.resolve("x/.."), SOURCE_FOLDERS));
    }

    @Test
    void refusesTheRootOfTheFileSystem() throws IOException {
        Path site = newSite();
        assertEquals("is the root of the file system",
                SiteWriter.unsafeDestination(site, site.getRoot(), SOURCE_FOLDERS));
    }

    @Test
    void refusesAFolderInsideContentAssetsOrLayouts() throws IOException {
        Path site = newSite();
        for (String folder : SOURCE_FOLDERS) {
            assertEquals("is inside the site's " + folder + "/ folder",
                    SiteWriter.unsafeDestination(site, site.resolve(folder), SOURCE_FOLDERS), folder);
            assertEquals("is inside the site's " + folder + "/ folder",
                    SiteWriter.unsafeDestination(site, site.resolve(folder).resolve("new/out"), SOURCE_FOLDERS),
                    folder + "/new/out");
        }
    }

    @Test
    void refusesANewFolderInsideContentWhenTheSiteIsReachedThroughALink() throws IOException {
        Path site = newSite();
        Path link = tmp.resolve("blog-link");
        try {
            Files.createSymbolicLink(link, site);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("symbolic links are not available here: " + e);
        }

        assertEquals("is inside the site's content/ folder",
                SiteWriter.unsafeDestination(link, link.resolve("content/new"), SOURCE_FOLDERS));
        assertEquals("is inside the site's content/ folder",
                SiteWriter.unsafeDestination(site, link.resolve("content/new"), SOURCE_FOLDERS));
        assertEquals("is the site folder itself", SiteWriter.unsafeDestination(site, link, SOURCE_FOLDERS));
    }

    @Test
    void refusesAnExistingFile() throws IOException {
        Path site = newSite();
        Path file = Files.writeString(tmp.resolve("notes.txt"), "mine");

        assertNotNull(SiteWriter.unsafeDestination(site, file, SOURCE_FOLDERS));
    }

    @Test
    void refusesANonEmptyFolderThatKilnDidNotWrite() throws IOException {
        Path site = newSite();
        Path docs = Files.createDirectories(tmp.resolve("my-documents"));
        Files.writeString(docs.resolve("thesis.odt"), "years of work");

        String why = SiteWriter.unsafeDestination(site, docs, SOURCE_FOLDERS);

        assertNotNull(why);
        assertTrue(why.contains("did not write"), why);
    }

    @Test
    void acceptsANewFolderAnEmptyFolderAndTheDefaultTargetSite() throws IOException {
        Path site = newSite();
        assertNull(SiteWriter.unsafeDestination(site, tmp.resolve("brand/new"), SOURCE_FOLDERS));
        assertNull(SiteWriter.unsafeDestination(site, Files.createDirectory(tmp.resolve("empty")), SOURCE_FOLDERS));
        assertNull(SiteWriter.unsafeDestination(site, site.resolve("target/site"), SOURCE_FOLDERS));
    }

    @Test
    void acceptsAFolderItWroteBefore() throws IOException {
        Path site = newSite();
        Path dest = tmp.resolve("out");
        SiteWriter.write(site("index.html", "home"), dest);

        assertNull(SiteWriter.unsafeDestination(site, dest, SOURCE_FOLDERS));
    }

    // ---- helpers ----

    /** A site folder with its source folders, each holding a file. */
    private Path newSite() throws IOException {
        Path site = tmp.resolve("blog");
        for (String folder : SOURCE_FOLDERS) {
            Files.createDirectories(site.resolve(folder));
            Files.writeString(site.resolve(folder).resolve("keep.txt"), "source");
        }
        return site;
    }

    /** A site of {@code path, text, path, text, ...}. */
    private static SiteOutput site(String... pathsAndTexts) {
        TreeMap<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            files.put(pathsAndTexts[i], pathsAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return new SiteOutput(files);
    }

    /** Every file under {@code dest} but the marker, as text. */
    /** Puts each of {@code files} (path to text, each claimed) into {@code builder} from a pool of four threads. */
    private static void putFromFourThreads(SiteOutput.Builder builder, Map<String, String> files) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> puts = new java.util.ArrayList<>();
            files.forEach((path, text) -> puts.add(pool.submit(
                    () -> builder.put(path, text.getBytes(StandardCharsets.UTF_8)))));
            for (java.util.concurrent.Future<?> put : puts) {
                put.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static Map<String, String> contents(Path dest) throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (Path file : files(dest)) {
            files.put(rel(dest, file), read(file));
        }
        return files;
    }

    private static Map<String, FileTime> mtimes(Path dest) throws IOException {
        Map<String, FileTime> times = new TreeMap<>();
        for (Path file : files(dest)) {
            times.put(rel(dest, file), Files.getLastModifiedTime(file));
        }
        return times;
    }

    private static void age(Path dest) throws IOException {
        for (Path file : files(dest)) {
            Files.setLastModifiedTime(file, LONG_AGO);
        }
    }

    private static List<Path> files(Path dest) throws IOException {
        try (Stream<Path> all = Files.walk(dest)) {
            return all.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals(SiteWriter.MARKER))
                    .sorted()
                    .toList();
        }
    }

    private static String rel(Path dest, Path file) {
        return dest.relativize(file).toString().replace('\\', '/');
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
