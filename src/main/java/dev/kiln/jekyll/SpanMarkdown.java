package dev.kiln.jekyll;

import dev.kiln.markdown.MarkdownRenderer;

import java.util.BitSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text-level Markdown as kramdown reads a table's cell or the content of an HTML element it reads as text
 * ({@code p}, {@code h2}, {@code markdown="span"}): emphasis, code, links and the like, and no blocks, so that a
 * {@code #}, {@code 1.}, {@code -}, {@code >} or {@code ---} at the start of a line is text: each line's
 * indentation is taken out and the first character of a line that would start a block backslash-escaped (Markdown
 * shows {@code \#} as {@code #}); trailing spaces stay, a hard break. The page's link reference definitions and
 * abbreviations are given to each snippet, as kramdown reads them for the whole page.
 */
final class SpanMarkdown {

    /** A line that would start a block (its indentation taken out): its first character is escaped. */
    private static final Pattern BLOCK_START = Pattern.compile("#.*|>.*|[-+*](?:[ \\t].*)?|`{3,}[^`]*|~{3,}.*"
            + "|=+[ \\t]*|-+[ \\t]*|([-*_])[ \\t]*(?:\\1[ \\t]*){2,}|[|:]?[ \\t]*-[-|: \\t]*[|:][-|: \\t]*"
            + "|\\[[^\\]]+]:.*|\\*\\[[^\\]]+]:.*");
    /** A setext underline or thematic break of dashes alone. */
    private static final Pattern DASHES = Pattern.compile("-{2,}[ \\t]*");
    /** An ordered list item's marker: its {@code .} or {@code )} is escaped. */
    private static final Pattern ORDERED = Pattern.compile("\\d{1,9}([.)])(?:[ \\t]|$)");
    /** A link reference definition or an abbreviation definition, on one line. */
    private static final Pattern DEFINITION =
            Pattern.compile("(?m)^ {0,3}(?:\\[(?!\\^)(?:\\\\.|[^\\]\\\\])+]:[ \\t]*\\S.*|\\*\\[[^\\]]+]:.*)$");
    /** A footnote reference, which a snippet rendered alone cannot number. */
    private static final Pattern FOOTNOTE = Pattern.compile("\\[\\^[^\\]\\s]+]");

    private final MarkdownRenderer markdown;
    private final Function<String, BitSet> rawOf;
    private final String definitions;

    /** Renders snippets of {@code page}, whose definitions they get; {@code rawOf} gives a text's code and raw HTML. */
    SpanMarkdown(MarkdownRenderer markdown, Function<String, BitSet> rawOf, String page) {
        this.markdown = markdown;
        this.rawOf = rawOf;
        StringBuilder found = new StringBuilder();
        if (page.contains("]:")) {
            BitSet raw = rawOf.apply(page);
            Matcher m = DEFINITION.matcher(page);
            while (m.find()) {
                if (!raw.get(m.start() + m.group().length() - m.group().stripLeading().length())) {
                    found.append(m.group().strip()).append('\n');
                }
            }
        }
        this.definitions = found.toString();
    }

    /** Whether {@code text} has a footnote reference (outside code): its snippet cannot be rendered alone. */
    boolean hasFootnote(String text) {
        if (!text.contains("[^")) {
            return false;
        }
        BitSet raw = rawOf.apply(text);
        Matcher m = FOOTNOTE.matcher(text);
        while (m.find()) {
            if (!raw.get(m.start())) {
                return true;
            }
        }
        return false;
    }

    /** The HTML of {@code text} read as text-level Markdown, without a paragraph around it. */
    String html(String text) {
        // Each line without its indentation (a continuation line's is nothing to Markdown; 4 spaces would be code),
        // its trailing spaces kept (two are a hard break) unless a blank line, left out, follows it.
        String[] lines = text.strip().split("\n", -1);
        StringBuilder joined = new StringBuilder(text.length() + 16);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            boolean blankAfter = i + 1 < lines.length && lines[i + 1].isBlank();
            joined.append(blankAfter ? lines[i].strip() : lines[i].stripLeading()).append('\n');
        }
        // Math first, as in text (never a block: the x before the first line is taken out again), then the lines
        // that would start a block escaped: the formulas' punctuation is escaped already.
        String snippet = escapeBlockStarts(KramdownMath.convert("x" + joined, rawOf).substring(1));
        String html = markdown.render(definitions.isEmpty() ? snippet : snippet + "\n" + definitions).strip();
        if (html.startsWith("<p>") && html.endsWith("</p>") && !html.substring(3).contains("<p>")) {
            html = html.substring(3, html.length() - 4);
        }
        return html;
    }

    /**
     * {@code lines} with the first character of each line that would start a block (a heading, quote, list item,
     * fence, setext underline, thematic break, table separator or definition) backslash-escaped, which Markdown
     * shows as the character alone; lines that start in code or raw HTML are left as they are.
     */
    private String escapeBlockStarts(String lines) {
        BitSet raw = null;
        StringBuilder out = new StringBuilder(lines.length() + 8);
        int at = 0;
        for (String line : lines.split("\n", -1)) {
            int escape = blockStart(line);
            if (escape >= 0) {
                raw = raw != null ? raw : rawOf.apply(lines);
                if (raw.get(at)) {
                    escape = -1;
                }
            }
            if (escape >= 0 && DASHES.matcher(line).matches()) {
                // \--- would show a dash and an en dash: the dashes are written as the typography kramdown made of them.
                out.append(line.stripTrailing().replace("---", "\u2014").replace("--", "\u2013"))
                        .append(line, line.stripTrailing().length(), line.length());
            } else if (escape >= 0) {
                out.append(line, 0, escape).append('\\').append(line, escape, line.length());
            } else {
                out.append(line);
            }
            out.append('\n');
            at += line.length() + 1;
        }
        out.setLength(out.length() - 1);
        return out.toString();
    }

    /** Where the character to escape is in {@code line} (no indentation) if it would start a block; -1 if not. */
    private static int blockStart(String line) {
        if (line.isEmpty()) {
            return -1;
        }
        Matcher ordered = ORDERED.matcher(line);
        if (ordered.lookingAt()) {
            return ordered.start(1);
        }
        return BLOCK_START.matcher(line).matches() ? 0 : -1;
    }
}
