package dev.kiln.build;

import dev.kiln.content.SourceLoader;
import dev.kiln.error.Problem;
import dev.kiln.html.LinkChecker;
import dev.kiln.layout.Layouts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The broken links that no page's source holds, traced to the layout (or partial) that writes them: a footer's
 * {@code <a href="/colophon.html">} is one mistake at {@code layouts/partials/footer.peb:2:12}, on every page, not
 * a problem of each page's source at 1:1 (one line per page: 500 on a blog of 500 posts, none naming the footer).
 * Only the links left unplaced are looked for, in the site's own layouts' text, as written there: the build pays
 * nothing for it, and a check only for the pages whose broken links were not found in their source.
 */
final class LayoutLinks {

    /**
     * A broken link that its page's source does not hold, and where ({@code file}) and how ({@code suffix} after its
     * message) a problem says so when no layout does either: made only then.
     */
    record Unplaced(LinkChecker.Broken link, String file, String suffix) {
        Problem otherwise() {
            return Problem.inFile(file, LinkReport.message(link) + suffix);
        }
    }

    /** Where a layout writes a URL: the layout's path ({@code layouts/partials/footer.peb}), line and column. */
    private record Written(String layout, int line, int column, String url) {}

    /** What one problem of a layout tells: where, what is broken and why. */
    private record Mistake(Written at, String reason) {}

    private LayoutLinks() {}

    /**
     * The problems of {@code links}: those the layouts of the site in {@code root} write, one at each place
     * they are written, counting the pages they are on; the others, as each one's {@code otherwise}.
     */
    static List<Problem> problems(List<Unplaced> links, Path root, String basePath) {
        if (links.isEmpty()) {
            return List.of();
        }
        Map<String, LinkReport.Source> layouts = layouts(root);
        Map<String, Written> found = new HashMap<>(); // a URL as it may be written -> where a layout writes it
        Map<Mistake, TreeMap<String, LinkChecker.Broken>> onPages = new TreeMap<>(LayoutLinks::compare);
        List<Problem> problems = new ArrayList<>();
        for (Unplaced u : links) {
            Written at = layouts.isEmpty() ? null : writtenBy(u.link(), layouts, basePath, found);
            if (at == null) {
                problems.add(u.otherwise());
            } else {
                onPages.computeIfAbsent(new Mistake(at, u.link().reason()), k -> new TreeMap<>())
                        .putIfAbsent(u.link().page(), u.link());
            }
        }
        onPages.forEach((mistake, pages) -> {
            LinkChecker.Broken example = pages.firstEntry().getValue();
            Written at = mistake.at();
            String on = pages.size() == 1 ? "on " + example.page()
                    : "on " + pages.size() + " pages, such as " + example.page();
            problems.add(new Problem(at.layout(), at.line(), at.column(), "broken link to " + at.url()
                    + (example.reason().isEmpty() ? "" : ": " + example.reason()) + " ("
                    + (at.url().equals(example.url()) ? "" : "published as " + example.url() + "; ") + on
                    + "), written by this layout"));
        });
        return problems;
    }

    private static int compare(Mistake a, Mistake b) {
        int c = a.at().layout().compareTo(b.at().layout());
        c = c != 0 ? c : Integer.compare(a.at().line(), b.at().line());
        c = c != 0 ? c : Integer.compare(a.at().column(), b.at().column());
        c = c != 0 ? c : a.at().url().compareTo(b.at().url());
        return c != 0 ? c : a.reason().compareTo(b.reason());
    }

    /**
     * Where a layout of {@code layouts} writes {@code link}'s URL, in one of the forms its author may have written it
     * ({@link LinkReport#at}'s: as published, without the base path, percent-decoded, relative to its page); or null.
     */
    private static Written writtenBy(LinkChecker.Broken link, Map<String, LinkReport.Source> layouts, String basePath,
                                     Map<String, Written> found) {
        String url = link.url();
        String bare = LinkReport.withoutBase(url, basePath);
        String relative = LinkReport.relative(link.page(), bare);
        for (String form : new String[] {url, bare, LinkReport.decoded(bare), relative, LinkReport.decoded(relative)}) {
            if (form == null || form.isEmpty()) {
                continue;
            }
            Written at = found.computeIfAbsent(form, f -> find(f, layouts));
            if (at.layout() != null) {
                return at;
            }
        }
        return null;
    }

    /** The first place, in the order of the layouts' paths, where a layout writes {@code url} whole; else a place of no layout. */
    private static Written find(String url, Map<String, LinkReport.Source> layouts) {
        byte[] needle = url.getBytes(StandardCharsets.UTF_8);
        for (var layout : layouts.entrySet()) {
            LinkReport.Source text = layout.getValue();
            for (int i = text.indexOf(needle, 0); i >= 0; i = text.indexOf(needle, i + 1)) {
                if (starts(text.utf8(), i) && ends(text.utf8(), i + needle.length)) {
                    LinkReport.Place at = text.placeOf(i);
                    return new Written(layout.getKey(), at.line(), at.column(), url);
                }
            }
        }
        return new Written(null, 0, 0, url);
    }

    /** Whether a URL may start at byte {@code at} of {@code text}: after a quote, {@code =}, {@code (} or a space. */
    private static boolean starts(byte[] text, int at) {
        return at == 0 || "\"'=( \t\r\n".indexOf(text[at - 1]) >= 0;
    }

    /** Whether a URL may end at byte {@code at}: at a quote, {@code )}, {@code >} or a space (not within a longer one). */
    private static boolean ends(byte[] text, int at) {
        return at == text.length || "\"') >\t\r\n".indexOf(text[at]) >= 0;
    }

    /** The site's own layouts (partials too), by path from the site's folder ({@code layouts/base.peb}), sorted. */
    private static Map<String, LinkReport.Source> layouts(Path root) {
        Map<String, LinkReport.Source> texts = new TreeMap<>();
        if (!Files.isDirectory(root.resolve(Layouts.FOLDER))) {
            return texts;
        }
        for (Path file : SourceLoader.files(root, Layouts.FOLDER, new ArrayList<>())) {
            String path = root.relativize(file).toString().replace('\\', '/');
            if (path.endsWith(".peb")) {
                try {
                    texts.put(path, new LinkReport.Source(Files.readAllBytes(file)));
                } catch (IOException | RuntimeException e) {
                    // gone or unreadable since the build: its links are reported as before
                }
            }
        }
        return texts;
    }
}
