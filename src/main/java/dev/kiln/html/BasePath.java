package dev.kiln.html;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * Puts a prefix in front of every root-relative URL: a site's base path ({@code /blog}) on finished
 * pages, so that layouts and posts write {@code /assets/x.png} and the site still works under a project
 * path; or its whole root URL on bodies shown away from the site (feeds: {@link FeedBody}). The URLs are
 * those of the attributes that hold one ({@code href}, {@code src}, ...), each candidate of a {@code srcset}, and in
 * CSS, a {@code style} attribute's or a {@code <style>} element's {@code url(...)}, {@code @import "..."} and
 * {@code image-set("...")}.
 */
public final class BasePath {

    private BasePath() {}

    /** {@code html} with {@code basePath} before each root-relative URL; unchanged when the path is empty. */
    public static String apply(String html, String basePath) {
        if (basePath.isEmpty()) {
            return html;
        }
        Document doc = Jsoup.parse(html);
        prefix(doc, basePath);
        return asWritten(html, doc.outerHtml());
    }

    /**
     * {@code printed} with the doctype keyword as the layout wrote it: jsoup prints {@code <!doctype html>},
     * so that a site's pages changed case with a base path (HTML validators' doctype-style rule flags that).
     */
    private static String asWritten(String html, String printed) {
        String keyword = "<!doctype";
        int at = 0;
        while (at < html.length() && Character.isWhitespace(html.charAt(at))) {
            at++;
        }
        if (printed.regionMatches(0, keyword, 0, keyword.length())
                && html.regionMatches(true, at, keyword, 0, keyword.length())
                && !html.startsWith(keyword, at)) {
            return html.substring(at, at + keyword.length()) + printed.substring(keyword.length());
        }
        return printed;
    }

    /** Puts {@code basePath} (or a whole root URL) before each root-relative URL of {@code doc}. */
    static void prefix(Document doc, String basePath) {
        doc.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base).charset("UTF-8");
        // One walk, each element's attributes read once: a page's elements are mostly without a URL.
        for (Element e : doc.getAllElements()) {
            if (e.attributesSize() > 0) {
                for (Attribute attribute : e.attributes()) {
                    String value = attribute.getValue();
                    String prefixed = switch (attribute.getKey()) {
                        case "href", "src", "poster", "action", "data" -> isRootRelative(value) ? basePath + value : value;
                        case "srcset" -> Srcset.prefixed(value, basePath);
                        case "style" -> CssUrls.prefixed(value, basePath);
                        default -> value;
                    };
                    if (!prefixed.equals(value)) {
                        attribute.setValue(prefixed);
                    }
                }
            }
            if (e.nameIs("style")) {
                CssUrls.rewriteStyleElement(e, css -> CssUrls.prefixed(css, basePath));
            }
        }
    }

    private static boolean isRootRelative(String url) {
        return url.startsWith("/") && !url.startsWith("//");
    }
}
