package dev.kiln.markdown;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.tables.internal.TableParagraphPreProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.ParagraphParser;
import com.vladsch.flexmark.util.ast.BlockContent;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A GFM table whose header row is a paragraph's last line, its separator row the line below, ends the paragraph, as in
 * GitHub and Hugo's goldmark ({@code Example:} then {@code | a | b |}, {@code |---|---|}): flexmark reads a table only
 * at a paragraph's start, and showed the rows as the paragraph's text. At such a separator row the paragraph is made
 * two: its lines before the header, and the header and what follows, which flexmark's table parser then reads as a
 * table at its start. Only where that parser would read one: the header's cells as many as the separator's, and no
 * separator row in the paragraph already (a second one in a table is a row of it, as in goldmark). So too below a list
 * item's or a quote's text on lines without the item's indent or the quote's {@code >}, lazy lines of its paragraph
 * ({@code - item}, {@code a | b}, {@code |---|---|}): the table is in the item or quote, as in goldmark, where until
 * 2026-12-07 the rows were the item's text. Asked only about a line in a paragraph, or a lazy line below one, that
 * starts with {@code |}, {@code :} or {@code -} and holds a pipe. Both of Kiln's parsers use it.
 */
final class TableInterrupts implements Parser.ParserExtension {

    @Override
    public void parserOptions(MutableDataHolder options) {}

    @Override
    public void extend(Parser.Builder builder) {
        builder.customBlockParserFactory(new Factory());
    }

    private static final class Factory extends UnorderedBlockFactory {
        /**
         * flexmark's separator row pattern, made at the first line that may be one: {@link #apply} runs for every page
         * parsed, and making it there (a format and a compile) cost ~4% of the Markdown stage of pages without tables.
         * The options, Kiln's, are the same for every page of a parser.
         */
        private volatile Pattern separator;

        @Override
        public BlockParserFactory apply(DataHolder options) {
            return (state, matched) -> tryStart(state, matched, () -> separator(options));
        }

        private Pattern separator(DataHolder options) {
            Pattern made = separator;
            if (made == null) {
                made = TableParagraphPreProcessor.getTableHeaderSeparator(TablesExtension.MIN_SEPARATOR_DASHES.get(options), "");
                separator = made;
            }
            return made;
        }
    }

    private static BlockStart tryStart(ParserState state, MatchedBlockParser matched, Supplier<Pattern> separators) {
        ParagraphParser paragraph = continued(state, matched);
        if (paragraph == null || state.getIndent() >= 4) {
            return BlockStart.none();
        }
        BasedSequence line = state.getLine();
        int at = state.getNextNonSpaceIndex();
        char first = at < line.length() ? line.charAt(at) : '\n';
        if (first != '|' && first != ':' && first != '-' || line.indexOf('|', at) < 0) {
            return BlockStart.none();
        }
        List<BasedSequence> lines = paragraph.getBlockContent().getLines();
        int n = lines.size();
        if (n < 2) { // the header is the paragraph's first line: flexmark's table parser reads it
            return BlockStart.none();
        }
        BasedSequence row = line.subSequence(at).trimEOL().trimEnd();
        Pattern separator = separators.get();
        if (!separator.matcher(row).matches()) {
            return BlockStart.none();
        }
        BasedSequence header = lines.get(n - 1).trim();
        if (header.indexOf('|') < 0 || cells(header) != cells(row)) {
            return BlockStart.none();
        }
        for (int i = 1; i < n; i++) { // the paragraph is a table already, or its first separator did not make one
            if (separator.matcher(lines.get(i).trim()).matches()) {
                return BlockStart.none();
            }
        }
        if (paragraph != matched.getBlockParser()) {
            return splitLazily(state, paragraph, row);
        }
        List<Integer> indents = paragraph.getBlockContent().getLineIndents();
        ParagraphParser before = new ParagraphParser();
        before.getBlockContent().addAll(lines.subList(0, n - 1), indents.subList(0, n - 1));
        ParagraphParser table = new ParagraphParser();
        table.getBlockContent().add(lines.get(n - 1), indents.get(n - 1));
        // The two in place of the paragraph: the second ends the first, and takes this line.
        return BlockStart.of(before, table).atIndex(at).replaceActiveBlockParser();
    }

    /**
     * The paragraph this line would continue: the one matched, or one open in a list item or a quote whose indent or
     * {@code >} the line lacks, which continues it as a lazy line ({@code - item}, {@code a | b}, {@code |---|---|}).
     */
    private static ParagraphParser continued(ParserState state, MatchedBlockParser matched) {
        if (matched.getBlockParser() instanceof ParagraphParser paragraph) {
            return paragraph;
        }
        return state.getActiveBlockParser() instanceof ParagraphParser lazy ? lazy : null;
    }

    /**
     * A separator row on a lazy line: a block started here would be outside the item or quote, which flexmark closes
     * first, where goldmark has the table in it, as one lazy paragraph whose rows it reads as a table. So the lines
     * before the header are made a paragraph of their own, in place before it, the paragraph keeps the header, and
     * this line, started nowhere, joins it as a lazy line: flexmark's table parser reads the rows at its start. A row
     * that opens a list item, {@code - | -}, is left to the list, as in goldmark.
     */
    private static BlockStart splitLazily(ParserState state, ParagraphParser paragraph, BasedSequence row) {
        if (row.length() > 1 && row.charAt(0) == '-' && (row.charAt(1) == ' ' || row.charAt(1) == '\t')) {
            return BlockStart.none();
        }
        BlockContent content = paragraph.getBlockContent();
        int header = content.getLineCount() - 1;
        ParagraphParser before = new ParagraphParser();
        List<BasedSequence> lines = content.getLines().subList(0, header);
        List<Integer> indents = content.getLineIndents().subList(0, header);
        before.getBlockContent().addAll(lines, indents);
        lines.clear(); // from the paragraph
        indents.clear();
        paragraph.getBlock().insertBefore(before.getBlock());
        state.blockParserAdded(before); // its inlines parsed with the others'
        before.closeBlock(state);
        before.finalizeClosedBlock();
        return BlockStart.none();
    }

    /** The cells of a table row, as flexmark splits it: at each pipe not escaped, those at its ends not counted. */
    private static int cells(BasedSequence row) {
        int end = row.length();
        int start = row.charAt(0) == '|' ? 1 : 0;
        int count = 1;
        for (int i = start; i < end; i++) {
            char c = row.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '|') {
                if (i == end - 1) {
                    break;
                }
                count++;
            }
        }
        return count;
    }
}
