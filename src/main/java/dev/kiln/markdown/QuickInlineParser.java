package dev.kiln.markdown;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.typographic.internal.SmartsInlineParser;
import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.InlineParserFactory;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory;
import com.vladsch.flexmark.parser.core.delimiter.Delimiter;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.ast.Document;
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
 * Since: a '.' or '-' that the typographic smarts leave alone is read as text, delimiter runs are classed
 * without regex matchers, and backticks and the spaces of a link are found without patterns (README,
 * Performance).
 */
final class QuickInlineParser extends CommonMarkInlineParser {

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
     * those is read as text with the text around it. The page's parsers (made with the page) are asked once a
     * page; a paragraph parsed with custom characters (a table's cells) is asked again.
     */
    private boolean pageSmartDots;
    private boolean pageSmartDashes;
    private boolean smartDots;
    private boolean smartDashes;

    @Override
    public void initializeDocument(Document document) {
        super.initializeDocument(document);
        pageSmartDots = onlySmarts('.');
        pageSmartDashes = onlySmarts('-');
    }

    @Override
    public void parse(BasedSequence content, Node block) {
        // The set changes between paragraphs only: a table's cells are parsed with '|' added to it.
        special = specialCharacters.toLongArray();
        smartDots = pageSmartDots && !isCustom('.');
        smartDashes = pageSmartDashes && !isCustom('-');
        super.parse(content, block);
    }

    /** Whether {@code c} is special only to the typographic smarts' parser (not a delimiter). */
    private boolean onlySmarts(char c) {
        if (inlineParserExtensions == null || delimiterCharacters.get(c)) {
            return false;
        }
        List<InlineParserExtension> extensions = inlineParserExtensions.get(c);
        return extensions != null && extensions.size() == 1 && extensions.get(0) instanceof SmartsInlineParser;
    }

    /** Whether {@code c} is one of the custom characters of the paragraph being parsed. */
    private boolean isCustom(char c) {
        return customCharacters != null && customCharacters.get(c);
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
        // A code span's backticks, opening and closing, found by a look at the characters rather than by
        // a regex matcher made for each (the two patterns' matches: the run at the position, the next run).
        if (re == myParsing.TICKS_HERE || re == myParsing.TICKS) {
            int length = input.length();
            int start = index;
            if (re == myParsing.TICKS) {
                while (start < length && input.charAt(start) != '`') {
                    start++;
                }
            }
            if (start >= length || input.charAt(start) != '`') {
                return null;
            }
            int end = start + 1;
            while (end < length && input.charAt(end) == '`') {
                end++;
            }
            index = end;
            return input.subSequence(start, end);
        }
        Matcher matcher = find(re);
        return matcher == null ? null : input.subSequence(matcher.start(), matcher.end());
    }

    /**
     * flexmark's {@code spnl()} (spaces and tabs, at most one line break, spaces and tabs: before and in a
     * link's destination and title), skipped by a look at the characters rather than by its pattern.
     */
    @Override
    public boolean spnl() {
        int length = input.length();
        int i = skipSpacesAndTabs(index, length);
        if (i < length && (input.charAt(i) == '\r' || input.charAt(i) == '\n')) {
            i += input.charAt(i) == '\r' && i + 1 < length && input.charAt(i + 1) == '\n' ? 2 : 1;
            i = skipSpacesAndTabs(i, length);
        }
        index = i;
        return true;
    }

    private int skipSpacesAndTabs(int i, int length) {
        while (i < length && (input.charAt(i) == ' ' || input.charAt(i) == '\t')) {
            i++;
        }
        return i;
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

    /**
     * flexmark's {@code parseDelimiters} (a run of {@code *}, {@code _}, quotes and the like), with the
     * characters on either side of the run classed as white space or punctuation by their Unicode category,
     * as flexmark's patterns class them, rather than by four regex matchers made for each run. flexmark's
     * directional punctuation option is left to flexmark.
     */
    @Override
    protected boolean parseDelimiters(DelimiterProcessor processor, char delimiterChar) {
        if (options.inlineDelimiterDirectionalPunctuations) {
            return super.parseDelimiters(processor, delimiterChar);
        }
        int start = index;
        int length = input.length();
        int end = start;
        while (end < length && input.charAt(end) == delimiterChar) {
            end++;
        }
        int count = end - start;
        if (count < processor.getMinLength()) {
            return false;
        }
        char charBefore = start == 0 ? '\n' : input.charAt(start - 1);
        char charAfter = end < length ? input.charAt(end) : '\n';
        if (charAfter == '\0') { // flexmark's peek() past the end, and so its test, give NUL
            charAfter = '\n';
        }
        String before = String.valueOf(charBefore);
        String after = String.valueOf(charAfter);
        boolean beforeIsWhitespace = isWhitespace(charBefore);
        boolean afterIsWhitespace = isWhitespace(charAfter);
        boolean beforeIsPunctuation = isPunctuation(charBefore);
        boolean afterIsPunctuation = isPunctuation(charAfter);
        boolean leftFlanking = !afterIsWhitespace && !(afterIsPunctuation && !beforeIsWhitespace && !beforeIsPunctuation);
        boolean rightFlanking = !beforeIsWhitespace && !(beforeIsPunctuation && !afterIsWhitespace && !afterIsPunctuation);
        boolean canOpen = delimiterChar == processor.getOpeningCharacter() && processor.canBeOpener(before, after,
                leftFlanking, rightFlanking, beforeIsPunctuation, afterIsPunctuation, beforeIsWhitespace, afterIsWhitespace);
        boolean canClose = delimiterChar == processor.getClosingCharacter() && processor.canBeCloser(before, after,
                leftFlanking, rightFlanking, beforeIsPunctuation, afterIsPunctuation, beforeIsWhitespace, afterIsWhitespace);
        if (!canOpen && !canClose && processor.skipNonOpenerCloser()) {
            return false;
        }
        index = end;
        Text node = appendSeparateText(input.subSequence(start, end));
        lastDelimiter = new Delimiter(input, node, delimiterChar, canOpen, canClose, lastDelimiter, start);
        lastDelimiter.setNumDelims(count);
        if (lastDelimiter.getPrevious() != null) {
            lastDelimiter.getPrevious().setNext(lastDelimiter);
        }
        return true;
    }

    /** flexmark's {@code UNICODE_WHITESPACE_CHAR}: a space separator, a tab, CR, LF or form feed. */
    static boolean isWhitespace(char c) {
        return c == '\t' || c == '\r' || c == '\n' || c == '\f' || Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    /** flexmark's {@code PUNCTUATION}: ASCII punctuation, or a character of one of Unicode's punctuation categories. */
    static boolean isPunctuation(char c) {
        if (c < 0x80) {
            return ASCII_PUNCTUATION.indexOf(c) >= 0;
        }
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.END_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.START_PUNCTUATION -> true;
            default -> false;
        };
    }

    private static final String ASCII_PUNCTUATION = "'!\"#$%&*+,-./:;=?@\\^_`|~(<[{)>]}";

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

    /**
     * Plugs the parser into flexmark; it must come last in the list of extensions. Without {@code quick},
     * {@link CommonMarkInlineParser}: flexmark's own parser, reading destinations as Kiln's does.
     */
    static final class Extension implements Parser.ParserExtension {
        private final boolean quick;

        Extension(boolean quick) {
            this.quick = quick;
        }

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
                    return quick
                            ? new QuickInlineParser(options, specialCharacters, delimiterCharacters, delimiterProcessors,
                                    linkRefProcessors, inlineParserExtensions)
                            : new CommonMarkInlineParser(options, specialCharacters, delimiterCharacters,
                                    delimiterProcessors, linkRefProcessors, inlineParserExtensions);
                }
            });
        }
    }
}
