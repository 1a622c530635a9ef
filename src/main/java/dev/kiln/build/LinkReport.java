package dev.kiln.build;

import dev.kiln.check.ExternalLinks;
import dev.kiln.error.Problem;
import dev.kiln.html.LinkChecker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
            Source text = read(root, e.getKey());
            return e.getValue().stream().map(b -> at(text, e.getKey(), b.url(), message(b)));
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
                problems.add(source == null ? Problem.inFile(page, message) : at(read(root, source), source, r.url(), message));
            }
        }
        return problems.stream().sorted().toList();
    }

    /**
     * A source's UTF-8 bytes and where its lines start; empty when the file moved. Kept as bytes: decoding
     * every source of a large site again, to find a few links in each, cost more than finding them.
     */
    record Source(byte[] utf8, int[] lineStarts) {
        static final Source NONE = new Source(new byte[0], new int[] {0});

        /** {@code utf8} with its lines, which end at \n, \r\n or \r. */
        static Source of(byte[] utf8) {
            int[] starts = new int[16];
            int lines = 1;
            for (int i = 0, n = utf8.length; i < n; i++) {
                byte c = utf8[i];
                if (c == '\n' || c == '\r' && (i + 1 >= n || utf8[i + 1] != '\n')) {
                    if (lines == starts.length) {
                        starts = Arrays.copyOf(starts, lines * 2);
                    }
                    starts[lines++] = i + 1;
                }
            }
            return new Source(utf8, Arrays.copyOf(starts, lines));
        }

        /** Where {@code needle} first starts, or -1. */
        int indexOf(byte[] needle) {
            if (needle.length == 0) {
                return 0;
            }
            byte first = needle[0];
            for (int i = 0, last = utf8.length - needle.length; i <= last; i++) {
                if (utf8[i] == first && Arrays.equals(utf8, i, i + needle.length, needle, 0, needle.length)) {
                    return i;
                }
            }
            return -1;
        }

        /** The column, from 1, of byte {@code at} on the line that starts at byte {@code from}, in UTF-16 characters. */
        int column(int from, int at) {
            int column = 1;
            for (int i = from; i < at; i++) {
                int b = utf8[i] & 0xFF;
                if ((b & 0xC0) != 0x80) {
                    column += b >= 0xF0 ? 2 : 1; // a four-byte sequence is two UTF-16 characters
                }
            }
            return column;
        }
    }

    private static Source read(Path root, String source) {
        try {
            return Source.of(Files.readAllBytes(root.resolve(source)));
        } catch (IOException | RuntimeException e) {
            return Source.NONE;
        }
    }

    /**
     * The problem at the first line of {@code source} that holds {@code url}, else at its first line; columns
     * count characters from 1.
     */
    static Problem at(Source text, String source, String url, String message) {
        int at = url.indexOf('\n') >= 0 || url.indexOf('\r') >= 0 ? -1 : text.indexOf(url.getBytes(StandardCharsets.UTF_8));
        if (at < 0) {
            return Problem.inFile(source, message + ", written by a layout or made from a relative link");
        }
        int line = Arrays.binarySearch(text.lineStarts(), at);
        if (line < 0) {
            line = -line - 2; // the line that starts before it
        }
        return new Problem(source, line + 1, text.column(text.lineStarts()[line], at), message);
    }
}
