package dev.kiln.jekyll;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The settings under {@code kramdown:} in a Jekyll {@code _config.yml} that Kiln does not honour, each a warning at
 * its line saying what Kiln does instead. Those the import honours ({@code input}, the heading ids' settings, which
 * {@link HeadingIds} follows, {@code parse_block_html}, {@code math_engine: mathjax}) and those set to Jekyll 4.3's
 * defaults, which are what Kiln does, are not reported.
 */
final class KramdownOptions {

    /** Read by the import: heading ids ({@link HeadingIds}), HTML blocks ({@link KramdownHtml}). */
    private static final List<String> HONOURED = List.of("input", "auto_ids", "auto_id_prefix", "auto_id_stripping",
            "transliterated_header_ids", "parse_block_html", "show_warnings");

    /**
     * Jekyll 4.3's and kramdown's defaults, what Kiln does too, as {@link #normal} writes a parsed value: a list's
     * items joined by commas, no spaces, lower case, YAML 1.1's booleans ({@code no}, {@code Off}) as Ruby read them.
     */
    private static final Map<String, List<String>> DEFAULTS = Map.ofEntries(
            Map.entry("hard_wrap", List.of("false")),
            Map.entry("smart_quotes", List.of("lsquo,rsquo,ldquo,rdquo")),
            Map.entry("entity_output", List.of("as_char")),
            Map.entry("footnote_nr", List.of("1")),
            Map.entry("header_offset", List.of("0")),
            Map.entry("math_engine", List.of("mathjax")),
            Map.entry("parse_span_html", List.of("true")),
            Map.entry("syntax_highlighter", List.of("rouge")),
            Map.entry("guess_lang", List.of("true")),
            Map.entry("gfm_quirks", List.of("paragraph_end")),
            Map.entry("toc_levels", List.of("1,2,3,4,5,6", "1..6")));

    private KramdownOptions() {}

    /**
     * The warnings ({@code _config.yml:LINE: ...}) for the {@code kramdown:} settings of {@code configText} that Kiln
     * does not honour; none when the site's Markdown converter is not kramdown.
     */
    static List<String> warnings(String configText, JekyllConfig config) {
        List<String> warnings = new ArrayList<>();
        Object engine = config.values().getOrDefault("markdown", "kramdown");
        if (configText == null || !(config.values().get("kramdown") instanceof Map<?, ?>)
                || !"kramdown".equalsIgnoreCase(String.valueOf(engine))) {
            return warnings;
        }
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new java.io.StringReader(configText));
        } catch (RuntimeException e) {
            return warnings; // read already: a _config.yml that is no YAML is a problem there
        }
        MappingNode kramdown = root instanceof MappingNode m ? child(m, "kramdown") : null;
        if (kramdown == null) {
            return warnings;
        }
        // Each option's line and text as written; the values compared are the parsed ones (merges resolved).
        Map<String, NodeTuple> written = new java.util.HashMap<>();
        int mergeLine = kramdown.getStartMark().getLine() + 1;
        for (NodeTuple t : kramdown.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode key) {
                if (key.getValue().equals("<<")) {
                    mergeLine = key.getStartMark().getLine() + 1;
                } else {
                    written.putIfAbsent(key.getValue(), t);
                }
            }
        }
        for (Map.Entry<?, ?> e : ((Map<?, ?>) config.values().get("kramdown")).entrySet()) {
            String name = String.valueOf(e.getKey());
            if (name.equals("<<") || HONOURED.contains(name)
                    || DEFAULTS.getOrDefault(name, List.of()).contains(normal(e.getValue()))) {
                continue;
            }
            NodeTuple t = written.get(name);
            int line = t != null ? t.getKeyNode().getStartMark().getLine() + 1 : mergeLine;
            String value = t != null ? text(t.getValueNode()) : String.valueOf(e.getValue());
            warnings.add("_config.yml:" + line + ": kramdown option " + name + ": " + value
                    + " is not carried over: " + instead(name));
        }
        warnings.sort(java.util.Comparator.comparingInt(w -> Integer.parseInt(w.split(":")[1])));
        return warnings;
    }

    /** A parsed value as {@link #DEFAULTS} writes it. */
    private static String normal(Object value) {
        String text = value instanceof List<?> list
                ? String.join(",", list.stream().map(String::valueOf).toList()) : String.valueOf(value);
        text = text.replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT);
        return switch (text) {
            case "yes", "on" -> "true";
            case "no", "off" -> "false";
            default -> text;
        };
    }

    /** What Kiln does instead of the kramdown option {@code name}. */
    private static String instead(String name) {
        return switch (name) {
            case "hard_wrap" -> "Kiln joins a paragraph's lines, as Jekyll's default does (end a line with two "
                    + "spaces or a backslash to break it)";
            case "header_offset" -> "Kiln keeps each heading at the level it is written";
            case "smart_quotes" -> "Kiln's typographic quotes are ‘ ’ “ ”, kramdown's default";
            case "typographic_symbols" -> "Kiln writes kramdown's default symbols (– — … « »)";
            case "toc_levels" -> "Kiln's table of contents lists a page's h2–h6 headings";
            case "math_engine", "math_engine_opts" -> "Kiln writes math as kramdown's default engine (MathJax) does, "
                    + "\\(...\\) in text and \\[...\\] for a block, for a MathJax script in the site's layout";
            case "parse_span_html" -> "Kiln reads the Markdown inside HTML tags in a paragraph";
            case "entity_output" -> "Kiln writes entities as its Markdown does; the page shows the same characters";
            case "footnote_nr" -> "Kiln numbers each page's footnotes from 1";
            case "footnote_backlink", "footnote_backlink_inline", "footnote_prefix" ->
                    "Kiln writes footnotes and their back links its own way";
            case "syntax_highlighter", "syntax_highlighter_opts", "guess_lang", "enable_coderay", "coderay" ->
                    "Kiln highlights code with its own highlighter";
            case "remove_block_html_tags", "remove_span_html_tags", "html_to_native" ->
                    "Kiln keeps HTML as written";
            case "gfm_quirks", "gfm_emojis", "gfm_emoji_opts" -> "Kiln reads Markdown as CommonMark with GFM tables";
            default -> "Kiln's Markdown has no such setting";
        };
    }

    private static MappingNode child(MappingNode map, String key) {
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)
                    && t.getValueNode() instanceof MappingNode m) {
                return m;
            }
        }
        return null;
    }

    /** A value as written: a scalar's text, a sequence or mapping in flow style. */
    private static String text(Node node) {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        if (node instanceof org.yaml.snakeyaml.nodes.SequenceNode seq) {
            List<String> items = new ArrayList<>();
            seq.getValue().forEach(n -> items.add(text(n)));
            return "[" + String.join(", ", items) + "]";
        }
        if (node instanceof MappingNode m) {
            List<String> items = new ArrayList<>();
            m.getValue().forEach(t -> items.add(text(t.getKeyNode()) + ": " + text(t.getValueNode())));
            return "{" + String.join(", ", items) + "}";
        }
        return Objects.toString(node);
    }
}
