package dev.kiln.layout;

import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.text.SimpleDateFormat;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * The {@code timeZone} of Pebble's {@code date} filter, made to work on Kiln's dates: Pebble prints a date that has a
 * zone of its own (every {@code page.date}, in the site's zone) in that zone and passes {@code timeZone} over, so
 * {@code date("HH:mm", timeZone="Europe/Paris")} printed the site's time, and an unknown zone went unnoticed. The date
 * is moved to the zone first, the same instant; an unknown zone is an error naming one that is known.
 * <p>
 * Text with its {@code existingFormat}, a {@code java.util.Date} and milliseconds are read and printed here, with
 * SimpleDateFormat patterns as Pebble does, but in the site's zone: Pebble read text in the machine's zone and took
 * {@code timeZone} through {@code TimeZone.getTimeZone}, which knows no offset ("+02:00", "UTC+2") and printed GMT.
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

    /** Pebble's pattern for text it reads, and for dates printed with none. */
    private static final String PEBBLES_PATTERN = "yyyy-MM-dd'T'HH:mm:ssZ";

    /**
     * Whether Pebble's date filter takes {@code input} for a {@code java.util.Date}, read with SimpleDateFormat: text
     * (or any value) with its {@code existingFormat}, a {@code Date}, milliseconds. {@link #printOld} prints it.
     */
    static boolean isOld(Object input, Object existingFormat) {
        return input != null && !(input instanceof java.time.temporal.TemporalAccessor)
                && (existingFormat != null || input instanceof Date || input instanceof Number);
    }

    /**
     * What Pebble's date filter prints for an {@link #isOld} input, with its SimpleDateFormat patterns and its errors,
     * text being read in {@code site} (the site's zone) and the date printed in {@code timeZone}, or {@code site}
     * when it is null: the same on every machine.
     */
    static Object printOld(Object input, Map<String, Object> args, ZoneId site, Locale locale, PebbleTemplate self,
                           int line) {
        String format = (String) args.get("format");
        String existingFormat = (String) args.get("existingFormat");
        Object timeZone = args.get("timeZone");
        TimeZone printedIn = timeZone(timeZone == null ? site : zone(timeZone));
        Date date;
        if (existingFormat != null) {
            SimpleDateFormat reader = new SimpleDateFormat(existingFormat, locale);
            reader.setTimeZone(timeZone(site));
            try {
                date = reader.parse(input.toString());
            } catch (Exception e) {
                throw new PebbleException(e, String.format("Could not parse the string '%s' into a date.", input),
                        line, self == null ? null : self.getName());
            }
        } else {
            date = input instanceof Date d ? d : new Date(((Number) input).longValue());
        }
        SimpleDateFormat printer = new SimpleDateFormat(format == null ? PEBBLES_PATTERN : format, locale);
        printer.setTimeZone(printedIn);
        return new SafeString(printer.format(date));
    }

    /**
     * {@code zone} as a {@code TimeZone}, the same rules: an offset or "UTC+2" (a region TimeZone does not know, which it
     * would take for GMT) as its fixed offset.
     */
    private static TimeZone timeZone(ZoneId zone) {
        TimeZone known = TimeZone.getTimeZone(zone);
        return known.getID().equals("GMT") && !zone.getId().equals("GMT") ? TimeZone.getTimeZone(zone.normalized())
                : known;
    }
}
