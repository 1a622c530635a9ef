package dev.kiln.markdown;

import com.vladsch.flexmark.ext.typographic.TypographicExtension;
import com.vladsch.flexmark.ext.typographic.TypographicSmarts;
import com.vladsch.flexmark.ext.typographic.internal.AngleQuoteDelimiterProcessor;
import com.vladsch.flexmark.ext.typographic.internal.DoubleQuoteDelimiterProcessor;
import com.vladsch.flexmark.ext.typographic.internal.SingleQuoteDelimiterProcessor;
import com.vladsch.flexmark.ext.typographic.internal.SmartsInlineParser;
import com.vladsch.flexmark.ext.typographic.internal.TypographicOptions;
import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.delimiter.DelimiterRun;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

/**
 * flexmark's typographic quotes and smarts, with every {@code <<} a « and every {@code >>} a », as Hugo's typographer
 * and kramdown write them: flexmark makes {@code <<x>>} «x» and left those it pairs with none as written, the
 * {@code << Previous} and {@code Next >>} of a series' links and a {@code ## >> Sources <<} heading. A run of three
 * paired with none is «{@code <}, as in both; a paired run of three, {@code a <<< b >>> c}, is flexmark's,
 * {@code <« b »>}, where both write {@code «< b »>} (left). Code, raw HTML and URLs are not text and keep theirs.
 */
final class AngleQuotes extends ReplacedParser<TypographicExtension> {

    AngleQuotes() {
        super(TypographicExtension.create());
    }

    @Override
    public void extend(Parser.Builder builder) {
        // flexmark's TypographicExtension.extend, with the angle quotes' processor Kiln's.
        if (TypographicExtension.ENABLE_QUOTES.get(builder)) {
            TypographicOptions options = new TypographicOptions(builder);
            builder.customDelimiterProcessor(new Unpaired(options));
            builder.customDelimiterProcessor(new SingleQuoteDelimiterProcessor(options));
            builder.customDelimiterProcessor(new DoubleQuoteDelimiterProcessor(options));
        }
        if (TypographicExtension.ENABLE_SMARTS.get(builder)) {
            builder.customInlineParserExtensionFactory(new SmartsInlineParser.Factory());
        }
    }

    /** flexmark's angle quotes, a run of {@code <} or {@code >} paired with none written as its quotes too. */
    private static final class Unpaired extends AngleQuoteDelimiterProcessor {
        Unpaired(TypographicOptions options) {
            super(options);
        }

        @Override
        public Node unmatchedDelimiterNode(InlineParser inlineParser, DelimiterRun delimiter) {
            BasedSequence run = delimiter.getNode().getChars();
            if (run.length() < 2) {
                return null;
            }
            boolean open = run.charAt(0) == '<';
            StringBuilder text = new StringBuilder();
            for (int i = 1; i < run.length(); i += 2) {
                text.append(open ? myOpener : myCloser);
            }
            if (run.length() % 2 == 1) {
                text.append(open ? "&lt;" : "&gt;");
            }
            return new TypographicSmarts(run, text.toString());
        }
    }
}
