package dev.kiln.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code kiln} launcher as a user puts it on the PATH: a copy of this repository's launcher in a Kiln home of
 * its own, with a built jar and a stand-in {@code java} that prints the command it was given, so that what the
 * launcher would run is seen without Maven or a JVM.
 */
class LauncherTest {

    @TempDir
    Path tmp;

    /** A Kiln home (the launcher and a jar newer than any source: no Maven) and a JDK whose java echoes its arguments. */
    private Path home() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("kiln-clone"));
        Files.copy(Path.of("kiln"), home.resolve("kiln"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createDirectories(home.resolve("target"));
        Files.writeString(home.resolve("target/kiln.jar"), "");
        Path jdk = Files.createDirectories(tmp.resolve("jdk/bin"));
        Files.writeString(jdk.resolve("java"), "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
        Files.setPosixFilePermissions(jdk.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(jdk.resolveSibling("release"), "JAVA_VERSION=\"17.0.15\"\n");
        return home;
    }

    /** Runs {@code command} in {@code dir} with the stand-in JDK; returns what it printed, stdout and stderr together. */
    private String run(Path dir, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", tmp.resolve("jdk").toString());
        builder.environment().put("KILN_CDS", "0");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), out);
        assertEquals(0, process.exitValue(), out);
        return out;
    }

    @Test
    void aSymbolicLinkToTheLauncherRunsTheJarOfTheCloneItLinksToAndLeavesNothingBesideTheLink() throws Exception {
        Path home = home().toRealPath();
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("kiln"), home.resolve("kiln"));
        Path blog = Files.createDirectories(tmp.resolve("blog"));

        List<String> args = run(blog, bin.resolve("kiln").toString(), "--version").lines().toList();

        int cp = args.indexOf("-cp");
        assertTrue(cp >= 0, args.toString());
        assertEquals(home.resolve("target/kiln.jar").toString(), args.get(cp + 1), args.toString());
        assertTrue(args.contains("-Dkiln.launcher=" + home.resolve("kiln")), args.toString());
        assertEquals("--version", args.get(args.size() - 1));
        try (var beside = Files.list(bin)) {
            assertEquals(List.of(bin.resolve("kiln")), beside.toList(), "no target/ beside the link");
        }
    }

    @Test
    void theLauncherRunByItsOwnPathNamesItselfAsBefore() throws Exception {
        Path home = home().toRealPath();

        List<String> args = run(home, "./kiln", "--version").lines().toList();

        assertTrue(args.contains(home.resolve("target/kiln.jar").toString()), args.toString());
        assertTrue(args.contains("-Dkiln.launcher=" + home.resolve("kiln")), args.toString());
        assertFalse(args.stream().anyMatch(a -> a.startsWith("kiln: building")), args.toString());
    }
}
