package dev.kiln.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs {@code kiln} as a user that {@code chmod 000} stops: in this JVM when its user is not root; as root,
 * in a child JVM that {@code setpriv} starts without root's power to read and search any file
 * ({@code CAP_DAC_OVERRIDE}, {@code CAP_DAC_READ_SEARCH}), so that the owner's bits apply to it as to anyone.
 * A test is skipped, saying why, only when neither can be had.
 */
public final class Unprivileged {

    private static final List<String> SETPRIV = List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search");

    private Unprivileged() {}

    /**
     * Runs {@code kiln args} as such a user, {@code locked} being a file or folder made unreadable to it (a
     * test that cannot make it so is skipped).
     */
    public static Kiln.Run run(Path locked, String... args) throws IOException {
        if (!Files.isReadable(locked)) {
            return Kiln.run(args); // not root: chmod 000 stops this JVM already
        }
        assumeTrue(exitCode(command("true")) == 0, "running as root, and setpriv cannot start a process without "
                + "root's right to read every file: nothing here can meet a file it may not read");
        assumeTrue(exitCode(command("test", "-r", locked.toString())) == 1, "running as root, and setpriv's process "
                + "without root's rights still reads " + locked);
        List<String> kiln = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-ea", "-da:com.vladsch.flexmark...", "-cp", System.getProperty("java.class.path"),
                dev.kiln.cli.Main.class.getName()));
        kiln.addAll(List.of(args));
        // Into files: a pipe read after the other could fill and stop the process.
        Path out = Files.createTempFile("kiln-out-", ".txt");
        Path err = Files.createTempFile("kiln-err-", ".txt");
        try {
            Process process = new ProcessBuilder(command(kiln.toArray(String[]::new)))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            int code = waitFor(process);
            return new Kiln.Run(code, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String[] command(String... command) {
        List<String> all = new ArrayList<>(SETPRIV);
        all.addAll(List.of(command));
        return all.toArray(String[]::new);
    }

    /** The exit code of {@code command}, or -1 when it cannot be started (no setpriv). */
    private static int exitCode(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return waitFor(process);
        } catch (IOException e) {
            return -1;
        }
    }

    private static int waitFor(Process process) {
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kiln did not end within 120 s");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
