package dev.kiln.content;

import dev.kiln.error.Position;
import dev.kiln.error.Problem;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads of the top-level keys of a YAML file ({@code site.yml} or front matter); each bad value
 * is recorded as a problem at its place, and the read goes on with a fallback so that every problem of
 * a file is reported at once.
 */
final class YamlFields {

    private final String path;
    private final YamlDocument yaml;
    private final List<Problem> problems = new ArrayList<>();

    YamlFields(String path, YamlDocument yaml) {
        this.path = path;
        this.yaml = yaml;
    }

    List<Problem> problems() {
        return problems;
    }

    boolean has(String key) {
        return yaml.values().get(key) != null;
    }

    Position at(String key) {
        return yaml.at(key, Position.START);
    }

    /** Records a problem at the value of {@code key}. */
    void problem(String key, String message) {
        problems.add(at(key).problem(path, message));
    }

    String text(String key) {
        Object v = yaml.values().get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Map || v instanceof List) {
            problem(key, key + " must be a single value, not a list or map: write it as text, quoted when it"
                    + " starts with [ or {, like " + key + ": \"[draft] notes\"");
            return null;
        }
        return v.toString();
    }

    String text(String key, String fallback) {
        String v = text(key);
        return v == null ? fallback : v;
    }

    boolean bool(String key, boolean fallback) {
        Object v = yaml.values().get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String quoted = quotedBoolean(v);
        problem(key, key + " must be true or false, not '" + v + "'" + (quoted == null ? ""
                : ", a text in quotes: write it without them (" + key + ": " + quoted + ")"));
        return fallback;
    }

    /**
     * The {@code true} or {@code false} that {@code v}, a text, would be without its quotes ({@code "true"},
     * {@code 'False'}, {@code "yes"}, as YAML reads such words unquoted); null for any other value.
     */
    static String quotedBoolean(Object v) {
        if (!(v instanceof String text)) {
            return null;
        }
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> "true";
            case "false", "no", "off" -> "false";
            default -> null;
        };
    }

    int positiveInt(String key, int fallback) {
        Object v = yaml.values().get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n && n.intValue() > 0 && n.doubleValue() == n.intValue()) {
            return n.intValue();
        }
        problem(key, key + " must be a whole number above 0, not '" + v + "'");
        return fallback;
    }

    ZonedDateTime date(String key, ZoneId zone) {
        return date(key, zone, null, null);
    }

    /**
     * The date at {@code key}; when it is no date at all (not an impossible day), the problem says that Kiln reads
     * {@code key} as {@code meaning} (a key Hugo gives that meaning) and, as the key may be the site's own, that
     * {@code rename} (another key) keeps its text.
     */
    ZonedDateTime date(String key, ZoneId zone, String meaning, String rename) {
        String text = text(key);
        if (text == null) {
            return null;
        }
        return DateParser.parse(text, zone).orElseGet(() -> {
            String why = DateParser.impossibleDay(text);
            String write = "write " + key + ": 2018-03-15 or " + key + ": 2018-03-15 10:00:00 +02:00";
            if (why == null && meaning != null && !text.isEmpty() && !Character.isDigit(text.charAt(0))) {
                problem(key, "'" + text + "' is not a date, and Kiln reads " + key + " as " + meaning
                        + ", as Hugo does: " + write + ", or, if " + key + " is a key of your own, give it "
                        + "another name (" + rename + ": " + text + ")");
            } else {
                problem(key, "'" + text + "' is not a date" + (why == null ? "" : " (" + why + ")") + ": "
                        + write);
            }
            return null;
        });
    }

    ZoneId zone(String key, String fallback) {
        String name = text(key, fallback);
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            problem(key, "unknown timezone '" + name
                    + "': use a region name such as Europe/Berlin or America/New_York, or UTC");
            return ZoneId.of(fallback);
        }
    }

    /** A list of texts, written as a YAML list or as one text; blank ones left out. */
    List<String> texts(String key) {
        return placedTexts(key).stream().map(Placed::text).toList();
    }

    /** A text of a list, and where it stands. */
    record Placed(String text, Position at) {}

    /** {@link #texts}, each with where it stands (a list's item, or the one text), to report a bad one there. */
    List<Placed> placedTexts(String key) {
        Object v = yaml.values().get(key);
        if (v == null) {
            return List.of();
        }
        List<Placed> out = new ArrayList<>();
        List<?> items = v instanceof List<?> list ? list : List.of(v);
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (item instanceof Map || item instanceof List) {
                problem(key, key + " must be a text or a list of texts, like [/old-post/, /2019/old.html]");
                return List.of();
            }
            if (item != null && !item.toString().isBlank()) {
                out.add(new Placed(item.toString().strip(), yaml.at(key, i, Position.START)));
            }
        }
        return List.copyOf(out);
    }

    /** A list of words, written as a YAML list or as one space-separated string. */
    List<String> words(String key) {
        return words(key, false);
    }

    /**
     * A list of words, written as a YAML list or as one string: separated by commas when {@code commas} and the
     * string holds one ({@code java, Spring Boot} is {@code java} and {@code Spring Boot}), else by spaces.
     */
    List<String> words(String key, boolean commas) {
        Object v = yaml.values().get(key);
        Set<String> out = new LinkedHashSet<>();
        if (v == null) {
            return List.of();
        } else if (v instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map || item instanceof List) {
                    problem(key, key + " must be a list of words, like [aws, lambda]");
                    return List.of();
                }
                if (item != null && !item.toString().isBlank()) {
                    out.add(item.toString().trim());
                }
            }
        } else if (v instanceof Map) {
            problem(key, key + " must be a list of words, like [aws, lambda]");
        } else if (commas && v.toString().indexOf(',') >= 0) {
            for (String word : v.toString().split(",")) {
                if (!word.isBlank()) {
                    out.add(word.strip());
                }
            }
        } else {
            for (String word : v.toString().trim().split("\\s+")) {
                if (!word.isEmpty()) {
                    out.add(word);
                }
            }
        }
        return List.copyOf(out);
    }
}
