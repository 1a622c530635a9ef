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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

    /** The workflow's triggers by event ({@code push}, {@code schedule}, ...): YAML 1.1 reads the key "on" as true. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> on(Map<String, Object> workflow) {
        return (Map<String, Object>) (workflow.containsKey("on") ? workflow.get("on") : workflow.get(true));
    }

    /**
     * Asserts that {@code pages} ({@code .github/workflows/pages.yml}) and {@code daily} (its {@code daily.yml}) publish
     * as README says: a push to main runs {@code pages}, which has no schedule, since GitHub may disable a workflow with
     * one after 60 days without a push, every trigger of it; {@code daily} has the schedule and, besides a run by hand,
     * nothing else, and each of its jobs calls {@code pages} as a reusable workflow, granting at least every permission
     * {@code pages} asks for (a called workflow only gets what its caller grants), in no concurrency group of
     * {@code pages}' (a caller in the group of the workflow it calls waits on itself).
     */
    @SuppressWarnings("unchecked")
    public static void assertPushesAndTheDailyRunPublish(Map<String, Object> pages, Map<String, Object> daily) {
        Map<String, Object> pagesOn = on(pages);
        assertEquals(Map.of("branches", List.of("main")), pagesOn.get("push"), "a push to main publishes");
        assertFalse(pagesOn.containsKey("schedule"), "the workflow that pushes run has no schedule: " + pagesOn);
        assertEquals(List.of("push", "workflow_dispatch", "workflow_call"), List.copyOf(pagesOn.keySet()),
                "pushed, run by hand, or called by daily.yml");

        Map<String, Object> dailyOn = on(daily);
        assertEquals(List.of("schedule", "workflow_dispatch"), List.copyOf(dailyOn.keySet()), "daily, or by hand");
        assertEquals(List.of(Map.of("cron", "17 5 * * *")), dailyOn.get("schedule"));
        Map<String, Object> jobs = (Map<String, Object>) daily.get("jobs");
        assertFalse(jobs.isEmpty());
        Object group = ((Map<String, Object>) pages.get("concurrency")).get("group");
        assertNotNull(group, "pages.yml publishes one run at a time");
        assertNotEquals(group, concurrencyGroup(daily.get("concurrency")), "daily.yml is not in pages.yml's group");
        for (Map.Entry<String, Object> job : jobs.entrySet()) {
            Map<String, Object> call = (Map<String, Object>) job.getValue();
            assertEquals("./.github/workflows/pages.yml", call.get("uses"), job.getKey() + " runs pages.yml");
            assertNotEquals(group, concurrencyGroup(call.get("concurrency")), job.getKey() + " is not in its group");
            Map<String, Object> granted = (Map<String, Object>) call.get("permissions");
            assertNotNull(granted, job.getKey() + " grants pages.yml its permissions (else the default token's)");
            List<Map<String, Object>> asked = new ArrayList<>();
            asked.add((Map<String, Object>) pages.get("permissions"));
            ((Map<String, Object>) pages.get("jobs")).values()
                    .forEach(j -> asked.add((Map<String, Object>) ((Map<String, Object>) j).get("permissions")));
            for (Map<String, Object> permissions : asked) {
                if (permissions == null) {
                    continue;
                }
                permissions.forEach((scope, level) -> assertTrue(
                        rank(granted.get(scope)) >= rank(level), job.getKey() + " grants " + scope + ": " + level
                                + " (it grants " + granted.get(scope) + ")"));
            }
        }
    }

    private static Object concurrencyGroup(Object concurrency) {
        return concurrency instanceof Map<?, ?> map ? map.get("group") : concurrency;
    }

    /** A permission's level: none (or not granted), read, write. */
    private static int rank(Object level) {
        return level == null ? 0 : List.of("none", "read", "write").indexOf(String.valueOf(level));
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
