package dev.kiln.content;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads front-matter dates in the forms Jekyll posts use ({@code 2018-03-15}, {@code 2018-03-15 10:00:00},
 * {@code 2018-03-15T10:00:00+02:00}, {@code 2018-03-15 10:00:00 +0200}, {@code 2018-03-15 10:00:00 UTC} or
 * {@code EST} or {@code GMT+2} or {@code Europe/Berlin}, {@code Thu, 15 Mar 2018 10:00:00 +0000 (UTC)},
 * {@code March 15, 2018 10:00 am}); a date without an offset or zone is read in the site's time zone, and every date
 * is given back in that zone.
 */
public final class DateParser {

    /** A time after the date: {@code 10:00}, {@code 10:00:00.250}, {@code 1:30 pm}. */
    private static final String TIME = "(?:(?:\\s*T\\s*|\\s+)(?<hour>\\d{1,2}):(?<minute>\\d{2})"
            + "(?::(?<second>\\d{2})(?:[.,](?<fraction>\\d{1,9}))?)?(?:\\s*(?<half>[ap])\\.?m\\.?)?)?";
    /**
     * An offset ({@code Z}, {@code +02}, {@code +0200}, {@code +02:00}, seconds after either: {@code +02:00:00}) or,
     * after a space, a zone's abbreviation, a region's name ({@code Europe/Berlin}) or {@code GMT} or {@code UTC} with
     * an offset ({@code GMT+2}, {@code UTC-05:30}); then perhaps a comment in parentheses ({@code +0100 (CET)}).
     */
    private static final String ZONE = "(?:\\s*(?<offset>Z|[+-]\\d{2}(?::\\d{2}(?::\\d{2})?|\\d{2}(?:\\d{2})?)?)|\\s+(?<zone>[a-z]{2,5})"
            + "|\\s+(?<region>[a-z_]+(?:/[a-z0-9_+-]+)+)"
            + "|\\s+(?:gmt|utc)(?<zoneOffset>[+-]\\d{1,2}(?::?\\d{2})?))?(?:\\s*\\([^()]*\\))?";
    private static final String WEEKDAY = "(?:(?:mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs?|rsday)?"
            + "|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\\.?,?\\s+)?";
    private static final String MONTH = "(?<monthName>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?"
            + "|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";

    /** The forms read, tried in order: ISO 8601 and Jekyll's own, RFC 2822 ({@code 15 Mar 2018}), US ({@code Mar 15, 2018}). */
    private static final List<Pattern> FORMS = List.of(
            Pattern.compile("(?<year>\\d{4})(?<sep>[-/])(?<month>\\d{1,2})\\k<sep>(?<day>\\d{1,2})" + TIME + ZONE,
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile(WEEKDAY + "(?<day>\\d{1,2})\\s+" + MONTH + ",?\\s+(?<year>\\d{4})" + TIME + ZONE,
                    Pattern.CASE_INSENSITIVE),
            Pattern.compile(WEEKDAY + MONTH + "\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<year>\\d{4})" + TIME + ZONE,
                    Pattern.CASE_INSENSITIVE));

    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");

    /** The zone abbreviations Ruby's {@code Time.parse} (and so Jekyll) knows best, with the offsets it gives them. */
    private static final Map<String, Integer> ZONES = Map.ofEntries(
            Map.entry("UTC", 0), Map.entry("GMT", 0), Map.entry("UT", 0), Map.entry("Z", 0),
            Map.entry("EST", -5 * 60), Map.entry("EDT", -4 * 60), Map.entry("CST", -6 * 60), Map.entry("CDT", -5 * 60),
            Map.entry("MST", -7 * 60), Map.entry("MDT", -6 * 60), Map.entry("PST", -8 * 60), Map.entry("PDT", -7 * 60),
            Map.entry("AKST", -9 * 60), Map.entry("AKDT", -8 * 60), Map.entry("HST", -10 * 60),
            Map.entry("WET", 0), Map.entry("WEST", 60), Map.entry("CET", 60), Map.entry("CEST", 2 * 60),
            Map.entry("MET", 60), Map.entry("MEST", 2 * 60), Map.entry("EET", 2 * 60), Map.entry("EEST", 3 * 60),
            Map.entry("BST", 60), Map.entry("IST", 5 * 60 + 30), Map.entry("MSK", 3 * 60),
            Map.entry("JST", 9 * 60), Map.entry("KST", 9 * 60), Map.entry("HKT", 8 * 60), Map.entry("SGT", 8 * 60),
            Map.entry("AWST", 8 * 60), Map.entry("ACST", 9 * 60 + 30), Map.entry("ACDT", 10 * 60 + 30),
            Map.entry("AEST", 10 * 60), Map.entry("AEDT", 11 * 60), Map.entry("NZST", 12 * 60),
            Map.entry("NZDT", 13 * 60));

    private static final Pattern FILE_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})-.+");

    private DateParser() {}

    /** The date written in {@code text}, or empty when it is not a date. */
    public static Optional<ZonedDateTime> parse(String text, ZoneId zone) {
        String trimmed = text.trim();
        ZonedDateTime iso = iso(trimmed, zone);
        return iso != null ? Optional.of(iso) : byForms(trimmed, zone);
    }

    /**
     * Why {@code text}, which {@link #parse} did not read, is no date when it starts like one: "February
     * 2018 has no day 30", "there is no month 13"; null for any other text.
     */
    public static String impossibleDay(String text) {
        Matcher m = DAY.matcher(text.trim());
        if (!m.lookingAt()) {
            return null;
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        if (month < 1 || month > 12) {
            return "there is no month " + month;
        }
        java.time.YearMonth ym = java.time.YearMonth.of(year, month);
        if (day < 1 || day > ym.lengthOfMonth()) {
            return ym.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " " + year
                    + " has no day " + day;
        }
        return null;
    }

    private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?!\\d)");

    /** {@link #parse}'s reading by the regular expressions of {@link #FORMS} alone. */
    static Optional<ZonedDateTime> byForms(String trimmed, ZoneId zone) {
        for (Pattern form : FORMS) {
            Matcher m = form.matcher(trimmed);
            if (m.matches()) {
                return read(m, zone);
            }
        }
        return Optional.empty();
    }

    /**
     * The date of the form nearly every post writes ({@code 2018-03-15}, {@code 2018-03-15 10:00},
     * {@code 2018-03-15T10:00:00Z}, {@code 2018-03-15 10:00:00 +0200}, {@code ...+02:00}) read without a regular
     * expression (a front matter's dates were a fifth of its reading); null for any other text, which
     * {@link #byForms} reads as it reads these.
     */
    private static ZonedDateTime iso(String s, ZoneId zone) {
        int n = s.length();
        if (n < 10 || !digits(s, 0, 4) || s.charAt(4) != '-' || !digits(s, 5, 2) || s.charAt(7) != '-'
                || !digits(s, 8, 2)) {
            return null;
        }
        int i = 10;
        int hour = 0;
        int minute = 0;
        int second = 0;
        if (i < n && (s.charAt(i) == 'T' || s.charAt(i) == ' ') && i + 6 <= n && digits(s, i + 1, 2)
                && s.charAt(i + 3) == ':' && digits(s, i + 4, 2)) {
            hour = number(s, i + 1, 2);
            minute = number(s, i + 4, 2);
            i += 6;
            if (i + 3 <= n && s.charAt(i) == ':' && digits(s, i + 1, 2)) {
                second = number(s, i + 1, 2);
                i += 3;
            }
        }
        ZoneOffset offset = null;
        if (i < n) {
            int at = s.charAt(i) == ' ' ? i + 1 : i;
            char sign = at < n ? s.charAt(at) : 0;
            int colon = at + 3 < n && s.charAt(at + 3) == ':' ? 1 : 0;
            if (at == n - 1 && sign == 'Z') {
                offset = ZoneOffset.UTC;
            } else if ((sign == '+' || sign == '-') && at + 5 + colon == n && digits(s, at + 1, 2)
                    && digits(s, at + 3 + colon, 2)) {
                int direction = sign == '-' ? -1 : 1;
                try {
                    offset = ZoneOffset.ofHoursMinutes(direction * number(s, at + 1, 2),
                            direction * number(s, at + 3 + colon, 2));
                } catch (DateTimeException e) {
                    return null;
                }
            } else {
                return null;
            }
        }
        try {
            LocalDateTime local = LocalDateTime.of(number(s, 0, 4), number(s, 5, 2), number(s, 8, 2), hour, minute, second);
            return offset == null ? local.atZone(zone) : local.atOffset(offset).atZoneSameInstant(zone);
        } catch (DateTimeException e) {
            return null; // 24:00, a 30 February: as the forms read them
        }
    }

    /** Whether {@code s} holds {@code count} ASCII digits from {@code from}. */
    private static boolean digits(String s, int from, int count) {
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The number the {@code count} ASCII digits of {@code s} from {@code from} write. */
    private static int number(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            value = value * 10 + s.charAt(i) - '0';
        }
        return value;
    }

    private static Optional<ZonedDateTime> read(Matcher m, ZoneId zone) {
        try {
            int month = m.pattern() == FORMS.get(0) ? Integer.parseInt(m.group("month"))
                    : MONTHS.indexOf(m.group("monthName").substring(0, 3).toLowerCase(Locale.ROOT)) + 1;
            String fraction = m.group("fraction");
            int nanos = fraction == null ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
            int hour = hour(m);
            // 24:00 is the end of the day, as ISO 8601 and Ruby read it: the next day's start.
            boolean endOfDay = hour == 24 && number(m.group("minute")) == 0 && number(m.group("second")) == 0
                    && nanos == 0;
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group("year")), month,
                    Integer.parseInt(m.group("day")), endOfDay ? 0 : hour, number(m.group("minute")),
                    number(m.group("second")), nanos).plusDays(endOfDay ? 1 : 0);
            if (m.group("region") != null) { // as the region's clocks read then (ZoneId knows no region in another case)
                return Optional.of(local.atZone(ZoneId.of(m.group("region"))).withZoneSameInstant(zone));
            }
            ZoneOffset offset = offset(m);
            if (offset == null && m.group("zone") != null) {
                return Optional.empty(); // a zone Kiln does not know: better refused than read in another zone
            }
            return Optional.of(offset == null ? local.atZone(zone) : local.atOffset(offset).atZoneSameInstant(zone));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The hour on a 24-hour clock; {@code 12 am} is 0, {@code 1 pm} is 13. */
    private static int hour(Matcher m) {
        int hour = number(m.group("hour"));
        String half = m.group("half");
        if (half == null) {
            return hour;
        }
        if (hour < 1 || hour > 12) {
            throw new DateTimeException("hour " + hour + " with am or pm");
        }
        return hour % 12 + (half.equalsIgnoreCase("p") ? 12 : 0);
    }

    /** The offset written after the time, or null when there is none or its zone is unknown. */
    private static ZoneOffset offset(Matcher m) {
        String offset = m.group("offset");
        if (offset != null) {
            return ZoneOffset.of(normaliseOffset(offset.toUpperCase(Locale.ROOT)));
        }
        String after = m.group("zoneOffset");
        if (after != null) {
            String[] parts = after.substring(1).split(":");
            String hours = parts[0].length() > 2 ? parts[0].substring(0, parts[0].length() - 2) : parts[0];
            String minutes = parts.length > 1 ? parts[1] : parts[0].length() > 2 ? parts[0].substring(hours.length()) : "0";
            return ZoneOffset.ofHoursMinutes(Integer.parseInt(after.substring(0, 1) + hours),
                    Integer.parseInt(after.substring(0, 1) + minutes));
        }
        Integer minutes = m.group("zone") == null ? null : ZONES.get(m.group("zone").toUpperCase(Locale.ROOT));
        return minutes == null ? null : ZoneOffset.ofTotalSeconds(minutes * 60);
    }

    /**
     * The date in a post's file name ({@code 2018-03-15-slug.md}, or as Jekyll also takes it
     * {@code 2018-3-5-slug.md}), read at the start of that day.
     */
    public static Optional<ZonedDateTime> fromFileName(String fileName, ZoneId zone) {
        Matcher m = FILE_DATE.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))).atStartOfDay(zone));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static int number(String group) {
        return group == null ? 0 : Integer.parseInt(group);
    }

    /** {@code +0100} as {@code +01:00}, {@code +013000} as {@code +01:30:00}; others as they are. */
    private static String normaliseOffset(String offset) {
        if (offset.equals("Z") || offset.length() == 3 || offset.contains(":")) {
            return offset;
        }
        return offset.substring(0, 3) + ":" + offset.substring(3, 5) + (offset.length() > 5 ? ":" + offset.substring(5) : "");
    }
}
