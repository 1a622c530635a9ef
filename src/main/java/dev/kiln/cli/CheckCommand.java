package dev.kiln.cli;

import dev.kiln.build.Build;
import dev.kiln.build.BuildOptions;
import dev.kiln.build.BuildResult;
import dev.kiln.build.LinkReport;
import dev.kiln.check.ExternalLinks;
import dev.kiln.error.Problem;
import dev.kiln.error.SiteException;
import org.apache.commons.cli.CommandLine;

import java.nio.file.Path;
import java.util.List;

/** {@code kiln check}: builds the site (its pages kept in a temporary folder) and checks every internal link, image and anchor. */
final class CheckCommand extends Command {

    CheckCommand() {
        super("check", "Builds the site into a temporary folder (removed when it ends; target/site is not touched) and "
                + "checks every internal link, image source, stylesheet, script and #fragment. Exits 1 when any is broken.");
        SiteOptions.addTo(options);
        options.addOption(flag("external", "Also check links to other sites over HTTP (8 requests at once, "
                + "2 per host, 10 s timeouts, 2 retries)."));
    }

    @Override
    int run(CommandLine line) {
        SiteOptions site = SiteOptions.of(line);
        boolean external = line.hasOption("external");
        if (!site.valid(System.err)) {
            return 2;
        }
        Path source = site.source();
        BuildOptions buildOptions = site.build();
        try (Build build = Build.once(progress -> { })) {
            BuildResult result = build.run(buildOptions);
            // Not broken links, but they may hide some (a code block never closed holds the links after it).
            result.warnings().forEach(p -> System.err.println("warning: " + p));
            result.notices().forEach(p -> System.err.println("warning: " + p)); // a static/ it does not read
            List<Problem> broken = new java.util.ArrayList<>(LinkReport.problems(result, source));
            if (external) {
                System.err.println("checking external links...");
                broken.addAll(LinkReport.external(result, source, ExternalLinks.polite()));
            }
            broken.forEach(System.err::println);
            long unanswered = broken.stream().filter(p -> p.message().startsWith("broken external link to ")
                    && p.message().contains(": no answer: ")).count();
            if (unanswered >= 2 && unanswered == broken.stream()
                    .filter(p -> p.message().startsWith("broken external link to ")).count()) {
                // Offline (or behind a proxy), every link to another site is listed: say why they may all be.
                System.err.println("note: none of the " + unanswered + " broken external links answered at all: if this"
                        + " machine is offline (or needs a proxy), check them again when it is online");
            }
            long pages = result.output().files().keySet().stream().filter(p -> p.endsWith(".html")).count();
            System.err.println(broken.isEmpty()
                    ? "checked " + pages + " pages: no broken " + (external ? "link" : "internal link")
                    : LinkReport.counted(broken) + " (" + pages + " pages checked)");
            return broken.isEmpty() ? 0 : 1;
        } catch (SiteException e) {
            e.problems().forEach(System.err::println);
            System.err.println("the site does not build: " + e.problems().size() + " problem(s)");
            return 1;
        }
    }
}
