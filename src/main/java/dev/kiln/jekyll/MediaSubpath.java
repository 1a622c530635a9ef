package dev.kiln.jekyll;

import dev.kiln.markdown.MarkdownRenderer;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Chirpy theme's {@code media_subpath} (Chirpy 7; {@code img_path} in Chirpy 5 and 6), the folder a post's or
 * page's images are named from. Chirpy's {@code media-url.html} puts it in front of the URL of each image of the
 * page, of its cover ({@code image}, {@code image.path}) and of its {@code og:image}, unless the URL holds a {@code :}
 * or a {@code //} (another site's, a {@code data:} one): {@code [media_subpath/]file.ext}, its slashes collapsed, a
 * path from the site root too ({@code /a.png} with {@code /img/post} is {@code /img/post/a.png}). Kiln has no such
 * key: the import writes each such URL as the path Chirpy made of it, and drops the key.
 */
final class MediaSubpath {

    /** The keys, Chirpy 7's first: a page with both is read as Chirpy 7 reads it. */
    static final List<String> KEYS = List.of("media_subpath", "img_path");

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");
    /** An {@code <img>} tag's {@code src}, in double quotes, single quotes or none. */
    private static final Pattern IMG_SRC = Pattern.compile(
            "<img\\b[^>]*?\\ssrc\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`]+))", Pattern.CASE_INSENSITIVE);
    /** What a Markdown destination or an HTML attribute cannot hold as it is, in a subpath (a space, a quote). */
    private static final String ENCODED = " \t\"'<>()&";

    private MediaSubpath() {}

    /** Whether {@code body}'s Liquid names a subpath key ({@code {{ page.img_path }}}), which the import leaves as it is. */
    static boolean namedInLiquid(String body) {
        return body != null && KEYS.stream().anyMatch(key -> body.contains("page." + key));
    }

    /** The subpath a page's front matter {@code values} (defaults applied) names, or null when it names none. */
    static String of(Map<String, Object> values) {
        Object value = values.get(KEYS.get(0)) != null ? values.get(KEYS.get(0)) : values.get(KEYS.get(1));
        if (value == null || value instanceof Map || value instanceof List || value.toString().isBlank()) {
            return null;
        }
        return value.toString().strip();
    }

    /**
     * The URL that the image URL {@code src} led to on the Chirpy site with {@code subpath}, or null when Chirpy left
     * it as it was (another site's, {@code data:}, Liquid).
     */
    static String url(String subpath, String src) {
        if (src.isEmpty() || src.indexOf(':') >= 0 || src.contains("//") || src.contains("{{") || src.contains("{%")) {
            return null;
        }
        return prefix(subpath) + "/" + src.replaceFirst("^/+", "");
    }

    /**
     * {@code body} with the URL of each of its images written as the one Chirpy made of it with {@code subpath}:
     * Markdown's images (inline or by reference) and the {@code <img>} tags of its raw HTML when {@code markdown}, else
     * ({@code markdown} false, an HTML page) every {@code <img>} tag.
     */
    static String body(String body, String subpath, MarkdownRenderer renderer, boolean markdown) {
        String prefix = dev.kiln.content.Route.encodeChars(prefix(subpath), ENCODED);
        String out = markdown ? renderer.rewriteImageUrls(body, written -> written(prefix, written)) : body;
        if (!out.toLowerCase(java.util.Locale.ROOT).contains("<img")) {
            return out;
        }
        BitSet html = markdown ? renderer.html(out) : null;
        Matcher m = IMG_SRC.matcher(out);
        StringBuilder rewritten = new StringBuilder(out.length() + 64);
        int done = 0;
        while (m.find()) {
            int group = m.group(1) != null ? 1 : m.group(2) != null ? 2 : 3;
            if (html != null && !html.get(m.start())) {
                continue; // in code or text: shown as written
            }
            String changed = written(prefix, m.group(group));
            rewritten.append(out, done, m.start(group)).append(changed);
            done = m.end(group);
        }
        return rewritten.append(out, done, out.length()).toString();
    }

    /** {@code src} as written, with the (encoded) {@code prefix} in front where Chirpy put it. */
    private static String written(String prefix, String src) {
        String plain = src.strip();
        return url("/", plain) == null ? src : prefix + "/" + plain.replaceFirst("^/+", "");
    }

    /** {@code subpath} as the start of a URL: its slashes collapsed (not a scheme's), none at its end. */
    private static String prefix(String subpath) {
        Matcher scheme = SCHEME.matcher(subpath);
        String head = scheme.lookingAt() ? scheme.group() : "";
        String path = subpath.substring(head.length()).replaceAll("/{2,}", "/");
        return head + (path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
    }
}
