package dev.kiln.markdown;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.attributes.AttributesExtension;
import com.vladsch.flexmark.ext.attributes.AttributesNode;
import com.vladsch.flexmark.ext.attributes.internal.AttributesInlineParserExtension;
import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.DocumentPostProcessor;
import com.vladsch.flexmark.parser.block.DocumentPostProcessorFactory;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.ast.TypographicText;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.ArrayList;
import java.util.List;

/**
 * flexmark's node post-processors, autolinks (bare URLs of the web's schemes, {@code www.} and e-mail addresses become
 * links: {@link MarkdownRenderer#ONLY_THE_WEBS_SCHEMES}, where GFM links them: {@link GfmAutolinks}), then
 * attribute lists ({@code {: .class}}, placed as kramdown places them: {@link KramdownAttributes}) and last
 * abbreviations ({@link Abbreviations#mark}), run as flexmark runs them: in that order, each
 * over the nodes of its kinds in document order as they are when it starts, skipping nodes an earlier
 * step removed. What differs is how the nodes are found: flexmark's post-processor manager first
 * classifies every node of the page (ordered sets and a bit set of ancestors for each), a tenth of
 * parsing at 10,000 posts; here one plain walk of the tree finds them. And autolinks are looked for
 * only in text that could hold one: most prose has no {@code ://}, {@code www.} or {@code @}, and text
 * without them is left as it is by flexmark's processor too.
 *
 * <p>{@link Attributes} is {@link AttributesExtension} without its node post-processor, which this runs.
 * {@code QuickInlineParserTest} holds the two to flexmark's own extensions.
 */
final class QuickPostProcess implements Parser.ParserExtension {

    @Override
    public void parserOptions(MutableDataHolder options) {}

    @Override
    public void extend(Parser.Builder builder) {
        builder.postProcessorFactory(new DocumentPostProcessorFactory() {
            @Override
            public DocumentPostProcessor apply(Document document) {
                return new DocumentPostProcessor() {
                    @Override
                    public Document processDocument(Document document) {
                        postProcess(document);
                        return document;
                    }
                };
            }
        });
    }

    /** Tells no one: flexmark's manager keeps its node classification up to date with it, this walks the tree. */
    private static final NodeTracker UNTRACKED = new NodeTracker() {
        @Override
        public void nodeAdded(Node node) {}

        @Override
        public void nodeAddedWithChildren(Node node) {}

        @Override
        public void nodeAddedWithDescendants(Node node) {}

        @Override
        public void nodeRemoved(Node node) {}

        @Override
        public void nodeRemovedWithChildren(Node node) {}

        @Override
        public void nodeRemovedWithDescendants(Node node) {}
    };

    private static void postProcess(Document document) {
        // Autolinking replaces text nodes only: the attribute lists and code blocks are the same before and
        // after it, so one walk finds both kinds.
        List<Node> texts = new ArrayList<>();
        List<Node> attributed = new ArrayList<>();
        collect(document, texts, attributed);
        if (!texts.isEmpty()) {
            NodePostProcessor autolink = new GfmAutolinks(document);
            char[] buffer = new char[256]; // the page's, reused from text node to text node
            for (Node text : texts) {
                if (text.getParent() != null && mayHoldLink(text, buffer)) {
                    autolink.process(UNTRACKED, text);
                }
            }
        }
        if (!attributed.isEmpty()) {
            NodePostProcessor attributes = new KramdownAttributes(document);
            for (Node node : attributed) {
                if (node.getParent() != null) {
                    attributes.process(UNTRACKED, node);
                }
            }
        }
        // Last, as flexmark orders them after autolinks: abbreviations, in a page that defines one.
        Abbreviations.mark(document, UNTRACKED);
    }

    /** The text nodes below {@code parent}, and its attribute lists and fenced code blocks, in document order. */
    private static void collect(Node parent, List<Node> texts, List<Node> attributed) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Text) {
                texts.add(n);
            } else if (n instanceof AttributesNode || n instanceof FencedCodeBlock) {
                attributed.add(n);
            }
            collect(n, texts, attributed);
        }
    }

    /**
     * Whether the text of {@code node} and the nodes of text right after it hold {@code ://}, {@code www.},
     * an {@code @} or a character reference that could be one. flexmark's processor reads a text node
     * together with the typographic marks, entities and text that follow it without a space ({@code
     * word---http://x} is one link to it: the URL's scheme is read back over {@code word---}), so those
     * are read here too.
     */
    private static boolean mayHoldLink(Node node, char[] buffer) {
        for (Node n = node; n instanceof Text || n instanceof TypographicText || n instanceof HtmlEntity; n = n.getNext()) {
            BasedSequence chars = n.getChars();
            int len = chars.length();
            char[] text = PageChars.copy(chars, len <= buffer.length ? buffer : new char[len]);
            for (int i = 0; i < len; i++) {
                char c = text[i];
                if (c == '@' || c == '&'
                        || (c == ':' && i + 2 < len && text[i + 1] == '/' && text[i + 2] == '/')
                        || ((c == 'w' || c == 'W') && i + 3 < len && text[i + 3] == '.'
                        && (text[i + 1] == 'w' || text[i + 1] == 'W')
                        && (text[i + 2] == 'w' || text[i + 2] == 'W'))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * {@link AttributesExtension} without its node post-processor ({@link QuickPostProcess} runs it), and
     * with its inline parser made at a page's first '{': flexmark makes one for every page, and compiles
     * its patterns each time.
     */
    static final class Attributes extends ReplacedParser<AttributesExtension> {

        Attributes() {
            super(AttributesExtension.create());
        }

        @Override
        public void extend(Parser.Builder builder) {
            builder.customInlineParserExtensionFactory(new LazyAttributes(new AttributesInlineParserExtension.Factory()));
        }
    }

    /**
     * {@link AttributesExtension} as flexmark registers it (its node post-processor too, with kramdown's placing), its
     * inline parser taking only what {@link #opensAttributeList} accepts: the renderer that the test compares with
     * Kiln's.
     */
    static final class FlexmarkAttributes extends ReplacedParser<AttributesExtension> {

        FlexmarkAttributes() {
            super(AttributesExtension.create());
        }

        @Override
        public void extend(Parser.Builder builder) {
            builder.postProcessorFactory(new KramdownAttributes.Factory());
            builder.customInlineParserExtensionFactory(new LazyAttributes(new AttributesInlineParserExtension.Factory()));
        }
    }

    /**
     * An attribute list in kramdown's syntax (which {@link KramdownSyntax} has turned from {@code {: ...}}
     * into {@code {...}}): classes, ids and {@code key="value"} pairs, nothing else. flexmark would also
     * take a bare name ({@code {name}}: an empty attribute) and make the text before it a span, so that
     * {@code Use the {name} placeholder} lost its word; kramdown reads such braces as text.
     */
    static final java.util.regex.Pattern ATTRIBUTE_LIST = java.util.regex.Pattern.compile(
            "\\{\\s*(?:(?:[.#][^\\s{}\"'=.#]+|[A-Za-z_][\\w:.-]*=(?:\"[^\"]*\"|'[^']*'|[^\\s\"'{}]+))\\s*)+}");

    /**
     * Whether the '{' at {@code index} of {@code input}, a line of {@code block}, opens an attribute list where kramdown
     * reads one: right after a span ({@link KramdownSyntax#closesSpan}: {@code *em*{: .x}}, {@code [a](u){: .x}}), alone
     * on its line (a block's list), or at a heading's end after a space ({@code {#id}}, kramdown's; any list, Kiln's and
     * Hugo's: {@code ## Title {#id .x}}). Anywhere else braces are text
     * ({@code Set {#anchor} and {.cls} mid text}), as they are in kramdown.
     */
    static boolean opensAttributeList(BasedSequence input, int index, Node block) {
        int close = -1;
        for (int i = index + 1, n = input.length(); i < n; i++) {
            char c = input.charAt(i);
            if (c == '}') {
                close = i + 1;
                break;
            } else if (c == '\n') {
                return false;
            }
        }
        if (close < 0 || !ATTRIBUTE_LIST.matcher(input.subSequence(index, close)).matches()) {
            return false;
        }
        if (KramdownSyntax.closesSpan(input, index)) {
            return true;
        }
        int end = close;
        while (end < input.length() && (input.charAt(end) == ' ' || input.charAt(end) == '\t')) {
            end++;
        }
        boolean lineEnd = end == input.length() || input.charAt(end) == '\n' || input.charAt(end) == '\r';
        if (!lineEnd) {
            return false;
        }
        int start = index;
        while (start > 0 && (input.charAt(start - 1) == ' ' || input.charAt(start - 1) == '\t')) {
            start--;
        }
        if (start == 0 || input.charAt(start - 1) == '\n') {
            return true; // alone on its line
        }
        // A heading's list at its end: kramdown's {#id}, and any list (Kiln's extension, as Hugo's; KramdownSyntax).
        return block instanceof com.vladsch.flexmark.ast.Heading && start < index && end == input.length();
    }

    /**
     * flexmark's factory of the attribute-list inline parser, its parser made when first asked to parse, and
     * asked only at a '{' that {@link #opensAttributeList opens an attribute list}.
     */
    private static final class LazyAttributes extends StandIn<InlineParserExtensionFactory>
            implements InlineParserExtensionFactory {
        LazyAttributes(InlineParserExtensionFactory attributes) {
            super(attributes);
        }

        @Override
        public CharSequence getCharacters() {
            return flexmark.getCharacters();
        }

        @Override
        public InlineParserExtension apply(LightInlineParser inlineParser) {
            return new InlineParserExtension() {
                private InlineParserExtension parser;

                @Override
                public void finalizeDocument(InlineParser inlineParser) {
                    if (parser != null) {
                        parser.finalizeDocument(inlineParser);
                    }
                }

                @Override
                public void finalizeBlock(InlineParser inlineParser) {
                    if (parser != null) {
                        parser.finalizeBlock(inlineParser);
                    }
                }

                @Override
                public boolean parse(LightInlineParser lightInlineParser) {
                    if (!opensAttributeList(lightInlineParser.getInput(), lightInlineParser.getIndex(), lightInlineParser.getBlock())) {
                        return false;
                    }
                    if (parser == null) {
                        parser = flexmark.apply(inlineParser);
                    }
                    return parser.parse(lightInlineParser);
                }
            };
        }
    }
}
