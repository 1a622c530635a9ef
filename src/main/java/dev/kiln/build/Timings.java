package dev.kiln.build;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Where one build spent its time: each stage, each page's own work (rendering its Markdown, laying it
 * out) and each layout over all its pages. Safe to fill from the build's threads. Work remembered from
 * an earlier run of a warm {@link Build} costs nothing and is not counted.
 */
public final class Timings {

    /** A stage and its wall-clock time. */
    public record Stage(String name, long nanos) {}

    /** A page (its source file, or its output path when a layout made it alone) and its work. */
    public record Item(String name, long nanos, int count) {
        public double millis() {
            return nanos / 1e6;
        }
    }

    private final List<Stage> stages = new ArrayList<>();
    private final Map<String, LongAdder> pages = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> templates = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> templateCounts = new ConcurrentHashMap<>();

    /** Adds a stage that ran outside {@link Build#run}, such as checking links and writing. */
    public synchronized void stage(String name, long nanos) {
        stages.add(new Stage(name, nanos));
    }

    /** Runs {@code work} for {@code page}, adding its time to that page. */
    <T> T page(String page, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            pages.computeIfAbsent(page, p -> new LongAdder()).add(System.nanoTime() - start);
        }
    }

    /** Runs {@code work}, laying out {@code page} with {@code template}; its time counts for both. */
    <T> T layout(String page, String template, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            long nanos = System.nanoTime() - start;
            pages.computeIfAbsent(page, p -> new LongAdder()).add(nanos);
            templates.computeIfAbsent(template, t -> new LongAdder()).add(nanos);
            templateCounts.computeIfAbsent(template, t -> new LongAdder()).increment();
        }
    }

    public synchronized List<Stage> stages() {
        return List.copyOf(stages);
    }

    /** The {@code n} pages that took longest, slowest first (ties by name, so the list is stable). */
    public List<Item> slowestPages(int n) {
        return slowest(pages, Map.of(), n);
    }

    /** The {@code n} layouts that took longest over all their pages, slowest first. */
    public List<Item> slowestTemplates(int n) {
        return slowest(templates, templateCounts, n);
    }

    private static List<Item> slowest(Map<String, LongAdder> times, Map<String, LongAdder> counts, int n) {
        Map<String, LongAdder> sorted = new TreeMap<>(times);
        return sorted.entrySet().stream()
                .map(e -> new Item(e.getKey(), e.getValue().sum(),
                        counts.containsKey(e.getKey()) ? counts.get(e.getKey()).intValue() : 1))
                .sorted(Comparator.comparingLong(Item::nanos).reversed())
                .limit(n)
                .toList();
    }

    /** The report {@code kiln build --timings} prints. */
    public List<String> report() {
        List<String> lines = new ArrayList<>();
        long total = stages().stream().mapToLong(Stage::nanos).sum();
        lines.add("time per stage:");
        for (Stage s : stages()) {
            lines.add(String.format("  %-13s %8.1f ms %5.1f%%", s.name(), s.nanos() / 1e6,
                    total == 0 ? 0 : 100.0 * s.nanos() / total));
        }
        lines.add("slowest pages (Markdown and layout, summed over threads):");
        for (Item i : slowestPages(10)) {
            lines.add(String.format("  %8.1f ms  %s", i.millis(), i.name()));
        }
        lines.add("slowest layouts (all their pages):");
        for (Item i : slowestTemplates(10)) {
            lines.add(String.format("  %8.1f ms  %-10s %6d pages, %.2f ms each", i.millis(), i.name(), i.count(),
                    i.millis() / i.count()));
        }
        return lines;
    }
}
