package dev.kiln.markdown;

import com.vladsch.flexmark.ext.definition.DefinitionExtension;
import com.vladsch.flexmark.ext.definition.internal.DefinitionItemBlockParser;
import com.vladsch.flexmark.ext.definition.internal.DefinitionListBlockPreProcessor;
import com.vladsch.flexmark.ext.definition.internal.DefinitionListItemBlockPreProcessor;
import com.vladsch.flexmark.parser.Parser;

/**
 * kramdown's definition lists ({@code Term} and then {@code : Definition} lines), by flexmark's extension, its block
 * parser asked only about a line that starts with one of its markers, ':' or '~': flexmark asks it about every line.
 */
final class Definitions extends ReplacedParser<DefinitionExtension> {

    Definitions() {
        super(DefinitionExtension.create());
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.customBlockParserFactory(new QuickBlockStarts.Gated(new DefinitionItemBlockParser.Factory(), ":~") {});
        builder.blockPreProcessorFactory(new DefinitionListItemBlockPreProcessor.Factory());
        builder.blockPreProcessorFactory(new DefinitionListBlockPreProcessor.Factory());
    }
}
