package dev.kiln.testing;

import dev.kiln.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Runs {@code kiln} in this JVM as a user would, and looks at folders as a user would. */
public final class Kiln {

    private Kiln() {}

    /** One run of {@code kiln}: its exit code and what it printed. */
    public record Run(int code, String out, String err) {

        /** The lines of stderr that report a problem ({@code path:line:col: message}), in order. */
        public java.util.List<String> problems() {
            return err.lines().filter(l -> l.matches("[^\\s:]+:\\d+:\\d+: .+")).toList();
        }
    }

    /** Runs {@code kiln args}, capturing stdout and stderr (tests run one at a time). */
    public static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.run(args);
        } finally {
            System.out.flush();
            System.err.flush();
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Runs {@code kiln build} of {@code site} into {@code dest}, expecting exit 1 with exactly {@code problems}
     * on stderr, no stack trace, the previous output left byte for byte, and nothing written into the site.
     */
    public static void assertBuildFails(Path site, Path dest, java.util.List<String> problems) throws IOException {
        Map<String, String> output = snapshot(dest);
        Map<String, String> sources = snapshot(site);

        Run run = run("build", "--source", site.toString(), "--dest", dest.toString());

        org.junit.jupiter.api.Assertions.assertEquals(1, run.code(), run.err());
        org.junit.jupiter.api.Assertions.assertEquals(problems, run.problems(), run.err());
        org.junit.jupiter.api.Assertions.assertFalse(run.err().contains("Exception"), run.err());
        org.junit.jupiter.api.Assertions.assertEquals(output, snapshot(dest), "the previous output is left as it was");
        org.junit.jupiter.api.Assertions.assertEquals(sources, snapshot(site), "nothing is written into the site folder");
    }

    /** Every file below {@code dir} (hidden ones too) with its bytes, by relative path; empty when absent. */
    public static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.exists(dir)) {
            return files;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path file : all.filter(f -> !f.equals(dir)).sorted().toList()) {
                String rel = dir.relativize(file).toString().replace('\\', '/');
                if (Files.isSymbolicLink(file)) {
                    files.put(rel, "-> " + Files.readSymbolicLink(file));
                } else if (Files.isDirectory(file)) {
                    files.put(rel + "/", "");
                } else {
                    // Base64 keeps binary files comparable and readable in a failure message's diff.
                    files.put(rel, java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(file)));
                }
            }
        }
        return files;
    }

    /** Writes {@code text} as UTF-8 to {@code root/path}, making its folders. */
    public static Path write(Path root, String path, String text) throws IOException {
        return write(root, path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code bytes} to {@code root/path}, making its folders. */
    public static Path write(Path root, String path, byte[] bytes) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    /** A copy of this repository's own blog ({@code site.yml}, {@code content/}, {@code layouts/}, {@code assets/}) in {@code to}. */
    public static Path copyOwnBlog(Path to) throws IOException {
        Files.createDirectories(to);
        Files.copy(Path.of("site.yml"), to.resolve("site.yml"));
        for (String folder : java.util.List.of("content", "layouts", "assets")) {
            Path from = Path.of(folder);
            try (Stream<Path> all = Files.walk(from)) {
                for (Path file : all.sorted().toList()) {
                    Path target = to.resolve(from.relativize(file).toString().isEmpty() ? folder
                            : folder + "/" + from.relativize(file).toString().replace('\\', '/'));
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
        }
        return to;
    }

    /** A folder that looks like the output of an earlier good build. */
    public static Path previousOutput(Path dest) throws IOException {
        write(dest, ".kiln-output", "");
        write(dest, "index.html", "<!DOCTYPE html><title>old</title><p>the site as it was\n");
        write(dest, "2019/01/01/old/index.html", "<!DOCTYPE html><title>old post</title>\n");
        write(dest, "feed.xml", "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>\n");
        return dest;
    }
}
