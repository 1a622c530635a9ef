package dev.kiln.content;

/**
 * A post or page whose front matter is read, before its URL is fixed and its Markdown rendered.
 * {@code body} is the text after the front matter; it starts at line {@code bodyLine} of the file.
 */
public record DraftPage(SourceFile source, PageKind kind, FrontMatter front, String body, int bodyLine) {

    public String path() {
        return source.path();
    }

    /** Drafts and unpublished posts are left out unless the build asks for drafts. */
    public boolean isDraft() {
        return front.draft() || front.unpublished();
    }
}
