package dev.kiln.jekyll;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts kramdown's tables that GFM would misread into an HTML table as kramdown 2.4 wrote it: tables without a
 * header (rows of {@code | a | b |}, perhaps a {@code |===} footer line, no separator line under a first row), which
 * kramdown writes as a {@code table} with a {@code tbody} (and a {@code tfoot}) only and GFM, which needs a header,
 * shows as text; and tables with a header and a line GFM lacks or does not read: a separator line before the first
 * row ({@code |---+---|}, kramdown's documented form, which GFM makes a paragraph of), a header separator GFM does not
 * read (kramdown's takes a {@code +} between columns, {@code |---+---|}, and fewer cells than the header, {@code |---}:
 * GFM makes a paragraph of pipes of the table), one after the header's (which starts a new {@code tbody}) or a
 * {@code |===} footer line (the rows after it a {@code tfoot}), written with the header's {@code th} cells and its
 * columns' alignment. The rows' cells are split at each {@code |} that is not escaped or in code, each cell's Markdown
 * rendered by {@code span}, short rows filled with empty cells. Other tables with a header separator are GFM's
 * already and stay as written, byte for byte. A table in a list item or a quote is converted there: its HTML written
 * at the item's indentation, after the quote's markers.
 */
final class KramdownTables {

    /** kramdown's {@code TABLE_SEP_LINE}: a header or body separator, {@code |---|:-:|}. */
    private static final Pattern SEPARATOR = Pattern.compile("[+|: \\t-]*?-[+|: \\t-]*?[ \\t]*");
    /** kramdown's {@code TABLE_HSEP_ALIGN}: a column's part of the header separator, {@code :-:}. */
    private static final Pattern ALIGN = Pattern.compile("[ \\t]?(:?)-+(:?)[ \\t]?");
    /** GFM's column of a header separator, {@code :-:}, its spaces taken out. */
    private static final Pattern GFM_ALIGN = Pattern.compile(":?-+:?");
    /** kramdown's {@code TABLE_FSEP_LINE}: the footer separator, {@code |===|}. */
    private static final Pattern FOOTER = Pattern.compile("[+|: \\t=]*?=[+|: \\t=]*?[ \\t]*");
    /** kramdown's block attribute list alone on a line, {@code {:.scroll-table}}. */
    private static final Pattern ATTRIBUTE_LIST = Pattern.compile("\\{:(?![:/])(?:\\\\}|[^}])+}[ \\t]*");
    /** What starts a block that kramdown reads before a table: a quote, a list item, a heading, HTML. */
    private static final Pattern OTHER_BLOCK = Pattern.compile("(?:[-*+][ \\t]|\\d{1,9}[.)][ \\t]|#|<).*");
    /** The indentation and quote markers before a line's text. */
    private static final Pattern PREFIX = Pattern.compile("[ \\t>]*");


    private KramdownTables() {}

    /** A converted text and the warnings ({@code path:line: ...}) for the tables it left as written. */
    record Result(String text, List<String> warnings) {}

    /**
     * {@code text} (the body of {@code path}, its lines where {@code at} places them) with the tables GFM misreads
     * converted; {@code rawOf} gives the offsets of code and raw HTML, {@code paragraphsOf} those of the paragraphs
     * and GFM tables (at the top level, in a list item or in a quote: a table there is one of them to GFM),
     * {@code span} renders a cell.
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
            // An attribute list on the line after a table is kramdown's (the table's): the HTML can take none.
            boolean listed = end > i && end < lines.length && ATTRIBUTE_LIST.matcher(rest(lines[end])).matches()
                    && !headerless(lines, i, end);
            boolean table = end > i && (end == lines.length || rest(lines[end]).isBlank() || listed)
                    && misread(lines, i, end) && parts(lines, i, end) != null;
            if (table) {
                paragraphs = paragraphs != null ? paragraphs : paragraphsOf.apply(text);
                table = paragraphs.get(starts[i] + prefix.length());
            }
            boolean footnote = table && footnote(lines, i, end, span);
            if (footnote || table && listed) {
                if (headerless(lines, i, end)) {
                    warnings.add(at.warning(path, i, prefix.length() + 1, "a table without a header line has a "
                            + "footnote reference in a cell, which Kiln cannot number there: the table is left as "
                            + "written (text); add a header line (| a | b | and |---|---| under it) or move the "
                            + "footnote out"));
                } else {
                    // GFM's table of its rows: the lines it lacks dropped, the footer's rows in the body, the header's
                    // separator in GFM's form (when that is all GFM lacks, the table is kramdown's: no warning).
                    if (extraLines(lines, i, end)) {
                        warnings.add(at.warning(path, i, prefix.length() + 1, "a table with kramdown's separator or "
                                + "footer lines (|---+---|, |===|) has " + (footnote ? "a footnote reference in a "
                                + "cell, which Kiln cannot number" : "an attribute list after it, which Kiln cannot "
                                + "give") + " in the HTML table it would write: those lines are dropped and the "
                                + "footer's rows are body rows of a GFM table; to keep its parts, " + (footnote
                                ? "move the footnote out of the table" : "write it as an HTML table with the list's "
                                + "attributes")));
                    }
                    boolean header = false;
                    for (int k = i; k < end; k++) {
                        boolean separator = SEPARATOR.matcher(rest(lines[k])).matches();
                        if (separator && !header && k > i && !SEPARATOR.matcher(rest(lines[k - 1])).matches()) {
                            // The header's separator, in GFM's form where GFM would not read kramdown's.
                            header = true;
                            out.append(gfmSeparator(lines[k], lines[k - 1])).append('\n');
                        } else if (!separator && !FOOTER.matcher(rest(lines[k])).matches()) {
                            out.append(lines[k]).append('\n');
                        }
                    }
                    if (end == lines.length) {
                        out.setLength(out.length() - 1);
                    }
                    i = end - 1;
                    continue;
                }
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

    /**
     * Whether GFM would misread the table of lines {@code from} to {@code to}: it has no header, a header separator
     * GFM does not read ({@code |---+---|}, fewer cells than the header), or a line GFM lacks (a separator line before
     * the first row or after the header's, a footer line).
     */
    private static boolean misread(String[] lines, int from, int to) {
        if (headerless(lines, from, to) || extraLines(lines, from, to)) {
            return true;
        }
        for (int i = from + 1; i < to; i++) {
            if (SEPARATOR.matcher(rest(lines[i])).matches()) {
                return !gfmReads(rest(lines[i]), rest(lines[i - 1]));
            }
        }
        return false;
    }

    /**
     * Whether the table of lines {@code from} to {@code to}, which has a header, has a line GFM lacks: a separator
     * line before the first row or after the header's, a footer line.
     */
    private static boolean extraLines(String[] lines, int from, int to) {
        boolean rows = false;
        boolean header = false;
        for (int i = from; i < to; i++) {
            if (FOOTER.matcher(rest(lines[i])).matches()) {
                return true;
            } else if (SEPARATOR.matcher(rest(lines[i])).matches()) {
                if (!rows || header) {
                    return true;
                }
                header = true;
            } else {
                rows = true;
            }
        }
        return false;
    }

    /**
     * Whether GFM reads {@code separator} as the separator under {@code header}: kramdown's is wider, taking a
     * {@code +} between columns, an empty column or fewer (or more) columns than the header's, where GFM (and Kiln's
     * Markdown) sees a paragraph of pipes.
     */
    private static boolean gfmReads(String separator, String header) {
        List<String> cells = cells(separator);
        return cells.size() == cells(header).size() && cells.stream().allMatch(c -> GFM_ALIGN.matcher(c).matches());
    }

    /**
     * {@code line}, the header separator under the line {@code header}, in a form GFM reads: as written if GFM reads
     * it, else a column of dashes for each of the header's, aligned as kramdown read it, after the line's prefix.
     */
    private static String gfmSeparator(String line, String header) {
        String separator = rest(line);
        int columns = cells(rest(header)).size();
        if (gfmReads(separator, rest(header))) {
            return line;
        }
        StringBuilder out = new StringBuilder(prefix(line)).append('|');
        Matcher align = ALIGN.matcher(separator);
        for (int c = 0; c < columns; c++) {
            boolean found = align.find();
            out.append(found ? align.group(1) : "").append("---").append(found ? align.group(2) : "").append('|');
        }
        return out.toString();
    }

    /** A table's parts as kramdown reads them: its sections (thead, tbody, tfoot) with their rows of cells. */
    private record Parts(List<String> names, List<List<List<String>>> sections, List<String> alignment, int columns) {}

    /**
     * The parts of the table on lines {@code from} to {@code to}, read as kramdown's {@code parse_table} reads them:
     * separator lines before any row ignored, the first one after rows making them the head (and giving the columns'
     * alignment), any later one starting a new body, a footer line making the rows after it the foot; null when it
     * has no body, which kramdown reads as no table.
     */
    private static Parts parts(String[] lines, int from, int to) {
        List<String> names = new ArrayList<>();
        List<List<List<String>>> sections = new ArrayList<>();
        List<String> alignment = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        boolean footer = false;
        int columns = 0;
        for (int i = from; i < to; i++) {
            String line = rest(lines[i]);
            Matcher separator = SEPARATOR.matcher(line);
            if (separator.matches()) {
                if (rows.isEmpty()) {
                    continue;
                }
                if (alignment.isEmpty() && !footer) {
                    names.add("thead");
                    sections.add(rows);
                    rows = new ArrayList<>();
                    Matcher align = ALIGN.matcher(line);
                    while (align.find()) {
                        boolean left = !align.group(1).isEmpty();
                        boolean right = !align.group(2).isEmpty();
                        alignment.add(left && right ? "center" : left ? "left" : right ? "right" : "");
                    }
                } else if (!footer) {
                    names.add("tbody");
                    sections.add(rows);
                    rows = new ArrayList<>();
                }
            } else if (FOOTER.matcher(line).matches()) {
                if (!rows.isEmpty()) {
                    names.add("tbody");
                    sections.add(rows);
                    rows = new ArrayList<>();
                }
                footer = true;
            } else {
                List<String> cells = cells(line);
                columns = Math.max(columns, cells.size());
                rows.add(cells);
            }
        }
        if (!rows.isEmpty()) {
            names.add(footer ? "tfoot" : "tbody");
            sections.add(rows);
        }
        return names.contains("tbody") ? new Parts(names, sections, alignment, columns) : null;
    }

    /** The HTML of the table on lines {@code from} to {@code to}, as kramdown writes it. */
    private static String html(String[] lines, int from, int to, SpanMarkdown span) {
        Parts parts = parts(lines, from, to);
        StringBuilder out = new StringBuilder("<table>\n");
        for (int s = 0; s < parts.names().size(); s++) {
            String name = parts.names().get(s);
            out.append("<").append(name).append(">\n");
            for (List<String> row : parts.sections().get(s)) {
                out.append("<tr>\n");
                for (int c = 0; c < parts.columns(); c++) {
                    String cell = c < row.size() ? row.get(c) : "";
                    String html = cell.isEmpty() ? "" : span.html(cell);
                    String tag = name.equals("thead") ? "th" : "td";
                    String align = c < parts.alignment().size() ? parts.alignment().get(c) : "";
                    out.append("<").append(tag);
                    if (!align.isEmpty()) {
                        out.append(" style=\"text-align: ").append(align).append("\"");
                    }
                    // kramdown writes an empty cell (one a short row lacks too) as a no-break space.
                    out.append(">").append(html.isEmpty() ? "&nbsp;" : html).append("</").append(tag).append(">\n");
                }
                out.append("</tr>\n");
            }
            out.append("</").append(name).append(">\n");
        }
        return out.append("</table>").toString();
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
