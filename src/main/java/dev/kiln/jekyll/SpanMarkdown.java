package dev.kiln.jekyll;

import dev.kiln.markdown.MarkdownRenderer;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text-level Markdown as kramdown reads a table's cell or the content of an HTML element it reads as text
 * ({@code p}, {@code h2}, {@code markdown="span"}): emphasis, code, links and the like, and no blocks, so that a
 * {@code #}, {@code 1.}, {@code -}, {@code >} or {@code ---} at the start of a line is text: each line's
 * indentation is taken out and the first character of a line that would start a block backslash-escaped (Markdown
 * shows {@code \#} as {@code #}); trailing spaces stay, a hard break. A code span over lines is one line (no line of
 * it starts a block); HTML is read as kramdown reads it in text: a comment or tag at a line's start stays in the text
 * (no HTML block), a block-level tag is text. The page's link reference definitions and abbreviations are given to
 * each snippet, as kramdown reads them for the whole page.
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

    /** A comment (kramdown's: to the first {@code -->}), a start tag (its attributes over lines too) or an end tag. */
    private static final Pattern TAG = Pattern.compile("<!--.*?-->|<!--|<([A-Za-z][\\w:.-]*)(?:\\s+[^\\s\"'>/=]+"
            + "(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s\"'=<>`]+))?)*\\s*/?>|</([A-Za-z][\\w:.-]*)\\s*>", Pattern.DOTALL);
    /** kramdown's {@code HTML_BLOCK_ELEMENTS}: in text, a tag of one of these is text. */
    private static final Set<String> BLOCK_ELEMENTS = Set.of("address", "article", "aside", "applet", "body",
            "blockquote", "caption", "col", "colgroup", "dd", "div", "dl", "dt", "fieldset", "figcaption", "footer",
            "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "head", "iframe", "legend",
            "menu", "li", "main", "map", "nav", "ol", "optgroup", "p", "pre", "section", "summary", "table", "tbody",
            "td", "th", "thead", "tfoot", "tr", "ul");
    /** What stands for a piece of HTML held out of a snippet while it is rendered: private-use characters. */
    private static final String HELD = "\uE000";
    private static final String HELD_END = "\uE001";

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
        // A code span's lines are one line (HTML shows its line ends as spaces): none of them starts a block.
        String codeJoined = joinCodeLines(joined.toString());
        // HTML as kramdown reads it in text first (a tag that would start an HTML block would hide math from the
        // conversion), then math, as in text (never a block: the x before the first line is taken out again),
        // then the lines that would start a block escaped: the formulas' punctuation is escaped already.
        List<String> held = new ArrayList<>();
        String snippet = escapeBlockStarts(KramdownMath.convert("x" + html(codeJoined, held), rawOf).substring(1));
        String html = markdown.render(definitions.isEmpty() ? snippet : snippet + "\n" + definitions).strip();
        if (html.startsWith("<p>") && html.endsWith("</p>") && !html.substring(3).contains("<p>")) {
            html = html.substring(3, html.length() - 4);
        }
        for (int i = 0; i < held.size(); i++) {
            html = html.replace(HELD + i + HELD_END, held.get(i));
        }
        return html;
    }

    /**
     * {@code text} with HTML as kramdown reads it in text, which CommonMark reads otherwise: a block-level tag (of
     * kramdown's {@code HTML_BLOCK_ELEMENTS}) and a comment without its end are text to kramdown, so they are
     * escaped; a comment or another tag at the
     * start of a line, which would start an HTML block, is held out (in {@code held}, a stand-in in its place, put
     * back in the HTML) so that it stays in the text, as kramdown kept it. Outside code spans.
     */
    private static String html(String text, List<String> held) {
        if (text.indexOf('<') < 0) {
            return text;
        }
        BitSet code = codeSpans(text);
        StringBuilder out = new StringBuilder(text.length() + 16);
        Matcher m = TAG.matcher(text);
        int done = 0;
        while (m.find()) {
            int at = m.start();
            if (code.get(at) || escaped(text, at)) {
                continue;
            }
            boolean lineStart = at == 0 || text.charAt(at - 1) == '\n';
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            out.append(text, done, at);
            if (name != null && BLOCK_ELEMENTS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                KramdownMath.escape(m.group(), out);
            } else if (m.group().equals("<!--")) {
                out.append("\\<!--"); // a comment without its end is text to kramdown (its -- a dash)
            } else if (lineStart && (name != null || m.group().endsWith("-->"))) {
                out.append(HELD).append(held.size()).append(HELD_END);
                held.add(m.group());
            } else {
                out.append(m.group());
            }
            done = m.end();
        }
        return out.append(text, done, text.length()).toString();
    }

    /** {@code text} with each line end inside a code span (kramdown's: across lines too) a space. */
    private static String joinCodeLines(String text) {
        if (text.indexOf('`') < 0 || text.indexOf('\n') < 0) {
            return text;
        }
        BitSet code = codeSpans(text);
        StringBuilder out = new StringBuilder(text);
        for (int i = code.nextSetBit(0); i >= 0; i = code.nextSetBit(i + 1)) {
            if (out.charAt(i) == '\n') {
                out.setCharAt(i, ' ');
            }
        }
        return out.toString();
    }

    /**
     * The offsets of {@code text} in code spans as kramdown finds them: from a run of backticks (not escaped) to the
     * next run of as many, across lines; a run with none after it is text.
     */
    static BitSet codeSpans(String text) {
        BitSet out = new BitSet();
        int i = 0;
        while ((i = text.indexOf('`', i)) >= 0) {
            int run = i;
            while (run < text.length() && text.charAt(run) == '`') {
                run++;
            }
            if (escaped(text, i)) {
                i++;
                continue;
            }
            int close = KramdownTables.closingTicks(text, run, text.substring(i, run));
            if (close < 0) {
                i = run;
                continue;
            }
            out.set(i, close + run - i);
            i = close + run - i;
        }
        return out;
    }

    /** Whether the character at {@code at} is backslash-escaped: an odd number of backslashes before it. */
    private static boolean escaped(String text, int at) {
        int n = 0;
        for (int i = at - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
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
