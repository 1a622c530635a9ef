package dev.kiln.build;

import dev.kiln.error.Problem;
import dev.kiln.output.SiteOutput;

/**
 * A successful build: the site in memory and what it holds ({@code posts} counts the posts, {@code pages} the
 * other pages made from a source file, {@code content/index.md} among them when it gives the home page its text,
 * {@code listPages} the home pages, the index of tags and the archive), and how many bodies and pages this run rendered (the
 * others were remembered from an earlier run of the same {@link Build}); {@code sources} maps the output
 * path of each page made from a file to that file, and {@code rootUrl} ({@code https://me.github.io/blog}, or "") and {@code basePath} ({@code /blog})
 * say where the site is served; {@code timings} says where the time went; {@code missingHome} is the problem of a
 * site whose post list {@code paginate_path} moved away from {@code /} while no page of its own is there, told
 * once by the {@link LinkReport} for every link to {@code /} (null when a page is at {@code /}); {@code timed} says
 * whether time alone may change the site (a post left out until its date, a page whose {@code expiryDate} is to come);
 * {@code excerpts} maps the output path of each post to its excerpt's HTML as layouts show it on list pages ("" when
 * it holds no link), for the {@link LinkReport} to tell a link of an excerpt from a layout's; {@code skipped} maps
 * the path of each post or page left out ({@code content/posts/x.md}) to why, {@link #DRAFT}, {@link #FUTURE} or
 * {@link #EXPIRED}, in the order of the paths; {@code warnings} are
 * what the pages' Markdown shows that its author most likely did not mean (a code block never closed), sorted: the
 * commands print them and go on; {@code notices} are what the site's folder holds that the build leaves unread and
 * its author may have meant to publish (a Kiln site's own {@code static/}): printed as warnings too, but no broken
 * link is at stake, so {@code --strict} takes no notice of them.
 */
public record BuildResult(SiteOutput output, int posts, int pages, int tagPages, int listPages, int skippedDrafts,
                          int skippedFuture, boolean timed, int markdownRenders, int layoutRenders, String rootUrl, String basePath,
                          java.util.Map<String, String> sources, long millis,
                          Timings timings, Problem missingHome, java.util.Map<String, String> excerpts,
                          java.util.Map<String, String> skipped, java.util.List<Problem> warnings,
                          java.util.List<Problem> notices) {

    /** Why {@code skipped} left a source out: a draft ({@code --drafts} includes it), */
    public static final String DRAFT = "draft";
    /** dated (or {@code publishDate}) after the moment of the build ({@code --future} includes it), */
    public static final String FUTURE = "future";
    /** or past its {@code expiryDate} (nothing includes it). */
    public static final String EXPIRED = "expired";

    /** The closing line of a build: {@code built 66 pages, 12 tag pages in 412 ms}. */
    public String summary() {
        return summary(millis);
    }

    /** The closing line with {@code totalMillis}, the time of the whole command (checking links and writing too). */
    public String summary(long totalMillis) {
        return "built " + count(posts + pages, "page") + " (" + count(posts, "post") + "), "
                + count(tagPages, "tag page") + ", " + count(listPages, "list page") + " in " + totalMillis + " ms";
    }

    /** {@code 1 page}, {@code 2 pages}, {@code 0 pages}: a site of one post said "1 pages (1 posts)". */
    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
