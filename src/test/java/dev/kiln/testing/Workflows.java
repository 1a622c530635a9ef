package dev.kiln.testing;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A GitHub Pages workflow as GitHub would run its build job, offline: its {@code run:} steps in a folder (Kiln's
 * build in this JVM, any other step with bash), and the files its {@code actions/upload-pages-artifact} step would
 * put in the artifact.
 */
public final class Workflows {

    private Workflows() {}

    /** The workflow in {@code file}, read as YAML (which fails the test when it is not valid YAML). */
    public static Map<String, Object> load(Path file) throws IOException {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file, StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> steps(Map<String, Object> workflow, String job) {
        Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
        return (List<Map<String, Object>>) ((Map<String, Object>) jobs.get(job)).get("steps");
    }

    /** Every {@code uses:} of the workflow's jobs, in order ({@code actions/checkout@v5}, ...). */
    @SuppressWarnings("unchecked")
    public static List<String> uses(Map<String, Object> workflow) {
        List<String> uses = new ArrayList<>();
        for (String job : ((Map<String, Object>) workflow.get("jobs")).keySet()) {
            steps(workflow, job).stream().map(s -> (String) s.get("uses")).filter(u -> u != null).forEach(uses::add);
        }
        return uses;
    }

    /** The step of the build job that uses {@code action} (its name before the {@code @}). */
    public static Map<String, Object> step(Map<String, Object> workflow, String action) {
        return steps(workflow, "build").stream().filter(s -> String.valueOf(s.get("uses")).startsWith(action + "@"))
                .findFirst().orElseThrow(() -> new AssertionError("no step uses " + action));
    }

    /** The build job's command that runs Kiln. */
    public static String kilnCommand(Map<String, Object> workflow) {
        return steps(workflow, "build").stream().map(s -> (String) s.get("run")).filter(r -> r != null)
                .filter(r -> r.contains("kiln build")).findFirst().orElseThrow().strip();
    }

    /**
     * Runs the build job's {@code run:} steps in {@code dir} with {@code BASE_URL} set to {@code baseUrl}: the one
     * that runs Kiln ({@code launcher build ...}, its launcher checked to be an executable file at that path from
     * {@code dir}) in this JVM, with its relative paths taken from {@code dir}; every other one with bash.
     */
    public static void runBuild(Map<String, Object> workflow, Path dir, String launcher, String baseUrl)
            throws IOException, InterruptedException {
        for (Map<String, Object> step : steps(workflow, "build")) {
            String run = (String) step.get("run");
            if (run == null) {
                continue;
            }
            if (!run.contains("kiln build")) {
                Process process = new ProcessBuilder("bash", "-euc", run).directory(dir.toFile()).redirectErrorStream(true)
                        .start();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(process.waitFor(60, TimeUnit.SECONDS), run);
                assertEquals(0, process.exitValue(), run + ": " + out);
                continue;
            }
            List<String> words = Arrays.stream(run.strip().split(" +")).map(w -> w.replace("\"", "")).toList();
            assertEquals(launcher, words.get(0), run);
            assertTrue(Files.isRegularFile(dir.resolve(launcher)) && Files.isExecutable(dir.resolve(launcher)),
                    "the launcher " + launcher + " is there to run, from " + dir);
            List<String> args = new ArrayList<>();
            for (int i = 1; i < words.size(); i++) {
                String word = words.get(i).replace("$BASE_URL", baseUrl);
                boolean isPath = i > 1 && (words.get(i - 1).equals("--source") || words.get(i - 1).equals("--dest"));
                args.add(isPath ? dir.resolve(word).normalize().toString() : word);
            }
            if (!args.contains("--source")) {
                args.addAll(List.of("--source", dir.toString()));
            }
            Kiln.Run result = Kiln.run(args.toArray(String[]::new));
            assertEquals(0, result.code(), run + ": " + result.err());
        }
    }

    /**
     * The files, relative to {@code dir}, that the build job's {@code actions/upload-pages-artifact} step would put in
     * the artifact: its tar leaves out .git and .github, and with {@code include-hidden-files} not true every path of
     * which a part starts with a dot.
     */
    @SuppressWarnings("unchecked")
    public static List<String> artifact(Map<String, Object> workflow, Path dir) throws IOException {
        Map<String, Object> with = (Map<String, Object>) step(workflow, "actions/upload-pages-artifact").get("with");
        Path root = dir.resolve((String) with.get("path"));
        boolean hidden = Boolean.TRUE.equals(with.get("include-hidden-files"));
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> Arrays.stream(f.split("/")).noneMatch(part -> part.equals(".git") || part.equals(".github")
                            || !hidden && part.startsWith(".")))
                    .sorted().toList();
        }
    }
}
