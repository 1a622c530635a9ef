package dev.kiln.jekyll;

import dev.kiln.markdown.MarkdownRenderer.SourceHeading;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Keeps the ids Jekyll gave a page's headings, so that links to {@code #fragments} of its pages, from the web too,
 * still lead to their heading: each heading whose Jekyll id Kiln would not give it gets {@code {#id}}. Jekyll's
 * ids are kramdown's, by its input: GFM (Jekyll's default) or kramdown.
 */
public final class HeadingIds {

    /** kramdown-parser-gfm's {@code NON_WORD_RE}: Ruby's {@code \p{Word}} is Java's Unicode {@code \w}. */
    private static final Pattern NON_WORD = Pattern.compile("[^\\w\\- \\t]", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern LEADING_NON_LETTERS = Pattern.compile("^[^a-zA-Z]+", Pattern.MULTILINE);
    private static final Pattern NOT_KRAMDOWN_ID = Pattern.compile("[^a-zA-Z0-9 -]");
    /** kramdown's {@code {#id}} at the end of a heading: an XML name. */
    private static final Pattern OWN_ID = Pattern.compile("[\\t ]\\{#[\\p{L}_:][\\p{L}\\p{M}\\p{Nd}_:.\\-\u00b7]*}$");
    /** Passes at most: a pinned id can free an id that a later heading then takes in Kiln. */
    private static final int PASSES = 4;

    private HeadingIds() {}

    /** How a site's Markdown converter made its heading ids. */
    enum Input {
        /** kramdown with kramdown-parser-gfm (Jekyll's default): the heading's text, word characters kept. */
        GFM,
        /** kramdown's own input: the heading as written, ASCII letters, digits and dashes kept. */
        KRAMDOWN,
        /** No ids, or ids Kiln does not know how to make (another converter, transliterated ids). */
        NONE
    }

    /** The ids a Jekyll site's headings have: made from its input, each with the prefix. */
    record Rule(Input input, String prefix, boolean stripping) {

        /** The rule of {@code config}'s {@code markdown} and {@code kramdown} settings. */
        static Rule of(JekyllConfig config) {
            Object engine = config.values().getOrDefault("markdown", "kramdown");
            Map<?, ?> kramdown = config.values().get("kramdown") instanceof Map<?, ?> m ? m : Map.of();
            String input = String.valueOf(kramdown.get("input") == null ? "GFM" : kramdown.get("input"));
            Object prefix = kramdown.get("auto_id_prefix");
            boolean stripping = Boolean.TRUE.equals(kramdown.get("auto_id_stripping"));
            if (!"kramdown".equalsIgnoreCase(String.valueOf(engine)) || Boolean.FALSE.equals(kramdown.get("auto_ids"))) {
                return new Rule(Input.NONE, "", false);
            }
            if (input.equals("GFM")) {
                return new Rule(Input.GFM, prefix == null ? "" : prefix.toString(), true);
            }
            if (input.equalsIgnoreCase("kramdown") && !Boolean.TRUE.equals(kramdown.get("transliterated_header_ids"))) {
                return new Rule(Input.KRAMDOWN, prefix == null ? "" : prefix.toString(), stripping);
            }
            return new Rule(Input.NONE, "", false);
        }
    }

    /**
     * {@code markdown} with {@code {#id}} added to each heading whose id under {@code rule} Kiln would not give
     * it; {@code headings} lists a text's headings as Kiln reads them.
     */
    static String pin(String markdown, Rule rule, Function<String, List<SourceHeading>> headings) {
        if (rule.input() == Input.NONE) {
            return markdown;
        }
        List<SourceHeading> found = headings.apply(markdown);
        List<String> ids = ids(found, rule); // Jekyll's, from the text as Jekyll read it
        boolean[] pinned = new boolean[found.size()];
        String text = markdown;
        for (int pass = 0; pass < PASSES; pass++) {
            StringBuilder out = new StringBuilder(text);
            boolean changed = false;
            for (int i = found.size() - 1; i >= 0; i--) {
                String id = ids.get(i);
                if (id != null && !id.isEmpty() && !pinned[i] && !found.get(i).anchored() && !id.equals(found.get(i).id())) {
                    out.insert(found.get(i).end(), " {#" + id + "}");
                    pinned[i] = changed = true;
                }
            }
            if (!changed) {
                break;
            }
            text = out.toString();
            found = headings.apply(text);
            if (found.size() != ids.size()) {
                return markdown; // not the headings Jekyll's ids were counted on: leave the text as Jekyll read it
            }
        }
        return text;
    }

    /** The id Jekyll gave each of {@code headings} under {@code rule}, in order; null for one with its own id. */
    static List<String> ids(List<SourceHeading> headings, Rule rule) {
        List<String> ids = new ArrayList<>();
        Map<String, Integer> used = new HashMap<>();
        for (SourceHeading h : headings) {
            if (ownId(h)) {
                ids.add(null);
                continue;
            }
            String id;
            if (rule.input() == Input.GFM) {
                // kramdown-parser-gfm: the count starts at -1, so the second "x" is "x-1".
                id = gfm(h.text());
                int n = used.merge(id, 1, Integer::sum) - 1;
                id = n > 0 ? id + "-" + n : id;
            } else {
                // kramdown's converter: the first "x" is kept with 0, each later one counts up.
                // With auto_id_stripping, kramdown's own parser takes only the text: no code, entities or quotes.
                id = kramdown(rule.stripping() ? h.plainText() : h.source());
                Integer n = used.get(id);
                used.put(id, n == null ? 0 : n + 1);
                id = n == null ? id : id + "-" + (n + 1);
            }
            ids.add(rule.prefix() + id);
        }
        return ids;
    }

    /**
     * Whether kramdown gives {@code h} an id of its own: {@code {#id}} ending it (read before the closing {@code #}s
     * are taken off, so not in a closed ATX heading), an attribute list on the next line, or one with an id on the
     * line before, after a blank line (kramdown gives such a list to the block below it).
     */
    private static boolean ownId(SourceHeading h) {
        return h.attributeListOfItsOwn() || !h.closed() && OWN_ID.matcher(h.source()).find();
    }

    /** kramdown-parser-gfm's id of a heading's text (before numbering): lower case, word characters, dashes. */
    static String gfm(String text) {
        return NON_WORD.matcher(lowerCase(text)).replaceAll("").replace(' ', '-').replace('\t', '-');
    }

    /** kramdown's id of a heading as written (before numbering): leading non-letters dropped, a-z 0-9 and dashes. */
    static String kramdown(String heading) {
        String id = NOT_KRAMDOWN_ID.matcher(LEADING_NON_LETTERS.matcher(heading).replaceAll("")).replaceAll("")
                .replace(' ', '-').toLowerCase(Locale.ROOT);
        return id.isEmpty() ? "section" : id;
    }

    /** Ruby's {@code downcase}: Unicode's full lower case, without the final sigma's context that Java applies. */
    private static String lowerCase(String text) {
        return text.replace('Σ', 'σ').toLowerCase(Locale.ROOT);
    }
}
