package dev.kiln.jekyll;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Front matter that Jekyll's YAML reader (Psych) takes and Kiln's refuses, written as Kiln reads it with the values
 * Jekyll saw, line for line: a tab after a key's colon ({@code title:<TAB>My post}) becomes a space; a top-level key
 * written more than once, of which Psych takes the last, keeps its last and has the others commented out
 * ({@code # tags: [a]}), with a warning at the line of each later one.
 */
final class JekyllFrontMatter {

    /** A key (plain or quoted) at the start of a line, perhaps in a list item, then a colon and a tab. */
    private static final Pattern TAB_AFTER_KEY = Pattern.compile(
            "^([ ]*(?:-[ ]+)*(?:\"[^\"\\n]*\"|'[^'\\n]*'|[^\\s#'\"\\[\\]{},&*!|>%@`-][^\\n#]*?|-[^\\s\\n#][^\\n#]*?)"
                    + "[ ]*:)\\t[ \\t]*");
    /** A top-level key: its name, plain or quoted, and the colon after it. */
    private static final Pattern TOP_KEY = Pattern.compile(
            "^(?:\"([^\"\\n]*)\"|'([^'\\n]*)'|([^\\s#'\"\\[\\]{},&*!|>%@`-][^\\n#]*?|-[^\\s\\n#][^\\n#]*?))[ ]*:(?:[ \\t]|$)");
    /** A value that starts a block scalar ({@code |}, {@code >-}...), whose lines are text to the end of its indentation. */
    private static final Pattern BLOCK_SCALAR = Pattern.compile(":[ \\t]+[|>][0-9+-]*[ \\t]*(?:#.*)?$");

    private JekyllFrontMatter() {}

    /** {@code yaml} (a file's front matter, null when it has none) as Kiln reads it with the values Jekyll saw. */
    static String kilnText(String yaml) {
        if (yaml == null || !yaml.contains("\t") && duplicates(lines(yaml)).isEmpty()) {
            return yaml;
        }
        List<String> lines = lines(yaml);
        boolean[] text = blockScalarLines(lines);
        for (int i = 0; i < lines.size(); i++) {
            Matcher tab = TAB_AFTER_KEY.matcher(lines.get(i));
            if (!text[i] && tab.find()) {
                lines.set(i, tab.group(1) + " " + lines.get(i).substring(tab.end()));
            }
        }
        for (List<Integer> written : duplicates(lines).values()) {
            for (int k = 0; k < written.size() - 1; k++) {
                int i = written.get(k);
                lines.set(i, "# " + lines.get(i));
                for (int j = i + 1; j < lines.size() && continues(lines.get(j)); j++) {
                    lines.set(j, "# " + lines.get(j));
                }
            }
        }
        return String.join("\n", lines);
    }

    /**
     * A warning ({@code path:line:1: ...}) at each later line of a top-level key that {@code yaml} (the front matter
     * of {@code path}, from its line 2) writes more than once.
     */
    static List<String> warnings(String path, String yaml) {
        List<String> warnings = new ArrayList<>();
        if (yaml == null) {
            return warnings;
        }
        duplicates(lines(yaml)).forEach((key, written) -> {
            String all = String.join(", ", written.stream().map(i -> String.valueOf(i + 2)).toList());
            for (int k = 1; k < written.size(); k++) {
                warnings.add(path + ":" + (written.get(k) + 2) + ":1: key '" + key + "' is written more than once "
                        + "(lines " + all + "): Jekyll took the last, as the import does; the others are commented out");
            }
        });
        return warnings;
    }

    private static List<String> lines(String yaml) {
        return new ArrayList<>(List.of(yaml.split("\n", -1)));
    }

    /** The top-level keys written more than once, each with the indexes of its lines, in the order first written. */
    private static Map<String, List<Integer>> duplicates(List<String> lines) {
        Map<String, List<Integer>> keys = new LinkedHashMap<>();
        boolean[] text = blockScalarLines(lines);
        for (int i = 0; i < lines.size(); i++) {
            Matcher key = TOP_KEY.matcher(lines.get(i));
            if (!text[i] && key.find()) {
                String name = key.group(1) != null ? key.group(1) : key.group(2) != null ? key.group(2)
                        : key.group(3).strip();
                keys.computeIfAbsent(name, k -> new ArrayList<>()).add(i);
            }
        }
        keys.values().removeIf(written -> written.size() < 2);
        return keys;
    }

    /** Whether {@code line} goes on with the value of the top-level key above it: indented, or a list item. */
    private static boolean continues(String line) {
        return line.startsWith(" ") || line.startsWith("\t") || line.equals("-") || line.startsWith("- ");
    }

    /** For each line, whether it is text of a block scalar ({@code |}, {@code >}), where nothing is a key. */
    private static boolean[] blockScalarLines(List<String> lines) {
        boolean[] text = new boolean[lines.size()];
        int owner = -1; // the indentation of the key whose block scalar goes on, or -1
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int indent = line.length() - line.stripLeading().length();
            if (owner >= 0 && (line.isBlank() || indent > owner)) {
                text[i] = true;
                continue;
            }
            owner = BLOCK_SCALAR.matcher(line).find() ? indent : -1;
        }
        return text;
    }
}
