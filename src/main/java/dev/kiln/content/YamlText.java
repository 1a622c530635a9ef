package dev.kiln.content;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Writes simple YAML values as text: strings double-quoted and escaped, lists and maps in flow style. */
public final class YamlText {

    private YamlText() {}

    /** {@code value} as one line of YAML. */
    public static String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean || value instanceof Number) {
            return value.toString();
        }
        if (value instanceof List<?> list) {
            StringJoiner j = new StringJoiner(", ", "[", "]");
            list.forEach(x -> j.add(value(x)));
            return j.toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringJoiner j = new StringJoiner(", ", "{", "}");
            map.forEach((k, x) -> j.add(quote(String.valueOf(k)) + ": " + value(x)));
            return j.toString();
        }
        return quote(value.toString());
    }

    /** A double-quoted YAML string. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < ' ' || c == 127) {
                        out.append(String.format("\\x%02X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
