package dev.kiln.bench;

import dev.kiln.config.SiteConfig;
import dev.kiln.html.BodyProcessor;
import dev.kiln.index.Page;
import dev.kiln.index.SiteIndex;
import dev.kiln.layout.Layouts;
import dev.kiln.layout.Views;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stage "layout", for posts: the set-up builds the whole site index the way {@code Build} does (front
 * matter, permalinks, highlighted Markdown, post-processing, {@link SiteIndex#of}) through the public API,
 * then one op lays out one post. {@code render}: the post's view ({@link Views#forPage}: tags, previous/next,
 * related posts, with its body added by {@link Views#withContent}) and its layout through Pebble with the
 * built-in theme; {@code view}: the view alone.
 * Not measured here: the base-path rewrite and UTF-8 encoding that {@code SiteAssembler} does after
 * rendering, and the home, tag and archive pages.
 */
public class LayoutBench extends StageBench {

    private List<Page> posts;
    private Layouts layouts;
    private Views views;

    @Setup
    public void setup() {
        Path root = Corpus.root();
        SiteConfig config = Corpus.config(root);
        List<Page> pages = new ArrayList<>();
        for (Corpus.Rendered post : Corpus.rendered(root, config)) {
            pages.add(new Page(post.draft(), post.route(),
                    BodyProcessor.process(post.html(), post.route().url(), config.excerptSeparator())));
        }
        SiteIndex index = SiteIndex.of(pages, List.of(), config);
        layouts = new Layouts(root, config);
        views = new Views(config, index, null, layouts.wants("archive"));
        posts = index.posts();
        for (Page post : posts) {
            if (!layouts.exists(post.layout())) {
                throw new IllegalStateException(post.path() + ": unknown layout " + post.layout());
            }
        }
    }

    @Benchmark
    public String render(Cursor cursor) {
        Page post = cursor.next(posts);
        return layouts.render(post.layout(), Views.withContent(views.forPage(post), post.body().html()));
    }

    @Benchmark
    public Map<String, Object> view(Cursor cursor) {
        return views.forPage(cursor.next(posts));
    }
}
