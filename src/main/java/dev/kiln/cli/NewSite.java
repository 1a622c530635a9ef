package dev.kiln.cli;

import dev.kiln.config.SiteConfig;
import dev.kiln.content.NewPost;
import org.apache.commons.cli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kiln new site DIR}: a new site folder with its settings, a first post, and what publishing it from a
 * repository of its own takes: a .gitignore for Kiln's output, a GitHub Pages workflow that builds it with Kiln
 * as a git submodule at {@code kiln/}, run by each push, and a daily one that runs it for future-dated posts
 * (README, Publishing to GitHub Pages).
 */
final class NewSite extends Command {

    static final String SITE_YML = """
            # The site's settings: every key is in Kiln's README ("site.yml").
            title: My Blog
            # Where the site will be published: feeds and the sitemap need it for absolute URLs. The Pages
            # workflow (.github/workflows/pages.yml) gives GitHub's with --base-url; set it for other builds.
            # base_url: https://me.github.io/myblog
            # Dates without an offset are read, and every date shown, in this zone (default UTC).
            # timezone: Europe/Berlin
            """;

    static final String GITIGNORE = """
            # Kiln's output: kiln build writes target/site, the Pages workflow _site.
            target/
            _site/
            """;

    static final String WORKFLOW = ".github/workflows/pages.yml";

    /**
     * The workflow that runs {@link #WORKFLOW} once a day, for future-dated posts: the schedule is in a file of its own
     * since GitHub may disable a workflow with one after 60 days without a push, all its triggers with it.
     */
    static final String DAILY_WORKFLOW = ".github/workflows/daily.yml";
    /**
     * A {@code workflow_call} trigger in a workflow's text without its comments: a key ({@code workflow_call:}), an
     * item ({@code - workflow_call}, {@code [push, workflow_call]}, {@code {workflow_call}}) or the one trigger
     * ({@code on: workflow_call}).
     */
    private static final java.util.regex.Pattern CALLABLE =
            java.util.regex.Pattern.compile("(?m)(^|[\\[{, \\t-])workflow_call([ \\t]*:|[\\]}, \\t]|$)");
    /** A YAML comment: from a {@code #} at a line's start or after white space to the line's end. */
    private static final java.util.regex.Pattern COMMENT = java.util.regex.Pattern.compile("(?m)(^|[ \\t])#.*$");

    NewSite() {
        super("new site", "Makes the folder DIR a new site: site.yml, a first post in content/posts/ (the built-in "
                + "theme lays it out), a .gitignore, " + WORKFLOW + ", which publishes it to GitHub Pages with Kiln as "
                + "a git submodule at kiln/ at each push (its first lines say how), and " + DAILY_WORKFLOW + ", which "
                + "runs it daily for future-dated posts. DIR must not exist or be empty, or be a git "
                + "repository without a site (one you cloned), whose files are kept as they are.", "DIR");
    }

    @Override
    int run(CommandLine line) throws IOException {
        Path dir = path("DIR", line.getArgList().get(0));
        refuseUnlessNew(dir);
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        written.add(create(dir.resolve(SiteConfig.FILE), SITE_YML));
        written.add(NewPost.write(dir, "Hello, world", ZonedDateTime.now(ZoneOffset.UTC).withNano(0), List.of(), false));
        publishing(dir, written, kept);
        written.forEach(System.out::println);
        kept.forEach(System.err::println);
        String kiln = kilnCommand(System.getProperty("kiln.launcher"), System.getenv("PATH"));
        System.err.println("next: cd " + shellQuoted(dir.toString()) + " && " + kiln + " serve   (then " + kiln
                + " new post \"Title\" for the next post)");
        System.err.println("publish: the steps are at the top of " + dir.resolve(WORKFLOW));
        return 0;
    }

    /**
     * Writes what a site folder in a repository of its own needs to be published into {@code dir}, adding each file
     * written to {@code written}: a .gitignore, the Pages workflow and the daily workflow that calls it. A repository
     * cloned from GitHub (or a Jekyll site imported) may bring a .gitignore or a workflow of its own by either name:
     * kept, and said in {@code kept}.
     */
    static void publishing(Path dir, List<Path> written, List<String> kept) throws IOException {
        if (Files.exists(dir.resolve(".gitignore"))) {
            kept.add("note: kept " + dir.resolve(".gitignore") + " as it was: it should list target/ and _site/ "
                    + "(Kiln's output, not to commit)");
        } else {
            written.add(create(dir.resolve(".gitignore"), GITIGNORE));
        }
        boolean callable = true; // whether the Pages workflow can be run by the daily one
        if (Files.exists(dir.resolve(WORKFLOW))) {
            callable = CALLABLE.matcher(COMMENT.matcher(Files.readString(dir.resolve(WORKFLOW))).replaceAll("")).find();
            kept.add("note: kept " + dir.resolve(WORKFLOW) + " as it was: Kiln's builds with kiln/kiln build --source . "
                    + (callable ? "and has workflow_call: among its triggers, for " + DAILY_WORKFLOW + " to run it daily"
                    : "and has workflow_call: among its triggers, for " + DAILY_WORKFLOW + " to run it daily; this one has "
                    + "none, so " + DAILY_WORKFLOW + " was not written (its runs would fail every day): add "
                    + "workflow_call: to its on: and copy Kiln's " + DAILY_WORKFLOW + " to get future-dated posts "
                    + "published on their day") + " (Kiln's README, Publishing to GitHub Pages)");
        } else {
            Files.createDirectories(dir.resolve(WORKFLOW).getParent());
            written.add(create(dir.resolve(WORKFLOW), workflow()));
        }
        if (!callable) {
            return;
        }
        if (Files.exists(dir.resolve(DAILY_WORKFLOW))) {
            kept.add("note: kept " + dir.resolve(DAILY_WORKFLOW) + " as it was: Kiln's runs " + WORKFLOW + " once a "
                    + "day, for future-dated posts (Kiln's README, Publishing to GitHub Pages)");
        } else {
            Files.createDirectories(dir.resolve(DAILY_WORKFLOW).getParent());
            written.add(create(dir.resolve(DAILY_WORKFLOW), dailyWorkflow()));
        }
    }

    /**
     * Refuses {@code dir} unless it is missing, empty, or a git repository (it holds {@code .git}) without a site:
     * a folder of other files is no place to start one, and an existing site is not started again.
     */
    private static void refuseUnlessNew(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageError(dir + " is a file: name a new folder");
        }
        if (!Files.isDirectory(dir)) {
            return;
        }
        if (Files.exists(dir.resolve(SiteConfig.FILE)) || Files.exists(dir.resolve("content"))) {
            throw new UsageError(dir + " already holds a site (site.yml or content/): kiln new post \"Title\" --source "
                    + shellQuoted(dir.toString()) + " adds a post to it");
        }
        try (var entries = Files.list(dir)) {
            if (entries.findAny().isPresent() && !Files.exists(dir.resolve(".git"))) {
                throw new UsageError(dir + " already exists and is not empty: name a new folder (a site is a folder of "
                        + "its own), or a git repository you cloned for it");
            }
        }
    }

    /** Writes {@code text} to the new file {@code file} (never over one) and returns it. */
    private static Path create(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        return file;
    }

    /** The Pages workflow of a site folder, as Kiln's jar holds it. */
    static String workflow() {
        return resource("site-pages.yml");
    }

    /** The daily workflow of a site folder, which calls its Pages workflow, as Kiln's jar holds it. */
    static String dailyWorkflow() {
        return resource("site-daily.yml");
    }

    private static String resource(String name) {
        try (InputStream in = NewSite.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What to type to run Kiln from another folder: {@code kiln} when the first {@code kiln} on the PATH is the
     * launcher that ran (or a link to it), else the launcher's own path, since a bare {@code kiln} would then
     * be "command not found" or another Kiln; {@code kiln} when no launcher started Kiln ({@code launcher} null).
     */
    static String kilnCommand(String launcher, String pathVariable) {
        if (launcher == null || launcher.isEmpty()) {
            return "kiln";
        }
        for (String dir : pathVariable == null || pathVariable.isEmpty() ? new String[0]
                : pathVariable.split(java.io.File.pathSeparator)) {
            try {
                Path onPath = Path.of(dir.isEmpty() ? "." : dir, "kiln");
                if (Files.isRegularFile(onPath) && Files.isExecutable(onPath)) {
                    return onPath.toRealPath().equals(Path.of(launcher).toRealPath()) ? "kiln" : shellQuoted(launcher);
                }
            } catch (IOException | InvalidPathException e) {
                // an entry of the PATH that names no folder: the shell passes over it too
            }
        }
        return shellQuoted(launcher);
    }

    /** {@code path} as a POSIX shell reads it: as it is when it holds only safe characters, else in '…'. */
    static String shellQuoted(String path) {
        if (!path.isEmpty() && path.matches("[A-Za-z0-9_./+,:@%=-]+")) {
            return path;
        }
        return "'" + path.replace("'", "'\\''") + "'";
    }
}
