package dev.kiln.bench;

import dev.kiln.content.DraftPage;
import dev.kiln.highlight.Highlighter;
import dev.kiln.highlight.TokenHighlighter;
import dev.kiln.markdown.MarkdownRenderer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

import java.nio.file.Path;
import java.util.List;

/**
 * Stage "markdown": one op renders one post's Markdown body (front matter already split off) to HTML.
 * {@code plain}: code blocks only escaped; {@code highlighted}: code blocks through {@link TokenHighlighter},
 * as {@code kiln build} does. The difference is what highlighting costs inside a page.
 */
public class MarkdownBench extends StageBench {

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
