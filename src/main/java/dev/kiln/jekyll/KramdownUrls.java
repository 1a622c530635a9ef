package dev.kiln.jekyll;

import dev.kiln.markdown.MarkdownRenderer;

import java.util.BitSet;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the link URLs kramdown took with spaces as CommonMark takes them, in pointy brackets: an inline link's or
 * image's ({@code ![photo](/img/My Photo.png)} → {@code ![photo](</img/My Photo.png>)}), and a link definition's
 * ({@code [r]: /files/a b.pdf "T"} → {@code [r]: </files/a b.pdf> "T"}). Kiln's Markdown would show them as text (a
 * Kiln post with the first is an error). A URL that holds {@code <} or {@code >} gets {@code %20} for each space
 * instead, which needs no escape. Code, raw HTML and Liquid are left as written.
 */
final class KramdownUrls {

    /**
     * A link definition as kramdown 2.4 reads one on a line of its own ({@code LINK_DEFINITION_START}): its id (not a
     * footnote's), then the URL, up to a space before a quoted title; the URL not in pointy brackets already.
     */
    private static final Pattern DEFINITION = Pattern.compile(
            "^( {0,3}\\[(?!\\^)[^\\n\\]]+\\]:[ \\t]*)([^<\\s][^\\n]*?)((?:[ \\t]+([\"']).+?\\4)?[ \\t]*)$");

    private KramdownUrls() {}

    /**
     * {@code text} with its URLs written so: {@code spacedUrls} finds the inline ones (see
     * {@link MarkdownRenderer#spacedUrls}), {@code raw} the offsets of code and raw HTML.
     */
    static String convert(String text, Function<String, List<MarkdownRenderer.Span>> spacedUrls,
                          Function<String, BitSet> raw) {
        String out = inline(text, spacedUrls);
        // Each look is a parse of the page: made only where a definition may have a space in its URL.
        return out.contains("]:") ? definitions(out, raw.apply(out)) : out;
    }

    private static String inline(String text, Function<String, List<MarkdownRenderer.Span>> spacedUrls) {
        if (!text.contains("](")) {
            return text;
        }
        List<MarkdownRenderer.Span> urls = spacedUrls.apply(text);
        if (urls.isEmpty()) {
            return text;
        }
        BitSet liquid = Importer.withLiquid(text, new BitSet());
        StringBuilder out = new StringBuilder(text.length() + 2 * urls.size());
        int done = 0;
        for (MarkdownRenderer.Span url : urls) {
            if (liquid.get(url.start(), url.end()).isEmpty()) {
                out.append(text, done, url.start()).append(written(text.substring(url.start(), url.end())));
                done = url.end();
            }
        }
        return out.append(text, done, text.length()).toString();
    }

    /**
     * The definitions of {@code text} whose URL holds a space, on a line of their own where kramdown reads one: at
     * a block's start (after a blank line, a heading or another definition), outside code and raw HTML.
     */
    private static String definitions(String text, BitSet raw) {
        String[] lines = text.split("\n", -1);
        BitSet liquid = Importer.withLiquid(text, new BitSet());
        StringBuilder out = new StringBuilder(text.length() + 16);
        boolean blockStart = true;
        int offset = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher m = DEFINITION.matcher(line);
            boolean definition = line.contains("]:") && m.matches();
            if (definition && blockStart && !raw.get(offset) && hasSpace(m.group(2))
                    && liquid.get(offset, offset + line.length()).isEmpty()) {
                line = m.group(1) + written(m.group(2)) + m.group(3);
            }
            out.append(line);
            if (i + 1 < lines.length) {
                out.append('\n');
            }
            blockStart = line.isBlank() || definition || line.stripLeading().startsWith("#");
            offset += lines[i].length() + 1;
        }
        return out.toString();
    }

    private static boolean hasSpace(String url) {
        return url.indexOf(' ') >= 0 || url.indexOf('\t') >= 0;
    }

    /** {@code url} in pointy brackets, or with each space and tab percent-encoded when it holds one of them. */
    private static String written(String url) {
        if (url.indexOf('<') >= 0 || url.indexOf('>') >= 0) {
            return url.replace(" ", "%20").replace("\t", "%09");
        }
        return "<" + url + ">";
    }
}
