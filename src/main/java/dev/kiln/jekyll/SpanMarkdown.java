package dev.kiln.jekyll;

import dev.kiln.markdown.MarkdownRenderer;

import java.util.BitSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text-level Markdown as kramdown reads a table's cell or the content of an HTML element it reads as text
 * ({@code p}, {@code h2}, {@code markdown="span"}): emphasis, code, links and the like, and no blocks, so that a
 * {@code #}, {@code 1.}, {@code -}, {@code >} or {@code ---} at the start of a line is text. Each line is rendered
 * after a mark that no block starts with and that reads as punctuation (so a quote or emphasis after it opens as
 * at the start of a line), taken out of the HTML after. The page's link reference definitions and abbreviations
 * are given to each snippet, as kramdown reads them for the whole page.
 */
final class SpanMarkdown {

    /** U+2E52, a punctuation character no text has: before each line, no block marker starts it. */
    private static final char MARK = '\u2E52';
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
        StringBuilder marked = new StringBuilder(text.length() + 16);
        for (String line : text.strip().split("\n", -1)) {
            if (!line.isBlank()) {
                marked.append(MARK).append(line.strip()).append('\n');
            }
        }
        String snippet = KramdownMath.convert(marked.toString(), rawOf);
        String html = markdown.render(definitions.isEmpty() ? snippet : snippet + "\n" + definitions).strip();
        if (html.startsWith("<p>") && html.endsWith("</p>") && !html.substring(3).contains("<p>")) {
            html = html.substring(3, html.length() - 4);
        }
        return html.replace(String.valueOf(MARK), "");
    }
}
