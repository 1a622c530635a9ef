package dev.kiln.jekyll;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps an HTML element that kramdown 2.4 read as raw HTML one HTML block in Kiln's Markdown: without
 * {@code parse_block_html} (Jekyll's default) and without a {@code markdown} attribute, a block element that starts
 * a block ({@code <div>}, {@code <details>}, {@code <section>}...) is raw to kramdown up to its matching end tag,
 * blank lines and all, where CommonMark ends the HTML block at its first blank line and reads what follows as
 * Markdown (text after a blank line rendered, a line indented by four spaces made code). Each blank line inside such
 * an element becomes an empty comment, which shows nothing (in a {@code pre} too, whose line stays), so that the
 * element stays one HTML block, as written. Raw text ({@code script}, {@code style}, {@code pre}, {@code textarea})
 * with a blank line inside, which kramdown reads to its end tag, gets a blank line before it when it follows a line,
 * so that it starts a block of its own and is not cut by an HTML block that CommonMark goes on with
 * ({@code <div id="x"></div>} on the line before). Elements in lists and quotes are left as they are.
 */
final class KramdownRawHtml {

    // kramdown's span elements, void elements, raw-text elements and attribute syntax: KramdownHtml's.
    private static final Set<String> SPAN_ELEMENTS = KramdownHtml.SPAN_ELEMENTS;
    private static final Set<String> WITHOUT_BODY = KramdownHtml.WITHOUT_BODY;
    private static final Set<String> RAW_TEXT = KramdownHtml.RAW_TEXT;
    private static final String ATTRIBUTE = KramdownHtml.ATTRIBUTE;
    /** A start tag at the start of a line (up to three spaces in). */
    private static final Pattern START_TAG = Pattern.compile(
            "^ {0,3}<([A-Za-z][\\w:-]*)((?:" + ATTRIBUTE + ")*)\\s*(/?)>");
    private static final Pattern MARKDOWN_ATTRIBUTE = Pattern.compile("\\s+markdown(?:\\s*=|\\s|$)",
            Pattern.CASE_INSENSITIVE);

    private KramdownRawHtml() {}

    /** {@code text} with the blank lines of each raw element made empty comments; {@code codeOf} finds its code. */
    static String convert(String text, Function<String, BitSet> codeOf) {
        if (!text.contains("<") || !text.contains("\n\n") && !text.matches("(?s).*\\n[ \\t]+\\n.*")) {
            return text;
        }
        BitSet code = null;
        List<String> lines = List.of(text.split("\n", -1));
        StringBuilder out = new StringBuilder(text.length() + 32);
        int at = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int lineAt = at;
            at += line.length() + 1;
            // kramdown ends a paragraph at a block element's start tag: any line may start one.
            Matcher tag = START_TAG.matcher(line);
            int end = -1;
            boolean comment = line.stripLeading().startsWith("<!--") && line.length() - line.stripLeading().length() < 4;
            if (comment || tag.find() && (raw(tag) || RAW_TEXT.contains(tag.group(1).toLowerCase(Locale.ROOT)))) {
                if (code == null) {
                    code = codeOf.apply(text);
                }
                if (!code.get(lineAt + line.indexOf('<'))) {
                    end = comment ? commentEnd(lines, i, line.indexOf("<!--") + 4)
                            : end(lines, i, tag.group(1), tag.end());
                }
            }
            if (end < 0) {
                out.append(line);
                if (i < lines.size() - 1) {
                    out.append('\n');
                }
                continue;
            }
            // Raw text (a comment, pre, script...) is one HTML block to its end already: skipped as it is.
            boolean blanks = !comment && raw(tag);
            String indent = line.substring(0, line.length() - line.stripLeading().length());
            if (!comment && !blanks && indent.isEmpty() && afterText(out) && blankInside(lines, i, end)) {
                // Unless it follows a line of an HTML block that CommonMark goes on with (<div id="x"></div>, which
                // kramdown ended at its end tag): that block would end at the blank line inside, and the rest of
                // the script would be Markdown. A blank line before it makes it a block of its own, after a
                // paragraph's line too, where it changes nothing (raw text starts a block there already).
                out.append('\n');
            }
            for (int j = i; j <= end; j++) {
                String inner = lines.get(j);
                out.append(blanks && j > i && j < end && inner.isBlank() ? indent + "<!-- -->" : inner);
                if (j < lines.size() - 1) {
                    out.append('\n');
                }
                if (j > i) {
                    at += inner.length() + 1;
                }
            }
            if (blanks && end + 1 < lines.size() && !lines.get(end + 1).isBlank()) {
                out.append('\n'); // kramdown starts a new block after the end tag; CommonMark would go on
            }
            i = end;
        }
        return out.toString();
    }

    /** Whether {@code out}, written up to a line's start, ends with a line that is not blank. */
    private static boolean afterText(StringBuilder out) {
        int end = out.length() - 1; // the line end of the line before
        int start = out.lastIndexOf("\n", end - 1) + 1;
        return end > 0 && !out.substring(start, end).isBlank();
    }

    /** Whether a line after {@code from} and before {@code end} is blank. */
    private static boolean blankInside(List<String> lines, int from, int end) {
        for (int i = from + 1; i < end; i++) {
            if (lines.get(i).isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** The index of the line after {@code from} that ends the comment opened on it before {@code contentAt}; -1 if none. */
    private static int commentEnd(List<String> lines, int from, int contentAt) {
        if (lines.get(from).indexOf("-->", contentAt) >= 0) {
            return -1;
        }
        for (int i = from + 1; i < lines.size(); i++) {
            if (lines.get(i).contains("-->")) {
                return i;
            }
        }
        return -1;
    }

    /** Whether kramdown keeps the element {@code tag} starts raw: a block element with content, no markdown attribute. */
    private static boolean raw(Matcher tag) {
        String name = tag.group(1).toLowerCase(Locale.ROOT);
        return !SPAN_ELEMENTS.contains(name) && !WITHOUT_BODY.contains(name) && !RAW_TEXT.contains(name)
                && tag.group(3).isEmpty() && !MARKDOWN_ATTRIBUTE.matcher(tag.group(2)).find();
    }

    /**
     * The index of the line whose end tag closes the element {@code name} that starts on line {@code from} (its
     * content from column {@code contentAt}), elements of its name nesting; -1 when there is none, or when the end
     * tag is not the last thing on its line (kramdown reads what follows as a new block: left as written).
     */
    private static int end(List<String> lines, int from, String name, int contentAt) {
        Pattern open = Pattern.compile("<" + Pattern.quote(name) + "(?=[\\s>/])[^>]*?(/?)>", Pattern.CASE_INSENSITIVE);
        Pattern close = Pattern.compile("</" + Pattern.quote(name) + "\\s*>", Pattern.CASE_INSENSITIVE);
        int depth = 1;
        boolean[] inComment = {false};
        for (int i = from; i < lines.size(); i++) {
            // A tag inside a comment (<!-- </div> -->) opens and closes nothing.
            String line = KramdownHtml.withoutComments(i == from ? lines.get(i).substring(contentAt) : lines.get(i),
                    inComment);
            Matcher o = open.matcher(line);
            Matcher c = close.matcher(line);
            int pos = 0;
            while (true) {
                boolean hasOpen = o.find(pos);
                int openAt = hasOpen && o.group(1).isEmpty() ? o.start() : hasOpen ? -2 : -1;
                boolean hasClose = c.find(pos);
                if (!hasOpen && !hasClose) {
                    break;
                }
                if (hasOpen && (!hasClose || o.start() < c.start())) {
                    if (openAt >= 0) {
                        depth++;
                    }
                    pos = o.end();
                } else {
                    depth--;
                    pos = c.end();
                    if (depth == 0) {
                        return i > from && line.substring(pos).isBlank() ? i : -1;
                    }
                }
            }
        }
        return -1;
    }
}
