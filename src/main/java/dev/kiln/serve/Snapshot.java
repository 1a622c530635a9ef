package dev.kiln.serve;

import dev.kiln.error.Problem;
import dev.kiln.output.SiteOutput;

import java.util.List;

/**
 * What the server shows: the last site that built, and the problems of the latest build (empty when it
 * succeeded). While there are problems, every page carries an overlay listing them.
 */
record Snapshot(SiteOutput site, List<Problem> problems, String overlay) {

    Snapshot {
        problems = List.copyOf(problems);
    }

    boolean broken() {
        return !problems.isEmpty();
    }
}
