package dev.kiln.jekyll;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts kramdown's extensions, which Kiln's Markdown does not read (it would show them, and the text they hide,
 * as text), into what it does, outside code, as kramdown's HTML converter writes them: {@code {::comment}...{:/comment}}
 * becomes an HTML comment, {@code {::nomarkdown}...{:/nomarkdown}} raw HTML that no Markdown rule touches (nothing
 * when its {@code type} is not HTML), and {@code {::options .../}} is dropped: its {@code parse_block_html}, which
 * kramdown follows from there on, is the page's (Kiln's conversion of HTML blocks follows it, as it follows the site's
 * in {@code _config.yml}); any other option is a warning saying what Kiln does instead.
 */
final class KramdownExtensions {

    /**
     * A converted text, the warnings ({@code path:line: ...}) for what it dropped, and whether kramdown read the page's
     * HTML blocks with {@code parse_block_html}: the site's setting, or the page's own {@code {::options}}.
     */
    record Result(String text, List<String> warnings, boolean parseBlockHtml) {}

    /** kramdown's {@code EXT_START_STR}: a name, attributes, and a {@code /} when the extension has no body. */
    private static final Pattern START = Pattern.compile("\\{::(\\w+)(?:\\s((?:\\\\}|[^}])*?)|)(/)?}");
    private static final Pattern BLOCK_LINE = Pattern.compile(" {0,3}" + START.pattern() + "[ \\t]*");
    private static final Pattern TYPE = Pattern.compile("(?:^|\\s)type=([\"'])(.*?)\\1");
    private static final Set<String> NAMES = Set.of("comment", "nomarkdown", "options");
    /**
     * The tags that start an HTML block which only a blank line ends (CommonMark's sixth kind), among those
     * raw HTML usually starts with: anything else is wrapped in a {@code div} so that it stays one raw block.
     */
    private static final Pattern BLOCK_HTML = Pattern.compile("(?i) {0,3}<(?:div|table|section|article|aside|"
            + "figure|blockquote|ul|ol|dl|p|h[1-6]|details|nav|header|footer|main|form|hr|center)(?:[\\s/>]|$).*");
    private static final Pattern TAG_OR_ENTITY = Pattern.compile("<[^<>]*>|&(?:#\\d+|#x\\p{XDigit}+|\\w+);");
    /** An option of {@code {::options}}, as kramdown's attribute lists write a key and its value. */
    private static final Pattern OPTION = Pattern.compile("(\\w[\\w-]*)=([\"'])((?:\\\\}|\\\\\\2|(?!\\2)[^}])*?)\\2");
    /** A block element's start tag at the start of a line, which parse_block_html decides how kramdown reads. */
    private static final Pattern BLOCK_TAG = Pattern.compile(" {0,3}<([A-Za-z][\\w:-]*)(?![\\w:-])([^>]*)");

    private KramdownExtensions() {}

    /**
     * {@code text} (the body of {@code path}, its lines where {@code lines} places them) converted; {@code codeOf} gives the
     * offsets of a text's code spans and blocks, whose extensions are text.
     */
    static Result convert(String path, String text, LineMap lines, Function<String, BitSet> codeOf,
                          boolean siteParseBlockHtml) {
        if (!text.contains("{::")) {
            return new Result(text, List.of(), siteParseBlockHtml);
        }
        Boolean pageParseBlockHtml = null;
        int pageOptionsLine = 0; // the file's line of the page's first parse_block_html
        BitSet code = codeOf.apply(text);
        StringBuilder out = new StringBuilder(text.length());
        List<String> warnings = new ArrayList<>();
        Matcher m = START.matcher(text);
        int done = 0;
        int from = 0;
        while (m.find(from)) {
            from = m.end();
            String name = m.group(1);
            if (code.get(m.start()) || !NAMES.contains(name)) {
                continue;
            }
            int lineStart = text.lastIndexOf('\n', m.start() - 1) + 1;
            int lineEnd = lineEnd(text, m.start());
            boolean block = BLOCK_LINE.matcher(text.substring(lineStart, lineEnd)).matches();
            // What the replacement takes: the extension's lines when it stands on its own, else the extension.
            int[] span = block ? new int[] {lineStart, Math.min(lineEnd + 1, text.length())}
                    : new int[] {m.start(), m.end()};
            String body = "";
            if (m.group(3) == null) {
                int[] stop = block ? blockStop(text, lineEnd, name) : spanStop(text, m.end(), name);
                if (stop == null) {
                    continue; // kramdown leaves an extension without its stop tag as text
                }
                body = block ? chomp(text.substring(Math.min(lineEnd + 1, stop[0]), stop[0]))
                        : text.substring(m.end(), stop[0]);
                span[1] = stop[1];
            }
            if (name.equals("options")) {
                int line = newlines(text, m.start());
                int column = m.start() - lineStart + 1;
                Matcher option = OPTION.matcher(m.group(2) == null ? "" : m.group(2));
                while (option.find()) {
                    String key = option.group(1);
                    String value = option.group(3);
                    if (!key.equals("parse_block_html")) {
                        if (!KramdownOptions.isDefault(key, value)) {
                            warnings.add(lines.warning(path, line, column, "kramdown option " + option.group()
                                    + " in " + m.group() + " is not carried over: " + KramdownOptions.instead(key)));
                        }
                        continue;
                    }
                    // kramdown's Boolean option: true unless "false" or empty.
                    boolean on = !value.strip().equalsIgnoreCase("false") && !value.isEmpty();
                    if (pageParseBlockHtml == null) {
                        pageParseBlockHtml = on;
                        pageOptionsLine = lines.position(line, column).line();
                        if (on != siteParseBlockHtml) {
                            int optionsLine = pageOptionsLine;
                            blockAbove(text, lineStart, code).ifPresent(at -> warnings.add(lines.warning(path,
                                    newlines(text, at), at - text.lastIndexOf('\n', at - 1),
                                    "this HTML block is above " + m.group() + " (line " + optionsLine + "): kramdown "
                                    + "read HTML blocks with parse_block_html " + on + " from that line on, Kiln on the "
                                    + "whole page; add markdown=\"" + (on ? "0" : "1") + "\" to this tag (and to other "
                                    + "block elements above line " + optionsLine + ") to keep it as Jekyll showed it")));
                        }
                    } else if (on != pageParseBlockHtml) {
                        warnings.add(lines.warning(path, line, column, m.group() + ": kramdown read the HTML blocks "
                                + "below it with parse_block_html " + on + ", Kiln with the page's first {::options} "
                                + "(line " + pageOptionsLine + "), " + !on + "; add "
                                + "markdown=\"" + (on ? "1" : "0") + "\" to the tags of the block elements below it "
                                + "to keep them as Jekyll showed them"));
                    }
                }
            }
            String indent = block ? text.substring(lineStart, m.start()) : "";
            out.append(text, done, span[0]).append(replacement(name, m.group(2), body, block, indent,
                    followedByText(text, span[1])));
            done = span[1];
            from = done;
        }
        out.append(text, done, text.length());
        return new Result(out.toString(), warnings, pageParseBlockHtml == null ? siteParseBlockHtml
                : pageParseBlockHtml);
    }

    /**
     * The offset of the first block element's start tag, at the start of a line of {@code text} before {@code end} and
     * outside code, whose content {@code parse_block_html} changes (no span element, none without content, none raw
     * text in any case, none with a {@code markdown} attribute of its own).
     */
    private static java.util.Optional<Integer> blockAbove(String text, int end, BitSet code) {
        int at = 0;
        while (at < end) {
            int lineEnd = lineEnd(text, at);
            Matcher tag = BLOCK_TAG.matcher(text.substring(at, lineEnd));
            if (tag.lookingAt() && !code.get(at + tag.start(1) - 1)) {
                String name = tag.group(1).toLowerCase(java.util.Locale.ROOT);
                if (!KramdownHtml.SPAN_ELEMENTS.contains(name) && !KramdownHtml.WITHOUT_BODY.contains(name)
                        && !KramdownHtml.RAW_TEXT.contains(name) && !tag.group(2).toLowerCase(java.util.Locale.ROOT)
                        .contains("markdown") && !tag.group(2).endsWith("/")) {
                    return java.util.Optional.of(at + tag.start(1) - 1);
                }
            }
            at = lineEnd + 1;
        }
        return java.util.Optional.empty();
    }

    /** What stands for the extension {@code name} with {@code attributes} and {@code body}. */
    private static String replacement(String name, String attributes, String body, boolean block, String indent,
                                      boolean textFollows) {
        if (name.equals("options") || body.isEmpty()) {
            return "";
        }
        if (name.equals("comment")) {
            String comment = "<!-- " + commentText(body) + " -->";
            return block ? indent + comment + "\n" : comment;
        }
        Matcher type = TYPE.matcher(attributes == null ? "" : attributes);
        if (type.find() && !List.of(type.group(2).trim().split("\\s+")).contains("html")) {
            return ""; // kramdown's HTML converter writes raw text of another type as nothing
        }
        return block ? rawBlock(body, indent) + (textFollows ? "\n" : "") : rawSpan(body);
    }

    /** {@code body} as the text of an HTML comment, which must not hold {@code --}. */
    private static String commentText(String body) {
        String text = body;
        while (text.contains("--")) {
            text = text.replace("--", "- -");
        }
        return text;
    }

    /**
     * {@code html} as one HTML block: started by a tag that only a blank line ends, and holding no blank line (each
     * is an empty comment, which shows nothing, in a {@code pre} too), at the {@code indent} of its tags (in a
     * list item, say).
     */
    private static String rawBlock(String html, String indent) {
        String[] lines = html.split("\n", -1);
        StringBuilder out = new StringBuilder();
        boolean wrap = !BLOCK_HTML.matcher(lines[0]).matches();
        if (wrap) {
            out.append(indent).append("<div>\n");
        }
        for (String line : lines) {
            out.append(line.isBlank() ? indent + "<!-- -->" : line).append('\n');
        }
        if (wrap) {
            out.append(indent).append("</div>\n");
        }
        return out.toString();
    }

    /** {@code html} inside a paragraph: its tags and entities as they are, every other ASCII punctuation escaped. */
    private static String rawSpan(String html) {
        StringBuilder out = new StringBuilder();
        Matcher m = TAG_OR_ENTITY.matcher(html);
        int at = 0;
        while (m.find()) {
            escape(html.substring(at, m.start()), out);
            out.append(m.group());
            at = m.end();
        }
        escape(html.substring(at), out);
        return out.toString();
    }

    private static void escape(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80 && c != '&' && "!\"#$%'()*+,-./:;<=>?@[\\]^_`{|}~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
    }

    /** kramdown's block stop: {@code {:/name}} or {@code {:/}} alone on a line after {@code from}; [start, end]. */
    private static int[] blockStop(String text, int from, String name) {
        Matcher stop = Pattern.compile("(?m)^ {0,3}\\{:/(?:" + name + ")?}[ \\t]*$").matcher(text);
        if (from >= text.length() || !stop.find(from + 1)) {
            return null;
        }
        return new int[] {stop.start(), Math.min(stop.end() + 1, text.length())};
    }

    /** kramdown's span stop after {@code from}, in the same paragraph (no blank line between); [start, end]. */
    private static int[] spanStop(String text, int from, String name) {
        Matcher stop = Pattern.compile("\\{:/(?:" + name + ")?}").matcher(text);
        if (!stop.find(from) || Pattern.compile("\\n[ \\t]*\\n").matcher(text.substring(from, stop.start())).find()) {
            return null;
        }
        return new int[] {stop.start(), stop.end()};
    }

    private static int lineEnd(String text, int at) {
        int end = text.indexOf('\n', at);
        return end < 0 ? text.length() : end;
    }

    private static String chomp(String s) {
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    /** Whether a line with text starts at {@code at}, which a raw HTML block would take in without a blank line. */
    private static boolean followedByText(String text, int at) {
        return at < text.length() && !text.substring(at, lineEnd(text, at)).isBlank();
    }

    private static int newlines(String text, int to) {
        int n = 0;
        for (int i = 0; i < to; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
