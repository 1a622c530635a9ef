package dev.kiln.layout;

import org.junit.jupiter.api.Test;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Go's layouts, as Hugo's layouts write dates, read as Go reads them and said as Java's patterns. */
class DatePatternsTest {

    private static final ZonedDateTime DATE = ZonedDateTime.parse("2023-05-01T09:07:03+02:00");

    /** The Java pattern for Go's {@code layout}, checked to print {@code printed} as Go printed {@link #DATE}. */
    private static void same(String layout, String java, String printed) {
        assertEquals(java, DatePatterns.goToJava(layout), layout);
        assertEquals(printed, DateTimeFormatter.ofPattern(java, Locale.ENGLISH).format(DATE), layout);
    }

    @Test
    void hugosCommonLayoutsBecomeTheJavaPatternsThatPrintTheSame() {
        same("2006-01-02", "yyyy-MM-dd", "2023-05-01");
        same("Jan 2, 2006", "MMM d, yyyy", "May 1, 2023");
        same("January 2, 2006", "MMMM d, yyyy", "May 1, 2023");
        same("Monday, 02 January 2006", "EEEE, dd MMMM yyyy", "Monday, 01 May 2023");
        same("Mon Jan _2 2006", "EEE MMM d yyyy", "Mon May 1 2023");
        same("2006-01-02T15:04:05-07:00", "yyyy-MM-dd'T'HH:mm:ssxxx", "2023-05-01T09:07:03+02:00");
        same("02/01/2006 at 3:04pm", "dd/MM/yyyy 'at' h:mma", "01/05/2023 at 9:07AM");
        same("2006. 1. 2. 15:04 [it's]", "yyyy. M. d. HH:mm '[it''s]'", "2023. 5. 1. 09:07 [it's]");
        // Without 2006: Go's two-digit year and zone name (its RFC822 layout); Java names the zone as Go does not.
        assertEquals("dd MMM yy HH:mm z", DatePatterns.goToJava("02 Jan 06 15:04 MST"));
        same("Jan 2", "MMM d", "May 1");
    }

    @Test
    void javaPatternsAndTextWithoutGosReferenceYearAreNoGoLayouts() {
        assertNull(DatePatterns.goToJava("yyyy-MM-dd"));
        assertNull(DatePatterns.goToJava("d MMMM yyyy"));
        assertNull(DatePatterns.goToJava("'since 2006-01' yyyy"));
        assertNull(DatePatterns.goToJava("2006"));
    }

    /** The Java pattern for strftime's {@code pattern}, checked to print {@code printed} as Ruby printed {@link #DATE}. */
    private static void sameAsRuby(String pattern, String java, String printed) {
        assertEquals(java, DatePatterns.strftimeToJava(pattern), pattern);
        assertEquals(printed, DateTimeFormatter.ofPattern(java, Locale.ENGLISH).format(DATE), pattern);
    }

    @Test
    void jekyllsStrftimePatternsBecomeTheJavaPatternsThatPrintTheSame() {
        sameAsRuby("%Y-%m-%d", "yyyy-MM-dd", "2023-05-01");
        sameAsRuby("%b %-d, %Y", "MMM d, yyyy", "May 1, 2023");
        sameAsRuby("%d %B %Y", "dd MMMM yyyy", "01 May 2023");
        sameAsRuby("%A, %-d %b %y at %-I:%M %p", "EEEE, d MMM yy 'at' h:mm a", "Monday, 1 May 23 at 9:07 AM");
        sameAsRuby("%Y-%m-%dT%H:%M:%S%:z", "yyyy-MM-dd'T'HH:mm:ssxxx", "2023-05-01T09:07:03+02:00");
        sameAsRuby("%F %T", "yyyy-MM-dd HH:mm:ss", "2023-05-01 09:07:03");
        sameAsRuby("100%% in %-m/%-d", "100% 'in' M/d", "100% in 5/1");
    }

    @Test
    void strftimesConversionsThatNoJavaLetterGivesHaveNoPattern() {
        assertNull(DatePatterns.strftimeToJava("week %U of %Y"));
        assertNull(DatePatterns.strftimeToJava("%^b %Y"));
    }
}
