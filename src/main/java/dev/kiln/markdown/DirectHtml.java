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
import dev.kiln.highlight.Highlighter;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the HTML of a parsed document straight into a {@code StringBuilder}, for the nodes that blog
 * posts are made of, giving the same characters as flexmark's {@code HtmlRenderer} with Kiln's options.
 *
 * <p>Why: flexmark's renderer passes every character through a line-formatting writer, one call and a
 * dozen branches a character, which was a third of the Markdown stage. Kiln's options make that writer
 * do little (no indentation, no wrapping): it drops spaces at the start of a line and empty lines
 * outside pre-formatted text, and that is what {@link Out} repeats.
 *
 * <p>A document holding any other node (footnotes, task items, attribute lists, definition lists,
 * abbreviations, image references, table captions, raw HTML blocks with blank lines, and so on) gets
 * {@code null}: the caller renders it with flexmark. {@code DirectHtmlTest} compares the two on the blog,
 * on a stressed post and on random Markdown.
 *
 * <p>{@link #renderPage} writes the same tree as the HTML stage would finish flexmark's HTML (see
 * {@link Writer}), for the documents whose HTML jsoup's parser would keep as it is: no raw HTML, no
 * character it changes; {@code FinishedBodyTest} compares the bodies both ways.
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
        Out out = new Out(document, null, true);
        return write(document, out, null) ? out.toString() : null;
    }

    /**
     * The finished body of {@code document} as the HTML stage would make it from flexmark's HTML (see
     * {@link Page}), or {@code null} when it holds something that stage must see: raw HTML, a table of
     * contents, a character its parser would change.
     */
    MarkdownRenderer.Finished renderPage(Document document, Page page) {
        if (!plainText(document.getChars())) {
            return null;
        }
        Out out = new Out(document, page, true);
        if (!write(document, out, page)) {
            return null;
        }
        String excerpt;
        try {
            excerpt = excerpt(document, page);
        } catch (Unsupported e) {
            return null;
        }
        return new MarkdownRenderer.Finished(out.toString(), excerpt, List.copyOf(out.headings), out.words);
    }

    private boolean write(Document document, Out out, Page page) {
        if (!AttributesExtension.NODE_ATTRIBUTES.get(document).isEmpty()) {
            return false; // attribute lists can reach any tag, also when their node has left the tree
        }
        // As flexmark's renderer does first: ids for the headings, numbering duplicates in document order.
        new HeaderIdGenerator(document).generateIds(document);
        try {
            new Writer(out, document, page, false).children(document);
        } catch (Unsupported e) {
            return false;
        }
        out.line();
        return true;
    }

    /**
     * The excerpt as the HTML stage takes it: the top-level nodes before the separator comment, else the
     * first top-level paragraph with text; written again without ids and anchors, #fragment links made
     * to lead to the page.
     */
    private String excerpt(Document document, Page page) {
        Node separator = null;
        for (Node n = document.getFirstChild(); n != null && separator == null; n = n.getNext()) {
            if (n instanceof HtmlCommentBlock comment && !page.marker().isEmpty()
                    && page.marker().equals(commentData(comment).trim())) {
                separator = n;
            }
        }
        Out out = new Out(document, page, false);
        Writer writer = new Writer(out, document, page, true);
        if (separator != null) {
            for (Node n = document.getFirstChild(); n != separator; n = n.getNext()) {
                writer.node(n);
            }
            out.line();
            return out.toString();
        }
        for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Paragraph p && n.getFirstChildAnyNot(NonRenderingInline.class) != null) {
                writer.node(p);
                out.flush();
                if (out.hasVisibleText) {
                    return out.toString().stripTrailing();
                }
                out = new Out(document, page, false);
                writer = new Writer(out, document, page, true);
            }
        }
        return "";
    }

    /**
     * What the body of a page needs beyond HTML: where it stands (relative links resolve against it) and
     * the excerpt separator's text ({@code more} for {@code <!--more-->}), the ids its layout writes, which
     * its headings do not take, and whether emoji codes in its text are emoji ({@code emoji: text}: not in code, nor in
     * attributes, as jemoji writes them, and as the HTML stage replaces them in the bodies it finishes).
     */
    record Page(String url, UnaryOperator<String> rootRelative, String marker, Set<String> layoutIds, boolean emoji) {}

    /** Whether the HTML parser keeps every character of {@code text} as it is and prints it back the same. */
    private static boolean plainText(BasedSequence chars) {
        char[] text = PageChars.copy(chars, new char[chars.length()]);
        for (int i = 0, n = text.length; i < n; i++) {
            char c = text[i];
            if (c >= 0x20 && c < 0xA0) {
                continue; // most characters
            }
            if (c < 0x20 ? c != '\n' && c != '\t' : c == 0xA0) {
                return false; // control characters and CRs are changed by the parser, no-break spaces escaped
            }
            if (Character.isSurrogate(c)) {
                // jsoup escapes a lone surrogate, and a character above U+FFFF whose low 16 bits look like one
                if (!Character.isHighSurrogate(c) || i + 1 == n || !Character.isLowSurrogate(text[i + 1])
                        || Character.isSurrogate((char) Character.toCodePoint(c, text[i + 1]))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    /**
     * One document's rendering. With a {@link Page}, it writes what jsoup prints of flexmark's HTML after
     * the HTML stage: void elements without a slash, quotes and entities of text as characters, unique
     * heading ids with their anchor links, root-relative links; in the excerpt, no ids nor anchors.
     */
    private final class Writer {
        private final Out out;
        private final Document document;
        private final ListOptions listOptions;
        private final Page page;
        private final boolean excerpt;

        Writer(Out out, Document document, Page page, boolean excerpt) {
            this.out = out;
            this.document = document;
            this.listOptions = ListOptions.get(document);
            this.page = page;
            this.excerpt = excerpt;
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
                    out.code(Escaping.collapseWhitespace(((Code) node).getText(), true));
                    out.raw("</code>");
                }
                case EMPHASIS -> inline("em", node);
                case STRONG -> inline("strong", node);
                case STRIKETHROUGH -> {
                    if (out.collect != null) {
                        throw UNSUPPORTED; // a block to jsoup: its text() spaces it apart
                    }
                    out.boundary(); // jsoup counts <del> a block: it parts words
                    inline("del", node);
                    out.boundary();
                }
                case CHILDREN, DOCUMENT -> children(node);
                case SOFT_BREAK -> out.raw("\n");
                case HARD_BREAK -> {
                    out.boundary();
                    out.raw(page == null ? "<br />\n" : "<br>\n");
                }
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
                case FENCED_CODE -> {
                    FencedCodeBlock fence = (FencedCodeBlock) node;
                    if (FenceOptions.lineNumbers(fence)) {
                        numberedCode(CodeBlockRenderer.fenced(fence), CodeBlockRenderer.language(fence));
                    } else {
                        code(CodeBlockRenderer.fenced(fence), CodeBlockRenderer.language(fence));
                    }
                }
                case INDENTED_CODE -> code(CodeBlockRenderer.indented((IndentedCodeBlock) node), "");
                case THEMATIC_BREAK -> {
                    out.line();
                    out.boundary();
                    out.raw(page == null ? "<hr />" : "<hr>");
                    out.line();
                }
                case HTML_BLOCK -> htmlBlock((HtmlBlock) node);
                case HTML_COMMENT_BLOCK -> htmlComment((HtmlCommentBlock) node);
                case HTML_INLINE -> {
                    if (page != null) {
                        throw UNSUPPORTED; // raw HTML: the HTML stage must parse it
                    }
                    out.rawPre(node.getChars().normalizeEOL());
                }
                case HTML_ENTITY -> out.text(node.getChars().unescape());
                case QUOTES -> quotes((TypographicQuotes) node);
                case SMARTS -> entity(((TypographicSmarts) node).getTypographicText());
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

        /** A typographic entity such as {@code &rsquo;}: as flexmark writes it, or the character jsoup prints. */
        private void entity(String entity) {
            if (page == null) {
                out.raw(entity);
            } else {
                out.text(Escaping.unescapeHtml(entity));
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
            out.boundary();
            out.raw("<").raw(tag).raw(">");
            children(node);
            out.raw("</").raw(tag).raw(">");
            out.boundary();
            out.line();
        }

        /** flexmark's {@code tagIndent} and {@code tagLineIndent} (with an indent of nothing). */
        private void block(String tag, Node node) {
            out.line();
            out.boundary();
            out.raw("<").raw(tag).raw(">");
            out.line();
            children(node);
            out.line();
            out.raw("</").raw(tag).raw(">");
            out.boundary();
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
            out.boundary();
            out.raw("<").raw(tag);
            if (page == null) {
                if (id != null && !id.isEmpty()) {
                    out.attribute("id", id);
                }
                out.raw(">");
                children(node);
            } else {
                if ((id == null || id.isEmpty()) && !node.getText().isBlank()) {
                    // flexmark's generator found no text (an autolink's, <https://a.b/c>): the HTML stage takes the
                    // id from the heading's text as shown (httpsabc), which it alone has.
                    throw UNSUPPORTED;
                }
                // As the HTML stage does: a unique id ("section" for none), an anchor link from h2 on.
                id = out.uniqueId(id == null || id.isEmpty() ? "section" : id);
                if (!excerpt) {
                    out.attribute("id", id);
                }
                out.raw(">");
                out.collect = new StringBuilder();
                out.alts = new StringBuilder();
                children(node);
                out.flush(); // the heading's last text, with its emoji
                String text = normalised(out.collect);
                if (text.isEmpty()) { // an image alone: the table of contents lists it by its alt text
                    text = normalised(out.alts);
                }
                out.collect = null;
                out.alts = null;
                if (node.getLevel() >= 2) {
                    out.headings.add(new MarkdownRenderer.Heading(node.getLevel(), id, text));
                    out.raw(" ");
                    if (!excerpt) {
                        out.raw("<a class=\"anchor\"");
                        out.attribute("href", "#" + id);
                        out.raw(" aria-label=\"Link to this section\">#</a>");
                    }
                }
            }
            out.raw("</").raw(tag).raw(">");
            out.boundary();
            out.line();
        }

        private void orderedList(OrderedList node) {
            int start = node.getStartNumber();
            if (listOptions.isOrderedListManualStart() && start != 1) {
                out.line();
                out.boundary();
                out.raw("<ol");
                out.attribute("start", String.valueOf(start));
                out.raw(">");
                out.line();
                children(node);
                out.line();
                out.raw("</ol>");
                out.boundary();
                out.line();
            } else {
                block("ol", node);
            }
        }

        private void listItem(ListItem node) {
            out.line();
            out.boundary();
            out.raw("<li>");
            out.text(node.getMarkerSuffix().unescape());
            children(node);
            out.raw("</li>");
            out.boundary();
            out.line();
        }

        /** An {@code href} or {@code src}: root-relative on a page; a link's #fragment leads to the page from an excerpt. */
        private String url(String written, boolean link) {
            String url = SpacedUrls.encoded(written);
            if (page == null) {
                return url;
            }
            String resolved = page.rootRelative().apply(url);
            return excerpt && link && resolved.startsWith("#") ? page.url() + resolved : resolved;
        }

        private void link(Link node) {
            anchor(node.getUrl(), node.getTitle(), node);
        }

        /** {@code <a href title>} around the node's children. */
        private void anchor(BasedSequence url, BasedSequence title, Node node) {
            out.raw("<a");
            out.attribute("href", url(url.unescape(), true));
            if (title.isNotNull()) {
                out.attribute("title", title.unescape());
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
            anchor(reference.getUrl(), reference.getTitle(), node);
        }

        private void image(Image node) {
            if (!node.getUrlContent().isEmpty()) {
                throw UNSUPPORTED;
            }
            String alt = ImageAlt.of(node);
            if (out.alts != null) {
                out.alts.append(' ').append(alt);
            }
            out.raw("<img");
            out.attribute("src", url(node.getUrl().unescape(), false));
            out.attribute("alt", alt);
            if (node.getTitle().isNotNull()) {
                out.attribute("title", node.getTitle().unescape());
            }
            out.raw(page == null ? " />" : ">");
        }

        private void autoLink(AutoLink node) {
            inLink(node);
            String text = node.getText().toString();
            out.raw("<a");
            out.attribute("href", url(text.startsWith("www.") ? "http://" + text : text, true));
            out.raw(">");
            out.text(text);
            out.raw("</a>");
        }

        private void mailLink(MailLink node) {
            inLink(node);
            String text = node.getText().unescape();
            out.raw("<a");
            out.attribute("href", url("mailto:" + text, true));
            out.raw(">");
            out.text(text);
            out.raw("</a>");
        }

        /** An autolink inside a link's text ({@code [<http://x>](/y)}): the HTML parser takes the two apart. */
        private void inLink(Node node) {
            if (page != null && node.getAncestorOfType(Link.class, LinkRef.class) != null) {
                throw UNSUPPORTED;
            }
        }

        private void code(String code, String language) {
            out.line();
            out.boundary();
            out.raw(CodeBlockRenderer.openTag(language));
            String html = highlighter.highlight(code, language);
            out.rawPre(html);
            if (page != null) {
                out.countHighlighted(html);
            }
            out.raw("</code></pre>");
            out.boundary();
            out.line();
        }

        /** A block with line numbers, as {@link CodeBlockRenderer} writes it; its numbers are no words of the page. */
        private void numberedCode(String code, String language) {
            out.line();
            out.boundary();
            out.raw("<figure class=\"highlight\">").raw(CodeBlockRenderer.NUMBERED_START);
            out.rawPre(CodeBlockRenderer.lineNumbers(code));
            out.raw(CodeBlockRenderer.NUMBERED_MIDDLE).raw(CodeBlockRenderer.codeTag(language));
            out.boundary();
            String html = highlighter.highlight(code, language);
            out.rawPre(html);
            if (page != null) {
                out.countHighlighted(html);
            }
            out.raw(CodeBlockRenderer.NUMBERED_END).raw("</figure>");
            out.boundary();
            out.line();
        }

        private void htmlBlock(HtmlBlock node) {
            if (node.hasChildren() || page != null) {
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
            if (page != null && commentData(node) == null) {
                throw UNSUPPORTED;
            }
            out.rawPre(html);
            out.boundary(); // a comment parts words in no browser, but the line break after it does
        }

        private void quotes(TypographicQuotes node) {
            String opening = node.getTypographicOpening();
            if (opening != null && !opening.isEmpty()) {
                entity(opening);
            }
            children(node);
            String closing = node.getTypographicClosing();
            if (closing != null && !closing.isEmpty()) {
                entity(closing);
            }
        }

        private void tableCell(TableCell node) {
            String tag = node.isHeader() ? "th" : "td";
            out.boundary();
            out.raw("<").raw(tag);
            if (node.getAlignment() != null) {
                out.attribute("style", TableAlignment.style(node.getAlignment()));
            }
            out.raw(">");
            children(node);
            out.raw("</").raw(tag).raw(">");
            out.boundary();
        }
    }

    private static final Pattern SIMPLE_COMMENT = Pattern.compile("<!--([^<>\\-]*)-->[ \\t]*\\n?");

    /** The text of a comment block that jsoup prints back as it is ({@code <!--more-->}), else null. */
    private static String commentData(HtmlCommentBlock node) {
        Matcher m = SIMPLE_COMMENT.matcher(node.getChars());
        return m.matches() ? m.group(1) : null;
    }

    /** jsoup's {@code text()} of inline content: white space runs made one space, invisible characters dropped, trimmed. */
    private static String normalised(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean lastWasWhite = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == 0xA0) {
                if (out.length() == 0 || lastWasWhite) {
                    continue;
                }
                out.append(' ');
                lastWasWhite = true;
            } else if (c != 0x200B && c != 0xAD) {
                out.append(c);
                lastWasWhite = false;
            }
        }
        return out.toString().trim();
    }

    /**
     * The HTML being written, with flexmark's line rules for its options: outside pre-formatted text a
     * space is dropped while its line holds only white space, and a line break is dropped on an empty
     * line; {@link #line()} ends the line unless it is empty. On a page it also counts the words of the
     * text as the HTML stage does (white space and block elements part them) and keeps the headings.
     */
    static final class Out {
        private final StringBuilder html;
        private final boolean page;
        /** Where the current line starts in {@link #html}. */
        private int lineStart;
        /** Whether the current line holds a character other than a space or a tab. */
        private boolean lineHasText;
        private char[] buffer = new char[256];
        int words;
        private boolean inWord;
        /** Whether the text holds a character jsoup's {@code isBlank} would not skip. */
        boolean hasVisibleText;
        /** The text of the heading being written, when one is. */
        StringBuilder collect;
        /** The alt texts of the images of the heading being written, when one is. */
        StringBuilder alts;
        /**
         * On a page whose emoji codes are emoji in its text ({@link Page#emoji}), the text written since the last tag,
         * written with its codes replaced ({@link #flush}) before anything else is: a code may stand across nodes
         * ({@code :smi&#108;e:}), as it stands in one text node of the HTML; else null.
         */
        private final StringBuilder emojiText;
        final List<MarkdownRenderer.Heading> headings = new ArrayList<>();
        private final UniqueIds ids;

        /** Room for {@code document}'s HTML, or (for an excerpt) for a paragraph or so. */
        Out(Document document, Page page, boolean whole) {
            int length = whole ? document.getChars().length() : 256;
            this.html = new StringBuilder(length + (length >> 2));
            this.page = page != null;
            this.ids = new UniqueIds(page == null ? Set.of() : page.layoutIds());
            this.emojiText = page != null && page.emoji() ? new StringBuilder() : null;
        }

        /** Writes the text held for its emoji ({@link #emojiText}), its codes replaced. */
        void flush() {
            if (emojiText != null && emojiText.length() > 0) {
                String text = Emoji.replace(emojiText.toString());
                emojiText.setLength(0);
                put(text, true, false);
            }
        }

        /** {@code id}, or {@code id-1}, {@code id-2}... if an earlier heading or the layout took it. */
        String uniqueId(String id) {
            return ids.unique(id);
        }

        void line() {
            flush();
            if (html.length() != lineStart) {
                html.append('\n');
                lineStart = html.length();
                lineHasText = false;
                inWord = false;
            }
        }

        /** The edge of an element that parts words. */
        void boundary() {
            flush();
            inWord = false;
        }

        Out raw(CharSequence s) {
            flush();
            put(s, false, false);
            return this;
        }

        void rawPre(CharSequence s) {
            flush();
            put(s, false, true);
        }

        void text(CharSequence s) {
            if (emojiText != null) {
                emojiText.append(s);
            } else {
                put(s, true, false);
            }
        }

        /** The text of a code span: as written, its emoji codes too. */
        void code(CharSequence s) {
            flush();
            put(s, true, false);
        }

        /** {@code name="value"} after a space, the value escaped as flexmark or jsoup escapes attributes. */
        void attribute(String name, String value) {
            flush();
            html.append(' ').append(name).append("=\"");
            if (!page) {
                put(Escaping.escapeHtml(value, true), false, false);
            } else if (value.indexOf('&') >= 0) {
                throw UNSUPPORTED; // flexmark keeps entities in attributes, which jsoup decodes
            } else {
                // A title over lines ([r]: /u "x\n  y"): flexmark's writer drops the spaces that start a line, as put does.
                boolean startOfLine = false;
                for (int i = 0, n = value.length(); i < n; i++) {
                    char c = value.charAt(i);
                    if (c == ' ' && startOfLine) {
                        continue;
                    }
                    startOfLine = c == '\n' || c == '\t' && startOfLine;
                    switch (c) {
                        case '"' -> html.append("&quot;");
                        case '<' -> html.append("&lt;");
                        case '>' -> html.append("&gt;");
                        default -> html.append(c);
                    }
                }
            }
            html.append('"');
        }

        /** Counts the words of highlighted code: its text between the tags, entities as characters. */
        void countHighlighted(String code) {
            flush();
            char[] chars = code.toCharArray();
            boolean inTag = false;
            int text = 0;
            for (int i = 0, n = chars.length; i < n; i++) {
                char c = chars[i];
                if (inTag) {
                    inTag = c != '>';
                } else if (c == '<') {
                    inTag = true;
                } else {
                    if (c == '&') {
                        while (i + 1 < n && chars[i] != ';') { // &lt; &gt; &amp;: one character of text
                            i++;
                        }
                    }
                    chars[text++] = c;
                }
            }
            count(chars, text);
        }

        /** Counts the words of {@code n} characters of text, as the HTML stage's word counter does. */
        private void count(char[] text, int n) {
            boolean word = inWord;
            boolean visible = false;
            int count = words;
            for (int i = 0; i < n; i++) {
                char c = text[i];
                if (c > ' ' && c < 0x80) { // most characters: visible, not white space
                    if (!word) {
                        count++;
                        word = true;
                    }
                    visible = true;
                } else if (c < 0x80 ? c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F)
                        : c == '\u00a0' || Character.isWhitespace(c)) {
                    word = false;
                } else {
                    if (!word) {
                        count++;
                        word = true;
                    }
                    if (c != 0x200B && c != 0xAD) {
                        visible = true;
                    }
                }
            }
            inWord = word;
            words = count;
            hasVisibleText |= visible;
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
            if (emojiText != null) {
                emojiText.append(b, 0, n);
            } else {
                put(b, n, true, false);
            }
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
            return PageChars.copy(s, buffer);
        }

        private void put(char[] b, int n, boolean escape, boolean pre) {
            if (page && escape) {
                count(b, n);
                if (collect != null) {
                    collect.append(b, 0, n);
                }
            }
            // flexmark escapes quotes in text; jsoup prints them as they are
            boolean quote = escape && !page;
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
                            if (c == '\n' || c == '&' || c == '<' || c == '>' || (c == '"' && quote)) {
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
                        if (!escape) { // a line break between tags: white space in the text (text was counted above)
                            inWord = false;
                            if (collect != null) {
                                collect.append(' ');
                            }
                        }
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
                        out.append(quote ? "&quot;" : "\"");
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
            flush();
            return html.toString();
        }
    }
}
