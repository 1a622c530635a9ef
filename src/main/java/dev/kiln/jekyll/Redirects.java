package dev.kiln.jekyll;

/** Static redirect pages that send an old Jekyll URL to the post's new Kiln URL. */
public final class Redirects {

    private Redirects() {}

    /** Where a static page answering {@code url} is written under {@code content/}. */
    public static String file(String url) {
        String path = JekyllUrls.unescape(url).substring(1);
        if (path.isEmpty() || path.endsWith("/")) {
            return path + "index.html";
        }
        return path.matches(".*\\.html?$") ? path : path + ".html";
    }

    /** A valid HTML page sending readers (and search engines, by its canonical link) to {@code to}. */
    public static String html(String to) {
        String url = to.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Moved</title>\n"
                + "<link rel=\"canonical\" href=\"" + url + "\">\n"
                + "<meta http-equiv=\"refresh\" content=\"0; url=" + url + "\">\n</head>\n<body>\n"
                + "<p>This page has moved to <a href=\"" + url + "\">" + url + "</a>.</p>\n</body>\n</html>\n";
    }
}
