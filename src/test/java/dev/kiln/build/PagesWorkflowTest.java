package dev.kiln.build;

import org.junit.jupiter.api.BeforeAll;
import dev.kiln.testing.Workflows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The GitHub Pages workflow publishes what the README says, with the official actions. */
class PagesWorkflowTest {

    private static Map<String, Object> workflow;

    @BeforeAll
    static void read() throws IOException {
        workflow = Workflows.load(Path.of(".github/workflows/pages.yml"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(String job) {
        Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
        return (List<Map<String, Object>>) ((Map<String, Object>) jobs.get(job)).get("steps");
    }

    private static String uses(String job, String action) {
        return steps(job).stream().map(s -> (String) s.get("uses"))
                .filter(u -> u != null && u.startsWith(action + "@")).findFirst().orElse(null);
    }

    @Test
    void buildsWithTheCommandTheReadmeDocuments() throws IOException {
        String run = steps("build").stream().map(s -> (String) s.get("run")).filter(r -> r != null)
                .filter(r -> r.contains("kiln build")).findFirst().orElseThrow();
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains("`" + run.strip() + "`"), "README documents `" + run.strip() + "`");
    }

    @Test
    void takesTheBasePathFromConfigurePages() {
        Map<String, Object> build = steps("build").stream().filter(s -> "Build the site".equals(s.get("name")))
                .findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> env = (Map<String, Object>) build.get("env");
        assertEquals("${{ steps.pages.outputs.base_url }}", env.get("BASE_URL"));
        assertTrue(((String) build.get("run")).contains("--base-url \"$BASE_URL\""));
    }

    @Test
    void usesTheOfficialPagesActionsAndCachesMaven() {
        assertEquals("actions/configure-pages@v6", uses("build", "actions/configure-pages"));
        assertEquals("actions/upload-pages-artifact@v5", uses("build", "actions/upload-pages-artifact"));
        assertEquals("actions/deploy-pages@v5", uses("deploy", "actions/deploy-pages"));
        Map<String, Object> java = steps("build").stream()
                .filter(s -> String.valueOf(s.get("uses")).startsWith("actions/setup-java@")).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> with = (Map<String, Object>) java.get("with");
        assertEquals("maven", with.get("cache"));
    }

    @Test
    void publishesTheHiddenFilesSiteYmlIncludesAndNotKilnsMarker(@TempDir Path tmp) throws Exception {
        Path site = Files.createDirectories(tmp.resolve("blog"));
        Files.writeString(site.resolve("site.yml"), "title: Blog\ninclude: [.well-known]\n");
        Files.createDirectories(site.resolve("content/posts"));
        Files.writeString(site.resolve("content/posts/2020-01-01-a.md"), "---\ntitle: A\n---\nA.\n");
        Files.createDirectories(site.resolve("content/.well-known"));
        Files.writeString(site.resolve("content/.well-known/security.txt"), "Contact: mailto:me@example.com\n");
        // The layout this workflow expects: the site in a clone of Kiln, whose launcher is ./kiln.
        Files.createSymbolicLink(site.resolve("kiln"), Path.of("kiln").toAbsolutePath());

        Workflows.runBuild(workflow, site, "./kiln", "https://me.github.io/blog");
        List<String> published = Workflows.artifact(workflow, site);

        assertTrue(published.contains(".well-known/security.txt"), published.toString());
        assertTrue(published.contains(".nojekyll"), published.toString());
        assertTrue(published.contains("2020/01/01/a/index.html"), published.toString());
        assertEquals(List.of(".nojekyll", ".well-known/security.txt"),
                published.stream().filter(f -> f.startsWith(".")).toList(), "no .kiln-output, Kiln's marker");
    }

    @Test
    void mayDeployPages() {
        @SuppressWarnings("unchecked")
        Map<String, Object> permissions = (Map<String, Object>) workflow.get("permissions");
        assertEquals("write", permissions.get("pages"));
        assertEquals("write", permissions.get("id-token"));
    }

    @Test
    void pushesPublishFromAWorkflowWithoutAScheduleAndDailyYmlRunsItEachDayForFuturePosts() throws IOException {
        Workflows.assertPushesAndTheDailyRunPublish(workflow, Workflows.load(Path.of(".github/workflows/daily.yml")));
    }

    @Test
    void noWorkflowThatAPushRunsHasASchedule() throws IOException {
        try (var files = Files.list(Path.of(".github/workflows"))) {
            for (Path file : files.sorted().toList()) {
                Map<String, Object> on = Workflows.on(Workflows.load(file));
                assertFalse(on.containsKey("push") && on.containsKey("schedule"),
                        file + ": GitHub may disable it after 60 days without a push, and its push runs with it");
            }
        }
    }
}
