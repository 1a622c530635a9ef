package dev.kiln.bench;

import dev.kiln.cli.Main;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A whole {@code kiln build} of the corpus (one op: the command as the launcher runs it, into a new folder),
 * run again and again in one JVM: what a build costs once its code is compiled, against the same build from a
 * cold JVM that bench/build-speed.sh times. The difference is the JVM's start and warm-up (class loading, the
 * interpreter, the JIT compiler's own time), which is what a one-off command pays at every run. The output
 * folder of the last op is removed before the next, untimed. Add {@code -jvmArgsAppend -XX:TieredStopAtLevel=1}
 * for the launcher's compiler (C1 only).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 15)
@Measurement(iterations = 10)
public class BuildBench extends StageBench {

    private Path root;
    private Path work;
    private Path dest;
    private int runs;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        root = Corpus.root();
        work = Files.createTempDirectory("kiln-build-bench-");
    }

    @Setup(Level.Iteration)
    public void nextFolder() throws IOException {
        if (dest != null) {
            delete(dest);
        }
        dest = work.resolve("site-" + runs++);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        delete(work);
    }

    @Benchmark
    public int build() {
        PrintStream err = System.err;
        System.setErr(new PrintStream(OutputStream.nullOutputStream())); // its summary and warnings, at every op
        int code;
        try {
            code = Main.run("build", "--source", root.toString(), "--dest", dest.toString());
        } finally {
            System.setErr(err);
        }
        if (code != 0) {
            throw new IllegalStateException("kiln build exited with " + code + " on " + root);
        }
        return code;
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
