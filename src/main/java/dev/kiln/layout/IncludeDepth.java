package dev.kiln.layout;

import io.pebbletemplates.pebble.error.ParserException;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.lexer.Token;
import io.pebbletemplates.pebble.lexer.TokenStream;
import io.pebbletemplates.pebble.node.IncludeNode;
import io.pebbletemplates.pebble.node.RenderableNode;
import io.pebbletemplates.pebble.node.expression.Expression;
import io.pebbletemplates.pebble.node.expression.MapExpression;
import io.pebbletemplates.pebble.parser.Parser;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import io.pebbletemplates.pebble.template.ScopeChain;
import io.pebbletemplates.pebble.tokenParser.TokenParser;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pebble's {@code {% include %}}, stopped {@value #LIMIT} includes deep (Jekyll's Liquid stops at 100 too, "Nesting
 * too deep"). An include loop that its layouts write under an {@code if} or a {@code for}, or by a name held in a
 * value, escapes {@link LayoutChecks}; Pebble followed it until the stack ran out, which the build thread's large
 * stack made minutes, each lookup of a value walking more scopes the deeper it went.
 */
final class IncludeDepth implements TokenParser {

    static final int LIMIT = 100;

    /** The variable of the scope each include adds that holds the includes it is in; no layout can name it. */
    private static final String KEY = "kiln.includes";
    /** The variable of a page's context that holds its {@link Layouts.IncludeClock}, when its includes are timed. */
    static final String CLOCK = "kiln.clock";

    /** The layouts included, innermost first: {@code template} includes another, inside {@code outer}. */
    private record Stack(String template, Stack outer, int depth) {}

    @Override
    public String getTag() {
        return "include";
    }

    /** Pebble's own parsing of {@code {% include "name" with {...} %}}. */
    @Override
    public RenderableNode parse(Token token, Parser parser) {
        TokenStream stream = parser.getStream();
        int line = token.getLineNumber();
        stream.next();
        Expression<?> name = parser.getExpressionParser().parseExpression();
        MapExpression with = null;
        Token current = stream.current();
        if (current.getType() == Token.Type.NAME && current.getValue().equals("with")) {
            stream.next();
            Expression<?> map = parser.getExpressionParser().parseExpression();
            if (!(map instanceof MapExpression m)) {
                throw new ParserException(null, "Unexpected expression '" + map.getClass().getCanonicalName() + "'.",
                        line, stream.getFilename());
            }
            with = m;
        }
        stream.expect(Token.Type.EXECUTE_END);
        return new Limited(line, name, with);
    }

    /** An include that counts how deep it is. */
    private static final class Limited extends IncludeNode {
        Limited(int line, Expression<?> name, MapExpression with) {
            super(line, name, with);
        }

        @Override
        public void render(PebbleTemplateImpl self, Writer writer, EvaluationContextImpl context) throws IOException {
            ScopeChain scopes = context.getScopeChain();
            Stack outer = scopes.get(KEY) instanceof Stack s ? s : null;
            Stack here = new Stack(self.getName(), outer, outer == null ? 1 : outer.depth() + 1);
            if (here.depth() > LIMIT) {
                throw new TooDeep(here, getLineNumber());
            }
            Map<String, Object> scope = new HashMap<>();
            scope.put(KEY, here);
            Layouts.IncludeClock clock = scopes.get(CLOCK) instanceof Layouts.IncludeClock c ? c : null;
            String included = clock == null ? null : String.valueOf(getIncludeExpression().evaluate(self, context));
            long start = clock == null ? 0 : clock.now();
            scopes.pushScope(scope);
            try {
                super.render(self, writer, context);
            } finally {
                scopes.popScope();
                if (clock != null) {
                    clock.included(included, clock.now() - start);
                }
            }
        }
    }

    /** Includes nested past the limit, met at {@code line} of the innermost including layout. */
    static final class TooDeep extends PebbleException {
        private final List<String> loop;

        private TooDeep(Stack stack, int line) {
            super(null, "includes nested more than " + LIMIT + " deep", line, stack.template());
            this.loop = loop(stack);
        }

        /** The layouts that include each other over and over, from the innermost: [partials/a, partials/b, partials/a]. */
        private static List<String> loop(Stack stack) {
            List<String> names = new ArrayList<>();
            for (Stack s = stack; s != null; s = s.outer()) {
                names.add(s.template());
                if (names.size() > 1 && s.template().equals(stack.template())) {
                    break;
                }
            }
            return names;
        }

        /** The layouts of the loop, Pebble's names for them, as each includes the next. */
        List<String> loop() {
            List<String> outward = new ArrayList<>(loop);
            java.util.Collections.reverse(outward);
            return outward;
        }
    }
}
