package dev.kiln.html;

import static dev.kiln.html.HtmlBytes.indexOf;
import static dev.kiln.html.HtmlBytes.isNameChar;
import static dev.kiln.html.HtmlBytes.isSpace;
import static dev.kiln.html.HtmlBytes.startsWith;

import dev.kiln.markdown.Emoji;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * site.yml's {@code emoji: text} on a laid-out page, as Jekyll's jemoji worked on each HTML page's whole output
 * after its layout: the emoji codes ({@code :tada:}) of the text of the page's {@code <body>} are the emoji's
 * characters ({@link Emoji#replace}), the layout's text too (a post's title in its heading, a list page's entries,
 * nav). Never in {@code <head>} (the {@code <title>} keeps its codes, as jemoji left it), in attribute values, in
 * comments, nor in the text of {@code pre}, {@code code} and {@code tt} (jemoji's) or of {@code script},
 * {@code style} and {@code textarea} and what they hold. A page without a {@code <body>} tag (a layout that writes
 * a fragment) is all body, but for a {@code head} or {@code title} element in it.
 *
 * <p>The page is scanned tag by tag, not parsed, as {@link LinkChecker}'s links are: a page is scanned in its UTF-8
 * bytes, where {@code <}, {@code >} and {@code :} are never part of another character, and only a run of text that
 * holds two colons is made a string; a page that holds no code anywhere ({@link Emoji#holdsCode}, a look at its
 * colons) is not scanned at all. The codes are replaced in the text as written, entities and all: the codes
 * are of ASCII letters, digits and {@code _+-}, which no entity holds and none needs, so that {@code &amp;:tada:}
 * is {@code &amp;🎉} and no entity is cut; a code written with an entity ({@code &#58;tada:}) in a layout stays as
 * written. The Markdown stage has already replaced the body's codes: what is left there is code or attributes,
 * which this leaves alone too, and an emoji is no code, so that a second pass changes nothing.
 */
public final class PageEmoji {

    private PageEmoji() {}

    /**
     * {@code html}, a laid-out page in UTF-8, with the emoji codes of its body's text replaced; the same array when
     * it holds none.
     */
    public static byte[] replace(byte[] html) {
        if (!Emoji.holdsCode(html)) {
            return html; // most pages: their body's codes were replaced by the Markdown stage, and no layout has any
        }
        int n = html.length;
        boolean document = hasBodyTag(html);
        boolean replacing = !document; // a document's text is replaced from its <body> to its </body>
        // Open elements whose text is as written, by kind (a stray end tag closes none).
        int pre = 0;
        int code = 0;
        int tt = 0;
        int head = 0;
        ByteArrayOutputStream out = null;
        int copied = 0;
        int i = 0;
        while (i < n) {
            int lt = indexOf(html, '<', i);
            int textEnd = lt < 0 ? n : lt;
            if (replacing && pre + code + tt + head == 0 && textEnd > i) {
                byte[] replaced = replaceText(html, i, textEnd);
                if (replaced != null) {
                    if (out == null) {
                        out = new ByteArrayOutputStream(n + 64);
                    }
                    out.write(html, copied, i - copied);
                    out.writeBytes(replaced);
                    copied = textEnd;
                }
            }
            if (lt < 0) {
                break;
            }
            if (startsWith(html, lt, "<!--")) {
                int close = indexOf(html, "-->", lt + 4);
                i = close < 0 ? n : close + 3;
                continue;
            }
            boolean closing = lt + 1 < n && html[lt + 1] == '/';
            int nameStart = lt + (closing ? 2 : 1);
            int nameEnd = nameStart;
            while (nameEnd < n && isNameChar(html[nameEnd], nameEnd == nameStart)) {
                nameEnd++;
            }
            if (nameEnd == nameStart) {
                if (!closing && lt + 1 < n && (html[lt + 1] == '!' || html[lt + 1] == '?')) {
                    int close = indexOf(html, '>', lt + 2); // <!DOCTYPE html>
                    i = close < 0 ? n : close + 1;
                } else {
                    i = lt + 1; // a '<' of the text, which no code holds
                }
                continue;
            }
            int end = tagEnd(html, nameEnd);
            if (end < 0) {
                i = lt + 1; // not a tag after all
                continue;
            }
            int length = nameEnd - nameStart;
            if (closing) {
                if (document && is(html, nameStart, length, "body")) {
                    replacing = false;
                } else if (is(html, nameStart, length, "pre")) {
                    pre = Math.max(0, pre - 1);
                } else if (is(html, nameStart, length, "code")) {
                    code = Math.max(0, code - 1);
                } else if (is(html, nameStart, length, "tt")) {
                    tt = Math.max(0, tt - 1);
                } else if (!document && is(html, nameStart, length, "head")) {
                    head = Math.max(0, head - 1);
                }
            } else if (document && is(html, nameStart, length, "body")) {
                replacing = true;
            } else if (is(html, nameStart, length, "pre")) {
                pre++;
            } else if (is(html, nameStart, length, "code")) {
                code++;
            } else if (is(html, nameStart, length, "tt")) {
                tt++;
            } else if (!document && is(html, nameStart, length, "head")) {
                head++;
            } else if (is(html, nameStart, length, "script") || is(html, nameStart, length, "style")
                    || is(html, nameStart, length, "textarea") || !document && is(html, nameStart, length, "title")) {
                // Text that is not markup, up to its end tag.
                int close = indexOfEndTag(html, html, nameStart, length, end);
                end = close < 0 ? n : close;
            }
            i = end;
        }
        if (out == null) {
            return html;
        }
        out.write(html, copied, n - copied);
        return out.toByteArray();
    }

    /** The text {@code html[from, to)} with its codes replaced, or null when it holds none. */
    private static byte[] replaceText(byte[] html, int from, int to) {
        int colons = 0;
        for (int k = from; k < to && colons < 2; k++) {
            if (html[k] == ':') {
                colons++;
            }
        }
        if (colons < 2) {
            return null; // a code opens and closes with one
        }
        String text = new String(html, from, to - from, StandardCharsets.UTF_8);
        String replaced = Emoji.replace(text);
        return replaced == text ? null : replaced.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether {@code html} has a {@code <body>} tag, in any case. */
    private static boolean hasBodyTag(byte[] html) {
        for (int at = indexOf(html, '<', 0); at >= 0; at = indexOf(html, '<', at + 1)) {
            if (at + 5 < html.length && is(html, at + 1, 4, "body") && (html[at + 5] == '>' || html[at + 5] == '/'
                    || isSpace(html[at + 5]))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The index after the {@code >} of the tag whose name ends at {@code from}, past its attributes (a quoted value
     * may hold {@code >}), or -1 when no tag ends there.
     */
    private static int tagEnd(byte[] html, int from) {
        int n = html.length;
        if (from < n && !isSpace(html[from]) && html[from] != '>' && html[from] != '/') {
            return -1;
        }
        int i = from;
        while (i < n) {
            byte c = html[i];
            if (c == '>') {
                return i + 1;
            }
            if (isSpace(c) || c == '/') {
                i++;
                continue;
            }
            // An attribute's name, then its value if it has one.
            while (i < n && !isSpace(html[i]) && html[i] != '=' && html[i] != '>' && html[i] != '/') {
                i++;
            }
            while (i < n && isSpace(html[i])) {
                i++;
            }
            if (i < n && html[i] == '=') {
                i++;
                while (i < n && isSpace(html[i])) {
                    i++;
                }
                if (i < n && (html[i] == '"' || html[i] == '\'')) {
                    int close = indexOf(html, (char) html[i], i + 1);
                    if (close < 0) {
                        return -1;
                    }
                    i = close + 1;
                } else {
                    while (i < n && !isSpace(html[i]) && html[i] != '>') {
                        i++;
                    }
                }
            }
        }
        return -1;
    }

    /** Where the end tag of the element named {@code name[at, at + length)} is, from {@code from}, in any case; -1 if none. */
    private static int indexOfEndTag(byte[] html, byte[] name, int at, int length, int from) {
        for (int lt = indexOf(html, '<', from); lt >= 0; lt = indexOf(html, '<', lt + 1)) {
            if (lt + 2 + length <= html.length && html[lt + 1] == '/' && sameIgnoreCase(html, lt + 2, name, at, length)
                    && (lt + 2 + length == html.length || !isNameChar(html[lt + 2 + length], false))) {
                return lt;
            }
        }
        return -1;
    }

    private static boolean sameIgnoreCase(byte[] a, int atA, byte[] b, int atB, int length) {
        for (int k = 0; k < length; k++) {
            if (lower(a[atA + k]) != lower(b[atB + k])) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code html[at, at + length)} is {@code lower}, a lower-case ASCII word, in any case. */
    private static boolean is(byte[] html, int at, int length, String lower) {
        return length == lower.length() && HtmlBytes.is(html, at, lower);
    }

    private static int lower(byte c) {
        return c >= 'A' && c <= 'Z' ? c | 0x20 : c;
    }

}
