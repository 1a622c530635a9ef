package dev.kiln.layout;

import io.pebbletemplates.pebble.extension.AbstractNodeVisitor;
import io.pebbletemplates.pebble.extension.NodeVisitor;
import io.pebbletemplates.pebble.extension.NodeVisitorFactory;
import io.pebbletemplates.pebble.node.ArgumentsNode;
import io.pebbletemplates.pebble.node.Node;
import io.pebbletemplates.pebble.node.TestInvocationExpression;
import io.pebbletemplates.pebble.node.expression.BinaryExpression;
import io.pebbletemplates.pebble.node.expression.ContextVariableExpression;
import io.pebbletemplates.pebble.node.expression.Expression;
import io.pebbletemplates.pebble.node.expression.FilterInvocationExpression;
import io.pebbletemplates.pebble.node.expression.FunctionOrMacroInvocationExpression;
import io.pebbletemplates.pebble.node.expression.GetAttributeExpression;
import io.pebbletemplates.pebble.node.expression.LiteralStringExpression;
import io.pebbletemplates.pebble.node.expression.PositiveTestExpression;
import io.pebbletemplates.pebble.node.expression.TernaryExpression;
import io.pebbletemplates.pebble.node.expression.UnaryExpression;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;

import java.util.Map;
import java.util.Set;

/**
 * Lets README's tests of an optional value, {@code is null}, {@code is not null}, {@code is empty} and
 * {@code is not empty}, test a key of {@code params} that a page's front matter (or site.yml) does not set:
 * {@code {% if page.params.subtitle is not null %}} on a post without {@code subtitle:} is false, as Twig's
 * {@code is defined} would be, rather than a strict-variable error that told its author to check a spelling that
 * was right. Only such a test of a key under {@code params} is lenient; a key of Kiln's own values
 * ({@code page.titel is null}), and the same key printed or tested otherwise, are errors as before.
 */
final class OptionalParams implements NodeVisitorFactory {

    /** The tests of an optional value. */
    private static final Set<String> TESTS = Set.of("null", "empty");

    @Override
    public NodeVisitor createVisitor(PebbleTemplate template) {
        return new AbstractNodeVisitor((PebbleTemplateImpl) template) {
            @Override
            public void visit(Node node) { // an expression: AbstractNodeVisitor goes no further
                if (node instanceof Expression<?> e) {
                    walk(e);
                }
            }
        };
    }

    /** Makes each test of an optional {@code params} key in {@code e} lenient. */
    private static void walk(Expression<?> e) {
        if (e instanceof PositiveTestExpression test && test.getRightExpression() instanceof TestInvocationExpression t
                && TESTS.contains(t.getTestName()) && test.getLeftExpression() instanceof GetAttributeExpression get
                && underParams(get)) {
            test.setLeft(new MaybeUnset(get));
        }
        if (e instanceof BinaryExpression<?> b) {
            walk(b.getLeftExpression());
            walk(b.getRightExpression());
        } else if (e instanceof UnaryExpression u) {
            walk(u.getChildExpression());
        } else if (e instanceof TernaryExpression t) {
            walk(t.getExpression1());
            walk(t.getExpression2());
            walk(t.getExpression3());
        } else if (e instanceof GetAttributeExpression g) {
            walk(g.getNode());
            walk(g.getArgumentsNode());
        } else if (e instanceof FilterInvocationExpression f) {
            walk(f.getArgs());
        } else if (e instanceof FunctionOrMacroInvocationExpression f) {
            walk(f.getArguments());
        } else if (e instanceof TestInvocationExpression t) {
            walk(t.getArgs());
        }
    }

    private static void walk(ArgumentsNode args) {
        if (args == null) {
            return;
        }
        if (args.getPositionalArgs() != null) {
            args.getPositionalArgs().forEach(a -> walk(a.getValueExpression()));
        }
        if (args.getNamedArgs() != null) {
            args.getNamedArgs().forEach(a -> walk(a.getValueExpression()));
        }
    }

    /**
     * Whether {@code get} reads a key somewhere under a {@code params} ({@code page.params.subtitle},
     * {@code site.params.social.mastodon}), through names alone: evaluating its owner again calls nothing.
     */
    private static boolean underParams(GetAttributeExpression get) {
        boolean params = false;
        Expression<?> e = get.getNode();
        while (e instanceof GetAttributeExpression g) {
            if (g.getArgumentsNode() != null || !(g.getAttributeNameExpression() instanceof LiteralStringExpression name)) {
                return false;
            }
            params |= name.getValue().equals("params");
            e = g.getNode();
        }
        return params && e instanceof ContextVariableExpression;
    }

    /**
     * {@code get}, null where it or a key between it and {@code params} is missing from a map of front matter's or
     * site.yml's, or null ({@code page.params.author.name is null} for a page without {@code author:}).
     */
    private record MaybeUnset(GetAttributeExpression get) implements Expression<Object> {
        @Override
        public Object evaluate(PebbleTemplateImpl self, EvaluationContextImpl context) {
            return lenient(get, self, context);
        }

        private static Object lenient(GetAttributeExpression get, PebbleTemplateImpl self, EvaluationContextImpl context) {
            boolean below = get.getNode() instanceof GetAttributeExpression inner && underParams(inner);
            Object owner = below ? lenient((GetAttributeExpression) get.getNode(), self, context)
                    : get.getNode().evaluate(self, context);
            if (owner == null && below) {
                return null;
            }
            if (owner instanceof Map<?, ?> map && !(map instanceof Views.View)) {
                Object key = get.getAttributeNameExpression().evaluate(self, context);
                return map.get(key); // null when the map lacks it
            }
            if (below && (owner instanceof CharSequence || owner instanceof Number || owner instanceof Boolean)) {
                // author: Jane where a layout also reads author: {name: Jane}: a text has no keys, as Twig's is defined.
                return null;
            }
            return get.evaluate(self, context);
        }

        @Override
        public void accept(NodeVisitor visitor) {
            get.accept(visitor);
        }

        @Override
        public int getLineNumber() {
            return get.getLineNumber();
        }
    }
}
