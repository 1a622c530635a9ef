package dev.kiln.content;

/** Whether a source is a dated post (under {@code content/posts/}) or a standalone page. */
public enum PageKind {
    POST, PAGE;

    /** The name layouts see ({@code page.kind}) and the default layout of this kind. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
