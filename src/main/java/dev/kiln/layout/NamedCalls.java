package dev.kiln.layout;

import io.pebbletemplates.pebble.error.AttributeNotFoundException;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.Extension;
import io.pebbletemplates.pebble.extension.ExtensionCustomizer;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.extension.Test;
import io.pebbletemplates.pebble.extension.core.DateFilter;
import io.pebbletemplates.pebble.extension.core.DefaultFilter;
import io.pebbletemplates.pebble.extension.core.DefinedTest;
import io.pebbletemplates.pebble.extension.escaper.EscapeFilter;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The filters, functions and tests one engine knows, by name, each wrapped so that what it throws names it
 * and the layout line it was called from: Pebble lets a filter's own exception through as it is (the date
 * filter given text threw a bare {@code IllegalArgumentException}, with neither). Filled while the engine is
 * built, read only afterwards.
 */
final class NamedCalls {

    private final SortedSet<String> filters = new TreeSet<>();
    private final SortedSet<String> functions = new TreeSet<>();
    private final SortedSet<String> tests = new TreeSet<>();
    /** The site's zone, for the date filter. */
    private final java.time.ZoneId zone;

    NamedCalls(java.time.ZoneId zone) {
        this.zone = zone;
    }

    /** {@code extension} with its filters, functions and tests wrapped and their names kept. */
    ExtensionCustomizer wrap(Extension extension) {
        return new ExtensionCustomizer(extension) {
            @Override
            public Map<String, Filter> getFilters() {
                return filters(super.getFilters());
            }

            @Override
            public Map<String, Function> getFunctions() {
                return functions(super.getFunctions());
            }

            @Override
            public Map<String, Test> getTests() {
                return tests(super.getTests());
            }
        };
    }

    /** The names of the filters, for a message about one that does not exist. */
    SortedSet<String> filters() {
        return filters;
    }

    SortedSet<String> functions() {
        return functions;
    }

    SortedSet<String> tests() {
        return tests;
    }

    private Map<String, Filter> filters(Map<String, Filter> given) {
        if (given == null) {
            return null;
        }
        Map<String, Filter> wrapped = new LinkedHashMap<>();
        given.forEach((name, filter) -> {
            filters.add(name);
            // Pebble tells these by their class: default must see a missing value, escape a safe one.
            boolean known = filter instanceof DefaultFilter || filter instanceof EscapeFilter;
            // Pebble's date filter, whose pattern is checked first: Go's layouts printed as they are.
            Filter checked = filter instanceof DateFilter ? new DatePatterns.Checked(filter, zone) : filter;
            wrapped.put(name, known ? filter : new NamedFilter(name, checked));
        });
        return wrapped;
    }

    private Map<String, Function> functions(Map<String, Function> given) {
        if (given == null) {
            return null;
        }
        Map<String, Function> wrapped = new LinkedHashMap<>();
        given.forEach((name, function) -> {
            functions.add(name);
            wrapped.put(name, new NamedFunction(name, function));
        });
        return wrapped;
    }

    private Map<String, Test> tests(Map<String, Test> given) {
        if (given == null) {
            return null;
        }
        Map<String, Test> wrapped = new LinkedHashMap<>();
        given.forEach((name, test) -> {
            tests.add(name);
            // Pebble tells 'defined' by its class: it must see a missing value.
            wrapped.put(name, test instanceof DefinedTest ? test : new NamedTest(name, test));
        });
        return wrapped;
    }

    /** A filter, function or test that failed: its kind and name, the cause, and the layout line it was called from. */
    static final class Failed extends PebbleException {
        private final String kind;
        private final String name;

        Failed(String kind, String name, RuntimeException cause, int line, PebbleTemplate self) {
            super(cause, kind + " '" + name + "' failed: " + reason(cause), line, self == null ? null : self.getName());
            this.kind = kind;
            this.name = name;
        }

        String kind() {
            return kind;
        }

        String name() {
            return name;
        }
    }

    /** What {@code e} says, without Pebble's {@code (file:line)}; its class when it says nothing. */
    static String reason(Throwable e) {
        String message = e instanceof PebbleException p ? p.getPebbleMessage() : e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /**
     * What a call's exception becomes: a strict-variable error and one already named stay as they are (they
     * say what went wrong better), anything else names the call.
     */
    private static RuntimeException named(String kind, String name, RuntimeException e, int line, PebbleTemplate self) {
        if (e instanceof AttributeNotFoundException || e instanceof Failed || e instanceof LineTracking.Failed) {
            return e;
        }
        return new Failed(kind, name, e, line, self);
    }

    private record NamedFilter(String name, Filter filter) implements Filter {
        @Override
        public List<String> getArgumentNames() {
            return filter.getArgumentNames();
        }

        @Override
        public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                            int line) {
            try {
                return filter.apply(input, args, self, context, line);
            } catch (RuntimeException e) {
                throw named("filter", name, e, line, self);
            }
        }
    }

    private record NamedFunction(String name, Function function) implements Function {
        @Override
        public List<String> getArgumentNames() {
            return function.getArgumentNames();
        }

        @Override
        public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
            try {
                return function.execute(args, self, context, line);
            } catch (RuntimeException e) {
                throw named("function", name, e, line, self);
            }
        }
    }

    private record NamedTest(String name, Test test) implements Test {
        @Override
        public List<String> getArgumentNames() {
            return test.getArgumentNames();
        }

        @Override
        public boolean apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                             int line) {
            try {
                return test.apply(input, args, self, context, line);
            } catch (RuntimeException e) {
                throw named("test", name, e, line, self);
            }
        }
    }
}
