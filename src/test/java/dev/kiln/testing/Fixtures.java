package dev.kiln.testing;

import dev.kiln.build.Build;
import dev.kiln.build.BuildOptions;
import dev.kiln.build.BuildResult;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Builds sites for tests at a fixed moment, so that "future" and dates never depend on the day. */
public final class Fixtures {

    /** Tests build as if it were this moment. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);

    private Fixtures() {}

    /** Options for building {@code site} at {@link #CLOCK}. */
    public static BuildOptions options(Path site) {
        return BuildOptions.of(site).withClock(CLOCK);
    }

    /** Builds {@code options}; the stage log is dropped. */
    public static BuildResult build(BuildOptions options) {
        List<String> log = new ArrayList<>();
        try (Build build = new Build(log::add)) {
            return build.run(options);
        }
    }

    /** A fixture site under {@code src/test/resources/}. */
    public static Path resource(String path) {
        return Path.of("src/test/resources").resolve(path);
    }
}
