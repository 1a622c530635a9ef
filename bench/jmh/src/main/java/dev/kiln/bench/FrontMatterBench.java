package dev.kiln.bench;

import dev.kiln.content.DraftPage;
import dev.kiln.content.FrontMatterParser;
import dev.kiln.content.PageKind;
import dev.kiln.content.SourceFile;
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

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stage "front matter": one op splits and parses one post's YAML front matter (the build's first per-page step). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class FrontMatterBench {

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
