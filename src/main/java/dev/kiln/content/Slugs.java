package dev.kiln.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/** URL-safe names for tags and titles: lower case, letters and digits of any script, joined by dashes. */
public final class Slugs {

    private Slugs() {}

    /**
     * {@code "Serverless & AWS"} → {@code serverless-aws}; {@code "Ünïcode Café"} → {@code ünïcode-café};
     * {@code C++} → {@code c-plus-plus}, {@code C#} → {@code c-sharp}.
     * Never empty, never holds {@code /} or {@code ..}: text with no letters or digits gets a hex name
     * ({@code x} for no text). At most {@link #MAX_BYTES} long; a slug is its own slug.
     */
    public static String of(String text) {
        // A tech blog's C, C++ and C# must not share one tag page. Every '#' is "sharp" here, #tips too: tags' and
        // :slug's URLs of existing sites stay where they are (a new post's title is read by ofTitle).
        String slug = joined(text.replace("++", " plus plus ").replace("#", " sharp "));
        if (slug.isEmpty()) {
            slug = text.isEmpty() ? "x" : "x-" + HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
        }
        return slug.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES ? slug : shortened(slug);
    }

    /**
     * The slug of a new post's title, which names its file and so its URL: as {@link #of}, but {@code #} is
     * "sharp" only where it names a language, right after a word's one letter C, F or J ({@code C# tips} →
     * {@code c-sharp-tips}), and a separator elsewhere ({@code Issue #42 fixed} → {@code issue-42-fixed},
     * {@code #tips} → {@code tips}, as Jekyll's slugify makes them); null when the title has no letter or digit
     * ({@code 🎉🎉🎉}), which would give a hex name no one can read.
     */
    public static String ofTitle(String title) {
        String slug = joined(sharpLanguages(title.replace("++", " plus plus ")));
        if (slug.isEmpty()) {
            return null;
        }
        return slug.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES ? slug : shortened(slug);
    }

    /** {@code text} with each {@code #} right after a word's one letter C, F or J spelled " sharp ". */
    private static String sharpLanguages(String text) {
        if (text.indexOf('#') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '#' && i > 0 && "cfjCFJ".indexOf(text.charAt(i - 1)) >= 0
                    && (i == 1 || !Character.isLetterOrDigit(text.codePointBefore(i - 1)))) {
                out.append(" sharp ");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * {@code text} as Hugo 0.111's permalinks put a slug or file name in a URL (its {@code urlize}): lower case; letters,
     * digits, marks and {@code . _ ~ + - @} kept (and {@code /} when {@code slashes}: a slug's {@code 2023/post} is two
     * folders, as in Hugo); a run of spaces (any of Unicode's, a no-break space too) one dash, none next to a dash
     * written ({@code My Post - Part 2} → {@code my-post-part-2}, {@code a + b} → {@code a-+-b}); anything else dropped
     * ({@code Foo's Bar!} → {@code foos-bar}, {@code C#} → {@code c}). Checked against Hugo 0.111.3's output with no
     * {@code [permalinks]}, its default URL ({@code c++} → {@code c++}; under a {@code [permalinks]} pattern of its own
     * Hugo made each run of {@code +} a dash, {@code c-}, which README says how to keep). "" for text with nothing kept.
     */
    public static String hugo(String text, boolean slashes) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        boolean dash = false; // a space seen since the last character kept
        boolean wasHyphen = false; // the last character kept is a dash
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            boolean kept = Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK
                    || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || "._~+-@".indexOf(cp) >= 0 || (slashes && cp == '/');
            if (kept) {
                wasHyphen = cp == '-';
                if (dash && !wasHyphen) {
                    out.append('-');
                }
                dash = false;
                out.appendCodePoint(cp);
            } else if (out.length() > 0 && !wasHyphen
                    && (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85)) {
                dash = true;
            }
        }
        return out.toString();
    }

    /** The letters and digits of {@code spelled}, lower case, each run joined to the next by a dash; "" for none. */
    private static String joined(String spelled) {
        // Lower case first, then composed: lower-casing a composed letter can leave a sequence that composes
        // further (Ϊ̀ → ῒ → ῒ), and a slug must be its own slug.
        String normal = Normalizer.normalize(spelled.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(normal.length());
        boolean dash = false;
        for (int i = 0; i < normal.length(); ) {
            int cp = normal.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK) {
                if (dash && out.length() > 0) {
                    out.append('-');
                }
                out.appendCodePoint(cp);
                dash = false;
            } else {
                dash = true;
            }
        }
        return out.toString();
    }

    /**
     * The longest slug, in UTF-8 bytes: with {@code .html} added it is still a file name (255 bytes at most on
     * common file systems). Longer ones are cut, and end in a hash of the whole, so that two long tags that
     * start alike keep two pages.
     */
    static final int MAX_BYTES = 250;

    private static String shortened(String slug) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(slug.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
        String suffix = "-" + HexFormat.of().formatHex(hash, 0, 4);
        int budget = MAX_BYTES - suffix.length();
        StringBuilder head = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < slug.length(); ) {
            int cp = slug.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > budget) {
                break;
            }
            head.appendCodePoint(cp);
            bytes += size;
            i += Character.charCount(cp);
        }
        while (head.length() > 0 && head.charAt(head.length() - 1) == '-') {
            head.setLength(head.length() - 1);
        }
        return head + suffix;
    }
}
