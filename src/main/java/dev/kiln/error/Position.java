package dev.kiln.error;

/** A 1-based line and column in a source file. */
public record Position(int line, int column) {

    public static final Position START = new Position(1, 1);

    public Position {
        line = Math.max(1, line);
        column = Math.max(1, column);
    }

    /** The position of the character at {@code offset} of {@code text} (lines end at {@code \n}). */
    public static Position of(CharSequence text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(line, offset - lineStart + 1);
    }

    /** A problem at this position of {@code path}. */
    public Problem problem(String path, String message) {
        return new Problem(path, line, column, message);
    }
}
