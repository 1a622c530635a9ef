package dev.kiln.markdown;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataHolder;

/**
 * A flexmark extension whose parser part Kiln replaces (subclasses give {@link #extend(Parser.Builder)}), its
 * options and HTML rendering kept as flexmark's own.
 */
abstract class ReplacedParser<E extends Parser.ParserExtension & HtmlRenderer.HtmlRendererExtension>
        implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    private final E flexmark;

    ReplacedParser(E flexmark) {
        this.flexmark = flexmark;
    }

    @Override
    public void parserOptions(MutableDataHolder options) {
        flexmark.parserOptions(options);
    }

    @Override
    public void rendererOptions(MutableDataHolder options) {
        flexmark.rendererOptions(options);
    }

    @Override
    public void extend(HtmlRenderer.Builder builder, String rendererType) {
        flexmark.extend(builder, rendererType);
    }
}
