package dev.kiln.testing;

import dev.kiln.output.SiteOutput;
import nu.validator.client.EmbeddedValidator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        Map<String, Document> pages = new HashMap<>();
        List<String> broken = new ArrayList<>();
        for (var file : site.files().entrySet()) {
            if (!file.getKey().endsWith(".html")) {
                continue;
            }
            Document doc = parse(pages, site, file.getKey());
            URI pageUri = URI.create("http://site" + basePath + "/" + file.getKey());
            for (Element e : doc.select("a[href], img[src], link[href], script[src], source[src]")) {
                String url = e.hasAttr("href") ? e.attr("href") : e.attr("src");
                if (url.isEmpty() || url.matches("(?s)(mailto|tel|javascript):.*")) {
                    continue;
                }
                URI target = pageUri.resolve(url);
                if (!"site".equals(target.getHost())) {
                    continue; // external
                }
                String path = URLDecoder.decode(target.getRawPath(), StandardCharsets.UTF_8);
                if (!path.startsWith(basePath + "/")) {
                    broken.add(file.getKey() + " -> " + url + " (outside the base path " + basePath + ")");
                    continue;
                }
                String resolved = resolve(site, path.substring(basePath.length() + 1));
                if (resolved == null) {
                    broken.add(file.getKey() + " -> " + url);
                } else if (target.getFragment() != null && !target.getFragment().isEmpty()
                        && resolved.endsWith(".html")
                        && parse(pages, site, resolved).getElementById(target.getFragment()) == null) {
                    broken.add(file.getKey() + " -> " + url + " (no such id)");
                }
            }
        }
        return broken;
    }

    /** The file GitHub Pages serves for a path: itself, {@code index.html} in it, or {@code path.html}. */
    public static String resolve(SiteOutput site, String path) {
        List<String> candidates = path.isEmpty() || path.endsWith("/")
                ? List.of(path + "index.html")
                : List.of(path, path + ".html", path + "/index.html");
        return candidates.stream().filter(c -> site.get(c) != null).findFirst().orElse(null);
    }

    /** A page of the site, parsed. */
    public static Document page(SiteOutput site, String path) {
        byte[] bytes = site.get(path);
        if (bytes == null) {
            throw new AssertionError("the site has no " + path + "; it has " + site.files().keySet());
        }
        return Jsoup.parse(new String(bytes, StandardCharsets.UTF_8), "http://site/" + path);
    }

    private static Document parse(Map<String, Document> cache, SiteOutput site, String path) {
        return cache.computeIfAbsent(path, p -> page(site, p));
    }
}
