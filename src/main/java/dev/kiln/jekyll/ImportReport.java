package dev.kiln.jekyll;

import dev.kiln.error.Problem;

import java.io.PrintStream;
import java.util.List;

/**
 * What an import did: how many posts, pages, drafts and static files it wrote, the Liquid it converted and left
 * (with {@code path:line}), warnings, the files Jekyll published that it left out ({@code path: why}), URLs that
 * changed (and whether redirects were written), and problems that lost content.
 */
public record ImportReport(int posts, int pages, int drafts, int assets, int convertedLiquid,
                           List<LiquidConverter.Leftover> leftovers, List<String> warnings, List<String> leftOut,
                           List<UrlChange> urlChanges, boolean redirected, List<Problem> problems) {

    /** A post or page whose Kiln URL is not the one Jekyll gave it. */
    public record UrlChange(String path, String jekyllUrl, String kilnUrl) {}

    public ImportReport {
        leftovers = List.copyOf(leftovers);
        warnings = List.copyOf(warnings);
        leftOut = List.copyOf(leftOut);
        urlChanges = List.copyOf(urlChanges);
        problems = List.copyOf(problems);
    }

    /** 1 when content was lost (a problem, or a file Jekyll published left out) or URLs changed without redirects. */
    public int exitCode() {
        return !problems.isEmpty() || !leftOut.isEmpty() || (!urlChanges.isEmpty() && !redirected) ? 1 : 0;
    }

    /** Prints the summary, the Liquid left, the warnings, the URL table and the problems. */
    public void print(PrintStream err) {
        if (!leftovers.isEmpty()) {
            // Kiln runs no Liquid: one left in a page's text fails the imported site's build, which the check below
            // reports at its line in the Kiln site, with what to write.
            err.println("Liquid left as it is (edit these by hand: one in a page's text fails Kiln's build until then):");
            leftovers.forEach(l -> err.println("  " + l));
        }
        warnings.forEach(w -> err.println("warning: " + w));
        if (!urlChanges.isEmpty()) {
            err.println(redirected ? "URLs that changed (a redirect page was written at each old URL):"
                    : "URLs that would change (run again with --allow-url-changes to write redirects):");
            int width = urlChanges.stream().mapToInt(u -> u.jekyllUrl().length()).max().orElse(0);
            err.printf("  %-" + width + "s  %s%n", "Jekyll URL", "Kiln URL   (source)");
            urlChanges.forEach(u -> err.printf("  %-" + width + "s  %s   (%s)%n", u.jekyllUrl(), u.kilnUrl(), u.path()));
        }
        problems.forEach(p -> err.println(p));
        if (!leftOut.isEmpty()) {
            err.println("Not imported, though Jekyll published them:");
            leftOut.forEach(l -> err.println("  " + l));
        }
        err.println("imported " + posts + " posts, " + pages + " pages, " + drafts + " drafts, " + assets
                + " static files; " + (leftOut.isEmpty() ? "" : "left out " + leftOut.size() + " files Jekyll "
                + "published (listed above); ") + "converted " + convertedLiquid + " Liquid tags, left " + leftovers.size() + "; "
                + warnings.size() + " warnings, " + urlChanges.size() + " URL changes, " + problems.size()
                + " problems");
    }
}
