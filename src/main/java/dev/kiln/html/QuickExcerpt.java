package dev.kiln.html;

/**
 * The excerpt of a body as {@link BodyProcessor#finished} makes it with jsoup (formatted, and its text),
 * made without jsoup for the common excerpt: one paragraph of text, links, emphasis and code, as the
 * Markdown stage printed it (as jsoup prints without formatting). At 10,000 posts jsoup parsed, cleaned
 * and printed each excerpt in ~3% of a build's CPU.
 *
 * <p>What jsoup's formatting does to such a paragraph: each text's runs of white space become one space;
 * the paragraph's own first text loses its leading white space and its last text its trailing white
 * space; tags are printed as they stand. Its text: the characters of the texts, entities decoded, every
 * run of white space one space, trimmed. Anything else is left to jsoup ({@link #of} is null): a second
 * block, an id or class the excerpt must lose, any other element (a line break or a deletion, which
 * jsoup's formatting sets on lines of their own), elements that jsoup's parser would nest otherwise, an entity other than
 * {@code &amp; &lt; &gt; &quot;}, and the characters jsoup's text treats apart (a no-break space, a
 * zero-width space, a soft hyphen).
 */
final class QuickExcerpt {

    /** The excerpt's HTML, formatted as jsoup formats it, and its text. */
    record Result(String html, String text) {}

    private static final Result EMPTY = new Result("", "");
    /** The elements an excerpt made here may hold. */
    private static final java.util.Set<String> INLINE = java.util.Set.of("a", "em", "strong", "code");

    private QuickExcerpt() {}

    /** The excerpt whose nodes {@code nodes} printed, or null when jsoup must make it. */
    static Result of(String nodes) {
        int end = nodes.length();
        while (end > 0 && isWhite(nodes.charAt(end - 1))) {
            end--;
        }
        if (end == 0) {
            return nodes.isEmpty() ? EMPTY : null;
        }
        if (!nodes.startsWith("<p>") || !nodes.startsWith("</p>", end - 4) || end < 7) {
            return null;
        }
        StringBuilder html = new StringBuilder(end);
        StringBuilder text = new StringBuilder(end);
        html.append("<p>");
        String[] open = new String[8]; // the inline elements open inside the paragraph
        int depth = 0;
        int i = 3;
        int last = end - 4; // where the closing </p> starts
        while (i < last) {
            char c = nodes.charAt(i);
            if (c == '<') {
                int close = tagEnd(nodes, i, last);
                if (close < 0) {
                    return null;
                }
                boolean closing = nodes.charAt(i + 1) == '/';
                String name = tagName(nodes, closing ? i + 2 : i + 1, close);
                if (name == null || (closing ? close != i + 2 + name.length() : !plainAttributes(nodes, i, close))) {
                    return null;
                }
                if (closing) {
                    // Closed as opened: jsoup's parser rebuilds a tree that is not (and a link in a link).
                    if (depth == 0 || !open[--depth].equals(name)) {
                        return null;
                    }
                } else if (depth == open.length || name.equals("a") && isOpen(open, depth, "a")) {
                    return null;
                } else {
                    open[depth++] = name;
                }
                html.append(nodes, i, close + 1);
                i = close + 1;
            } else {
                int next = nodes.indexOf('<', i);
                if (next < 0 || next > last) {
                    next = last;
                }
                // The paragraph's own texts: the first loses its leading white space, the last its trailing.
                boolean trimLeading = depth == 0 && i == 3;
                boolean trimTrailing = depth == 0 && next == last;
                if (!text(nodes, i, next, trimLeading, trimTrailing, html, text)) {
                    return null;
                }
                i = next;
            }
        }
        if (depth != 0) {
            return null;
        }
        html.append("</p>");
        return new Result(html.toString(), text.toString().trim());
    }

    /**
     * Appends the text at {@code from..to} to {@code html} with its white space normalised as jsoup formats
     * it, and its characters to {@code text}; false when it holds what jsoup must handle.
     */
    private static boolean text(String s, int from, int to, boolean trimLeading, boolean trimTrailing,
                                StringBuilder html, StringBuilder text) {
        boolean lastWasWhite = false;
        boolean reachedNonWhite = false;
        boolean skipped = false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (isWhite(c)) {
                if (text.length() > 0 && text.charAt(text.length() - 1) != ' ') {
                    text.append(' ');
                }
                if (trimLeading && !reachedNonWhite || lastWasWhite) {
                    continue;
                }
                if (trimTrailing) {
                    skipped = true;
                    continue;
                }
                html.append(' ');
                lastWasWhite = true;
                continue;
            }
            lastWasWhite = false;
            reachedNonWhite = true;
            if (skipped) {
                html.append(' ');
                skipped = false;
            }
            if (c == '&') {
                int semi = s.indexOf(';', i);
                if (semi < 0 || semi >= to) {
                    return false;
                }
                char decoded = entity(s, i + 1, semi);
                if (decoded == 0) {
                    return false;
                }
                // Printed again as jsoup prints that character in a text: a quote as itself.
                if (decoded == '"') {
                    html.append('"');
                } else {
                    html.append(s, i, semi + 1);
                }
                text.append(decoded);
                i = semi;
            } else if (c < ' ' || c == '>' || c == '\u00a0' || c == '\u200b' || c == '\u00ad') {
                // A control character or > (which jsoup would have printed escaped), a no-break space, a
                // zero-width space, a soft hyphen: jsoup's own rules.
                return false;
            } else {
                html.append(c);
                text.append(c);
            }
        }
        return true;
    }

    /** The character of the entity named {@code s[from..to)}, or 0 for one jsoup must decode. */
    private static char entity(String s, int from, int to) {
        return switch (s.substring(from, to)) {
            case "amp" -> '&';
            case "lt" -> '<';
            case "gt" -> '>';
            case "quot" -> '"';
            default -> 0;
        };
    }

    /** The end ({@code >}) of the tag that starts at {@code at}, quoted attribute values passed over; or -1. */
    private static int tagEnd(String s, int at, int limit) {
        boolean quoted = false;
        for (int i = at + 1; i < limit; i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '>' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    /** The name of a tag that starts at {@code from}, if one of the inline elements handled here; else null. */
    private static String tagName(String s, int from, int limit) {
        int i = from;
        while (i < limit && s.charAt(i) >= 'a' && s.charAt(i) <= 'z') {
            i++;
        }
        if (i < limit && s.charAt(i) != ' ') {
            return null;
        }
        String name = s.substring(from, i);
        return INLINE.contains(name) ? name : null;
    }

    /** Whether the tag at {@code from..to} has no id or class attribute (which the excerpt must lose or keep out). */
    private static boolean plainAttributes(String s, int from, int to) {
        String tag = s.substring(from, to);
        return !tag.contains(" id=") && !tag.contains(" class=") && tag.indexOf('\'') < 0;
    }

    private static boolean isOpen(String[] open, int depth, String name) {
        for (int i = 0; i < depth; i++) {
            if (open[i].equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** White space as jsoup's formatting sees it (not a no-break space). */
    private static boolean isWhite(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }
}
