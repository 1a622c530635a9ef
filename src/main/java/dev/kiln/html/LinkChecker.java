package dev.kiln.html;

import dev.kiln.output.SiteOutput;
import org.jsoup.parser.Parser;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the internal links, images, stylesheets and scripts of a built site that lead nowhere: to no
 * file (as GitHub Pages resolves paths), or to a {@code #fragment} that names no id of its page. Pages
 * are scanned tag by tag rather than parsed, so that checking a large site costs little; text inside
 * code is escaped and never mistaken for a tag.
 */
public final class LinkChecker {

    private static final Pattern TAG = Pattern.compile(
            "<([a-zA-Z][a-zA-Z0-9-]*)((?:\\s+[^\\s=/>]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s>]+))?)*)\\s*/?>");
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([^\\s=/>]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+)))?");
    /** Comments, and the contents of scripts and styles (their opening tags are kept). */
    private static final Pattern SKIPPED = Pattern.compile("(?s)<!--.*?-->|(<(script|style)\\b[^>]*>).*?</\\2\\s*>",
            Pattern.CASE_INSENSITIVE);

    /** A link that leads nowhere: the page it stands on (output path), the URL as written, and why. */
    public record Broken(String page, String url, String reason) {
        @Override
        public String toString() {
            return page + " -> " + url + (reason.isEmpty() ? "" : " (" + reason + ")");
        }
    }

    /** One link of a page: its URL and where it points (the element and attribute). */
    public record Link(String url, String tag) {}

    private final SiteOutput site;
    private final String basePath;
    private final Map<String, Set<String>> ids = new ConcurrentHashMap<>();

    /** A checker for {@code site} served under {@code basePath} ("" at the root). */
    public LinkChecker(SiteOutput site, String basePath) {
        this.site = site;
        this.basePath = basePath;
    }

    /** Every broken internal link of every HTML page, in page order. */
    public List<Broken> check() {
        List<Broken> broken = new ArrayList<>();
        for (String page : site.files().keySet()) {
            if (page.endsWith(".html")) {
                broken.addAll(check(page));
            }
        }
        return broken;
    }

    /** The broken internal links of one page. */
    public List<Broken> check(String page) {
        List<Broken> broken = new ArrayList<>();
        URI pageUri = URI.create("http://site" + encodePath(basePath + "/" + page));
        for (Link link : links(html(page))) {
            String url = link.url().strip();
            if (url.isEmpty() || url.matches("(?is)(mailto|tel|javascript|data):.*")) {
                continue;
            }
            URI target;
            try {
                target = pageUri.resolve(url.replace(" ", "%20"));
            } catch (IllegalArgumentException e) {
                broken.add(new Broken(page, url, "not a valid URL"));
                continue;
            }
            if (target.getScheme() != null && !"site".equals(target.getHost())) {
                continue; // external
            }
            String path = URLDecoder.decode(target.getRawPath().replace("+", "%2B"), StandardCharsets.UTF_8);
            if (!path.startsWith(basePath + "/")) {
                broken.add(new Broken(page, url, "outside the base path " + basePath));
                continue;
            }
            String file = resolve(path.substring(basePath.length() + 1));
            if (file == null) {
                broken.add(new Broken(page, url, ""));
            } else if (target.getRawFragment() != null && !target.getRawFragment().isEmpty()
                    && file.endsWith(".html")
                    && !idsOf(file).contains(URLDecoder.decode(target.getRawFragment(), StandardCharsets.UTF_8))) {
                broken.add(new Broken(page, url, "no element with id '" + target.getFragment() + "'"));
            }
        }
        return broken;
    }

    /** The file a link to {@code path} reaches: the one served, or {@code path/index.html} after the redirect. */
    public String resolve(String path) {
        String served = site.served(path);
        if (served != null || path.isEmpty() || path.endsWith("/")) {
            return served;
        }
        return site.get(path + "/index.html") != null ? path + "/index.html" : null;
    }

    /** The links of a page: href of a, link and area, src of img, script, source, iframe, video, audio. */
    public static List<Link> links(String html) {
        List<Link> links = new ArrayList<>();
        scan(html, (tag, name, value) -> {
            boolean href = name.equals("href") && (tag.equals("a") || tag.equals("link") || tag.equals("area"));
            boolean src = name.equals("src") && !tag.equals("input");
            if (href || src) {
                links.add(new Link(value, tag));
            }
        });
        return links;
    }

    private Set<String> idsOf(String file) {
        return ids.computeIfAbsent(file, f -> {
            Set<String> found = new HashSet<>();
            scan(html(f), (tag, name, value) -> {
                if (name.equals("id") || (name.equals("name") && tag.equals("a"))) {
                    found.add(value);
                }
            });
            return found;
        });
    }

    private interface AttributeVisitor {
        void visit(String tag, String name, String value);
    }

    private static void scan(String html, AttributeVisitor visitor) {
        String text = SKIPPED.matcher(html).replaceAll(m -> m.group(1) == null ? "" : Matcher.quoteReplacement(m.group(1)));
        Matcher tag = TAG.matcher(text);
        while (tag.find()) {
            String name = tag.group(1).toLowerCase(java.util.Locale.ROOT);
            if (tag.group(2) == null || tag.group(2).isBlank()) {
                continue;
            }
            Matcher attribute = ATTRIBUTE.matcher(tag.group(2));
            while (attribute.find()) {
                String value = attribute.group(2) != null ? attribute.group(2)
                        : attribute.group(3) != null ? attribute.group(3) : attribute.group(4);
                if (value != null) {
                    visitor.visit(name, attribute.group(1).toLowerCase(java.util.Locale.ROOT),
                            Parser.unescapeEntities(value, true));
                }
            }
        }
    }

    private String html(String file) {
        return new String(site.get(file), StandardCharsets.UTF_8);
    }

    private static String encodePath(String path) {
        StringBuilder out = new StringBuilder();
        for (char c : path.toCharArray()) {
            out.append(c == ' ' ? "%20" : c == '%' ? "%25" : c == '#' ? "%23" : c == '?' ? "%3F" : String.valueOf(c));
        }
        return out.toString();
    }
}
