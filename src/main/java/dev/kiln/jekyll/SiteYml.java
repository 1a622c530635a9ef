package dev.kiln.jekyll;

import dev.kiln.content.YamlText;
import dev.kiln.content.Permalinks;

import java.util.List;

/** Writes Kiln's {@code site.yml} from a Jekyll {@code _config.yml}, noting what cannot be carried over. */
public final class SiteYml {

    private SiteYml() {}

    /** The text of {@code site.yml}; what Kiln cannot take is added to {@code warnings}. */
    public static String of(JekyllConfig c, String tagPermalink, List<String> warnings) {
        return of(c, new Choices(tagPermalink, List.of(), null, null, null), warnings);
    }

    /**
     * What the import chose for {@code site.yml} beyond {@code _config.yml}'s settings: the tag URL pattern the
     * site used, the hidden files and folders Jekyll published ({@code include}), Jekyll's {@code paginate_path}
     * when the post list lived in a folder of its own, where Kiln's archive goes when a page of the site has
     * its URL, and the path of the site's feed when a hand-made one was there ({@code /atom.xml}); each null or
     * empty when not needed.
     */
    public record Choices(String tagPermalink, List<String> include, String paginatePath, String archivePermalink,
                          String feedPath) {
        public Choices {
            include = List.copyOf(include);
        }
    }

    /** The text of {@code site.yml} with the import's {@code choices}; what Kiln cannot take is added to {@code warnings}. */
    public static String of(JekyllConfig c, Choices choices, List<String> warnings) {
        String tagPermalink = choices.tagPermalink();
        List<String> include = choices.include();
        StringBuilder y = new StringBuilder("# Imported from Jekyll's _config.yml by kiln import jekyll.\n");
        line(y, "title", c.title());
        line(y, "description", c.description());
        line(y, "author", c.author());
        String url = trimSlash(c.url());
        String baseurl = trimSlash(c.baseurl());
        if (!url.isEmpty()) {
            line(y, "base_url", url + baseurl);
        } else if (!baseurl.isEmpty()) {
            warnings.add("_config.yml: baseurl '" + baseurl + "' without url: Kiln needs an absolute base_url; "
                    + "set base_url in site.yml or build with --base-url");
        }
        line(y, "timezone", c.timezone());
        Object lang = c.values().get("lang");
        line(y, "language", lang == null ? null : lang.toString());
        // Jekyll's default ends an excerpt at the first blank line (the first paragraph), where Kiln's default
        // would end it at a <!--more--> further down.
        String separator = c.values().get("excerpt_separator") == null ? "\n\n"
                : c.values().get("excerpt_separator").toString();
        line(y, "excerpt_separator", separator);
        if (!separator.isBlank() && !separator.strip().matches("(?s)<!--.*-->")) {
            warnings.add("_config.yml: excerpt_separator '" + separator + "' is not an HTML comment: Kiln ends an "
                    + "excerpt only at a comment, so each excerpt is its post's first paragraph; write <!--more--> "
                    + "in the posts instead, and excerpt_separator: \"<!--more-->\" in site.yml");
        }
        if (Permalinks.unknownPlaceholder(c.permalink()) != null || c.permalink().equals("weekdate")) {
            warnings.add("_config.yml: permalink '" + c.permalink() + "' uses placeholders Kiln lacks: "
                    + "site.yml keeps Kiln's default; see the URL table");
        } else {
            line(y, "permalink", c.permalink());
        }
        if (c.paginate() != null && c.paginate() > 0) {
            y.append("paginate: ").append(c.paginate()).append('\n');
            if (choices.paginatePath() == null) {
                dev.kiln.error.Position at = c.keyPositions().getOrDefault("paginate_path",
                        c.keyPositions().getOrDefault("paginate", dev.kiln.error.Position.START));
                warnings.add("_config.yml:" + at.line() + ":" + at.column() + ": home pages 2, 3, ... move from "
                        + "Jekyll's " + Redirects.jekyllPageUrl(c, 2) + ", " + Redirects.jekyllPageUrl(c, 3)
                        + ", ... to Kiln's /page/2/, /page/3/, ...; a redirect page is written at each old URL, so "
                        + "links to them keep working");
            }
        }
        line(y, "paginate_path", choices.paginatePath());
        line(y, "archive_permalink", choices.archivePermalink());
        line(y, "tag_permalink", tagPermalink);
        if (KramdownOptions.lineNumbers(c)) {
            // kramdown's syntax_highlighter_opts.block.line_numbers: Jekyll numbered every fenced code block.
            y.append("line_numbers: true\n");
        }
        if (List.of("plugins", "gems").stream().anyMatch(k -> c.values().get(k) instanceof List<?> l && l.contains("jemoji"))) {
            // jemoji's :smile: codes, in the text only (jemoji left code and attributes alone): Kiln writes them as the
            // emoji's characters, where jemoji wrote GitHub's images.
            y.append("# jemoji: :smile: codes in the text are emoji (characters, where jemoji wrote images; code is left "
                    + "as written)\nemoji: text\n");
        }
        if (Boolean.TRUE.equals(c.values().get("future"))) {
            // Jekyll published the posts dated after its build: so does Kiln.
            y.append("future: true\n");
        }
        // jekyll-feed's feed.path: where the blog's subscribers' readers fetch its feed.
        if (c.values().get("feed") instanceof java.util.Map<?, ?> feed && feed.get("path") instanceof String path
                && !path.isBlank()) {
            y.append("feed:\n  path: ").append(YamlText.quote(path.startsWith("/") ? path : "/" + path)).append('\n');
        } else if (choices.feedPath() != null) {
            y.append("feed:\n  path: ").append(YamlText.quote(choices.feedPath())).append('\n');
        }
        if (!include.isEmpty()) {
            y.append("include:\n");
            include.forEach(e -> y.append("  - ").append(YamlText.quote(e)).append('\n'));
        }
        if (!c.exclude().isEmpty()) {
            y.append("# exclude (applied during the import): ").append(String.join(", ", c.exclude())).append('\n');
        }
        return y.toString();
    }

    private static void line(StringBuilder y, String key, String value) {
        if (value != null && !value.isEmpty()) {
            y.append(key).append(": ").append(YamlText.quote(value)).append('\n');
        }
    }

    /** {@code https://me.github.io/} → {@code https://me.github.io}; null → "". */
    static String trimSlash(String s) {
        String t = s == null ? "" : s.trim();
        return t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
    }
}
