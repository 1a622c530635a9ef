package dev.kiln.markdown;

import com.vladsch.flexmark.ext.typographic.internal.SmartsInlineParser;
import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
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
    /**
     * Whether '.' and '-' are special only to the typographic smarts, which make {@code ...} and
     * {@code . . .} an ellipsis and {@code --} and {@code ---} dashes: then a '.' or '-' that starts none of
     * those is read as text with the text around it.
     */
    private boolean smartDots;
    private boolean smartDashes;

    @Override
    public void parse(BasedSequence content, Node block) {
        // The set changes between paragraphs only: a table's cells are parsed with '|' added to it.
        special = specialCharacters.toLongArray();
        smartDots = onlySmarts('.');
        smartDashes = onlySmarts('-');
        super.parse(content, block);
    }

    /** Whether {@code c} is special only to the typographic smarts' parser. */
    private boolean onlySmarts(char c) {
        if (inlineParserExtensions == null || delimiterCharacters.get(c)
                || customCharacters != null && customCharacters.get(c)) {
            return false;
        }
        List<InlineParserExtension> extensions = inlineParserExtensions.get(c);
        return extensions != null && extensions.size() == 1 && extensions.get(0) instanceof SmartsInlineParser;
    }

    /**
     * flexmark's {@code parseString}: the text up to the next special character, read in bulk where it can
     * be. A '.' or '-' that the typographic smarts would leave as it is does not end the text: flexmark's
     * would end there, ask the smarts' parser, add the character as text of its own and go on, each a few
     * calls, at the end of every sentence (1,000 posts: ~290,000 times).
     */
    @Override
    protected boolean parseString() {
        int begin = index;
        int length = input.length();
        long[] words = special;
        if (input instanceof CharSubSequence sub) {
            char[] base = sub.getBase();
            int offset = sub.getStartOffset();
            char c;
            while (index != length && (!isSpecial(words, c = base[offset + index]) || isPlain(c, index))) {
                index++;
            }
        } else {
            char c;
            while (index != length && (!isSpecial(words, c = input.charAt(index)) || isPlain(c, index))) {
                index++;
            }
        }
        if (begin != index) {
            appendText(input, begin, index);
            return true;
        }
        return false;
    }

    /**
     * Whether the special character {@code c} at {@code at} of the input is a '.' or '-' that the
     * typographic smarts take as text: the start of none of {@code ...}, {@code . . .} and {@code --} (so
     * nor of {@code ---}).
     */
    private boolean isPlain(char c, int at) {
        if (c == '.') {
            return smartDots && !input.matchChars("...", at) && !input.matchChars(". . .", at);
        }
        return c == '-' && smartDashes && !input.matchChars("--", at);
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
