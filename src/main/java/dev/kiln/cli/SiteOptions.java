package dev.kiln.cli;

import dev.kiln.build.BuildOptions;
import dev.kiln.config.SiteConfig;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** The options every command that builds a site shares: which site, drafts, future posts, base URL. */
final class SiteOptions {

    @Option(names = "--source", paramLabel = "DIR", defaultValue = ".",
            description = "The site folder (with site.yml, content/, layouts/, assets/). Default: ${DEFAULT-VALUE}")
    Path source;

    @Option(names = "--drafts", description = "Include drafts and posts with 'published: false'.")
    boolean drafts;

    @Option(names = "--future", description = "Include posts dated in the future.")
    boolean future;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "The URL the site is served from, overriding site.yml's base_url "
                    + "(e.g. https://me.github.io/blog).")
    String baseUrl;

    /** Says what is wrong with the options on {@code err} and returns false, or returns true. */
    boolean valid(PrintStream err) {
        if (!Files.isDirectory(source)) {
            err.println("kiln: --source " + source + " is not a folder: name the folder that holds the site");
            return false;
        }
        if (baseUrl != null) {
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

    /** The build these options ask for, on the system clock. */
    BuildOptions build() {
        return new BuildOptions(source, drafts, future, baseUrl, Clock.systemDefaultZone());
    }
}
