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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
        SiteWatcher watcher = new SiteWatcher(site, DevServer.QUIET_MILLIS, changed -> calls.incrementAndGet());
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
    void aWriteToAFileIsReportedByItsPathAndAnythingElseAsAnything() throws IOException, InterruptedException {
        Files.createDirectories(site.resolve("content/posts"));
        Files.createDirectories(site.resolve("assets"));
        Files.createDirectories(site.resolve("layouts"));
        Files.writeString(site.resolve("content/posts/a.md"), "a");
        Files.writeString(site.resolve("assets/site.css"), "a");
        Files.writeString(site.resolve("layouts/post.html"), "a");
        java.util.concurrent.BlockingQueue<java.util.Optional<java.util.Set<String>>> bursts =
                new java.util.concurrent.LinkedBlockingQueue<>();
        try (SiteWatcher watcher = new SiteWatcher(site, DevServer.QUIET_MILLIS,
                changed -> bursts.add(java.util.Optional.ofNullable(changed)))) {
            watcher.start();

            Files.writeString(site.resolve("content/posts/a.md"), "b");
            Files.writeString(site.resolve("assets/site.css"), "b");
            assertEquals(java.util.Optional.of(java.util.Set.of("content/posts/a.md", "assets/site.css")),
                    nextBurst(bursts), "files written to: the build reads just those again");

            Files.writeString(site.resolve("content/posts/b.md"), "new");
            assertEquals(java.util.Optional.empty(), nextBurst(bursts), "a file made: the build walks the folders");

            Files.delete(site.resolve("content/posts/b.md"));
            assertEquals(java.util.Optional.empty(), nextBurst(bursts), "a file removed");

            Files.writeString(site.resolve("layouts/post.html"), "b");
            assertEquals(java.util.Optional.empty(), nextBurst(bursts), "a layout");

            Files.writeString(site.resolve("site.yml"), "title: T\n");
            assertEquals(java.util.Optional.empty(), nextBurst(bursts), "the settings");
        }
    }

    @Test
    void theFileAPageLinksToIsWatchedInItsFolderUntilNoPageLinksThere() throws IOException, InterruptedException {
        Files.createDirectories(site.resolve("content/posts"));
        Files.createDirectories(site.resolve("notes"));
        Files.writeString(site.resolve("content/posts/a.md"), "a");
        Files.writeString(site.resolve("notes/target.md"), "a");
        java.util.concurrent.BlockingQueue<java.util.Optional<java.util.Set<String>>> bursts =
                new java.util.concurrent.LinkedBlockingQueue<>();
        try (SiteWatcher watcher = new SiteWatcher(site, DevServer.QUIET_MILLIS,
                changed -> bursts.add(java.util.Optional.ofNullable(changed)))) {
            watcher.start();
            watcher.watchTargets(java.util.Set.of("notes/target.md", "content/posts/a.md"));
            assertEquals(java.util.Set.of(site.resolve("notes").toAbsolutePath().normalize()), watcher.targetFolders());

            Files.writeString(site.resolve("notes/target.md"), "b");
            assertEquals(java.util.Optional.of(java.util.Set.of("notes/target.md")), nextBurst(bursts),
                    "the target written to: the build reads the pages that link to it again");

            // Other files of its folder are no part of the site: the next burst is the post's alone.
            Files.writeString(site.resolve("notes/other.md"), "b");
            Files.writeString(site.resolve("content/posts/a.md"), "b");
            assertEquals(java.util.Optional.of(java.util.Set.of("content/posts/a.md")), nextBurst(bursts));

            watcher.watchTargets(java.util.Set.of());
            assertEquals(java.util.Set.of(), watcher.targetFolders(), "no page links to notes/ any more");
            Files.writeString(site.resolve("notes/target.md"), "c");
            Files.writeString(site.resolve("content/posts/a.md"), "c");
            assertEquals(java.util.Optional.of(java.util.Set.of("content/posts/a.md")), nextBurst(bursts));
        }
    }

    @Test
    void theFolderOfALinkedFileRemovedAndMadeAgainIsWatchedAgainAndItsComingBackIsReported() throws IOException, InterruptedException {
        Files.createDirectories(site.resolve("content/posts"));
        Files.createDirectories(site.resolve("notes/drafts"));
        Files.writeString(site.resolve("notes/drafts/target.md"), "a");
        java.util.concurrent.BlockingQueue<java.util.Optional<java.util.Set<String>>> bursts =
                new java.util.concurrent.LinkedBlockingQueue<>();
        try (SiteWatcher watcher = new SiteWatcher(site, DevServer.QUIET_MILLIS,
                changed -> bursts.add(java.util.Optional.ofNullable(changed)))) {
            watcher.start();
            watcher.watchTargets(java.util.Set.of("notes/drafts/target.md"));
            Path drafts = site.resolve("notes/drafts").toAbsolutePath().normalize();

            for (int round = 0; round < 3; round++) {
                Files.delete(site.resolve("notes/drafts/target.md"));
                Files.delete(site.resolve("notes/drafts"));
                Files.delete(site.resolve("notes"));
                assertEquals(java.util.Optional.empty(), nextBurst(bursts), "the target removed");
                // A failed build (its link leads nowhere) tells the watcher nothing new; a good one the same targets.
                if (round == 2) {
                    watcher.watchTargets(java.util.Set.of("notes/drafts/target.md"));
                }

                Files.createDirectories(site.resolve("notes/drafts"));
                Files.writeString(site.resolve("notes/drafts/target.md"), "back " + round);
                assertEquals(java.util.Optional.empty(), nextBurst(bursts), "the folder made again: the build walks the folders");
                watcher.watchTargets(java.util.Set.of("notes/drafts/target.md"));
                assertEquals(java.util.Set.of(drafts), watcher.targetFolders());

                Files.writeString(site.resolve("notes/drafts/target.md"), "edited " + round);
                assertEquals(java.util.Optional.of(java.util.Set.of("notes/drafts/target.md")), nextBurst(bursts),
                        "the target written to after its folder came back");
            }
        }
    }

    /** The next burst the watcher reports, all of it (events of one burst may be reported in two calls). */
    private static java.util.Optional<java.util.Set<String>> nextBurst(
            java.util.concurrent.BlockingQueue<java.util.Optional<java.util.Set<String>>> bursts) throws InterruptedException {
        java.util.Optional<java.util.Set<String>> burst = bursts.poll(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        assertNotNull(burst, "the watcher reported nothing");
        java.util.Optional<java.util.Set<String>> more;
        while ((more = bursts.poll(300, java.util.concurrent.TimeUnit.MILLISECONDS)) != null) {
            if (burst.isEmpty() || more.isEmpty()) {
                burst = java.util.Optional.empty();
            } else {
                java.util.Set<String> both = new java.util.TreeSet<>(burst.get());
                both.addAll(more.get());
                burst = java.util.Optional.of(both);
            }
        }
        return burst.map(java.util.Set::copyOf);
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
