package dev.kiln.testing;

import dev.kiln.html.LinkChecker;
import dev.kiln.output.SiteOutput;
import nu.validator.client.EmbeddedValidator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Checks a built site as a reader's browser and the Nu HTML Checker would see it. */
public final class SiteChecks {

    private SiteChecks() {}

    /** The Nu HTML Checker's errors (not warnings) for every HTML page, as {@code path: message} lines. */
    public static List<String> validationErrors(SiteOutput site) throws Exception {
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.GNU);
        List<String> errors = new ArrayList<>();
        for (var file : site.files().entrySet()) {
            if (!file.getKey().endsWith(".html")) {
                continue;
            }
            String report = validator.validate(new ByteArrayInputStream(file.getValue()));
            for (String line : report.split("\n")) {
                if (line.contains(": error:") || line.contains(": fatal:")) {
                    errors.add(file.getKey() + ": " + line);
                }
            }
        }
        return errors;
    }

    /**
     * Every internal link, image, stylesheet and script of every page that does not resolve to a file of
     * the site (or whose {@code #fragment} names no id of its page), as {@code page -> target} lines.
     * {@code basePath} is the path the site is served under ("" at the root).
     */
    public static List<String> brokenLinks(SiteOutput site, String basePath) {
        return new LinkChecker(site, basePath).check().stream().map(LinkChecker.Broken::toString).toList();
    }

    /** A page of the site, parsed. */
    public static Document page(SiteOutput site, String path) {
        byte[] bytes = site.get(path);
        if (bytes == null) {
            throw new AssertionError("the site has no " + path + "; it has " + site.files().keySet());
        }
        return Jsoup.parse(new String(bytes, StandardCharsets.UTF_8), "http://site/" + path);
    }

}
