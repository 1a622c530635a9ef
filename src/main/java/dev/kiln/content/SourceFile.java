package dev.kiln.content;

import java.util.Objects;

/**
 * The text of one post or page, with its path relative to the site folder ({@code content/posts/x.md},
 * always with forward slashes).
 */
public record SourceFile(String path, String text) {

    public SourceFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
    }

    /** The file's name without its folder. */
    public String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * The name a post's slug, default title and date are read from: its file's name, or the folder's name for
     * the index of a post bundle ({@code content/posts/2023-03-01-trip/index.md} → {@code 2023-03-01-trip}).
     */
    public String postName() {
        return PostBundles.nameOf(this);
    }

    /** True for Markdown files; other pages (HTML with front matter) are used as they are. */
    public boolean isMarkdown() {
        String name = fileName();
        return name.endsWith(".md") || name.endsWith(".markdown");
    }
}
