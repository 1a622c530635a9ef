package dev.kiln.index;

/**
 * A page at an old URL that sends readers on to a page's URL: at once by its refresh, search engines by its
 * canonical link (and kept out of their index), anyone else by its one link. No script.
 */
public final class RedirectPage {

    private RedirectPage() {}

    /** The HTML of a page sending readers to {@code to} (an absolute or root-relative URL). */
    public static String html(String to) {
        return html(to, to);
    }

    /**
     * The HTML of a page sending readers to {@code to} (root-relative, so that a preview stays on its server),
     * whose canonical URL is {@code canonical} (absolute when the site's URL is known).
     */
    public static String html(String to, String canonical) {
        String url = FeedWriter.attribute(to);
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Moved</title>\n"
                + "<link rel=\"canonical\" href=\"" + FeedWriter.attribute(canonical) + "\">\n"
                + "<meta name=\"robots\" content=\"noindex\">\n"
                + "<meta http-equiv=\"refresh\" content=\"0; url=" + url + "\">\n</head>\n<body>\n"
                + "<p>This page has moved to <a href=\"" + url + "\">" + url + "</a>.</p>\n</body>\n</html>\n";
    }
}
