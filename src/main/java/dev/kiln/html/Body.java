package dev.kiln.html;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The final HTML of a post or page body with what layouts need from it: the excerpt (HTML and plain
 * text), the table of contents for the layout (made when asked, as most sites show none; "" when the
 * page has no headings, or places its own with {@code [TOC]}) and the word count.
 *
 * <p>The body's HTML is kept as UTF-8 and made a string when asked for: a build holds every page's
 * body until its feeds and lists are written, and typographic quotes would make each a string of two
 * bytes a character.
 */
public final class Body {

    private final byte[] html;
    private final String excerptHtml;
    private final String excerptText;
    /** Whether the layout may show a table of contents: the page places none of its own. */
    private final boolean layoutToc;
    private final List<Heading> headings;
    private final int words;
    /** What the page shows that its author most likely did not mean (a code block never closed); mostly none. */
    private final List<Warning> warnings;

    public Body(String html, String excerptHtml, String excerptText, boolean layoutToc, List<Heading> headings,
                int words) {
        this(html.getBytes(StandardCharsets.UTF_8), excerptHtml, excerptText, layoutToc, headings, words, List.of());
    }

    private Body(byte[] html, String excerptHtml, String excerptText, boolean layoutToc, List<Heading> headings,
                 int words, List<Warning> warnings) {
        this.html = html;
        this.excerptHtml = Objects.requireNonNull(excerptHtml);
        this.excerptText = Objects.requireNonNull(excerptText);
        this.layoutToc = layoutToc;
        this.headings = List.copyOf(headings);
        this.words = words;
        this.warnings = List.copyOf(warnings);
    }

    /** The body's HTML. */
    public String html() {
        return new String(html, StandardCharsets.UTF_8);
    }

    /** The body's HTML in UTF-8: the array this body keeps, not a copy, so not to be changed. */
    public byte[] utf8() {
        return html;
    }

    public String excerptHtml() {
        return excerptHtml;
    }

    public String excerptText() {
        return excerptText;
    }

    /** The table of contents for the layout, made now: "" when the page has no headings with text (or alt text) or places its own. */
    public String tocHtml() {
        return layoutToc ? Toc.html(headings) : "";
    }

    /**
     * The h2–h6 headings that the table of contents may list: all but those of class {@code no_toc} (it also
     * leaves out those with neither text nor alt text).
     */
    public List<Heading> headings() {
        return headings;
    }

    public int words() {
        return words;
    }

    /** This body with another excerpt (a page's own {@code excerpt:}), its HTML shared rather than copied. */
    public Body withExcerpt(String excerptHtml, String excerptText) {
        return new Body(html, excerptHtml, excerptText, layoutToc, headings, words, warnings);
    }

    /** This body with {@code warnings} about its source, its HTML shared rather than copied. */
    public Body withWarnings(List<Warning> warnings) {
        return warnings.isEmpty() && this.warnings.isEmpty() ? this
                : new Body(html, excerptHtml, excerptText, layoutToc, headings, words, warnings);
    }

    /** The warnings about the body's source, at offsets of it: the build prints them and goes on. */
    public List<Warning> warnings() {
        return warnings;
    }

    /** Minutes to read at 200 words a minute, at least one. */
    public int readingMinutes() {
        return Math.max(1, (words + 199) / 200);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Body b && words == b.words && Arrays.equals(html, b.html)
                && excerptHtml.equals(b.excerptHtml) && excerptText.equals(b.excerptText)
                && layoutToc == b.layoutToc && headings.equals(b.headings) && warnings.equals(b.warnings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(html), excerptHtml, words);
    }

    @Override
    public String toString() {
        return "Body[" + html.length + " bytes, " + words + " words]";
    }

    /** A warning about the body's source at {@code offset} of it: what the page shows, and what to do. */
    public record Warning(int offset, String message) {}

    /** A heading of the body: its level (2–6), id and text (its images' alt text when it has none). */
    public record Heading(int level, String id, String text) {}
}
