package dev.kiln.jekyll;

import dev.kiln.content.Slugs;
import dev.kiln.index.SiteIndex;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pages jekyll-archives wrote for a site that runs it: which kinds it enabled ({@code tags}, {@code categories},
 * {@code year}, {@code month}, {@code day}), their permalinks (its defaults merged with the site's) and its
 * {@code slug_mode}, by which it names a tag's page ({@code C++} is {@code /tag/c/}).
 */
public record JekyllArchives(Set<String> enabled, Map<String, String> permalinks, String slugMode) {

    /** jekyll-archives' default permalinks, by kind of page. */
    private static final Map<String, String> PERMALINKS = Map.of("year", "/:year/", "month", "/:year/:month/",
            "day", "/:year/:month/:day/", "tag", "/tag/:name/", "category", "/category/:name/");
    private static final List<String> KINDS = List.of("tags", "categories", "year", "month", "day");

    public JekyllArchives {
        enabled = Set.copyOf(enabled);
        permalinks = Map.copyOf(permalinks);
    }

    /**
     * The archives of the site in {@code root}, when it runs jekyll-archives (in {@code plugins:}, {@code gems:} or
     * its Gemfile) with settings in {@code _config.yml}; settings it would not read are a warning.
     */
    public static Optional<JekyllArchives> of(JekyllConfig config, Path root, List<String> warnings) {
        if (!(config.values().get("jekyll-archives") instanceof Map<?, ?> settings)) {
            return Optional.empty();
        }
        if (!runs(config, root)) {
            warnings.add("_config.yml: jekyll-archives settings, but the site does not run the plugin (it is in "
                    + "neither plugins: nor the Gemfile): no archive pages to keep");
            return Optional.empty();
        }
        Object on = settings.get("enabled");
        Set<String> enabled = new LinkedHashSet<>();
        if (Boolean.TRUE.equals(on) || "all".equals(on)) {
            enabled.addAll(KINDS);
        } else if (on instanceof List<?> list) {
            list.forEach(k -> enabled.add(String.valueOf(k)));
        }
        Map<String, String> permalinks = new LinkedHashMap<>(PERMALINKS);
        if (settings.get("permalinks") instanceof Map<?, ?> own) {
            own.forEach((k, v) -> permalinks.put(String.valueOf(k), String.valueOf(v)));
        }
        Object mode = settings.get("slug_mode");
        return Optional.of(new JekyllArchives(enabled, permalinks, mode == null ? null : mode.toString()));
    }

    private static boolean runs(JekyllConfig config, Path root) {
        for (String key : List.of("plugins", "gems")) {
            if (config.values().get(key) instanceof List<?> list && list.contains("jekyll-archives")) {
                return true;
            }
        }
        try {
            Path gemfile = root.resolve("Gemfile");
            return Files.isRegularFile(gemfile) && Files.readString(gemfile).contains("jekyll-archives");
        } catch (IOException e) {
            return false;
        }
    }

    /** Kiln's {@code tag_permalink} for the tag pages jekyll-archives wrote ({@code /tag/:slug/}), or null. */
    public String tagPermalink() {
        String pattern = permalinks.get("tag");
        return enabled.contains("tags") && pattern != null && pattern.contains(":name")
                ? pattern.replace(":name", ":slug").replace(":type", "tag") : null;
    }

    /** The URL jekyll-archives gave the page of {@code tag}. */
    public String tagUrl(String tag) {
        return JekyllUrls.expand(permalinks.get("tag"), Map.of("name", JekyllUrls.slugify(tag, slugMode), "type", "tag"));
    }

    /** What Kiln makes of none of jekyll-archives' pages but its tags' ({@code categories (/category/:name/)}). */
    public List<String> notKept() {
        List<String> out = new ArrayList<>();
        for (String kind : KINDS) {
            String key = kind.equals("tags") ? "tag" : kind.equals("categories") ? "category" : kind;
            if (enabled.contains(kind) && !kind.equals("tags")) {
                out.add(kind + " (" + permalinks.get(key) + ")");
            }
        }
        return out;
    }

    /**
     * The tag pages that Kiln does not write where jekyll-archives did, one for each of its URLs: {@code tags} in the
     * order jekyll-archives wrote their pages (a later one at the same URL replacing an earlier one), Kiln's tag
     * pages at {@code tagPermalink}. A URL that one of its tags keeps in Kiln is no change.
     */
    public List<ImportReport.UrlChange> tagChanges(List<String> tags, String tagPermalink) {
        Map<String, List<String>> byUrl = new LinkedHashMap<>();
        tags.forEach(t -> byUrl.computeIfAbsent(tagUrl(t), u -> new ArrayList<>()).add(t));
        List<ImportReport.UrlChange> changes = new ArrayList<>();
        byUrl.forEach((jekyll, names) -> {
            if (names.stream().noneMatch(t -> Importer.sameUrl(jekyll, SiteIndex.tagRoute(tagPermalink, Slugs.of(t)).url()))) {
                String tag = names.get(names.size() - 1);
                changes.add(new ImportReport.UrlChange("tag '" + tag + "' (jekyll-archives" + (names.size() > 1
                        ? "; also the URL of " + String.join(", ", names.subList(0, names.size() - 1)) : "") + ")",
                        jekyll, SiteIndex.tagRoute(tagPermalink, Slugs.of(tag)).url()));
            }
        });
        return changes;
    }
}
