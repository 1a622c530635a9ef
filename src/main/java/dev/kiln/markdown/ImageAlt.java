package dev.kiln.markdown;

import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.util.TextCollectingVisitor;
import com.vladsch.flexmark.ext.typographic.TypographicQuotes;
import com.vladsch.flexmark.ext.typographic.TypographicSmarts;
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
 * An image's alt text, for {@link DirectHtml} and flexmark's renderer alike: its text as flexmark collects it, but
 * with the apostrophes, quotes, dashes and ellipses the typographic extension made nodes of written as the author
 * wrote them, as kramdown writes them in an alt ({@code ![Bob's "red" car -- 1...2](x.png)} is {@code alt="Bob's
 * &quot;red&quot; car -- 1...2"}); flexmark's collector leaves those nodes out ({@code Bobs red car  12}). A heading
 * that is an image alone is listed in the table of contents by this alt text.
 */
final class ImageAlt implements HtmlRenderer.HtmlRendererExtension {

    /** The alt text of {@code image}, an {@link Image} or {@link ImageRef}. */
    static String of(Node image) {
        if (!hasTypographic(image)) {
            // flexmark's renderer's own collector, as its HTML has it: the other one left a backslash escape after a
            // line break in the alt as written (![\n  \[l](a.png) was alt="\n\[l", flexmark's alt="\n[l").
            return new com.vladsch.flexmark.util.ast.TextCollectingVisitor().collectAndGetText(image);
        }
        StringBuilder out = new StringBuilder();
        collect(image, out);
        return out.toString();
    }

    private static boolean hasTypographic(Node parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof TypographicSmarts || n instanceof TypographicQuotes || hasTypographic(n)) {
                return true;
            }
        }
        return false;
    }

    /** The text of the children of {@code parent}: typographic nodes as written, other leaves as flexmark collects them. */
    private static void collect(Node parent, StringBuilder out) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof TypographicSmarts) {
                out.append(n.getChars());
            } else if (n instanceof TypographicQuotes quotes) {
                out.append(quotes.getOpeningMarker());
                collect(n, out);
                out.append(quotes.getClosingMarker());
            } else if (n.hasChildren() && hasTypographic(n)) {
                collect(n, out);
            } else {
                out.append(new TextCollectingVisitor().collectAndGetText(n));
            }
        }
    }

    @Override
    public void rendererOptions(@NotNull MutableDataHolder options) {}

    /**
     * flexmark's renderer writes the alt its own collector made (the apostrophes, dashes and ellipses as written, but
     * without the quotes): this one replaces it, unless an attribute list set one of its own.
     */
    @Override
    public void extend(@NotNull HtmlRenderer.Builder builder, @NotNull String rendererType) {
        builder.attributeProviderFactory(new IndependentAttributeProviderFactory() {
            @Override
            public @NotNull AttributeProvider apply(@NotNull LinkResolverContext context) {
                return ImageAlt::setAttributes;
            }
        });
    }

    private static void setAttributes(Node node, AttributablePart part, MutableAttributes attributes) {
        if ((node instanceof Image || node instanceof ImageRef) && attributes.contains("alt") && hasTypographic(node)
                && attributes.getValue("alt").equals(new com.vladsch.flexmark.util.ast.TextCollectingVisitor()
                        .collectAndGetText(node))) { // the renderer's collector, which keeps the smarts, not the quotes
            attributes.replaceValue("alt", of(node));
        }
    }
}
