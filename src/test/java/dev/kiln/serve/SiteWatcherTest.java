package dev.kiln.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static dev.kiln.serve.ServeTesting.WAIT;
import static dev.kiln.serve.ServeTesting.pause;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The watcher alone, without builds, so that many folders can be tried quickly: every folder made while
 * watching is watched, and folders that come and go never stop it.
 */
@Timeout(120)
class SiteWatcherTest {

    @TempDir
    Path site;

    private final AtomicLong calls = new AtomicLong();

    private SiteWatcher started() throws IOException {
        Files.createDirectories(site.resolve("content/posts"));
        SiteWatcher watcher = new SiteWatcher(site, DevServer.QUIET_MILLIS, calls::incrementAndGet);
        watcher.start();
        return watcher;
    }

    /** Waits until the watcher has not called for a while (a burst is over) and returns how often it called. */
    private long settled() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        long last = calls.get();
        long since = System.nanoTime();
        while (System.nanoTime() - since < 50_000_000L && System.nanoTime() < deadline) {
            pause(10);
            if (calls.get() != last) {
                last = calls.get();
                since = System.nanoTime();
            }
        }
        return last;
    }

    /** True when the watcher calls again, beyond {@code before} calls, within {@link ServeTesting#WAIT}. */
    private boolean calledAfter(long before) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (calls.get() > before) {
                return true;
            }
            pause(5);
        }
        return false;
    }

    @Test
    void everyFolderOfATreeMadeWhileWatchingIsWatched() throws IOException {
        try (SiteWatcher watcher = started()) {
            // A tree made at once (an unzip, a checkout): its folders appear while the watcher is registering them.
            for (int i = 0; i < 60; i++) {
                Path deepest = site.resolve("content/posts/new" + i + "/a/b/c/d/e");
                Files.createDirectories(deepest);
                long before = settled();

                Files.writeString(deepest.resolve("post.md"), "---\n---\nPost " + i + ".\n");

                assertTrue(calledAfter(before), "a change in " + site.relativize(deepest) + " is never seen");
            }
        }
    }

    @Test
    void foldersThatComeAndGoWhileWatchingDoNotStopTheWatcher() throws IOException {
        try (SiteWatcher watcher = started()) {
            // As a checkout or a tool's scratch folder: trees made and removed at once, over and over.
            for (int i = 0; i < 200; i++) {
                Path top = site.resolve("content/scratch" + i);
                Path deepest = Files.createDirectories(top.resolve("a/b/c/d/e"));
                Files.writeString(deepest.resolve("note.txt"), "scratch\n");
                try (Stream<Path> tree = Files.walk(top)) {
                    for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            long before = settled();

            Files.writeString(site.resolve("content/posts/after.md"), "---\n---\nAfter.\n");

            assertTrue(calledAfter(before), "the watcher still sees changes");
        }
    }
}
