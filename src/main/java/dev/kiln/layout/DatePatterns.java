package dev.kiln.layout;

import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.text.SimpleDateFormat;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The patterns of Pebble's {@code date} filter, checked: one that is no pattern ({@code date("Jan 2, 2006")} threw
 * "Unknown pattern letter: J", which Kiln took for a value that is no date), and Go's reference layouts, as Hugo
 * writes dates ({@code date("2006-01-02")} printed 2006-01-02 on every post, its digits being no pattern letters), and
 * strftime's, as Jekyll's Liquid writes them ({@code date("%Y-%m-%d")}), are errors naming the Java pattern to write.
 */
final class DatePatterns {

    /** What the letters of a pattern are, for an author who wrote another kind. */
    static final String LETTERS = "Java's DateTimeFormatter letters: yyyy year, MM month, MMM or MMMM its name, dd or d "
            + "day, EEE or EEEE weekday, HH:mm:ss time; text between single quotes is printed as it is";

    private DatePatterns() {}

    /**
     * A pattern (or time zone, {@link DateZones}) the date filter was given that is wrong: what is wrong, what to write,
     * and the pattern itself.
     */
    static final class Bad extends RuntimeException {
        private final String what;
        private final String advice;
        private final String pattern;

        Bad(String what, String advice, String pattern) {
            super(what, null, false, false);
            this.what = what;
            this.advice = advice;
            this.pattern = pattern;
        }

        /** The pattern as the layout gives it, for the column of its quote. */
        String pattern() {
            return pattern;
        }

        String what() {
            return what;
        }

        String advice() {
            return advice;
        }
    }

    /**
     * Pebble's {@code date} filter, refusing Go's layouts before it runs and naming the pattern it fails on. One per
     * engine (per {@link Layouts}): it keeps the verdict of each pair of patterns it was given, as layouts call it with
     * a few constant patterns about nine times per post, and checking one costs three regex passes and a search.
     */
    static final class Checked implements Filter {

        /**
         * The patterns of one call: {@code format} and {@code existingFormat}, each a String or null. Its
         * {@code equals} and {@code hashCode} are written out: a record's own are linked at their first call by
         * a bootstrap method that the start-up archive cannot hold (~7 ms of every build, in the interpreter).
         */
        private record Patterns(String format, String existingFormat) {
            @Override
            public boolean equals(Object o) {
                return o instanceof Patterns p && Objects.equals(format, p.format)
                        && Objects.equals(existingFormat, p.existingFormat);
            }

            @Override
            public int hashCode() {
                return 31 * Objects.hashCode(format) + Objects.hashCode(existingFormat);
            }
        }

        /** A pair of patterns that passed the checks: no error. */
        private static final Optional<Bad> FINE = Optional.empty();

        private final Filter filter;
        /** Each pair of patterns checked so far, and the error it gets, if any: the same for every call. */
        private final ConcurrentHashMap<Patterns, Optional<Bad>> verdicts = new ConcurrentHashMap<>();

        /** The site's zone: text is read in it, and dates without {@code timeZone} printed in it. */
        private final java.time.ZoneId site;

        Checked(Filter filter, java.time.ZoneId site) {
            this.filter = filter;
            this.site = site;
        }

        @Override
        public List<String> getArgumentNames() {
            return filter.getArgumentNames();
        }

        @Override
        public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                            int line) {
            Object format = args.get("format");
            Object existingFormat = args.get("existingFormat");
            if ((format == null || format instanceof String) && (existingFormat == null || existingFormat instanceof String)) {
                Optional<Bad> bad = verdicts.computeIfAbsent(new Patterns((String) format, (String) existingFormat),
                        p -> verdict(p.format(), p.existingFormat()));
                if (bad.isPresent()) {
                    Bad b = bad.get();
                    throw new Bad(b.what(), b.advice(), b.pattern()); // a fresh one per call: nothing shared is thrown
                }
            } else {
                refuse(format, existingFormat); // a value that is no text (a number): checked at each call, as it is rare
            }
            // Text and java.util.Date: Pebble's reads text in the machine's zone, and knows no offset to print in.
            boolean old = DateZones.isOld(input, existingFormat);
            // Pebble passes timeZone over for a date with a zone of its own, as every page.date is.
            Object date = old || args.get("timeZone") == null ? input : DateZones.inZone(input, args.get("timeZone"));
            try {
                return old ? DateZones.printOld(input, args, site, context.getLocale(), self, line)
                        : filter.apply(date, args, self, context, line);
            } catch (RuntimeException e) {
                // Text is read and written with SimpleDateFormat, dates with DateTimeFormatter (as Pebble does).
                boolean temporal = input instanceof TemporalAccessor;
                refuseInvalid(args.get("format"), temporal);
                refuseInvalid(args.get("existingFormat"), false);
                throw e;
            }
        }
    }

    /** The error the patterns of one call get, if any. */
    private static Optional<Bad> verdict(Object format, Object existingFormat) {
        try {
            refuse(format, existingFormat);
            return Checked.FINE;
        } catch (Bad bad) {
            return Optional.of(bad);
        }
    }

    /** Throws {@link Bad} when the patterns of one call are Go's, strftime's or print the same for every date. */
    private static void refuse(Object format, Object existingFormat) {
        refuseGo(format);
        refuseGo(existingFormat);
        refuseStrftime(format);
        refuseStrftime(existingFormat);
        refuseConstant(format);
    }

    /** Throws {@link Bad} when {@code pattern} is one of Go's layouts. */
    static void refuseGo(Object pattern) {
        if (pattern instanceof String text) {
            String java = goToJava(text);
            if (java != null) {
                // "2006-01-02" would be printed as it is, "Jan 2, 2006" is refused by Java: neither is a Java pattern.
                throw new Bad("date pattern \"" + text + "\" is a Go layout (Hugo's way to write dates), not a Java "
                        + "pattern", "write the Java pattern for it, date(\"" + java + "\") (" + LETTERS + ")", text);
            }
        }
    }

    /**
     * Throws {@link Bad} when {@code pattern} is strftime's, as Jekyll's Liquid writes dates ({@code date: "%b %-d, %Y"}):
     * {@code date("%Y-%m-%d")} printed "%2024-%0-%1" for a post of 2024-01-01, % being text to Java, and Y, m and d its
     * letters of the week's year, the minute and the day.
     */
    static void refuseStrftime(Object pattern) {
        if (pattern instanceof String text && STRFTIME.matcher(unquoted(text)).find()) {
            String java = strftimeToJava(text);
            String what = "date pattern \"" + text + "\" is strftime's (Liquid's, as Jekyll writes dates), not a Java "
                    + "pattern";
            throw java == null ? new Bad(what, "write it with " + LETTERS + ": date(\"MMM d, yyyy\")", text)
                    : new Bad(what, "write the Java pattern for it, date(\"" + java + "\") (" + LETTERS + ")", text);
        }
    }

    /** A conversion of strftime's: {@code %}, its flag ({@code %-d} has no padding) and its letter. */
    private static final java.util.regex.Pattern STRFTIME = java.util.regex.Pattern.compile("%([-_0^#:]?)([a-zA-Z%])");

    /** strftime's conversions (as Ruby's, which Jekyll's are) and Java's letters for them; {@code -} unpadded. */
    private static final Map<String, String> CONVERSIONS = Map.ofEntries(Map.entry("Y", "yyyy"), Map.entry("y", "yy"),
            Map.entry("m", "MM"), Map.entry("-m", "M"), Map.entry("B", "MMMM"), Map.entry("b", "MMM"), Map.entry("h", "MMM"),
            Map.entry("d", "dd"), Map.entry("-d", "d"), Map.entry("e", "d"), Map.entry("-e", "d"), Map.entry("j", "DDD"),
            Map.entry("-j", "D"), Map.entry("A", "EEEE"), Map.entry("a", "EEE"), Map.entry("H", "HH"), Map.entry("-H", "H"),
            Map.entry("k", "H"), Map.entry("I", "hh"), Map.entry("-I", "h"), Map.entry("l", "h"), Map.entry("M", "mm"),
            Map.entry("-M", "m"), Map.entry("S", "ss"), Map.entry("-S", "s"), Map.entry("L", "SSS"), Map.entry("p", "a"),
            Map.entry("Z", "z"), Map.entry("z", "xx"), Map.entry(":z", "xxx"),
            Map.entry("F", "yyyy-MM-dd"), Map.entry("T", "HH:mm:ss"), Map.entry("R", "HH:mm"), Map.entry("D", "MM/dd/yy"));

    /**
     * The Java pattern for strftime's {@code pattern}, its text between conversions quoted, or null when it holds a
     * conversion Java has no letters for (a week's number, %s's seconds since 1970).
     */
    static String strftimeToJava(String pattern) {
        StringBuilder java = new StringBuilder();
        StringBuilder text = new StringBuilder();
        java.util.regex.Matcher m = STRFTIME.matcher(pattern);
        int at = 0;
        while (m.find()) {
            text.append(pattern, at, m.start());
            at = m.end();
            if (m.group(2).equals("%")) {
                text.append('%');
                continue;
            }
            String letters = CONVERSIONS.get(m.group(1) + m.group(2));
            if (letters == null && (m.group(1).equals("_") || m.group(1).equals("0"))) {
                letters = CONVERSIONS.get(m.group(2)); // padded with spaces or zeros: Java's are zeros, or none
            }
            if (letters == null) { // %^b's capitals, say, which no Java letter gives
                return null;
            }
            quote(text, java);
            java.append(letters);
        }
        text.append(pattern, at, pattern.length());
        quote(text, java);
        return java.toString();
    }

    /**
     * Throws {@link Bad} when {@code pattern} holds no pattern letter outside quotes: it prints the same text for every
     * date ({@code date("2006")}, Go's layout of the year as Hugo writes it, printed 2006 on every post until
     * 2026-12-07). Go's layout, when it is one ({@code 2006}, {@code 06}), gives the Java pattern to write.
     */
    static void refuseConstant(Object pattern) {
        if (!(pattern instanceof String text) || text.isEmpty() || hasLetter(unquoted(text))) {
            return; // Pebble's date filter takes "" for its default pattern
        }
        String printed;
        try {
            printed = DateTimeFormatter.ofPattern(text).format(java.time.LocalDate.of(2023, 5, 1));
        } catch (RuntimeException e) {
            printed = null; // an unclosed quote, say: refused as no pattern below
        }
        String what = "date pattern \"" + text + "\" holds no pattern letter, so it prints the same text"
                + (printed == null ? "" : ", \"" + printed + "\",") + " for every date";
        String java = text.indexOf('\'') < 0 ? goElements(text) : null; // Go quotes nothing
        if (java != null && hasLetter(java)) {
            throw new Bad(what + " (it is a Go layout, Hugo's way to write dates, not a Java pattern)",
                    "write the Java pattern for it, date(\"" + java + "\") (" + LETTERS + ")", text);
        }
        throw new Bad(what, "write it with " + LETTERS + ": date(\"yyyy\"), date(\"MMM d, yyyy\")", text);
    }

    /** {@code pattern} without its text between single quotes. */
    private static String unquoted(String pattern) {
        return QUOTED.matcher(pattern).replaceAll("");
    }

    /** Text between single quotes, its closing quote missing at the end: compiled once, not at each call. */
    private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("'[^']*'?");

    /** Whether {@code text} holds a letter, which patterns reserve for their fields. */
    private static boolean hasLetter(String text) {
        return text.codePoints().anyMatch(c -> c < 128 && Character.isLetter(c));
    }

    /** Throws {@link Bad} when {@code pattern} is no pattern of DateTimeFormatter ({@code temporal}) or SimpleDateFormat. */
    private static void refuseInvalid(Object pattern, boolean temporal) {
        if (!(pattern instanceof String text)) {
            return;
        }
        String reason = null;
        try {
            if (temporal) {
                DateTimeFormatter.ofPattern(text);
            } else {
                new SimpleDateFormat(text);
            }
        } catch (IllegalArgumentException e) {
            reason = e.getMessage();
        }
        if (reason != null) {
            throw new Bad("date pattern \"" + text + "\" is not valid (" + reason + ")", "write it with " + LETTERS
                    + ": date(\"MMM d, yyyy\"), date(\"d 'of' MMMM yyyy\")", text);
        }
    }

    /**
     * The Java pattern for {@code pattern} when it is one of Go's layouts (its reference date's year {@code 2006} with
     * its month or day {@code 01}, {@code 02}, {@code Jan}, its weekday {@code Mon} or its time {@code 15:04}, outside
     * quotes), else null. Go's layout is read as Go reads it, element by element; the rest is quoted text.
     */
    static String goToJava(String pattern) {
        String unquoted = unquoted(pattern);
        boolean names = unquoted.contains("Jan") || unquoted.contains("Mon") || unquoted.contains("MST");
        // Go's reference year with its month, day, weekday or time ("2006-01-02"), or a month's, weekday's or zone's
        // name with digits ("02 Jan 06 15:04 MST"): names are no Java pattern (J, o and T are no pattern letters).
        boolean go = unquoted.contains("2006") && (names || unquoted.contains("01") || unquoted.contains("02")
                || unquoted.contains("15:04"))
                || names && unquoted.chars().anyMatch(Character::isDigit);
        return go ? goElements(pattern) : null;
    }

    /** {@code pattern} read as Go's layout, element by element, and written as a Java pattern, the rest quoted. */
    private static String goElements(String pattern) {
        StringBuilder java = new StringBuilder();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            String[] element = element(pattern, i);
            if (element == null) {
                text.append(pattern.charAt(i++));
                continue;
            }
            quote(text, java);
            java.append(element[1]);
            i += element[0].length();
        }
        quote(text, java);
        return java.toString();
    }

    /** Go's layout elements, longest first where one starts another, and their Java letters. */
    private static final String[][] ELEMENTS = {
            {"January", "MMMM"}, {"Jan", "MMM"}, {"Monday", "EEEE"}, {"Mon", "EEE"}, {"MST", "z"},
            {"2006", "yyyy"}, {"_2006", "_yyyy"}, {"_2", "d"}, {"002", "DDD"}, {"01", "MM"}, {"02", "dd"}, {"03", "hh"}, {"04", "mm"},
            {"05", "ss"}, {"06", "yy"}, {"15", "HH"}, {"1", "M"}, {"2", "d"}, {"3", "h"}, {"4", "m"}, {"5", "s"},
            {"PM", "a"}, {"pm", "a"}, {"Z07:00", "XXX"}, {"Z0700", "XX"}, {"-07:00", "xxx"}, {"-0700", "xx"},
            {".000000000", ".SSSSSSSSS"}, {".000000", ".SSSSSS"}, {".000", ".SSS"},
    };

    /** The element of Go's layout at {@code i} of {@code pattern} and its Java letters, or null for text. */
    private static String[] element(String pattern, int i) {
        for (String[] element : ELEMENTS) {
            if (pattern.startsWith(element[0], i)) {
                return element;
            }
        }
        return null;
    }

    /** Appends {@code text} to {@code java} as a pattern prints it as it is (letters quoted), and empties it. */
    private static void quote(StringBuilder text, StringBuilder java) {
        StringBuilder quoted = new StringBuilder();
        boolean open = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean special = Character.isLetter(c) || "[]{}#".indexOf(c) >= 0;
            if (c == '\'') {
                quoted.append("''");
            } else if (special != open) {
                quoted.append('\'').append(c);
                open = special;
            } else {
                quoted.append(c);
            }
        }
        if (open) {
            quoted.append('\'');
        }
        java.append(quoted);
        text.setLength(0);
    }
}
