package dev.kiln.jekyll;

import dev.kiln.content.Route;

/** Where the static redirect pages ({@link dev.kiln.index.RedirectPage}) for old Jekyll URLs go. */
public final class Redirects {

    private Redirects() {}

    /**
     * Where a static page answering {@code url} is written under {@code content/}: the file of Jekyll's URL
     * decoded, by the rule of every Kiln URL ({@link Route#ofPath}).
     */
    public static String file(String url) {
        return Route.ofPath(JekyllUrls.unescape(url)).outputPath();
    }
}
