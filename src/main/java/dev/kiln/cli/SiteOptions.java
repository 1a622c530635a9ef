package dev.kiln.cli;

import dev.kiln.build.BuildOptions;
import dev.kiln.config.SiteConfig;
import dev.kiln.content.SourceLoader;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** The options every command that builds a site shares: which site, drafts, future posts, base URL. */
record SiteOptions(Path source, boolean drafts, boolean future, String baseUrl) {

    /** Adds these options to {@code options}. */
    static void addTo(Options options) {
        options.addOption(Command.valued("source", "DIR",
                "The site folder (with site.yml, content/, layouts/, assets/). Default: ."));
        options.addOption(Command.flag("drafts", "Include drafts and posts with 'published: false'."));
        options.addOption(Command.flag("future", "Include posts dated in the future."));
        options.addOption(Command.valued("base-url", "URL",
                "The URL the site is served from, overriding site.yml's base_url (e.g. https://me.github.io/blog)."));
    }

    /** The options {@code line} gives. */
    static SiteOptions of(CommandLine line) {
        return new SiteOptions(Command.path(line, "source", "."), line.hasOption("drafts"), line.hasOption("future"),
                line.getOptionValue("base-url"));
    }

    /** Says what is wrong with the options on {@code err} and returns false, or returns true. */
    boolean valid(PrintStream err) {
        if (!Files.isDirectory(source)) {
            err.println("kiln: --source " + source + " is not a folder: name the folder that holds the site");
            return false;
        }
        if (!site(source, err)) {
            return false;
        }
        if (baseUrl != null) {
            if (baseUrl.isBlank()) {
                // An empty value is most often a variable that was not set (a CI step's output): a site
                // built with no base URL has relative feed links and other feed ids, so it is refused.
                err.println("kiln: --base-url is empty: give the URL the site is served from, like "
                        + "https://me.github.io/blog, or leave the option out to use site.yml's base_url");
                return false;
            }
            try {
                SiteConfig.splitBaseUrl(baseUrl);
            } catch (IllegalArgumentException e) {
                err.println("kiln: --base-url '" + baseUrl + "' is not an absolute URL: write it like "
                        + "https://me.github.io/blog");
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the folder {@code source} is a site: it holds site.yml or content/, or is a Jekyll or Hugo site's
     * folder. When it is not, says so on {@code err}, naming the site folder above it when there is one
     * ({@link #notASite}), and returns false. {@code build}, {@code serve}, {@code check} and {@code new post} ask it.
     */
    static boolean site(Path source, PrintStream err) {
        if (!Files.exists(source.resolve(SiteConfig.FILE)) && !Files.isDirectory(source.resolve("content"))
                && !jekyllSite(source) && !hugoSite(source)) {
            // Built as it is, such a folder (the empty one of a typo, or a site's content/) gave an empty site
            // and exit 0, with target/site written into it; kiln new post wrote content/posts/ into it, which the
            // site above published as a page. A Jekyll or Hugo site's folder is built: its settings and posts are
            // then problems at their files, which say how to import or move it.
            err.println("kiln: " + notASite(source));
            return false;
        }
        return true;
    }

    /** Whether {@code dir} holds a Jekyll site's settings, posts or drafts. */
    private static boolean jekyllSite(Path dir) {
        return Files.isRegularFile(dir.resolve(SourceLoader.JEKYLL_CONFIG))
                || SourceLoader.JEKYLL_FOLDERS.stream().anyMatch(folder -> Files.isDirectory(dir.resolve(folder)));
    }

    /**
     * Whether {@code dir} holds Hugo's settings: a {@code hugo.toml} (or {@code .yaml}, {@code .yml}, {@code .json}),
     * or a {@code config.toml} (...) with Hugo's keys, or Hugo's {@code config/_default/}.
     */
    private static boolean hugoSite(Path dir) {
        return SourceLoader.HUGO_SETTINGS.stream().map(dir::resolve)
                .anyMatch(file -> Files.isRegularFile(file) && SourceLoader.isHugoSettings(file))
                || Files.isDirectory(dir.resolve(SourceLoader.HUGO_CONFIG_FOLDER));
    }

    /**
     * What to say of {@code source}, a folder with neither site.yml nor content/: which folder above it is the site,
     * when one is (it holds site.yml, or {@code source} is in its content/: kiln run in content/posts/), else how to
     * find or start one.
     */
    static String notASite(Path source) {
        Path dir = source.toAbsolutePath().normalize();
        String said = "no " + SiteConfig.FILE + " and no content/ in " + dir + ": is this the site folder? ";
        for (Path up = dir.getParent(); up != null; up = up.getParent()) {
            if (Files.isRegularFile(up.resolve(SiteConfig.FILE)) || dir.startsWith(up.resolve("content"))) {
                return said + "The folder above it, " + up + ", is a site: run kiln there, or give --source " + up;
            }
        }
        return said + "Run kiln in the folder that holds " + SiteConfig.FILE + ", or give --source DIR (kiln new site "
                + "DIR starts one)";
    }

    /**
     * The build these options ask for, on the system clock. In UTC: the clock only tells which posts are
     * in the future, an instant in any zone, and the system's own zone is a time-zone database to load.
     */
    BuildOptions build() {
        return new BuildOptions(source, drafts, future, baseUrl, Clock.systemUTC());
    }
}
