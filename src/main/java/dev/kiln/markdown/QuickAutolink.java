package dev.kiln.markdown;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.SubSequence;

/**
 * flexmark's autolinks (bare URLs, {@code www.} addresses and e-mail addresses become links), run only on
 * text that could hold one. flexmark's own post-processor unescapes and scans every text node of every
 * page, a sixth of the Markdown stage's time; most prose has no {@code ://}, {@code www.} or {@code @}, and
 * text without them is left as it is by that processor too.
 */
final class QuickAutolink implements Parser.ParserExtension {

    @Override
    public void parserOptions(MutableDataHolder options) {}

    @Override
    public void extend(Parser.Builder builder) {
        builder.postProcessorFactory(new Factory());
    }

    private static final class Factory extends NodePostProcessorFactory {
        Factory() {
            super(false);
            addNodes(Text.class);
        }

        @Override
        public NodePostProcessor apply(Document document) {
            NodePostProcessor autolink = new AutolinkNodePostProcessor(document);
            return new NodePostProcessor() {
                private final char[] buffer = new char[256]; // one page's, reused from text node to text node

                @Override
                public void process(NodeTracker state, Node node) {
                    if (mayHoldLink(node, buffer)) {
                        autolink.process(state, node);
                    }
                }
            };
        }
    }

    /**
     * Whether the text of {@code node} and the text nodes right after it (flexmark's processor reads them
     * as one) hold {@code ://}, {@code www.}, an {@code @} or a character reference that could be one.
     */
    private static boolean mayHoldLink(Node node, char[] buffer) {
        for (Node n = node; n instanceof Text; n = n.getNext()) {
            BasedSequence chars = n.getChars();
            int len = chars.length();
            char[] text = copy(chars, len <= buffer.length ? buffer : new char[len]);
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

    /** The characters of {@code text} in {@code chars}: one bulk copy out of the page's string rather than a call each. */
    private static char[] copy(BasedSequence text, char[] chars) {
        if (text instanceof SubSequence sub && sub.getBase() instanceof String base) {
            base.getChars(sub.getStartOffset(), sub.getEndOffset(), chars, 0);
        } else {
            for (int i = 0, n = text.length(); i < n; i++) {
                chars[i] = text.charAt(i);
            }
        }
        return chars;
    }
}
