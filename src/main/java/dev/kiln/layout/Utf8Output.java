package dev.kiln.layout;

import java.io.Writer;
import java.util.Arrays;

/**
 * A layout's output, encoded to UTF-8 as Pebble writes it rather than gathered in a string and encoded
 * after: the same bytes as {@code String.getBytes(UTF_8)} of all that was written (a lone surrogate is a
 * {@code ?}, also when a pair is split between two writes). One string may be given with its UTF-8, a
 * page's body kept as UTF-8: when that very string is written, its bytes are copied, not encoded again.
 * (Pebble prints a value to a writer of its own kind as {@code write(String)} of the value's text, so the
 * body's string itself reaches this writer.)
 */
final class Utf8Output extends Writer {

    private final String known;
    private final byte[] knownUtf8;
    private byte[] bytes = new byte[32 * 1024];
    private int length;
    private char[] chars = new char[1024];
    /** A high surrogate that ended the last write, waiting for the low one. */
    private char high;

    /** An output that knows {@code known} (may be null) to be {@code knownUtf8} in UTF-8. */
    Utf8Output(String known, byte[] knownUtf8) {
        this.known = known;
        this.knownUtf8 = knownUtf8;
    }

    /** All that was written, in UTF-8. */
    byte[] toByteArray() {
        if (high != 0) {
            room(1);
            bytes[length++] = '?';
            high = 0;
        }
        return Arrays.copyOf(bytes, length);
    }

    @Override
    public void write(String s) {
        if (s == known && high == 0) {
            room(knownUtf8.length);
            System.arraycopy(knownUtf8, 0, bytes, length, knownUtf8.length);
            length += knownUtf8.length;
        } else {
            write(s, 0, s.length());
        }
    }

    @Override
    public void write(String s, int off, int len) {
        if (chars.length < len) {
            chars = new char[Math.max(len, chars.length * 2)];
        }
        s.getChars(off, off + len, chars, 0);
        write(chars, 0, len);
    }

    @Override
    public void write(int c) {
        write(new char[] {(char) c}, 0, 1);
    }

    @Override
    public void write(char[] c, int off, int len) {
        room(3 * len + 4);
        byte[] b = bytes;
        int at = length;
        int i = off;
        int end = off + len;
        if (high != 0 && i < end) {
            if (Character.isLowSurrogate(c[i])) {
                at = four(b, at, Character.toCodePoint(high, c[i]));
                i++;
            } else {
                b[at++] = '?';
            }
            high = 0;
        }
        for (; i < end; i++) {
            char ch = c[i];
            if (ch < 0x80) {
                b[at++] = (byte) ch;
            } else if (ch < 0x800) {
                b[at++] = (byte) (0xC0 | ch >> 6);
                b[at++] = (byte) (0x80 | ch & 0x3F);
            } else if (!Character.isSurrogate(ch)) {
                b[at++] = (byte) (0xE0 | ch >> 12);
                b[at++] = (byte) (0x80 | ch >> 6 & 0x3F);
                b[at++] = (byte) (0x80 | ch & 0x3F);
            } else if (Character.isLowSurrogate(ch)) {
                b[at++] = '?';
            } else if (i + 1 == end) {
                high = ch;
            } else if (Character.isLowSurrogate(c[i + 1])) {
                at = four(b, at, Character.toCodePoint(ch, c[++i]));
            } else {
                b[at++] = '?';
            }
        }
        length = at;
    }

    private static int four(byte[] b, int at, int codePoint) {
        b[at] = (byte) (0xF0 | codePoint >> 18);
        b[at + 1] = (byte) (0x80 | codePoint >> 12 & 0x3F);
        b[at + 2] = (byte) (0x80 | codePoint >> 6 & 0x3F);
        b[at + 3] = (byte) (0x80 | codePoint & 0x3F);
        return at + 4;
    }

    private void room(int more) {
        if (bytes.length - length < more) {
            bytes = Arrays.copyOf(bytes, Math.max(length + more, bytes.length * 2));
        }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
}
