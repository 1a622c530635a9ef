package dev.kiln.markdown;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.typographic.TypographicExtension;
import com.vladsch.flexmark.ext.typographic.TypographicQuotes;
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
 * {@code << Previous} and {@code Next >>} of a series' links and a {@code ## >> Sources <<} heading. A run of three is
 * «{@code <} and »{@code >}, paired or not, as in both ({@code a <<< b >>> c} is {@code a «< b »> c}; until 2026-12-07
 * a paired opening run was flexmark's {@code <«}). Code, raw HTML and URLs are not text and keep theirs.
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

    /**
     * flexmark's angle quotes, a run of {@code <} or {@code >} paired with none written as its quotes too, and the odd
     * bracket of an opening run next to the text, after its last «: flexmark's pairs take the brackets nearest the
     * text, and left it before them ({@code <« b »>}). Hugo's typographer and kramdown read a run two by two, paired or
     * not, so both write {@code a <<< b >>> c} as {@code a «< b »> c}, and {@code <<<<< b >>>} as {@code ««< b »>}. A
     * closing run's odd bracket is last already.
     */
    private static final class Unpaired extends AngleQuoteDelimiterProcessor {
        Unpaired(TypographicOptions options) {
            super(options);
        }

        @Override
        public Node unmatchedDelimiterNode(InlineParser inlineParser, DelimiterRun delimiter) {
            Text brackets = delimiter.getNode();
            BasedSequence run = brackets.getChars();
            boolean open = run.charAt(0) == '<';
            TypographicQuotes paired = open && run.length() % 2 == 1 ? pairedAfter(brackets) : null;
            if (paired != null) {
                run = oddInto(innermost(paired), run);
                if (run.isEmpty()) { // given no node, flexmark keeps this one: unlinked, it is out of the page
                    brackets.unlink();
                    return null;
                }
            }
            if (run.length() < 2) {
                return null;
            }
            StringBuilder text = new StringBuilder();
            for (int i = 1; i < run.length(); i += 2) {
                text.append(open ? myOpener : myCloser);
            }
            if (run.length() % 2 == 1) {
                text.append(open ? "&lt;" : "&gt;");
            }
            return new TypographicSmarts(run, text.toString());
        }

        /** The « of a pair made of the brackets right after {@code brackets}, the rest of their run; else null. */
        private static TypographicQuotes pairedAfter(Text brackets) {
            return brackets.getNext() instanceof TypographicQuotes quotes && continues(brackets.getChars(), quotes)
                    ? quotes : null;
        }

        /** The innermost of the pairs a run's brackets made ({@code <<<<< b >>>>>} makes two): its « is the last. */
        private static TypographicQuotes innermost(TypographicQuotes outer) {
            TypographicQuotes quotes = outer;
            while (quotes.getFirstChild() instanceof TypographicQuotes inner
                    && continues(quotes.getOpeningMarker(), inner)) {
                quotes = inner;
            }
            return quotes;
        }

        /** Whether {@code quotes} opens with the angle brackets right after {@code before}: they are one run. */
        private static boolean continues(BasedSequence before, TypographicQuotes quotes) {
            BasedSequence opening = quotes.getOpeningMarker();
            return opening.getStartOffset() == before.getEndOffset() && opening.startsWith("<");
        }

        /** The run's last bracket written first in {@code quotes}, after its «; the run's others returned. */
        private static BasedSequence oddInto(TypographicQuotes quotes, BasedSequence run) {
            int odd = run.length() - 1;
            // Not a Text: flexmark joins a Text to the Text beside it by their offsets, and this one's come before.
            quotes.prependChild(new TypographicSmarts(run.subSequence(odd), "&lt;"));
            return run.subSequence(0, odd);
        }
    }
}
