package dev.kiln.bench;

import dev.kiln.config.SiteConfig;
import dev.kiln.content.DraftPage;
import dev.kiln.content.Permalinks;
import dev.kiln.highlight.TokenHighlighter;
import dev.kiln.html.Body;
import dev.kiln.html.BodyProcessor;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Post-processing: one op runs {@link BodyProcessor#process} on one post's rendered (highlighted) HTML with
 * its own URL and the site's excerpt separator: heading ids, table of contents, excerpt, word count.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class PostProcessBench {

    /** A post's rendered HTML and its URL. */
    record Rendered(String html, String url) {}

    private List<Rendered> posts;
    private String separator;

    @Setup
    public void setup() {
        Path root = Corpus.root();
        SiteConfig config = Corpus.config(root);
        MarkdownRenderer markdown = new MarkdownRenderer(new TokenHighlighter());
        posts = new ArrayList<>();
        for (DraftPage draft : Corpus.drafts(root, config)) {
            posts.add(new Rendered(markdown.render(draft.body()), Permalinks.of(draft, config).url()));
        }
        separator = config.excerptSeparator();
    }

    @Benchmark
    public Body process(Cursor cursor) {
        Rendered post = cursor.next(posts);
        return BodyProcessor.process(post.html(), post.url(), separator);
    }
}
