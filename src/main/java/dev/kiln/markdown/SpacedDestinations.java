package dev.kiln.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.util.ast.Node;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Supplier;

/**
 * Inline links and images whose URL holds a space outside pointy brackets ({@code ![photo](/img/My Photo.png)}):
 * CommonMark shows them as text, where kramdown (Jekyll) made them links, so a post moved from Jekyll, or written
 * from habit, lost its image without a word. Found as kramdown reads a destination: up to the {@code )} that closes
 * the {@code (} (parentheses inside balanced), or to a space before a quoted title; on one line, after a
 * {@code [...]} that is not a footnote's, outside code, raw HTML and the links Markdown made. A URL with Liquid or a
 * shortcode in it ({@code {{ site.baseurl }}/a.png}) is another mistake, whose spaces are not the URL's.
 */
final class SpacedDestinations {

    /** How far back the {@code [} of a link's text is looked for: a link's text is a phrase, not a page. */
    private static final int LONGEST_TEXT = 2_000;

    private SpacedDestinations() {}

    /**
     * One such link: its {@code [} at {@code open} (after the {@code !} of an image), its URL from {@code start} to
     * {@code end} (without the spaces around it), its {@code )} at {@code close}.
     */
    record Found(int open, boolean image, int start, int end, int close) {}

    /**
     * The links of {@code markdown} with a space in their URL that Markdown shows as text; {@code document} parses
     * {@code markdown} itself (its offsets are the text's), asked for only when the text has one.
     */
    static List<Found> of(String markdown, Supplier<Node> document) {
        List<Found> found = new ArrayList<>();
        BitSet raw = null;
        BitSet links = null;
        // A look at each "](" only, the start of every inline link's destination: the page's text is read once.
        for (int at = markdown.indexOf("]("); at >= 0; at = markdown.indexOf("](", at + 2)) {
            Found f = candidate(markdown, at);
            if (f == null) {
                continue;
            }
            if (raw == null) {
                Node parsed = document.get();
                raw = KramdownSyntax.raw(parsed);
                links = links(parsed);
            }
            // The brackets may be a reference's ([a] with [a]: /x, which kramdown takes for this link's text); but the
            // second brackets of a full reference ([the spec][rfc](section 6.5)) are that link's, the rest a remark.
            int bracket = f.image() ? f.open() + 1 : f.open();
            boolean fullReference = bracket > 0 && markdown.charAt(bracket - 1) == ']' && links.get(bracket - 1)
                    && links.get(bracket);
            if (!fullReference && !raw.get(f.open()) && !raw.get(at) && !raw.get(at + 1) && !links.get(at + 1)) {
                found.add(f);
            }
        }
        return found;
    }

    /** The problems of {@link #of}: each at its URL, saying how to write it. */
    static List<BodyProblems.At> problems(String markdown, Supplier<Node> document) {
        List<BodyProblems.At> problems = new ArrayList<>();
        for (Found f : of(markdown, document)) {
            String url = markdown.substring(f.start(), f.end());
            String fixed = "](<" + url + ">" + markdown.substring(f.end(), f.close() + 1);
            problems.add(new BodyProblems.At(f.start(), (f.image() ? "an image's" : "a link's") + " URL with a space,"
                    + " which Markdown shows as text with its brackets: write " + fixed + " (CommonMark takes a space"
                    + " only in <...>) or %20 for each space; \\[ keeps it text"));
        }
        return problems;
    }

    /** The link whose text ends with the {@code ]} at {@code bracket}, when its URL holds a space; else null. */
    private static Found candidate(String text, int bracket) {
        if (escaped(text, bracket)) {
            return null;
        }
        int length = text.length();
        int start = bracket + 2;
        while (start < length && (text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
            start++;
        }
        if (start >= length || text.charAt(start) == '<') {
            return null; // CommonMark's own form, which may hold spaces
        }
        int depth = 1;
        int end = -1;
        int close = -1;
        boolean space = false;
        for (int i = start; i < length && close < 0; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return null;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                end = i;
                close = i;
            } else if (c == ' ' || c == '\t') {
                int next = i;
                while (next < length && (text.charAt(next) == ' ' || text.charAt(next) == '\t')) {
                    next++;
                }
                char after = next < length ? text.charAt(next) : '\n';
                if (after == '"' || after == '\'') { // a title: the URL ends here
                    end = i;
                    close = titleEnd(text, next);
                    if (close < 0) {
                        return null;
                    }
                } else if (after != ')') {
                    space = true;
                }
                i = next - 1;
            }
        }
        if (close < 0 || !space) {
            return null;
        }
        while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            end--;
        }
        if (liquid(text, start, end)) {
            return null; // Jekyll's {{ site.baseurl }} or {% post_url x %}, or Hugo's {{< ref >}}: not a space of a URL
        }
        int open = openingBracket(text, bracket);
        if (open < 0 || open + 1 < length && text.charAt(open + 1) == '^') {
            return null; // no link text, or a footnote's mark
        }
        boolean image = open > 0 && text.charAt(open - 1) == '!';
        return new Found(image ? open - 1 : open, image, start, end, close);
    }

    /** The {@code )} after the title that opens with the quote at {@code quote}, on its line; -1 when there is none. */
    private static int titleEnd(String text, int quote) {
        int endQuote = text.indexOf(text.charAt(quote), quote + 1);
        int lineEnd = text.indexOf('\n', quote);
        if (endQuote < 0 || lineEnd >= 0 && endQuote > lineEnd) {
            return -1;
        }
        int i = endQuote + 1;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i < text.length() && text.charAt(i) == ')' ? i : -1;
    }

    /** The {@code [} that the {@code ]} at {@code bracket} closes (brackets inside balanced), in its paragraph; else -1. */
    private static int openingBracket(String text, int bracket) {
        int depth = 1;
        for (int i = bracket - 1; i >= 0 && i >= bracket - LONGEST_TEXT; i--) {
            char c = text.charAt(i);
            if (c == '\n' && blankLineBefore(text, i)) {
                return -1;
            }
            if ((c == ']' || c == '[') && !escaped(text, i)) {
                depth += c == ']' ? 1 : -1;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Whether the line that ends at the line break {@code at} is blank: a paragraph ends there. */
    private static boolean blankLineBefore(String text, int at) {
        for (int i = at - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '\n') {
                return true;
            }
            if (c != ' ' && c != '\t' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code text} holds {@code {{} or {@code {%} from {@code start} to {@code end}. */
    private static boolean liquid(String text, int start, int end) {
        for (int i = text.indexOf('{', start); i >= 0 && i + 1 < end; i = text.indexOf('{', i + 1)) {
            if (text.charAt(i + 1) == '{' || text.charAt(i + 1) == '%') {
                return true;
            }
        }
        return false;
    }

    /** Whether the character at {@code at} is escaped by a backslash (an odd number of them before it). */
    private static boolean escaped(String text, int at) {
        int backslashes = 0;
        for (int i = at - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /** The offsets of the links {@code document}'s Markdown made, references and autolinks too. */
    private static BitSet links(Node document) {
        BitSet links = new BitSet();
        for (Node n : document.getDescendants()) {
            if (n instanceof LinkNodeBase || n instanceof RefNode || n instanceof AutoLink || n instanceof MailLink) {
                links.set(n.getStartOffset(), n.getEndOffset());
            }
        }
        return links;
    }
}
