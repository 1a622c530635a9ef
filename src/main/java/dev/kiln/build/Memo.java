package dev.kiln.build;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The last result of one stage for each file, reused while the stage's inputs (the file's content and
 * whatever else the stage reads) are equal. No dependency graph: a stage whose inputs differ by a
 * single character runs again.
 */
final class Memo<K, V> {

    private record Entry<K, V>(K inputs, V value) {}

    private final Map<String, Entry<K, V>> entries = new ConcurrentHashMap<>();
    private final AtomicInteger runs = new AtomicInteger();
    private final boolean keep;

    /** A memo that keeps each result for the next run. */
    Memo() {
        this(true);
    }

    /** A memo that keeps results ({@code keep}), or only runs the stage: a one-off build holds nothing back. */
    Memo(boolean keep) {
        this.keep = keep;
    }

    /** The result for {@code path} from these {@code inputs}: remembered, or computed now. */
    V get(String path, K inputs, Function<K, V> stage) {
        Entry<K, V> entry = entries.get(path);
        if (entry != null && entry.inputs().equals(inputs)) {
            return entry.value();
        }
        runs.incrementAndGet();
        V value = stage.apply(inputs);
        if (keep) {
            entries.put(path, new Entry<>(inputs, value));
        }
        return value;
    }

    /** How many times the stage ran since the last call. */
    int takeRuns() {
        return runs.getAndSet(0);
    }

    /** Forgets the files that are gone. */
    void retain(Set<String> paths) {
        entries.keySet().retainAll(paths);
    }

    void clear() {
        entries.clear();
    }
}
