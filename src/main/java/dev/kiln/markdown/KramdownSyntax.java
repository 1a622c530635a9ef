package dev.kiln.markdown;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ext.typographic.TypographicQuotes;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.DelimitedNode;
import com.vladsch.flexmark.util.ast.Node;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the kramdown syntax that Jekyll posts use into what flexmark reads, outside code: attribute lists
 * {@code {: .class}} become {@code {.class}} where kramdown reads them as such (alone on a line, or right after a
 * span: {@code *em*{: .x}}, {@code ![a](u){: .x}}), their references to attribute list definitions
 * ({@code {:warn: .warning}} on a line of its own, which writes nothing) replaced by what those define, and
 * {@code [TOC]} or kramdown's {@code * TOC} + {@code {:toc}} become a placeholder that the HTML stage fills with the
 * headings. Braces anywhere else are text, as in kramdown ({@code {:ok, pid}}, {@code x {: .y}}); those without a
 * colon that flexmark would read as an attribute list where one may stand ({@code *em*{.x}}) are escaped.
 */
final class KramdownSyntax {

    /** Replaced by the table of contents after the headings have their final ids. */
    static final String TOC_PLACEHOLDER = "<div class=\"kiln-toc\"></div>";

    /** An attribute list alone on its line (after a quote's markers or a list item's indentation): kramdown's block IAL. */
    private static final Pattern IAL_LINE = Pattern.compile("^([ \\t>]*)\\{:(?![:/])((?:\\\\}|[^}])+)}[ \\t\\r]*$");
    /**
     * An attribute list at the end of an ATX heading's line ({@code ## Title {: #id .x}}): kramdown shows it as text,
     * Kiln (as before 2026-12-07, and as Hugo) gives it to the heading, so that ids written so keep their links.
     */
    private static final Pattern HEADING_IAL = Pattern.compile(
            "^( {0,3}#{1,6}[ \\t].*?\\S)[ \\t]+\\{:(?![:/])((?:\\\\}|[^}])+)}[ \\t\\r]*$");
    /** An attribute list definition, {@code {:name: .class}}, alone on its line: kramdown's ALD. */
    private static final Pattern ALD_LINE = Pattern.compile("^[ \\t>]*\\{:(\\w[\\w-]*):((?:\\\\}|[^}])+)}[ \\t\\r]*$");
    /** An attribute list in a line: a span IAL where it follows a span. */
    private static final Pattern SPAN_IAL = Pattern.compile("\\{:(?![:/])((?:\\\\}|[^}])+)}");
    /** One attribute of a list, as kramdown scans them: {@code key="v"} (or {@code 'v'}), a reference, ids and classes. */
    private static final Pattern ATTRIBUTE = Pattern.compile("(?:^|(?<=\\s))(?:(\\w[\\w-]*)=([\"'])((?:\\\\}|(?!\\2)[^}])*?)\\2"
            + "|(\\w[\\w-]*)|((?:#[A-Za-z][\\w:-]*|\\.[^\\s.#]+)+))(?=\\s|$)");
    /** A setext heading's underline, which makes a heading of the line above (a list too, as in kramdown). */
    private static final Pattern SETEXT_UNDERLINE = Pattern.compile("^ {0,3}(?:=+|-+)[ \\t\\r]*$");
    private static final Pattern TOC = Pattern.compile("^\\s*\\[TOC]\\s*$");
    private static final Pattern KRAMDOWN_TOC_ITEM = Pattern.compile("^\\s*(?:[*+-]|\\d+\\.)\\s+.*$");
    /** An attribute list alone on its line: kramdown's mark of the list above as the TOC when it refers to {@code toc}. */
    private static final Pattern KRAMDOWN_TOC_MARK = Pattern.compile("^\\s*\\{:((?:\\\\}|[^}])+)}\\s*$");

    private KramdownSyntax() {}

    /**
     * {@code markdown} rewritten outside code. What is code is decided by {@code parser} itself, so that
     * list content indented four spaces is prose and a Ruby hash {@code {:a => 1}} in code stays as written.
     */
    static String rewrite(String markdown, Parser parser) {
        // Only documents with kramdown syntax, or braces flexmark could take for it, pay for the second parse.
        if (!markdown.contains("{:") && !markdown.contains("[TOC]") && !hasBareAttributeList(markdown)) {
            return markdown;
        }
        Node document = parser.parse(markdown);
        // Code, raw HTML and <...> autolinks are written as they are: no list is read or escaped in them.
        BitSet code = raw(document, true);
        BitSet spanEnds = spanEnds(document);
        BitSet paragraphStarts = null; // walked for at the first list on a line of its own: most pages have none
        BitSet paragraphLines = null;
        String[] lines = markdown.split("\n", -1);
        Map<String, String> definitions = new HashMap<>();
        int offset = 0;
        for (String line : lines) {
            Matcher ald = ALD_LINE.matcher(line);
            if (!line.isBlank() && !code.get(offset + indent(line)) && ald.matches()) {
                definitions.merge(ald.group(1), ald.group(2), (a, b) -> a + " " + b);
            }
            offset += line.length() + 1;
        }
        StringBuilder out = new StringBuilder(markdown.length() + 64);
        offset = 0;
        boolean leading = false; // the line before was a block list that starts a paragraph: the next block's
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int start = offset;
            offset += line.length() + 1;
            boolean inCode = !line.isBlank() && code.get(start + indent(line));
            Matcher ial;
            if (!inCode && TOC.matcher(line).matches()) {
                append(out, TOC_PLACEHOLDER + "\n", i, lines.length);
            } else if (!inCode && i + 1 < lines.length && KRAMDOWN_TOC_ITEM.matcher(line).matches()
                    && (ial = KRAMDOWN_TOC_MARK.matcher(lines[i + 1])).matches() && referencesToc(ial.group(1))) {
                i++;
                offset += lines[i].length() + 1;
                append(out, kramdownTocPlaceholder(line, ial.group(1), definitions) + "\n", i, lines.length);
            } else if (!inCode && ALD_LINE.matcher(line).matches()) {
                append(out, "", i, lines.length); // a definition writes nothing
            } else if (!inCode && (ial = HEADING_IAL.matcher(line)).matches()) {
                // Kiln's own extension (and Hugo's): a list at the end of an ATX heading's line is the heading's.
                String attributes = attributes(ial.group(2), definitions, 0);
                append(out, ial.group(1) + (attributes.isEmpty() ? "" : " {" + attributes + "}"), i, lines.length);
            } else if (!inCode && (ial = IAL_LINE.matcher(line)).matches()) {
                String attributes = attributes(ial.group(2), definitions, 0);
                append(out, attributes.isEmpty() ? ial.group(1) : ial.group(1) + "{" + attributes + "}", i, lines.length);
                // A list that starts a paragraph (after a blank line, or first) is the next block's, in kramdown
                // (KramdownAttributes gives it to that block): a blank line after it, so that the block below
                // stands as written, a table or indented code too, which would otherwise continue its paragraph.
                // One between two lines of a paragraph ends it, in kramdown, and is the paragraph's (A. {:.c} B. is
                // <p class="c">A.</p><p>B.</p>): a blank line after it too, so that the next line starts a block.
                if (paragraphStarts == null) {
                    paragraphStarts = new BitSet();
                    paragraphLines = new BitSet();
                    paragraphs(document, paragraphStarts, paragraphLines);
                }
                leading = paragraphStarts.get(start + ial.end(1)) || leading;
                boolean within = !leading && i + 1 < lines.length && paragraphLines.get(start + ial.end(1))
                        && paragraphLines.get(offset + indent(lines[i + 1]));
                if ((leading || within) && i + 1 < lines.length && !lines[i + 1].isBlank()
                        && !IAL_LINE.matcher(lines[i + 1]).matches() && !ALD_LINE.matcher(lines[i + 1]).matches()
                        && !SETEXT_UNDERLINE.matcher(lines[i + 1]).matches()) {
                    out.append(ial.group(1).stripTrailing()).append('\n');
                }
                continue;
            } else {
                append(out, outsideCode(line, start, code, spanEnds, definitions), i, lines.length);
            }
            leading = false;
        }
        return out.toString();
    }

    /** Whether the content of an attribute list holds the reference {@code toc}. */
    private static boolean referencesToc(String content) {
        Matcher m = ATTRIBUTE.matcher(content);
        while (m.find()) {
            if ("toc".equals(m.group(4))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The placeholder of kramdown's table of contents: the list of {@code item}'s kind ({@code ul}, or {@code ol} for
     * a numbered item) that the HTML stage writes as kramdown does, with the attributes of the list {@code content}
     * but its {@code toc} ({@code {:toc .large-only}} gives {@code <ol class="large-only" id="markdown-toc">}).
     */
    private static String kramdownTocPlaceholder(String item, String content, Map<String, String> definitions) {
        StringBuilder classes = new StringBuilder("kiln-toc");
        StringBuilder others = new StringBuilder();
        Matcher m = ATTRIBUTE.matcher(attributes(content, definitions, 0)); // toc, defined by none, adds nothing
        while (m.find()) {
            if (m.group(1) != null && !m.group(1).equalsIgnoreCase("class")) {
                others.append(' ').append(m.group(1)).append("=\"").append(escape(m.group(3))).append('"');
            } else if (m.group(1) != null) {
                classes.append(' ').append(escape(m.group(3)));
            } else if (m.group(5) != null && m.group(5).startsWith(".")) {
                classes.append(' ').append(escape(m.group(5).substring(1)));
            } else if (m.group(5) != null) {
                others.append(" id=\"").append(escape(m.group(5).substring(1))).append('"');
            }
        }
        String list = item.strip().matches("\\d.*") ? "ol" : "ul";
        return "<div class=\"" + classes + "\" data-kiln-toc=\"" + list + "\"" + others + "></div>";
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

    /**
     * Sets in {@code starts} the offsets where {@code document}'s paragraphs start, in {@code lines} those of its
     * paragraphs not in a list item (where kramdown parts the item's text otherwise).
     */
    private static void paragraphs(Node document, BitSet starts, BitSet lines) {
        for (Node n : document.getDescendants()) {
            if (n instanceof com.vladsch.flexmark.ast.Paragraph) {
                starts.set(n.getStartOffset());
                if (!(n.getParent() instanceof ListItem)) {
                    lines.set(n.getStartOffset(), n.getEndOffset());
                }
            }
        }
    }

    /**
     * Whether the character before {@code index} of {@code text} ends a span that an attribute list right after it
     * belongs to, in kramdown: emphasis, a link or image, a {@code <...>} autolink, code, strikethrough (not one
     * escaped with a backslash).
     */
    static boolean closesSpan(CharSequence text, int index) {
        if (index == 0 || "*_)]`~>".indexOf(text.charAt(index - 1)) < 0) {
            return false;
        }
        char closer = text.charAt(index - 1);
        int before = index - 1;
        if (closer == '*' || closer == '_' || closer == '~') { // a run that closes emphasis follows no space
            while (before > 0 && text.charAt(before - 1) == closer) {
                before--;
            }
            if (before == 0 || Character.isWhitespace(text.charAt(before - 1))) {
                return false;
            }
        }
        int backslashes = 0;
        for (int i = before - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 0;
    }

    /**
     * Whether {@code markdown} holds a brace without a colon that flexmark would read as an attribute list where
     * {@link QuickPostProcess#opensAttributeList} lets it (after a span, or alone on a line), which kramdown reads as
     * text: the rewrite escapes it.
     */
    private static boolean hasBareAttributeList(String markdown) {
        for (int i = markdown.indexOf('{'); i >= 0; i = markdown.indexOf('{', i + 1)) {
            if (bareAttributeList(markdown, i)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the '{' at {@code i} of {@code text} is a colon-less attribute list after a span or alone on its line. */
    private static boolean bareAttributeList(CharSequence text, int i) {
        if (i + 1 >= text.length() || text.charAt(i + 1) == ':') {
            return false;
        }
        boolean afterSpan = closesSpan(text, i);
        int lineStart = i;
        while (lineStart > 0 && " \t>".indexOf(text.charAt(lineStart - 1)) >= 0) {
            lineStart--;
        }
        if (!afterSpan && lineStart > 0 && text.charAt(lineStart - 1) != '\n') {
            return false;
        }
        int close = i + 1;
        while (close < text.length() && text.charAt(close) != '}' && text.charAt(close) != '\n') {
            close++;
        }
        if (close >= text.length() || text.charAt(close) != '}'
                || !QuickPostProcess.ATTRIBUTE_LIST.matcher(text.subSequence(i, close + 1)).matches()) {
            return false;
        }
        if (afterSpan) {
            return true;
        }
        int end = close + 1;
        while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t' || text.charAt(end) == '\r')) {
            end++;
        }
        return end == text.length() || text.charAt(end) == '\n';
    }

    /**
     * The attributes of a kramdown attribute list's content as flexmark reads them ({@code .a #b key="v"}), its
     * references replaced by what {@code definitions} define; what is neither is left out, as kramdown leaves it.
     */
    private static String attributes(String content, Map<String, String> definitions, int depth) {
        return attributes(content, definitions, depth, new java.util.HashSet<>());
    }

    /** {@link #attributes}, with the names of the definitions being expanded: one that refers to itself adds nothing. */
    private static String attributes(String content, Map<String, String> definitions, int depth,
                                     java.util.Set<String> expanding) {
        StringBuilder out = new StringBuilder();
        Matcher m = ATTRIBUTE.matcher(content);
        while (m.find()) {
            String attribute;
            if (m.group(1) != null) {
                attribute = m.group(1) + "=" + m.group(2) + m.group(3) + m.group(2);
            } else if (m.group(4) != null) {
                String name = m.group(4);
                String defined = definitions.get(name);
                if (defined == null || depth > 8 || !expanding.add(name)) {
                    attribute = "";
                } else {
                    attribute = attributes(defined, definitions, depth + 1, expanding);
                    expanding.remove(name);
                }
            } else {
                attribute = m.group(5).replace(".", " .").replace("#", " #").strip();
            }
            if (!attribute.isEmpty()) {
                out.append(out.isEmpty() ? "" : " ").append(attribute);
            }
        }
        return out.toString();
    }

    /** The offsets of {@code document}'s code spans and code blocks. */
    static BitSet code(Node document) {
        BitSet code = new BitSet();
        for (Node n : document.getDescendants()) {
            if (n instanceof Code || n instanceof FencedCodeBlock || n instanceof IndentedCodeBlock) {
                code.set(n.getStartOffset(), n.getEndOffset());
            }
        }
        return code;
    }

    /**
     * The offsets right after {@code document}'s spans that an attribute list may follow, as kramdown's: emphasis,
     * strong emphasis, strikethrough, code, links and images (inline or by reference), {@code <...>} autolinks. Where
     * no span ends, a list follows text, and kramdown reads it as text ({@code (a){: .x}}, {@code [not a link]{: .x}}).
     */
    static BitSet spanEnds(Node document) {
        BitSet ends = new BitSet();
        for (Node n : document.getDescendants()) {
            if (n instanceof DelimitedNode || n instanceof Code || n instanceof LinkNodeBase || n instanceof RefNode
                    || n instanceof com.vladsch.flexmark.ast.AutoLink a && !a.getOpeningMarker().isEmpty()
                    || n instanceof com.vladsch.flexmark.ast.MailLink m && !m.getOpeningMarker().isEmpty()) {
                if (!(n instanceof TypographicQuotes
                        || n instanceof RefNode ref && !ref.isDefined())) { // [a] with no [a]: ... is text
                    ends.set(n.getEndOffset());
                }
            }
        }
        return ends;
    }

    /** The offsets of {@code document}'s code and raw HTML (blocks, tags and comments): text no Markdown rule reads. */
    static BitSet raw(Node document) {
        return raw(document, false);
    }

    /** {@link #raw(Node)}, and with {@code links} the {@code <...>} autolinks too: one walk of the document. */
    private static BitSet raw(Node document, boolean links) {
        BitSet raw = new BitSet();
        for (Node n : document.getDescendants()) {
            if (n instanceof Code || n instanceof FencedCodeBlock || n instanceof IndentedCodeBlock
                    || n instanceof HtmlBlock || n instanceof HtmlCommentBlock || n instanceof HtmlInline
                    || n instanceof HtmlInlineComment || links && (n instanceof com.vladsch.flexmark.ast.AutoLink
                    || n instanceof com.vladsch.flexmark.ast.MailLink)) {
                raw.set(n.getStartOffset(), n.getEndOffset());
            }
        }
        return raw;
    }

    /**
     * The offsets of the links {@code document}'s text became without any syntax of its own: bare URLs,
     * {@code www.} and e-mail addresses (not {@code <...>} autolinks).
     */
    static BitSet bareLinks(Node document) {
        BitSet links = new BitSet();
        for (Node n : document.getDescendants()) {
            if (n instanceof com.vladsch.flexmark.ast.AutoLink a && a.getOpeningMarker().isEmpty()
                    || n instanceof com.vladsch.flexmark.ast.MailLink m && m.getOpeningMarker().isEmpty()) {
                links.set(n.getStartOffset(), n.getEndOffset());
            }
        }
        return links;
    }

    /**
     * The offsets of the double quotes of {@code document}'s text that the typographic quotes leave straight (a
     * {@code "} they pair with none, as in {@code 2.5" drive}); not in code, raw HTML or an image's alt text.
     */
    static BitSet straightQuotes(Node document) {
        BitSet quotes = new BitSet();
        for (Node n : document.getDescendants()) {
            if (n instanceof com.vladsch.flexmark.ast.Text && n.getChars().indexOf('"') >= 0 && inText(n)) {
                com.vladsch.flexmark.util.sequence.BasedSequence chars = n.getChars();
                for (int i = chars.indexOf('"'); i >= 0; i = chars.indexOf('"', i + 1)) {
                    quotes.set(chars.getStartOffset() + i);
                }
            }
        }
        return quotes;
    }

    /**
     * Whether {@code text} is shown with typographic quotes: inline text (of a paragraph, a heading, a table's cell),
     * not in code or an image's alt text.
     */
    private static boolean inText(Node text) {
        boolean inline = false;
        for (Node n = text.getParent(); n != null; n = n.getParent()) {
            if (n instanceof Code || n instanceof FencedCodeBlock || n instanceof IndentedCodeBlock
                    || n instanceof com.vladsch.flexmark.ast.Image || n instanceof com.vladsch.flexmark.ast.ImageRef) {
                return false;
            }
            inline |= n instanceof com.vladsch.flexmark.ast.Paragraph || n instanceof com.vladsch.flexmark.ast.Heading
                    || n instanceof com.vladsch.flexmark.ext.tables.TableCell;
        }
        return inline;
    }

    /** The offsets of the {@code )} that ends each marker of an ordered list item ({@code 1)}) of {@code document}. */
    static BitSet listParens(Node document) {
        BitSet parens = new BitSet();
        for (Node n : document.getDescendants()) {
            if (n instanceof com.vladsch.flexmark.ast.OrderedListItem item
                    && item.getOpeningMarker().endsWith(")")) {
                parens.set(item.getOpeningMarker().getEndOffset() - 1);
            }
        }
        return parens;
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static void append(StringBuilder out, String line, int index, int count) {
        out.append(line);
        if (index < count - 1) {
            out.append('\n');
        }
    }

    /**
     * The parts of a line (starting at {@code start}) outside code rewritten: an attribute list right after a span
     * as flexmark reads it, a colon-less one where flexmark would take it escaped; other braces as they are.
     */
    private static String outsideCode(String line, int start, BitSet code, BitSet spanEnds,
                                      Map<String, String> definitions) {
        if (line.indexOf('{') < 0) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length());
        int done = 0;
        for (int i = line.indexOf('{'); i >= 0; i = line.indexOf('{', i + 1)) {
            if (code.get(start + i)) {
                continue;
            }
            Matcher ial = SPAN_IAL.matcher(line).region(i, line.length());
            if (ial.lookingAt() && spanEnds.get(start + i) && closesSpan(line, i)) {
                String attributes = attributes(ial.group(1), definitions, 0);
                out.append(line, done, i).append(attributes.isEmpty() ? "" : "{" + attributes + "}");
                done = ial.end();
                i = done - 1;
            } else if (bareAttributeList(line, i)) {
                out.append(line, done, i).append('\\');
                done = i;
            }
        }
        return out.append(line, done, line.length()).toString();
    }
}
