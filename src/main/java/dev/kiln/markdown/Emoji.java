package dev.kiln.markdown;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Emoji codes ({@code :smile:}, {@code :+1:}) as Hugo's {@code enableEmoji = true} replaces them, with Hugo 0.111.3's
 * table ({@code hugo-emoji.tsv}, read on the first page of a site that asks for it): for site.yml's {@code emoji: true}
 * in the Markdown as written, before it is read, code and all, as Hugo does; for {@code emoji: text} in the text of
 * the HTML only, as Jekyll's jemoji does ({@link DirectHtml}'s writer, and the HTML stage's for the pages it finishes).
 */
public final class Emoji {

    private Emoji() {}

    /** The table, read once when first needed: a site without {@code emoji: true} never reads it. */
    private static final class Table {
        static final Map<String, String> CODES = read();
        static final int LONGEST = CODES.keySet().stream().mapToInt(String::length).max().orElse(0);

        private static Map<String, String> read() {
            Map<String, String> codes = new HashMap<>(8192);
            try (InputStream in = Emoji.class.getResourceAsStream("hugo-emoji.tsv")) {
                if (in == null) {
                    throw new IllegalStateException("hugo-emoji.tsv is missing from Kiln's jar");
                }
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    int tab = line.indexOf('\t');
                    if (!line.startsWith("#") && tab > 0) {
                        codes.put(line.substring(0, tab), line.substring(tab + 1));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.copyOf(codes);
        }
    }

    /**
     * {@code text} with each emoji code Hugo knows replaced by its characters ({@code Thanks :smile:} →
     * {@code Thanks 😄}), anywhere, a word's letters around it too ({@code a:smile:b}), as Hugo's Emojify; the same
     * instance when it holds none. A colon that opens no code is text, and the next one may open one
     * ({@code 10:30 :tada:}).
     */
    public static String replace(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return text;
        }
        Map<String, String> codes = Table.CODES;
        int longest = Table.LONGEST;
        StringBuilder out = null;
        int copied = 0;
        while (colon >= 0) {
            int close = -1;
            for (int i = colon + 1; i < text.length() && i <= colon + 1 + longest; i++) {
                char c = text.charAt(i);
                if (c == ':') {
                    close = i;
                    break;
                }
                if (!isCodeChar(c)) {
                    break; // no code holds it
                }
            }
            if (close < 0) {
                colon = text.indexOf(':', colon + 1);
                continue;
            }
            String emoji = close > colon + 1 ? codes.get(text.substring(colon + 1, close)) : null;
            if (emoji == null) {
                colon = close; // it may open the next code
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, colon).append(emoji);
            copied = close + 1;
            colon = text.indexOf(':', copied);
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /**
     * Whether {@code utf8} (text in UTF-8, HTML too) holds anywhere a code {@link #replace} would replace: a quick
     * look before finding where, which makes a string of a colon-delimited word only ({@code :30:} of a time).
     */
    public static boolean holdsCode(byte[] utf8) {
        Map<String, String> codes = Table.CODES;
        int longest = Table.LONGEST;
        int n = utf8.length;
        int colon = next(utf8, 0);
        while (colon >= 0) {
            int i = colon + 1;
            while (i < n && i <= colon + 1 + longest && isCodeChar(utf8[i])) {
                i++;
            }
            if (i < n && utf8[i] == ':') {
                if (i > colon + 1 && codes.containsKey(new String(utf8, colon + 1, i - colon - 1,
                        java.nio.charset.StandardCharsets.ISO_8859_1))) {
                    return true;
                }
                colon = i; // it may open the next code
            } else {
                colon = next(utf8, i);
            }
        }
        return false;
    }

    private static int next(byte[] utf8, int from) {
        for (int i = from; i < utf8.length; i++) {
            if (utf8[i] == ':') {
                return i;
            }
        }
        return -1;
    }

    /** Whether a code may hold {@code c}: every code of the table is of ASCII letters, digits and {@code _+-}. */
    private static boolean isCodeChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '+' || c == '-';
    }
}
