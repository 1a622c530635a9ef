package dev.kiln.jekyll;

import dev.kiln.content.Slugs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tag URLs a Jekyll site used ({@code permalink}: a Kiln {@code tag_permalink} such as {@code /tag/:slug/}, or
 * null when the site had none) and the slugs of the tags its posts carry, which Kiln will give pages.
 */
public record TagPages(String permalink, Set<String> slugs) {

    private static final Pattern TAG_PAGE = Pattern.compile("(tags?)/([^/]+?)(/index)?\\.(html|md|markdown)");
    private static final Pattern TAG_LINK = Pattern.compile(
            "(?:\\(|[\"'])(?:\\{\\{\\s*site\\.baseurl\\s*}})?/(tags?)/[^/\\s\"')#]+/");

    public TagPages {
        slugs = Set.copyOf(slugs);
    }

    /**
     * The pattern of the tag pages jekyll-archives wrote ({@code /tag/:name/}), else of hand-made tag pages
     * ({@code tag/aws/index.html}), else of tag links in posts and pages.
     */
    public static TagPages of(JekyllSite site, List<JekyllFile> posts, java.util.Optional<JekyllArchives> archives) {
        Set<String> slugs = new HashSet<>();
        for (JekyllFile post : posts) {
            tags(post).forEach(t -> slugs.add(Slugs.of(t)));
        }
        String archived = archives.map(JekyllArchives::tagPermalink).orElse(null);
        return new TagPages(archived != null ? archived : pattern(site, posts), slugs);
    }

    /** The tags of {@code post}, as written. */
    static List<String> tags(JekyllFile post) {
        var v = post.yaml().values();
        return JekyllUrls.words(v.containsKey("tags") ? v.get("tags") : v.get("tag"));
    }

    private static String pattern(JekyllSite site, List<JekyllFile> posts) {
        for (JekyllFile page : site.pages()) {
            Matcher m = TAG_PAGE.matcher(page.path());
            if (m.matches() && !m.group(2).equals("index")) {
                String url = JekyllUrls.unescape(JekyllUrls.page(page, site.config()));
                String name = m.group(2);
                int at = url.lastIndexOf("/" + name);
                if (at >= 0) {
                    return url.substring(0, at + 1) + ":slug" + url.substring(at + 1 + name.length());
                }
            }
        }
        List<JekyllFile> texts = new ArrayList<>(site.pages());
        texts.addAll(posts);
        for (JekyllFile f : texts) {
            Matcher m = TAG_LINK.matcher(f.body());
            if (m.find()) {
                return "/" + m.group(1) + "/:slug/";
            }
        }
        return null;
    }

    /** The URL of Kiln's index of tags: the folder of the tag pages. */
    public String indexUrl() {
        return permalink == null ? "/tags/" : permalink.substring(0, permalink.indexOf(":slug"));
    }

    /** True when Kiln will write a page at {@code url}, where the Jekyll site had the hand-made {@code page}. */
    public boolean generates(JekyllFile page, String url) {
        if (slugs.isEmpty()) {
            return false;
        }
        if (url.equals(indexUrl())) {
            return true;
        }
        Matcher m = TAG_PAGE.matcher(page.path());
        if (permalink == null || !m.matches() || m.group(2).equals("index")) {
            return false;
        }
        String slug = Slugs.of(m.group(2));
        return slugs.contains(slug) && Importer.sameUrl(url, permalink.replace(":slug", slug));
    }
}
