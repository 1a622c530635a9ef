package dev.kiln.cli;

import dev.kiln.build.Build;
import dev.kiln.build.BuildOptions;
import dev.kiln.build.BuildResult;
import dev.kiln.build.LinkReport;
import dev.kiln.error.Problem;
import dev.kiln.error.SiteException;
import dev.kiln.jekyll.ImportReport;
import dev.kiln.jekyll.Importer;
import dev.kiln.jekyll.JekyllSite;
import org.apache.commons.cli.CommandLine;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** {@code kiln import}: converts a site made with another generator into a Kiln site. */
final class ImportCommand extends Command {

    ImportCommand() {
        super("import", "Converts a site made with another generator into a Kiln site folder.");
    }

    @Override
    List<Command> subcommands() {
        return List.of(new Jekyll());
    }

    /**
     * {@code kiln import} alone is a usage error: it shows its subcommands and exits 2; another generator's name
     * ({@code kiln import hugo .}) is one line saying that only Jekyll sites are read.
     */
    @Override
    int run(CommandLine line) {
        if (line.getArgList().isEmpty()) {
            System.err.print(help());
            return 2;
        }
        String word = line.getArgList().get(0);
        if (Main.nearest(word, List.of("jekyll")) != null) {
            throw new UsageError("kiln import has no command '" + word + "': did you mean kiln import jekyll?");
        }
        throw new UsageError("kiln import reads Jekyll sites only (kiln import jekyll SRC), not '" + word + "': move "
                + "any other site by hand; README's \"Coming from Hugo\" says where each part of a Hugo site goes");
    }

    /** {@code kiln import jekyll}: converts a Jekyll site, keeping every post and page URL. */
    static final class Jekyll extends Command {

        Jekyll() {
            super("import jekyll", "Converts the Jekyll site in SRC into a new Kiln site folder (SRC is never written "
                    + "to). Prints what it converted, the Liquid it left (path:line), what Jekyll published that it could not "
                    + "take, and any URL that would change.", "SRC");
            options.addOption(valued("dest", "DIR", "The new Kiln site folder; must not exist or be empty, and not be "
                    + "inside SRC. Default: SRC-kiln next to SRC."));
            options.addOption(flag("allow-url-changes",
                    "Accept posts, pages and tag pages whose URL changes, and write a redirect page at each old URL."));
        }

        @Override
        String footer() {
            return """

                    Exit codes:
                      0   imported, every URL kept (or redirected with --allow-url-changes)
                      1   content was lost (a file Jekyll published left out, or one that cannot be
                          read) or a URL changed (see the report)
                      2   usage error
                    """;
        }

        @Override
        int run(CommandLine line) throws java.io.IOException {
            Path src = path("SRC", line.getArgList().get(0));
            Path dest = path(line, "dest", null);
            boolean allowUrlChanges = line.hasOption("allow-url-changes");
            PrintStream err = System.err;
            if (!Files.isDirectory(src)) {
                err.println("kiln: " + src + " is not a folder: name the Jekyll site's folder");
                return 2;
            }
            if (!JekyllSite.isJekyllSite(src)) {
                err.println("kiln: " + src + " is not a Jekyll site: it has neither _config.yml nor _posts/");
                return 2;
            }
            Path source = src.toAbsolutePath().normalize();
            if (dest == null && source.getParent() == null) {
                err.println("kiln: name a --dest folder for the import of " + source);
                return 2;
            }
            Path target = (dest != null ? dest.toAbsolutePath()
                    : source.resolveSibling(source.getFileName() + "-kiln")).normalize();
            if (target.startsWith(source)) {
                err.println("kiln: --dest " + target + " is inside " + src + ": choose a folder outside the Jekyll site");
                return 2;
            }
            if (Files.exists(target) && (!Files.isDirectory(target) || !isEmpty(target))) {
                err.println("kiln: --dest " + target + " exists and is not an empty folder: choose a new folder");
                return 2;
            }
            ImportReport report = Importer.run(source, target, allowUrlChanges);
            report.print(err);
            int built = check(target, err);
            // Published as a site made by kiln new site is: from a repository of its own, Kiln its submodule.
            List<Path> written = new java.util.ArrayList<>();
            List<String> kept = new java.util.ArrayList<>();
            NewSite.publishing(target, written, kept);
            kept.forEach(err::println);
            if (!written.isEmpty()) {
                List<String> names = written.stream().map(f -> target.relativize(f).toString()).toList();
                String last = names.get(names.size() - 1);
                err.println("wrote " + (names.size() == 1 ? last
                        : String.join(", ", names.subList(0, names.size() - 1)) + " and " + last)
                        + " (publishing: the steps are at the top of " + NewSite.WORKFLOW + ")");
            }
            err.println("→ " + target);
            return Math.max(report.exitCode(), built);
        }

        /** Builds the imported site in memory, as {@code kiln check} does: 1 when it does not build. */
        private static int check(Path site, PrintStream err) {
            try (Build build = Build.once(line -> { })) {
                BuildResult result = build.run(BuildOptions.of(site));
                List<Problem> links = LinkReport.problems(result, site);
                result.warnings().forEach(p -> err.println("warning: " + p)); // a fence kramdown took for text
                links.forEach(p -> err.println("warning: " + p));
                err.println("check: the imported site builds (" + result.summary() + "), " + links.size()
                        + " broken links");
                return 0;
            } catch (SiteException e) {
                e.problems().forEach(p -> err.println(p));
                err.println("check: the imported site does not build: fix the problems above in " + site);
                return 1;
            }
        }

        private static boolean isEmpty(Path dir) {
            try (Stream<Path> files = Files.list(dir)) {
                return files.findAny().isEmpty();
            } catch (IOException e) {
                return false;
            }
        }
    }
}
