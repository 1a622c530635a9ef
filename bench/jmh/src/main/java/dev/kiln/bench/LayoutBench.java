package dev.kiln.bench;

import dev.kiln.config.SiteConfig;
import dev.kiln.content.DraftPage;
import dev.kiln.content.Permalinks;
import dev.kiln.content.Route;
import dev.kiln.highlight.TokenHighlighter;
import dev.kiln.html.BodyProcessor;
import dev.kiln.index.Page;
import dev.kiln.index.SiteIndex;
import dev.kiln.layout.Layouts;
import dev.kiln.layout.Views;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Stage "layout", for posts: the set-up builds the whole site index the way {@code Build} does (front
 * matter, permalinks, highlighted Markdown, post-processing, {@link SiteIndex#of}) through the public API,
 * then one op lays out one post. {@code render}: the post's view ({@link Views#forPage}: tags, previous/next,
 * related posts) and its layout through Pebble with the built-in theme; {@code view}: the view alone.
 * Not measured here: the base-path rewrite and UTF-8 encoding that {@code SiteAssembler} does after
 * rendering, and the home, tag and archive pages.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class LayoutBench {

    private List<Page> posts;
    private Layouts layouts;
    private Views views;

    @Setup
    public void setup() {
        Path root = Corpus.root();
        SiteConfig config = Corpus.config(root);
        MarkdownRenderer markdown = new MarkdownRenderer(new TokenHighlighter());
        List<Page> pages = new ArrayList<>();
        for (DraftPage draft : Corpus.drafts(root, config)) {
            Route route = Permalinks.of(draft, config);
            pages.add(new Page(draft, route,
                    BodyProcessor.process(markdown.render(draft.body()), route.url(), config.excerptSeparator())));
        }
        SiteIndex index = SiteIndex.of(pages, List.of(), config);
        layouts = new Layouts(root, config);
        views = new Views(config, index, null, layouts.wants("archive"));
        posts = index.posts();
        for (Page post : posts) {
            if (!layouts.exists(layout(post))) {
                throw new IllegalStateException(post.path() + ": unknown layout " + layout(post));
            }
        }
    }

    /** The layout a page renders with, as the build chooses it. */
    private static String layout(Page page) {
        return page.front().layout() != null ? page.front().layout() : page.draft().kind().label();
    }

    @Benchmark
    public String render(Cursor cursor) {
        Page post = cursor.next(posts);
        return layouts.render(layout(post), views.forPage(post));
    }

    @Benchmark
    public Map<String, Object> view(Cursor cursor) {
        return views.forPage(cursor.next(posts));
    }
}
