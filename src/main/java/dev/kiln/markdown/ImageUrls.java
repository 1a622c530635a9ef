package dev.kiln.markdown;

import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The URLs of a Markdown text's images, rewritten as written: an inline image's, and a reference definition's that
 * only images use. An image whose definition a link uses too is written inline with the new URL (and the
 * definition's title), so that the link keeps its URL. For the import of a theme that names images from a folder of
 * its own (Chirpy's {@code media_subpath}).
 */
final class ImageUrls {

    private ImageUrls() {}

    /** One change of the text: {@code start} (included) to {@code end} (excluded) becomes {@code text}. */
    private record Edit(int start, int end, String text) {}

    /**
     * {@code markdown} (which {@code document} parses, its offsets the text's) with each image's URL as written
     * given to {@code url}, and replaced by what it returns.
     */
    static String rewrite(String markdown, Document document, UnaryOperator<String> url) {
        List<Edit> edits = new ArrayList<>();
        Map<Reference, List<RefNode>> uses = new IdentityHashMap<>();
        List<Reference> order = new ArrayList<>();
        for (Node n : document.getDescendants()) {
            if (n instanceof Image image) {
                edit(edits, image.getUrl(), url);
            } else if (n instanceof RefNode ref && ref.isDefined()) {
                Reference definition = ref.getReferenceNode(document);
                if (definition != null) {
                    uses.computeIfAbsent(definition, d -> {
                        order.add(d);
                        return new ArrayList<>();
                    }).add(ref);
                }
            }
        }
        for (Reference definition : order) {
            List<RefNode> refs = uses.get(definition);
            if (refs.stream().allMatch(r -> r instanceof ImageRef)) {
                edit(edits, definition.getUrl(), url);
                continue;
            }
            String written = definition.getUrl().toString();
            String changed = url.apply(written);
            if (changed.equals(written)) {
                continue;
            }
            for (RefNode ref : refs) {
                if (ref instanceof ImageRef image) {
                    edits.add(new Edit(image.getStartOffset(), image.getEndOffset(), inline(image, definition, changed)));
                }
            }
        }
        edits.sort(Comparator.comparingInt(Edit::start));
        StringBuilder out = new StringBuilder(markdown.length() + 32 * edits.size());
        int done = 0;
        for (Edit e : edits) {
            if (e.start() < done) {
                continue; // inside an image written inline already (an image in another's alt text)
            }
            out.append(markdown, done, e.start()).append(e.text());
            done = e.end();
        }
        return out.append(markdown, done, markdown.length()).toString();
    }

    private static void edit(List<Edit> edits, BasedSequence written, UnaryOperator<String> url) {
        if (written.isEmpty()) {
            return;
        }
        String changed = url.apply(written.toString());
        if (!changed.contentEquals(written)) {
            edits.add(new Edit(written.getStartOffset(), written.getEndOffset(), changed));
        }
    }

    /** {@code image}, a reference to {@code definition}, written inline with the URL {@code url}. */
    private static String inline(ImageRef image, Reference definition, String url) {
        BasedSequence alt = image.getText().isEmpty() ? image.getReference() : image.getText();
        StringBuilder out = new StringBuilder("![").append(alt).append("](");
        boolean pointy = definition.getUrlOpeningMarker().length() > 0;
        out.append(pointy ? "<" : "").append(url).append(pointy ? ">" : "");
        if (definition.getTitle().length() > 0) {
            out.append(' ').append(definition.getTitleOpeningMarker()).append(definition.getTitle())
                    .append(definition.getTitleClosingMarker());
        }
        return out.append(')').toString();
    }
}
