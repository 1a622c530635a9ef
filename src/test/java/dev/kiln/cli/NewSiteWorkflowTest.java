package dev.kiln.cli;

import dev.kiln.testing.Kiln;
import dev.kiln.testing.Workflows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GitHub Pages workflows {@code kiln new site} writes: Kiln's own for a blog in a repository of its own, with Kiln
 * as a git submodule at {@code kiln/}, a push's and the daily one that runs it. Its build is run here from that layout,
 * the submodule being a symbolic link to this repository.
 */
class NewSiteWorkflowTest {

    @TempDir
    Path tmp;

    /** A site made by {@code kiln new site}, and its workflow. */
    private Path newSite() {
        Path site = tmp.resolve("blog");
        Kiln.Run run = Kiln.run("new", "site", site.toString());
        assertEquals(0, run.code(), run.err());
        return site;
    }

    @Test
    void isValidYamlThatUsesTheActionsOfKilnsOwnWorkflowAtTheSameVersionsAndIsTriggeredAsItIs() throws Exception {
        Map<String, Object> own = Workflows.load(Path.of(".github/workflows/pages.yml"));
        Map<String, Object> site = Workflows.load(newSite().resolve(".github/workflows/pages.yml"));

        assertEquals(Workflows.uses(own), Workflows.uses(site));
        assertEquals(Workflows.on(own), Workflows.on(site), "on: push to main, by hand, called by daily.yml");
        assertEquals(own.get("permissions"), site.get("permissions"));
        assertEquals(own.get("concurrency"), site.get("concurrency"));
        assertEquals(Workflows.step(own, "actions/setup-java"), Workflows.step(site, "actions/setup-java"));
        assertEquals(Workflows.step(own, "actions/upload-pages-artifact"),
                Workflows.step(site, "actions/upload-pages-artifact"));
        assertEquals(Map.of("submodules", true), Workflows.step(site, "actions/checkout").get("with"),
                "Kiln, the submodule kiln/, is checked out with the blog");
        Map<String, Object> build = Workflows.steps(site, "build").stream()
                .filter(s -> "Build the site".equals(s.get("name"))).findFirst().orElseThrow();
        Map<String, Object> ownBuild = Workflows.steps(own, "build").stream()
                .filter(s -> "Build the site".equals(s.get("name"))).findFirst().orElseThrow();
        assertEquals(ownBuild.get("env"), build.get("env"), "the base URL is configure-pages' as in Kiln's workflow");
        assertEquals("kiln/kiln build --source . --base-url \"$BASE_URL\" --dest _site", Workflows.kilnCommand(site));
        @SuppressWarnings("unchecked")
        Map<String, Object> jobs = (Map<String, Object>) site.get("jobs");
        assertEquals(((Map<?, ?>) own.get("jobs")).get("deploy"), jobs.get("deploy"));
    }

    @Test
    void pushesPublishFromAWorkflowWithoutAScheduleAndTheDailyOneIsKilnsOwnThatRunsIt() throws Exception {
        Path site = newSite();
        Map<String, Object> daily = Workflows.load(site.resolve(".github/workflows/daily.yml"));

        Workflows.assertPushesAndTheDailyRunPublish(Workflows.load(site.resolve(".github/workflows/pages.yml")), daily);
        assertEquals(Workflows.load(Path.of(".github/workflows/daily.yml")), daily,
                "Kiln's own daily workflow: name, schedule, and the call with its permissions");
        try (var files = Files.list(site.resolve(".github/workflows"))) {
            assertEquals(List.of("daily.yml", "pages.yml"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void itsBuildRunFromTheBlogWithKilnAsTheSubmoduleKilnPublishesTheSiteUnderItsBasePath() throws Exception {
        Path site = newSite();
        Files.writeString(site.resolve("site.yml"), "include: [.well-known]\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        Files.createDirectories(site.resolve("content/.well-known"));
        Files.writeString(site.resolve("content/.well-known/security.txt"), "Contact: mailto:me@example.com\n");
        // git submodule add ... kiln: this repository at kiln/, its launcher at kiln/kiln
        Files.createSymbolicLink(site.resolve("kiln"), Path.of("").toAbsolutePath());
        Map<String, Object> workflow = Workflows.load(site.resolve(".github/workflows/pages.yml"));

        Workflows.runBuild(workflow, site, "kiln/kiln", "https://me.github.io/blog");
        List<String> published = Workflows.artifact(workflow, site);

        assertTrue(published.contains("index.html") && published.contains("feed.xml")
                && published.contains("sitemap.xml"), published.toString());
        assertTrue(published.stream().anyMatch(f -> f.matches("\\d{4}/\\d{2}/\\d{2}/hello-world/index.html")),
                published.toString());
        assertEquals(List.of(".nojekyll", ".well-known/security.txt"),
                published.stream().filter(f -> f.startsWith(".")).toList(), "no .kiln-output, Kiln's marker");
        String home = Files.readString(site.resolve("_site/index.html"));
        assertTrue(home.contains("href=\"/blog/assets/css/main.css\""), home);
        assertTrue(published.stream().noneMatch(f -> f.startsWith("kiln/") || f.startsWith("content/")),
                "only the site is published: " + published);
    }

    @Test
    void theReadmeGivesTheCommandOfTheWorkflowItWrites() throws Exception {
        String command = Workflows.kilnCommand(Workflows.load(newSite().resolve(".github/workflows/pages.yml")));
        String readme = Files.readString(Path.of("README.md"));

        assertTrue(readme.contains("`" + command + "`"), "README documents `" + command + "`");
    }
}
