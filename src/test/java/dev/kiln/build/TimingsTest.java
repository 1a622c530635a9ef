package dev.kiln.build;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimingsTest {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Works on this thread until it has used {@code millis} of CPU time. */
    private static long spin(long millis) {
        long until = THREADS.getCurrentThreadCpuTime() + millis * 1_000_000;
        long sum = 0;
        while (THREADS.getCurrentThreadCpuTime() < until) {
            for (int i = 0; i < 10_000; i++) {
                sum += i * 31L ^ sum;
            }
        }
        return sum;
    }

    private static long stopped(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    @Test
    void withCpuTimesAPageThatWasStoppedIsNotTakenForASlowOne() {
        // A page that a collection stopped, or whose thread waited for a core, headed the list on the wall clock
        // (the pause of a collection at 10,000 posts is several pages' worth). The thread's CPU time holds its work.
        Timings timings = Timings.inCpuTime();
        assertTrue(timings.cpu(), "this JVM reads a thread's CPU time");
        timings.page("content/stopped.md", () -> stopped(300));
        timings.page("content/busy.md", () -> spin(40));
        timings.layout("content/busy.md", "post", () -> spin(10));
        timings.layout("content/stopped.md", "post", () -> stopped(300));

        List<Timings.Item> slowest = timings.slowestPages(2);
        assertEquals("content/busy.md", slowest.get(0).name());
        assertTrue(slowest.get(0).millis() >= 50, slowest.toString());
        assertEquals("content/stopped.md", slowest.get(1).name());
        assertTrue(slowest.get(1).millis() < slowest.get(0).millis() / 2, slowest.toString());
        // The layout's time is that of both its pages' work, and the report says which clock it is.
        assertTrue(timings.slowestTemplates(1).get(0).millis() < 100, timings.slowestTemplates(1).toString());
        assertTrue(timings.report().contains("slowest pages (Markdown and layout, CPU time of the threads that did the"
                + " work):"), timings.report().toString());
    }

    @Test
    void itsClockIsTheThreadsCpuTimeWithCpuTimesAndTheWallClockWithout() {
        Timings timings = Timings.inCpuTime();
        long start = timings.now();
        stopped(200);
        timings.included("partials/sidebar", timings.now() - start);
        assertTrue(timings.slowestIncludes(1).get(0).millis() < 100, timings.slowestIncludes(1).toString());

        Timings wall = new Timings();
        start = wall.now();
        stopped(200);
        wall.included("partials/sidebar", wall.now() - start);
        assertTrue(wall.slowestIncludes(1).get(0).millis() >= 200, wall.slowestIncludes(1).toString());
        assertTrue(wall.report().contains("slowest pages (Markdown and layout, wall-clock time, summed over threads):"),
                wall.report().toString());
    }
}
