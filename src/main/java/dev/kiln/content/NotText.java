package dev.kiln.content;

import dev.kiln.error.Position;

import java.nio.charset.CharacterCodingException;

/**
 * A page file that cannot be read as UTF-8 text, with the place of the first byte that shows it and
 * what to do; a {@link CharacterCodingException} so that readers which memoise texts pass it through.
 */
public final class NotText extends CharacterCodingException {

    private final Position at;
    private final String reason;

    NotText(Position at, String reason) {
        this.at = at;
        this.reason = reason;
    }

    /** Where the first unreadable byte stands. */
    public Position at() {
        return at;
    }

    /** What is wrong and what to do, for a problem message. */
    public String reason() {
        return reason;
    }

    @Override
    public String getMessage() {
        return at.line() + ":" + at.column() + ": " + reason;
    }

    /** Why {@code bytes} are not UTF-8 text, or null when they are. */
    static NotText of(byte[] bytes) {
        int nul = -1;
        for (int i = 0; i < bytes.length && nul < 0; i++) {
            if (bytes[i] == 0) {
                nul = i;
            }
        }
        int bad = firstMalformed(bytes);
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            return new NotText(Position.START, "is UTF-16 text (it starts with a UTF-16 byte order mark): "
                    + "save the file as UTF-8");
        }
        if (nul >= 0 && bad >= 0) {
            return new NotText(Position.START, "is a binary file, not text: give an image or other binary file "
                    + "its own extension (.png, .pdf, ...) so that it is copied as it is, and save a page as UTF-8");
        }
        if (nul >= 0) {
            // UTF-8 text never holds NUL; UTF-16 text holds one in every other byte.
            return new NotText(positionOf(bytes, nul), "holds a NUL byte, so it is not UTF-8 text (UTF-16?): "
                    + "save the file as UTF-8");
        }
        if (bad >= 0) {
            return new NotText(positionOf(bytes, bad), String.format("byte 0x%02X is not UTF-8 text (Latin-1 or "
                    + "Windows-1252?): save the file as UTF-8", bytes[bad] & 0xff));
        }
        return null;
    }

    /** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence, or -1. */
    private static int firstMalformed(byte[] b) {
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xff;
            int n;
            int min;
            if (c < 0x80) {
                i++;
                continue;
            } else if (c >= 0xC2 && c <= 0xDF) {
                n = 1;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                n = 2;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                n = 3;
                min = 0x10000;
            } else {
                return i;
            }
            if (i + n >= b.length) {
                return i;
            }
            int cp = c & (0x3F >> n);
            for (int k = 1; k <= n; k++) {
                int cont = b[i + k] & 0xff;
                if ((cont & 0xC0) != 0x80) {
                    return i;
                }
                cp = (cp << 6) | (cont & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return i;
            }
            i += n + 1;
        }
        return -1;
    }

    /** The 1-based line and column (in characters, a byte order mark not one of them) of byte {@code offset}. */
    private static Position positionOf(byte[] b, int offset) {
        int line = 1;
        int column = 1;
        boolean bom = b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF;
        for (int i = bom && offset >= 3 ? 3 : 0; i < offset; i++) {
            if (b[i] == '\n') {
                line++;
                column = 1;
            } else if ((b[i] & 0xC0) != 0x80) {
                column++; // count characters, not the continuation bytes of one
            }
        }
        return new Position(line, column);
    }
}
