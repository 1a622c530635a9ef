package dev.kiln.cli;

import dev.kiln.build.Build;
import dev.kiln.build.BuildOptions;
import dev.kiln.build.BuildResult;
import dev.kiln.build.LinkReport;
import dev.kiln.config.SiteConfig;
import dev.kiln.content.SourceLoader;
import dev.kiln.error.Problem;
import dev.kiln.error.SiteException;
import dev.kiln.layout.Layouts;
import dev.kiln.output.SiteWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code kiln build}: builds the site into a folder. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Builds the site in --source into --dest. A failed build leaves --dest as it was.")
final class BuildCommand implements Callable<Integer> {

    @Option(names = "--source", paramLabel = "DIR", defaultValue = ".",
            description = "The site folder (with site.yml, content/, layouts/, assets/). Default: ${DEFAULT-VALUE}")
    Path source;

    @Option(names = "--dest", paramLabel = "DIR",
            description = "Where to write the site. Default: target/site inside the site folder.")
    Path dest;

    @Option(names = "--drafts", description = "Include drafts and posts with 'published: false'.")
    boolean drafts;

    @Option(names = "--future", description = "Include posts dated in the future.")
    boolean future;

    @Option(names = "--strict", description = "Treat broken internal links as errors: nothing is written.")
    boolean strict;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "The URL the site is served from, overriding site.yml's base_url "
                    + "(e.g. https://me.github.io/blog).")
    String baseUrl;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        if (!Files.isDirectory(source)) {
            err.println("kiln: --source " + source + " is not a folder: name the folder that holds the site");
            return 2;
        }
        if (baseUrl != null) {
            try {
                SiteConfig.splitBaseUrl(baseUrl);
            } catch (IllegalArgumentException e) {
                err.println("kiln: --base-url '" + baseUrl + "' is not an absolute URL: write it like "
                        + "https://me.github.io/blog");
                return 2;
            }
        }
        Path target = dest != null ? dest : source.resolve("target/site");
        String unsafe = SiteWriter.unsafeDestination(source, target,
                List.of(SourceLoader.CONTENT, SourceLoader.ASSETS, Layouts.FOLDER));
        if (unsafe != null) {
            err.println("kiln: --dest " + target + " " + unsafe);
            return 2;
        }
        BuildOptions options = new BuildOptions(source, drafts, future, baseUrl, Clock.systemDefaultZone());
        try (Build build = new Build(err::println)) {
            BuildResult result = build.run(options);
            List<Problem> links = LinkReport.problems(result, source);
            if (strict && !links.isEmpty()) {
                throw new SiteException(links);
            }
            links.forEach(p -> err.println("warning: " + p));
            SiteWriter.Stats stats = SiteWriter.write(result.output(), target);
            err.printf("  %-13s %d written, %d unchanged, %d removed%n", "write", stats.written(), stats.unchanged(),
                    stats.removed());
            err.println(result.summary() + " → " + target);
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
