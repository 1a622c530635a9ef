package dev.kiln.error;

/** A 1-based line and column in a source file. */
public record Position(int line, int column) {

    public static final Position START = new Position(1, 1);

    public Position {
        line = Math.max(1, line);
        column = Math.max(1, column);
    }

    /** A problem at this position of {@code path}. */
    public Problem problem(String path, String message) {
        return new Problem(path, line, column, message);
    }
}
