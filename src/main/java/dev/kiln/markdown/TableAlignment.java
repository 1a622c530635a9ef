package dev.kiln.markdown;

import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.html.MutableAttributes;
import org.jetbrains.annotations.NotNull;

/**
 * A table column's alignment as kramdown writes it, {@code style="text-align: center"}, rather than flexmark's
 * {@code align="center"}: HTML made {@code align} obsolete, and the Nu HTML Checker rejects it.
 */
final class TableAlignment implements HtmlRenderer.HtmlRendererExtension {

    /** The style of a cell aligned {@code alignment}. */
    static String style(TableCell.Alignment alignment) {
        return switch (alignment) {
            case LEFT -> "text-align: left";
            case CENTER -> "text-align: center";
            case RIGHT -> "text-align: right";
        };
    }

    @Override
    public void rendererOptions(@NotNull MutableDataHolder options) {}

    @Override
    public void extend(@NotNull HtmlRenderer.Builder builder, @NotNull String rendererType) {
        builder.attributeProviderFactory(new IndependentAttributeProviderFactory() {
            @Override
            public @NotNull AttributeProvider apply(@NotNull LinkResolverContext context) {
                return TableAlignment::setAttributes;
            }
        });
    }

    /** flexmark's table renderer has set {@code align} on the cell: it becomes the style. */
    private static void setAttributes(Node node, AttributablePart part, MutableAttributes attributes) {
        if (node instanceof TableCell cell && cell.getAlignment() != null && attributes.contains("align")) {
            attributes.remove("align");
            String style = style(cell.getAlignment());
            String own = attributes.getValue("style");
            attributes.replaceValue("style", own.isEmpty() ? style : own + "; " + style);
        }
    }
}
