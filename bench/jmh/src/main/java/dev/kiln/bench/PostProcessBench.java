package dev.kiln.bench;

import dev.kiln.build.Build;
import dev.kiln.config.SiteConfig;
import dev.kiln.html.Body;
import dev.kiln.highlight.TokenHighlighter;
import dev.kiln.html.BodyProcessor;
import dev.kiln.markdown.MarkdownRenderer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

import java.nio.file.Path;
import java.util.List;

/**
 * Post-processing: {@code process}: one op runs {@link BodyProcessor#process} on one post's rendered
 * (highlighted) HTML with its own URL and the site's excerpt separator: heading ids, table of contents,
 * excerpt, word count. {@code markdownAndBody}: one op makes a post's body from its Markdown as a build
 * does, Markdown and post-processing together: finished in the Markdown stage when it can be
 * (see {@link Build#markdownBody}), else flexmark's HTML through {@code process}.
 */
public class PostProcessBench extends StageBench {

    private List<Corpus.Rendered> posts;
    private String separator;
    private MarkdownRenderer markdown;

    @Setup
    public void setup() {
        Path root = Corpus.root();
        SiteConfig config = Corpus.config(root);
        posts = Corpus.rendered(root, config);
        separator = config.excerptSeparator();
        markdown = new MarkdownRenderer(new TokenHighlighter());
    }

    @Benchmark
    public Body process(Cursor cursor) {
        Corpus.Rendered post = cursor.next(posts);
        return BodyProcessor.process(post.html(), post.route().url(), separator);
    }

    @Benchmark
    public Body markdownAndBody(Cursor cursor) {
        Corpus.Rendered post = cursor.next(posts);
        return Build.markdownBody(markdown, post.draft().body(), post.route().url(), separator);
    }
}
