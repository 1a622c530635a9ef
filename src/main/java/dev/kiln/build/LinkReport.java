package dev.kiln.build;

import dev.kiln.check.ExternalLinks;
import dev.kiln.error.Problem;
import dev.kiln.html.LinkChecker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The broken internal links of a build, each reported at the source file and line that holds it. */
public final class LinkReport {

    private static final java.util.regex.Pattern HTTP = java.util.regex.Pattern.compile("(?i)https?://.+");

    private LinkReport() {}

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    /** Every broken link of {@code result}'s site in {@code root}, as problems, sorted. */
    public static List<Problem> problems(BuildResult result, Path root) {
        List<Problem> problems = new ArrayList<>();
        Map<String, List<LinkChecker.Broken>> bySource = new HashMap<>();
        for (LinkChecker.Broken b : new LinkChecker(result.output(), result.basePath()).check()) {
            String source = result.sources().get(b.page());
            if (source == null) {
                problems.add(Problem.inFile(b.page(), message(b) + ", written by a layout"));
            } else {
                bySource.computeIfAbsent(source, f -> new ArrayList<>()).add(b);
            }
        }
        // Each source is read once, for all its broken links, and let go; sources in parallel.
        problems.addAll(bySource.entrySet().parallelStream().flatMap(e -> {
            List<String> lines = lines(root, e.getKey());
            return e.getValue().stream().map(b -> at(lines, e.getKey(), b.url(), message(b)));
        }).toList());
        return problems.stream().sorted().toList();
    }

    private static String message(LinkChecker.Broken b) {
        return "broken link to " + b.url() + (b.reason().isEmpty() ? "" : ": " + b.reason()) + " (on " + b.page() + ")";
    }

    /**
     * Every external link of {@code result}'s site that {@code checker} finds broken, reported where it
     * first stands; links to the site's own absolute URL are left out.
     */
    public static List<Problem> external(BuildResult result, Path root, ExternalLinks checker) {
        String rootUrl = result.rootUrl();
        java.util.Map<String, String> firstPage = new java.util.TreeMap<>();
        for (var file : result.output().files().entrySet()) {
            if (!file.getKey().endsWith(".html")) {
                continue;
            }
            for (LinkChecker.Link link : LinkChecker.links(file.getValue())) {
                String url = withoutFragment(link.url().strip());
                if (HTTP.matcher(url).matches() && (rootUrl.isEmpty() || !url.startsWith(rootUrl))) {
                    firstPage.putIfAbsent(url, file.getKey());
                }
            }
        }
        List<Problem> problems = new ArrayList<>();
        for (ExternalLinks.Result r : checker.check(List.copyOf(firstPage.keySet()))) {
            if (r.broken()) {
                String page = firstPage.get(r.url());
                String source = result.sources().get(page);
                String message = "broken external link to " + r.url() + ": " + r.problem() + " (on " + page + ")";
                problems.add(source == null ? Problem.inFile(page, message) : at(lines(root, source), source, r.url(), message));
            }
        }
        return problems.stream().sorted().toList();
    }

    /** The lines of {@code source}; none when it moved or is not text. */
    private static List<String> lines(Path root, String source) {
        try {
            return Files.readAllLines(root.resolve(source), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** The problem at the first line of {@code source} that holds {@code url}, else at its first line. */
    private static Problem at(List<String> lines, String source, String url, String message) {
        for (int i = 0; i < lines.size(); i++) {
            int col = lines.get(i).indexOf(url);
            if (col >= 0) {
                return new Problem(source, i + 1, col + 1, message);
            }
        }
        return Problem.inFile(source, message + ", written by a layout or made from a relative link");
    }
}
