package dev.kiln.jekyll;

import dev.kiln.content.YamlText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Edits the front matter of a file as text, so that every key it does not touch stays as written: removes
 * top-level keys (with their indented lines) and appends {@code key: value} lines.
 */
public final class FrontMatterEdit {

    private final List<String> lines;
    /** For each of {@link #lines}, its line in the file (the front matter's first line is line 2). */
    private final List<Integer> fileLines = new ArrayList<>();
    private final Map<String, Object> added = new LinkedHashMap<>();

    /** An edit of {@code yamlText} (null or empty when the file has no front matter). */
    public FrontMatterEdit(String yamlText) {
        this.lines = yamlText == null || yamlText.isEmpty() ? new ArrayList<>()
                : new ArrayList<>(Arrays.asList(yamlText.replace("\r\n", "\n").split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        for (int i = 0; i < lines.size(); i++) {
            fileLines.add(i + 2);
        }
    }

    /** A copy of this edit, to be changed without changing this one. */
    public FrontMatterEdit copy() {
        FrontMatterEdit copy = new FrontMatterEdit(null);
        copy.lines.addAll(lines);
        copy.fileLines.addAll(fileLines);
        copy.added.putAll(added);
        return copy;
    }

    /**
     * The line of the edited file that line {@code renderedLine} of {@link #render} came from, or 0 when it
     * came from no line of it (the fence, a value the import set).
     */
    public int fileLine(int renderedLine) {
        int i = renderedLine - 2;
        return i >= 0 && i < fileLines.size() ? fileLines.get(i) : 0;
    }

    /** Removes the top-level {@code key} and the lines that continue its value. */
    public FrontMatterEdit remove(String key) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("['\"]?" + java.util.regex.Pattern.quote(key) + "['\"]?\\s*:.*")) {
                lines.remove(i);
                fileLines.remove(i);
                while (i < lines.size() && (lines.get(i).startsWith(" ") || lines.get(i).startsWith("\t")
                        || lines.get(i).startsWith("- "))) {
                    lines.remove(i);
                    fileLines.remove(i);
                }
                return this;
            }
        }
        added.remove(key);
        return this;
    }

    /** Sets {@code key} to {@code value}, replacing any value it had. */
    public FrontMatterEdit set(String key, Object value) {
        remove(key);
        added.put(key, value);
        return this;
    }

    /** The front matter block, with its {@code ---} lines, followed by {@code body}. */
    public String render(String body) {
        StringBuilder out = new StringBuilder("---\n");
        lines.forEach(l -> out.append(l).append('\n'));
        added.forEach((k, v) -> out.append(k).append(": ").append(YamlText.value(v)).append('\n'));
        return out.append("---\n").append(body).toString();
    }
}
