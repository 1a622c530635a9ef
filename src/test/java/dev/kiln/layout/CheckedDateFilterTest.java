package dev.kiln.layout;

import io.pebbletemplates.pebble.extension.core.DateFilter;
import io.pebbletemplates.pebble.template.EvaluationContext;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The checked date filter keeps each pair of patterns' verdict: a layout calls it with the same patterns on every
 * post, and each call must still print its own date, or be refused with the same message as the first.
 */
class CheckedDateFilterTest {

    private final DatePatterns.Checked date = new DatePatterns.Checked(new DateFilter(), java.time.ZoneOffset.UTC);

    /** A context that gives the filter its locale, which is all Pebble's date filter asks of it. */
    private static final EvaluationContext ENGLISH = (EvaluationContext) Proxy.newProxyInstance(
            CheckedDateFilterTest.class.getClassLoader(), new Class<?>[] {EvaluationContext.class},
            (proxy, method, args) -> method.getName().equals("getLocale") ? Locale.ENGLISH : null);

    private Object apply(Object input, String format, String existingFormat) {
        Map<String, Object> args = new HashMap<>();
        args.put("format", format);
        if (existingFormat != null) {
            args.put("existingFormat", existingFormat);
        }
        return date.apply(input, args, null, ENGLISH, 1);
    }

    @Test
    void aPatternKeptAsFinePrintsEachDateItIsGiven() {
        assertEquals("2020-03-15", apply(LocalDate.of(2020, 3, 15), "yyyy-MM-dd", null).toString());
        assertEquals("2021-12-01", apply(LocalDate.of(2021, 12, 1), "yyyy-MM-dd", null).toString());
    }

    @Test
    void aPatternRefusedOnceIsRefusedAtEveryCallWithTheSameMessage() {
        for (LocalDate day : new LocalDate[] {LocalDate.of(2020, 3, 15), LocalDate.of(2021, 12, 1)}) {
            DatePatterns.Bad bad = assertThrows(DatePatterns.Bad.class, () -> apply(day, "2006-01-02", null));
            assertEquals("date pattern \"2006-01-02\" is a Go layout (Hugo's way to write dates), not a Java pattern",
                    bad.getMessage());
            assertEquals("2006-01-02", bad.pattern());
        }
    }

    @Test
    void theSamePatternWithAnotherExistingFormatGetsItsOwnVerdict() {
        assertEquals("Mar 15", apply("2020-03-15", "MMM d", "yyyy-MM-dd").toString());
        DatePatterns.Bad bad = assertThrows(DatePatterns.Bad.class, () -> apply("2020-03-15", "MMM d", "%Y-%m-%d"));
        assertEquals("%Y-%m-%d", bad.pattern(), "the existing format is refused, not kept as the format's verdict");
        assertEquals("Mar 15", apply("2020-03-15", "MMM d", "yyyy-MM-dd").toString());
    }

    @Test
    void aJavaUtilDateAndMillisecondsArePrintedInTheSitesZoneOrTheirTimeZoneWhateverTheMachinesZone() {
        java.util.Date date = new java.util.Date(1584318600000L); // 2020-03-16T00:30:00Z
        java.util.TimeZone machine = java.util.TimeZone.getDefault();
        try {
            for (String zone : new String[] {"Asia/Tokyo", "America/Los_Angeles"}) {
                java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(zone));
                // Printed in the machine's zone, and an offset taken for GMT, until 2026-12-07.
                assertEquals("2020-03-16 00:30 UTC", apply(date, "yyyy-MM-dd HH:mm z", null).toString());
                Map<String, Object> args = new HashMap<>(Map.of("format", "HH:mm z", "timeZone", "-05:00"));
                assertEquals("19:30 GMT-05:00", this.date.apply(date, args, null, ENGLISH, 1).toString());
                assertEquals("19:30 GMT-05:00", this.date.apply(1584318600000L, args, null, ENGLISH, 1).toString());
            }
        } finally {
            java.util.TimeZone.setDefault(machine);
        }
    }
}
