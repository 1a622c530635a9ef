package dev.kiln.markdown;

import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;

import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offsets of a page's text where template syntax left in it (Hugo's shortcodes, Jekyll's Liquid) is shown as
 * written, or not at all: Markdown's code, raw HTML's code elements ({@code <pre>}, {@code <code>}, {@code <script>},
 * {@code <style>}, {@code <textarea>}, up to their end tag) and HTML comments. An author writing about templates shows
 * them there; anywhere else they are a habit of another generator that Kiln would print as text.
 */
final class ShownAsWritten {

    /** A start tag of raw HTML whose text a browser shows as written, or runs: {@code <code>} and its like. */
    private static final Pattern HTML_CODE = Pattern.compile("<(pre|code|script|style|textarea)(?=[\\s/>])[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_COMMENT = Pattern.compile("<!--.*?(?:-->|\\z)", Pattern.DOTALL);

    private ShownAsWritten() {}

    /** The offsets of the Markdown {@code document} (parsed from the text itself) shown as written. */
    static BitSet inMarkdown(Node document) {
        BitSet code = new BitSet();
        CharSequence text = document.getChars();
        for (Node n : document.getDescendants()) {
            if (n instanceof Code || n instanceof FencedCodeBlock || n instanceof IndentedCodeBlock
                    || n instanceof HtmlCommentBlock || n instanceof HtmlInlineComment) {
                code.set(n.getStartOffset(), n.getEndOffset());
            } else if (n instanceof HtmlBlock) { // <pre><code>...</code></pre>: the block holds its end tag, if any
                htmlCode(text, n.getStartOffset(), n.getEndOffset(), code);
            } else if (n instanceof HtmlInline) { // <code>, then text, then </code>: up to its paragraph's end
                Node block = n.getParent();
                while (block != null && !(block instanceof Block)) {
                    block = block.getParent();
                }
                int end = block != null ? block.getEndOffset() : text.length();
                Matcher open = HTML_CODE.matcher(text).region(n.getStartOffset(), n.getEndOffset());
                if (open.lookingAt()) {
                    htmlCode(text, n.getStartOffset(), end, code);
                }
            }
        }
        return code;
    }

    /** The offsets of the HTML page {@code html} shown as written: its code elements and its comments. */
    static BitSet inHtml(CharSequence html) {
        BitSet code = new BitSet();
        Matcher comment = HTML_COMMENT.matcher(html);
        while (comment.find()) {
            code.set(comment.start(), comment.end());
        }
        htmlCode(html, 0, html.length(), code);
        return code;
    }

    /** Marks in {@code code} each of raw HTML's code elements within {@code from}..{@code to} of {@code text}, to its end tag. */
    private static void htmlCode(CharSequence text, int from, int to, BitSet code) {
        Matcher open = HTML_CODE.matcher(text).region(from, to);
        while (open.find()) {
            Matcher close = Pattern.compile("</" + open.group(1) + "\\s*>", Pattern.CASE_INSENSITIVE).matcher(text)
                    .region(open.end(), to);
            int end = close.find() ? close.end() : to;
            code.set(open.start(), end);
            if (end >= to) {
                return;
            }
            open.region(end, to);
        }
    }
}
