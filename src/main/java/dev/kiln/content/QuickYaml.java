package dev.kiln.content;

import dev.kiln.error.Position;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The common front matter read without SnakeYAML's parser, into the document {@link YamlReader} makes of
 * it: lines of {@code key: value} whose value is a quoted text without escapes, a plain word or phrase, or
 * a one-line list of those ({@code tags: ["java", "jvm"]}). Plain values are typed by the same resolver as
 * SnakeYAML's; only text is read here. Anything else (a comment, an indented or empty line, a block list,
 * an escape, a tab, a carriage return, a character YAML reads apart or refuses, a value typed other than as text, a
 * key twice) is left to SnakeYAML: {@link #read} is null. At 1,000 posts SnakeYAML's parser took ~0.1 s of
 * the build's 1.5 s, most of it before the JIT had compiled it.
 */
final class QuickYaml {

    /** Longer texts go to SnakeYAML, which holds them to its size limit. */
    private static final int MAX_LENGTH = 16 * 1024;

    private final Resolver resolver;

    QuickYaml(Resolver resolver) {
        this.resolver = resolver;
    }

    /** The mapping {@code yaml}, which starts at line {@code firstLine} of its file; or null. */
    YamlDocument read(String yaml, int firstLine) {
        if (yaml.length() > MAX_LENGTH) {
            return null;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Position> positions = new LinkedHashMap<>();
        Map<String, Position> keyPositions = new LinkedHashMap<>();
        Map<String, List<Position>> itemPositions = new LinkedHashMap<>();
        int line = firstLine;
        for (int start = 0, n = yaml.length(); start < n; line++) {
            int end = yaml.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            if (end > start) {
                int colon = key(yaml, start, end);
                if (colon < 0) {
                    return null;
                }
                String key = yaml.substring(start, colon);
                int at = colon + 1;
                while (at < end && yaml.charAt(at) == ' ') {
                    at++;
                }
                if (at == colon + 1 || at == end || values.containsKey(key)) {
                    return null; // key:value, key: with nothing (null, or a block below), a key twice
                }
                Value value = value(yaml, at, end);
                if (value == null || value.end != end) {
                    return null;
                }
                values.put(key, value.value);
                positions.put(key, new Position(line, at - start + 1));
                keyPositions.put(key, new Position(line, 1));
                if (value.items != null) {
                    List<Position> items = new ArrayList<>(value.items.size());
                    for (int item : value.items) {
                        // Columns in characters, as SnakeYAML counts them: an emoji before the item is one.
                        items.add(new Position(line, yaml.codePointCount(start, item) + 1));
                    }
                    itemPositions.put(key, List.copyOf(items));
                }
            }
            start = end + 1;
        }
        return values.isEmpty() ? null : new YamlDocument(values, positions, keyPositions, itemPositions);
    }

    /**
     * A value and where what follows it (spaces passed over) ends; for a list, where each of its items starts
     * (null for a scalar).
     */
    private record Value(Object value, int end, List<Integer> items) {
        Value(Object value, int end) {
            this(value, end, null);
        }
    }

    /** The end of the key ({@code :}) of the line {@code from..to}, or -1 when it does not start with one. */
    private static int key(String s, int from, int to) {
        int i = from;
        while (i < to && isKeyChar(s.charAt(i), i == from)) {
            i++;
        }
        return i > from && i < to && s.charAt(i) == ':' ? i : -1;
    }

    private static boolean isKeyChar(char c, boolean first) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || !first && (c >= '0' && c <= '9' || c == '-');
    }

    /** The value at {@code from} on a line that ends at {@code to}, then its trailing spaces; or null. */
    private Value value(String s, int from, int to) {
        char c = s.charAt(from);
        Value v;
        if (c == '[') {
            v = list(s, from, to);
        } else {
            v = scalar(s, from, to, false);
        }
        return v == null ? null : new Value(v.value, spaces(s, v.end, to), v.items);
    }

    /** A one-line list of scalars: {@code [a, "b c", 'd']}. */
    private Value list(String s, int from, int to) {
        List<Object> items = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        int i = spaces(s, from + 1, to);
        if (i < to && s.charAt(i) == ']') {
            return new Value(items, i + 1, starts);
        }
        while (i < to) {
            Value item = scalar(s, i, to, true);
            if (item == null) {
                return null;
            }
            items.add(item.value);
            starts.add(i);
            i = spaces(s, item.end, to);
            if (i < to && s.charAt(i) == ']') {
                return new Value(items, i + 1, starts);
            }
            if (i >= to || s.charAt(i) != ',') {
                return null;
            }
            i = spaces(s, i + 1, to);
            if (i < to && s.charAt(i) == ']') {
                return null; // [a, ]: left to SnakeYAML
            }
        }
        return null;
    }

    /** A quoted text without escapes, or a plain one typed as text; in a list ({@code inList}) up to , or ]. */
    private Value scalar(String s, int from, int to, boolean inList) {
        char c = s.charAt(from);
        if (c == '"' || c == '\'') {
            int close = s.indexOf(c, from + 1);
            if (close < 0 || close >= to) {
                return null;
            }
            for (int i = from + 1; i < close; i++) {
                char x = s.charAt(i);
                if (Character.isHighSurrogate(x) && i + 1 < close && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++; // a character above U+FFFF (an emoji)
                } else if (x == '\\' || !isPlainChar(x) && !isTextChar(x)) {
                    return null;
                }
            }
            return new Value(s.substring(from + 1, close), close + 1);
        }
        if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '/' || c == '_' || c == '.'
                || c == '(')) {
            return null; // not an indicator of YAML's (- ? : , [ ] { } # & * ! | > ' " % @ `) nor + (a number's sign)
        }
        int i = from;
        while (i < to && isPlainChar(s.charAt(i)) && !(inList && s.charAt(i) == ',')) {
            if (s.charAt(i) == ':' && (inList || i + 1 == to || s.charAt(i + 1) == ' ')) {
                return null; // a key inside a value; in a list, any colon
            }
            i++;
        }
        int end = i;
        while (end > from && s.charAt(end - 1) == ' ') {
            end--;
        }
        String text = s.substring(from, end);
        // Typed as SnakeYAML types it: a number, a boolean, null and the like are left to it.
        return resolver.resolve(NodeId.scalar, text, true).equals(Tag.STR) ? new Value(text, end) : null;
    }

    /** A character of a plain value here: printable ASCII but YAML's indicators that matter inside one. */
    private static boolean isPlainChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ' ' || c == '-'
                || c == '_' || c == '.' || c == ':' || c == '+' || c == '/' || c == ',' || c == '(' || c == ')';
    }

    /**
     * Another character of a quoted text: printable, and not one YAML reads as a line break (U+2028, U+2029)
     * or refuses; not half of a character above U+FFFF (a pair is taken above).
     */
    private static boolean isTextChar(char c) {
        return c >= 0x20 && c < 0x7F || c >= 0xA0 && c < 0xD800 && c != 0x2028 && c != 0x2029
                || c >= 0xE000 && c < 0xFFFE && c != 0xFEFF;
    }

    private static int spaces(String s, int from, int to) {
        int i = from;
        while (i < to && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
