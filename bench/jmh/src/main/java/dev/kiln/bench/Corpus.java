package dev.kiln.bench;

import dev.kiln.config.SiteConfig;
import dev.kiln.content.DraftPage;
import dev.kiln.content.FrontMatterParser;
import dev.kiln.content.PageKind;
import dev.kiln.content.Permalinks;
import dev.kiln.content.Route;
import dev.kiln.content.SiteConfigReader;
import dev.kiln.content.SourceFile;
import dev.kiln.content.SourceLoader;
import dev.kiln.content.YamlReader;
import dev.kiln.highlight.TokenHighlighter;
import dev.kiln.markdown.MarkdownRenderer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generated blog the benchmarks read. Its folder (a {@code gen-corpus.py --layout plain} site) comes from
 * the system property {@code kiln.bench.site}, else the environment variable {@code KILN_BENCH_SITE};
 * bench/jmh.sh sets it. JMH's forked JVMs inherit the host JVM's {@code -D} options.
 */
final class Corpus {

    static final ZoneId UTC = ZoneId.of("UTC");

    private Corpus() {}

    static Path root() {
        String dir = System.getProperty("kiln.bench.site", System.getenv("KILN_BENCH_SITE"));
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("no corpus: pass -Dkiln.bench.site=DIR (a gen-corpus.py --layout plain"
                    + " site) or set KILN_BENCH_SITE; bench/jmh.sh does this for you");
        }
        Path root = Path.of(dir).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve(SourceLoader.POSTS))) {
            throw new IllegalStateException("no " + SourceLoader.POSTS + " in " + root);
        }
        return root;
    }

    /** The site's settings, read as a build reads them (defaults when there is no site.yml). */
    static SiteConfig config(Path root) {
        Path file = root.resolve(SiteConfig.FILE);
        if (!Files.isRegularFile(file)) {
            return SiteConfig.defaults();
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return SiteConfigReader.read(YamlReader.read(SiteConfig.FILE, text, 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The posts' source files (path relative to the site, whole text), sorted by path. */
    static List<SourceFile> posts(Path root) {
        List<SourceFile> posts = SourceLoader.load(root).posts();
        if (posts.isEmpty()) {
            throw new IllegalStateException("no posts in " + root.resolve(SourceLoader.POSTS));
        }
        return posts;
    }

    /** Each post with its front matter parsed: the Markdown body is {@link DraftPage#body()}. */
    static List<DraftPage> drafts(Path root, SiteConfig config) {
        List<DraftPage> drafts = new ArrayList<>();
        for (SourceFile post : posts(root)) {
            drafts.add(FrontMatterParser.parse(post, PageKind.POST, config.timezone()));
        }
        return drafts;
    }

    /** A post with its URL and its Markdown rendered, highlighted, as a build renders it. */
    record Rendered(DraftPage draft, Route route, String html) {}

    /** Each post with its URL and its highlighted Markdown, the input of the stages after rendering. */
    static List<Rendered> rendered(Path root, SiteConfig config) {
        MarkdownRenderer markdown = new MarkdownRenderer(new TokenHighlighter());
        List<Rendered> rendered = new ArrayList<>();
        for (DraftPage draft : drafts(root, config)) {
            rendered.add(new Rendered(draft, Permalinks.of(draft, config), markdown.render(draft.body())));
        }
        return rendered;
    }

    /** A fenced code block of the corpus: its info string's language and its code. */
    record CodeBlock(String language, String code) {}

    private static final Pattern FENCE = Pattern.compile("(?m)^```([\\w+-]*)[^\\n]*\\n(.*?)^```[ \\t]*$",
            Pattern.DOTALL);

    /** The fenced code blocks of {@code markdown}, in order (the generator writes only ``` fences). */
    static List<CodeBlock> codeBlocks(String markdown) {
        List<CodeBlock> blocks = new ArrayList<>();
        Matcher m = FENCE.matcher(markdown);
        while (m.find()) {
            String code = m.group(2);
            if (code.endsWith("\n")) {
                code = code.substring(0, code.length() - 1);
            }
            blocks.add(new CodeBlock(m.group(1), code));
        }
        return blocks;
    }
}
