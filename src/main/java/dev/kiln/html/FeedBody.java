package dev.kiln.html;


/** A post's body (or excerpt) as a feed entry carries it, read away from the site by a feed reader. */
public final class FeedBody {

    private FeedBody() {}

    /**
     * {@code bodyHtml} with {@code rootUrl} (origin and base path) before each root-relative URL, and without the
     * anchor link Kiln gives each heading ({@code <a class="anchor" href="#id">#</a>}): a reader shows it as text,
     * "Brewing table #", and has no stylesheet to hide it. The heading keeps its id.
     */
    public static String of(String bodyHtml, String rootUrl) {
        String body = withoutAnchors(bodyHtml);
        if (rootUrl.isEmpty()) {
            return body;
        }
        return BasePath.prefixed(body, rootUrl);
    }

    private static final String ANCHOR = " <a class=\"anchor\" href=\"#";
    private static final String ANCHOR_END = "\" aria-label=\"Link to this section\">#</a></h";

    /**
     * {@code html} without the anchor links Kiln writes at the end of its h2-h6 ({@code Title <a class="anchor"
     * href="#id" aria-label="Link to this section">#</a></h2>}), and the space before each; as written, so found by
     * their text, with no HTML parse (a feed entry is made for every post, and most sites' feeds need no other).
     */
    static String withoutAnchors(String html) {
        int at = html.indexOf(ANCHOR);
        if (at < 0) {
            return html;
        }
        StringBuilder out = null;
        int copied = 0;
        while (at >= 0) {
            int idEnd = html.indexOf('"', at + ANCHOR.length());
            int after = idEnd + ANCHOR_END.length();
            if (idEnd > 0 && html.startsWith(ANCHOR_END, idEnd) && after + 1 < html.length()
                    && html.charAt(after) >= '2' && html.charAt(after) <= '6' && html.charAt(after + 1) == '>') {
                if (out == null) {
                    out = new StringBuilder(html.length());
                }
                out.append(html, copied, at);
                copied = after - 3; // from "</h" on
            }
            at = html.indexOf(ANCHOR, Math.max(at + 1, copied));
        }
        return out == null ? html : out.append(html, copied, html.length()).toString();
    }
}
