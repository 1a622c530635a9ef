package dev.kiln.build;

import dev.kiln.config.SiteConfig;
import dev.kiln.content.StaticFile;
import dev.kiln.error.Position;
import dev.kiln.error.Problem;
import dev.kiln.index.Page;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The problems of two claims on one URL in the layout stage, where the pages Kiln makes (the post list, the tags,
 * the archive) meet each other and the site's own pages and files: each reported where it can be mended, with
 * the settings to change that place the pages involved.
 */
final class UrlClashes {

    /**
     * The settings of {@code site.yml} that place the pages Kiln makes: the post list's (jekyll-paginate's name),
     * the tags' and the archive's.
     */
    static final String PAGINATE_PATH = "paginate_path";
    static final String TAG_PERMALINK = "tag_permalink";
    static final String ARCHIVE_PERMALINK = "archive_permalink";

    /**
     * What places a page Kiln makes: the setting of {@code site.yml} that gives its URL, and whether it is the page
     * of a tag (which renaming the tag moves).
     */
    record Maker(String setting, boolean tag) {}

    private final SiteConfig config;
    /** The posts and pages, by source path. */
    private final Map<String, Page> pages;
    /** The pages Kiln makes, by the origin under which they claim their URL. */
    private final Map<String, Maker> made;

    UrlClashes(SiteConfig config, Map<String, Page> pages, Map<String, Maker> made) {
        this.config = config;
        this.pages = pages;
        this.made = made;
    }

    /**
     * The problem of {@code later}'s claim on {@code url}, which {@code earlier} has: each a page's source file or
     * a page Kiln makes. When the post list's pages, moved by {@code paginate_path}, meet a page of the site, it is
     * reported at {@code paginate_path}, naming the page to move; when Kiln's list, tags or archive meet a page
     * otherwise, at that page's {@code permalink}; two pages Kiln makes only meet through the settings, and are
     * reported at the first of them that {@code site.yml} gives.
     */
    Problem of(String earlier, String url, String later) {
        Maker first = made.get(earlier);
        Maker second = made.get(later);
        if (first != null && second != null) {
            return betweenSettings(earlier, url, later, first, second);
        }
        Maker kilns = first != null ? first : second;
        String site = first != null ? later : earlier;
        if (movedList(kilns)) {
            return atPaginatePath(url, first != null ? earlier : later, site, "give " + site + " another permalink");
        }
        Page page = pages.get(site);
        String change = kilns != null && config.gives(kilns.setting()) ? ", or change " + kilns.setting() + " in "
                + SiteConfig.FILE : "";
        Position at = page == null ? Position.START : page.front().at("permalink");
        if (page != null && !page.isPost() && url.equals("/") && !page.front().has("permalink")
                && page.front().layout() != null) {
            // content/index.md with a layout of its own: without one, it gives the home page its text.
            return page.front().at("layout").problem(site, "URL / is also used by the home page: remove 'layout: "
                    + page.front().layout() + "', so that this page gives the home page its title and text (a page at"
                    + " / with no layout, or layout: home, does), or move the post list with paginate_path in "
                    + SiteConfig.FILE);
        }
        return at.problem(site, "URL " + url + " is also used by "
                + (site.equals(earlier) ? later : earlier) + ": give this page another permalink" + change);
    }

    /** The problem of the static {@code file}, whose output path {@code earlier} has. */
    Problem ofStatic(String earlier, StaticFile file) {
        if (movedList(made.get(earlier))) {
            return atPaginatePath("/" + file.outputPath(), earlier, file.sourcePath(), "move " + file.sourcePath());
        }
        if (file.post() != null) {
            Page post = pages.get(file.post());
            boolean ownFolder = post != null && post.route().outputPath().endsWith("/index.html");
            return Problem.inFile(file.sourcePath(), "is published beside its post " + file.post() + ", at /"
                    + file.outputPath() + ", which is also used by " + earlier + ": rename the file"
                    + (ownFolder ? "" : ", or give the post a permalink that ends in '/', a folder of its own"));
        }
        return Problem.inFile(file.sourcePath(), "its path is also used by " + earlier + ": rename or move the file");
    }

    /** Whether {@code maker} places the post list's pages where {@code site.yml}'s {@code paginate_path} moved them. */
    private boolean movedList(Maker maker) {
        return maker != null && maker.setting().equals(PAGINATE_PATH) && config.paginatePath() != null;
    }

    /** The post list's page ({@code list}) at {@code url} meets {@code other}: change paginate_path, or {@code move}. */
    private Problem atPaginatePath(String url, String list, String other, String move) {
        return config.at(PAGINATE_PATH).problem(SiteConfig.FILE, "URL " + url + " is used by both " + list + " and "
                + other + ": change " + PAGINATE_PATH + " here, or " + move);
    }

    /**
     * Two pages Kiln makes on one URL: reported at the first setting that places them which {@code site.yml} gives
     * ({@code paginate_path} first), naming those it gives (all of them when it gives none).
     */
    private Problem betweenSettings(String earlier, String url, String later, Maker first, Maker second) {
        List<String> settings = new ArrayList<>();
        for (Maker maker : List.of(first, second)) {
            if (!settings.contains(maker.setting())) {
                settings.add(maker.setting().equals(PAGINATE_PATH) ? 0 : settings.size(), maker.setting());
            }
        }
        List<String> given = settings.stream().filter(config::gives).toList();
        List<String> named = given.isEmpty() ? settings : given;
        return config.at(named.get(0)).problem(SiteConfig.FILE, "URL " + url + " is used by both " + earlier + " and "
                + later + ": change " + String.join(" or ", named) + " here"
                + (first.tag() || second.tag() ? ", or rename the tag" : ""));
    }
}
