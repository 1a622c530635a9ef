package dev.kiln.cli;

import dev.kiln.build.Build;
import dev.kiln.build.BuildOptions;
import dev.kiln.build.BuildResult;
import dev.kiln.build.LinkReport;
import dev.kiln.build.Stamp;
import dev.kiln.config.SiteConfig;
import dev.kiln.content.SourceLoader;
import dev.kiln.error.Problem;
import dev.kiln.error.SiteException;
import dev.kiln.output.SiteWriter;
import org.apache.commons.cli.CommandLine;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code kiln build}: builds the site into a folder. */
final class BuildCommand extends Command {

    BuildCommand() {
        super("build", "Builds the site in --source into --dest. A failed build leaves --dest as it was.");
        SiteOptions.addTo(options);
        options.addOption(valued("dest", "DIR", "Where to write the site. Default: target/site inside the site folder."));
        options.addOption(flag("strict", "Treat broken internal links as errors: nothing is written."));
        options.addOption(flag("force", "Build even when nothing changed since the last build into --dest."));
        options.addOption(flag("timings", "Print the time of each stage and the ten slowest pages and layouts."));
    }

    /**
     * Said (not warned: {@code --strict} takes no notice) by a build without a base URL, which is fine for a look at
     * the files but not for publishing; {@code kiln serve}, on this machine, says nothing.
     */
    static final String NO_BASE_URL = "note: site.yml has no base_url, so no sitemap.xml was written and the feeds' "
            + "links and entry ids are relative (the ids change once it is set, and feed readers then show every post "
            + "again): before publishing, set base_url: https://... (where the site will be served), or build with "
            + "--base-url";

    @Override
    int run(CommandLine line) {
        SiteOptions site = SiteOptions.of(line);
        Path dest = path(line, "dest", null);
        boolean strict = line.hasOption("strict");
        boolean force = line.hasOption("force");
        boolean timings = line.hasOption("timings");
        PrintStream err = System.err;
        if (!site.valid(err)) {
            return 2;
        }
        Path source = site.source();
        Path target = dest != null ? dest : source.resolve("target/site");
        String unsafe = SiteWriter.unsafeDestination(source, target,
                Build.SOURCE_FOLDERS);
        if (unsafe != null) {
            err.println("kiln: --dest " + target + " " + unsafe);
            return 2;
        }
        BuildOptions buildOptions = site.build();
        long begin = System.nanoTime();
        // A second before the inputs are read, by the clock of file times: what the launcher compares them with.
        long since = System.currentTimeMillis() - 1000;
        Path marker = target.resolve(SiteWriter.MARKER);
        // Jekyll's _posts/ and _config.yml too, and Hugo's static/ and hugo.toml: one made after a build is
        // reported, not taken for nothing changed.
        List<String> files = new java.util.ArrayList<>(List.of(SiteConfig.FILE, SourceLoader.JEKYLL_CONFIG));
        files.addAll(SourceLoader.HUGO_SETTINGS);
        List<String> folders = java.util.stream.Stream.of(Build.SOURCE_FOLDERS, SourceLoader.JEKYLL_FOLDERS,
                SourceLoader.HUGO_FOLDERS).flatMap(List::stream).toList();
        // For the launcher's check, which runs no JVM: README, Performance. Before the inputs are read: an input
        // made or removed in between is then one the launcher finds otherwise than it was told (a file removed after
        // the inputs were read but before this, told absent, was taken for nothing changed).
        // --force is left out: it is no reason to build again once the build it forced is done.
        String launcher = Stamp.launcher(since, System.getProperty("user.dir"), System.getProperty("kiln.launcher"),
                arguments().stream().filter(a -> !a.equals("--force")).toList(), source, folders, files);
        Stamp.Inputs read = Stamp.read(buildOptions, Main.version(), folders, files);
        String inputs = read.digest();
        if (read.links()) {
            launcher = ""; // the files links lead to are Kiln's to look at, not find's
        }
        if (!force && Stamp.unchanged(target, SiteWriter.MARKER, inputs, !strict)) {
            // The launcher did not tell it (another command, or an input changed in the second before the last
            // build, which the launcher cannot tell from one changed during it): next time it can.
            Stamp.relaunch(marker, launcher);
            err.println("nothing changed since the last build into " + target + " (" + (System.nanoTime() - begin) / 1_000_000
                    + " ms; --force builds anyway, and shows that build's warnings again)");
            return 0;
        }
        try (Build build = Build.once(err::println, target, timings)) {
            BuildResult result = build.run(buildOptions);
            long start = System.nanoTime();
            List<Problem> links = LinkReport.problems(result, source);
            long linksNanos = System.nanoTime() - start;
            result.timings().stage("links", linksNanos);
            err.printf("  %-13s %5d ms%n", "links", linksNanos / 1_000_000);
            if (strict && !(links.isEmpty() && result.warnings().isEmpty())) {
                List<Problem> all = new java.util.ArrayList<>(result.warnings());
                all.addAll(links);
                throw new SiteException(all);
            }
            // Buffered: a large site may have thousands of warnings.
            PrintStream warnings = new PrintStream(new java.io.BufferedOutputStream(err, 1 << 16), false,
                    java.nio.charset.StandardCharsets.UTF_8);
            result.warnings().forEach(p -> warnings.println("warning: " + p));
            // Not counted by --strict, nor by the stamp's "broken links" mark: no link is at stake.
            result.notices().forEach(p -> warnings.println("warning: " + p));
            links.forEach(p -> warnings.println("warning: " + p));
            warnings.flush();
            start = System.nanoTime();
            SiteWriter.Stats stats = SiteWriter.write(result.output(), target);
            // Future-dated posts left out may be due at the next build, and pages with an expiryDate may expire
            // before it: only a build without any is trusted.
            // The folder now holds the site's files and the marker, written last: the marker's time is the stamp's.
            String stamp = result.timed() ? ""
                    : Stamp.written(links.isEmpty() && result.warnings().isEmpty() ? inputs
                            : Stamp.withBrokenLinks(inputs), result.output()) + launcher;
            java.nio.file.Files.writeString(marker, stamp, java.nio.charset.StandardCharsets.UTF_8);
            long writeNanos = System.nanoTime() - start;
            result.timings().stage("write", writeNanos);
            err.printf("  %-13s %5d ms  %d written, %d unchanged, %d removed%n", "write", writeNanos / 1_000_000,
                    stats.written(), stats.unchanged(), stats.removed());
            // The whole command's time, from before the stamp check: what the user waited for.
            if (result.rootUrl().isEmpty()) {
                err.println(NO_BASE_URL);
            }
            err.println(result.summary((System.nanoTime() - begin) / 1_000_000) + " → " + target);
            if (timings) {
                result.timings().report().forEach(err::println);
            }
            return 0;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
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
