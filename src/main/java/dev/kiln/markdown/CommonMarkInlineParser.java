package dev.kiln.markdown;

import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * flexmark's inline parser, with a link destination in pointy brackets read as CommonMark (since 0.29) reads it:
 * it may hold spaces and tabs ({@code ![photo](</img/My Photo.png>)}, {@code [r]: <../x y/>}). flexmark 0.64 reads
 * the rule of CommonMark 0.28, which had none, and printed such a link as its Markdown; its option for spaces
 * ({@code SPACE_IN_LINK_URLS}) would also make {@code [a](/b c.png)} a link, which CommonMark shows as text.
 * Both of Kiln's parsers extend this one, so that they read destinations alike ({@link QuickInlineParserTest}).
 */
class CommonMarkInlineParser extends InlineParserImpl {

    /**
     * flexmark's own {@code LINK_DESTINATION_ANGLES} without space and tab among the characters it refuses: a
     * line break, an unescaped {@code <} or {@code >} and NUL end it still. Tried only where a destination
     * starts with {@code <}.
     */
    private static final Pattern ANGLES = Pattern.compile(
            "^(?:[<](?:[^<>\\n\\\\\\x00]|\\\\[!\"#$%&'()*+,./:;<=>?@\\[\\]\\\\^_`{|}~-]|\\\\)*[>])");

    CommonMarkInlineParser(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
                           Map<Character, DelimiterProcessor> delimiterProcessors, LinkRefProcessorData linkRefProcessors,
                           List<InlineParserExtensionFactory> inlineParserExtensions) {
        super(options, specialCharacters, delimiterCharacters, delimiterProcessors, linkRefProcessors,
                inlineParserExtensions);
    }

    @Override
    public BasedSequence parseLinkDestination() {
        if (index < input.length() && input.charAt(index) == '<') {
            BasedSequence angles = match(ANGLES);
            if (angles != null) {
                return angles;
            }
        }
        return super.parseLinkDestination();
    }
}
