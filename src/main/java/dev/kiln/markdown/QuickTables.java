package dev.kiln.markdown;

import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.tables.internal.TableParagraphPreProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessor;
import com.vladsch.flexmark.parser.block.ParagraphPreProcessorFactory;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.CharSubSequence;

import java.util.concurrent.atomic.AtomicReference;

/**
 * flexmark's GitHub tables, with its table parser asked only about paragraphs whose first line holds a
 * pipe (it gives up on the others at that line too), and made once. flexmark makes the parser, and compiles
 * its patterns, for every page, and looks for the pipe through its sequences' calls.
 */
final class QuickTables extends ReplacedParser<TablesExtension> {

    QuickTables() {
        super(TablesExtension.create());
    }

    @Override
    public void extend(Parser.Builder builder) {
        builder.paragraphPreProcessorFactory(new Factory(TableParagraphPreProcessor.Factory()));
    }

    /**
     * flexmark's factory, its order among the pre-processors kept. Its processor is made at the first pipe
     * of a build and then serves every page on every thread: it keeps nothing of a page (each call is given
     * the page's parser state), only the parser's options and its compiled pattern.
     */
    private static final class Factory extends StandIn<ParagraphPreProcessorFactory> implements ParagraphPreProcessorFactory {
        private final AtomicReference<ParagraphPreProcessor> shared = new AtomicReference<>();

        Factory(ParagraphPreProcessorFactory tables) {
            super(tables);
        }

        @Override
        public ParagraphPreProcessor apply(ParserState state) {
            return (block, blockState) -> {
                if (block.getLineCount() == 0 || !hasPipe(block.getLineChars(0))) {
                    return 0;
                }
                return once(shared, () -> flexmark.apply(state)).preProcessBlock(block, blockState);
            };
        }
    }

    private static boolean hasPipe(BasedSequence line) {
        if (line instanceof CharSubSequence sub) {
            char[] base = sub.getBase();
            for (int i = sub.getStartOffset(), end = sub.getEndOffset(); i < end; i++) { // this line only
                if (base[i] == '|') {
                    return true;
                }
            }
            return false;
        }
        return line.indexOf('|') >= 0;
    }
}
