package dev.kiln.content;

import dev.kiln.error.Problem;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Content in a markup Hugo renders and Kiln does not (Org mode, AsciiDoc, reStructuredText, Pandoc), and Hugo's
 * {@code .htm} pages: Kiln would copy such a file as it is, its front matter and a draft among them published as
 * text. One that starts with front matter is an error at its first line, saying to convert it; one without is
 * copied as any other file under {@code content/} (nothing in it marks it a page, or a draft, and a document kept
 * for download has such names too). Org mode's own {@code #+KEY:} lines, which Hugo reads as front matter, open
 * any Org document ({@code #+TITLE:} of an Emacs configuration kept for download): they mark a page only in
 * {@code content/posts/}, where every file is a post, or when they give it a page's {@code #+DATE:} or
 * {@code #+DRAFT:}.
 */
final class OtherMarkup {

    private static final Map<String, String> FORMATS = Map.of("org", "Org mode", "adoc", "AsciiDoc",
            "asciidoc", "AsciiDoc", "ad", "AsciiDoc", "rst", "reStructuredText", "pandoc", "Pandoc Markdown",
            "pdc", "Pandoc Markdown", "htm", "HTML");
    /** Org mode's own front matter, which Hugo reads: {@code #+TITLE: My post}. */
    private static final Pattern ORG_KEY = Pattern.compile("#\\+([A-Za-z_]+(?:\\[])?):.*", Pattern.DOTALL);
    /** Org's keys that a page has and a document kept for download seldom does: its date, whether it is a draft. */
    private static final Set<String> ORG_PAGE_KEYS = Set.of("date", "draft");

    private OtherMarkup() {}

    /** Whether the file {@code name} has one of these formats' extensions (a file to look into). */
    static boolean isNamed(String name) {
        return FORMATS.containsKey(extension(name));
    }

    /** The problem of the file {@code file}, at {@code rel} in the site, or null when it is to be copied as it is. */
    static Problem problem(Path file, String rel) {
        String name = file.getFileName().toString();
        String extension = extension(name);
        String format = FORMATS.get(extension);
        if (format == null) {
            return null;
        }
        String head;
        try {
            head = FrontMatterStart.head(file);
        } catch (IOException e) {
            return null; // reported when it is copied
        }
        FrontMatterStart start = FrontMatterStart.of(head);
        int line = start != null ? start.line()
                : extension.equals("org") ? orgKeys(head, rel.startsWith(SourceLoader.POSTS + "/")) : 0;
        if (line == 0) {
            return null;
        }
        String base = name.substring(0, name.length() - extension.length());
        String published = rel.substring(SourceLoader.CONTENT.length());
        if (extension.equals("htm")) {
            return new Problem(rel, line, 1, "an HTML page with front matter, which Kiln reads in .html files only: "
                    + "this one would be published as it is, front matter and all, at " + published + ", a draft "
                    + "too: rename it " + base + "html");
        }
        return new Problem(rel, line, 1, format + ", which Kiln does not render (it reads Markdown and HTML "
                + "only): this file would be published as it is, front matter and all, at " + published
                + ", a draft too: convert it to Markdown (" + base + "md, its front matter as YAML between --- "
                + "lines), or move it out of content/");
    }

    /**
     * The line of the first of Org mode's {@code #+KEY:} lines that open {@code head} (after blank lines) when they
     * mark a page: in {@code content/posts/} ({@code inPosts}) any, elsewhere one among them that is a page's
     * ({@code #+DATE:}, {@code #+DRAFT:}); else 0.
     */
    private static int orgKeys(String head, boolean inPosts) {
        int line = 1;
        int first = 0;
        for (String text : head.split("\\r?\\n", 64)) {
            Matcher m = ORG_KEY.matcher(text);
            if (m.matches()) {
                first = first == 0 ? line : first;
                String key = m.group(1).toLowerCase(Locale.ROOT).replace("[]", "");
                if (inPosts || ORG_PAGE_KEYS.contains(key)) {
                    return first;
                }
            } else if (!text.isBlank() || first != 0) {
                return 0; // the keywords' block ended (a blank line ends it, as Hugo reads it)
            }
            line++;
        }
        return 0;
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
