package dev.kiln.bench;

import dev.kiln.config.SiteConfig;
import dev.kiln.html.Body;
import dev.kiln.html.BodyProcessor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

import java.nio.file.Path;
import java.util.List;

/**
 * Post-processing: one op runs {@link BodyProcessor#process} on one post's rendered (highlighted) HTML with
 * its own URL and the site's excerpt separator: heading ids, table of contents, excerpt, word count.
 */
public class PostProcessBench extends StageBench {

    private List<Corpus.Rendered> posts;
    private String separator;

    @Setup
    public void setup() {
        Path root = Corpus.root();
        SiteConfig config = Corpus.config(root);
        posts = Corpus.rendered(root, config);
        separator = config.excerptSeparator();
    }

    @Benchmark
    public Body process(Cursor cursor) {
        Corpus.Rendered post = cursor.next(posts);
        return BodyProcessor.process(post.html(), post.route().url(), separator);
    }
}
