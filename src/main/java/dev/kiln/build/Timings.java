package dev.kiln.build;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Where one build spent its time: each stage, each page's own work (rendering its Markdown, laying it
 * out), each layout over all its pages and each partial over all its includes (with what it includes). Safe
 * to fill from the build's threads. Work remembered from an earlier run of a warm {@link Build} costs nothing
 * and is not counted.
 *
 * <p>The first pages of each stage run while the JVM is still compiling Kiln's code, several times slower
 * whatever they hold (the newest post, laid out first, and the first posts by name): {@code kiln build
 * --timings} listed them as the slowest pages of a site whose pages were all alike. On a site of more than
 * {@value #SHOWN_PAST} pages the list leaves out the first {@value #WARM_UP} of each stage and names the
 * slowest of those apart, so that a page slow of its own (3-5 times the others) is not hidden among them.
 *
 * <p>Stages are timed by the wall clock. Pages, layouts and partials are timed by a clock of their own: the wall
 * clock as a rule, the CPU time of the thread doing the work for {@code kiln build --timings} ({@link #inCpuTime}).
 * On the wall clock a page that a collection stopped, or that waited while the JIT compiler or another program had
 * the core, took the blame (a pause of the parallel collector is tens of milliseconds at 10,000 posts, several
 * pages' worth); a thread's CPU time holds only its own work. Reading it costs ~1.5 µs (a system call, where
 * {@code System.nanoTime} costs ~25 ns): for the report only.
 */
public final class Timings implements dev.kiln.layout.Layouts.IncludeClock {

    /** How many pages of each stage run while the JVM warms up, as {@link #report} counts them. */
    static final int WARM_UP = 64;
    /** The pages a site needs for the warm-up to be left out of the slowest pages. */
    static final int SHOWN_PAST = 4 * WARM_UP;

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
    private final Map<String, LongAdder> includes = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> includeCounts = new ConcurrentHashMap<>();
    private final AtomicInteger rendered = new AtomicInteger();
    private final AtomicInteger laidOut = new AtomicInteger();
    /** The pages among the first {@link #WARM_UP} of a stage. */
    private final Set<String> warmingUp = ConcurrentHashMap.newKeySet();
    /** The clock of pages, layouts and includes, in nanoseconds. */
    private final LongSupplier clock;
    private final boolean cpu;

    /** Timings whose pages, layouts and includes are timed by the wall clock. */
    Timings() {
        this(System::nanoTime, false);
    }

    private Timings(LongSupplier clock, boolean cpu) {
        this.clock = clock;
        this.cpu = cpu;
    }

    /**
     * Timings whose pages, layouts and includes are timed by the CPU time of the thread doing the work, where the
     * JVM can read it (else by the wall clock, as {@link #cpu} then says).
     */
    static Timings inCpuTime() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled()
                ? new Timings(threads::getCurrentThreadCpuTime, true) : new Timings();
    }

    /** Whether pages, layouts and includes are timed by their threads' CPU time rather than the wall clock. */
    public boolean cpu() {
        return cpu;
    }

    @Override
    public long now() {
        return clock.getAsLong();
    }

    /** Adds a stage that ran outside {@link Build#run}, such as checking links and writing. */
    public synchronized void stage(String name, long nanos) {
        stages.add(new Stage(name, nanos));
    }

    /** Runs {@code work} for {@code page}, adding its time to that page. */
    <T> T page(String page, Supplier<T> work) {
        if (rendered.getAndIncrement() < WARM_UP) {
            warmingUp.add(page);
        }
        long start = clock.getAsLong();
        try {
            return work.get();
        } finally {
            pages.computeIfAbsent(page, p -> new LongAdder()).add(clock.getAsLong() - start);
        }
    }

    /** Runs {@code work}, laying out {@code page} with {@code template}; its time counts for both. */
    <T> T layout(String page, String template, Supplier<T> work) {
        if (laidOut.getAndIncrement() < WARM_UP) {
            warmingUp.add(page);
        }
        long start = clock.getAsLong();
        try {
            return work.get();
        } finally {
            long nanos = clock.getAsLong() - start;
            pages.computeIfAbsent(page, p -> new LongAdder()).add(nanos);
            templates.computeIfAbsent(template, t -> new LongAdder()).add(nanos);
            templateCounts.computeIfAbsent(template, t -> new LongAdder()).increment();
        }
    }

    /** An include of {@code layout} took {@code nanos}, what it included in turn too. */
    @Override
    public void included(String layout, long nanos) {
        includes.computeIfAbsent(layout, t -> new LongAdder()).add(nanos);
        includeCounts.computeIfAbsent(layout, t -> new LongAdder()).increment();
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

    /** The {@code n} partials that took longest over all their includes, slowest first. */
    public List<Item> slowestIncludes(int n) {
        return slowest(includes, includeCounts, n);
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
        String time = cpu ? "CPU time of the threads that did the work" : "wall-clock time, summed over threads";
        lines.add("slowest pages (Markdown and layout, " + time + "):");
        List<Item> all = slowestPages(Integer.MAX_VALUE);
        boolean leaveOut = all.size() > SHOWN_PAST;
        all.stream().filter(i -> !leaveOut || !warmingUp.contains(i.name())).limit(10)
                .forEach(i -> lines.add(String.format("  %8.1f ms  %s", i.millis(), i.name())));
        if (leaveOut) {
            all.stream().filter(i -> warmingUp.contains(i.name())).findFirst().ifPresent(i -> lines.add(String.format(
                    "  (the first %d pages of each stage are left out: they ran while the JVM compiled Kiln's code, "
                            + "slower whatever they hold; the slowest of them %.1f ms, %s)",
                    WARM_UP, i.millis(), i.name())));
        }
        // Partials with the layouts: a layout's time holds its partials', and a partial that every page includes
        // (a sidebar over all posts) made every layout slow alike, naming none.
        lines.add("slowest layouts (all their pages) and partials (all their includes, with what they include; "
                + (cpu ? "CPU time" : "wall-clock time") + "):");
        List<Item> layouts = new ArrayList<>(slowestTemplates(10));
        List<Item> partials = slowestIncludes(10);
        layouts.addAll(partials);
        layouts.sort(Comparator.comparingLong(Item::nanos).reversed());
        List<Item> shown = layouts.subList(0, Math.min(10, layouts.size()));
        int width = shown.stream().mapToInt(i -> i.name().length()).max().orElse(0);
        for (Item i : shown) {
            lines.add(String.format("  %8.1f ms  %-" + Math.max(10, width) + "s %6d %s, %.2f ms each", i.millis(),
                    i.name(), i.count(), partials.contains(i) ? "includes" : "pages", i.millis() / i.count()));
        }
        return lines;
    }
}
