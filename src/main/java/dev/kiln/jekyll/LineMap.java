package dev.kiln.jekyll;

import dev.kiln.error.Position;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where each line of a page's body, as a conversion left it, stands in the Jekyll file: a warning about any
 * conversion's text names the line (and column) of the file the author wrote. Each conversion's output is mapped to
 * its input by a diff of their lines ({@link #then}): a line the conversion left as it was is the line it came
 * from, column for column; a line it wrote in place of others is at the first of those (column 1, since its
 * columns are the conversion's), the next ones at the next of those, and a line it added at the line it stands
 * before.
 */
final class LineMap {

    /** Beyond this many lines changed, the lines between the first and last change are mapped in order, none as written. */
    private static final int MAX_EDITS = 1000;

    /** The file's line (1-based) of each line of the text (0-based). */
    private final int[] lines;
    /** Whether each line of the text is its file line as written, so that its columns are the file's. */
    private final boolean[] exact;

    private LineMap(int[] lines, boolean[] exact) {
        this.lines = lines;
        this.exact = exact;
    }

    /** The map of {@code text} as it stands in its file, from line {@code firstLine} on. */
    static LineMap of(String text, int firstLine) {
        int n = count(text);
        int[] lines = new int[n];
        for (int i = 0; i < n; i++) {
            lines[i] = firstLine + i;
        }
        boolean[] exact = new boolean[n];
        Arrays.fill(exact, true);
        return new LineMap(lines, exact);
    }

    /** The map of {@code after}, a conversion's output of {@code before}, the text this map is of. */
    LineMap then(String before, String after) {
        if (before.equals(after)) {
            return this;
        }
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        int[] from = match(a, b);
        int[] lines = new int[b.length];
        boolean[] exact = new boolean[b.length];
        int j = 0;
        while (j < b.length) {
            if (from[j] >= 0) {
                lines[j] = line(from[j]);
                exact[j] = exact(from[j]);
                j++;
                continue;
            }
            // A run of lines written in place of the lines of before between the matched lines around it.
            int start = j;
            while (j < b.length && from[j] < 0) {
                j++;
            }
            int first = start == 0 ? 0 : from[start - 1] + 1;
            int last = j == b.length ? a.length : from[j]; // exclusive
            for (int k = start; k < j; k++) {
                lines[k] = line(last > first ? Math.min(first + k - start, last - 1) : first);
            }
        }
        return new LineMap(lines, exact);
    }

    /** The place in the file of {@code column} (1-based) of line {@code line} (0-based) of the text. */
    Position position(int line, int column) {
        return new Position(line(line), line >= 0 && line < exact.length && exact[line] ? column : 1);
    }

    /** A warning, {@code path:line:col: message}, at {@code column} of line {@code line} of the text. */
    String warning(String path, int line, int column, String message) {
        return position(line, column).problem(path, message).toString();
    }

    private int line(int index) {
        if (lines.length == 0) {
            return 1;
        }
        if (index < 0) {
            return lines[0];
        }
        return index < lines.length ? lines[index] : lines[lines.length - 1] + index - lines.length + 1;
    }

    private boolean exact(int index) {
        return index >= 0 && index < exact.length && exact[index];
    }

    private static int count(String text) {
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    /**
     * For each line of {@code b}, the line of {@code a} it is a copy of in a longest common subsequence of their
     * lines (Myers' diff), or -1 for a line the conversion wrote.
     */
    static int[] match(String[] a, String[] b) {
        int[] from = new int[b.length];
        Arrays.fill(from, -1);
        int prefix = 0;
        while (prefix < a.length && prefix < b.length && a[prefix].equals(b[prefix])) {
            from[prefix] = prefix;
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.length - prefix && suffix < b.length - prefix
                && a[a.length - 1 - suffix].equals(b[b.length - 1 - suffix])) {
            from[b.length - 1 - suffix] = a.length - 1 - suffix;
            suffix++;
        }
        int n = a.length - prefix - suffix;
        int m = b.length - prefix - suffix;
        if (n > 0 && m > 0) {
            myers(Arrays.copyOfRange(a, prefix, prefix + n), Arrays.copyOfRange(b, prefix, prefix + m), from, prefix);
        }
        return from;
    }

    /** Sets {@code from[offset + y]} to {@code offset + x} for each line {@code b[y]} matched to {@code a[x]}. */
    private static void myers(String[] a, String[] b, int[] from, int offset) {
        int n = a.length;
        int m = b.length;
        int max = Math.min(n + m, MAX_EDITS);
        int zero = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        for (int d = 0; d <= max; d++) {
            trace.add(Arrays.copyOfRange(v, zero - d, zero + d + 1)); // the furthest x on each diagonal after d - 1
            for (int k = -d; k <= d; k += 2) {
                int x = k == -d || (k != d && v[zero + k - 1] < v[zero + k + 1]) ? v[zero + k + 1] : v[zero + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a[x].equals(b[y])) {
                    x++;
                    y++;
                }
                v[zero + k] = x;
                if (x >= n && y >= m) {
                    backtrack(trace, n, m, from, offset);
                    return;
                }
            }
        }
        // Too many changes to follow: the lines between are mapped in order, none as written.
        for (int y = 0; y < m; y++) {
            from[offset + y] = -1;
        }
    }

    private static void backtrack(List<int[]> trace, int n, int m, int[] from, int offset) {
        int x = n;
        int y = m;
        for (int d = trace.size() - 1; d >= 0; d--) {
            int[] v = trace.get(d);
            int k = x - y;
            int prevX;
            int prevY;
            if (d == 0) {
                prevX = 0;
                prevY = 0;
            } else {
                int prevK = k == -d || (k != d && v[k - 1 + d] < v[k + 1 + d]) ? k + 1 : k - 1;
                prevX = v[prevK + d];
                prevY = prevX - prevK;
            }
            while (x > prevX && y > prevY) {
                x--;
                y--;
                from[offset + y] = offset + x;
            }
            x = prevX;
            y = prevY;
        }
    }
}
