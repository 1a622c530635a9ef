package dev.kiln.markdown;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.FencedCodeBlockParser;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.parser.core.ListBlockParser;
import com.vladsch.flexmark.parser.core.ThematicBreakParser;
import com.vladsch.flexmark.parser.internal.BlockStartImpl;
import com.vladsch.flexmark.parser.internal.DocumentParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.mappers.SpecialLeadInHandler;

import java.util.List;

/**
 * flexmark's core block parsers (quotes, headings, fenced code, HTML blocks, thematic breaks, lists,
 * indented code), in flexmark's own order, with those for headings, fenced code, thematic breaks and lists
 * asked about a line only when its first non-blank character can start one. flexmark asks each of them
 * about every line, and each runs a regular expression whose search steps through the whole line: for a
 * line of prose, which starts none of them, that was ~4% of a large build's CPU.
 *
 * <p>A parser skipped this way is one that would have answered "none": each of the four only starts a
 * block when its pattern matches at that character. ({@code ListBlockParser} may also forget, on the way
 * to "none", that a list item looked at the line; it keeps that by the line's identity, which no later
 * line shares.)
 */
final class QuickBlockStarts implements Parser.ParserExtension {

    private static final List<DataKey<Boolean>> CORE = List.of(Parser.BLOCK_QUOTE_PARSER, Parser.HEADING_PARSER,
            Parser.FENCED_CODE_BLOCK_PARSER, Parser.HTML_BLOCK_PARSER, Parser.THEMATIC_BREAK_PARSER,
            Parser.LIST_BLOCK_PARSER, Parser.INDENTED_CODE_BLOCK_PARSER);

    /** The core parsers the options enable, in flexmark's order; taken before they are switched off. */
    private List<CustomBlockParserFactory> core;
    private String listMarkers;

    @Override
    public void parserOptions(MutableDataHolder options) {
        core = DocumentParser.calculateBlockParserFactories(options, List.of());
        listMarkers = Parser.LISTS_ITEM_PREFIX_CHARS.get(options) + "0123456789";
        CORE.forEach(key -> options.set(key, false)); // this extension stands in for them, in their place
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customBlockParserFactory(new Factory(core, listMarkers));
    }

    private static final class Factory extends UnorderedBlockFactory {
        private final List<CustomBlockParserFactory> core;
        private final String[] gates;
        /** The core factories this thread made last, with the options they were made for. */
        private final ThreadLocal<Starts> made = new ThreadLocal<>();

        Factory(List<CustomBlockParserFactory> core, String listMarkers) {
            this.core = core;
            this.gates = core.stream().map(f -> f instanceof HeadingParser.Factory ? "#=-"
                    : f instanceof FencedCodeBlockParser.Factory ? "`~"
                    : f instanceof ThematicBreakParser.Factory ? "*-_"
                    : f instanceof ListBlockParser.Factory ? listMarkers
                    : null).toArray(String[]::new);
        }

        @Override
        public BlockParserFactory apply(DataHolder options) {
            // flexmark asks once a page, always with its parser's options; the core factories hold only what
            // they read from them (a heading's compiles its patterns, an HTML block's on first use), so each
            // thread makes them once for those options rather than once a page.
            Starts starts = made.get();
            if (starts == null || starts.options != options) {
                BlockParserFactory[] factories = new BlockParserFactory[core.size()];
                for (int i = 0; i < factories.length; i++) {
                    factories[i] = core.get(i).apply(options);
                }
                starts = new Starts(options, factories, gates);
                made.set(starts);
            }
            return starts;
        }
    }

    /**
     * An extension's block parser, in its place, asked about a line only when its first non-blank character is one
     * of {@code first}: the characters all its blocks start with. flexmark tells factories apart by their class, so
     * each use is a class of its own ({@code new Gated(...) {}}).
     */
    abstract static class Gated extends StandIn<CustomBlockParserFactory> implements CustomBlockParserFactory {
        private final String first;

        Gated(CustomBlockParserFactory flexmark, String first) {
            super(flexmark);
            this.first = first;
        }

        @Override
        public SpecialLeadInHandler getLeadInHandler(DataHolder options) {
            return flexmark.getLeadInHandler(options);
        }

        @Override
        public BlockParserFactory apply(DataHolder options) {
            return new BlockParserFactory() {
                /** flexmark's, made at the page's first line that it may start a block on: most pages have none. */
                private BlockParserFactory factory;

                @Override
                public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
                    BasedSequence line = state.getLine();
                    int at = state.getNextNonSpaceIndex();
                    if (at >= line.length() || first.indexOf(line.charAt(at)) < 0) {
                        return BlockStart.none();
                    }
                    if (factory == null) {
                        factory = flexmark.apply(options);
                    }
                    return factory.tryStart(state, matched);
                }
            };
        }
    }

    /** The core parsers for one set of options, asked in order as flexmark's own loop asks them. */
    private static final class Starts implements BlockParserFactory {
        private final DataHolder options;
        private final BlockParserFactory[] factories;
        private final String[] gates;

        Starts(DataHolder options, BlockParserFactory[] factories, String[] gates) {
            this.options = options;
            this.factories = factories;
            this.gates = gates;
        }

        @Override
        public BlockStart tryStart(ParserState state, MatchedBlockParser matchedBlockParser) {
            BasedSequence line = state.getLine();
            int at = state.getNextNonSpaceIndex();
            char first = at < line.length() ? line.charAt(at) : '\n'; // a blank line starts none of the gated
            for (int i = 0; i < factories.length; i++) {
                if (gates[i] == null || gates[i].indexOf(first) >= 0) {
                    BlockStart start = factories[i].tryStart(state, matchedBlockParser);
                    if (start instanceof BlockStartImpl) {
                        return start;
                    }
                }
            }
            return BlockStart.none();
        }
    }
}
