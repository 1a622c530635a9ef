package dev.kiln.bench;

import dev.kiln.content.DraftPage;
import dev.kiln.highlight.TokenHighlighter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import java.nio.file.Path;
import java.util.List;

/**
 * Highlighting alone: one op highlights one fenced code block of the corpus, of the language {@code lang}
 * (the generator writes java, python, yaml and bash blocks; {@code -p lang=java} picks one).
 */
public class HighlightBench extends StageBench {

    @Param({"java", "python", "yaml", "bash"})
    public String lang;

    private List<String> blocks;
    private TokenHighlighter highlighter;

    @Setup
    public void setup() {
        Path root = Corpus.root();
        blocks = Corpus.drafts(root, Corpus.config(root)).stream()
                .map(DraftPage::body)
                .flatMap(body -> Corpus.codeBlocks(body).stream())
                .filter(block -> block.language().equals(lang))
                .map(Corpus.CodeBlock::code)
                .toList();
        if (blocks.isEmpty()) {
            throw new IllegalStateException("no ```" + lang + " code blocks in the corpus");
        }
        highlighter = new TokenHighlighter();
    }

    @Benchmark
    public String highlight(Cursor cursor) {
        return highlighter.highlight(cursor.next(blocks), lang);
    }
}
