package dev.kiln.layout;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The {@code timeZone} of Pebble's {@code date} filter, made to work on Kiln's dates: Pebble prints a date that has a
 * zone of its own (every {@code page.date}, in the site's zone) in that zone and passes {@code timeZone} over, so
 * {@code date("HH:mm", timeZone="Europe/Paris")} printed the site's time, and an unknown zone went unnoticed. The date
 * is moved to the zone first, the same instant; an unknown zone is an error naming one that is known.
 */
final class DateZones {

    private DateZones() {}

    /**
     * {@code input} at the same instant in zone {@code timeZone} when it is a date with an instant (a
     * {@code ZonedDateTime}, {@code OffsetDateTime} or {@code Instant}), else as it is, for Pebble to read the zone;
     * throws {@link DatePatterns.Bad} when {@code timeZone} names no zone.
     */
    static Object inZone(Object input, Object timeZone) {
        ZoneId zone = zone(timeZone);
        if (input instanceof ZonedDateTime date) {
            return date.withZoneSameInstant(zone);
        } else if (input instanceof OffsetDateTime date) {
            return date.atZoneSameInstant(zone);
        } else if (input instanceof Instant instant) {
            return instant.atZone(zone);
        }
        return input;
    }

    /** The zone {@code timeZone} names; {@link DatePatterns.Bad} saying which to write when it names none. */
    private static ZoneId zone(Object timeZone) {
        String id = timeZone.toString();
        try {
            if (timeZone instanceof String) {
                return ZoneId.of(id);
            }
        } catch (DateTimeException e) {
            // said below
        }
        String known = ZoneId.getAvailableZoneIds().stream().filter(id::equalsIgnoreCase).findFirst()
                .orElse(ZoneId.SHORT_IDS.get(id.toUpperCase(java.util.Locale.ROOT)));
        String advice = known != null ? "write timeZone=\"" + known + "\""
                : "name a zone of the tz database, as Java knows them: timeZone=\"Europe/Paris\" (or \"America/New_York\","
                + " \"UTC\", an offset \"+02:00\")";
        throw new DatePatterns.Bad("time zone \"" + id + "\" is unknown", advice, id);
    }
}
