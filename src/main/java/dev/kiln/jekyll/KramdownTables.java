package dev.kiln.jekyll;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts kramdown's tables without a header (rows of {@code | a | b |}, perhaps a {@code |===} footer line, no
 * separator line under a first row), which kramdown writes as a {@code table} with a {@code tbody} (and a
 * {@code tfoot}) only and GFM, which needs a header, shows as text, into an HTML table as kramdown 2.4 wrote it:
 * the rows' cells split at each {@code |} that is not escaped or in code, each cell's Markdown rendered by
 * {@code span}, short rows filled with empty cells. Tables with a header separator are GFM's already and
 * stay. A table in a list item or a quote is converted there: its HTML written at the item's indentation, after the
 * quote's markers.
 */
final class KramdownTables {

    /** kramdown's {@code TABLE_SEP_LINE}: a header or body separator, {@code |---|:-:|}. */
    private static final Pattern SEPARATOR = Pattern.compile("[+|: \\t-]*?-[+|: \\t-]*?[ \\t]*");
    /** kramdown's {@code TABLE_FSEP_LINE}: the footer separator, {@code |===|}. */
    private static final Pattern FOOTER = Pattern.compile("[+|: \\t=]*?=[+|: \\t=]*?[ \\t]*");
    /** What starts a block that kramdown reads before a table: a quote, a list item, a heading, HTML. */
    private static final Pattern OTHER_BLOCK = Pattern.compile("(?:[-*+][ \\t]|\\d{1,9}[.)][ \\t]|#|<).*");
    /** The indentation and quote markers before a line's text. */
    private static final Pattern PREFIX = Pattern.compile("[ \\t>]*");


    private KramdownTables() {}

    /** A converted text and the warnings ({@code path:line: ...}) for the tables it left as written. */
    record Result(String text, List<String> warnings) {}

    /**
     * {@code text} (the body of {@code path}, its lines where {@code at} places them) with its headerless tables converted;
     * {@code rawOf} gives the offsets of code and raw HTML, {@code paragraphsOf} those of the paragraphs (at the top
     * level, in a list item or in a quote: a table there is a paragraph to GFM), {@code span} renders a cell.
     */
    static Result convert(String path, String text, LineMap at, Function<String, BitSet> rawOf,
                          Function<String, BitSet> paragraphsOf, SpanMarkdown span) {
        List<String> warnings = new ArrayList<>();
        if (!text.contains("|")) {
            return new Result(text, warnings);
        }
        BitSet raw = rawOf.apply(text);
        BitSet paragraphs = null;
        String[] lines = text.split("\n", -1);
        int[] starts = new int[lines.length];
        for (int i = 1; i < lines.length; i++) {
            starts[i] = starts[i - 1] + lines[i - 1].length() + 1;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < lines.length; i++) {
            // The table's container: the quote's markers before its lines, or a list item's indentation.
            String prefix = prefix(lines[i]);
            int quotes = quotes(prefix);
            int end = i;
            boolean blockStart = i == 0 || rest(lines[i - 1]).isBlank() || quotes(prefix(lines[i - 1])) < quotes;
            int math = blockStart && !raw.get(starts[i] + prefix.length())
                    ? KramdownMath.blockEnd(text, starts[i] + prefix.length()) : -1;
            if (math >= 0) {
                // Block math, which kramdown reads before a table: its lines stay as they are, for KramdownMath.
                while (i < lines.length - 1 && starts[i + 1] < math) {
                    out.append(lines[i]).append('\n');
                    i++;
                }
                out.append(lines[i]);
                if (i < lines.length - 1) {
                    out.append('\n');
                }
                continue;
            }
            if (blockStart) {
                // Its rows at any indentation: kramdown looks for a pipe, and GFM goes on with the paragraph.
                while (end < lines.length && quotes(prefix(lines[end])) == quotes
                        && tableLine(lines[end], starts[end], raw)) {
                    end++;
                }
            }
            boolean table = end > i && (end == lines.length || rest(lines[end]).isBlank()) && headerless(lines, i, end);
            if (table) {
                paragraphs = paragraphs != null ? paragraphs : paragraphsOf.apply(text);
                table = paragraphs.get(starts[i] + prefix.length());
            }
            if (table && footnote(lines, i, end, span)) {
                warnings.add(at.warning(path, i, prefix.length() + 1, "a table without a header line has a "
                        + "footnote reference in a cell, which Kiln cannot number there: the table is left as written "
                        + "(text); add a header line (| a | b | and |---|---| under it) or move the footnote out"));
                table = false;
            }
            if (!table) {
                out.append(lines[i]);
                if (i < lines.length - 1) {
                    out.append('\n');
                }
                continue;
            }
            // Each line of the table's HTML in the container: after the quote's markers, at the item's indentation.
            out.append(html(lines, i, end, span).replaceAll("(?m)^", Matcher.quoteReplacement(prefix)));
            if (end < lines.length) {
                out.append('\n');
            }
            i = end - 1;
        }
        return new Result(out.toString(), warnings);
    }

    /** What stands before {@code line}'s text: indentation and quote markers. */
    private static String prefix(String line) {
        Matcher m = PREFIX.matcher(line);
        m.lookingAt();
        return m.group();
    }

    /** {@code line} without its indentation and quote markers. */
    private static String rest(String line) {
        return line.substring(prefix(line).length());
    }

    /** How many quote markers {@code prefix} holds. */
    private static int quotes(String prefix) {
        return (int) prefix.chars().filter(c -> c == '>').count();
    }

    /** Whether a cell of the table on lines {@code from} to {@code to} has a footnote reference. */
    private static boolean footnote(String[] lines, int from, int to, SpanMarkdown span) {
        for (int i = from; i < to; i++) {
            for (String cell : cells(rest(lines[i]))) {
                if (span.hasFootnote(cell)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code line} is a table's line to kramdown: a pipe not escaped nor in code, outside code and HTML. */
    private static boolean tableLine(String line, int at, BitSet raw) {
        String prefix = prefix(line);
        if (line.isBlank() || OTHER_BLOCK.matcher(line).region(prefix.length(), line.length()).matches()
                || raw.get(at + prefix.length())) {
            return false;
        }
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '|' && !raw.get(at + i) && (i == 0 || line.charAt(i - 1) != '\\')) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the table of lines {@code from} to {@code to} has no header: no separator line after a row (kramdown
     * makes the rows above the first one its head, as GFM does, which Kiln reads already), and a row at all.
     */
    private static boolean headerless(String[] lines, int from, int to) {
        boolean rows = false;
        for (int i = from; i < to; i++) {
            if (SEPARATOR.matcher(rest(lines[i])).matches()) {
                if (rows) {
                    return false;
                }
            } else if (!FOOTER.matcher(rest(lines[i])).matches()) {
                rows = true;
            }
        }
        return rows;
    }

    /** The HTML of the table on lines {@code from} to {@code to}, as kramdown writes it. */
    private static String html(String[] lines, int from, int to, SpanMarkdown span) {
        List<List<String>> body = new ArrayList<>();
        List<List<String>> footer = new ArrayList<>();
        boolean inFooter = false;
        int columns = 0;
        for (int i = from; i < to; i++) {
            if (SEPARATOR.matcher(rest(lines[i])).matches()) {
                continue;
            }
            if (FOOTER.matcher(rest(lines[i])).matches()) {
                inFooter = true;
                continue;
            }
            List<String> cells = cells(rest(lines[i]));
            columns = Math.max(columns, cells.size());
            (inFooter ? footer : body).add(cells);
        }
        StringBuilder out = new StringBuilder("<table>\n");
        section(out, "tbody", body, columns, span);
        section(out, "tfoot", footer, columns, span);
        return out.append("</table>").toString();
    }

    private static void section(StringBuilder out, String name, List<List<String>> rows, int columns,
                                SpanMarkdown span) {
        if (rows.isEmpty()) {
            return;
        }
        out.append("<").append(name).append(">\n");
        for (List<String> row : rows) {
            out.append("<tr>\n");
            for (int c = 0; c < columns; c++) {
                String cell = c < row.size() ? row.get(c) : "";
                String html = cell.isEmpty() ? "" : span.html(cell);
                // kramdown writes an empty cell (one a short row lacks too) as a no-break space.
                out.append("<td>").append(html.isEmpty() ? "&nbsp;" : html).append("</td>\n");
            }
            out.append("</tr>\n");
        }
        out.append("</").append(name).append(">\n");
    }

    /**
     * A row's cells as kramdown splits them: at each pipe not escaped ({@code \|} is a pipe in the cell) nor in a
     * code span nor in Liquid ({@code {{ ... }}}, {@code {% ... %}}, which Jekyll ran first; kept as written, its
     * punctuation backslash-escaped so that no Markdown rule or smart quote touches it), the empty cell before a
     * leading pipe and after a trailing one dropped, each cell trimmed.
     */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '`') {
                int run = i;
                while (run < line.length() && line.charAt(run) == '`') {
                    run++;
                }
                String ticks = line.substring(i, run);
                int close = closingTicks(line, run, ticks);
                int to = close < 0 ? run : close + ticks.length();
                cell.append(line, i, to);
                i = to;
            } else if (c == '{' && i + 1 < line.length() && (line.charAt(i + 1) == '{' || line.charAt(i + 1) == '%')
                    && line.indexOf(line.charAt(i + 1) == '{' ? "}}" : "%}", i + 2) >= 0) {
                // Liquid, which Jekyll ran before kramdown split the row: one piece, kept as written (escaped).
                int to = line.indexOf(line.charAt(i + 1) == '{' ? "}}" : "%}", i + 2) + 2;
                KramdownMath.escape(line.substring(i, to), cell);
                i = to;
            } else if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '|') {
                cell.append('|');
                i += 2;
            } else if (c == '|') {
                cells.add(cell.toString());
                cell.setLength(0);
                i++;
            } else {
                cell.append(c);
                i++;
            }
        }
        cells.add(cell.toString());
        if (line.stripLeading().startsWith("|") && cells.get(0).isBlank()) {
            cells.remove(0);
        }
        if (!cells.isEmpty() && cells.get(cells.size() - 1).isBlank()) {
            cells.remove(cells.size() - 1);
        }
        cells.replaceAll(String::strip);
        return cells;
    }

    /**
     * Where a code span opened by {@code ticks} closes after {@code from}: a run of as many backticks; -1 if none.
     * Also used by {@link KramdownHtml} to blank out code spans.
     */
    static int closingTicks(String line, int from, String ticks) {
        int i = from;
        while (i < line.length()) {
            if (line.charAt(i) != '`') {
                i++;
                continue;
            }
            int run = i;
            while (run < line.length() && line.charAt(run) == '`') {
                run++;
            }
            if (run - i == ticks.length()) {
                return i;
            }
            i = run;
        }
        return -1;
    }
}
