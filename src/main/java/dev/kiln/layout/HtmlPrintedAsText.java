package dev.kiln.layout;

import io.pebbletemplates.pebble.error.ParserException;
import io.pebbletemplates.pebble.extension.AbstractNodeVisitor;
import io.pebbletemplates.pebble.extension.NodeVisitor;
import io.pebbletemplates.pebble.extension.NodeVisitorFactory;
import io.pebbletemplates.pebble.node.ArgumentsNode;
import io.pebbletemplates.pebble.node.AutoEscapeNode;
import io.pebbletemplates.pebble.node.ForNode;
import io.pebbletemplates.pebble.node.PrintNode;
import io.pebbletemplates.pebble.node.expression.ContextVariableExpression;
import io.pebbletemplates.pebble.node.expression.Expression;
import io.pebbletemplates.pebble.node.expression.FilterExpression;
import io.pebbletemplates.pebble.node.expression.FilterInvocationExpression;
import io.pebbletemplates.pebble.node.expression.GetAttributeExpression;
import io.pebbletemplates.pebble.node.expression.LiteralStringExpression;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.util.List;
import java.util.Set;

/**
 * Refuses a layout that prints a page's HTML escaped: {@code {{ page.content }}} (or a post's {@code excerpt}, a
 * page's {@code toc}) without {@code | raw}. Layouts escape what they print, so such a page showed its readers the
 * tags of its own text ({@code <p>Hello</p>}) and the build said nothing; Jekyll's {@code {{ content }}} prints it
 * as it is, and a layout written from one forgets the filter. Only those values of the page and of the posts of
 * Kiln's lists hold HTML; a value by the same name of anything else (the site's or a page's {@code params}, an item
 * of a front matter list) may be text, and is left alone, as is one printed in {@code {% autoescape false %}}.
 */
final class HtmlPrintedAsText implements NodeVisitorFactory {

    /** The values of pages and posts that are HTML. */
    private static final Set<String> HTML = Set.of("content", "excerpt", "toc");

    @Override
    public NodeVisitor createVisitor(PebbleTemplate template) {
        return new AbstractNodeVisitor((io.pebbletemplates.pebble.template.PebbleTemplateImpl) template) {
            /** The loop variables in scope that are Kiln's posts ({@code post} of {@code for post in paginator.posts}). */
            private final java.util.Deque<String> posts = new java.util.ArrayDeque<>();
            /** How many {@code {% autoescape false %}} are around: printed there, HTML is printed as it is. */
            private int unescaped;

            @Override
            public void visit(AutoEscapeNode node) {
                boolean off = !node.isActive();
                unescaped += off ? 1 : 0;
                super.visit(node);
                unescaped -= off ? 1 : 0;
            }

            @Override
            public void visit(ForNode node) {
                String list = path(node.getIterable());
                boolean kilns = list != null && (list.equals("posts") || list.endsWith(".posts")
                        || list.equals("page.related"));
                if (kilns) {
                    posts.push(node.getIterationVariable());
                }
                super.visit(node);
                if (kilns) {
                    posts.pop();
                }
            }

            @Override
            public void visit(PrintNode node) {
                String printed = unescaped > 0 ? null : htmlValue(node.getExpression(), posts);
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
     * {@code page.content} (as written) when {@code printed} is a value that is HTML, of the page or of a post of one
     * of Kiln's lists (a loop variable of {@code posts}, named in {@code posts}), printed escaped for HTML (bare, or
     * through an {@code escape} for HTML, which the auto-escaping may have put around it already); else null. A value
     * of anything else by those names (a front matter list's {@code item.content}) may be text, and is left alone.
     */
    static String htmlValue(Expression<?> printed, java.util.Collection<String> posts) {
        Expression<?> e = printed;
        while (e instanceof FilterExpression f && f.getRightExpression() instanceof FilterInvocationExpression call
                && call.getFilterName().equals("escape") && forHtml(call.getArgs())) {
            e = f.getLeftExpression();
        }
        if (!(e instanceof GetAttributeExpression get) || get.getArgumentsNode() != null
                || !(get.getAttributeNameExpression() instanceof LiteralStringExpression name)
                || !HTML.contains(name.getValue())) {
            return null;
        }
        String owner = path(get.getNode());
        if (owner == null || !(owner.equals("page") || posts.contains(owner))) {
            return null;
        }
        return owner + "." + name.getValue();
    }

    /** Whether an {@code escape} with {@code args} escapes for HTML: no strategy, or {@code "html"}. */
    private static boolean forHtml(ArgumentsNode args) {
        if (args == null) {
            return true;
        }
        List<Expression<?>> given = new java.util.ArrayList<>();
        if (args.getPositionalArgs() != null) {
            args.getPositionalArgs().forEach(a -> given.add(a.getValueExpression()));
        }
        if (args.getNamedArgs() != null) {
            args.getNamedArgs().forEach(a -> given.add(a.getValueExpression()));
        }
        return given.stream().allMatch(a -> a instanceof LiteralStringExpression s && s.getValue().equals("html"));
    }

    /** {@code page}, {@code post}, {@code page.previous}: a variable and its attributes, as written; or null. */
    static String path(Expression<?> e) {
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
