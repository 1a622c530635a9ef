package dev.kiln.markdown;

import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Paragraph;
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
import com.vladsch.flexmark.util.sequence.BasedSequence;
import org.jetbrains.annotations.NotNull;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * flexmark's footnotes written as kramdown 2 writes them, so that deep links into posts that Jekyll built keep
 * working and a migrated theme's rules still apply. Ids: a note is {@code fn:NAME} after its label
 * ({@code [^source]} is {@code fn:source}, {@code [^1]} is {@code fn:1}), its first reference {@code fnref:NAME} and
 * each further one {@code fnref:NAME:1}, {@code fnref:NAME:2}... (kramdown's {@code convert_footnote} and
 * {@code footnote_content}; flexmark numbers them instead, {@code fn-1}, {@code fnref-1-1}). The visible numbers are
 * both's: 1, 2, 3 in the order of first reference. Markup: a reference is
 * {@code <sup id="fnref:NAME"><a href="#fn:NAME" class="footnote" rel="footnote" role="doc-noteref">1</a></sup>}; the
 * notes are an {@code <ol>} in {@code <div class="footnotes" role="doc-endnotes">} (no {@code <hr>}), each note's back
 * links ({@code <a href="#fnref:NAME" class="reversefootnote" role="doc-backlink">&#8617;</a>}, the further ones
 * {@code ↩<sup>2</sup>}, {@code ↩<sup>3</sup>}...) at the end of its last block after a no-break space when that is a
 * paragraph, else in a paragraph of their own: kramdown's defaults ({@code footnote_backlink},
 * {@code footnote_backlink_inline: false}), with the roles that kramdown 2.5 writes (2.4 put {@code doc-noteref} on
 * the {@code <sup>} and {@code doc-endnote}, deprecated since, on each note). flexmark parses them; this writes them.
 */
final class KramdownFootnotes implements Parser.ParserExtension, HtmlRenderer.HtmlRendererExtension {

    /**
     * A label kramdown reads as a footnote's name (its {@code ALD_ID_NAME}, letters of any script allowed); others
     * (flexmark takes any text) are named by their number.
     */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N}_-]*");

    /** What kramdown writes before a back link in a paragraph: a no-break space ({@code entity_output: as_char}). */
    private static final String NO_BREAK_SPACE = "&nbsp;";

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

    /** flexmark's {@code FootnoteNodeRenderer} with kramdown's ids and markup; made for each document. */
    private static final class Renderer implements PhasedNodeRenderer {
        /** kramdown's default {@code footnote_backlink}: ↩. */
        private static final String BACK_LINK = "&#8617;";

        private final FootnoteRepository footnotes;
        /** The referenced notes in the order of their first reference, with their names; found at the body's top. */
        private Map<FootnoteBlock, String> notes = Map.of();
        /** The number of each note, from 1. */
        private final Map<FootnoteBlock, Integer> numbers = new IdentityHashMap<>();

        Renderer(DataHolder options) {
            this.footnotes = FootnoteExtension.FOOTNOTES.get(options);
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
            html.attr("class", "footnotes").attr("role", "doc-endnotes").withAttr().tagIndent("div", () ->
                    html.tagIndent("ol", () -> notes.forEach((block, name) -> note(block, name, context, html))));
        }

        /**
         * The note {@code block} named {@code name}, its back links at the end of its last block when that is a
         * paragraph (kramdown's {@code li.children.last.type == :p}), else in a paragraph of their own.
         */
        private void note(FootnoteBlock block, String name, NodeRendererContext context, HtmlWriter html) {
            html.attr("id", "fn:" + name).withAttr().tagIndent("li", () -> {
                Node last = block.getLastChild();
                for (Node child = block.getFirstChild(); child != last; child = child.getNext()) {
                    context.render(child);
                }
                String links = backLinks(name, block.getFootnoteReferences());
                if (last instanceof Paragraph) {
                    // The links as the paragraph's last inline HTML, for this rendering only. Rendered by the page's
                    // own context: a sub-context's writer asks the page's context for the attributes of the node
                    // being rendered, which there is the note, so that a list such as <https://x>{:target="_blank"}
                    // was lost in the note's last paragraph.
                    HtmlInline tail = new HtmlInline(BasedSequence.of(NO_BREAK_SPACE + links));
                    last.appendChild(tail);
                    try {
                        context.render(last);
                    } finally {
                        tail.unlink();
                    }
                    return;
                }
                if (last != null) {
                    context.render(last);
                }
                html.tagLine("p", () -> html.raw(links));
            });
        }

        /**
         * The back links to the {@code references} references of the note {@code name}: the first {@code ↩}, each
         * further one {@code ↩<sup>2</sup>}, {@code ↩<sup>3</sup>}... after a no-break space, as kramdown writes them.
         */
        private static String backLinks(String name, int references) {
            StringBuilder links = new StringBuilder();
            for (int i = 0; i < references; i++) {
                links.append(i == 0 ? "" : NO_BREAK_SPACE).append("<a href=\"#").append(referenceId(name, i))
                        .append("\" class=\"reversefootnote\" role=\"doc-backlink\">").append(BACK_LINK)
                        .append(i == 0 ? "" : "<sup>" + (i + 1) + "</sup>").append("</a>");
            }
            return links.toString();
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
                html.attr("href", "#fn:" + name).attr("class", "footnote").attr("rel", "footnote")
                        .attr("role", "doc-noteref");
                html.withAttr().tag("a");
                html.raw(String.valueOf(numbers.get(block)));
                html.tag("/a");
            });
        }

        /** kramdown's id of the {@code n}th reference (from 0) to the note {@code name}. */
        private static String referenceId(String name, int n) {
            return n == 0 ? "fnref:" + name : "fnref:" + name + ":" + n;
        }
    }
}
