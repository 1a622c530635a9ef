package dev.kiln.serve;

import dev.kiln.error.Problem;
import dev.kiln.output.SiteOutput;

import java.util.List;
import java.util.TreeMap;

/**
 * What the server shows: the last site that built, the base path it is served under (its own: the
 * settings of a later broken build may name another), whether any build succeeded yet, and the problems of
 * the latest build (empty when it succeeded). While there are problems, every page carries an overlay
 * listing them.
 */
record Snapshot(SiteOutput site, String basePath, boolean built, List<Problem> problems, String overlay) {

    Snapshot {
        problems = List.copyOf(problems);
    }

    /** Before the first build succeeds: no site, served at the root. */
    static Snapshot nothingYet() {
        return new Snapshot(new SiteOutput(new TreeMap<>()), "", false, List.of(), "");
    }

    /** A site that built, served under {@code basePath}. */
    static Snapshot built(SiteOutput site, String basePath) {
        return new Snapshot(site, basePath, true, List.of(), "");
    }

    /** This snapshot's site, still served, with the problems of a build that failed. */
    Snapshot failed(List<Problem> problems, String overlay) {
        return new Snapshot(site, basePath, built, problems, overlay);
    }

    boolean broken() {
        return !problems.isEmpty();
    }
}
