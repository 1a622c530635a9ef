package dev.kiln.layout;

import dev.kiln.config.SiteConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each include is timed by the clock the page is laid out with ({@code kiln build --timings}'s CPU time), not another. */
class IncludeClockTest {

    @TempDir
    Path site;

    /** A clock that moves 1,000 ns at each reading, telling each include's time to {@code told}. */
    private static final class Ticks implements Layouts.IncludeClock {
        long now;
        final List<String> told = new ArrayList<>();

        @Override
        public long now() {
            return now += 1_000;
        }

        @Override
        public void included(String layout, long nanos) {
            told.add(layout + " " + nanos);
        }
    }

    @Test
    void anIncludeIsTimedByThePagesClockWithWhatItIncludes() throws IOException {
        Files.createDirectories(site.resolve("layouts/partials"));
        Files.writeString(site.resolve("layouts/page.peb"), "<p>{% include \"partials/outer\" %}</p>");
        Files.writeString(site.resolve("layouts/partials/outer.peb"), "[{% include \"partials/inner\" %}]");
        Files.writeString(site.resolve("layouts/partials/inner.peb"), "inner");
        Ticks clock = new Ticks();

        String html = new Layouts(site, SiteConfig.defaults()).render("page", Map.of(), clock);

        assertEquals("<p>[inner]</p>", html);
        // The inner include reads the clock twice (1,000 ns apart); the outer one's two readings hold the inner's.
        assertEquals(List.of("partials/inner 1000", "partials/outer 3000"), clock.told);
    }
}
