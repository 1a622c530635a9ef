package dev.kiln.jekyll;

/** Where the static redirect pages ({@link dev.kiln.index.RedirectPage}) for old Jekyll URLs go. */
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
}
