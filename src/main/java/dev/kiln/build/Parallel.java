package dev.kiln.build;

import dev.kiln.error.Problem;
import dev.kiln.error.SiteException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs one stage over many items on a fixed pool, gathering every item's problems before failing once.
 * Each of the pool's threads takes the next item until none is left: one task per thread rather than
 * per item, so that a rebuild whose items are mostly remembered does not pay a task for each of them,
 * and a slow item (a huge post) holds up only the thread that took it.
 */
final class Parallel {

    private final ExecutorService pool;
    private final int threads;

    /** Runs stages on {@code pool}, which has {@code threads} threads. */
    Parallel(ExecutorService pool, int threads) {
        this.pool = pool;
        this.threads = Math.max(1, threads);
    }

    /** {@code stage} applied to each item, in the items' order; all problems of all items thrown together. */
    <T, R> List<R> map(List<T> items, Function<T, R> stage) {
        int n = items.size();
        Object[] results = new Object[n];
        Throwable[] failures = new Throwable[n];
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                try {
                    results[i] = stage.apply(items.get(i));
                } catch (RuntimeException | Error e) {
                    failures[i] = e;
                }
            }
        };
        List<Future<?>> workers = new ArrayList<>(threads);
        for (int t = 0; t < Math.min(threads, n); t++) {
            workers.add(pool.submit(worker));
        }
        for (Future<?> w : workers) {
            try {
                w.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("build interrupted", e);
            }
        }
        List<Problem> problems = new ArrayList<>();
        for (Throwable failure : failures) {
            if (failure instanceof SiteException site) {
                problems.addAll(site.problems());
            } else if (failure instanceof RuntimeException e) {
                throw e;
            } else if (failure instanceof Error e) {
                throw e;
            }
        }
        if (!problems.isEmpty()) {
            throw new SiteException(problems);
        }
        @SuppressWarnings("unchecked")
        List<R> list = (List<R>) Arrays.asList(results);
        return list;
    }
}
