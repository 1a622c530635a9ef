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
        // A tech blog's C, C++ and C# must not share one tag page.
        String spelled = text.replace("++", " plus plus ").replace("#", " sharp ");
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
        String slug = out.length() > 0 ? out.toString()
                : text.isEmpty() ? "x" : "x-" + HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
        return slug.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES ? slug : shortened(slug);
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
