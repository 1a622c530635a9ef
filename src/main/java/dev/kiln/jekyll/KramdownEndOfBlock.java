package dev.kiln.jekyll;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kramdown's end-of-block marker, a line holding only {@code ^} (kramdown's {@code EOB_MARKER}, at the start of the
 * line, or of a quote's or a list item's content, which kramdown reads with the quote's {@code >} and one space, or
 * the item's indentation, taken off), which ends the block above and shows nothing: it parts two code blocks or lists
 * that would otherwise be one, and ends a paragraph or a quote. Kiln's Markdown has no such marker (it would show the
 * {@code ^} and run the block below into a paragraph with it): outside code and raw HTML it becomes an empty HTML
 * comment, {@code <!-- -->}, after the same quote markers and indentation, which ends every block above it in its
 * quote or item as the marker does and shows nothing. A {@code ^} indented otherwise (past an item's content column,
 * or in no item) is text to kramdown and stays.
 */
final class KramdownEndOfBlock {

    /** A line holding only {@code ^} after indentation and quote markers, spaces and tabs after it. */
    private static final Pattern MARKER = Pattern.compile("(?m)^([ \\t>]*)\\^[ \\t]*$");
    /** The quote markers kramdown takes off a quote's lines: up to three spaces, {@code >} and one space, each. */
    private static final Pattern QUOTES = Pattern.compile("(?: {0,3}> ?)*");
    /** What stands for the marker: a comment, an HTML block that may interrupt a paragraph and is ended by its line. */
    private static final String COMMENT = "<!-- -->";

    private KramdownEndOfBlock() {}

    /** {@code text} with its end-of-block markers outside what {@code rawOf} gives (code, raw HTML, Liquid) replaced. */
    static String convert(String text, Function<String, BitSet> rawOf) {
        Matcher m = MARKER.matcher(text);
        if (!m.find()) {
            return text; // most pages: no parse
        }
        BitSet raw = rawOf.apply(text);
        StringBuilder out = new StringBuilder(text.length() + 16);
        int done = 0;
        do {
            int caret = m.end(1);
            if (!raw.get(caret) && marker(text, m.start(), m.group(1))) {
                out.append(text, done, caret).append(COMMENT);
                done = m.end();
            }
        } while (m.find());
        return out.append(text, done, text.length()).toString();
    }

    /**
     * Whether the {@code ^} after {@code prefix} on the line at {@code start} of {@code text} is kramdown's marker:
     * with the quote's markers taken off, it is at the start of the line or at the content column of the list item
     * it stands in (spaces only: a tab there is kramdown's four columns, past it).
     */
    private static boolean marker(String text, int start, String prefix) {
        Matcher quotes = QUOTES.matcher(prefix);
        quotes.lookingAt();
        String indent = prefix.substring(quotes.end());
        if (indent.isEmpty()) {
            return true;
        }
        if (!indent.chars().allMatch(c -> c == ' ')) {
            return false;
        }
        List<String> lines = quoteLines(text.substring(0, start), quotes.group());
        lines.add(indent);
        return KramdownHtml.listColumn(lines, lines.size() - 1) == indent.length();
    }

    /**
     * The lines of {@code above} in the quote {@code quotes} opens (all of them outside a quote), its markers taken
     * off as kramdown takes them: the lines up to the nearest one above with fewer.
     */
    private static List<String> quoteLines(String above, String quotes) {
        long depth = quotes.chars().filter(c -> c == '>').count();
        Pattern marked = Pattern.compile("(?: {0,3}> ?){" + depth + "}");
        String[] all = above.split("\n", -1); // the last one empty: above ends with the line end before the marker
        int first = all.length - 1;
        while (first > 0 && marked.matcher(all[first - 1]).lookingAt()) {
            first--;
        }
        List<String> lines = new ArrayList<>();
        for (int i = first; i < all.length - 1; i++) {
            Matcher m = marked.matcher(all[i]);
            m.lookingAt();
            lines.add(all[i].substring(m.end()));
        }
        return lines;
    }
}
