package dev.kiln.jekyll;

import dev.kiln.content.DateParser;

import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The URLs Jekyll 3 and 4 give posts and pages, from their front matter, file names and {@code _config.yml}. */
public final class JekyllUrls {

    /** A post's name without its extension, as Jekyll's {@code DATE_FILENAME_MATCHER} reads it: date, slug. */
    private static final Pattern DATED = Pattern.compile("(\\d{2,4})-(\\d{1,2})-(\\d{1,2})-(.*)");
    /** A post's file name that Jekyll publishes (its {@code Document::DATE_FILENAME_MATCHER}). */
    static final Pattern DATED_FILE = Pattern.compile("\\d{2,4}-\\d{1,2}-\\d{1,2}-[^/]*\\.[^./]+");
    /** A zone's name (or {@code GMT+2}) after a date's time. */
    private static final Pattern ZONE_NAME = Pattern.compile(
            "(?i)\\s+((?:gmt|utc)[+-]\\d{1,2}(?::?\\d{2})?|[a-z]{1,5}|[a-z_]+(?:/[a-z0-9_+-]+)+)\\s*$");
    /** The zones Ruby's {@code Time.parse} knows by name wherever it runs ({@code Time::ZoneOffset}). */
    private static final java.util.Set<String> RUBY_ZONES = java.util.Set.of("UTC", "Z", "UT", "GMT", "EST", "EDT",
            "CST", "CDT", "MST", "MDT", "PST", "PDT", "AM", "PM");
    private static final Pattern PLACEHOLDER = Pattern.compile(":([a-z_]+)");

    private JekyllUrls() {}

    /** The slug part of a post file name ({@code 2018-03-15-hello.md} → {@code hello}). */
    public static String fileSlug(JekyllFile post) {
        Matcher m = DATED.matcher(post.baseName());
        return m.matches() ? m.group(4) : post.baseName();
    }

    /**
     * The categories Jekyll gives a post: the folders above {@code _posts} (below the site's
     * {@code collections_dir}), then its front matter's, unique.
     */
    public static List<String> categories(JekyllFile post, JekyllConfig config) {
        LinkedHashSet<String> cats = new LinkedHashSet<>(pathCategories(post, config));
        cats.addAll(words(post.yaml().values().get("categories")));
        // A `category` is one name, spaces and all; `categories` as text is split at white space.
        Object category = post.yaml().values().get("category");
        cats.addAll(category instanceof List<?> ? words(category) : category == null ? List.of() : List.of(category.toString()));
        return new ArrayList<>(cats);
    }

    /**
     * The folders above {@code _posts} (or {@code _drafts}): {@code blog/_posts/x.md} → {@code [blog]}; the site's
     * {@code collections_dir} is none of them ({@code coll/_posts/x.md} → {@code []}), as Jekyll reads the path
     * from there.
     */
    public static List<String> pathCategories(JekyllFile post, JekyllConfig config) {
        String[] parts = config.inCollections(post.path()).split("/");
        List<String> out = new ArrayList<>();
        for (String part : parts) {
            if (part.equals("_posts") || part.equals("_drafts")) {
                break;
            }
            out.add(part);
        }
        return out.size() == parts.length ? List.of() : out;
    }

    static List<String> words(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(x -> {
                if (x != null) {
                    out.add(x.toString());
                }
            });
        } else if (value != null) {
            for (String w : value.toString().trim().split("\\s+")) {
                if (!w.isEmpty()) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    /** The post's date in the site's time zone: its front matter's, else its file name's; empty without either. */
    public static Optional<ZonedDateTime> date(JekyllFile post, JekyllConfig config) {
        Optional<ZonedDateTime> own = frontMatterDate(post, config);
        return own.isPresent() ? own : fileDate(post.baseName()).map(day -> day.atStartOfDay(config.zone()));
    }

    /** The date of the post's front matter as Jekyll reads it, in the site's time zone; empty without one it reads. */
    public static Optional<ZonedDateTime> frontMatterDate(JekyllFile post, JekyllConfig config) {
        String d = post.text("date");
        String read = d == null ? null : asJekyllReadsIt(d, isPlain(post, "date"), config.zone());
        return read == null ? Optional.empty() : DateParser.parse(read, config.zone());
    }

    /**
     * Whether top-level {@code key}'s value is written unquoted in {@code file}'s front matter (or not there at all,
     * as a value of {@code _config.yml}'s defaults, which are YAML too): YAML reads only such a value as a time.
     */
    static boolean isPlain(JekyllFile file, String key) {
        if (file.yamlText() == null) {
            return true;
        }
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(key) + "[ \\t]*:[ \\t]*(\\S?)").matcher(file.yamlText());
        return !m.find() || !(m.group(1).equals("\"") || m.group(1).equals("'"));
    }

    /**
     * {@code date} as Jekyll reads it, written so that Kiln reads it the same; null when Jekyll reads no date there.
     * An unquoted ({@code plain}) date with seconds is a time to YAML (SafeYAML's {@code TIME_MATCHER}), read as
     * {@link #asYamlReadsIt} says; any other text is read by Ruby's {@code Time.parse} ({@link #asRubyReadsIt}).
     */
    static String asJekyllReadsIt(String date, boolean plain, java.time.ZoneId zone) {
        String trimmed = date.trim();
        if (plain && YAML_TIME.matcher(trimmed).matches()) {
            return asYamlReadsIt(trimmed);
        }
        return asRubyReadsIt(trimmed, zone);
    }

    /** Whether {@code date}, unquoted, is a time to YAML as SafeYAML reads it ({@link #asYamlReadsIt}). */
    static boolean isYamlTime(String date) {
        return YAML_TIME.matcher(date.trim()).matches();
    }

    /** A YAML time as SafeYAML takes it (its {@code TIME_MATCHER}): date, time, and an optional zone (group 1). */
    private static final Pattern YAML_TIME = Pattern.compile(
            "\\d{4}-\\d{1,2}-\\d{1,2}(?:[Tt]|\\s+)\\d{1,2}:\\d{2}:\\d{2}(?:\\.\\d*)?\\s*(Z|[-+]\\d{1,2}(?::?\\d{2})?)?");

    /**
     * A YAML time ({@link #YAML_TIME}) as Jekyll's SafeYAML reads it, with Ruby's {@code DateTime.parse}, written so that
     * Kiln reads it the same: UTC when it names no zone (not the site's zone); an offset's hours are its first two
     * digits and its minutes the rest ({@code +100} is +10:00, {@code -5} is -05:00), and minutes take the sign of
     * the hours, so that {@code -00:30} is +00:30, as Jekyll 4.3.1 read them. Null for an offset of a day or more.
     */
    static String asYamlReadsIt(String time) {
        Matcher m = YAML_TIME.matcher(time);
        if (!m.matches()) {
            return time;
        }
        String zone = m.group(1);
        String local = time.substring(0, m.start(1) < 0 ? time.length() : m.start(1)).strip();
        if (zone == null || zone.equals("Z")) {
            return local + " +00:00";
        }
        String digits = zone.substring(1).replace(":", "");
        int colon = zone.indexOf(':');
        String hours = colon > 0 ? zone.substring(1, colon) : digits.substring(0, Math.min(2, digits.length()));
        String minutes = colon > 0 ? zone.substring(colon + 1) : digits.substring(hours.length());
        int h = Integer.parseInt(hours) * (zone.charAt(0) == '-' ? -1 : 1);
        int min = minutes.isEmpty() ? 0 : Integer.parseInt(minutes);
        int total = h * 60 + (h < 0 ? -min : min);
        if (Math.abs(total) >= 18 * 60) {
            return null; // Ruby takes offsets up to a day; none such was ever meant, and Kiln takes up to 18 hours
        }
        return local + String.format(" %s%02d:%02d", total < 0 ? "-" : "+", Math.abs(total) / 60, Math.abs(total) % 60);
    }

    /**
     * {@code date} as Ruby's {@code Time.parse} reads it for Jekyll, written so that Kiln reads it the same: a comment
     * in parentheses after it is dropped; an offset is read only as {@code ±HH}, {@code ±HHMM} or {@code ±HH:MM}
     * (seconds after either), a zone name only when {@code Time}'s table knows it (UTC, GMT, the US zones', the military
     * letters) or it is the site zone's own ({@code CET} and {@code CEST} in Berlin); any other ({@code +1},
     * {@code GMT+2}, {@code IST}, {@code Europe/Berlin}) leaves the time in the site's zone.
     */
    static String asRubyReadsIt(String date, java.time.ZoneId zone) {
        date = COMMENT.matcher(date).replaceFirst("");
        Matcher offset = TRAILING_OFFSET.matcher(date);
        if (offset.find()) {
            Matcher known = RUBY_OFFSET.matcher(offset.group(1));
            if (!known.matches()) {
                return date.substring(0, offset.start(1)).strip();
            }
            int minutes = known.group(4) == null ? 0 : Integer.parseInt(known.group(4));
            int seconds = known.group(5) == null ? 0 : Integer.parseInt(known.group(5));
            if (minutes < 60 && seconds < 60) {
                return date; // as Kiln reads it
            }
            int total = (Integer.parseInt(known.group(2)) * 3600 + minutes * 60 + seconds) / 60; // Ruby adds them up
            return date.substring(0, offset.start(1)) + String.format("%s%02d:%02d", known.group(1), total / 60, total % 60);
        }
        Matcher m = ZONE_NAME.matcher(date);
        if (!m.find()) {
            return date;
        }
        String name = m.group(1).toUpperCase(Locale.ROOT);
        if (name.length() == 1) { // a military zone: A to I +1 to +9, K to M +10 to +12, N to Y -1 to -12; no J
            char c = name.charAt(0);
            if (c == 'J') {
                return date.substring(0, m.start());
            }
            int hours = c == 'Z' ? 0 : c <= 'I' ? c - 'A' + 1 : c <= 'M' ? c - 'K' + 10 : -(c - 'N' + 1);
            return date.substring(0, m.start()) + String.format(" %s%02d:00", hours < 0 ? "-" : "+", Math.abs(hours));
        }
        java.time.format.DateTimeFormatter abbreviation = java.time.format.DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);
        Matcher y = Pattern.compile("\\d{4}").matcher(date);
        if (!y.find()) {
            return date;
        }
        int year = Integer.parseInt(y.group());
        boolean known = RUBY_ZONES.contains(name)
                || name.equals(abbreviation.format(java.time.LocalDate.of(year, 1, 1).atStartOfDay(zone)))
                || name.equals(abbreviation.format(java.time.LocalDate.of(year, 7, 1).atStartOfDay(zone)));
        return known ? date : date.substring(0, m.start());
    }

    /** A comment in parentheses at the end of a date ({@code +0100 (CET)}), which Ruby passes over. */
    private static final Pattern COMMENT = Pattern.compile("\\s*\\([^()]*\\)\\s*$");
    /** A numeric offset after a date's time (group 1), with or without a space before it. */
    private static final Pattern TRAILING_OFFSET = Pattern.compile(
            "\\d:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?:\\s*[ap]\\.?m\\.?)?\\s*([+-][\\d:]+)\\s*$", Pattern.CASE_INSENSITIVE);
    /** An offset as Ruby's {@code Time.zone_offset} reads it (and Kiln): sign, hours, minutes, seconds, one separator throughout. */
    private static final Pattern RUBY_OFFSET = Pattern.compile("([+-])(\\d{2})(?:(:?)(\\d{2})(?:\\3(\\d{2}))?)?");

    /**
     * The date in a post's name ({@code 2020-1-9-i}), as Ruby's {@code Time.parse} reads it for Jekyll: a year of
     * two digits is 19xx from 69 on, else 20xx; empty when there is none or it is not a day of the calendar.
     */
    public static Optional<java.time.LocalDate> fileDate(String baseName) {
        Matcher m = DATED.matcher(baseName);
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(1).length() == 2) {
            year += year >= 69 ? 1900 : 2000;
        }
        try {
            return Optional.of(java.time.LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The URL Jekyll gives a post, or empty when it has no date. */
    public static Optional<String> post(JekyllFile post, JekyllConfig config) {
        Optional<ZonedDateTime> date = date(post, config);
        if (date.isEmpty()) {
            return Optional.empty();
        }
        String own = post.text("permalink");
        String pattern = own != null ? own : config.postPattern();
        // A slug from the file name loses its trailing dots (Jekyll's Document#populate_title); :name is the
        // whole file name, date and all.
        String slugSource = post.text("slug") != null ? post.text("slug") : fileSlug(post).replaceFirst("\\.+$", "");
        Map<String, String> v = dateValues(date.get());
        v.put("title", slugify(slugSource, true, true));
        v.put("slug", slugify(slugSource, false, false));
        v.put("name", slugify(post.baseName(), false, false));
        List<String> categories = categories(post, config);
        v.put("categories", String.join("/", categories.stream()
                .map(c -> c.toLowerCase(Locale.ROOT)).distinct().toList()));
        v.put("slugified_categories", String.join("/", categories.stream()
                .map(c -> slugify(c, false, false)).distinct().toList()));
        // :path is the file's path without _posts/, its extension and trailing dots (blog/_posts/x.md → blog/x;
        // Jekyll's Document#cleaned_relative_path).
        v.put("path", config.inCollections(post.path()).replaceFirst("(^|/)_(posts|drafts)/", "$1").replaceFirst("\\.[^./]*$", "")
                .replaceFirst("\\.+$", ""));
        v.put("output_ext", outputExt(post, config));
        return Optional.of(expand(pattern, v));
    }

    /** The URL Jekyll gives a page: its own permalink, else {@code /:path/:basename} with the style's ending. */
    public static String page(JekyllFile page, JekyllConfig config) {
        String rel = page.path();
        int slash = rel.lastIndexOf('/');
        Map<String, String> v = new TreeMap<>();
        v.put("path", slash < 0 ? "" : rel.substring(0, slash));
        v.put("basename", page.baseName());
        v.put("output_ext", outputExt(page, config));
        String own = page.text("permalink");
        if (own != null) {
            return expand(own, v);
        }
        if (page.baseName().equals("index")) {
            return expand("/:path/", v);
        }
        return expand("/:path/:basename" + suffix(config.permalink()), v);
    }

    /**
     * The extension Jekyll writes {@code file} with: {@code .html} for Markdown, else its own as written (Jekyll's
     * identity converter: {@code old.htm} stays {@code .htm}).
     */
    static String outputExt(JekyllFile file, JekyllConfig config) {
        return JekyllSite.Kind.of(file.fileName(), config) == JekyllSite.Kind.MARKDOWN ? ".html"
                : "." + JekyllSite.extension(file.fileName());
    }

    /** Jekyll's {@code add_permalink_suffix}: what ends a page's URL under a post permalink style. */
    static String suffix(String style) {
        return switch (style) {
            case "pretty" -> "/";
            case "date", "ordinal", "none", "weekdate" -> ":output_ext";
            default -> style.endsWith("/") ? "/" : style.endsWith(":output_ext") ? ":output_ext" : "";
        };
    }

    private static Map<String, String> dateValues(ZonedDateTime d) {
        Map<String, String> v = new TreeMap<>();
        v.put("year", String.valueOf(d.getYear()));
        v.put("short_year", String.format("%02d", d.getYear() % 100));
        v.put("month", String.format("%02d", d.getMonthValue()));
        v.put("i_month", String.valueOf(d.getMonthValue()));
        v.put("short_month", d.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        v.put("long_month", d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        v.put("day", String.format("%02d", d.getDayOfMonth()));
        v.put("i_day", String.valueOf(d.getDayOfMonth()));
        v.put("y_day", String.format("%03d", d.getDayOfYear()));
        v.put("hour", String.format("%02d", d.getHour()));
        v.put("minute", String.format("%02d", d.getMinute()));
        v.put("second", String.format("%02d", d.getSecond()));
        v.put("week", String.format("%02d", d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
        v.put("w_year", String.valueOf(d.get(IsoFields.WEEK_BASED_YEAR)));
        v.put("w_day", String.valueOf(d.getDayOfWeek().getValue()));
        v.put("short_day", d.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        v.put("long_day", d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        return v;
    }

    /**
     * {@code url} with its {@code %XX} escapes decoded, as Jekyll unescapes a URL to name its file; a {@code %}
     * that starts none ({@code /100%/}) is itself.
     */
    static String unescape(String url) {
        return java.net.URLDecoder.decode(LONE_PERCENT.matcher(url.replace("+", "%2B")).replaceAll("%25"),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private static final Pattern LONE_PERCENT = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    /**
     * Jekyll's {@code URL.escape_path} of a placeholder's value: all but letters, digits and
     * {@code -._~!$&'()*+,;=:@/} percent-encoded as UTF-8 (a category {@code déjà vu} is {@code d%C3%A9j%C3%A0%20vu}
     * in the URL, a {@code %} is {@code %25}). A pattern's own text is left as written; Jekyll names the file by
     * the URL decoded ({@link #unescape}).
     */
    static String escapePath(String value) {
        StringBuilder out = null;
        byte[] utf8 = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < utf8.length; i++) {
            int b = utf8[i] & 0xFF;
            boolean kept = b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
                    || b < 0x80 && "-._~!$&'()*+,;=:@/".indexOf(b) >= 0;
            if (!kept && out == null) {
                out = new StringBuilder(new String(utf8, 0, i, java.nio.charset.StandardCharsets.UTF_8));
            }
            if (!kept) {
                out.append('%').append(HEX.charAt(b >> 4)).append(HEX.charAt(b & 0xF));
            } else if (out != null) {
                out.append((char) b);
            }
        }
        return out == null ? value : out.toString();
    }

    private static final String HEX = "0123456789ABCDEF";

    /** Fills a pattern's placeholders (longest name first, as Jekyll matches them) and tidies slashes. */
    static String expand(String pattern, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String word = m.group(1);
            String name = null;
            for (int len = word.length(); len > 0 && name == null; len--) {
                if (values.containsKey(word.substring(0, len))) {
                    name = word.substring(0, len);
                }
            }
            String replacement = name == null ? m.group() : escapePath(values.get(name)) + word.substring(name.length());
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        String url = ("/" + out).replace("..", "/").replace("./", "").replaceAll("/{2,}", "/");
        return url;
    }

    /**
     * Jekyll's {@code Utils.slugify} in {@code mode} ({@code raw}, {@code default} when null, {@code pretty},
     * {@code ascii}, {@code latin}; any other only lower-cases), lower case. {@code latin} drops accents and makes
     * other letters dashes, as Ruby's {@code I18n.transliterate} makes them {@code ?}.
     */
    static String slugify(String text, String mode) {
        String m = mode == null ? "default" : mode;
        String s = text;
        switch (m) {
            case "raw" -> s = s.replaceAll("\\s+", "-");
            case "default", "latin", "pretty" -> {
                if (m.equals("latin")) {
                    s = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                            .replaceAll("[^\\p{ASCII}]", "?");
                }
                return slugify(s, m.equals("pretty"), false);
            }
            case "ascii" -> s = s.replaceAll("[^A-Za-z0-9]+", "-");
            default -> {
                return s.toLowerCase(Locale.ROOT);
            }
        }
        return s.replaceFirst("^-", "").replaceFirst("-$", "").toLowerCase(Locale.ROOT);
    }

    /**
     * Jekyll's {@code Utils.slugify}: default mode keeps letters, marks and decimal digits (so a file name in
     * decomposed form keeps its accents, and {@code ½} is not a digit), pretty mode also
     * {@code ._~!$&'()+,;=@}; the rest becomes dashes, trimmed; lower case unless {@code cased}.
     */
    static String slugify(String text, boolean pretty, boolean cased) {
        String keep = pretty ? "[^\\p{M}\\p{L}\\p{Nd}._~!$&'()+,;=@]+" : "[^\\p{M}\\p{L}\\p{Nd}]+";
        String s = text.replaceAll(keep, "-").replaceAll("^-+|-+$", "");
        return cased ? s : s.toLowerCase(Locale.ROOT);
    }
}
