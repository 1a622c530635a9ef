package dev.kiln.build;

import dev.kiln.error.Problem;
import dev.kiln.error.SiteException;
import dev.kiln.testing.Fixtures;
import dev.kiln.testing.Kiln;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Each folder of {@code src/test/resources/invalid/} is a broken site; its {@code expected-errors.txt}
 * holds every problem the build must report, exactly, in order ({@code path:line:col: message}).
 */
class InvalidSitesTest {

    @TestFactory
    Stream<DynamicTest> eachInvalidSiteReportsEveryProblemAtItsPlace() throws IOException {
        try (Stream<Path> cases = Files.list(Fixtures.resource("invalid"))) {
            return cases.sorted().toList().stream().map(site -> DynamicTest.dynamicTest(
                    site.getFileName().toString(), () -> {
                        List<String> expected = Files.readAllLines(site.resolve("expected-errors.txt"));
                        SiteException e = assertThrows(SiteException.class,
                                () -> Fixtures.build(Fixtures.options(site)));
                        assertEquals(expected, e.problems().stream().map(Problem::toString).toList());
                    }));
        }
    }

    @TempDir
    Path tmp;

    /**
     * The same sites through {@code kiln build}: exit 1, exactly the expected problems on stderr, no stack
     * trace, a previous output left byte for byte, and nothing written into the site folder.
     */
    @TestFactory
    Stream<DynamicTest> eachInvalidSiteExitsOneAndLeavesThePreviousOutputAndTheSourcesAsTheyWere() throws IOException {
        try (Stream<Path> cases = Files.list(Fixtures.resource("invalid"))) {
            return cases.sorted().toList().stream().map(site -> DynamicTest.dynamicTest(
                    site.getFileName().toString(), () -> {
                        List<String> expected = Files.readAllLines(site.resolve("expected-errors.txt"));
                        Path dest = Kiln.previousOutput(tmp.resolve(site.getFileName().toString()));

                        Kiln.assertBuildFails(site, dest, expected);
                    }));
        }
    }
}
