package dev.kiln.build;

import dev.kiln.output.SiteOutput;
import dev.kiln.testing.Fixtures;
import dev.kiln.testing.SiteChecks;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Each folder of {@code src/test/resources/sites/} is a site whose whole output is kept in its
 * {@code expected/} folder; HTML is compared after jsoup normalisation. Run with
 * {@code -Dgolden.update=true} to rewrite the expected output, then review the diff.
 */
class GoldenSitesTest {

    private static final Path SITES = Fixtures.resource("sites");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @TestFactory
    Stream<DynamicTest> eachFixtureSiteBuildsToItsExpectedOutput() throws IOException {
        try (Stream<Path> cases = Files.list(SITES)) {
            return cases.sorted().toList().stream().map(site -> DynamicTest.dynamicTest(
                    site.getFileName().toString(), () -> check(site)));
        }
    }

    @TestFactory
    Stream<DynamicTest> eachFixtureSiteHasNoBrokenLinks() throws IOException {
        try (Stream<Path> cases = Files.list(SITES)) {
            return cases.sorted().toList().stream().map(site -> DynamicTest.dynamicTest(
                    site.getFileName().toString(), () -> assertEquals(List.of(),
                            SiteChecks.brokenLinks(Fixtures.build(Fixtures.options(site)).output(), ""))));
        }
    }

    @TestFactory
    Stream<DynamicTest> eachFixtureSiteHasNoBrokenLinksUnderABasePath() throws IOException {
        try (Stream<Path> cases = Files.list(SITES)) {
            return cases.sorted().toList().stream().map(site -> DynamicTest.dynamicTest(
                    site.getFileName().toString(), () -> assertEquals(List.of(), SiteChecks.brokenLinks(
                            Fixtures.build(Fixtures.options(site).withBaseUrl("https://me.github.io/blog")).output(),
                            "/blog"))));
        }
    }

    private static void check(Path site) throws IOException {
        SiteOutput output = Fixtures.build(Fixtures.options(site)).output();
        Path expected = site.resolve("expected");
        if (UPDATE) {
            rewrite(expected, output);
        }
        Map<String, String> want = read(expected);
        Map<String, String> got = new TreeMap<>();
        output.files().forEach((path, bytes) -> got.put(path, normalise(path, bytes)));
        assertEquals(want.keySet(), got.keySet(), site + ": files of the site");
        for (String path : want.keySet()) {
            assertEquals(want.get(path), got.get(path), site + ": " + path);
        }
    }

    private static Map<String, String> read(Path expected) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(expected)) {
            return files;
        }
        try (Stream<Path> all = Files.walk(expected)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                String rel = expected.relativize(file).toString().replace('\\', '/');
                files.put(rel, normalise(rel, Files.readAllBytes(file)));
            }
        }
        return files;
    }

    private static void rewrite(Path expected, SiteOutput output) throws IOException {
        if (Files.isDirectory(expected)) {
            try (Stream<Path> all = Files.walk(expected)) {
                List<Path> paths = new ArrayList<>(all.sorted(Comparator.reverseOrder()).toList());
                for (Path p : paths) {
                    Files.delete(p);
                }
            }
        }
        for (var file : output.files().entrySet()) {
            Path target = expected.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
    }

    /** HTML is compared as jsoup prints it, so that insignificant white space does not matter. */
    private static String normalise(String path, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!path.endsWith(".html")) {
            return text;
        }
        Document doc = Jsoup.parse(text);
        doc.outputSettings().prettyPrint(true).indentAmount(1);
        return doc.outerHtml();
    }
}
