package dev.kiln.html;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/** Makes the root-relative URLs of a body absolute, for feeds read away from the site. */
public final class AbsoluteUrls {

    private AbsoluteUrls() {}

    /** {@code html} with {@code rootUrl} (site origin and base path) before each root-relative URL. */
    public static String apply(String html, String rootUrl) {
        if (rootUrl.isEmpty()) {
            return html;
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base).charset("UTF-8");
        for (Element e : doc.select("[href], [src], [poster]")) {
            for (String attribute : new String[] {"href", "src", "poster"}) {
                String url = e.attr(attribute);
                if (url.startsWith("/") && !url.startsWith("//")) {
                    e.attr(attribute, rootUrl + url);
                }
            }
        }
        return doc.body().html();
    }
}
