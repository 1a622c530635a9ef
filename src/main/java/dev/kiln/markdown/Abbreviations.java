package dev.kiln.markdown;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.abbreviation.AbbreviationBlock;
import com.vladsch.flexmark.ext.abbreviation.AbbreviationExtension;
import com.vladsch.flexmark.ext.abbreviation.internal.AbbreviationBlockParser;
import com.vladsch.flexmark.ext.abbreviation.internal.AbbreviationNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.AbstractBlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.util.ast.DoNotDecorate;
import com.vladsch.flexmark.util.ast.DoNotLinkDecorate;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import org.jetbrains.annotations.NotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kramdown's abbreviations, by flexmark's extension: {@code *[HTML]: Hyper Text Markup Language} on a line of its
 * own makes every "HTML" of the page's text (not in code or links) an {@code <abbr title="...">}. {@link Quick} is
 * Kiln's, {@link Flexmark} what {@code QuickInlineParserTest} compares it with.
 */
final class Abbreviations {

    private Abbreviations() {}

    /**
     * The extension with its block parser asked only about a line that starts with '*' (flexmark's matches a pattern
     * on every line), and without its node post-processor: {@link QuickPostProcess} calls {@link #mark} instead, which
     * costs nothing on a page that defines no abbreviation. flexmark's would have its post-processor manager classify
     * every node of every page.
     */
    static final class Quick extends ReplacedParser<AbbreviationExtension> {

        Quick() {
            super(AbbreviationExtension.create());
        }

        @Override
        public void extend(Parser.Builder builder) {
            builder.customBlockParserFactory(new QuickBlockStarts.Gated(new Definitions(), "*") {});
        }
    }

    /**
     * The extension as flexmark registers it, its node post-processor run by flexmark's manager after autolinks, but
     * told code and links by the text's own ancestors, as flexmark's autolinks are: the manager's record of them runs
     * on past a link without children ({@code <https://...>}) and left the rest of its paragraph unmarked.
     */
    static final class Flexmark extends ReplacedParser<AbbreviationExtension> {

        Flexmark() {
            super(AbbreviationExtension.create());
        }

        @Override
        public void extend(Parser.Builder builder) {
            builder.customBlockParserFactory(new Definitions());
            builder.postProcessorFactory(new NodePostProcessorFactory(false) {
                {
                    addNodes(Text.class);
                }

                @Override
                public Set<Class<?>> getAfterDependents() {
                    return Set.of(GfmAutolinks.Factory.class);
                }

                @Override
                public @NotNull NodePostProcessor apply(@NotNull Document document) {
                    NodePostProcessor abbreviations = new AbbreviationNodePostProcessor.Factory().apply(document);
                    return new NodePostProcessor() {
                        @Override
                        public void process(@NotNull NodeTracker state, @NotNull Node node) {
                            if (!excluded(node)) {
                                abbreviations.process(state, node);
                            }
                        }
                    };
                }
            });
        }
    }

    /**
     * flexmark's block parser for a definition, {@code *[HTML]: Hyper Text Markup Language}, started where the
     * definition is: flexmark's reads the line from its first non-space character and then cuts that rest at offsets
     * counted from the line's start, so a definition indented or in a list item or a quote lost its name's first
     * characters, and one near the line's end ({@code 1. *[x]: y}, {@code - *[x]:}) threw and stopped the build.
     * kramdown reads a definition in any block and up to three spaces in, as here.
     */
    static final class Definitions extends AbbreviationBlockParser.Factory {

        /** flexmark's pattern: the name runs to the last {@code ]:} of the line. */
        private static final Pattern DEFINITION = Pattern.compile("^\\*\\[\\s*.*\\s*\\]:");

        @Override
        public BlockParserFactory apply(DataHolder options) {
            return new AbstractBlockParserFactory(options) {
                @Override
                public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
                    if (state.getIndent() >= 4) {
                        return BlockStart.none();
                    }
                    BasedSequence line = state.getLine();
                    BasedSequence rest = line.subSequence(state.getNextNonSpaceIndex());
                    Matcher m = DEFINITION.matcher(rest);
                    if (!m.find()) {
                        return BlockStart.none();
                    }
                    AbbreviationBlockParser parser = new AbbreviationBlockParser();
                    AbbreviationBlock block = (AbbreviationBlock) parser.getBlock();
                    block.setOpeningMarker(rest.subSequence(0, 2));
                    block.setText(rest.subSequence(2, m.end() - 2).trim());
                    block.setClosingMarker(rest.subSequence(m.end() - 2, m.end()));
                    block.setAbbreviation(rest.subSequence(m.end()).trim());
                    block.setCharsFromContent();
                    return BlockStart.of(parser).atIndex(line.length());
                }
            };
        }
    }

    /** Marks the abbreviations in the text of {@code document}, when it defines any: flexmark's processor, run by hand. */
    static void mark(Document document, NodeTracker tracker) {
        if (AbbreviationExtension.ABBREVIATIONS.get(document).isEmpty()) {
            return;
        }
        List<Node> texts = new ArrayList<>();
        texts(document, texts);
        NodePostProcessor abbreviations = new AbbreviationNodePostProcessor.Factory().apply(document);
        for (Node text : texts) {
            abbreviations.process(tracker, text);
        }
    }

    /** The text nodes below {@code parent} that may hold an abbreviation, in document order. */
    private static void texts(Node parent, List<Node> texts) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof DoNotDecorate || n instanceof DoNotLinkDecorate) {
                continue;
            }
            if (n.getClass() == Text.class) { // flexmark's manager gives its processor text nodes of that class only
                texts.add(n);
            }
            texts(n, texts);
        }
    }

    /** Whether {@code node} is or is in code or a link, where abbreviations are not marked. */
    private static boolean excluded(Node node) {
        return node instanceof DoNotDecorate || node instanceof DoNotLinkDecorate
                || node.getAncestorOfType(DoNotDecorate.class, DoNotLinkDecorate.class) != null;
    }
}
