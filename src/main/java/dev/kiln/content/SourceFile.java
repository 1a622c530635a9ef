package dev.kiln.content;

import java.util.Objects;

/**
 * The text of one post or page, with its path relative to the site folder ({@code content/posts/x.md},
 * always with forward slashes).
 */
public record SourceFile(String path, String text) {

    /**
     * The extensions of Markdown files, as a regex alternation: {@code .md} and {@code .markdown} (DESIGN.md's), and
     * the others Jekyll ({@code .mkd}, {@code .mkdn}, {@code .mkdown}) and Hugo ({@code .mdown}) render as Markdown,
     * and ikiwiki's {@code .mdwn}: a blog moved from them would otherwise publish its posts' sources as files.
     */
    public static final String MARKDOWN_EXTENSIONS = "md|markdown|mdown|mkd|mkdn|mkdown|mdwn";
    private static final java.util.regex.Pattern MARKDOWN_NAME =
            java.util.regex.Pattern.compile(".*\\.(?:" + MARKDOWN_EXTENSIONS + ")");

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
        return isMarkdown(fileName());
    }

    /** Whether the file {@code name} is Markdown, by its extension ({@link #MARKDOWN_EXTENSIONS}). */
    public static boolean isMarkdown(String name) {
        return name.endsWith(".md") || MARKDOWN_NAME.matcher(name).matches();
    }
}
