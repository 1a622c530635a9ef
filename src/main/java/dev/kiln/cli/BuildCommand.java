package dev.kiln.cli;

import dev.kiln.build.Build;
import dev.kiln.build.BuildOptions;
import dev.kiln.build.BuildResult;
import dev.kiln.build.LinkReport;
import dev.kiln.content.SourceLoader;
import dev.kiln.error.Problem;
import dev.kiln.error.SiteException;
import dev.kiln.layout.Layouts;
import dev.kiln.output.SiteWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code kiln build}: builds the site into a folder. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Builds the site in --source into --dest. A failed build leaves --dest as it was.")
final class BuildCommand implements Callable<Integer> {

    @Mixin
    SiteOptions site;

    @Option(names = "--dest", paramLabel = "DIR",
            description = "Where to write the site. Default: target/site inside the site folder.")
    Path dest;

    @Option(names = "--strict", description = "Treat broken internal links as errors: nothing is written.")
    boolean strict;

    @Option(names = "--timings", description = "Print the time of each stage and the ten slowest pages and layouts.")
    boolean timings;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        if (!site.valid(err)) {
            return 2;
        }
        Path source = site.source;
        Path target = dest != null ? dest : source.resolve("target/site");
        String unsafe = SiteWriter.unsafeDestination(source, target,
                List.of(SourceLoader.CONTENT, SourceLoader.ASSETS, Layouts.FOLDER));
        if (unsafe != null) {
            err.println("kiln: --dest " + target + " " + unsafe);
            return 2;
        }
        BuildOptions options = site.build();
        try (Build build = new Build(err::println)) {
            BuildResult result = build.run(options);
            long start = System.nanoTime();
            List<Problem> links = LinkReport.problems(result, source);
            long linksNanos = System.nanoTime() - start;
            result.timings().stage("links", linksNanos);
            err.printf("  %-13s %5d ms%n", "links", linksNanos / 1_000_000);
            if (strict && !links.isEmpty()) {
                throw new SiteException(links);
            }
            // Buffered: a large site may have thousands of warnings.
            PrintStream warnings = new PrintStream(new java.io.BufferedOutputStream(err, 1 << 16), false,
                    java.nio.charset.StandardCharsets.UTF_8);
            links.forEach(p -> warnings.println("warning: " + p));
            warnings.flush();
            start = System.nanoTime();
            SiteWriter.Stats stats = SiteWriter.write(result.output(), target);
            long writeNanos = System.nanoTime() - start;
            result.timings().stage("write", writeNanos);
            err.printf("  %-13s %5d ms  %d written, %d unchanged, %d removed%n", "write", writeNanos / 1_000_000,
                    stats.written(), stats.unchanged(), stats.removed());
            err.println(result.summary() + " → " + target);
            if (timings) {
                result.timings().report().forEach(err::println);
            }
            return 0;
        } catch (SiteException e) {
            for (Problem problem : e.problems()) {
                err.println(problem);
            }
            int n = e.problems().size();
            err.println("build failed: " + n + (n == 1 ? " problem" : " problems") + "; " + target
                    + " was left as it was");
            return 1;
        }
    }
}
