package dev.kiln.jekyll;

import dev.kiln.error.Position;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
            Map.entry("footnote_backlink", List.of("&#8617;", "&#x21a9;", "\u21a9")),
            Map.entry("footnote_backlink_inline", List.of("false")),
            Map.entry("footnote_prefix", List.of("", "null")),
            Map.entry("footnote_link_text", List.of("%s")),
            Map.entry("header_offset", List.of("0")),
            Map.entry("math_engine", List.of("mathjax")),
            Map.entry("parse_span_html", List.of("true")),
            Map.entry("syntax_highlighter", List.of("rouge")),
            Map.entry("guess_lang", List.of("true")),
            Map.entry("gfm_quirks", List.of("paragraph_end")),
            Map.entry("toc_levels", List.of("1,2,3,4,5,6", "1..6")));

    private KramdownOptions() {}

    /**
     * The warnings ({@code _config.yml:LINE: ...}) for the {@code kramdown:} settings of {@code config} that Kiln
     * does not honour, at the line of each key (a merged one at its {@code <<}); none when the site's Markdown
     * converter is not kramdown.
     */
    static List<String> warnings(JekyllConfig config) {
        Object engine = config.values().getOrDefault("markdown", "kramdown");
        if (!(config.values().get("kramdown") instanceof Map<?, ?> options)
                || !"kramdown".equalsIgnoreCase(String.valueOf(engine))) {
            return List.of();
        }
        Position kramdown = config.keyPositions().getOrDefault("kramdown", Position.START);
        List<Map.Entry<Position, String>> warnings = new ArrayList<>();
        for (Map.Entry<?, ?> e : options.entrySet()) {
            String name = String.valueOf(e.getKey());
            if (name.equals("<<") || HONOURED.contains(name)
                    || DEFAULTS.getOrDefault(name, List.of()).contains(normal(e.getValue()))) {
                continue;
            }
            Object value = e.getValue();
            String carried = "";
            if (name.equals("syntax_highlighter_opts") && blockLineNumbers(value)) {
                value = withoutBlockLineNumbers((Map<?, ?>) value);
                if (((Map<?, ?>) value).isEmpty()) {
                    continue;
                }
                carried = "; its block.line_numbers: true is, as site.yml's line_numbers: true (every fenced code "
                        + "block's lines numbered)";
            }
            Position at = config.keyPositions().getOrDefault("kramdown." + name, kramdown);
            warnings.add(Map.entry(at, "_config.yml:" + at.line() + ": kramdown option " + name + ": "
                    + written(value) + " is not carried over: " + instead(name) + carried));
        }
        warnings.sort(Map.Entry.comparingByKey(java.util.Comparator.comparingInt(Position::line)));
        return warnings.stream().map(Map.Entry::getValue).toList();
    }

    /**
     * Whether the kramdown of {@code config} numbers every code block's lines
     * ({@code syntax_highlighter_opts: {block: {line_numbers: true}}}, as Chirpy's does): site.yml's
     * {@code line_numbers: true}.
     */
    static boolean lineNumbers(JekyllConfig config) {
        Object engine = config.values().getOrDefault("markdown", "kramdown");
        return config.values().get("kramdown") instanceof Map<?, ?> options
                && "kramdown".equalsIgnoreCase(String.valueOf(engine))
                && blockLineNumbers(options.get("syntax_highlighter_opts"));
    }

    /** Whether {@code opts}, kramdown's {@code syntax_highlighter_opts}, number the lines of code blocks. */
    private static boolean blockLineNumbers(Object opts) {
        return opts instanceof Map<?, ?> map && map.get("block") instanceof Map<?, ?> block
                && block.containsKey("line_numbers") && normal(block.get("line_numbers")).equals("true");
    }

    /** {@code opts} without its {@code block.line_numbers}, and without {@code block} when that was all it held. */
    private static Map<?, ?> withoutBlockLineNumbers(Map<?, ?> opts) {
        Map<Object, Object> rest = new java.util.LinkedHashMap<>(opts);
        Map<Object, Object> block = new java.util.LinkedHashMap<>((Map<?, ?>) opts.get("block"));
        block.remove("line_numbers");
        if (block.isEmpty()) {
            rest.remove("block");
        } else {
            rest.put("block", block);
        }
        return rest;
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

    /**
     * Whether {@code value}, written in a page's {@code {::options}}, is Jekyll 4.3's default for the kramdown option
     * {@code name}: what Kiln does too.
     */
    static boolean isDefault(String name, String value) {
        return DEFAULTS.getOrDefault(name, List.of()).contains(normal(value));
    }

    /** What Kiln does instead of the kramdown option {@code name}. */
    static String instead(String name) {
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
            case "footnote_backlink" -> "Kiln writes kramdown's default back link, \u21a9 (&#8617;)";
            case "footnote_backlink_inline" -> "Kiln puts a note's back link at the end of its last paragraph when "
                    + "the note ends with one, else in a paragraph of its own, as kramdown does by default";
            case "footnote_prefix" -> "Kiln's footnote ids are kramdown's default, fn:NAME and fnref:NAME, without "
                    + "the prefix (links to the prefixed ids find no note)";
            case "footnote_link_text" -> "Kiln's footnote references show the note's number, kramdown's default";
            case "syntax_highlighter", "syntax_highlighter_opts", "guess_lang", "enable_coderay", "coderay" ->
                    "Kiln highlights code with its own highlighter";
            case "remove_block_html_tags", "remove_span_html_tags", "html_to_native" ->
                    "Kiln keeps HTML as written";
            case "gfm_quirks", "gfm_emojis", "gfm_emoji_opts" -> "Kiln reads Markdown as CommonMark with GFM tables";
            default -> "Kiln's Markdown has no such setting";
        };
    }

    /** A parsed value as YAML's flow style writes it: {@code [a, b]}, {@code {key: value}}. */
    private static String written(Object value) {
        if (value instanceof List<?> list) {
            return "[" + String.join(", ", list.stream().map(KramdownOptions::written).toList()) + "]";
        }
        if (value instanceof Map<?, ?> map) {
            List<String> items = new ArrayList<>();
            map.forEach((k, v) -> items.add(written(k) + ": " + written(v)));
            return "{" + String.join(", ", items) + "}";
        }
        return String.valueOf(value);
    }
}
