package dev.kiln.jekyll;

import java.util.BitSet;
import java.util.function.Function;
import java.util.regex.Matcher;

/**
 * Keeps as text what kramdown 2.4 (Jekyll's GFM input) shows as text but Kiln's Markdown would read as syntax: a bare
 * URL, {@code www.} or e-mail address, which Kiln makes a link, gets one character as an entity ({@code https&#58;//},
 * {@code www&#46;}, {@code &#64;}), which shows the same and makes no link; an ordered list item's marker with a
 * parenthesis ({@code 1) first}), which kramdown reads as a line of a paragraph, has it escaped ({@code 1\)}).
 * Liquid left in the text is left as written.
 */
final class KramdownText {

    /** A text whose every link is found again after one round is a mistake: a bound, not a limit ever met. */
    private static final int ROUNDS = 8;

    /** What may be an ordered list marker with a parenthesis: digits and {@code )} after indentation, quotes, markers. */
    private static final java.util.regex.Pattern MARKER = java.util.regex.Pattern.compile("(?m)^[ \\t>*+\\d.)-]*\\d\\)");
    /** What may be in a link Kiln makes of text: a scheme's {@code :/}, {@code www.}, an {@code @}. */
    private static final java.util.regex.Pattern LINK = java.util.regex.Pattern.compile("(?i):/|www\\.|@");

    /** A double quote after a character that may close it: kramdown's closing quote, an inch mark. */
    private static final java.util.regex.Pattern CLOSING = java.util.regex.Pattern.compile("[^\\s\\\\\\[{(-]\"");
    /** A kramdown attribute list on one line, whose values are quoted: {@code {: title="5"}}. */
    private static final java.util.regex.Pattern ATTRIBUTE_LIST = java.util.regex.Pattern.compile("\\{:[^}\n]*}");

    private KramdownText() {}

    /**
     * {@code text} with its bare links ({@code bareLinks}: their offsets) and list markers with a parenthesis
     * ({@code listParens}: the offsets of their {@code )}) kept as text.
     */
    static String convert(String text, Function<String, BitSet> bareLinks, Function<String, BitSet> listParens) {
        String out = text;
        for (int round = 0; round < ROUNDS; round++) {
            // Each look is a parse of the page: made only where there may be something to find.
            String next = MARKER.matcher(out).find() ? escapeParens(out, listParens.apply(out)) : out;
            next = LINK.matcher(next).find() ? escapeLinks(next, bareLinks.apply(next)) : next;
            if (next.equals(out)) {
                break;
            }
            out = next;
        }
        return out;
    }

    private static String escapeParens(String text, BitSet parens) {
        if (parens.isEmpty()) {
            return text;
        }
        BitSet liquid = Importer.withLiquid(text, new BitSet());
        StringBuilder out = new StringBuilder(text.length() + parens.cardinality());
        int done = 0;
        for (int at = parens.nextSetBit(0); at >= 0; at = parens.nextSetBit(at + 1)) {
            if (!liquid.get(at)) {
                out.append(text, done, at).append('\\');
                done = at;
            }
        }
        return out.append(text, done, text.length()).toString();
    }

    private static String escapeLinks(String text, BitSet links) {
        if (links.isEmpty()) {
            return text;
        }
        BitSet liquid = Importer.withLiquid(text, new BitSet());
        StringBuilder out = new StringBuilder(text.length() + 16);
        int done = 0;
        for (int start = links.nextSetBit(0); start >= 0; start = links.nextSetBit(start)) {
            int end = links.nextClearBit(start);
            String link = text.substring(start, end);
            int at = escapeAt(link);
            if (at >= 0 && !liquid.get(start)) {
                out.append(text, done, start + at).append("&#").append((int) link.charAt(at)).append(';');
                done = start + at + 1;
            }
            start = end;
        }
        return out.append(text, done, text.length()).toString();
    }

    /**
     * {@code text} with each double quote that Kiln's typographic quotes would leave straight ({@code straightQuotes}:
     * their offsets, the quotes they pair with none) written as the closing quote kramdown made of it where kramdown
     * closes one: right after a character other than a space, a backslash or an opening {@code [ { ( -}, and not
     * before emphasis; an inch mark ({@code a 2.5" drive} is {@code a 2.5” drive}), or a quote's end whose start
     * CommonMark paired otherwise. Liquid and kramdown's attribute lists ({@code {: title="5"}}) are left as written.
     */
    static String closingQuotes(String text, Function<String, BitSet> straightQuotes) {
        if (!CLOSING.matcher(text).find()) {
            return text;
        }
        BitSet straight = straightQuotes.apply(text);
        BitSet kept = Importer.withLiquid(text, new BitSet());
        Matcher list = ATTRIBUTE_LIST.matcher(text);
        while (list.find()) {
            kept.set(list.start(), list.end());
        }
        StringBuilder out = new StringBuilder(text);
        for (int at = straight.nextSetBit(1); at >= 0 && at < text.length(); at = straight.nextSetBit(at + 1)) {
            char before = text.charAt(at - 1);
            char after = at + 1 < text.length() ? text.charAt(at + 1) : '\n';
            if (text.charAt(at) == '"' && !Character.isWhitespace(before) && "\\[{(-".indexOf(before) < 0
                    && after != '*' && after != '_' && !kept.get(at)) {
                out.setCharAt(at, '\u201D');
            }
        }
        return out.toString();
    }

    /**
     * {@code text} with the separator row of each table on the line right below a paragraph's text
     * ({@code separators}: the offsets of the rows' first characters), which kramdown reads as that paragraph's text
     * and GitHub and Kiln as a table ending it, escaped ({@code \|---|---|}): it shows as kramdown showed it.
     */
    static String paragraphTables(String text, Function<String, BitSet> separators) {
        if (text.indexOf('|') < 0) {
            return text;
        }
        BitSet rows = separators.apply(text);
        if (rows.isEmpty()) {
            return text;
        }
        BitSet liquid = Importer.withLiquid(text, new BitSet());
        StringBuilder out = new StringBuilder(text.length() + rows.cardinality());
        int done = 0;
        for (int at = rows.nextSetBit(0); at >= 0; at = rows.nextSetBit(at + 1)) {
            if (!liquid.get(at)) {
                out.append(text, done, at).append('\\');
                done = at;
            }
        }
        return out.append(text, done, text.length()).toString();
    }

    /** Where in {@code link} an entity breaks it: a scheme's {@code :}, the dot after {@code www}, the {@code @}. */
    private static int escapeAt(String link) {
        Matcher scheme = java.util.regex.Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*(:)").matcher(link);
        if (scheme.find()) {
            return scheme.start(1);
        }
        if (link.regionMatches(true, 0, "www.", 0, 4)) {
            return 3;
        }
        return link.indexOf('@');
    }
}
