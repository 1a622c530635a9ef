package dev.kiln.serve;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * A built HTML page as the server sends it: the error overlay (while the build is broken) and the
 * live-reload script put in before its last {@code </body>}, or at its end. Bytes, not text: a page in
 * another encoding than UTF-8 (an old page in Latin-1) keeps every byte of its own, as {@code kiln build}
 * writes it.
 */
final class ServedHtml {

    private static final byte[] BODY_END = "</body>".getBytes(StandardCharsets.US_ASCII);

    private ServedHtml() {}

    /** {@code page} with {@code extra} (UTF-8) before its last {@code </body>}, in any case, or at its end. */
    static byte[] of(byte[] page, String extra) {
        byte[] added = extra.getBytes(StandardCharsets.UTF_8);
        int end = lastBodyEnd(page);
        int at = end < 0 ? page.length : end;
        byte[] out = new byte[page.length + added.length];
        System.arraycopy(page, 0, out, 0, at);
        System.arraycopy(added, 0, out, at, added.length);
        System.arraycopy(page, at, out, at + added.length, page.length - at);
        return out;
    }

    /**
     * A digest of a page as shown (its bytes, and {@code overlay}, "" when none), which its tab names when it
     * comes back: it reloads only if its page is another by then.
     */
    static String digest(byte[] page, String overlay) {
        CRC32C crc = new CRC32C();
        crc.update(page);
        crc.update(overlay.getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }

    /**
     * Where the last {@code </body>} starts, its ASCII letters in any case; -1 when there is none. In any
     * encoding that keeps ASCII as it is (UTF-8, Latin-1, Windows-1252), those bytes are that tag.
     */
    private static int lastBodyEnd(byte[] page) {
        for (int i = page.length - BODY_END.length; i >= 0; i--) {
            int j = 0;
            while (j < BODY_END.length && lower(page[i + j]) == BODY_END[j]) {
                j++;
            }
            if (j == BODY_END.length) {
                return i;
            }
        }
        return -1;
    }

    private static int lower(byte b) {
        return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
    }
}
