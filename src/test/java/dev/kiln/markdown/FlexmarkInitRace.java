package dev.kiln.markdown;

import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.CharSubSequence;
import dev.kiln.highlight.TokenHighlighter;

import java.util.concurrent.CyclicBarrier;

/**
 * Run in a JVM of its own by {@link MarkdownRendererInitTest}: makes a renderer, as a build does before its
 * threads start, then has two threads start on flexmark's sequences at once, as a build's first two pages
 * do. Exits 0 when both finish, 1 when they hang (flexmark's sequence classes initialise one another: a
 * fresh JVM hangs so in about two races of three unless they were initialised first).
 */
public final class FlexmarkInitRace {

    private FlexmarkInitRace() {}

    public static void main(String[] args) throws Exception {
        new MarkdownRenderer(new TokenHighlighter());
        CyclicBarrier start = new CyclicBarrier(2);
        Thread parser = new Thread(() -> race(start, () -> BasedSequence.of("x")));
        Thread page = new Thread(() -> race(start, () -> CharSubSequence.of("y")));
        parser.setDaemon(true);
        page.setDaemon(true);
        parser.start();
        page.start();
        parser.join(5_000);
        page.join(5_000);
        System.exit(parser.isAlive() || page.isAlive() ? 1 : 0);
    }

    private static void race(CyclicBarrier start, Runnable work) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        work.run();
    }
}
