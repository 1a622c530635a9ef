package dev.kiln.jekyll;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The settings of a Jekyll {@code _config.yml} that an import uses; {@code permalink} is Jekyll's style name or
 * pattern (default {@code date}) and {@code values} holds every key as read.
 */
public record JekyllConfig(String title, String description, String author, String url, String baseurl,
                           String permalink, String timezone, ZoneId zone, Integer paginate, List<String> exclude,
                           List<Map<String, Object>> defaults, Map<String, Object> values) {

    /** The style names Jekyll knows, with the pattern each stands for. */
    static final Map<String, String> STYLES = Map.of(
            "date", "/:categories/:year/:month/:day/:title:output_ext",
            "pretty", "/:categories/:year/:month/:day/:title/",
            "ordinal", "/:categories/:year/:y_day/:title:output_ext",
            "weekdate", "/:categories/:year/W:week/:short_day/:title:output_ext",
            "none", "/:categories/:title:output_ext");

    public JekyllConfig {
        exclude = List.copyOf(exclude);
        defaults = List.copyOf(defaults);
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }

    /** The post URL pattern: the pattern a style name stands for, or the pattern as written. */
    public String postPattern() {
        return STYLES.getOrDefault(permalink, permalink);
    }
}
