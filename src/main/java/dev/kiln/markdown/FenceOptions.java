package dev.kiln.markdown;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one option Kiln reads after a fenced block's language: {@code linenos}, numbering the block's lines, written as
 * Jekyll's highlight tag writes it ({@code ```ruby linenos}, {@code linenos=table}) or as Hugo's fences do
 * ({@code ```go {linenos=table,hl_lines=[2]}}, {@code {linenos=true}}, {@code {linenos=inline}}). Options are parted by
 * white space, commas and braces; a value may be quoted or a {@code [list]}. Any other option is left out, as before.
 * A {@code linenos} value that is none of {@code true}, {@code false}, {@code table}, {@code inline} is a problem:
 * Jekyll numbered the lines whatever the value, Hugo for any but {@code false}, so Kiln says so rather than guess what
 * {@code linenos=tabel} or {@code linenos=no} meant. Hugo's two renderings, a table and numbers inline, are one here:
 * the table, whose separate cell keeps the numbers out of copied code without the site's CSS.
 */
final class FenceOptions {

    /** A {@code linenos} option: where it starts in its info string, as written, and its value (null when it has none). */
    private record Linenos(int offset, String written, String value) {}

    private FenceOptions() {}

    /**
     * Set on a document of a site whose fenced blocks are all numbered unless they say otherwise (site.yml's
     * {@code line_numbers: true}), as if each said {@code linenos}.
     */
    static final com.vladsch.flexmark.util.data.DataKey<Boolean> NUMBERED_SITE =
            new com.vladsch.flexmark.util.data.DataKey<>("KILN_NUMBERED_SITE", false);

    /**
     * Whether {@code fence} is shown with its lines numbered: its last {@code linenos} says so, and without one its
     * document's site ({@link #NUMBERED_SITE}).
     */
    static boolean lineNumbers(FencedCodeBlock fence) {
        BasedSequence info = fence.getInfo();
        List<Linenos> all = linenos(info, afterLanguage(info));
        return all.isEmpty() ? NUMBERED_SITE.get(fence.getDocument()) : lineNumbers(all);
    }

    /** Whether {@code options} (what follows a language: Hugo's highlight shortcode's second parameter) ask for them. */
    static boolean optionsAskForLineNumbers(CharSequence options) {
        return lineNumbers(linenos(options, 0));
    }

    private static boolean lineNumbers(List<Linenos> all) {
        if (all.isEmpty()) {
            return false;
        }
        String value = all.get(all.size() - 1).value();
        return value == null || switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "table", "inline" -> true;
            default -> false; // false, and a value Kiln does not read (a problem for the page)
        };
    }

    /**
     * The {@code linenos} options with a value Kiln does not read in the fenced blocks of {@code document}, each at its
     * offset of the document's text.
     */
    static List<BodyProblems.At> problems(Node document) {
        List<BodyProblems.At> found = new ArrayList<>();
        collect(document, found);
        return found;
    }

    private static void collect(Node parent, List<BodyProblems.At> found) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof FencedCodeBlock fence) {
                BasedSequence info = fence.getInfo();
                for (Linenos option : linenos(info, afterLanguage(info))) {
                    if (!readable(option.value())) {
                        found.add(new BodyProblems.At(info.getStartOffset() + option.offset(), message(option.written())));
                    }
                }
            } else if (n instanceof Block && !(n instanceof Paragraph)) { // quotes and list items hold fences
                collect(n, found);
            }
        }
    }

    /**
     * The fenced code block of {@code document} that is never closed, as a warning at its opening fence: CommonMark
     * (and Hugo, and GitHub) make it run to the end of the page, so that the text after it is shown as code and its
     * links are neither links nor checked (kramdown, Jekyll's Markdown, took such a fence for text). Only the last
     * block of the page can be one, as it holds the rest of the page: no walk of the page. A fence in a list item
     * or a quote ends with it, and the text after that is not lost, so it is left alone.
     */
    static List<BodyProblems.At> unclosed(Node document) {
        if (!(document.getLastChild() instanceof FencedCodeBlock fence) || fence.getClosingMarker().isNotNull()) {
            return List.of();
        }
        BasedSequence opening = fence.getOpeningMarker();
        String close = String.valueOf(opening.charAt(0)).repeat(opening.length());
        List<BasedSequence> content = fence.getContentLines();
        int lines = content.size();
        while (lines > 0 && content.get(lines - 1).isBlank()) { // blank lines at the page's end show nothing
            lines--;
        }
        return List.of(new BodyProblems.At(opening.getStartOffset(), "code block opened here is never closed"
                + (lines == 0 ? "" : ": the rest of the page (" + lines + (lines == 1 ? " line" : " lines")
                + ") is code")
                + "; close it with " + close + " on a line of its own"));
    }

    private static boolean readable(String value) {
        return value == null || switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "false", "table", "inline" -> true;
            default -> false;
        };
    }

    private static String message(String written) {
        return "code block option " + written + " is not one Kiln reads: write linenos to number the block's lines "
                + "(Hugo's linenos=table, linenos=inline and linenos=true do the same), or linenos=false, or nothing, "
                + "for none";
    }

    /** Where the language of {@code info} ends, as {@link CodeBlockRenderer#language} reads it: at white space, '{' or ','. */
    private static int afterLanguage(CharSequence info) {
        int n = info.length();
        int i = 0;
        while (i < n && isSpace(info.charAt(i))) {
            i++;
        }
        while (i < n && !isSpace(info.charAt(i)) && info.charAt(i) != '{' && info.charAt(i) != ',') {
            i++;
        }
        return i;
    }

    /** The {@code linenos} options of {@code info} from {@code from}, in order. */
    private static List<Linenos> linenos(CharSequence info, int from) {
        List<Linenos> found = new ArrayList<>(0);
        int n = info.length();
        int i = from;
        while (i < n) {
            if (isSeparator(info.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && !isSeparator(info.charAt(i)) && info.charAt(i) != '=') {
                i++;
            }
            boolean isLinenos = i - start == 7 && info.subSequence(start, i).toString().equalsIgnoreCase("linenos");
            String value = null;
            if (i < n && info.charAt(i) == '=') {
                int valueStart = ++i;
                char open = i < n ? info.charAt(i) : ' ';
                if (open == '"' || open == '\'' || open == '[') { // quoted, or Hugo's hl_lines=[8,"15-17"]: one value
                    int close = indexOf(info, open == '[' ? ']' : open, i + 1);
                    i = close < 0 ? n : close + 1;
                } else {
                    while (i < n && !isSeparator(info.charAt(i))) {
                        i++;
                    }
                }
                value = unquoted(info.subSequence(valueStart, i).toString());
            }
            if (isLinenos) {
                found.add(new Linenos(start, info.subSequence(start, i).toString(), value));
            }
        }
        return found;
    }

    private static String unquoted(String value) {
        if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                && value.charAt(value.length() - 1) == value.charAt(0)) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private static int indexOf(CharSequence text, char c, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** White space as {@link CodeBlockRenderer#language} reads it. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** What parts options: white space, a comma, and the braces of Hugo's {@code {...}}. */
    private static boolean isSeparator(char c) {
        return isSpace(c) || c == ',' || c == '{' || c == '}';
    }
}
