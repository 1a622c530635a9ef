package dev.kiln.markdown;

import com.vladsch.flexmark.html.IndependentLinkResolverFactory;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;

/**
 * A link's or image's URL with its spaces and tabs percent-encoded ({@code </img/My Photo.png>} is
 * {@code /img/My%20Photo.png}), as CommonMark's reference renderers write it: a URL with a space is no valid URL in
 * HTML, and Java's URI, which makes a post's relative links root-relative, refuses it. Only a destination in
 * pointy brackets (or an entity, {@code &#32;}) can hold one; every other character is written as before.
 */
final class SpacedUrls {

    private SpacedUrls() {}

    /** {@code url} with each space {@code %20} and each tab {@code %09}; {@code url} itself when it has neither. */
    static String encoded(String url) {
        if (url.indexOf(' ') < 0 && url.indexOf('\t') < 0) {
            return url;
        }
        return url.replace(" ", "%20").replace("\t", "%09");
    }

    /** The same for flexmark's HTML renderer, which writes the pages Kiln's own writer leaves to it. */
    static final class Resolver extends IndependentLinkResolverFactory {
        @Override
        public LinkResolver apply(LinkResolverBasicContext context) {
            return (node, ctx, link) -> {
                String url = link.getUrl();
                String encoded = encoded(url);
                return encoded == url ? link : link.withUrl(encoded);
            };
        }
    }
}
