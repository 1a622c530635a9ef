package dev.kiln.html;

/**
 * Reading HTML as UTF-8 bytes, for the scans that go tag by tag rather than parse ({@link LinkChecker},
 * {@link PageEmoji}): HTML's syntax is ASCII, and no byte of another character is one of its.
 */
final class HtmlBytes {

    private HtmlBytes() {}

    /** Where the next {@code c} (ASCII) is in {@code html} from {@code from}, or -1. */
    static int indexOf(byte[] html, char c, int from) {
        for (int i = Math.max(from, 0); i < html.length; i++) {
            if (html[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** Where the next {@code ascii} is in {@code html} from {@code from}, as written, or -1. */
    static int indexOf(byte[] html, String ascii, int from) {
        for (int i = indexOf(html, ascii.charAt(0), from); i >= 0; i = indexOf(html, ascii.charAt(0), i + 1)) {
            if (startsWith(html, i, ascii)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code html} holds {@code ascii} at {@code at}, as written. */
    static boolean startsWith(byte[] html, int at, String ascii) {
        if (at + ascii.length() > html.length) {
            return false;
        }
        for (int k = 0; k < ascii.length(); k++) {
            if (html[at + k] != ascii.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code html} holds {@code lower}, a lower-case ASCII word, at {@code at}, in any case (the caller checks the length). */
    static boolean is(byte[] html, int at, String lower) {
        for (int k = 0; k < lower.length(); k++) {
            byte c = html[at + k];
            if ((c >= 'A' && c <= 'Z' ? c | 0x20 : c) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code c} may stand in a tag's name (first: start it). */
    static boolean isNameChar(byte c, boolean first) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && ((c >= '0' && c <= '9') || c == '-'));
    }

    /** HTML's white space. */
    static boolean isSpace(byte c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    }
}
