package dev.kiln.build;

import dev.kiln.error.Problem;
import dev.kiln.error.SiteException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Runs one stage over many items on a fixed pool, gathering every item's problems before failing once. */
final class Parallel {

    private final ExecutorService pool;

    Parallel(ExecutorService pool) {
        this.pool = pool;
    }

    /** {@code stage} applied to each item, in the items' order; all problems of all items thrown together. */
    <T, R> List<R> map(List<T> items, Function<T, R> stage) {
        List<Future<R>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            futures.add(pool.submit(() -> stage.apply(item)));
        }
        List<R> results = new ArrayList<>(items.size());
        List<Problem> problems = new ArrayList<>();
        for (Future<R> future : futures) {
            try {
                results.add(future.get());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof SiteException site) {
                    problems.addAll(site.problems());
                } else if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                } else {
                    throw new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("build interrupted", e);
            }
        }
        if (!problems.isEmpty()) {
            throw new SiteException(problems);
        }
        return results;
    }
}
