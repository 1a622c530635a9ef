package dev.kiln.layout;

import io.pebbletemplates.pebble.error.ParserException;
import io.pebbletemplates.pebble.extension.AbstractNodeVisitor;
import io.pebbletemplates.pebble.extension.NodeVisitor;
import io.pebbletemplates.pebble.extension.NodeVisitorFactory;
import io.pebbletemplates.pebble.node.BlockNode;
import io.pebbletemplates.pebble.node.ExtendsNode;
import io.pebbletemplates.pebble.node.FlushNode;
import io.pebbletemplates.pebble.node.ForNode;
import io.pebbletemplates.pebble.node.FromNode;
import io.pebbletemplates.pebble.node.IfNode;
import io.pebbletemplates.pebble.node.ImportNode;
import io.pebbletemplates.pebble.node.IncludeNode;
import io.pebbletemplates.pebble.node.MacroNode;
import io.pebbletemplates.pebble.node.PrintNode;
import io.pebbletemplates.pebble.node.RenderableNode;
import io.pebbletemplates.pebble.node.RootNode;
import io.pebbletemplates.pebble.node.SetNode;
import io.pebbletemplates.pebble.node.TextNode;
import io.pebbletemplates.pebble.node.expression.Expression;
import io.pebbletemplates.pebble.node.expression.LiteralStringExpression;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The outline of each layout as it compiles: the layout it extends, its blocks, the layouts it includes; read by
 * {@link LayoutChecks} once per layout, never per page. A mistake that the layout alone shows is refused here, as
 * Twig refuses it (Pebble lays the page out without a word): a block defined twice (the last one replaced the
 * first, and a page lost its text), and content outside any block of a layout that extends another (never shown).
 */
final class Outlines implements NodeVisitorFactory {

    /** Block {@code name} at {@code line}; {@code topLevel} when no other block of its layout holds it. */
    record Block(String name, int line, boolean topLevel) {}

    /**
     * An include of layout {@code name} (null when it is not named in quotes) at {@code line}; {@code always} when
     * nothing around it ({@code if}, {@code for}, a macro) may keep it from being rendered.
     */
    record Include(String name, int line, boolean always) {}

    /**
     * A layout's outline: the layout it extends (null for none, {@code dynamic} when it is not named in quotes),
     * at {@code extendsLine}; its blocks and includes in order.
     */
    record Outline(String parent, boolean dynamic, int extendsLine, List<Block> blocks, List<Include> includes) {}

    private final Map<String, Outline> byTemplate = new ConcurrentHashMap<>();

    /** The outline of the compiled template Pebble names {@code template}, or null when it has not compiled. */
    Outline of(String template) {
        return byTemplate.get(template);
    }

    @Override
    public NodeVisitor createVisitor(PebbleTemplate template) {
        return new Visitor((PebbleTemplateImpl) template);
    }

    private final class Visitor extends AbstractNodeVisitor {
        private final List<Block> blocks = new ArrayList<>();
        private final Map<String, Integer> blockLines = new HashMap<>();
        private final List<Include> includes = new ArrayList<>();
        private String parent;
        private boolean dynamic;
        private int extendsLine;
        private int blockDepth;
        private int conditional;

        Visitor(PebbleTemplateImpl template) {
            super(template);
        }

        @Override
        public void visit(RootNode node) {
            List<RenderableNode> children = node.getBody().getChildren();
            ExtendsNode extending = (ExtendsNode) children.stream().filter(ExtendsNode.class::isInstance).findFirst()
                    .orElse(null);
            if (extending != null) {
                children.forEach(child -> refuseOutsideBlocks(child, extending));
            }
            super.visit(node);
            byTemplate.put(getTemplate().getName(), new Outline(parent, dynamic, extendsLine, List.copyOf(blocks),
                    List.copyOf(includes)));
        }

        @Override
        public void visit(ExtendsNode node) {
            parent = literal(node.getParentExpression());
            dynamic = parent == null;
            extendsLine = node.getLineNumber();
            super.visit(node);
        }

        @Override
        public void visit(BlockNode node) {
            Integer first = blockLines.putIfAbsent(node.getName(), node.getLineNumber());
            if (first != null) {
                throw new Misshapen("block '" + node.getName() + "' is defined twice in this layout (first on line "
                        + first + "), and only the last would be shown: a layout defines each block once; rename one of "
                        + "them (a layout that this one extends must define it too), or remove it",
                        node.getLineNumber(), getTemplate().getName(), Columns.Spot.tag("block", false), null);
            }
            blocks.add(new Block(node.getName(), node.getLineNumber(), blockDepth == 0));
            blockDepth++;
            super.visit(node);
            blockDepth--;
        }

        @Override
        public void visit(IncludeNode node) {
            includes.add(new Include(literal(node.getIncludeExpression()), node.getLineNumber(), conditional == 0));
            super.visit(node);
        }

        @Override
        public void visit(IfNode node) {
            conditional++;
            super.visit(node);
            conditional--;
        }

        @Override
        public void visit(ForNode node) {
            conditional++;
            super.visit(node);
            conditional--;
        }

        @Override
        public void visit(MacroNode node) {
            conditional++;
            super.visit(node);
            conditional--;
        }

        /**
         * Refuses {@code child}, a statement of a layout that {@code extending} another, when it prints something:
         * Pebble renders only the blocks of such a layout, and its {@code set} and {@code import}; the rest was
         * dropped in silence (text before the {@code extends} was printed above the page's doctype).
         */
        private void refuseOutsideBlocks(RenderableNode child, ExtendsNode extending) {
            if (child instanceof ExtendsNode || child instanceof BlockNode || child instanceof SetNode
                    || child instanceof ImportNode || child instanceof FromNode || child instanceof MacroNode
                    || child instanceof FlushNode) {
                return;
            }
            String parentName = literal(extending.getParentExpression());
            String advice = " outside any block is never shown: a layout that extends another shows only its blocks; "
                    + "move it into a {% block %} that " + (parentName == null ? "the layout it extends"
                    : "'" + parentName + "'") + " defines (such as {% block content %}), or remove it";
            String template = getTemplate().getName();
            if (child instanceof TextNode text) {
                String data = new String(text.getData());
                int at = 0;
                // A byte order mark (Windows editors save one) is no text a reader sees: Pebble's loader keeps it.
                while (at < data.length() && (Character.isWhitespace(data.charAt(at)) || data.charAt(at) == '\uFEFF')) {
                    at++;
                }
                if (at == data.length()) {
                    return; // blank lines between the tags
                }
                // Pebble numbers a text by the line it ends on (where the next tag is).
                int line = text.getLineNumber() - (int) data.substring(at).chars().filter(c -> c == '\n').count();
                int end = data.indexOf('\n', at);
                String first = data.substring(at, end < 0 ? data.length() : end).strip();
                String shown = first.length() > 60 ? first.substring(0, 60) + "..." : first;
                throw new Misshapen("text '" + shown + "'" + advice, line, template, null,
                        first.substring(0, Math.min(first.length(), 60)));
            }
            int line = child instanceof io.pebbletemplates.pebble.node.AbstractRenderableNode node ? node.getLineNumber() : 1;
            if (child instanceof PrintNode) {
                throw new Misshapen("{{ ... }}" + advice, line, template,
                        new Columns.Spot(Pattern.compile("(?<at>\\{\\{)"), true), null);
            }
            String tag = child instanceof IncludeNode ? "include" : child instanceof IfNode ? "if"
                    : child instanceof ForNode ? "for" : null;
            String inside = tag != null && !tag.equals("include") ? blockInside(child, getTemplate()) : null;
            if (inside != null) {
                // Pebble takes a block wherever it stands in such a layout: it is shown, the tag around it is not.
                throw new Misshapen("{% " + tag + " %} around {% block " + inside + " %} does nothing: a layout that "
                        + "extends another shows its blocks, always, and nothing around them; put the {% " + tag
                        + " %} inside the block", line, template, Columns.Spot.tag(tag, false), null);
            }
            throw new Misshapen((tag == null ? "this tag" : "{% " + tag + " %}") + advice, line, template,
                    tag == null ? null : Columns.Spot.tag(tag, false), null);
        }
    }

    /** The name of the first block inside {@code node} (an {@code if} or a {@code for}), or null. */
    private static String blockInside(RenderableNode node, PebbleTemplateImpl template) {
        String[] found = {null};
        node.accept(new AbstractNodeVisitor(template) {
            @Override
            public void visit(BlockNode block) {
                if (found[0] == null) {
                    found[0] = block.getName();
                }
            }
        });
        return found[0];
    }

    /** The text of {@code e} when it is a string in quotes, else null. */
    private static String literal(Expression<?> e) {
        return e instanceof LiteralStringExpression s ? s.getValue() : null;
    }

    /**
     * A layout whose outline is wrong, at {@code line}: at {@code spot} on it, or at {@code text} written there
     * (either may be null).
     */
    static final class Misshapen extends ParserException {
        private final transient Columns.Spot spot;
        private final String text;

        Misshapen(String message, int line, String template, Columns.Spot spot, String text) {
            super(null, message, line, template);
            this.spot = spot;
            this.text = text;
        }

        /** The column of what is wrong on line {@code line} of {@code source} (the layout's text, or null), or 1. */
        int column(String source, int line) {
            if (spot != null) {
                return Columns.of(source, line, List.of(spot));
            }
            int at = text == null ? -1 : Columns.line(source, line).indexOf(text);
            return at < 0 ? 1 : at + 1;
        }
    }
}
