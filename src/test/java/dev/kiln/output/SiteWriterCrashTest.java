package dev.kiln.output;

import dev.kiln.testing.Kiln;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A write killed at any moment leaves the old site or the new one, never a mix: before its commit point
 * the old site is there as it was; after it, {@link SiteWriter#recover} (which every write runs first)
 * finishes the new one.
 */
class SiteWriterCrashTest {

    /** The old site: a page, a file where the new site has a folder, a folder where it has a file, a page that goes. */
    static final Map<String, String> OLD = Map.of(
            "index.html", "old home",
            "about.html", "old about",
            "a", "old file a",
            "b/index.html", "old folder b",
            "gone/index.html", "old page that goes",
            "feed.xml", "old feed");
    static final Map<String, String> NEW = Map.of(
            "index.html", "new home",
            "about.html", "old about",
            "a/index.html", "new folder a",
            "b", "new file b",
            "feed.xml", "new feed",
            "2021/new/index.html", "new post");

    @TempDir
    Path tmp;

    private Path oldSite(String name) {
        Path dest = tmp.resolve(name);
        SiteWriter.write(CrashingWrite.site(OLD), dest);
        return dest;
    }

    /** Writes the new site into {@code dest}, stopping before its step number {@code k} as a process death would. */
    private static void writeNewAndDieBeforeStep(Path dest, int k) {
        int[] step = {0};
        try {
            SiteWriter.write(CrashingWrite.site(NEW), dest, name -> {
                if (step[0]++ == k) {
                    throw new Crash();
                }
            });
        } catch (Crash expected) {
            // the process died here
        }
    }

    /** The old site's files and the new site's as whole writes leave them, and the steps from one to the other. */
    private record Sites(Map<String, String> oldFiles, Map<String, String> newFiles, List<String> steps) {}

    private Sites sites() throws IOException {
        Map<String, String> oldFiles = Kiln.snapshot(oldSite("old"));
        Path fresh = tmp.resolve("new");
        SiteWriter.write(CrashingWrite.site(NEW), fresh);
        return new Sites(oldFiles, Kiln.snapshot(fresh), steps());
    }

    /** The steps of a write from {@link #OLD} to {@link #NEW}, in order. */
    private List<String> steps() {
        List<String> steps = new ArrayList<>();
        SiteWriter.write(CrashingWrite.site(NEW), oldSite("count"), steps::add);
        return steps;
    }

    /** Stops a write as a crash would. */
    private static final class Crash extends Error {}

    @Test
    void aWriteStoppedAtAnyStepLeavesTheOldSiteOrAfterRecoveryTheNewOne() throws IOException {
        Sites sites = sites();
        Map<String, String> oldFiles = sites.oldFiles();
        Map<String, String> newFiles = sites.newFiles();
        List<String> steps = sites.steps();
        int commit = steps.indexOf("commit");
        assertTrue(commit > 0 && commit < steps.size() - 3, steps.toString());

        for (int k = 0; k < steps.size(); k++) {
            Path dest = oldSite("crash-" + k);
            writeNewAndDieBeforeStep(dest, k);
            String when = "stopped before " + steps.get(k);
            if (k <= commit) {
                assertEquals(oldFiles, withoutStaging(Kiln.snapshot(dest)), when + ": the old site is whole");
            }
            SiteWriter.recover(dest);
            assertEquals(k <= commit ? oldFiles : newFiles, Kiln.snapshot(dest), when + ", then recovered");
        }
    }

    @Test
    void theNextWriteFinishesOrDropsACrashedOneAndWritesItsOwnSite() throws IOException {
        List<String> steps = steps();
        for (int k : List.of(0, steps.indexOf("commit") + 2)) {
            Path dest = oldSite("next-" + k);
            writeNewAndDieBeforeStep(dest, k);
            SiteWriter.write(CrashingWrite.site(OLD), dest);
            assertEquals(Kiln.snapshot(oldSite("again-" + k)), Kiln.snapshot(dest));
        }
    }

    @Test
    void aProcessKilledAtAnyStepOfItsWriteLeavesTheOldSiteOrTheNewOne() throws Exception {
        Sites sites = sites();
        Map<String, String> oldFiles = sites.oldFiles();
        Map<String, String> newFiles = sites.newFiles();
        List<String> steps = sites.steps();
        int commit = steps.indexOf("commit");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int k = 0; k < steps.size(); k++) {
            Path dest = oldSite("killed-" + k);
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    CrashingWrite.class.getName(), dest.toString(), String.valueOf(k))
                    .redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(137, p.exitValue(), said);
            assertEquals("dying before " + steps.get(k), said.strip());
            if (k <= commit) {
                assertEquals(oldFiles, withoutStaging(Kiln.snapshot(dest)), said);
            } else {
                assertTrue(Files.exists(dest.resolve(SiteWriter.JOURNAL)), said + ": the journal is there");
            }
            SiteWriter.recover(dest);
            assertEquals(k <= commit ? oldFiles : newFiles, Kiln.snapshot(dest), said + ", then recovered");
            assertFalse(Files.exists(dest.resolve(SiteWriter.STAGING)));
        }
    }

    private static Map<String, String> withoutStaging(Map<String, String> files) {
        Map<String, String> rest = new java.util.TreeMap<>(files);
        rest.keySet().removeIf(p -> p.startsWith(SiteWriter.STAGING + "/") || p.equals(SiteWriter.JOURNAL));
        return rest;
    }
}
