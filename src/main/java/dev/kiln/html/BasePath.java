package dev.kiln.html;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Puts a prefix in front of every root-relative URL: a site's base path ({@code /blog}) on finished
 * pages, so that layouts and posts write {@code /assets/x.png} and the site still works under a project
 * path; or its whole root URL on bodies shown away from the site (feeds).
 */
public final class BasePath {

    /** Parsed once: jsoup parses a selector string again on every call. */
    private static final Evaluator URL_ATTRIBUTES = QueryParser.parse("[href], [src], [poster], [action], [data], [srcset]");
    private static final String[] ATTRIBUTES = {"href", "src", "poster", "action", "data"};

    private BasePath() {}

    /** {@code html} with {@code basePath} before each root-relative URL; unchanged when the path is empty. */
    public static String apply(String html, String basePath) {
        if (basePath.isEmpty()) {
            return html;
        }
        Document doc = Jsoup.parse(html);
        prefix(doc, basePath);
        return doc.outerHtml();
    }

    /** A body fragment with {@code rootUrl} (origin and base path) before each root-relative URL. */
    public static String absolute(String bodyHtml, String rootUrl) {
        if (rootUrl.isEmpty()) {
            return bodyHtml;
        }
        Document doc = Jsoup.parseBodyFragment(bodyHtml);
        prefix(doc, rootUrl);
        return doc.body().html();
    }

    private static void prefix(Document doc, String basePath) {
        doc.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base).charset("UTF-8");
        for (Element e : doc.select(URL_ATTRIBUTES)) {
            for (String attribute : ATTRIBUTES) {
                String url = e.attr(attribute);
                if (isRootRelative(url)) {
                    e.attr(attribute, basePath + url);
                }
            }
            if (e.hasAttr("srcset")) {
                e.attr("srcset", srcset(e.attr("srcset"), basePath));
            }
        }
    }

    private static boolean isRootRelative(String url) {
        return url.startsWith("/") && !url.startsWith("//");
    }

    private static String srcset(String value, String basePath) {
        StringBuilder out = new StringBuilder();
        for (String candidate : value.split(",")) {
            String c = candidate.strip();
            out.append(out.length() == 0 ? "" : ", ").append(isRootRelative(c) ? basePath + c : c);
        }
        return out.toString();
    }
}
