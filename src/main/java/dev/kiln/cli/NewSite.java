package dev.kiln.cli;

import dev.kiln.content.NewPost;
import org.apache.commons.cli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;

/** {@code kiln new site DIR}: a new site folder with its settings and a first post. */
final class NewSite extends Command {

    static final String SITE_YML = """
            # The site's settings: every key is in Kiln's README ("site.yml").
            title: My Blog
            # Where the site will be published: feeds and the sitemap need it for absolute URLs.
            # base_url: https://me.github.io/myblog
            # Dates without an offset are read, and every date shown, in this zone (default UTC).
            # timezone: Europe/Berlin
            """;

    NewSite() {
        super("new site", "Makes the folder DIR a new site: site.yml and a first post in content/posts/ (the "
                + "built-in theme lays it out). DIR must not exist or be empty.", "DIR");
    }

    @Override
    int run(CommandLine line) throws java.io.IOException {
        Path dir = path("DIR", line.getArgList().get(0));
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageError(dir + " is a file: name a new folder");
        }
        if (Files.isDirectory(dir)) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new UsageError(dir + " already exists and is not empty: name a new folder (a site is a "
                            + "folder of its own)");
                }
            }
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("site.yml"), SITE_YML);
        ZonedDateTime now = ZonedDateTime.now(java.time.ZoneOffset.UTC).withNano(0);
        Path post = NewPost.write(dir, "Hello, world", now, List.of(), false);
        System.out.println(dir.resolve("site.yml"));
        System.out.println(post);
        String kiln = kilnCommand(System.getProperty("kiln.launcher"), System.getenv("PATH"));
        System.err.println("next: cd " + shellQuoted(dir.toString()) + " && " + kiln + " serve   (then " + kiln
                + " new post \"Title\" for the next post)");
        return 0;
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
        for (String dir : pathVariable == null || pathVariable.isEmpty() ? new String[0] : pathVariable.split(java.io.File.pathSeparator)) {
            try {
                Path onPath = Path.of(dir.isEmpty() ? "." : dir, "kiln");
                if (Files.isRegularFile(onPath) && Files.isExecutable(onPath)) {
                    return onPath.toRealPath().equals(Path.of(launcher).toRealPath()) ? "kiln"
                            : shellQuoted(launcher);
                }
            } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
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
