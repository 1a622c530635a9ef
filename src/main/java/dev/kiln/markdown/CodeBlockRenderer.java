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

/** Renders code blocks as {@code <pre><code class="language-x">} with build-time highlighting. */
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
        write(html, fenced(node), language(node));
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
    private static String codeTag(String language) {
        return language.isEmpty() ? "<code>" : "<code class=\"language-" + attribute(language) + "\">";
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
