package dev.kiln.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.BulletListItem;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.OrderedListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ast.util.TextCollectingVisitor;
import com.vladsch.flexmark.ext.attributes.AttributesExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.Strikethrough;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.ext.typographic.TypographicQuotes;
import com.vladsch.flexmark.ext.typographic.TypographicSmarts;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.parser.ListOptions;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NonRenderingInline;
import com.vladsch.flexmark.ast.ParagraphItemContainer;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.SubSequence;
import dev.kiln.highlight.Highlighter;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Writes the HTML of a parsed document straight into a {@code StringBuilder}, for the nodes that blog
 * posts are made of, giving the same characters as flexmark's {@code HtmlRenderer} with Kiln's options.
 *
 * <p>Why: flexmark's renderer passes every character through a line-formatting writer, one call and a
 * dozen branches a character, which was a third of the Markdown stage. Kiln's options make that writer
 * do little (no indentation, no wrapping): it drops spaces at the start of a line and empty lines
 * outside pre-formatted text, and that is what {@link Out} repeats.
 *
 * <p>A document holding any other node (footnotes, task items, attribute lists, image references,
 * table captions, raw HTML blocks with blank lines, and so on) gets {@code null}: the caller renders it
 * with flexmark. {@code DirectHtmlTest} compares the two on the blog, on a generated corpus and on
 * random Markdown.
 */
final class DirectHtml {

    private enum Kind {
        DOCUMENT, PARAGRAPH, HEADING, TEXT, CHILDREN, EMPHASIS, STRONG, CODE, LINK, LINK_REF, IMAGE, AUTO_LINK,
        MAIL_LINK, SOFT_BREAK, HARD_BREAK, BULLET_LIST, ORDERED_LIST, LIST_ITEM, BLOCK_QUOTE, FENCED_CODE,
        INDENTED_CODE, THEMATIC_BREAK, HTML_BLOCK, HTML_COMMENT_BLOCK, HTML_INLINE, HTML_ENTITY, QUOTES,
        SMARTS, STRIKETHROUGH, TABLE, TABLE_HEAD, TABLE_BODY, TABLE_ROW, TABLE_CELL, NOTHING
    }

    /** Exact classes only: a subclass (a task item is a bullet item) renders differently. */
    private static final Map<Class<?>, Kind> KINDS = kinds();

    private static Map<Class<?>, Kind> kinds() {
        Map<Class<?>, Kind> kinds = new IdentityHashMap<>();
        kinds.put(Document.class, Kind.DOCUMENT);
        kinds.put(Paragraph.class, Kind.PARAGRAPH);
        kinds.put(Heading.class, Kind.HEADING);
        kinds.put(Text.class, Kind.TEXT);
        kinds.put(TextBase.class, Kind.CHILDREN);
        kinds.put(Emphasis.class, Kind.EMPHASIS);
        kinds.put(StrongEmphasis.class, Kind.STRONG);
        kinds.put(Code.class, Kind.CODE);
        kinds.put(Link.class, Kind.LINK);
        kinds.put(LinkRef.class, Kind.LINK_REF);
        kinds.put(Image.class, Kind.IMAGE);
        kinds.put(AutoLink.class, Kind.AUTO_LINK);
        kinds.put(MailLink.class, Kind.MAIL_LINK);
        kinds.put(SoftLineBreak.class, Kind.SOFT_BREAK);
        kinds.put(HardLineBreak.class, Kind.HARD_BREAK);
        kinds.put(BulletList.class, Kind.BULLET_LIST);
        kinds.put(OrderedList.class, Kind.ORDERED_LIST);
        kinds.put(BulletListItem.class, Kind.LIST_ITEM);
        kinds.put(OrderedListItem.class, Kind.LIST_ITEM);
        kinds.put(BlockQuote.class, Kind.BLOCK_QUOTE);
        kinds.put(FencedCodeBlock.class, Kind.FENCED_CODE);
        kinds.put(IndentedCodeBlock.class, Kind.INDENTED_CODE);
        kinds.put(ThematicBreak.class, Kind.THEMATIC_BREAK);
        kinds.put(HtmlBlock.class, Kind.HTML_BLOCK);
        kinds.put(HtmlCommentBlock.class, Kind.HTML_COMMENT_BLOCK);
        kinds.put(HtmlInline.class, Kind.HTML_INLINE);
        kinds.put(HtmlInlineComment.class, Kind.HTML_INLINE);
        kinds.put(HtmlEntity.class, Kind.HTML_ENTITY);
        kinds.put(TypographicQuotes.class, Kind.QUOTES);
        kinds.put(TypographicSmarts.class, Kind.SMARTS);
        kinds.put(Strikethrough.class, Kind.STRIKETHROUGH);
        kinds.put(TableBlock.class, Kind.TABLE);
        kinds.put(TableHead.class, Kind.TABLE_HEAD);
        kinds.put(TableSeparator.class, Kind.NOTHING);
        kinds.put(TableBody.class, Kind.TABLE_BODY);
        kinds.put(TableRow.class, Kind.TABLE_ROW);
        kinds.put(TableCell.class, Kind.TABLE_CELL);
        kinds.put(Reference.class, Kind.NOTHING);
        return Map.copyOf(kinds);
    }

    /** Thrown, without a stack trace, at the first node this renderer leaves to flexmark. */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private static final Unsupported UNSUPPORTED = new Unsupported();

    private final Highlighter highlighter;

    DirectHtml(Highlighter highlighter) {
        this.highlighter = highlighter;
    }

    /** The HTML of {@code document}, or {@code null} when it holds a node that flexmark must render. */
    String render(Document document) {
        if (!AttributesExtension.NODE_ATTRIBUTES.get(document).isEmpty()) {
            return null; // attribute lists can reach any tag, also when their node has left the tree
        }
        // As flexmark's renderer does first: ids for the headings, numbering duplicates in document order.
        new HeaderIdGenerator(document).generateIds(document);
        Out out = new Out(document.getChars().length() + (document.getChars().length() >> 2));
        Writer writer = new Writer(out, document);
        try {
            writer.children(document);
        } catch (Unsupported e) {
            return null;
        }
        out.line();
        return out.toString();
    }

    /** One document's rendering: its options and its heading ids. */
    private final class Writer {
        private final Out out;
        private final Document document;
        private final ListOptions listOptions;

        Writer(Out out, Document document) {
            this.out = out;
            this.document = document;
            this.listOptions = ListOptions.get(document);
        }

        void children(Node parent) {
            for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
                node(child);
            }
        }

        void node(Node node) {
            Kind kind = KINDS.get(node.getClass());
            if (kind == null) {
                throw UNSUPPORTED;
            }
            switch (kind) {
                case TEXT -> text(node.getChars());
                case PARAGRAPH -> paragraph((Paragraph) node);
                case CODE -> {
                    out.raw("<code>");
                    out.text(Escaping.collapseWhitespace(((Code) node).getText(), true));
                    out.raw("</code>");
                }
                case EMPHASIS -> inline("em", node);
                case STRONG -> inline("strong", node);
                case STRIKETHROUGH -> inline("del", node);
                case CHILDREN, DOCUMENT -> children(node);
                case SOFT_BREAK -> out.raw("\n");
                case HARD_BREAK -> out.raw("<br />\n");
                case LINK -> link((Link) node);
                case LINK_REF -> linkRef((LinkRef) node);
                case IMAGE -> image((Image) node);
                case AUTO_LINK -> autoLink((AutoLink) node);
                case MAIL_LINK -> mailLink((MailLink) node);
                case HEADING -> heading((Heading) node);
                case BULLET_LIST -> block("ul", node);
                case ORDERED_LIST -> orderedList((OrderedList) node);
                case LIST_ITEM -> listItem((ListItem) node);
                case BLOCK_QUOTE -> block("blockquote", node);
                case FENCED_CODE -> code(CodeBlockRenderer.fenced((FencedCodeBlock) node), CodeBlockRenderer.language((FencedCodeBlock) node));
                case INDENTED_CODE -> code(CodeBlockRenderer.indented((IndentedCodeBlock) node), "");
                case THEMATIC_BREAK -> {
                    out.line();
                    out.raw("<hr />");
                    out.line();
                }
                case HTML_BLOCK -> htmlBlock((HtmlBlock) node);
                case HTML_COMMENT_BLOCK -> htmlComment((HtmlCommentBlock) node);
                case HTML_INLINE -> out.rawPre(node.getChars().normalizeEOL());
                case HTML_ENTITY -> out.text(node.getChars().unescape());
                case QUOTES -> quotes((TypographicQuotes) node);
                case SMARTS -> out.raw(((TypographicSmarts) node).getTypographicText());
                case TABLE -> {
                    block("table", node);
                    out.line();
                }
                case TABLE_HEAD -> line("thead", node);
                case TABLE_BODY -> line("tbody", node);
                case TABLE_ROW -> line("tr", node);
                case TABLE_CELL -> tableCell((TableCell) node);
                case NOTHING -> { }
            }
        }

        private void text(BasedSequence chars) {
            // unescape() turns backslash escapes and entities into characters; without either (or a CR) it is the text itself.
            if (!out.textAsIs(chars)) {
                out.text(Escaping.normalizeEOL(chars.unescape()));
            }
        }

        private void inline(String tag, Node node) {
            out.raw("<").raw(tag).raw(">");
            children(node);
            out.raw("</").raw(tag).raw(">");
        }

        /** flexmark's {@code tagLine}: the element starts and ends a line. */
        private void line(String tag, Node node) {
            out.line();
            out.raw("<").raw(tag).raw(">");
            children(node);
            out.raw("</").raw(tag).raw(">");
            out.line();
        }

        /** flexmark's {@code tagIndent} and {@code tagLineIndent} (with an indent of nothing). */
        private void block(String tag, Node node) {
            out.line();
            out.raw("<").raw(tag).raw(">");
            out.line();
            children(node);
            out.line();
            out.raw("</").raw(tag).raw(">");
            out.line();
        }

        private void paragraph(Paragraph node) {
            if (node.getFirstChildAnyNot(NonRenderingInline.class) == null) {
                return;
            }
            if (node.getParent() instanceof ParagraphItemContainer container
                    && container.isParagraphWrappingDisabled(node, listOptions, document)) {
                children(node);
            } else {
                line("p", node);
            }
        }

        private void heading(Heading node) {
            String tag = "h" + node.getLevel();
            String id = node.getAnchorRefId();
            out.line();
            out.raw("<").raw(tag);
            if (id != null && !id.isEmpty()) {
                out.attribute("id", id);
            }
            out.raw(">");
            children(node);
            out.raw("</").raw(tag).raw(">");
            out.line();
        }

        private void orderedList(OrderedList node) {
            int start = node.getStartNumber();
            if (listOptions.isOrderedListManualStart() && start != 1) {
                out.line();
                out.raw("<ol");
                out.attribute("start", String.valueOf(start));
                out.raw(">");
                out.line();
                children(node);
                out.line();
                out.raw("</ol>");
                out.line();
            } else {
                block("ol", node);
            }
        }

        private void listItem(ListItem node) {
            out.line();
            out.raw("<li>");
            out.text(node.getMarkerSuffix().unescape());
            children(node);
            out.raw("</li>");
            out.line();
        }

        private void link(Link node) {
            out.raw("<a");
            out.attribute("href", node.getUrl().unescape());
            if (node.getTitle().isNotNull()) {
                out.attribute("title", node.getTitle().unescape());
            }
            out.raw(">");
            children(node);
            out.raw("</a>");
        }

        private void linkRef(LinkRef node) {
            Reference reference = node.isDefined() ? node.getReferenceNode(Parser.REFERENCES.get(document)) : null;
            if (reference == null) {
                // Not a defined reference: the brackets and text as they were, the inner syntax rendered.
                if (!node.hasChildren()) {
                    out.text(node.getChars().unescape());
                } else {
                    out.text(node.getChars().prefixOf(node.getChildChars()).unescape());
                    children(node);
                    out.text(node.getChars().suffixOf(node.getChildChars()).unescape());
                }
                return;
            }
            out.raw("<a");
            out.attribute("href", reference.getUrl().unescape());
            if (reference.getTitle().isNotNull()) {
                out.attribute("title", reference.getTitle().unescape());
            }
            out.raw(">");
            children(node);
            out.raw("</a>");
        }

        private void image(Image node) {
            if (!node.getUrlContent().isEmpty()) {
                throw UNSUPPORTED;
            }
            String alt = new TextCollectingVisitor().collectAndGetText(node);
            out.raw("<img");
            out.attribute("src", node.getUrl().unescape());
            out.attribute("alt", alt);
            if (node.getTitle().isNotNull()) {
                out.attribute("title", node.getTitle().unescape());
            }
            out.raw(" />");
        }

        private void autoLink(AutoLink node) {
            String text = node.getText().toString();
            out.raw("<a");
            out.attribute("href", text.startsWith("www.") ? "http://" + text : text);
            out.raw(">");
            out.text(text);
            out.raw("</a>");
        }

        private void mailLink(MailLink node) {
            String text = node.getText().unescape();
            out.raw("<a");
            out.attribute("href", "mailto:" + text);
            out.raw(">");
            out.text(text);
            out.raw("</a>");
        }

        private void code(String code, String language) {
            out.line();
            out.raw(CodeBlockRenderer.openTag(language));
            out.rawPre(highlighter.highlight(code, language));
            out.raw("</code></pre>");
            out.line();
        }

        private void htmlBlock(HtmlBlock node) {
            if (node.hasChildren()) {
                throw UNSUPPORTED;
            }
            String html = node.getContentChars().normalizeEOL();
            if (html.contains("\n\n") || html.startsWith("\n")) {
                throw UNSUPPORTED; // empty lines in pre-formatted text: flexmark's writer has rules of its own there
            }
            out.line();
            out.rawPre(html);
            out.line();
        }

        private void htmlComment(HtmlCommentBlock node) {
            String html = node.getChars().normalizeEOL();
            if (html.contains("\n\n") || html.startsWith("\n")) {
                throw UNSUPPORTED;
            }
            out.rawPre(html);
        }

        private void quotes(TypographicQuotes node) {
            String opening = node.getTypographicOpening();
            if (opening != null && !opening.isEmpty()) {
                out.raw(opening);
            }
            children(node);
            String closing = node.getTypographicClosing();
            if (closing != null && !closing.isEmpty()) {
                out.raw(closing);
            }
        }

        private void tableCell(TableCell node) {
            String tag = node.isHeader() ? "th" : "td";
            out.raw("<").raw(tag);
            if (node.getAlignment() != null) {
                out.attribute("align", switch (node.getAlignment()) {
                    case LEFT -> "left";
                    case CENTER -> "center";
                    case RIGHT -> "right";
                });
            }
            out.raw(">");
            children(node);
            out.raw("</").raw(tag).raw(">");
        }
    }

    /**
     * The HTML being written, with flexmark's line rules for its options: outside pre-formatted text a
     * space is dropped while its line holds only white space, and a line break is dropped on an empty
     * line; {@link #line()} ends the line unless it is empty.
     */
    static final class Out {
        private final StringBuilder html;
        /** Where the current line starts in {@link #html}. */
        private int lineStart;
        /** Whether the current line holds a character other than a space or a tab. */
        private boolean lineHasText;
        private char[] buffer = new char[256];

        Out(int capacity) {
            html = new StringBuilder(capacity);
        }

        void line() {
            if (html.length() != lineStart) {
                html.append('\n');
                lineStart = html.length();
                lineHasText = false;
            }
        }

        Out raw(CharSequence s) {
            put(s, false, false);
            return this;
        }

        void rawPre(CharSequence s) {
            put(s, false, true);
        }

        void text(CharSequence s) {
            put(s, true, false);
        }

        /** {@code name="value"} after a space, the value escaped as flexmark escapes attributes (entities kept). */
        void attribute(String name, String value) {
            html.append(' ').append(name).append("=\"");
            put(Escaping.escapeHtml(value, true), false, false);
            html.append('"');
        }

        /**
         * Writes {@code s} escaped, unless it holds a backslash, an ampersand or a CR (which flexmark's
         * {@code unescape} and {@code normalizeEOL} would change): then writes nothing and returns false.
         */
        boolean textAsIs(CharSequence s) {
            int n = s.length();
            char[] b = chars(s, n);
            for (int i = 0; i < n; i++) {
                char c = b[i];
                if (c == '\\' || c == '&' || c == '\r') {
                    return false;
                }
            }
            put(b, n, true, false);
            return true;
        }

        private void put(CharSequence s, boolean escape, boolean pre) {
            int n = s.length();
            put(chars(s, n), n, escape, pre);
        }

        /** The characters of {@code s} in a buffer reused between calls: one bulk copy rather than a call a character. */
        private char[] chars(CharSequence s, int n) {
            if (buffer.length < n) {
                buffer = new char[Math.max(n, buffer.length * 2)];
            }
            if (s instanceof String string) {
                string.getChars(0, n, buffer, 0);
            } else if (s instanceof SubSequence sub && sub.getBase() instanceof String base) {
                base.getChars(sub.getStartOffset(), sub.getEndOffset(), buffer, 0);
            } else {
                for (int i = 0; i < n; i++) {
                    buffer[i] = s.charAt(i);
                }
            }
            return buffer;
        }

        private void put(char[] b, int n, boolean escape, boolean pre) {
            StringBuilder out = html;
            boolean text = lineHasText;
            int i = 0;
            while (i < n) {
                if (text) {
                    // Once a line holds text, only line breaks and (in text) the characters to escape are special.
                    int start = i;
                    if (escape) {
                        while (i < n) {
                            char c = b[i];
                            if (c == '\n' || c == '&' || c == '<' || c == '>' || c == '"') {
                                break;
                            }
                            i++;
                        }
                    } else {
                        while (i < n && b[i] != '\n') {
                            i++;
                        }
                    }
                    if (i > start) {
                        out.append(b, start, i - start);
                    }
                    if (i == n) {
                        break;
                    }
                }
                char c = b[i++];
                switch (c) {
                    case '\n' -> {
                        if (pre || out.length() != lineStart) {
                            out.append('\n');
                            lineStart = out.length();
                            text = false;
                        }
                    }
                    case ' ' -> {
                        if (pre || text) {
                            out.append(' ');
                        }
                    }
                    case '\t' -> out.append('\t');
                    case '&' -> {
                        out.append(escape ? "&amp;" : "&");
                        text = true;
                    }
                    case '<' -> {
                        out.append(escape ? "&lt;" : "<");
                        text = true;
                    }
                    case '>' -> {
                        out.append(escape ? "&gt;" : ">");
                        text = true;
                    }
                    case '"' -> {
                        out.append(escape ? "&quot;" : "\"");
                        text = true;
                    }
                    default -> {
                        out.append(c);
                        text = true;
                    }
                }
            }
            lineHasText = text;
        }

        @Override
        public String toString() {
            return html.toString();
        }
    }
}
