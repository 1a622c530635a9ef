package dev.kiln.bench;

import dev.kiln.content.DraftPage;
import dev.kiln.content.FrontMatterParser;
import dev.kiln.content.PageKind;
import dev.kiln.content.SourceFile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

import java.util.List;

/** Stage "front matter": one op splits and parses one post's YAML front matter (the build's first per-page step). */
public class FrontMatterBench extends StageBench {

    private List<SourceFile> posts;

    @Setup
    public void setup() {
        posts = Corpus.posts(Corpus.root());
    }

    @Benchmark
    public DraftPage parse(Cursor cursor) {
        SourceFile post = cursor.next(posts);
        return FrontMatterParser.parse(new SourceFile(post.path(), post.text()), PageKind.POST, Corpus.UTC);
    }
}
