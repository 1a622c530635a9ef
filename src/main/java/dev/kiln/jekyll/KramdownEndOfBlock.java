package dev.kiln.jekyll;

import java.util.BitSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kramdown's end-of-block marker, a line holding only {@code ^} (kramdown's {@code EOB_MARKER}, at the start of the
 * line), which ends the block above and shows nothing: it parts two code blocks or lists that would otherwise be one,
 * and ends a paragraph or a quote. Kiln's Markdown has no such marker (it would show the {@code ^} and run the block
 * below into a paragraph with it): outside code and raw HTML it becomes an empty HTML comment, {@code <!-- -->},
 * which ends every block above it as the marker does and shows nothing.
 */
final class KramdownEndOfBlock {

    /** A line holding only {@code ^}, spaces and tabs after it. */
    private static final Pattern MARKER = Pattern.compile("(?m)^\\^[ \\t]*$");
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
            if (!raw.get(m.start())) {
                out.append(text, done, m.start()).append(COMMENT);
                done = m.end();
            }
        } while (m.find());
        return out.append(text, done, text.length()).toString();
    }
}
