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
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.CharSubSequence;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * flexmark's inline parser, with its scan for the next special character read straight from the page's
 * string (flexmark's asks a {@code BitSet} through a call a character, after a call to the sequence: 0.7 s of
 * CPU at 10,000 posts), and its two pattern matches done without {@code Matcher.toMatchResult()}:
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

    /** The special characters of the paragraph being parsed, as {@link BitSet#toLongArray()} gives them. */
    private long[] special = new long[0];

    @Override
    public void parse(BasedSequence content, Node block) {
        // The set changes between paragraphs only: a table's cells are parsed with '|' added to it.
        special = specialCharacters.toLongArray();
        super.parse(content, block);
    }

    /** flexmark's {@code parseString}: the text up to the next special character, read in bulk where it can be. */
    @Override
    protected boolean parseString() {
        int begin = index;
        int length = input.length();
        long[] words = special;
        if (input instanceof CharSubSequence sub) {
            char[] base = sub.getBase();
            int offset = sub.getStartOffset();
            while (index != length && !isSpecial(words, base[offset + index])) {
                index++;
            }
        } else {
            while (index != length && !isSpecial(words, input.charAt(index))) {
                index++;
            }
        }
        if (begin != index) {
            appendText(input, begin, index);
            return true;
        }
        return false;
    }

    private static boolean isSpecial(long[] words, char c) {
        int word = c >>> 6;
        return word < words.length && (words[word] & (1L << c)) != 0;
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
