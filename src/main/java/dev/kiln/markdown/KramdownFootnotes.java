package dev.kiln.markdown;

import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.footnotes.internal.FootnoteRepository;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.html.renderer.PhasedNodeRenderer;
import com.vladsch.flexmark.html.renderer.RenderingPhase;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import org.jetbrains.annotations.NotNull;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * flexmark's footnotes with kramdown's ids, so that deep links into posts that Jekyll built keep working: a note
 * is {@code fn:NAME} after its label ({@code [^source]} is {@code fn:source}, {@code [^1]} is {@code fn:1}), its
 * first reference {@code fnref:NAME} and each further one {@code fnref:NAME:1}, {@code fnref:NAME:2}... (kramdown's
 * {@code convert_footnote} and {@code footnote_content}). flexmark numbers them instead ({@code fn-1},
 * {@code fnref-1-1}). The visible numbers are both's: 1, 2, 3 in the order of first reference. flexmark parses
 * them; this writes them as flexmark's renderer does, with those ids.
 */
final class KramdownFootnotes implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    /**
     * A label kramdown reads as a footnote's name (its {@code ALD_ID_NAME}, letters of any script allowed); others
     * (flexmark takes any text) are named by their number.
     */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N}_-]*");

    private final FootnoteExtension flexmark = FootnoteExtension.create();

    @Override
    public void parserOptions(MutableDataHolder options) {
        flexmark.parserOptions(options);
    }

    @Override
    public void extend(Parser.Builder builder) {
        flexmark.extend(builder);
    }

    @Override
    public void rendererOptions(@NotNull MutableDataHolder options) {
        flexmark.rendererOptions(options);
    }

    @Override
    public void extend(@NotNull HtmlRenderer.Builder builder, @NotNull String rendererType) {
        builder.nodeRendererFactory(Renderer::new);
    }

    /**
     * The notes of {@code document} that are referenced, in the order of their first reference, each with its
     * name: unique, its label when that is a kramdown name, else its number (from 1).
     */
    static Map<FootnoteBlock, String> notes(Document document) {
        Map<FootnoteBlock, String> notes = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (Node node : document.getDescendants()) {
            if (node instanceof Footnote reference && reference.getFootnoteBlock() != null
                    && !notes.containsKey(reference.getFootnoteBlock())) {
                FootnoteBlock block = reference.getFootnoteBlock();
                String label = block.getText().toString();
                String name = NAME.matcher(label).matches() ? label : String.valueOf(notes.size() + 1);
                String unique = name;
                for (int n = 1; !taken.add(unique); n++) {
                    unique = name + "-" + n;
                }
                notes.put(block, unique);
            }
        }
        return notes;
    }

    /** flexmark's {@code FootnoteNodeRenderer} with kramdown's ids; made for each document. */
    private static final class Renderer implements PhasedNodeRenderer {
        private final FootnoteRepository footnotes;
        /** The referenced notes in the order of their first reference, with their names; found at the body's top. */
        private Map<FootnoteBlock, String> notes = Map.of();
        /** The number of each note, from 1. */
        private final Map<FootnoteBlock, Integer> numbers = new IdentityHashMap<>();
        private final String refPrefix;
        private final String refSuffix;
        private final String backRef;
        private final String refClass;
        private final String backRefClass;

        Renderer(DataHolder options) {
            this.footnotes = FootnoteExtension.FOOTNOTES.get(options);
            this.refPrefix = FootnoteExtension.FOOTNOTE_REF_PREFIX.get(options);
            this.refSuffix = FootnoteExtension.FOOTNOTE_REF_SUFFIX.get(options);
            this.backRef = FootnoteExtension.FOOTNOTE_BACK_REF_STRING.get(options);
            this.refClass = FootnoteExtension.FOOTNOTE_LINK_REF_CLASS.get(options);
            this.backRefClass = FootnoteExtension.FOOTNOTE_BACK_LINK_REF_CLASS.get(options);
        }

        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(
                    new NodeRenderingHandler<>(Footnote.class, this::reference),
                    new NodeRenderingHandler<>(FootnoteBlock.class, (node, context, html) -> { }));
        }

        @Override
        public Set<RenderingPhase> getRenderingPhases() {
            return Set.of(RenderingPhase.BODY_TOP, RenderingPhase.BODY_BOTTOM);
        }

        /**
         * At the top, numbers the notes in the order of their first reference (flexmark orders them by their last);
         * at the bottom, writes them in that order.
         */
        @Override
        public void renderDocument(@NotNull NodeRendererContext context, @NotNull HtmlWriter html,
                                   @NotNull Document document, @NotNull RenderingPhase phase) {
            if (footnotes.getReferencedFootnoteBlocks().isEmpty()) {
                return;
            }
            if (phase == RenderingPhase.BODY_TOP) {
                notes = notes(document);
                notes.keySet().forEach(block -> numbers.put(block, numbers.size() + 1));
                return;
            }
            if (notes.isEmpty()) {
                return;
            }
            html.attr("class", "footnotes").withAttr().tagIndent("div", () -> {
                html.tagVoidLine("hr");
                html.tagIndent("ol", () -> {
                    for (Map.Entry<FootnoteBlock, String> note : notes.entrySet()) {
                        FootnoteBlock block = note.getKey();
                        String name = note.getValue();
                        html.attr("id", "fn:" + name);
                        html.withAttr().tagIndent("li", () -> {
                            context.renderChildren(block);
                            for (int i = 0; i < block.getFootnoteReferences(); i++) {
                                html.attr("href", "#" + referenceId(name, i));
                                if (!backRefClass.isEmpty()) {
                                    html.attr("class", backRefClass);
                                }
                                html.line().withAttr().tag("a");
                                html.raw(backRef);
                                html.tag("/a");
                            }
                        });
                    }
                });
            });
        }

        /** A reference: its note's number linked to the note, or the text as written for an undefined note. */
        private void reference(Footnote node, NodeRendererContext context, HtmlWriter html) {
            FootnoteBlock block = node.getFootnoteBlock();
            if (block == null) {
                html.raw("[^");
                context.renderChildren(node);
                html.raw("]");
                return;
            }
            String name = notes.get(block);
            html.attr("id", referenceId(name, node.getReferenceOrdinal()));
            html.srcPos(node.getChars()).withAttr().tag("sup", false, false, () -> {
                if (!refClass.isEmpty()) {
                    html.attr("class", refClass);
                }
                html.attr("href", "#fn:" + name);
                html.withAttr().tag("a");
                html.raw(refPrefix + numbers.get(block) + refSuffix);
                html.tag("/a");
            });
        }

        /** kramdown's id of the {@code n}th reference (from 0) to the note {@code name}. */
        private static String referenceId(String name, int n) {
            return n == 0 ? "fnref:" + name : "fnref:" + name + ":" + n;
        }
    }
}
