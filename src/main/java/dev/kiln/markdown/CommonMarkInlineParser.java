package dev.kiln.markdown;

import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.core.delimiter.Bracket;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.ArrayList;
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

    /**
     * Set on a document where a link's destination outside pointy brackets is followed by a space and more than a
     * title ({@code [a](/My Photo.png)}): only such a document is looked through for {@link SpacedDestinations},
     * which costs a scan of the page's text (~15 ms of CPU a build of 2,000 posts) where this costs a look at the
     * character after each destination.
     */
    static final DataKey<Boolean> SPACED_DESTINATION = new DataKey<>("KILN_SPACED_DESTINATION", false);

    /** The document being parsed. */
    private Document document;

    @Override
    public void initializeDocument(Document document) {
        super.initializeDocument(document);
        this.document = document;
    }

    /**
     * flexmark's, with a link by reference around an image by reference read as CommonMark reads it (and kramdown):
     * {@code [![Build][badge]][ci]}, the badge of every README, is a link to {@code ci} around the image. flexmark
     * refuses a reference link whose text holds any defined reference, images too (a link holds no link, but an image
     * it may), and wrote {@code [<img>]<a>ci</a>}: the images are kept out of its sight while it decides.
     */
    @Override
    protected boolean parseCloseBracket() {
        Bracket opener = getLastBracket();
        if (opener == null || opener.isImage() || index + 1 >= input.length() || input.charAt(index + 1) != '[') {
            return super.parseCloseBracket();
        }
        List<Node> hidden = new ArrayList<>(1);
        for (Node n = opener.getNode().getNext(); n != null; ) {
            Node next = n.getNext();
            if (n instanceof ImageRef image && image.isDefined()) {
                Node standIn = new HiddenImage();
                image.insertBefore(standIn);
                standIn.appendChild(image);
                hidden.add(standIn);
            }
            n = next;
        }
        try {
            return super.parseCloseBracket();
        } finally {
            for (Node standIn : hidden) {
                standIn.insertBefore(standIn.getFirstChild());
                standIn.unlink();
            }
        }
    }

    /** Holds an image by reference while {@link #parseCloseBracket} decides on the link around it. */
    private static final class HiddenImage extends Node {
        @Override
        public BasedSequence[] getSegments() {
            return EMPTY_SEGMENTS;
        }
    }

    @Override
    public BasedSequence parseLinkDestination() {
        if (index < input.length() && input.charAt(index) == '<') {
            BasedSequence angles = match(ANGLES);
            if (angles != null) {
                return angles;
            }
        }
        BasedSequence destination = super.parseLinkDestination();
        if (destination != null && index < input.length() && (input.charAt(index) == ' ' || input.charAt(index) == '\t')
                && document != null && !SPACED_DESTINATION.get(document)) {
            int i = index;
            while (i < input.length() && (input.charAt(i) == ' ' || input.charAt(i) == '\t')) {
                i++;
            }
            char after = i < input.length() ? input.charAt(i) : '\n';
            if (after != '"' && after != '\'' && after != ')' && after != '\n' && after != '\r') {
                document.set(SPACED_DESTINATION, true);
            }
        }
        return destination;
    }
}
