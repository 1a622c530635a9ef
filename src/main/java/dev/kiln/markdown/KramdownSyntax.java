package dev.kiln.markdown;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;

import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the kramdown syntax that Jekyll posts use into what flexmark reads, outside code:
 * attribute lists {@code {: .class}} become {@code {.class}}, and {@code [TOC]} or kramdown's
 * {@code * TOC} + {@code {:toc}} become a placeholder that the HTML stage fills with the headings.
 */
final class KramdownSyntax {

    /** Replaced by the table of contents after the headings have their final ids. */
    static final String TOC_PLACEHOLDER = "<div class=\"kiln-toc\"></div>";

    private static final Pattern IAL = Pattern.compile("\\{:(?!:)\\s*");
    private static final Pattern TOC = Pattern.compile("^\\s*\\[TOC]\\s*$");
    private static final Pattern KRAMDOWN_TOC_ITEM = Pattern.compile("^\\s*(?:[*+-]|1\\.)\\s+.*$");
    private static final Pattern KRAMDOWN_TOC_MARK = Pattern.compile("^\\s*\\{:\\s*toc\\s*}\\s*$");

    private KramdownSyntax() {}

    /**
     * {@code markdown} rewritten outside code. What is code is decided by {@code parser} itself, so that
     * list content indented four spaces is prose and a Ruby hash {@code {:a => 1}} in code stays as written.
     */
    static String rewrite(String markdown, Parser parser) {
        // Only documents with kramdown syntax pay for the second parse.
        if (!markdown.contains("{:") && !markdown.contains("[TOC]")) {
            return markdown;
        }
        BitSet code = code(parser.parse(markdown));
        String[] lines = markdown.split("\n", -1);
        StringBuilder out = new StringBuilder(markdown.length() + 64);
        int offset = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int start = offset;
            offset += line.length() + 1;
            boolean inCode = !line.isBlank() && code.get(start + indent(line));
            if (!inCode && TOC.matcher(line).matches()) {
                append(out, TOC_PLACEHOLDER + "\n", i, lines.length);
            } else if (!inCode && i + 1 < lines.length && KRAMDOWN_TOC_ITEM.matcher(line).matches()
                    && KRAMDOWN_TOC_MARK.matcher(lines[i + 1]).matches()) {
                i++;
                offset += lines[i].length() + 1;
                append(out, TOC_PLACEHOLDER + "\n", i, lines.length);
            } else {
                append(out, outsideCode(line, start, code), i, lines.length);
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

    /** The offsets of {@code document}'s code and raw HTML (blocks, tags and comments): text no Markdown rule reads. */
    static BitSet raw(Node document) {
        BitSet raw = code(document);
        for (Node n : document.getDescendants()) {
            if (n instanceof HtmlBlock || n instanceof HtmlCommentBlock || n instanceof HtmlInline
                    || n instanceof HtmlInlineComment) {
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

    /** Applies the attribute-list rewrite to the parts of a line (starting at {@code start}) outside code. */
    private static String outsideCode(String line, int start, BitSet code) {
        Matcher m = IAL.matcher(line);
        StringBuilder out = new StringBuilder(line.length());
        while (m.find()) {
            m.appendReplacement(out, code.get(start + m.start()) ? Matcher.quoteReplacement(m.group()) : "{");
        }
        m.appendTail(out);
        return out.toString();
    }
}
