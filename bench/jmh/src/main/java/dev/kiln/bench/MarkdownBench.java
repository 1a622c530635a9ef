package dev.kiln.bench;

import dev.kiln.content.DraftPage;
import dev.kiln.highlight.Highlighter;
import dev.kiln.highlight.TokenHighlighter;
import dev.kiln.markdown.MarkdownRenderer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stage "markdown": one op renders one post's Markdown body (front matter already split off) to HTML.
 * {@code plain}: code blocks only escaped; {@code highlighted}: code blocks through {@link TokenHighlighter},
 * as {@code kiln build} does. The difference is what highlighting costs inside a page.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class MarkdownBench {

    private List<String> bodies;
    private MarkdownRenderer plain;
    private MarkdownRenderer highlighted;

    @Setup
    public void setup() {
        Path root = Corpus.root();
        bodies = Corpus.drafts(root, Corpus.config(root)).stream().map(DraftPage::body).toList();
        plain = new MarkdownRenderer(Highlighter.plain());
        highlighted = new MarkdownRenderer(new TokenHighlighter());
    }

    @Benchmark
    public String plain(Cursor cursor) {
        return plain.render(cursor.next(bodies));
    }

    @Benchmark
    public String highlighted(Cursor cursor) {
        return highlighted.render(cursor.next(bodies));
    }
}
