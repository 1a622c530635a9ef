package dev.kiln.layout;

import dev.kiln.error.Problem;

import java.util.List;
import java.util.Objects;

/**
 * What went wrong in a layout while it laid out a page, and where (the column of what it names, or 1): {@code what}
 * in general, {@code detail}
 * what this page's values made of it ("" when nothing), and what to do. Its {@link #general} part is the
 * same for every page that meets it, so that a misspelling in {@code post.peb} is one problem, not one
 * per post.
 */
public record LayoutError(String path, int line, int column, String what, String detail, String advice) {

    public LayoutError {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(advice, "advice");
    }

    /** This error without what one page's values made of it: equal for every page that meets it. */
    public LayoutError general() {
        return new LayoutError(path, line, column, what, "", advice);
    }

    /**
     * This error as a problem met while laying out {@code pages} (at least one: {@code content/about.md},
     * {@code the home page}), naming the first of them and counting the others.
     */
    public Problem problem(List<String> pages) {
        int others = pages.size() - 1;
        String laidOut = pages.get(0) + (others == 0 ? "" : " and " + others + (others == 1 ? " other page" : " other pages"));
        return new Problem(path, line, column, "layout error: " + what + (detail.isEmpty() ? "" : ": " + detail)
                + " (laying out " + laidOut + "): " + advice);
    }

    /** Thrown by {@link Layouts#render} and {@link Layouts#renderUtf8} when a layout fails on the page it lays out. */
    public static final class Failure extends RuntimeException {
        private final LayoutError error;

        Failure(LayoutError error, Throwable cause) {
            super(error.path() + ":" + error.line() + ":" + error.column() + ": " + error.what() + ": " + error.detail() + ": "
                    + error.advice(), cause);
            this.error = error;
        }

        public LayoutError error() {
            return error;
        }
    }
}
