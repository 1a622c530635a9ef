package dev.kiln.layout;

import dev.kiln.config.SiteConfig;
import dev.kiln.content.Route;
import dev.kiln.content.Slugs;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.NodeVisitorFactory;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;

/**
 * Kiln's filters for layouts: {@code slugify}, {@code absolute_url}, {@code relative_url}, {@code xmlschema},
 * {@code json}; and the tracking of the layout line an error is met at.
 */
final class KilnExtension extends AbstractExtension {

    private final SiteConfig config;
    private final Outlines outlines;

    /** Kiln's filters with {@code config}'s URLs; each layout's outline kept in {@code outlines} as it compiles. */
    KilnExtension(SiteConfig config, Outlines outlines) {
        this.config = config;
        this.outlines = outlines;
    }

    /**
     * Each layout's outline is kept, and a block defined twice or text outside the blocks refused ({@link Outlines});
     * a layout that prints a page's HTML escaped does not compile ({@link HtmlPrintedAsText}); {@code is not null}
     * tests a key of {@code params} that a page lacks ({@link OptionalParams}); every error met while a layout renders
     * is placed at its own layout's line ({@link LineTracking}).
     */
    @Override
    public List<NodeVisitorFactory> getNodeVisitors() {
        return List.of(outlines, new HtmlPrintedAsText(), new OptionalParams(), new LineTracking());
    }

    /** Pebble's include, stopped when includes nest too deep ({@link IncludeDepth}). */
    @Override
    public List<io.pebbletemplates.pebble.tokenParser.TokenParser> getTokenParsers() {
        return List.of(new IncludeDepth());
    }

    @Override
    public Map<String, Filter> getFilters() {
        return Map.of(
                "slugify", new OneArgument(input -> Slugs.of(input.toString())),
                // Root-relative URLs get the base path added to the whole page later, so this only
                // makes a URL root-relative.
                "relative_url", new OneArgument(input -> rootRelative(input.toString())),
                "absolute_url", new OneArgument(input -> Route.hasScheme(input.toString())
                        ? input.toString() : config.rootUrl() + rootRelative(input.toString())),
                "xmlschema", new OneArgument(input -> input instanceof TemporalAccessor t
                        ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t) : input.toString()),
                // A JSON string, safe inside <script>: print it with | raw.
                "json", new OneArgument(input -> json(input.toString())));
    }

    /** {@code text} as a JSON string literal; {@code <}, {@code >} and {@code &} escaped so no tag can end a script. */
    static String json(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<', '>', '&', '\u2028', '\u2029' -> unicodeEscape(out, c);
                default -> {
                    if (c < ' ') {
                        unicodeEscape(out, c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** {@code \\u} and the four lower-case hex digits of {@code c}. */
    private static void unicodeEscape(StringBuilder out, char c) {
        out.append("\\u");
        for (int shift = 12; shift >= 0; shift -= 4) {
            out.append(Character.forDigit((c >> shift) & 0xF, 16));
        }
    }

    private static String rootRelative(String url) {
        return url.startsWith("/") || Route.hasScheme(url) ? url : "/" + url;
    }

    /** A filter of its input alone; null stays null. */
    private record OneArgument(java.util.function.Function<Object, Object> body) implements Filter {
        @Override
        public List<String> getArgumentNames() {
            return List.of();
        }

        @Override
        public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                            int lineNumber) {
            return input == null ? null : body.apply(input);
        }
    }
}
