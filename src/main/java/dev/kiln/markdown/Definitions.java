package dev.kiln.markdown;

import com.vladsch.flexmark.ext.definition.DefinitionExtension;
import com.vladsch.flexmark.ext.definition.internal.DefinitionItemBlockParser;
import com.vladsch.flexmark.ext.definition.internal.DefinitionListBlockPreProcessor;
import com.vladsch.flexmark.ext.definition.internal.DefinitionListItemBlockPreProcessor;
import com.vladsch.flexmark.ext.definition.DefinitionItem;
import com.vladsch.flexmark.ext.definition.DefinitionList;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockPreProcessor;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.Block;

import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * kramdown's definition lists ({@code Term} and then {@code : Definition} lines), by flexmark's extension, its block
 * parser asked only about a line that starts with its marker ':' (kramdown's; '~' is turned off): flexmark asks it about every line.
 */
final class Definitions extends ReplacedParser<DefinitionExtension> {

    Definitions() {
        super(DefinitionExtension.create());
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customBlockParserFactory(new QuickBlockStarts.Gated(new DefinitionItemBlockParser.Factory(), ":") {});
        builder.blockPreProcessorFactory(new SharedItems());
        builder.blockPreProcessorFactory(new SharedLists());
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
