package dev.kiln.markdown;

import dev.kiln.error.Position;
import dev.kiln.error.Problem;

import java.util.List;

/**
 * What is wrong with a Markdown body, at offsets of the body as it was given to {@link MarkdownRenderer#renderPage}:
 * the build places them in the page's file, whose front matter comes first.
 */
public final class BodyProblems extends RuntimeException {

    /** One thing wrong, at {@code offset} of the body: what it is and what to do. */
    public record At(int offset, String message) {}

    private final List<At> problems;

    BodyProblems(List<At> problems) {
        super(problems.isEmpty() ? "" : problems.get(0).message(), null, false, false);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems");
        }
        this.problems = List.copyOf(problems);
    }

    public List<At> problems() {
        return problems;
    }

    /** These problems in the file {@code path} whose text is {@code text}, the body starting at {@code bodyStart}. */
    public List<Problem> in(String path, CharSequence text, int bodyStart) {
        return problems.stream().map(p -> Position.of(text, bodyStart + p.offset()).problem(path, p.message())).toList();
    }
}
