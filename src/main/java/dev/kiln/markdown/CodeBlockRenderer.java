package dev.kiln.markdown;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import dev.kiln.highlight.Highlighter;

import java.util.Set;

/**
 * Renders code blocks as {@code <pre><code class="language-x">} with build-time highlighting; a fenced block whose
 * options ask for line numbers ({@link FenceOptions}) as the table Jekyll's highlight tag writes with Rouge.
 */
final class CodeBlockRenderer implements NodeRenderer {

    private final Highlighter highlighter;

    CodeBlockRenderer(Highlighter highlighter) {
        this.highlighter = highlighter;
    }

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(
                new NodeRenderingHandler<>(FencedCodeBlock.class, this::renderFenced),
                new NodeRenderingHandler<>(IndentedCodeBlock.class, this::renderIndented));
    }

    private void renderFenced(FencedCodeBlock node, NodeRendererContext context, HtmlWriter html) {
        if (FenceOptions.lineNumbers(node)) {
            writeNumbered(html, fenced(node), language(node));
        } else {
            write(html, fenced(node), language(node));
        }
    }

    private void renderIndented(IndentedCodeBlock node, NodeRendererContext context, HtmlWriter html) {
        write(html, indented(node), "");
    }

    /** The language a fenced block names first in its info string, or "". */
    static String language(FencedCodeBlock node) {
        String info = node.getInfo().toString().trim();
        int end = 0;
        while (end < info.length() && !isLanguageEnd(info.charAt(end))) {
            end++;
        }
        return info.substring(0, end);
    }

    /** Where the language of an info string ends: white space (as {@code \\s} matches it), '{' or ','. */
    private static boolean isLanguageEnd(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '{' || c == ',';
    }

    static String fenced(FencedCodeBlock node) {
        return node.getContentChars().normalizeEOL();
    }

    static String indented(IndentedCodeBlock node) {
        return node.getContentChars().trimTailBlankLines().normalizeEndWithEOL();
    }

    /** {@code <pre><code>}, with the language's class when there is one. */
    static String openTag(String language) {
        return "<pre>" + codeTag(language);
    }

    /** {@code <code>}, with the language's class when there is one. */
    static String codeTag(String language) {
        return language.isEmpty() ? "<code>" : "<code class=\"language-" + attribute(language) + "\">";
    }

    /**
     * The HTML of a numbered block between its {@code <figure class="highlight">} and its line numbers. Jekyll
     * 4.3's highlight tag with Rouge writes {@code <figure class="highlight"><pre><code class="language-x" data-lang="x"><table class="rouge-table"><tbody>
     * <tr><td class="gutter gl"><pre class="lineno">1\n</pre></td><td class="code"><pre>CODE\n</pre></td>...}: the
     * same classes keep an old blog's stylesheet working, but a table inside {@code <pre><code>} is not valid HTML,
     * so the figure holds the table itself and the code cell's {@code <pre>} holds the {@code <code>} with its
     * language, as every other block's does. The numbers are a cell of their own, so that copying the code copies
     * none, and hidden from screen readers, which would read them out before the code.
     */
    static final String NUMBERED_START = "<table class=\"rouge-table\"><tbody><tr><td class=\"gutter gl\">"
            + "<pre class=\"lineno\" aria-hidden=\"true\">";

    /** The HTML between the line numbers and the code's {@code <code>}. */
    static final String NUMBERED_MIDDLE = "</pre></td><td class=\"code\"><pre>";

    /** The HTML after the code of a numbered block, up to the figure's end tag. */
    static final String NUMBERED_END = "</code></pre></td></tr></tbody></table>";

    /**
     * The line numbers of {@code code}, each followed by a line end, as Rouge writes them: one for each line, the
     * last line's end ending no line of its own; an empty block is one empty line, numbered 1, as in Jekyll.
     */
    static String lineNumbers(String code) {
        int lines = 0;
        for (int i = 0, n = code.length(); i < n; i++) {
            if (code.charAt(i) == '\n') {
                lines++;
            }
        }
        if (!code.isEmpty() && code.charAt(code.length() - 1) != '\n') {
            lines++;
        }
        StringBuilder numbers = new StringBuilder(lines * 4);
        for (int line = 1; line <= Math.max(1, lines); line++) {
            numbers.append(line).append('\n');
        }
        return numbers.toString();
    }

    private void writeNumbered(HtmlWriter html, String code, String language) {
        html.line();
        // An attribute list after the block goes on its outer element, here the figure, as on the <pre> of others.
        html.attr("class", "highlight").withAttr().tag("figure", false);
        html.raw(NUMBERED_START);
        html.openPre();
        html.raw(lineNumbers(code));
        html.raw(NUMBERED_MIDDLE + codeTag(language));
        html.raw(highlighter.highlight(code, language));
        html.closePre();
        html.raw(NUMBERED_END);
        html.tag("/figure");
        html.line();
    }

    private void write(HtmlWriter html, String code, String language) {
        html.line();
        // The attribute list after the block, kramdown's way to set its attributes, goes on the <pre> as in kramdown.
        html.withAttr().tag("pre", false);
        html.raw(codeTag(language));
        // Pre-formatted mode keeps the code's leading white space, which the writer would trim.
        html.openPre();
        html.raw(highlighter.highlight(code, language));
        html.closePre();
        html.raw("</code>");
        html.tag("/pre");
        html.line();
    }

    private static String attribute(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Plugs the renderer into flexmark. */
    record Extension(Highlighter highlighter) implements HtmlRenderer.HtmlRendererExtension {
        @Override
        public void rendererOptions(MutableDataHolder options) {}

        @Override
        public void extend(HtmlRenderer.Builder builder, String rendererType) {
            builder.nodeRendererFactory(options -> new CodeBlockRenderer(highlighter));
        }
    }
}
