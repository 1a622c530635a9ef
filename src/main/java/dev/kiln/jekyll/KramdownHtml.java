package dev.kiln.jekyll;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts kramdown's {@code markdown} attribute on HTML blocks ({@code markdown="1"}, {@code "block"},
 * {@code "span"}, {@code "0"}), and the site's {@code parse_block_html: true}, into what Kiln's Markdown reads as
 * kramdown 2.4 did, with the attribute dropped (it is no HTML attribute): an element whose content kramdown read as
 * blocks gets its tags on lines of their own, set apart from the content by blank lines, so that the content is
 * Markdown; one whose content kramdown read as text ({@code p}, {@code h1}..., {@code markdown="span"}) is written
 * as HTML, its content rendered by {@code span} (text only); one kramdown left raw keeps its blank lines inside it (as
 * empty comments). Which content an element has is kramdown's {@code HTML_CONTENT_MODEL}.
 */
final class KramdownHtml {

    /** A converted text and the warnings ({@code path:line: ...}) for what it could not convert. */
    record Result(String text, List<String> warnings) {}

    private static final Set<String> BLOCK_MODEL = Set.of("address", "applet", "article", "aside", "blockquote",
            "body", "dd", "details", "div", "dl", "fieldset", "figure", "figcaption", "footer", "form", "header",
            "hgroup", "iframe", "li", "main", "map", "menu", "nav", "noscript", "object", "section", "summary", "td");
    private static final Set<String> SPAN_MODEL = Set.of("a", "abbr", "acronym", "b", "bdo", "big", "button", "cite",
            "caption", "del", "dfn", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "i", "ins", "label", "legend",
            "optgroup", "p", "q", "rb", "rbc", "rp", "rt", "rtc", "ruby", "select", "small", "span", "strong", "sub",
            "sup", "th", "tt");
    /** kramdown's {@code HTML_SPAN_ELEMENTS}: a line starting with one of these is a paragraph, not an HTML block. */
    static final Set<String> SPAN_ELEMENTS = Set.of("a", "abbr", "acronym", "b", "big", "bdo", "br",
            "button", "cite", "code", "del", "dfn", "em", "i", "img", "input", "ins", "kbd", "label", "mark",
            "option", "q", "rb", "rbc", "rp", "rt", "rtc", "ruby", "samp", "select", "small", "span", "strong",
            "sub", "sup", "tt", "u", "var");
    static final Set<String> WITHOUT_BODY = Set.of("area", "base", "br", "col", "command", "embed", "hr",
            "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr");

    /** The elements whose content is raw text to kramdown, and to CommonMark up to their end tag. */
    static final Set<String> RAW_TEXT = Set.of("pre", "script", "style", "textarea");

    static final String ATTRIBUTE = "\\s+[^\\s\"'>/=]+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s\"'=<>`]+))?";
    /** A start tag at the start of a line, on that line (how far in it may be is {@code blockBase}'s). */
    private static final Pattern START_TAG = Pattern.compile(
            "^( *)<([A-Za-z][\\w:-]*)((?:" + ATTRIBUTE + ")*)\\s*(/?)>");
    /** Any start tag, for the attribute that kramdown drops from every HTML element it reads. */
    private static final Pattern ANY_TAG = Pattern.compile("<([A-Za-z][\\w:-]*)((?:" + ATTRIBUTE + ")*)\\s*(/?)>");
    private static final Pattern MARKDOWN_ATTRIBUTE =
            Pattern.compile("\\s+markdown(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'=<>`]+)))?",
                    Pattern.CASE_INSENSITIVE);
    /** A fence, at any indentation (within three spaces of the column its blocks start at). */
    private static final Pattern FENCE = Pattern.compile("^ *(`{3,}|~{3,})");
    /** A comment's start, at the start of a line. */
    private static final Pattern COMMENT = Pattern.compile(" *<!--");
    /** A quote's marker, as kramdown takes it out of each of its lines. */
    private static final Pattern QUOTE = Pattern.compile(" *> ?");
    /** A list item's marker and the spaces after it, as kramdown reads them: its content column is the end. */
    private static final Pattern LIST_ITEM = Pattern.compile(" *(?:[-*+]|\\d+\\.)[ \\t]{1,4}(?=\\S)");
    /** A tag or end tag at the start of a line, which ends a paragraph, a quote or a list item's lazy lines. */
    private static final Pattern LAZY_TAG = Pattern.compile("</?([A-Za-z][\\w:.-]*)");

    /** How kramdown reads an element's content. */
    private enum Model { BLOCK, SPAN, RAW }

    private final String path;
    private final LineMap at;
    /** The lines of the text converted, for the columns of warnings. */
    private final String[] input;
    private final boolean parseBlockHtml;
    private final SpanMarkdown span;
    private final Function<String, BitSet> codeOf;
    private final List<String> warnings = new ArrayList<>();
    /** The lines (from the body's first, 0) of the start tags of the elements converted. */
    private final Set<Integer> convertedLines = new java.util.HashSet<>();

    private KramdownHtml(String path, String text, LineMap at, boolean parseBlockHtml, SpanMarkdown span,
                         Function<String, BitSet> codeOf) {
        this.path = path;
        this.input = text.split("\n", -1);
        this.at = at;
        this.parseBlockHtml = parseBlockHtml;
        this.span = span;
        this.codeOf = codeOf;
    }

    /**
     * {@code text} (the body of {@code path}, its lines where {@code at} places them) converted; {@code codeOf} gives the
     * offsets of a text's code, whose HTML is text; {@code span} makes the HTML of text-level Markdown.
     */
    static Result convert(String path, String text, LineMap at, boolean parseBlockHtml,
                          Function<String, BitSet> codeOf, SpanMarkdown span) {
        if (!parseBlockHtml && !text.toLowerCase(Locale.ROOT).contains("markdown")) {
            return new Result(text, List.of());
        }
        KramdownHtml converter = new KramdownHtml(path, text, at, parseBlockHtml, span, codeOf);
        BitSet code = codeOf.apply(text);
        String blocks = converter.blocks(text, 0, code, 0, 0);
        converter.unconverted(text, code);
        return new Result(dropAttributes(blocks, codeOf.apply(blocks)), converter.warnings);
    }

    /**
     * {@code text} with its HTML blocks converted; {@code offset} is where it starts in the text {@code code} was
     * found in (code inside an element, which that text's parse took for HTML, is found by its fences here),
     * {@code lineOffset} the line it starts at, counted from the body's first, {@code base} the column its blocks
     * start at (a list item's content column: a tag indented up to three spaces more starts one, as in kramdown).
     */
    private String blocks(String text, int offset, BitSet code, int lineOffset, int base) {
        List<String> lines = List.of(text.split("\n", -1));
        StringBuilder out = new StringBuilder(text.length() + 16);
        boolean boundary = true; // the line starts a block: after a blank line, an element, or at the start
        String fence = null;
        int at = 0; // offset of line i in text
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int lineAt = at;
            at += line.length() + 1;
            int indent = indentation(line);
            Matcher fenceMatch = FENCE.matcher(line);
            if (fence != null) {
                if (fenceMatch.find() && indent <= base + 3 && fenceMatch.group(1).charAt(0) == fence.charAt(0)
                        && fenceMatch.group(1).length() >= fence.length() && line.substring(fenceMatch.end()).isBlank()) {
                    fence = null;
                }
                append(out, line, i, lines.size());
                continue;
            }
            if (fenceMatch.find() && indent <= base + 3) {
                fence = fenceMatch.group(1);
            }
            boolean inCode = code.get(offset + lineAt + line.length() - line.stripLeading().length());
            // The column the line's tag, comment or quote starts a block at, if it can start one: -1 in code or
            // indented as code, and for any other line.
            String lead = line.stripLeading();
            int lineBase = fence == null && !inCode && (lead.startsWith("<") || lead.startsWith(">"))
                    ? blockBase(lines, i, base, boundary) : -1;
            if (lineBase >= 0 && COMMENT.matcher(line).lookingAt()) {
                // A comment is one piece to kramdown up to its -->: nothing in it is converted.
                int end = i;
                while (end < lines.size() - 1 && !lines.get(end).substring(end == i ? line.indexOf("<!--") + 4 : 0)
                        .contains("-->")) {
                    end++;
                }
                for (int j = i; j <= end; j++) {
                    append(out, lines.get(j), j, lines.size());
                    at += j > i ? lines.get(j).length() + 1 : 0;
                }
                i = end;
                boundary = false;
                continue;
            }
            Matcher quote = QUOTE.matcher(line);
            if (lineBase >= 0 && quote.lookingAt() && (boundary || !lines.get(i - 1).stripLeading().startsWith("<"))) {
                // kramdown reads a quote's lines, its markers taken out, as blocks of their own: an element in it
                // is converted there, and every line of a quote that changed gets the quote's marker.
                int end = i + 1;
                while (end < lines.size() && !lazyEnd(lines.get(end), lineBase)) {
                    end++;
                }
                StringBuilder content = new StringBuilder();
                for (int j = i; j < end; j++) {
                    Matcher q = QUOTE.matcher(lines.get(j));
                    content.append(q.lookingAt() && indentation(lines.get(j)) <= lineBase + 3
                            ? lines.get(j).substring(q.end()) : lines.get(j)).append(j < end - 1 ? "\n" : "");
                }
                String inner = content.toString();
                String converted = inner.contains("<") ? blocks(inner, 0, codeOf.apply(inner), lineOffset + i, 0)
                        : inner;
                String prefix = quote.group();
                List<String> quoted = converted.equals(inner) ? lines.subList(i, end)
                        : List.of(converted.split("\n", -1)).stream()
                                .map(l -> l.isEmpty() ? prefix.stripTrailing() : prefix + l).toList();
                for (int j = 0; j < quoted.size(); j++) {
                    out.append(quoted.get(j));
                    if (j < quoted.size() - 1 || end < lines.size()) {
                        out.append('\n');
                    }
                }
                for (int j = i + 1; j < end; j++) {
                    at += lines.get(j).length() + 1;
                }
                i = end - 1;
                boundary = false;
                continue;
            }
            Matcher tag = START_TAG.matcher(line);
            int tagBase = tag.find() ? lineBase : -1;
            boolean found = tagBase >= 0;
            if (found && !convertible(tag) && rawText(tag)) {
                // Raw to kramdown up to its end tag: nothing in it is converted, no ``` in it opens a fence.
                String name = tag.group(2).toLowerCase(Locale.ROOT);
                int end = end(lines, i, name, tag.end(), false)[0];
                // A table or the like that parse_block_html keeps raw: its blank lines, which would end the HTML
                // block, become empty comments; pre, script, style and textarea end no HTML block at a blank line.
                boolean blanks = end >= 0 && !RAW_TEXT.contains(name);
                end = end < 0 ? lines.size() - 1 : end;
                String element = String.join("\n", lines.subList(i, end + 1));
                out.append(blanks ? raw(element) : element);
                if (end < lines.size() - 1) {
                    out.append('\n');
                }
                for (int j = i + 1; j <= end; j++) {
                    at += lines.get(j).length() + 1;
                }
                i = end;
                boundary = false;
                continue;
            }
            if (found && !boundary && convertible(tag) && listColumn(lines, i) >= 0) {
                // Right after a list item's text: kramdown keeps the item tight, its text in no <p>, which
                // CommonMark cannot do beside a block of Markdown. Left as written, with a warning (below).
                found = false;
            }
            if (!found || !convertible(tag)) {
                boundary = line.isBlank();
                append(out, line, i, lines.size());
                continue;
            }
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            Model model = model(name, tag.group(3));
            int[] endTag = end(lines, i, name, tag.end(), model != Model.RAW);
            int end = endTag[0];
            if (end < 0) {
                warning(lineOffset + i, "<" + tag.group(2), "<" + name + "> has no end tag: kramdown ended it with "
                        + "the page, Kiln leaves it as written (its content raw HTML); add </" + name + ">");
                convertedLines.add(lineOffset + i); // warned already
                append(out, line, i, lines.size());
                boundary = false;
                continue;
            }
            String startTag = tag.group(1) + "<" + tag.group(2) + withoutMarkdown(tag.group(3)) + tag.group(4) + ">";
            String element = String.join("\n", lines.subList(i, end + 1));
            // The end tag end() found, on its line: code spans are blanked in that line alone, as end() did.
            int closeAt = Math.max(tag.end(), element.length() - lines.get(end).length() + endTag[1]);
            String content = element.substring(tag.end(), closeAt);
            String after = element.substring(closeAt); // the end tag and what follows it on its line
            String converted;
            if (model == Model.BLOCK && closeStartsLine(element, closeAt, tagBase)) {
                int contentAt = offset + lineAt + tag.end();
                String inner = blocks(content.startsWith("\n") ? content.substring(1) : content,
                        contentAt + (content.startsWith("\n") ? 1 : 0), code,
                        lineOffset + i + (content.startsWith("\n") ? 1 : 0), tagBase);
                // The end tag keeps its indentation: in a list item, it is what keeps it in the item.
                String indentation = element.substring(element.lastIndexOf('\n', closeAt - 1) + 1, closeAt);
                // What follows the end tag on its line is a new block to kramdown, not part of the HTML block.
                Matcher closeTag = Pattern.compile("</" + Pattern.quote(name) + "\\s*>", Pattern.CASE_INSENSITIVE)
                        .matcher(after);
                int closeEnd = closeTag.lookingAt() ? closeTag.end() : after.length();
                String rest = after.substring(closeEnd).strip();
                converted = startTag + "\n\n" + inner.replaceFirst("^(?:[ \\t]*\n)+", "").stripTrailing() + "\n\n"
                        + indentation + after.substring(0, closeEnd) + (rest.isEmpty() ? "" : "\n\n" + indentation + rest);
            } else if ((model == Model.SPAN || model == Model.BLOCK) && span.hasFootnote(content)) {
                warning(lineOffset + i, "<" + tag.group(2), "<" + name + "> has a footnote reference in text "
                        + "kramdown read as Markdown, which Kiln cannot number there: the element is left as written "
                        + "(its content raw HTML); move the footnote reference out of it");
                converted = tag.group(1) + "<" + tag.group(2) + withoutMarkdown(tag.group(3)) + tag.group(4) + ">"
                        + raw(content) + after;
            } else if (model == Model.SPAN || model == Model.BLOCK) {
                if (model == Model.BLOCK) {
                    warning(lineOffset + end, after.substring(0, Math.min(after.length(), name.length() + 2)),
                            "</" + name + "> is not at the start of its line, where kramdown looks for it: Jekyll "
                            + "showed it as text and the rest of the page inside the <" + name + ">; Kiln ends the "
                            + "element there");
                }
                converted = startTag + span(content) + after.strip();
            } else {
                converted = startTag + raw(content) + after;
            }
            if (!boundary) {
                out.append('\n'); // kramdown ended the paragraph before the element; CommonMark needs a blank line
            }
            out.append(converted);
            if (end + 1 < lines.size()) {
                out.append('\n');
                if (!lines.get(end + 1).isBlank()) {
                    out.append('\n'); // kramdown starts a new block after the end tag; CommonMark would go on
                }
            }
            for (int j = i + 1; j <= end; j++) {
                at += lines.get(j).length() + 1;
            }
            convertedLines.add(lineOffset + i);
            i = end;
            boundary = true;
        }
        return out.toString();
    }

    /**
     * The column that the tag on line {@code i}, indented as it is, starts a block at: {@code base} when it is
     * indented up to three spaces more, else (after a blank line) the content column of the list item it stands in
     * when it is indented up to three spaces more than that; -1 if it starts none (it is code, say).
     */
    private static int blockBase(List<String> lines, int i, int base, boolean boundary) {
        int indent = indentation(lines.get(i));
        if (indent <= base + 3) {
            return base;
        }
        int column = boundary ? listColumn(lines, i) : -1;
        return column >= 0 && indent <= column + 3 ? column : -1;
    }

    /**
     * The content column (kramdown's indentation) of the list item whose content line {@code i} is, found among
     * {@code lines} above it: the nearest item marker whose content column the line reaches, every line between
     * blank, indented as far, or a lazy line after text; -1 if it is in no list item there. Also used by
     * {@link KramdownEndOfBlock}, whose marker is one at that column.
     */
    static int listColumn(List<String> lines, int i) {
        int indent = indentation(lines.get(i));
        for (int j = i - 1; j >= 0; j--) {
            String line = lines.get(j);
            Matcher item = LIST_ITEM.matcher(line);
            if (line.isBlank() || !item.lookingAt() || line.substring(0, item.end()).indexOf('\t') >= 0) {
                continue;
            }
            int column = item.end();
            if (column > indent) {
                continue; // an item the line does not reach: perhaps one around it does
            }
            for (int k = j + 1; k < i; k++) {
                String between = lines.get(k);
                if (!between.isBlank() && indentation(between) < column
                        && (lines.get(k - 1).isBlank() || lazyEnd(between, 0))) {
                    return -1;
                }
            }
            return column;
        }
        return -1;
    }

    /**
     * Whether {@code line} ends a quote's or a list item's lazy lines, as kramdown's {@code LAZY_END}: a blank
     * line, a block attribute list, an end-of-block marker, or a block-level tag at the start of the line.
     */
    private static boolean lazyEnd(String line, int base) {
        if (line.isBlank() || indentation(line) > base + 3) {
            return line.isBlank();
        }
        String text = line.stripLeading();
        if (text.startsWith("{:") || text.matches("\\^\\s*")) {
            return true;
        }
        Matcher tag = LAZY_TAG.matcher(text);
        return tag.lookingAt() && !SPAN_ELEMENTS.contains(tag.group(1).toLowerCase(Locale.ROOT))
                && !tag.group(1).equalsIgnoreCase("script");
    }

    /**
     * A warning at line {@code line} of the text converted (0-based), at the column where {@code near} (a tag) first
     * stands in it, or its first.
     */
    private void warning(int line, String near, String message) {
        int column = line < input.length ? input[line].indexOf(near) + 1 : 1;
        warnings.add(at.warning(path, line, Math.max(1, column), message));
    }

    /**
     * Whether the element {@code tag} starts is raw text to kramdown up to its end tag: {@code pre}, {@code script},
     * {@code style}, {@code textarea}, and with {@code parse_block_html} any element whose content it keeps raw.
     */
    private boolean rawText(Matcher tag) {
        String name = tag.group(2).toLowerCase(Locale.ROOT);
        if (SPAN_ELEMENTS.contains(name) || WITHOUT_BODY.contains(name) || !tag.group(4).isEmpty()) {
            return false;
        }
        return RAW_TEXT.contains(name)
                || parseBlockHtml && model(name, tag.group(3)) == Model.RAW;
    }

    /** Whether kramdown converts the element {@code tag} starts: a block element with content to read or a markdown attribute. */
    private boolean convertible(Matcher tag) {
        String name = tag.group(2).toLowerCase(Locale.ROOT);
        if (SPAN_ELEMENTS.contains(name) || WITHOUT_BODY.contains(name) || !tag.group(4).isEmpty()) {
            return false; // the attribute alone is dropped, below
        }
        return MARKDOWN_ATTRIBUTE.matcher(tag.group(3)).find() || parseBlockHtml && model(name, "") != Model.RAW;
    }

    /** kramdown's content model for element {@code name} with {@code attributes}. */
    private Model model(String name, String attributes) {
        Model byName = BLOCK_MODEL.contains(name) ? Model.BLOCK : SPAN_MODEL.contains(name) ? Model.SPAN : Model.RAW;
        Matcher m = MARKDOWN_ATTRIBUTE.matcher(attributes);
        String value = !m.find() ? null : m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        if (value == null || !Set.of("0", "1", "block", "span").contains(value)) {
            return parseBlockHtml ? byName : Model.RAW;
        }
        return switch (value) {
            case "0" -> Model.RAW;
            case "block" -> Model.BLOCK;
            case "span" -> Model.SPAN;
            default -> byName;
        };
    }

    /**
     * {@code line} with what comments hold (and their markers) as spaces, of the same length; {@code inComment[0]}
     * says whether a comment is open at its start, and is left saying whether one is open at its end.
     */
    static String withoutComments(String line, boolean[] inComment) {
        if (!inComment[0] && !line.contains("<!--")) {
            return line;
        }
        StringBuilder out = new StringBuilder(line);
        int i = 0;
        while (i < line.length()) {
            if (inComment[0]) {
                int close = line.indexOf("-->", i);
                int end = close < 0 ? line.length() : close + 3;
                for (int j = i; j < end; j++) {
                    out.setCharAt(j, ' ');
                }
                inComment[0] = close < 0;
                i = end;
            } else {
                int open = line.indexOf("<!--", i);
                if (open < 0) {
                    break;
                }
                inComment[0] = true;
                i = open;
            }
        }
        return out.toString();
    }

    /**
     * The index of the line that ends the element {@code name} starting on line {@code from} (its content from
     * column {@code contentAt}): the line where its end tag closes it, counting nested elements of its name, tags in
     * code skipped when its content is Markdown ({@code markdown}), and the column its end tag starts at in that
     * line; {@code {-1, -1}} if it has none.
     */
    private static int[] end(List<String> lines, int from, String name, int contentAt, boolean markdown) {
        Pattern open = Pattern.compile("<" + Pattern.quote(name) + "(?=[\\s>/])[^>]*?(/?)>", Pattern.CASE_INSENSITIVE);
        Pattern close = Pattern.compile("</" + Pattern.quote(name) + "\\s*>", Pattern.CASE_INSENSITIVE);
        int depth = 1;
        int indent = indentation(lines.get(from));
        String fence = null;
        boolean afterBlank = false;
        boolean[] inComment = {false};
        for (int i = from; i < lines.size(); i++) {
            String whole = lines.get(i);
            // Tags shown in code are text: skip fenced code, indented code after a blank line, and code spans.
            if (markdown && i > from) {
                Matcher f = FENCE.matcher(whole);
                boolean fenceLine = f.find();
                if (fence != null) {
                    if (fenceLine && f.group(1).charAt(0) == fence.charAt(0) && f.group(1).length() >= fence.length()
                            && whole.substring(f.end()).isBlank()) {
                        fence = null;
                    }
                    continue;
                }
                if (fenceLine && indentation(whole) < indent + 4) {
                    fence = f.group(1);
                    continue;
                }
                boolean indented = !whole.isBlank() && indentation(whole) >= indent + 4;
                if (indented && afterBlank) {
                    continue; // still afterBlank: the code block goes on
                }
                afterBlank = whole.isBlank();
            }
            String line = i == from ? whole.substring(contentAt) : whole;
            // A tag inside a comment (<!-- note </div> -->) opens and closes nothing.
            line = withoutComments(markdown ? withoutCodeSpans(line) : line, inComment);
            List<int[]> events = new ArrayList<>();
            Matcher o = open.matcher(line);
            while (o.find()) {
                if (o.group(1).isEmpty()) {
                    events.add(new int[] {o.start(), 1});
                }
            }
            Matcher c = close.matcher(line);
            while (c.find()) {
                events.add(new int[] {c.start(), -1});
            }
            events.sort((a, b) -> Integer.compare(a[0], b[0]));
            for (int[] e : events) {
                depth += e[1];
                if (depth == 0) {
                    return new int[] {i, e[0] + (i == from ? contentAt : 0)};
                }
            }
        }
        return new int[] {-1, -1};
    }

    /** The columns of {@code line}'s indentation, a tab to the next multiple of four. */
    private static int indentation(String line) {
        int n = 0;
        for (int i = 0; i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t'); i++) {
            n = line.charAt(i) == '\t' ? n + 4 - n % 4 : n + 1;
        }
        return n;
    }

    /** {@code line} with each code span's content (backticks and all) blanked out, its length kept. */
    private static String withoutCodeSpans(String line) {
        if (line.indexOf('`') < 0) {
            return line;
        }
        StringBuilder out = new StringBuilder(line);
        int i = 0;
        while (i < line.length()) {
            if (line.charAt(i) != '`') {
                i++;
                continue;
            }
            int run = i;
            while (run < line.length() && line.charAt(run) == '`') {
                run++;
            }
            int close = KramdownTables.closingTicks(line, run, line.substring(i, run));
            if (close < 0) {
                i = run;
                continue;
            }
            for (int j = i; j < close + run - i; j++) {
                out.setCharAt(j, ' ');
            }
            i = close + run - i;
        }
        return out.toString();
    }

    /**
     * Whether the end tag at {@code at} starts its line (up to three spaces in from {@code base}), where kramdown's
     * block reading ends.
     */
    private static boolean closeStartsLine(String element, int at, int base) {
        int lineStart = element.lastIndexOf('\n', at - 1) + 1;
        return lineStart > 0 && element.substring(lineStart, at).matches(" {0," + (base + 3) + "}");
    }

    /** Text-level content as HTML, in the HTML block (no blank line in it). */
    private String span(String content) {
        return span.html(content).replaceAll("\\n[ \\t]*\\n", "\n");
    }

    /** Raw content whose blank lines, which would end an HTML block, are each an empty comment, which shows nothing. */
    private static String raw(String content) {
        return content.replaceAll("(?m)(?<=\\n)[ \\t]*$(?=\\n)", "<!-- -->");
    }

    /**
     * A warning for each element of {@code text} with a markdown attribute that was not converted (its start tag
     * over two lines, right after a list item's text, not at the start of a line, in a comment): the attribute is
     * dropped, its content left raw.
     */
    private void unconverted(String text, BitSet code) {
        Matcher m = ANY_TAG.matcher(text);
        int line = 0;
        int counted = 0;
        while (m.find()) {
            String name = m.group(1).toLowerCase(Locale.ROOT);
            Matcher attribute = MARKDOWN_ATTRIBUTE.matcher(m.group(2));
            if (code.get(m.start()) || !attribute.find() || SPAN_ELEMENTS.contains(name)
                    || WITHOUT_BODY.contains(name) || "0".equals(attribute.group(1)) || "0".equals(attribute.group(2))
                    || "0".equals(attribute.group(3))) {
                continue;
            }
            for (; counted < m.start(); counted++) {
                if (text.charAt(counted) == '\n') {
                    line++;
                }
            }
            if (!convertedLines.contains(line)) {
                warnings.add(at.warning(path, line, m.start() - text.lastIndexOf('\n', m.start() - 1), "<" + name
                        + "> has a markdown attribute where Kiln "
                        + "does not convert the element (its start tag over two lines, right after a list item's "
                        + "text, not at the start of a line, in a comment): the attribute is dropped and its content "
                        + "left as written (raw HTML); check what Jekyll showed"));
            }
        }
    }

    /** The attributes without {@code markdown="..."}. */
    private static String withoutMarkdown(String attributes) {
        return MARKDOWN_ATTRIBUTE.matcher(attributes).replaceAll("");
    }

    /** {@code text} with the {@code markdown} attribute dropped from every tag outside code, as kramdown drops it. */
    private static String dropAttributes(String text, BitSet code) {
        Matcher m = ANY_TAG.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int done = 0;
        while (m.find()) {
            if (code.get(m.start()) || !MARKDOWN_ATTRIBUTE.matcher(m.group(2)).find()) {
                continue;
            }
            out.append(text, done, m.start()).append('<').append(m.group(1)).append(withoutMarkdown(m.group(2)))
                    .append(m.group(3)).append('>');
            done = m.end();
        }
        out.append(text, done, text.length());
        return out.toString();
    }

    private static void append(StringBuilder out, String line, int index, int count) {
        out.append(line);
        if (index < count - 1) {
            out.append('\n');
        }
    }
}
