package dev.kiln.jekyll;

import dev.kiln.content.Route;
import dev.kiln.error.Problem;
import dev.kiln.index.RedirectPage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The static redirect pages ({@link RedirectPage}) that send readers on from old Jekyll URLs: where they go. */
public final class Redirects {

    private Redirects() {}

    /**
     * Where a static page answering {@code url} is written under {@code content/}: the file of Jekyll's URL
     * decoded, by the rule of every Kiln URL ({@link Route#ofPath}).
     */
    public static String file(String url) {
        return Route.ofPath(JekyllUrls.unescape(url)).outputPath();
    }

    /**
     * Writes into {@code content} a page at each changed URL that sends readers to the new one (under
     * {@code basePath}); a URL that another file already answers is a problem.
     */
    static void writeFor(List<ImportReport.UrlChange> changes, Path content, dev.kiln.config.SiteConfig kiln,
                         List<Problem> problems) throws IOException {
        for (ImportReport.UrlChange c : changes) {
            Path to = content.resolve(file(c.jekyllUrl()));
            if (Files.exists(to)) {
                problems.add(Problem.inFile(c.path(), "no redirect from " + c.jekyllUrl()
                        + ": another file is already there"));
            } else {
                Importer.write(to, page(kiln, c.kilnUrl()));
            }
        }
    }

    /**
     * A page sending readers to the site's {@code url}: root-relative under the base path, so that a preview
     * stays on its server, and its canonical link absolute when {@code site.yml} has a {@code base_url}.
     */
    static String page(dev.kiln.config.SiteConfig kiln, String url) {
        String rooted = (kiln.basePath() == null ? "" : kiln.basePath()) + url;
        return RedirectPage.html(rooted, kiln.origin().isEmpty() ? rooted : kiln.rootUrl() + url);
    }

    /**
     * Jekyll's home pages 2, 3, ... (its {@code paginate_path}, {@code /page:num/} by default) of a site with
     * {@code published} posts get redirect pages to Kiln's (its {@code /page/N/}, or the same URLs when
     * {@code site.yml} keeps Jekyll's {@code paginate_path}), so that links to them keep working.
     */
    static void writePagination(JekyllConfig config, long published, dev.kiln.config.SiteConfig kiln, Path content)
            throws IOException {
        Integer perPage = config.paginate();
        if (perPage == null || perPage <= 0) {
            return;
        }
        long pages = (published + perPage - 1) / perPage;
        for (long n = 2; n <= pages; n++) {
            String old = jekyllPageUrl(config, n);
            String now = kiln.listUrl((int) n);
            Path to = content.resolve(file(old));
            if (!Importer.sameUrl(old, now) && !Files.exists(to)) {
                Importer.write(to, page(kiln, now));
            }
        }
    }

    /**
     * The URL of Jekyll's home page {@code n} (2 or more): jekyll-paginate makes its {@code paginate_path}, with
     * {@code :num} replaced, the page's folder, so that {@code /page:num} is {@code /page2/} as {@code /page:num/} is
     * (Jekyll wrote {@code page2/index.html}).
     */
    static String jekyllPageUrl(JekyllConfig config, long n) {
        String pattern = String.valueOf(config.values().getOrDefault("paginate_path", "/page:num/"));
        String url = (pattern.startsWith("/") ? "" : "/") + pattern.replaceFirst(":num", Long.toString(n));
        return url.endsWith("/") ? url : url + "/";
    }
}
