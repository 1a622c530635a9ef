package dev.kiln.error;

import java.util.List;
import java.util.stream.Collectors;

/** The site has one or more problems; they are sorted by place and reported together. */
public final class SiteException extends RuntimeException {

    private final List<Problem> problems;

    public SiteException(List<Problem> problems) {
        super(problems.stream().sorted().map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a SiteException needs at least one problem");
        }
        this.problems = problems.stream().sorted().distinct().toList();
    }

    public SiteException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
