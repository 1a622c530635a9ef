package dev.kiln.content;

import java.nio.file.Path;

/**
 * A file copied to the site as it is: {@code file} is written to {@code outputPath} (no leading slash). A file of
 * a post bundle names the bundle's index in {@code post} (else null): it is published beside that post's page,
 * where {@link #beside} places it once the post's URL is known. A file of a page bundle (a folder under
 * {@code content/} whose {@code index.md} is a page) names that page in {@code page} (else null): it is published
 * at its own path, and left out with the page (a draft).
 */
public record StaticFile(String sourcePath, Path file, String outputPath, String post, String page) {

    public StaticFile(String sourcePath, Path file, String outputPath) {
        this(sourcePath, file, outputPath, null, null);
    }

    /** The index of the bundle this file is left out with (a post's or a page's), or null. */
    public String bundle() {
        return post != null ? post : page;
    }

    /**
     * This file of a bundle published in the folder of its post's page at {@code route}, at its path in the
     * bundle's folder: {@code content/posts/trip/img/a.jpg} of a post at {@code trip/index.html} as
     * {@code trip/img/a.jpg}, of one at {@code 2023/trip.html} as {@code 2023/img/a.jpg}: where the post's
     * relative links ({@code img/a.jpg}) lead a browser.
     */
    public StaticFile beside(Route route) {
        String page = route.outputPath();
        String inBundle = sourcePath.substring(post.lastIndexOf('/') + 1);
        return new StaticFile(sourcePath, file, page.substring(0, page.lastIndexOf('/') + 1) + inBundle, post,
                null);
    }
}
