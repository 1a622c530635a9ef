package dev.kiln.markdown;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.DelimitedLinkNode;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.attributes.AttributeNode;
import com.vladsch.flexmark.ext.attributes.AttributesNode;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.typographic.TypographicSmarts;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The headings of a Markdown text as written: where each stands, its text and the id Kiln gives it. */
final class SourceHeadings {

    private static final Pattern ANCHOR_NAME =
            Pattern.compile("(?is)^<a\\s(?:[^>]*\\s)?name\\s*=\\s*(?:[\"']([^\"']*)[\"']|([^\\s>\"']+))");

    private SourceHeadings() {}

    static List<MarkdownRenderer.SourceHeading> of(Document document, String markdown) {
        new HeaderIdGenerator(document).generateIds(document);
        List<MarkdownRenderer.SourceHeading> headings = new ArrayList<>();
        for (Node node : document.getDescendants()) {
            if (node instanceof Heading heading) {
                BasedSequence content = heading.getText();
                int end = content.isNull() ? heading.getOpeningMarker().getEndOffset() : content.getEndOffset();
                StringBuilder text = new StringBuilder();
                text(heading, content.getStartOffset(), true, text);
                StringBuilder plain = new StringBuilder();
                text(heading, content.getStartOffset(), false, plain);
                String anchor = oldAnchor(heading);
                String id = anchor != null ? anchor : idOf(heading, heading.getAnchorRefId());
                boolean closed = heading.isAtxHeading() && heading.getClosingMarker().isNotNull();
                headings.add(new MarkdownRenderer.SourceHeading(heading.getLevel(), content.toString(), text.toString(),
                        plain.toString(), id, anchor != null, closed,
                        nextLineIsAttributeList(markdown, heading.getEndOffset())
                                || idListBefore(markdown, heading.getStartOffset()), end));
            }
        }
        return headings;
    }

    /**
     * Appends the text of {@code node}'s children to {@code out}: characters with their escapes decoded, attribute
     * lists as written, the text of links, and if {@code all} entities decoded and code as written; markup,
     * images, HTML tags and footnote marks add nothing. {@code start}: where the heading's content starts.
     */
    private static void text(Node node, int start, boolean all, StringBuilder out) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof AttributesNode) {
                // With the blanks around it, which are in no node.
                BasedSequence chars = child.getChars();
                int from = child.getPrevious() != null ? child.getPrevious().getEndOffset() : Math.max(start, 0);
                int to = child.getNext() != null && !(child.getNext() instanceof AttributesNode)
                        ? child.getNext().getStartOffset() : chars.getEndOffset(); // the next one takes what is between
                out.append(chars.getBaseSequence().subSequence(Math.min(from, chars.getStartOffset()),
                        Math.max(to, chars.getEndOffset())));
            } else if (child instanceof Text) {
                out.append(child.getChars().unescape());
            } else if (!all && (child instanceof HtmlEntity || child instanceof Code)) {
                continue;
            } else if (child instanceof HtmlEntity) {
                out.append(child.getChars().unescape());
            } else if (child instanceof Code code) {
                String value = code.getText().toString();
                // A code span of two or more backticks drops one space on each side, as kramdown's does.
                if (code.getOpeningMarker().length() > 1) {
                    value = value.startsWith(" ") ? value.substring(1) : value;
                    value = value.endsWith(" ") ? value.substring(0, value.length() - 1) : value;
                }
                out.append(value);
            } else if (child instanceof DelimitedLinkNode link) { // <https://...>, <me@example.com>
                out.append(link.getText());
            } else if (child instanceof LinkRef ref && !ref.isDefined()) {
                out.append(child.getChars()); // not a link: its text as written
            } else if (child instanceof Image || child instanceof ImageRef || child instanceof HtmlInlineBase
                    || child instanceof Footnote || child instanceof TypographicSmarts) {
                continue;
            } else if (child.hasChildren()) {
                text(child, start, all, out);
            } else {
                out.append(child.getChars().unescape());
            }
        }
    }

    /** The name of an old {@code <a name>} anchor in {@code heading}, which the HTML stage makes its id; or null. */
    private static String oldAnchor(Heading heading) {
        for (Node node : heading.getDescendants()) {
            if (node instanceof HtmlInlineBase html) {
                Matcher m = ANCHOR_NAME.matcher(html.getChars());
                if (m.find()) {
                    return m.group(1) != null ? m.group(1) : m.group(2);
                }
            }
        }
        return null;
    }

    /** The id an attribute list of {@code heading} gives it (the last one's), else {@code generated}. */
    private static String idOf(Heading heading, String generated) {
        String id = generated;
        for (Node node : heading.getDescendants()) {
            if (node instanceof AttributeNode attribute && attribute.isId()) {
                id = attribute.getValue().toString();
            }
        }
        return id;
    }

    /** A kramdown attribute list with an id, alone on its line ({@code {: #tags .x}}), after a quote's markers. */
    private static final Pattern ID_LIST_LINE = Pattern.compile("^[ \\t>]*\\{:[^}]*#[A-Za-z][^}]*}[ \\t\\r]*$");

    /**
     * Whether the line before the one at {@code offset} is a kramdown attribute list with an id that follows a blank line
     * or starts the text: kramdown gives it to the block below, the heading at {@code offset}.
     */
    private static boolean idListBefore(String markdown, int offset) {
        int lineStart = markdown.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
        if (lineStart == 0) {
            return false;
        }
        int listStart = markdown.lastIndexOf('\n', lineStart - 2) + 1;
        if (!ID_LIST_LINE.matcher(markdown.substring(listStart, lineStart - 1)).matches()) {
            return false;
        }
        int before = listStart == 0 ? -1 : markdown.lastIndexOf('\n', listStart - 2) + 1;
        return before < 0 || markdown.substring(before, listStart - 1).replaceAll("[ \\t>\\r]", "").isEmpty();
    }

    /** Whether the line after {@code offset} is a kramdown attribute list ({@code {: #id}}). */
    private static boolean nextLineIsAttributeList(String markdown, int offset) {
        int line = markdown.indexOf('\n', Math.max(0, offset - 1));
        return line >= 0 && markdown.startsWith("{:", line + 1);
    }
}
