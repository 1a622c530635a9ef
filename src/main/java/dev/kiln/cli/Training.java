package dev.kiln.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The training run with which the {@code kiln} launcher records its start-up archive (a class-data-sharing
 * archive, or on JDK 25 and newer an AOT cache, which also keeps which methods the run compiled and their
 * profiles). Not a command: {@code java -cp kiln.jar dev.kiln.cli.Training BLOG WORK}.
 *
 * <p>It builds the blog at {@code BLOG} (its settings and layouts), then a sample blog of {@link #COPIES}
 * copies of the posts kept in the jar under {@code dev/kiln/training/}, which use what most blogs use and
 * this repository's own blog does not: code highlighted in seventeen languages, tables, footnotes, task
 * lists, attribute lists, and enough posts for tag and list pages. A build then starts with those classes loaded and linked
 * rather than loading them from the jar on first use. README, Performance; the figures in
 * bench/PERFORMANCE-LOG.md.
 */
public final class Training {

    /** The sample posts, in {@code dev/kiln/training/} on the class path. */
    static final List<String> POSTS = List.of("profiling-a-slow-build", "keeping-memory-flat",
            "shipping-with-containers", "a-tour-of-the-front-end", "queries-across-languages");

    /** How many times the sample blog holds each post (the first under its own name, for its links). */
    static final int COPIES = 4;

    private Training() {}

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: java -cp kiln.jar dev.kiln.cli.Training BLOG WORK");
            System.exit(2);
        }
        Main.nameLogBinding(); // as a build's JVM does: its classes are the ones to archive
        System.exit(run(Path.of(args[0]), Path.of(args[1])));
    }

    /**
     * Builds {@code blog} into {@code work/blog}, then the sample blog (written to {@code work/sample})
     * into {@code work/sample-site}. The exit code is the sample's: an archive is worth keeping when the
     * blog has errors (it is then built without its pages in the archive, and reports them itself).
     */
    static int run(Path blog, Path work) {
        Main.run("build", "--source", blog.toString(), "--dest", work.resolve("blog").toString());
        Path sample = work.resolve("sample");
        try {
            Path posts = Files.createDirectories(sample.resolve("content").resolve("posts"));
            for (String name : POSTS) {
                String text = post(name);
                for (int copy = 0; copy < COPIES; copy++) {
                    Files.writeString(posts.resolve(copy == 0 ? name + ".md" : name + "-" + copy + ".md"), text);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Main.run("build", "--source", sample.toString(), "--dest", work.resolve("sample-site").toString());
    }

    /** The text of the sample post {@code name}. */
    static String post(String name) throws IOException {
        try (InputStream in = Training.class.getResourceAsStream("/dev/kiln/training/" + name + ".md")) {
            if (in == null) {
                throw new IOException("no sample post " + name + " in the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
