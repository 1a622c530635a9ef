package dev.kiln.content;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a file's front matter opens, and in which language: on its first line, where Kiln reads it (YAML) or
 * refuses it (Hugo's TOML and JSON), or after blank lines, where Hugo reads it too and Kiln would take it for
 * text (a heading, and a draft published). After blank lines a {@code +++} line or JSON's {@code {"key":} is
 * front matter as on the first line (no Markdown text starts so); a {@code ---} line, which in Markdown is a
 * thematic break, only when a closing {@code ---} follows with nothing but YAML's lines between, a key first, each
 * key a name ({@code title}, {@code my-key}, or quoted) and one of them a key Kiln reads
 * ({@link FrontMatterParser#isKnownKey}): {@code Update: this page moved.} between two breaks is text.
 *
 * @param offset where its first line starts in the text
 * @param line   that line's number, from 1
 */
record FrontMatterStart(Kind kind, int offset, int line) {

    /** The language of the front matter: Kiln's, or one of Hugo's that Kiln refuses. */
    enum Kind { YAML, TOML, JSON }

    private static final Pattern YAML_OPEN = Pattern.compile("---[ \\t]*(\\r?\\n|$)");
    private static final Pattern TOML_OPEN = Pattern.compile("\\+\\+\\+[ \\t]*(\\r?\\n|$)");
    private static final Pattern JSON_OPEN = Pattern.compile("\\{[ \\t]*\\r?\\n?[ \\t]*\"[^\"\\n]+\"[ \\t]*:");
    /**
     * A YAML key at the start of a line, a name ({@code title: x}, {@code tags:}, {@code my_key:}) or quoted
     * ({@code "my key":}): not a sentence ({@code Update: this page moved.}, {@code Note that: x}).
     */
    private static final Pattern YAML_KEY =
            Pattern.compile("(?:([A-Za-z0-9_-]+)|\"([^\"\\n]+)\"|'([^'\\n]+)')[ \\t]*:(?:[ \\t].*)?");
    /** A line YAML's front matter may hold besides a key: indented (a key's further lines), an item, a comment. */
    private static final Pattern YAML_OTHER = Pattern.compile("(?:[ \\t].*|- .*|-|#.*)");
    private static final Pattern YAML_CLOSE = Pattern.compile("(?:---|\\.\\.\\.)[ \\t]*");

    /** The front matter that opens {@code text}, on its first line or after blank lines; null when none does. */
    static FrontMatterStart of(String text) {
        if (text.isEmpty() || "-+{ \t\r\n".indexOf(text.charAt(0)) < 0) {
            return null; // most pages: read by their first character
        }
        int offset = 0;
        int line = 1;
        int end;
        while ((end = text.indexOf('\n', offset)) >= 0 && isBlank(text, offset, end)) {
            offset = end + 1;
            line++;
        }
        Kind kind = YAML_OPEN.matcher(text).region(offset, text.length()).lookingAt() ? Kind.YAML
                : TOML_OPEN.matcher(text).region(offset, text.length()).lookingAt() ? Kind.TOML
                : JSON_OPEN.matcher(text).region(offset, text.length()).lookingAt() ? Kind.JSON
                : null;
        if (kind == null || kind == Kind.YAML && line > 1 && !closedYaml(text, text.indexOf('\n', offset) + 1)) {
            return null;
        }
        return new FrontMatterStart(kind, offset, line);
    }

    private static boolean isBlank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The start of the file at {@code file} as text, without a UTF-8 byte order mark, enough to tell whether front
     * matter opens it ({@link #of}) without reading a large file that has none: its first 512 bytes, or its first
     * 64 KiB when it starts with blank lines and the first line that is not blank opens front matter ({@code ---},
     * {@code +++} or {@code {}: front matter below blank lines is told by its closing line). A generated HTML file
     * that starts with white space and then {@code <!DOCTYPE html>} is read no further than its 512 bytes.
     */
    static String head(java.nio.file.Path file) throws java.io.IOException {
        try (var in = java.nio.file.Files.newInputStream(file)) {
            byte[] start = in.readNBytes(512);
            int first = start.length > 3 && (start[0] & 0xFF) == 0xEF ? 3 : 0; // after a byte order mark
            byte[] bytes = start;
            if (start.length == 512 && Character.isWhitespace(start[first]) && mayOpen(start, first)) {
                byte[] rest = in.readNBytes(64 * 1024 - 512);
                bytes = java.util.Arrays.copyOf(start, 512 + rest.length);
                System.arraycopy(rest, 0, bytes, 512, rest.length);
            }
            String head = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            return head.startsWith("\uFEFF") ? head.substring(1) : head;
        }
    }

    /**
     * Whether the first line of {@code bytes} from {@code from} that is not blank may open front matter: it starts
     * with {@code -}, {@code +} or {@code {} (or there is none in these bytes).
     */
    private static boolean mayOpen(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (!Character.isWhitespace(bytes[i])) {
                return bytes[i] == '-' || bytes[i] == '+' || bytes[i] == '{';
            }
        }
        return true;
    }

    /** The key of the YAML line {@code line} ({@code title: x} → {@code title}), or null when it starts with none. */
    static String yamlKey(String line) {
        Matcher m = YAML_KEY.matcher(line);
        if (!m.matches()) {
            return null;
        }
        return m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
    }

    /**
     * Whether YAML's lines, a key first, run from {@code from} to a closing {@code ---} line, one of their keys a key
     * Kiln reads ({@code title}, {@code date}, {@code draft}, Hugo's {@code lastmod}...).
     */
    private static boolean closedYaml(String text, int from) {
        if (from == 0) {
            return false; // the --- is the last line
        }
        boolean keyed = false;
        boolean known = false;
        for (String line : text.substring(from).split("\\r?\\n", -1)) {
            if (YAML_CLOSE.matcher(line).matches()) {
                return known;
            }
            String key = yamlKey(line);
            if (key != null) {
                keyed = true;
                known |= FrontMatterParser.isKnownKey(key);
            } else if (!line.isBlank() && !(keyed && YAML_OTHER.matcher(line).matches())) {
                return false; // text: the --- was a thematic break
            }
        }
        return false;
    }

    /** The blank lines above the front matter, as a message names them: "a blank line", "2 blank lines". */
    String blankLines() {
        return line == 2 ? "a blank line" : (line - 1) + " blank lines";
    }
}
