package dev.kiln.markdown;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.InlineParserFactory;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * flexmark's inline parser, with its two pattern matches done without {@code Matcher.toMatchResult()}:
 * on Java 17 that copies the whole text the matcher reads (the paragraph, a character at a time through
 * flexmark's sequences) at every code span and every link's closing bracket, so a paragraph's cost grew
 * with its length times its code spans and links. On the benchmark's 1,000 posts with C1 (as {@code kiln
 * build} runs) rendering went from 2.69 to 2.47 s. The matches found are the same: only where they are
 * read from changes ({@code QuickInlineParserTest} compares the HTML with flexmark's own parser's).
 */
final class QuickInlineParser extends InlineParserImpl {

    QuickInlineParser(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
                      Map<Character, DelimiterProcessor> delimiterProcessors, LinkRefProcessorData linkRefProcessors,
                      List<InlineParserExtensionFactory> inlineParserExtensions) {
        super(options, specialCharacters, delimiterCharacters, delimiterProcessors, linkRefProcessors,
                inlineParserExtensions);
    }

    @Override
    public BasedSequence match(Pattern re) {
        Matcher matcher = find(re);
        return matcher == null ? null : input.subSequence(matcher.start(), matcher.end());
    }

    @Override
    public BasedSequence[] matchWithGroups(Pattern re) {
        Matcher matcher = find(re);
        if (matcher == null) {
            return null;
        }
        BasedSequence[] groups = new BasedSequence[matcher.groupCount() + 1];
        groups[0] = input.subSequence(matcher.start(), matcher.end());
        for (int i = 1; i < groups.length; i++) {
            groups[i] = matcher.start(i) < 0 ? null : input.subSequence(matcher.start(i), matcher.end(i));
        }
        return groups;
    }

    /** The matcher of {@code re} at the parser's position, moved past the match; null when none is found. */
    private Matcher find(Pattern re) {
        if (index >= input.length()) {
            return null;
        }
        Matcher matcher = re.matcher(input);
        matcher.region(index, input.length());
        if (!matcher.find()) {
            return null;
        }
        index = matcher.end();
        return matcher;
    }

    /** Plugs the parser into flexmark; it must come last in the list of extensions. */
    static final class Extension implements Parser.ParserExtension {
        @Override
        public void parserOptions(MutableDataHolder options) {}

        @Override
        public void extend(Parser.Builder builder) {
            // flexmark adds its reference definitions ([r]: /url) only for its own inline parser: added here,
            // last, where it would be.
            if (Parser.REFERENCE_PARAGRAPH_PRE_PROCESSOR.get(builder)) {
                builder.paragraphPreProcessorFactory(new ReferencePreProcessorFactory());
            }
            builder.customInlineParserFactory(new InlineParserFactory() {
                @Override
                public InlineParser inlineParser(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
                                                 Map<Character, DelimiterProcessor> delimiterProcessors,
                                                 LinkRefProcessorData linkRefProcessors,
                                                 List<InlineParserExtensionFactory> inlineParserExtensions) {
                    return new QuickInlineParser(options, specialCharacters, delimiterCharacters, delimiterProcessors,
                            linkRefProcessors, inlineParserExtensions);
                }
            });
        }
    }
}
