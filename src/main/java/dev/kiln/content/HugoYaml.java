package dev.kiln.content;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Hugo's TOML or JSON front matter written as YAML, one key a line, for the error that refuses it to give the
 * lines to paste between {@code ---} lines. TOML's simple values (strings, numbers, booleans, dates, arrays of
 * them) are YAML as written, or nearly; what is not simple (a table, an array of tables, a multi-line string, an
 * inline table, a dotted key) is a YAML comment line saying to write it by hand. JSON's values are YAML as they
 * are, each put on one line.
 */
final class HugoYaml {

    private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_-]+");
    /** Bare keys YAML would read as something other than text ({@code no}, {@code true}, {@code 12}). */
    private static final Pattern YAML_SPECIAL = Pattern.compile(
            "(?i)y|n|yes|no|true|false|on|off|null|[0-9_+-].*");
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d[\\d_]*(\\.\\d[\\d_]*)?([eE][+-]?\\d+)?");
    private static final Pattern DATE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}([Tt ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?)?([Zz]|[+-]\\d{2}:\\d{2})?");

    private HugoYaml() {}

    /** The YAML of the TOML front matter whose lines follow the {@code +++} line {@code lines[0]}, up to its closing one. */
    static List<String> fromToml(String[] lines) {
        List<String> yaml = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.equals("+++")) {
                break;
            }
            if (line.isEmpty() || line.startsWith("#")) {
                if (!line.isEmpty()) {
                    yaml.add(line); // a TOML comment is a YAML one
                }
                continue;
            }
            if (line.startsWith("[")) {
                // A table's keys run to the next table or the end: all of what is left is in tables.
                for (int j = i; j < lines.length && !lines[j].strip().equals("+++"); j++) {
                    String header = lines[j].strip();
                    if (header.startsWith("[[")) {
                        String name = header.replaceAll("^\\[\\[\\s*|\\s*]].*$", "");
                        yaml.add("# [[" + name + "]] (a TOML array of tables) and its keys: write them by hand, as a"
                                + " list of maps under " + name + ":");
                    } else if (header.startsWith("[")) {
                        String name = header.replaceAll("^\\[\\s*|\\s*].*$", "");
                        yaml.add("# [" + name + "] (a TOML table) and its keys: write them by hand, indented under "
                                + name + ":");
                    }
                }
                break;
            }
            int eq = keyEnd(line);
            if (eq < 0) {
                yaml.add("# " + line + ": write it by hand");
                continue;
            }
            String key = line.substring(0, eq).strip();
            String raw = line.substring(eq + 1).strip();
            if (raw.startsWith("\"\"\"") || raw.startsWith("'''")) {
                String quotes = raw.substring(0, 3);
                int close = raw.indexOf(quotes, 3);
                while (close < 0 && i + 1 < lines.length) { // skip its lines
                    close = lines[++i].indexOf(quotes);
                }
                yaml.add("# " + key + " (a multi-line string): write it by hand, as " + yamlKey(key) + ":"
                        + " | with its lines indented under it");
                continue;
            }
            if (raw.startsWith("[") && !closed(raw)) { // an array over several lines
                StringBuilder joined = new StringBuilder(withoutComment(raw));
                while (!closed(joined.toString()) && i + 1 < lines.length && !lines[i + 1].strip().equals("+++")) {
                    joined.append(' ').append(withoutComment(lines[++i].strip()));
                }
                raw = joined.toString();
            }
            String[] valueAndRest = splitValue(raw);
            String value = valueAndRest == null ? null : value(valueAndRest[0]);
            if (value == null || !(key.startsWith("\"") || BARE_KEY.matcher(key).matches())) {
                yaml.add("# " + key + " = " + raw + ": write it by hand"
                        + (key.contains(".") && !key.startsWith("\"") ? " (a dotted key is a map)" : ""));
            } else {
                yaml.add(yamlKey(key) + ": " + value + valueAndRest[1]);
            }
        }
        return yaml;
    }

    /** The YAML of the JSON front matter that starts {@code text} (its {@code {}), each top-level key on a line. */
    static List<String> fromJson(String text) {
        List<String> yaml = new ArrayList<>();
        int i = text.indexOf('{') + 1;
        while (i > 0 && i < text.length()) {
            i = skipSpace(text, i);
            if (i >= text.length() || text.charAt(i) != '"') {
                break; // the closing } (or what no JSON is)
            }
            int keyEnd = stringEnd(text, i);
            if (keyEnd < 0) {
                break;
            }
            String key = text.substring(i, keyEnd);
            i = skipSpace(text, keyEnd);
            if (i >= text.length() || text.charAt(i) != ':') {
                break;
            }
            int start = skipSpace(text, i + 1);
            int end = start;
            int depth = 0;
            boolean space = false;
            StringBuilder value = new StringBuilder();
            while (end < text.length()) {
                char c = text.charAt(end);
                if (depth == 0 && (c == ',' || c == '}')) {
                    break;
                }
                if (Character.isWhitespace(c)) { // the value on one line: the spaces between its parts as one
                    space = true;
                    end++;
                    continue;
                }
                char last = value.length() == 0 ? '[' : value.charAt(value.length() - 1);
                if (space && last != '[' && last != '{' && c != ']' && c != '}' && c != ',') {
                    value.append(' ');
                }
                space = false;
                if (c == '"') {
                    int close = stringEnd(text, end);
                    if (close < 0) {
                        return yaml;
                    }
                    value.append(text, end, close);
                    end = close;
                    continue;
                }
                depth += c == '[' || c == '{' ? 1 : c == ']' || c == '}' ? -1 : 0;
                value.append(c);
                end++;
            }
            String name = key.substring(1, key.length() - 1);
            yaml.add((BARE_KEY.matcher(name).matches() && !YAML_SPECIAL.matcher(name).matches() ? name : key) + ": "
                    + value);
            i = end < text.length() && text.charAt(end) == ',' ? end + 1 : text.length();
        }
        return yaml;
    }

    /** The index of the {@code =} after the key that starts {@code line} (a bare, dotted or quoted key), or -1. */
    private static int keyEnd(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '=') {
            char c = line.charAt(i);
            if (c == '"' || c == '\'') {
                int close = c == '"' ? stringEnd(line, i) : line.indexOf('\'', i + 1) + 1;
                if (close <= 0) {
                    return -1;
                }
                i = close;
            } else {
                i++;
            }
        }
        return i < line.length() ? i : -1;
    }

    /** {@code raw} as its value and what follows it (blank, or a comment with its spaces), or null. */
    private static String[] splitValue(String raw) {
        int end;
        char first = raw.isEmpty() ? ' ' : raw.charAt(0);
        if (first == '"') {
            end = stringEnd(raw, 0);
        } else if (first == '\'') {
            end = raw.indexOf('\'', 1) + 1;
        } else if (first == '[') {
            end = arrayEnd(raw);
        } else {
            end = raw.indexOf('#') < 0 ? raw.length() : raw.indexOf('#');
            while (end > 0 && Character.isWhitespace(raw.charAt(end - 1))) {
                end--;
            }
        }
        if (end <= 0) {
            return null;
        }
        String rest = raw.substring(end);
        if (!rest.isBlank() && !rest.strip().startsWith("#")) {
            return null;
        }
        return new String[] {raw.substring(0, end), rest.isBlank() ? "" : " " + rest.strip()};
    }

    /** A TOML value as YAML, or null when it is not one of the simple kinds. */
    private static String value(String v) {
        if (v.startsWith("\"") || v.startsWith("'")) {
            return v; // a TOML basic string is a YAML double-quoted one, escapes and all; a literal one, single-quoted
        }
        if (v.equals("true") || v.equals("false") || DATE.matcher(v).matches()) {
            return v;
        }
        if (NUMBER.matcher(v).matches()) {
            return v.replace("_", "");
        }
        if (v.startsWith("[") && v.endsWith("]")) {
            List<String> items = new ArrayList<>();
            String rest = v.substring(1, v.length() - 1).strip();
            while (!rest.isEmpty()) {
                char first = rest.charAt(0);
                int end = first == '"' ? stringEnd(rest, 0) : first == '\'' ? rest.indexOf('\'', 1) + 1
                        : first == '[' ? arrayEnd(rest) : rest.indexOf(',') < 0 ? rest.length() : rest.indexOf(',');
                String item = end <= 0 ? null : value(rest.substring(0, end).strip());
                if (item == null) {
                    return null;
                }
                items.add(item);
                rest = rest.substring(end).strip();
                if (!rest.isEmpty() && rest.charAt(0) != ',') {
                    return null;
                }
                rest = rest.isEmpty() ? rest : rest.substring(1).strip(); // a trailing comma is TOML's too
            }
            return "[" + String.join(", ", items) + "]";
        }
        return null;
    }

    /** The key as YAML: a bare TOML key as it is, unless YAML would read it as no text. */
    private static String yamlKey(String key) {
        return YAML_SPECIAL.matcher(key).matches() ? "\"" + key + "\"" : key;
    }

    /** Whether the array that starts {@code text} closes in it. */
    private static boolean closed(String text) {
        return arrayEnd(text) > 0;
    }

    /** The index after the {@code ]} that closes the array starting {@code text}, or -1. */
    private static int arrayEnd(String text) {
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                i = stringEnd(text, i) - 1;
                if (i < 0) {
                    return -1;
                }
            } else if (c == '\'') {
                i = text.indexOf('\'', i + 1);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    /** A line of an array with its comment taken off: from a {@code #} outside quotes. */
    private static String withoutComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            int close = c == '"' ? stringEnd(line, i) : c == '\'' ? line.indexOf('\'', i + 1) + 1 : i + 1;
            if (c == '#') {
                return line.substring(0, i).strip();
            }
            if (close <= 0) {
                return line;
            }
            i = close - 1;
        }
        return line;
    }

    /** The index after the {@code "} that closes the string starting at {@code start} of {@code text}, or -1. */
    private static int stringEnd(String text, int start) {
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i + 1;
            } else if (c == '\n') {
                return -1;
            }
        }
        return -1;
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
