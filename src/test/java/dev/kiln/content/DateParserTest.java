package dev.kiln.content;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DateParserTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2018-03-15T10:00:00Z,             2018-03-15T10:00Z",
            "2018-03-15T10:00:00+02,           2018-03-15T08:00Z",
            "2018-03-15 10:00:00 -0500,        2018-03-15T15:00Z",
            "2018-03-15 10:00 +02:00,          2018-03-15T08:00Z",
            "2018-3-5,                         2018-03-05T00:00Z",
            "2018-03-15 10:00:00.250 +00:00,   2018-03-15T10:00:00.250Z",
    })
    void readsJekyllDateWithOffset(String text, String instant) {
        assertEquals(OffsetDateTime.parse(instant).toInstant(), DateParser.parse(text, UTC).orElseThrow().toInstant());
    }

    /** What Jekyll 4.3.1 made of each (Ruby's Time.parse): the instants of its posts' URLs and dates. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2016-03-14 13:30:00 UTC          | 2016-03-14T13:30Z",
            "2016-03-14 13:30:00 GMT          | 2016-03-14T13:30Z",
            "2016-03-14 13:30:00 EST          | 2016-03-14T18:30Z",
            "2016-03-14 13:30 PDT             | 2016-03-14T20:30Z",
            "2016-03-14 13:30:00 CEST         | 2016-03-14T11:30Z",
            "2016-03-14 13:30:00 utc          | 2016-03-14T13:30Z",
            "2016-03-14 13:30:00 -05          | 2016-03-14T18:30Z",
            "Sat, 14 Apr 2018 10:00:00 +0000  | 2018-04-14T10:00Z",
            "Saturday, 14 April 2018 10:00 GMT | 2018-04-14T10:00Z",
            "14 Apr 2018 10:00 -0500          | 2018-04-14T15:00Z",
            "14 Apr 2018                      | 2018-04-14T00:00Z",
            "March 14, 2016                   | 2016-03-14T00:00Z",
            "Apr 14 2018                      | 2018-04-14T00:00Z",
            "Sept 1st, 2019 1:30 pm           | 2019-09-01T13:30Z",
            "2016-03-14 12:05 am              | 2016-03-14T00:05Z",
            "2016/03/14                       | 2016-03-14T00:00Z",
            "2018-09-09 24:00:00              | 2018-09-10T00:00Z",
    })
    void readsTheDatesJekyllReads(String text, String instant) {
        assertEquals(OffsetDateTime.parse(instant).toInstant(), DateParser.parse(text, UTC).orElseThrow().toInstant());
    }

    /** Zones Jekyll 4.3.1 read as these offsets, in a second form: seconds in the offset, a comment, a region. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2020-01-02 23:30:00 +01:00:00          | 2020-01-02T22:30Z",
            "2020-01-02 23:30:00 +013000            | 2020-01-02T22:00Z",
            "2020-01-02 23:30:00 +0100 (CET)        | 2020-01-02T22:30Z",
            "Thu, 02 Jan 2020 23:30:00 -0500 (EST)  | 2020-01-03T04:30Z",
            "2020-01-02 23:30:00 Europe/Berlin      | 2020-01-02T22:30Z",
            "2020-07-02 23:30 America/New_York      | 2020-07-03T03:30Z",
            "2020-01-02 23:30:00 Etc/UTC            | 2020-01-02T23:30Z",
    })
    void readsAnOffsetWithSecondsACommentAfterTheZoneAndARegionsName(String text, String instant) {
        assertEquals(OffsetDateTime.parse(instant).toInstant(), DateParser.parse(text, UTC).orElseThrow().toInstant());
    }

    /** Ruby reads {@code GMT+2} as GMT, dropping the offset; Kiln reads the offset its author wrote. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2018-08-08 10:00:00 GMT+2     | 2018-08-08T08:00Z",
            "2018-08-08 10:00:00 UTC-05:30 | 2018-08-08T15:30Z",
            "2018-08-08 10:00 gmt+0130     | 2018-08-08T08:30Z",
    })
    void readsGmtOrUtcWithAnOffsetAsThatOffset(String text, String instant) {
        assertEquals(OffsetDateTime.parse(instant).toInstant(), DateParser.parse(text, UTC).orElseThrow().toInstant());
    }

    @Test
    void readsANamedZoneAsItsOffsetNotAsTheSiteZone() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // Jekyll wrote this post at /2016/03/14/1930/...: 13:30 in New York (EST) is 19:30 in Berlin.
        assertEquals(ZonedDateTime.of(2016, 3, 14, 19, 30, 0, 0, berlin),
                DateParser.parse("2016-03-14 13:30:00 EST", berlin).orElseThrow());
    }

    @Test
    void givesEveryDateBackInTheSiteZone() {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        assertEquals(tokyo, DateParser.parse("2018-03-15T10:00:00+02:00", tokyo).orElseThrow().getZone());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"yesterday", "2018-02-30", "2018-13-01", "15.03.2018", "2018-03-15 25:00:00", "",
            // a zone Kiln does not know is refused rather than read in the site's zone (as Ruby would)
            "2016-03-14 13:30:00 XYZ", "2016-03-14 13:30 pm", "2016-03-14 0:30 am", "14 Foo 2018", "Mars 14, 2016",
            "2016-03/14", "Sat, 31 Apr 2018",
            "2018-09-09 24:30:00", "2018-09-09 10:00 +5", "2018-09-09 10:00 GMT+25",
            // a region no one has, and an offset of a form Ruby reads one way or another by how YAML quoted it
            "2018-09-09 10:00 Mars/Olympus_Mons", "2018-09-09 10:00 +1:00", "2018-09-09 10:00 +100 (CET"})
    void refusesTextThatIsNotADate(String text) {
        assertEquals(Optional.empty(), DateParser.parse(text, UTC));
    }

    @Test
    void saysWhichDayOrMonthDoesNotExist() {
        assertEquals("February 2018 has no day 30", DateParser.impossibleDay("2018-02-30 00:00:00"));
        assertEquals("February 2021 has no day 29", DateParser.impossibleDay("2021-02-29"));
        assertEquals("there is no month 13", DateParser.impossibleDay("2016-13-45 10:00"));
        assertEquals(null, DateParser.impossibleDay("2020-02-29"));
        assertEquals(null, DateParser.impossibleDay("nope"));
    }

    @Test
    void readsDateOfPostFileNameAtStartOfDay() {
        assertEquals(Optional.of(ZonedDateTime.of(2018, 3, 15, 0, 0, 0, 0, UTC)),
                DateParser.fromFileName("2018-03-15-what-i-learned.md", UTC));
    }

    @Test
    void readsAFileNameDateWithoutLeadingZerosAsJekyllDoes() {
        assertEquals(Optional.of(ZonedDateTime.of(2020, 1, 9, 0, 0, 0, 0, UTC)),
                DateParser.fromFileName("2020-1-9-i.md", UTC));
        assertTrue(DateParser.fromFileName("2020-13-9-i.md", UTC).isEmpty());
    }

    @Test
    void findsNoDateInUndatedFileName() {
        assertTrue(DateParser.fromFileName("what-i-learned.md", UTC).isEmpty());
    }

    @Test
    void theQuickReadingOfIsoDatesAgreesWithTheForms() {
        java.util.Random random = new java.util.Random(11);
        String[] pieces = {"2018", "-", "03", "3", "15", "31", "02-30", "T", "t", " ", "10", ":", "00", "59", "24",
                "Z", "z", "+", "02", "0200", "+02:00", "-05:30", "+1400", "+1500", ".5", "UTC", " pm", "x", ""};
        java.time.ZoneId zone = java.time.ZoneId.of("Europe/Berlin");
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder(random.nextBoolean() ? "2018-03-15" : "");
            for (int i = random.nextInt(6); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String t = text.toString().trim();
            assertEquals(DateParser.byForms(t, zone), DateParser.parse(t, zone), "'" + t + "'");
        }
        for (String t : java.util.List.of("2018-03-15", "2018-03-15 10:00", "2018-03-15T10:00:00Z", "2018-03-15 10:00:00 +0200",
                "2018-03-15T10:00:00+02:00", "2018-03-15 24:00", "2018-02-30", "2018-03-15T10:00:00-05:30")) {
            assertEquals(DateParser.byForms(t, zone), DateParser.parse(t, zone), t);
        }
    }
}
