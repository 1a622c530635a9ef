package dev.kiln.layout;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The column of what a layout error names (a filter, a key, a tag, a token) on the line it was met at. Pebble
 * keeps lines only, so the line of the layout's text is searched for it: inside the layout's tags and outside
 * their quoted text, so that the {@code title} of {@code class="post-title"} or of {@code "a | upcase"} is not
 * taken for it. Column 1 when it is not there, or when it is there more than once and which one failed cannot
 * be told.
 */
final class Columns {

    /** What a character of a layout is: text printed as it is (a comment too), a tag's code, or a quote's text. */
    private static final byte TEXT = 0;
    private static final byte CODE = 1;
    private static final byte QUOTED = 2;

    private static final Pattern VERBATIM = Pattern.compile("\\{%-?\\s*verbatim\\s*-?%}.*?\\{%-?\\s*endverbatim\\s*-?%}",
            Pattern.DOTALL);

    private Columns() {}

    /**
     * What to look for on a line: {@code pattern}'s group {@code at} is the column, and {@code first} says that the
     * first of several is at fault (an unknown name is wrong wherever it is written), else only one will do (a key
     * may be missing from one value and not another).
     */
    record Spot(Pattern pattern, boolean first) {

        /** This spot when only one will do: a call that failed on one value may not on another. */
        Spot only() {
            return new Spot(pattern, false);
        }

        /** The name of filter {@code name} after its {@code |}. */
        static Spot filter(String name) {
            return new Spot(Pattern.compile("\\|\\s*(?<at>" + Pattern.quote(name) + ")(?!\\w)"), true);
        }

        /** The name of test {@code name} after {@code is} or {@code is not}. */
        static Spot test(String name) {
            return new Spot(Pattern.compile("\\bis\\s+(?:not\\s+)?(?<at>" + Pattern.quote(name) + ")(?!\\w)"), true);
        }

        /** A call of function (or macro) {@code name}: not a filter's nor an attribute's. */
        static Spot function(String name) {
            return new Spot(Pattern.compile("(?<![\\w.])(?<!\\|\\s{0,20})(?<at>" + Pattern.quote(name) + ")\\s*\\("),
                    true);
        }

        /** Key {@code name} of a value: after a dot, or quoted in brackets. */
        static Spot attribute(String name) {
            String quoted = Pattern.quote(name);
            return new Spot(Pattern.compile("(?:\\.\\s*|\\[\\s*)(?<at>" + quoted + "(?!\\w)|\"" + quoted + "\"|'"
                    + quoted + "')"), false);
        }

        /** Variable {@code name}: no key of a value, no filter, no call. */
        static Spot variable(String name) {
            return new Spot(Pattern.compile("(?<![\\w.])(?<!\\|\\s{0,20})(?<at>" + Pattern.quote(name)
                    + ")(?!\\w|\\s*\\()"), false);
        }

        /** The name of tag {@code name} after its {@code {%}; {@code first} as for {@link Spot}. */
        static Spot tag(String name, boolean first) {
            return new Spot(Pattern.compile("\\{%-?\\s*(?<at>" + Pattern.quote(name) + ")(?!\\w)"), first);
        }

        /**
         * What a {@code {% for variable in ... %}} loops over, at its start: {@code iterable} as written
         * ({@code page.title}), or whatever it is when null. Only one will do: another loop may have a list.
         */
        static Spot loopedOver(String variable, String iterable) {
            String over = iterable == null ? "\\S" : Pattern.quote(iterable) + "(?![\\w.\\[])";
            return new Spot(Pattern.compile("\\{%-?\\s*for\\s+" + Pattern.quote(variable) + "\\s+in\\s+(?<at>" + over
                    + ")"), false);
        }

        /** A quoted {@code text}, at its opening quote (the first of several: each says the same). */
        static Spot quoted(String text) {
            String quoted = Pattern.quote(text);
            return new Spot(Pattern.compile("(?<at>\"" + quoted + "\"|'" + quoted + "')"), true);
        }

        /**
         * A token of Pebble's of {@code type} ({@code NAME}, {@code PUNCTUATION}, {@code PRINT_END}, ...) and
         * {@code value}, that the parser did not expect: only one will do, as those before it on the line parsed.
         */
        static Spot token(String type, String value) {
            String quoted = Pattern.quote(value);
            String at = switch (type) {
                case "STRING" -> "\"" + quoted + "\"|'" + quoted + "'";
                case "PRINT_END", "EXECUTE_END" -> "-?" + quoted;
                // A lone } or ) closes nothing: the ones of }} and %} are the tags' own.
                case "BRACKET" -> value.equals("}") ? "(?<![}%-])\\}(?!})" : quoted;
                default -> Character.isLetterOrDigit(value.isEmpty() ? ' ' : value.charAt(0))
                        ? "(?<![\\w.])" + quoted + "(?!\\w)" : quoted;
            };
            return new Spot(Pattern.compile("(?<at>" + at + ")"), false);
        }
    }

    /**
     * The column (1-based) on line {@code line} of {@code source} (a layout's text, or null when it cannot be read)
     * of the first of {@code spots} found there, or 1.
     */
    static int of(String source, int line, List<Spot> spots) {
        int start = source == null ? -1 : start(source, line);
        if (start < 0 || spots.isEmpty()) {
            return 1;
        }
        int end = source.indexOf('\n', start);
        end = end < 0 ? source.length() : end;
        byte[] kinds = kinds(source, end);
        for (Spot spot : spots) {
            int at = find(source, start, end, kinds, spot);
            if (at >= 0) {
                return at - start + 1;
            }
        }
        return 1;
    }

    /** Where {@code spot} is between {@code start} and {@code end} of {@code source}, or -1. */
    private static int find(String source, int start, int end, byte[] kinds, Spot spot) {
        Matcher m = spot.pattern().matcher(source).region(start, end);
        // Lookbehinds see the text before the line; a match must start in code, its name too.
        m.useTransparentBounds(true);
        int found = -1;
        while (m.find()) {
            if (kinds[m.start()] != CODE || kinds[m.start("at")] != CODE) {
                continue;
            }
            if (spot.first()) {
                return m.start("at");
            }
            if (found >= 0) {
                return -1; // which one failed cannot be told
            }
            found = m.start("at");
        }
        return found;
    }

    /** Line {@code line} (1-based) of {@code source}, or "" when it has none. */
    static String line(String source, int line) {
        int start = source == null ? -1 : start(source, line);
        if (start < 0) {
            return "";
        }
        int end = source.indexOf('\n', start);
        return source.substring(start, end < 0 ? source.length() : end);
    }

    /** Where line {@code line} (1-based) of {@code source} starts, or -1 when it has none. */
    private static int start(String source, int line) {
        int start = 0;
        for (int n = 1; n < line; n++) {
            start = source.indexOf('\n', start) + 1;
            if (start == 0) {
                return -1;
            }
        }
        return line < 1 ? -1 : start;
    }

    /** What each character of {@code source} up to {@code end} is: {@link #TEXT}, {@link #CODE} or {@link #QUOTED}. */
    private static byte[] kinds(String source, int end) {
        byte[] kinds = new byte[end + 1];
        Matcher verbatim = VERBATIM.matcher(source);
        int i = 0;
        while (i < end) {
            if (source.startsWith("{#", i)) { // a comment is no code
                int close = source.indexOf("#}", i + 2);
                i = close < 0 ? end : close + 2;
            } else if (source.startsWith("{%", i) && verbatim.region(i, source.length()).lookingAt()) {
                i = verbatim.end(); // its tags are text
            } else if (source.startsWith("{{", i) || source.startsWith("{%", i)) {
                i = code(source, i, end, kinds);
            } else {
                i++;
            }
        }
        return kinds;
    }

    /**
     * Marks the tag that opens at {@code from} as code, its quotes' text as quoted, up to its closing {@code }}} or
     * {@code %}} (which a quote does not close), and returns where it ends: a tag left unclosed runs on, as it does
     * for Pebble.
     */
    private static int code(String source, int from, int end, byte[] kinds) {
        String close = source.charAt(from + 1) == '{' ? "}}" : "%}";
        kinds[from] = CODE;
        kinds[from + 1] = CODE;
        int i = from + 2;
        char quote = 0;
        while (i < end) {
            char c = source.charAt(i);
            if (quote != 0) {
                kinds[i] = c == quote ? CODE : QUOTED;
                if (c == '\\' && i + 1 < end) {
                    kinds[++i] = QUOTED;
                } else if (c == quote) {
                    quote = 0;
                }
                i++;
            } else if (source.startsWith(close, i)) {
                kinds[i] = CODE;
                kinds[i + 1] = CODE;
                return i + 2;
            } else {
                kinds[i] = CODE;
                if (c == '"' || c == '\'') {
                    quote = c;
                }
                i++;
            }
        }
        return end;
    }
}
