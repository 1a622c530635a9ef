package dev.kiln.error;

import java.util.Comparator;
import java.util.Objects;

/** One thing wrong with a site, at a place in one of its files: printed as {@code path:line:col: message}. */
public record Problem(String path, int line, int column, String message) implements Comparable<Problem> {

    private static final Comparator<Problem> ORDER = Comparator.comparing(Problem::path)
            .thenComparingInt(Problem::line)
            .thenComparingInt(Problem::column)
            .thenComparing(Problem::message);

    public Problem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        line = Math.max(1, line);
        column = Math.max(1, column);
    }

    /** A problem with a whole file, reported at its first line. */
    public static Problem inFile(String path, String message) {
        return new Problem(path, 1, 1, message);
    }

    @Override
    public int compareTo(Problem other) {
        return ORDER.compare(this, other);
    }

    // equals and hashCode written out: a record's own are linked at their first call by a bootstrap method that
    // the start-up archive cannot hold (a build's link report compares problems; bench/PERFORMANCE-LOG.md).
    @Override
    public boolean equals(Object o) {
        return o instanceof Problem p && line == p.line && column == p.column && path.equals(p.path)
                && message.equals(p.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, line, column, message);
    }

    @Override
    public String toString() {
        return path + ":" + line + ":" + column + ": " + message;
    }
}
