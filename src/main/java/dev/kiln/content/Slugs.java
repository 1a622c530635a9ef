package dev.kiln.content;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/** URL-safe names for tags and titles: lower case, letters and digits of any script, joined by dashes. */
public final class Slugs {

    private Slugs() {}

    /**
     * {@code "Serverless & AWS"} → {@code serverless-aws}; {@code "Ünïcode Café"} → {@code ünïcode-café};
     * {@code C++} → {@code c-plus-plus}, {@code C#} → {@code c-sharp}.
     * Never empty, never holds {@code /} or {@code ..}: text with no letters or digits gets a hex name.
     */
    public static String of(String text) {
        // A tech blog's C, C++ and C# must not share one tag page.
        String spelled = text.replace("++", " plus plus ").replace("#", " sharp ");
        String normal = Normalizer.normalize(spelled, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
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
        if (out.length() == 0) {
            return "x-" + HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toString();
    }
}
