package dev.kiln.build;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * What one build is asked for: the site folder, whether drafts and future posts are included, an
 * optional base URL overriding {@code site.yml}'s, and the clock that decides what "future" means.
 */
public record BuildOptions(Path source, boolean drafts, boolean future, String baseUrl, Clock clock) {

    public BuildOptions {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(clock, "clock");
    }

    /** A plain build of {@code source}, now. */
    public static BuildOptions of(Path source) {
        return new BuildOptions(source, false, false, null, Clock.systemUTC());
    }

    public BuildOptions withClock(Clock clock) {
        return new BuildOptions(source, drafts, future, baseUrl, clock);
    }

    public BuildOptions withDrafts(boolean drafts) {
        return new BuildOptions(source, drafts, future, baseUrl, clock);
    }

    public BuildOptions withFuture(boolean future) {
        return new BuildOptions(source, drafts, future, baseUrl, clock);
    }

    public BuildOptions withBaseUrl(String baseUrl) {
        return new BuildOptions(source, drafts, future, baseUrl, clock);
    }
}
