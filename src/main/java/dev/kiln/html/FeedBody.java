package dev.kiln.html;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.TextNode;

/** A post's body (or excerpt) as a feed entry carries it, read away from the site by a feed reader. */
public final class FeedBody {

    private FeedBody() {}

    /**
     * {@code bodyHtml} with {@code rootUrl} (origin and base path) before each root-relative URL, and without the
     * anchor link Kiln gives each heading ({@code <a class="anchor" href="#id">#</a>}): a reader shows it as text,
     * "Brewing table #", and has no stylesheet to hide it. The heading keeps its id.
     */
    public static String of(String bodyHtml, String rootUrl) {
        boolean anchors = bodyHtml.contains("class=\"anchor\"");
        if (rootUrl.isEmpty() && !anchors) {
            return bodyHtml;
        }
        Document doc = Jsoup.parseBodyFragment(bodyHtml);
        doc.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base).charset("UTF-8");
        if (anchors) {
            for (Element anchor : doc.select("h2 > a.anchor, h3 > a.anchor, h4 > a.anchor, h5 > a.anchor, "
                    + "h6 > a.anchor")) {
                if (anchor.attr("href").startsWith("#") && anchor.nextSibling() == null) {
                    // The space Kiln put between the heading's text and its anchor goes with it.
                    if (anchor.previousSibling() instanceof TextNode text) {
                        String kept = text.getWholeText().stripTrailing();
                        if (kept.isEmpty()) {
                            text.remove();
                        } else {
                            text.text(kept);
                        }
                    }
                    anchor.remove();
                }
            }
        }
        if (!rootUrl.isEmpty()) {
            BasePath.prefix(doc, rootUrl);
        }
        return doc.body().html();
    }
}
