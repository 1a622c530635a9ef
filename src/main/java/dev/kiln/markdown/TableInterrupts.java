package dev.kiln.markdown;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.tables.internal.TableParagraphPreProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.ParagraphParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A GFM table whose header row is a paragraph's last line, its separator row the line below, ends the paragraph, as in
 * GitHub and Hugo's goldmark ({@code Example:} then {@code | a | b |}, {@code |---|---|}): flexmark reads a table only
 * at a paragraph's start, and showed the rows as the paragraph's text. At such a separator row the paragraph is made
 * two: its lines before the header, and the header and what follows, which flexmark's table parser then reads as a
 * table at its start. Only where that parser would read one: the header's cells as many as the separator's, and no
 * separator row in the paragraph already (a second one in a table is a row of it, as in goldmark). Asked only about a
 * line in a paragraph that starts with {@code |}, {@code :} or {@code -} and holds a pipe. Both of Kiln's parsers use it.
 */
final class TableInterrupts implements Parser.ParserExtension {

    @Override
    public void parserOptions(MutableDataHolder options) {}

    @Override
    public void extend(Parser.Builder builder) {
        builder.customBlockParserFactory(new Factory());
    }

    private static final class Factory implements CustomBlockParserFactory {
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

        @Override
        public Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return null;
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }
    }

    private static BlockStart tryStart(ParserState state, MatchedBlockParser matched, Supplier<Pattern> separators) {
        if (!(matched.getBlockParser() instanceof ParagraphParser paragraph) || state.getIndent() >= 4) {
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
        List<Integer> indents = paragraph.getBlockContent().getLineIndents();
        ParagraphParser before = new ParagraphParser();
        before.getBlockContent().addAll(lines.subList(0, n - 1), indents.subList(0, n - 1));
        ParagraphParser table = new ParagraphParser();
        table.getBlockContent().add(lines.get(n - 1), indents.get(n - 1));
        // The two in place of the paragraph: the second ends the first, and takes this line.
        return BlockStart.of(before, table).atIndex(at).replaceActiveBlockParser();
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
