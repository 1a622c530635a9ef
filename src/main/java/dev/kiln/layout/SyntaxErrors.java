package dev.kiln.layout;

import dev.kiln.error.Position;
import dev.kiln.error.Problem;
import io.pebbletemplates.pebble.error.ParserException;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A layout that Pebble cannot parse, said where its author has to write: at a tag Pebble has none by the name of, at
 * Liquid's way of writing where Pebble met it, at a tag left unclosed, else at the token Pebble did not expect.
 */
final class SyntaxErrors {

    /** Pebble's parser's and lexer's words for a token it did not expect: its type, when said, and its value. */
    private static final Pattern UNEXPECTED_TOKEN = Pattern.compile(
            "Unexpected token \"(\\w+)\" of value \"(.*)\"|Unexpected token of value \"(.*)\" and type (\\w+),.*",
            Pattern.DOTALL);
    private static final Pattern UNEXPECTED_TAG = Pattern.compile("Unexpected tag name \"(.+)\"");
    private static final Pattern UNEXPECTED_CHARACTER = Pattern.compile("Unexpected \"(.)\"|Unexpected character \\[(.)]");

    private final UnaryOperator<String> displayPath;
    private final UnaryOperator<String> text;
    private final SortedSet<String> filters;
    private final SortedSet<String> tags;
    private final SortedSet<String> templates;

    /**
     * Errors of layouts shown at {@code displayPath} of Pebble's template name, found in {@code text} of it (the
     * template's source, or null), with these {@code filters}, {@code tags} (Pebble's, without their end tags) and
     * {@code templates} (every layout's name, {@code post} or {@code partials/head}).
     */
    SyntaxErrors(UnaryOperator<String> displayPath, UnaryOperator<String> text, SortedSet<String> filters,
                 SortedSet<String> tags, SortedSet<String> templates) {
        this.displayPath = displayPath;
        this.text = text;
        this.filters = filters;
        this.tags = tags;
        this.templates = templates;
    }

    /**
     * A layout that does not parse (whichever page asked for it): at a tag Pebble has none by the name of, at Liquid's
     * way of writing that Pebble stopped at, at the tag it leaves unclosed, when it has one, else where Pebble stopped:
     * its line, and the column of the token it did not expect when the line shows which.
     */
    Problem unparsable(ParserException e, String layout) {
        String file = e.getFileName() == null ? layout : e.getFileName();
        String reason = NamedCalls.reason(e);
        int line = e.getLineNumber() == null ? 1 : e.getLineNumber();
        String source = text.apply(file);
        // "Unexpected tag name" is said of a tag Pebble has never heard of as of an end tag it did not expect there:
        // only the second is a matter of pairing ({% iff %} was said to leave the {% block %} around it unclosed, before
        // the {% endif %} that then closed nothing).
        if (e instanceof HtmlPrintedAsText.Escaped escaped) { // at the value printed: page.content
            String[] names = escaped.printed().split("\\.");
            String spaced = java.util.Arrays.stream(names).map(java.util.regex.Pattern::quote)
                    .collect(java.util.stream.Collectors.joining("\\s*\\.\\s*"));
            int column = Columns.of(source, line, List.of(new Columns.Spot(java.util.regex.Pattern.compile(
                    "(?<![\\w.])(?<at>" + spaced + ")(?!\\w)"), false)));
            return new Position(line, column).problem(displayPath.apply(file), "layout error: " + reason);
        }
        if (e instanceof Outlines.Misshapen misshapen) { // said in full where it is found
            return new Position(line, misshapen.column(source, line)).problem(displayPath.apply(file), "layout error: "
                    + reason);
        }
        Matcher tag = UNEXPECTED_TAG.matcher(reason);
        if (tag.matches() && !isTag(tag.group(1))) {
            String name = tag.group(1);
            String liquid = LiquidHabits.tag(name);
            int column = Columns.of(source, line, List.of(Columns.Spot.tag(name, true)));
            return new Position(line, column).problem(displayPath.apply(file), "layout error: there is no tag '" + name
                    + "': " + (liquid != null ? liquid : "check its spelling (tags: " + String.join(", ", tags) + ")"));
        }
        LiquidHabits.Found liquid = liquid(reason, Columns.line(source, line));
        if (liquid != null) {
            int column = Columns.of(source, line, List.of(liquid.spot()));
            return new Position(line, column).problem(displayPath.apply(file), "layout error: " + liquid.what() + ": "
                    + liquid.advice());
        }
        // Pebble stops at an end tag it did not expect, or at the end of the layout for a tag left open, saying so
        // in as many ways as it has tags ("Unexpected tag name", "end of template", "endblock tag should be
        // present with block tag starting line number " without the number, "Unclosed verbatim tag", "type EOF",
        // "cannot include content outside blocks").
        String said = reason.toLowerCase(java.util.Locale.ROOT);
        boolean pairing = said.contains("unexpected tag name") || said.contains("end of template")
                || said.contains("tag should be present") || said.contains("unclosed verbatim") || said.contains("type eof")
                || said.contains("content outside blocks"); // an {% embed %} left open holds the rest of the layout
        Problem unclosed = pairing ? unclosed(file, source) : null;
        if (unclosed != null) {
            return unclosed;
        }
        int column = Columns.of(source, line, unexpected(reason));
        return new Position(line, column).problem(displayPath.apply(file), "layout error: " + reason
                + ": check that every {{ }}, {% %} and {# #} on this line is closed and spelled as Pebble wants");
    }

    /**
     * Liquid's way of writing that Pebble stopped at on {@code line}, saying only that it did not expect a token
     * ({@code reason}): a filter's arguments after a colon, a {@code for}'s {@code limit:}, an include of a file named
     * without quotes with parameters; or null.
     */
    private LiquidHabits.Found liquid(String reason, String line) {
        Matcher token = UNEXPECTED_TOKEN.matcher(reason);
        if (!token.matches()) {
            return null;
        }
        String value = token.group(1) != null ? token.group(2) : token.group(3);
        LiquidHabits.Found include = LiquidHabits.include(line, "", true, templates);
        if (include != null) {
            return include;
        }
        if (value.equals("limit") || value.equals("offset") || value.equals("reversed")) {
            return LiquidHabits.forOptions(line);
        }
        return value.equals(":") ? LiquidHabits.colon(line, filters) : null;
    }

    /** Whether {@code name} is a tag of Pebble's, or the end or {@code else} of one. */
    private boolean isTag(String name) {
        return tags.contains(name) || UnclosedTags.isEnd(name) || name.equals("else") || name.equals("elseif");
    }

    /** Where the token that Pebble's {@code reason} says it did not expect may be: none when it names none. */
    private static List<Columns.Spot> unexpected(String reason) {
        Matcher token = UNEXPECTED_TOKEN.matcher(reason);
        if (token.matches()) {
            return token.group(1) != null ? List.of(Columns.Spot.token(token.group(1), token.group(2)))
                    : List.of(Columns.Spot.token(token.group(4), token.group(3)));
        }
        Matcher character = UNEXPECTED_CHARACTER.matcher(reason);
        if (character.matches()) {
            String c = character.group(1) != null ? character.group(1) : character.group(2);
            return List.of(Columns.Spot.token("BRACKET", c));
        }
        return List.of();
    }

    /** The tag of layout {@code file} (whose text is {@code source}, or null) left unclosed or closing none, or null. */
    private Problem unclosed(String file, String source) {
        UnclosedTags.Found unclosed = source == null ? null : UnclosedTags.in(source);
        return unclosed == null ? null : new Position(unclosed.line(), unclosed.column())
                .problem(displayPath.apply(file), "layout error: " + unclosed.message());
    }

    /**
     * A layout Pebble's parser ran off the end of: a {@code macro}, {@code filter}, {@code autoescape},
     * {@code cache} or {@code parallel} left open at the end of a layout makes Pebble throw an
     * {@link IndexOutOfBoundsException} of its own (for {@code layout}, or a layout it includes, which
     * {@code e} does not name): the first of the site's own layouts that leaves a tag unclosed, {@code layout}
     * first, else null.
     */
    Problem unclosed(RuntimeException e, String layout, Map<String, String> own) {
        if (!ranOffTheEnd(e)) {
            return null;
        }
        Problem first = unclosed(layout, text.apply(layout));
        for (var source : own.entrySet()) {
            if (first == null) {
                first = unclosed(source.getKey(), source.getValue());
            }
        }
        return first;
    }

    /** Whether Pebble's lexer or parser threw {@code e} (or a cause of it), reading past a layout's last token. */
    private static boolean ranOffTheEnd(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IndexOutOfBoundsException) {
                for (StackTraceElement frame : t.getStackTrace()) {
                    if (frame.getClassName().startsWith("io.pebbletemplates.pebble.lexer.")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
