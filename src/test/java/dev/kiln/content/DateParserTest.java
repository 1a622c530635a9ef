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

    @Test
    void givesEveryDateBackInTheSiteZone() {
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        assertEquals(tokyo, DateParser.parse("2018-03-15T10:00:00+02:00", tokyo).orElseThrow().getZone());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"yesterday", "2018-02-30", "2018-13-01", "15.03.2018", "2018-03-15 25:00:00", ""})
    void refusesTextThatIsNotADate(String text) {
        assertEquals(Optional.empty(), DateParser.parse(text, UTC));
    }

    @Test
    void readsDateOfPostFileNameAtStartOfDay() {
        assertEquals(Optional.of(ZonedDateTime.of(2018, 3, 15, 0, 0, 0, 0, UTC)),
                DateParser.fromFileName("2018-03-15-what-i-learned.md", UTC));
    }

    @Test
    void findsNoDateInUndatedFileName() {
        assertTrue(DateParser.fromFileName("what-i-learned.md", UTC).isEmpty());
    }
}
