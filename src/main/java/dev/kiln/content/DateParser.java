package dev.kiln.content;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads front-matter dates as Jekyll writes them ({@code 2018-03-15}, {@code 2018-03-15 10:00:00},
 * {@code 2018-03-15T10:00:00+02:00}, {@code 2018-03-15 10:00:00 +0200}); a date without an offset is
 * read in the site's time zone, and every date is given back in that zone.
 */
public final class DateParser {

    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})"
                    + "(?:[ T]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?"
                    + "\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?");

    private DateParser() {}

    /** The date written in {@code text}, or empty when it is not a date. */
    public static Optional<ZonedDateTime> parse(String text, ZoneId zone) {
        Matcher m = DATE.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            int nanos = m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "00000000").substring(0, 9));
            LocalDateTime local = LocalDateTime.of(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    number(m.group(4)), number(m.group(5)), number(m.group(6)), nanos);
            if (m.group(8) == null) {
                return Optional.of(local.atZone(zone));
            }
            ZoneOffset offset = ZoneOffset.of(normaliseOffset(m.group(8)));
            return Optional.of(local.atOffset(offset).atZoneSameInstant(zone));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The date in a post's file name ({@code 2018-03-15-slug.md}), read at the start of that day. */
    public static Optional<ZonedDateTime> fromFileName(String fileName, ZoneId zone) {
        Matcher m = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})-.+").matcher(fileName);
        return m.matches() ? parse(m.group(1), zone) : Optional.empty();
    }

    private static int number(String group) {
        return group == null ? 0 : Integer.parseInt(group);
    }

    private static String normaliseOffset(String offset) {
        if (offset.equals("Z") || offset.length() == 3 || offset.contains(":")) {
            return offset;
        }
        return offset.substring(0, 3) + ":" + offset.substring(3);
    }
}
