package dev.kiln.markdown;

import com.vladsch.flexmark.ext.definition.DefinitionExtension;
import com.vladsch.flexmark.ext.definition.internal.DefinitionItemBlockParser;
import com.vladsch.flexmark.ext.definition.internal.DefinitionListBlockPreProcessor;
import com.vladsch.flexmark.ext.definition.internal.DefinitionListItemBlockPreProcessor;
import com.vladsch.flexmark.ext.definition.DefinitionItem;
import com.vladsch.flexmark.ext.definition.DefinitionList;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockPreProcessor;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.mappers.SpecialLeadInHandler;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * kramdown's definition lists ({@code Term} and then {@code : Definition} lines), by flexmark's extension, its block
 * parser asked only about a line that starts with its marker ':' (kramdown's; '~' is turned off): flexmark asks it about every line.
 * A definition's text starts after all the spaces after its ':', as in kramdown ({@code :     text} is the text, where
 * flexmark, as for a list item, made a code block of it), in {@link Flexmark}'s parser too.
 */
final class Definitions extends ReplacedParser<DefinitionExtension> {

    Definitions() {
        super(DefinitionExtension.create());
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customBlockParserFactory(new QuickBlockStarts.Gated(new TextAfterSpaces(), ":") {});
        builder.blockPreProcessorFactory(new SharedItems());
        builder.blockPreProcessorFactory(new SharedLists());
    }

    /** flexmark's definition lists, the parser's own but for where a definition's text starts ({@link TextAfterSpaces}). */
    static final class Flexmark extends ReplacedParser<DefinitionExtension> {

        Flexmark() {
            super(DefinitionExtension.create());
        }

        @Override
        public void extend(Parser.Builder builder) {
            builder.customBlockParserFactory(new TextAfterSpaces());
            builder.blockPreProcessorFactory(new DefinitionListItemBlockPreProcessor.Factory());
            builder.blockPreProcessorFactory(new DefinitionListBlockPreProcessor.Factory());
        }
    }

    /**
     * flexmark's parser of definition items, told that no number of spaces after the ':' makes the text code (its
     * {@code LISTS_NEW_ITEM_CODE_INDENT}, which its list items keep): kramdown's text starts after them all.
     */
    static final class TextAfterSpaces extends StandIn<CustomBlockParserFactory> implements CustomBlockParserFactory {

        TextAfterSpaces() {
            super(new DefinitionItemBlockParser.Factory());
        }

        @Override
        public SpecialLeadInHandler getLeadInHandler(DataHolder options) {
            return flexmark.getLeadInHandler(options);
        }

        /** The last options asked with and their copy with the indent set: a parser's pages share its options. */
        private volatile Map.Entry<DataHolder, DataHolder> told;

        @Override
        public BlockParserFactory apply(DataHolder options) {
            Map.Entry<DataHolder, DataHolder> last = told;
            if (last == null || last.getKey() != options) { // copying every option, once, not on each page with a ':'
                last = Map.entry(options, new MutableDataSet(options)
                        .set(Parser.LISTS_NEW_ITEM_CODE_INDENT, Integer.MAX_VALUE).toImmutable());
                told = last;
            }
            return flexmark.apply(last.getValue());
        }
    }

    /**
     * flexmark's pre-processor of definition items, made once and shared by every page and thread (it keeps
     * only the parser's options, read when it is made): flexmark makes one for every page, and reading its
     * options anew was most of what the extension cost a page without a definition list.
     */
    static final class SharedItems extends DefinitionListItemBlockPreProcessor.Factory {
        private static final Set<Class<? extends Block>> TYPES = Set.of(DefinitionItem.class);
        private final AtomicReference<BlockPreProcessor> shared = new AtomicReference<>();

        @Override
        public Set<Class<? extends Block>> getBlockTypes() {
            return TYPES;
        }

        @Override
        public BlockPreProcessor apply(ParserState state) {
            return StandIn.once(shared, () -> super.apply(state));
        }
    }

    /** flexmark's pre-processor of definition lists, after the items', made once as {@link SharedItems} is. */
    static final class SharedLists extends DefinitionListBlockPreProcessor.Factory {
        private static final Set<Class<? extends Block>> TYPES = Set.of(DefinitionList.class);
        private final AtomicReference<BlockPreProcessor> shared = new AtomicReference<>();

        @Override
        public Set<Class<? extends Block>> getBlockTypes() {
            return TYPES;
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return Set.of(SharedItems.class);
        }

        @Override
        public BlockPreProcessor apply(ParserState state) {
            return StandIn.once(shared, () -> super.apply(state));
        }
    }
}
