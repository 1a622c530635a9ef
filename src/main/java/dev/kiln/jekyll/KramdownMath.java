package dev.kiln.jekyll;

import java.util.BitSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts kramdown's math, which Kiln's Markdown does not read (it would make emphasis of a formula's {@code _}
 * and {@code *}, and curly quotes and dashes of its primes and minus signs), into Markdown that Kiln renders as
 * kramdown 2.4 with its default math engine (MathJax) wrote it: {@code $$...$$} that is a paragraph of its own
 * becomes {@code \[...\]}, any other {@code $$...$$} in text {@code \(...\)}, the formula as written (trimmed,
 * HTML-escaped by the renderer) with every ASCII punctuation character backslash-escaped, so that no Markdown rule
 * touches it. Outside code and raw HTML, as kramdown reads them; {@code \$$} is an escaped dollar.
 */
final class KramdownMath {

    /** What may stand before block math on its line: blockquote markers, a list item's marker, indentation. */
    private static final Pattern CONTAINER =
            Pattern.compile("(?:[ \\t]*(?:>[ \\t]?|(?:[-*+]|\\d{1,9}[.)])[ \\t]+))*[ \\t]*");
    private static final Pattern LIST_MARKER = Pattern.compile("(?:^|[ \\t>])(?:[-*+]|\\d{1,9}[.)])[ \\t]+");
    /** A line that holds nothing but a blockquote's markers: a blank line inside a quote. */
    private static final Pattern BLANK = Pattern.compile("[ \\t>]*");
    /** A blank line (in a quote too) between two offsets: where a paragraph, and inline math, ends. */
    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t>]*\\n");
    private static final Pattern QUOTE_PREFIX = Pattern.compile("^[ \\t]*(?:>[ \\t]?)*");
    private static final Pattern INDENT = Pattern.compile("^[ \\t]*");
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private KramdownMath() {}

    /** {@code text} with its math converted; {@code rawOf} gives the offsets of a text's code and raw HTML. */
    static String convert(String text, Function<String, BitSet> rawOf) {
        if (!text.contains("$$")) {
            return text;
        }
        BitSet raw = rawOf.apply(text);
        StringBuilder out = new StringBuilder(text.length() + 32);
        int done = 0;
        int from = 0;
        int start;
        while ((start = text.indexOf("$$", from)) >= 0) {
            if (raw.get(start) || escaped(text, start)) {
                from = start + 1; // "\$$x$$": the escaped dollar is text, the next one may start math
                continue;
            }
            int end = text.indexOf("$$", start + 2);
            if (end < 0) {
                break;
            }
            boolean block = block(text, start, end + 2);
            if (!block && blankLine(text, start, end)) {
                from = start + 2; // inline math does not cross paragraphs
                continue;
            }
            int lineStart = text.lastIndexOf('\n', start - 1) + 1;
            boolean quoted = text.substring(lineStart, start).contains(">");
            String math = formula(text.substring(start + 2, end), quoted, block);
            out.append(text, done, start).append(block ? "\\\\[" : "\\\\(").append(math)
                    .append(block ? "\\\\]" : "\\\\)");
            done = end + 2;
            from = done;
        }
        out.append(text, done, text.length());
        return out.toString();
    }

    /**
     * Where the block math that starts at offset {@code start} of {@code text} ends (after its closing {@code $$}),
     * or -1 if none starts there: kramdown reads block math before a table, so its pipes split no row.
     */
    static int blockEnd(String text, int start) {
        if (!text.startsWith("$$", start) || escaped(text, start)) {
            return -1;
        }
        int end = text.indexOf("$$", start + 2);
        return end >= 0 && block(text, start, end + 2) ? end + 2 : -1;
    }

    /** Whether the {@code $} at {@code at} is escaped: an odd number of backslashes before it. */
    private static boolean escaped(String text, int at) {
        int n = 0;
        for (int i = at - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }

    /**
     * Whether the math from {@code start} to {@code end} is a block of its own, as kramdown reads it: at the start
     * of a block (after a blank line or a list item's marker, in a quote too), and the rest of its last line blank,
     * followed by a blank line, a list item or the end.
     */
    private static boolean block(String text, int start, int end) {
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        String before = text.substring(lineStart, start);
        if (!CONTAINER.matcher(before).matches() || before.replace("\t", "    ").matches(" {4,}.*")) {
            return false;
        }
        boolean blockStart = lineStart == 0 || LIST_MARKER.matcher(before).find()
                || BLANK.matcher(previousLine(text, lineStart)).matches();
        int lineEnd = text.indexOf('\n', end);
        String rest = text.substring(end, lineEnd < 0 ? text.length() : lineEnd);
        if (!blockStart || !rest.isBlank()) {
            return false;
        }
        if (lineEnd < 0) {
            return true;
        }
        int nextEnd = text.indexOf('\n', lineEnd + 1);
        String next = text.substring(lineEnd + 1, nextEnd < 0 ? text.length() : nextEnd);
        return BLANK.matcher(next).matches() || LIST_MARKER.matcher(next).lookingAt()
                || next.matches(" {0,3}(?:[-*+]|\\d{1,9}[.)])[ \\t].*");
    }

    private static String previousLine(String text, int lineStart) {
        if (lineStart == 0) {
            return "";
        }
        return text.substring(text.lastIndexOf('\n', lineStart - 2) + 1, lineStart - 1);
    }

    private static boolean blankLine(String text, int start, int end) {
        return BLANK_LINE.matcher(text).region(start, end).find();
    }

    /**
     * The formula's Markdown: trimmed as kramdown trims it, each line's ASCII punctuation escaped and its trailing
     * spaces dropped (they would break the line), each later line after its quote markers or indentation; blank
     * lines, which would end the paragraph, are left out (MathJax reads a formula's lines as one).
     */
    private static String formula(String math, boolean quoted, boolean block) {
        String[] lines = math.split("\n", -1);
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String prefix = "";
            if (i > 0) { // each later line's quote markers or indentation, before the formula's text on it
                Matcher m = (quoted ? QUOTE_PREFIX : INDENT).matcher(line);
                m.find();
                prefix = m.group();
                line = line.substring(m.end());
            }
            if (line.isBlank()) {
                continue;
            }
            if (first) {
                line = line.stripLeading();
                first = false;
            } else {
                out.append('\n').append(prefix);
            }
            escape(line.stripTrailing(), out);
        }
        return out.toString();
    }

    /** {@code text} with every ASCII punctuation character backslash-escaped: CommonMark shows each as written. */
    static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (PUNCTUATION.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
    }
}
