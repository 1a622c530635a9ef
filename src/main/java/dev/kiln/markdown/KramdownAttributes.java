package dev.kiln.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.attributes.AttributesNode;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.attributes.internal.AttributesNodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import org.jetbrains.annotations.NotNull;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * flexmark's attribute-list post-processor with kramdown's rule for a block attribute list on a line of its own
 * that flexmark reads as a lazy continuation of the paragraph above: kramdown ends the paragraph there and gives
 * the list to the block it follows at its own level. {@code - b} + {@code {: .c}} is {@code <ul class="c">}
 * (flexmark gave it to the {@code <li>}), {@code > q} + {@code {: .note}} is {@code <blockquote class="note">}
 * (flexmark: the {@code <p>} inside), as kramdown's own tests ({@code block/11_ial/simple}) have them. A list
 * written with the container's markers ({@code > {: .note}}, or indented as the item's text) is the paragraph's,
 * as before.
 */
final class KramdownAttributes extends AttributesNodePostProcessor {

    KramdownAttributes(Document document) {
        super(document);
    }

    @Override
    public Node getAttributeOwner(NodeTracker state, AttributesNode attributesNode) {
        if (attributesNode.getParent() instanceof Paragraph paragraph && leads(paragraph)) {
            return nextBlock(paragraph); // null when nothing follows: kramdown drops the list
        }
        Node owner = lazyOwner(attributesNode);
        if (owner == null) {
            owner = super.getAttributeOwner(state, attributesNode);
        }
        // flexmark gives a list ending a note's first paragraph to the note, whose <li> is written without it: in
        // kramdown it is the paragraph's (<p class="ppi">).
        // On a line not indented into the note ({:.x} right under [^1]: text) kramdown reads it outside the note and
        // drops it, as the note's <li> does.
        return owner instanceof FootnoteBlock && attributesNode.getParent() instanceof Paragraph paragraph
                && indented(attributesNode) ? paragraph : owner;
    }

    /** Whether the line {@code node} starts on is indented (starts with a space or a tab). */
    private static boolean indented(Node node) {
        BasedSequence base = node.getChars().getBaseSequence();
        int lineStart = base.lastIndexOf('\n', node.getStartOffset() - 1) + 1;
        char first = lineStart < base.length() ? base.charAt(lineStart) : '\n';
        return first == ' ' || first == '\t';
    }

    /**
     * Whether {@code paragraph} is made of block attribute lists only and stands after a blank line, or first in the
     * page or a quote: kramdown gives such lists to the block below ({@code {: .note}} then {@code > q} is
     * {@code <blockquote class="note">}), over blank lines, where a list right after a block is that block's.
     * {@link KramdownSyntax} has put a blank line after them, so that the block below is parsed as written.
     */
    private static boolean leads(Paragraph paragraph) {
        for (Node n = paragraph.getFirstChild(); n != null; n = n.getNext()) {
            if (!(n instanceof AttributesNode || n instanceof SoftLineBreak || n instanceof Text && n.getChars().isBlank())) {
                return false;
            }
        }
        Node previous = paragraph.getPrevious();
        if (previous == null) {
            // First in a list item, kramdown gives it to the item (flexmark's rule does too); in the page or a quote, down.
            return paragraph.getParent() instanceof Document || paragraph.getParent() instanceof BlockQuote;
        }
        BasedSequence chars = paragraph.getChars().getBaseSequence();
        int lineStart = chars.lastIndexOf('\n', paragraph.getStartOffset() - 1) + 1;
        if (lineStart == 0) {
            return false;
        }
        int previousLine = chars.lastIndexOf('\n', lineStart - 2) + 1;
        for (int i = previousLine; i < lineStart - 1; i++) {
            char c = chars.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '>') {
                return false;
            }
        }
        return previous.getEndOffset() <= previousLine; // the blank line is not in the block above (a fence's)
    }

    /** The block after {@code paragraph} that is not a paragraph of attribute lists, or null. */
    private static Node nextBlock(Paragraph paragraph) {
        for (Node n = paragraph.getNext(); n != null; n = n.getNext()) {
            if (!(n instanceof com.vladsch.flexmark.util.ast.BlankLine) && !(n instanceof Paragraph p && leads(p))) {
                return n;
            }
        }
        return null;
    }

    /**
     * The block that {@code ial} follows at its own level when it stands alone on a paragraph's last lines, without
     * the markers or indentation of a container the paragraph is in (a quote, a list item); else null.
     */
    static Node lazyOwner(AttributesNode ial) {
        if (!(ial.getParent() instanceof Paragraph paragraph)) {
            return null;
        }
        for (Node n = ial.getNext(); n != null; n = n.getNext()) {
            if (!(n instanceof AttributesNode || n instanceof SoftLineBreak || n instanceof Text && n.getChars().isBlank())) {
                return null; // text after it: not a line of attribute lists
            }
        }
        BasedSequence chars = ial.getChars().getBaseSequence();
        int at = ial.getStartOffset();
        int lineStart = chars.lastIndexOf('\n', at - 1) + 1;
        if (lineStart <= paragraph.getStartOffset()) {
            return null; // on the paragraph's first line: flexmark's rules (a list alone after a block is that block's)
        }
        Deque<Node> containers = new ArrayDeque<>();
        for (Node n = paragraph.getParent(); n != null && !(n instanceof Document); n = n.getParent()) {
            containers.push(n);
        }
        Line line = new Line(chars, lineStart, at);
        for (Node container : containers) {
            if (container instanceof BlockQuote) {
                line.skipSpaces(line.column + 3);
                if (!line.take('>')) {
                    return line.atEnd() ? container : null;
                }
                line.take(' ');
            } else if (container instanceof ListItem item) {
                line.skipSpaces(contentColumn(item, chars));
                if (line.column < contentColumn(item, chars)) {
                    return line.atEnd() ? item.getParent() : null;
                }
            } else if (!(container instanceof ListBlock)) {
                return null; // a footnote, a table... : flexmark's rules
            }
        }
        return null; // written inside every container: the paragraph's, by flexmark's rules
    }

    /** The column where the text of {@code item} starts, as CommonMark counts it: after the marker and 1-4 spaces. */
    private static int contentColumn(ListItem item, BasedSequence chars) {
        BasedSequence marker = item.getOpeningMarker();
        int lineStart = chars.lastIndexOf('\n', marker.getStartOffset() - 1) + 1;
        Line line = new Line(chars, lineStart, chars.length());
        line.advanceTo(marker.getEndOffset());
        int afterMarker = line.column;
        line.skipSpaces(Integer.MAX_VALUE);
        int spaces = line.column - afterMarker;
        boolean blank = line.atEnd() || chars.charAt(line.offset) == '\n';
        return blank || spaces > 4 || spaces == 0 ? afterMarker + 1 : line.column;
    }

    /** A position in a line of the page, and its column (tabs to the next multiple of 4). */
    private static final class Line {
        private final BasedSequence chars;
        private final int end;
        int offset;
        int column;

        Line(BasedSequence chars, int start, int end) {
            this.chars = chars;
            this.offset = start;
            this.end = end;
        }

        boolean atEnd() {
            return offset >= end;
        }

        void advanceTo(int to) {
            while (offset < to) {
                step();
            }
        }

        /** Skips spaces and tabs up to {@code column}, or to the first other character. */
        void skipSpaces(int upTo) {
            while (!atEnd() && column < upTo && (chars.charAt(offset) == ' ' || chars.charAt(offset) == '\t')) {
                step();
            }
        }

        boolean take(char c) {
            if (!atEnd() && chars.charAt(offset) == c) {
                step();
                return true;
            }
            return false;
        }

        private void step() {
            column = chars.charAt(offset) == '\t' ? (column / 4 + 1) * 4 : column + 1;
            offset++;
        }
    }

    /** The post-processor as flexmark registers its own: for attribute lists and fenced code. */
    static final class Factory extends NodePostProcessorFactory {
        Factory() {
            super(false);
            addNodes(AttributesNode.class, FencedCodeBlock.class);
        }

        @Override
        public @NotNull NodePostProcessor apply(@NotNull Document document) {
            return new KramdownAttributes(document);
        }
    }
}
