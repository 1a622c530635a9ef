package dev.kiln.content;

/**
 * A post or page whose front matter is read, before its URL is fixed and its Markdown rendered.
 * Its body is the source's text after the front matter, from index {@code bodyStart} (kept as an index,
 * so that a large site holds each source's text once); it starts at line {@code bodyLine} of the file.
 */
public record DraftPage(SourceFile source, PageKind kind, FrontMatter front, int bodyStart, int bodyLine) {

    /** The text after the front matter. */
    public String body() {
        return source.text().substring(bodyStart);
    }

    public String path() {
        return source.path();
    }

    /** Drafts and unpublished posts are left out unless the build asks for drafts. */
    public boolean isDraft() {
        return front.draft() || front.unpublished();
    }
}
