package dev.kiln.layout;

import dev.kiln.error.Position;
import dev.kiln.error.Problem;
import io.pebbletemplates.pebble.error.AttributeNotFoundException;
import io.pebbletemplates.pebble.error.ParserException;
import io.pebbletemplates.pebble.error.PebbleException;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pebble's errors said the way a layout author thinks of them: at the layout's file and line, what is
 * wrong, and what to do.
 */
final class LayoutErrors {

    private static final String SEE = "README's Layouts section lists what layouts see and Kiln's filters; "
            + "pebbletemplates.io documents Pebble's tags, filters and functions";
    private static final Pattern ATTRIBUTE = Pattern.compile("Attribute \\[(.+?)] of \\[.+?] does not exist.*", Pattern.DOTALL);
    private static final Pattern ROOT = Pattern.compile("Root attribute \\[(.+?)] does not exist.*", Pattern.DOTALL);

    private final UnaryOperator<String> displayPath;

    /** Errors of layouts shown at {@code displayPath} of Pebble's template name. */
    LayoutErrors(UnaryOperator<String> displayPath) {
        this.displayPath = displayPath;
    }

    /** A layout that does not parse (whichever page asked for it): at its line. */
    Problem unparsable(ParserException e, String layout) {
        String file = e.getFileName() == null ? layout : e.getFileName();
        int line = e.getLineNumber() == null ? 1 : e.getLineNumber();
        return new Position(line, 1).problem(displayPath.apply(file), "layout error: " + NamedCalls.reason(e)
                + ": check that every {{ }}, {% %} and {# #} on this line is closed and spelled as Pebble wants");
    }

    /** What {@code e}, thrown while layout {@code layout} laid out a page, means, and where. */
    LayoutError failed(RuntimeException e, String layout) {
        String template = layout;
        int line = 1;
        if (e instanceof PebbleException p) {
            template = p.getFileName() == null ? layout : p.getFileName();
            line = p.getLineNumber() == null ? 1 : p.getLineNumber();
        }
        Said what = say(e);
        return new LayoutError(displayPath.apply(template), line, what.what(), what.detail(), what.advice());
    }

    /** What went wrong (in general, then what this page's values made of it, or "") and what to do about it. */
    private record Said(String what, String detail, String advice) {
        Said(String[] whatAndAdvice) {
            this(whatAndAdvice[0], "", whatAndAdvice[1]);
        }
    }

    private Said say(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NamedCalls.Failed call) {
                return called(call);
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AttributeNotFoundException missing) {
                return new Said(missingValue(missing.getPebbleMessage()));
            }
        }
        String message = NamedCalls.reason(e);
        Throwable cause = e.getCause();
        if (message.startsWith("Wrong operand(s) type in conditional expression") && cause != null) {
            return say(cause); // Pebble's wrapper of anything an {% if %}'s condition throws
        }
        if (message.startsWith("null value given to if statement")) {
            return new Said("the condition of this {% if %} is null", "", "test a value that may be missing with "
                    + "'is not null' or 'is not empty' (strict variables are on)");
        }
        if (e instanceof PebbleException && cause != null && !message.contains(NamedCalls.reason(cause))) {
            message += ": " + NamedCalls.reason(cause);
        }
        // Pebble's message may hold the page's values ("Not an iterable object. Value = [About]"): a detail.
        return new Said("this line cannot be rendered", message, "fix it (" + SEE + ")");
    }

    /** A filter, function or test that threw: which, what it said of this page's values, what to give it. */
    private static Said called(NamedCalls.Failed call) {
        String what = call.kind() + " '" + call.name() + "' failed";
        String detail = NamedCalls.reason(call.getCause());
        if (call.kind().equals("filter") && call.name().equals("date")) {
            return new Said(what, detail, "give it a date, such as page.date or post.date, or text with its format: "
                    + "date(\"d MMMM yyyy\", existingFormat=\"yyyy-MM-dd\")");
        }
        return new Said(what, detail, "give it a value and arguments it takes (" + SEE + ")");
    }

    /** Pebble's strict-variable messages. */
    static String[] missingValue(String message) {
        Matcher attribute = ATTRIBUTE.matcher(message);
        if (attribute.matches()) {
            return new String[] {"'" + attribute.group(1) + "' does not exist here", "check its spelling (README lists "
                    + "what layouts see), or write | default(...) for a value that may be missing"};
        }
        Matcher root = ROOT.matcher(message);
        if (root.matches()) {
            return new String[] {"variable '" + root.group(1) + "' does not exist here",
                    "check its spelling (README lists what layouts see)"};
        }
        return new String[] {message, "check its spelling (README lists what layouts see)"};
    }
}
