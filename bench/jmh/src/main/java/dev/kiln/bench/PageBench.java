package dev.kiln.bench;

import dev.kiln.build.Build;
import dev.kiln.config.SiteConfig;
import dev.kiln.content.DraftPage;
import dev.kiln.content.FrontMatterParser;
import dev.kiln.content.PageKind;
import dev.kiln.content.Permalinks;
import dev.kiln.content.SourceFile;
import dev.kiln.highlight.TokenHighlighter;
import dev.kiln.html.Body;
import dev.kiln.markdown.MarkdownRenderer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.List;

/**
 * The per-page stages in a row, to compare with the sum of the single-stage scores: one op takes one post's
 * source text through front matter, permalink, highlighted Markdown and post-processing as a build does them
 * ({@code Build.markdownBody}: common bodies finished in the Markdown stage), layout excluded: it
 * needs the whole site's index. Ten warm-up iterations: three libraries' hot code (SnakeYAML, flexmark with
 * RSyntaxTextArea, jsoup) has to be compiled before the scores settle.
 */
@Warmup(iterations = 10, time = 1)
public class PageBench extends StageBench {

    private List<SourceFile> posts;
    private SiteConfig config;
    private MarkdownRenderer markdown;

    @Setup
    public void setup() {
        Path root = Corpus.root();
        posts = Corpus.posts(root);
        config = Corpus.config(root);
        markdown = new MarkdownRenderer(new TokenHighlighter());
    }

    @Benchmark
    public Body body(Cursor cursor) {
        DraftPage draft = FrontMatterParser.parse(cursor.next(posts), PageKind.POST, config.timezone());
        String url = Permalinks.of(draft, config).url();
        return Build.markdownBody(markdown, draft.body(), url, config.excerptSeparator());
    }
}
