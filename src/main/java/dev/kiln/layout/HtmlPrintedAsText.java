package dev.kiln.layout;

import io.pebbletemplates.pebble.error.ParserException;
import io.pebbletemplates.pebble.extension.AbstractNodeVisitor;
import io.pebbletemplates.pebble.extension.NodeVisitor;
import io.pebbletemplates.pebble.extension.NodeVisitorFactory;
import io.pebbletemplates.pebble.node.PrintNode;
import io.pebbletemplates.pebble.node.expression.ContextVariableExpression;
import io.pebbletemplates.pebble.node.expression.Expression;
import io.pebbletemplates.pebble.node.expression.FilterExpression;
import io.pebbletemplates.pebble.node.expression.FilterInvocationExpression;
import io.pebbletemplates.pebble.node.expression.GetAttributeExpression;
import io.pebbletemplates.pebble.node.expression.LiteralStringExpression;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.util.Set;

/**
 * Refuses a layout that prints a page's HTML escaped: {@code {{ page.content }}} (or a post's {@code excerpt}, a
 * page's {@code toc}) without {@code | raw}. Layouts escape what they print, so such a page showed its readers the
 * tags of its own text ({@code <p>Hello</p>}) and the build said nothing; Jekyll's {@code {{ content }}} prints it
 * as it is, and a layout written from one forgets the filter. Only those values hold HTML; one of the site's or a
 * page's own {@code params} by the same name is text, and left alone.
 */
final class HtmlPrintedAsText implements NodeVisitorFactory {

    /** The values of pages and posts that are HTML. */
    private static final Set<String> HTML = Set.of("content", "excerpt", "toc");

    @Override
    public NodeVisitor createVisitor(PebbleTemplate template) {
        return new AbstractNodeVisitor((io.pebbletemplates.pebble.template.PebbleTemplateImpl) template) {
            @Override
            public void visit(PrintNode node) {
                String printed = htmlValue(node.getExpression());
                if (printed != null) {
                    throw new Escaped(printed, node.getLineNumber(), template.getName());
                }
                super.visit(node);
            }
        };
    }

    /** A layout that prints {@code printed} (a page's HTML, {@code page.content} as written) escaped, at {@code line}. */
    static final class Escaped extends ParserException {
        private final String printed;

        Escaped(String printed, int line, String template) {
            super(null, "{{ " + printed + " }} prints HTML as text, escaped: readers would see its tags; write {{ "
                    + printed + " | raw }} (Jekyll's {{ content }} is {{ page.content | raw }})", line, template);
            this.printed = printed;
        }

        /** What the layout prints, as written: {@code page.content}. */
        String printed() {
            return printed;
        }
    }

    /**
     * {@code page.content} (as written) when {@code printed} is a value of a page or post that is HTML, printed
     * escaped (bare, or through {@code escape}, which the auto-escaping may have put around it already); else null.
     */
    static String htmlValue(Expression<?> printed) {
        Expression<?> e = printed;
        while (e instanceof FilterExpression f && f.getRightExpression() instanceof FilterInvocationExpression call
                && call.getFilterName().equals("escape")) {
            e = f.getLeftExpression();
        }
        if (!(e instanceof GetAttributeExpression get) || get.getArgumentsNode() != null
                || !(get.getAttributeNameExpression() instanceof LiteralStringExpression name)
                || !HTML.contains(name.getValue())) {
            return null;
        }
        String owner = path(get.getNode());
        if (owner == null || owner.equals("site") || owner.endsWith(".params") || owner.startsWith("site.")) {
            return null; // a value of the site's or of params: text
        }
        return owner + "." + name.getValue();
    }

    /** {@code page}, {@code post}, {@code page.previous}: a variable and its attributes, as written; or null. */
    private static String path(Expression<?> e) {
        if (e instanceof ContextVariableExpression v) {
            return v.getName();
        }
        if (e instanceof GetAttributeExpression get && get.getArgumentsNode() == null
                && get.getAttributeNameExpression() instanceof LiteralStringExpression name) {
            String owner = path(get.getNode());
            return owner == null ? null : owner + "." + name.getValue();
        }
        return null;
    }
}
