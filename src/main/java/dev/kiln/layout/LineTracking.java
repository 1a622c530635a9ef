package dev.kiln.layout;

import io.pebbletemplates.pebble.error.ParserException;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.AbstractNodeVisitor;
import io.pebbletemplates.pebble.extension.NodeVisitor;
import io.pebbletemplates.pebble.extension.NodeVisitorFactory;
import io.pebbletemplates.pebble.node.AbstractRenderableNode;
import io.pebbletemplates.pebble.node.BodyNode;
import io.pebbletemplates.pebble.node.EmbedNode;
import io.pebbletemplates.pebble.node.ExtendsNode;
import io.pebbletemplates.pebble.node.ForNode;
import io.pebbletemplates.pebble.node.FromNode;
import io.pebbletemplates.pebble.node.ImportNode;
import io.pebbletemplates.pebble.node.IncludeNode;
import io.pebbletemplates.pebble.node.RenderableNode;
import io.pebbletemplates.pebble.node.RootNode;
import io.pebbletemplates.pebble.node.SetNode;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;

import java.io.IOException;
import java.io.Writer;
import java.util.ListIterator;
import java.util.Set;

/**
 * Gives every error met while a layout renders the file and line it was met at. Pebble does not always: a
 * missing {@code {% include %}} carried no line, and an unknown function called in a block of
 * {@code page.peb} was said to be in {@code base.peb}, which holds no such line. Each statement of each
 * compiled template is wrapped in a node that knows its template and line; the innermost one an error
 * passes names it, the ones around let it by.
 */
final class LineTracking implements NodeVisitorFactory {

    /**
     * The statements Pebble still renders in a template's root body once the template extends another: its
     * {@code BodyNode} tells them by their exact class, so they stay unwrapped there (Pebble's own
     * exception then places them: it names the right template at their level).
     */
    private static final Set<Class<?>> RENDERED_WHEN_EXTENDING = Set.of(SetNode.class, ImportNode.class);

    @Override
    public NodeVisitor createVisitor(PebbleTemplate template) {
        return new Wrapper((PebbleTemplateImpl) template);
    }

    /** Wraps the statements of every body of one template, inner bodies first. */
    private static final class Wrapper extends AbstractNodeVisitor {
        private BodyNode root;

        Wrapper(PebbleTemplateImpl template) {
            super(template);
        }

        @Override
        public void visit(RootNode node) {
            root = node.getBody();
            super.visit(node);
        }

        @Override
        public void visit(BodyNode body) {
            super.visit(body);
            for (ListIterator<RenderableNode> it = body.getChildren().listIterator(); it.hasNext(); ) {
                RenderableNode node = it.next();
                if (body != root || !RENDERED_WHEN_EXTENDING.contains(node.getClass())) {
                    it.set(new Tracked(getTemplate().getName(), node));
                }
            }
        }
    }

    /** A statement of {@code template}, rendered as itself; what it throws is located here unless it is already. */
    private record Tracked(String template, RenderableNode node) implements RenderableNode {
        @Override
        public void render(PebbleTemplateImpl self, Writer writer, EvaluationContextImpl context) throws IOException {
            try {
                node.render(self, writer, context);
            } catch (Failed | ParserException e) {
                throw e; // located by an inner statement, or a template that does not parse: Pebble knows where
            } catch (RuntimeException e) {
                throw new Failed(template, line(e), tag(), notAList(e, self, context));
            }
        }

        /**
         * {@code e} as a {@link NotAList} when this statement is a {@code {% for %}} that Pebble found no list to
         * loop over ("Not an iterable object. Value = [Hello]"), with the value it was given; else {@code e}. Its
         * body's statements are tracked on their own, so an error met here that says so is the loop's own.
         */
        private RuntimeException notAList(RuntimeException e, PebbleTemplateImpl self, EvaluationContextImpl context) {
            if (!(node instanceof ForNode loop) || !(e instanceof PebbleException p) || p.getPebbleMessage() == null
                    || !p.getPebbleMessage().startsWith("Not an iterable object")) {
                return e;
            }
            Object value;
            try {
                value = loop.getIterable().evaluate(self, context); // Pebble keeps only its text: once more, for its kind
            } catch (RuntimeException again) {
                value = null;
            }
            return new NotAList(loop.getIterationVariable(), HtmlPrintedAsText.path(loop.getIterable()), value, e);
        }

        /**
         * Pebble's own line when it says the error is in this template (an expression spread over lines
         * is placed at its own line), else this statement's.
         */
        private int line(RuntimeException e) {
            if (e instanceof PebbleException p && template.equals(p.getFileName()) && p.getLineNumber() != null) {
                return p.getLineNumber();
            }
            return node instanceof AbstractRenderableNode a ? a.getLineNumber() : 1;
        }

        /** What this statement does with another template, for a message about one that is missing; or null. */
        private String tag() {
            if (node instanceof IncludeNode) {
                return "include";
            } else if (node instanceof ExtendsNode) {
                return "extend";
            } else if (node instanceof ImportNode || node instanceof FromNode) {
                return "import";
            } else if (node instanceof EmbedNode) {
                return "embed";
            }
            return null;
        }

        @Override
        public void accept(NodeVisitor visitor) {
            node.accept(visitor);
        }
    }

    /**
     * A {@code {% for variable in iterable %}} given {@code value}, which is no list (nor a map or an array): a text, a
     * number, a date. {@code iterable} is what it loops over as written ({@code page.title}), or null when that is more
     * than a variable and its keys; {@code value} null when it could not be had again.
     */
    static final class NotAList extends RuntimeException {
        private final String variable;
        private final String iterable;
        private final transient Object value;

        NotAList(String variable, String iterable, Object value, RuntimeException cause) {
            super(NamedCalls.reason(cause), cause);
            this.variable = variable;
            this.iterable = iterable;
            this.value = value;
        }

        String variable() {
            return variable;
        }

        String iterable() {
            return iterable;
        }

        Object value() {
            return value;
        }
    }

    /**
     * An error met in template {@code template} (Pebble's name for it) at {@code line}, by a statement that
     * would {@code tag} another template ({@code include}, {@code extend}, ...), or null.
     */
    static final class Failed extends PebbleException {
        private final String tag;

        Failed(String template, int line, String tag, RuntimeException cause) {
            super(cause, NamedCalls.reason(cause), line, template);
            this.tag = tag;
        }

        String tag() {
            return tag;
        }
    }
}
