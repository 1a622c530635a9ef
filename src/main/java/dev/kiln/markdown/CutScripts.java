package dev.kiln.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code <script>} or {@code <style>} inside an HTML block that a tag before it opened (a one-line
 * {@code <div id="chart"></div>} right above it, or before it on its line), cut by a blank line: CommonMark ends such a
 * block at its first blank line, so the rest of the script, up to its {@code </script>}, is rendered as Markdown
 * (paragraphs, curly quotes) and the script breaks. Every such script of a block is found, on any of its lines, at any
 * indentation (inside a block, indentation is text), after other tags on its line too, and after scripts that closed.
 * A script that starts a block of its own (a blank line or text before it) is raw to its end tag, as is any block that
 * starts with a script, style, pre or textarea, or a comment. Each cut one is a warning at its tag, saying what to put
 * before it: a blank line, or in a quote a line holding only {@code >}.
 */
final class CutScripts {

    /** A script's or style's start tag, anywhere on a line. */
    private static final Pattern START = Pattern.compile("<(script|style)(?=[\\s>/]|$)", Pattern.CASE_INSENSITIVE);
    /**
     * The first line of a block that CommonMark does not end at a blank line (its kinds 1 to 5): a script, style,
     * pre or textarea, read to its end tag; a comment, a processing instruction, a declaration, CDATA.
     */
    private static final Pattern RAW_BLOCK = Pattern.compile("^[ \\t]*(?:<(?:script|pre|style|textarea)(?:[\\s>]|$)|<[!?])",
            Pattern.CASE_INSENSITIVE);
    /** The tag that opens a block, on its first line. */
    private static final Pattern OPENER = Pattern.compile("^[ \\t]*<([A-Za-z][A-Za-z0-9-]*)");

    private CutScripts() {}

    /**
     * The scripts and styles of {@code document}, parsed from {@code page}, that an HTML block cuts at a blank line,
     * each at its tag. The text is passed in: the document's own characters would be copied for each page.
     */
    static List<BodyProblems.At> of(Node document, String page) {
        if (!mentions(page)) {
            return List.of();
        }
        List<BodyProblems.At> found = new ArrayList<>(0);
        for (Node n : document.getDescendants()) {
            if (!(n instanceof HtmlBlock block)) {
                continue;
            }
            List<BasedSequence> lines = block.getContentLines();
            if (lines.isEmpty() || RAW_BLOCK.matcher(lines.get(0)).find()) {
                continue;
            }
            int blockEnd = block.getEndOffset();
            int whole = -1; // the end tag of the last script closed in the block: a <style in its code is no tag
            for (int i = 0; i < lines.size(); i++) {
                BasedSequence line = lines.get(i);
                Matcher start = START.matcher(line);
                while (start.find()) {
                    int tagAt = line.getStartOffset() + start.start();
                    if (tagAt < whole) {
                        continue;
                    }
                    String name = start.group(1).toLowerCase(Locale.ROOT);
                    String end = "</" + name;
                    int closed = indexOf(page, end, tagAt + start.end() - start.start(), blockEnd);
                    if (closed >= 0 || indexOf(page, end, blockEnd, page.length()) < 0) {
                        whole = Math.max(whole, closed);
                        continue;
                    }
                    String tag = "<" + start.group(1);
                    String opener;
                    if (i == 0) {
                        Matcher o = OPENER.matcher(line);
                        opener = "the " + (o.find() ? "<" + o.group(1) + ">" : "tag") + " before it";
                    } else {
                        opener = "a line above";
                    }
                    found.add(new BodyProblems.At(tagAt, tag + "> is inside the HTML block that " + opener
                            + " opened, which ends at the first blank line: the rest of the "
                            + (name.equals("script") ? "script" : "style") + ", up to " + end
                            + ">, is rendered as Markdown and breaks; " + advice(block, line, start.start(), tag)
                            + ", so that it starts a block of its own"));
                }
            }
        }
        return found;
    }

    /**
     * What to put before {@code tag}, at {@code column} of {@code line} of {@code block}: a blank line, which in a
     * quote is a line holding only its {@code >} (a blank line would end the quote); the tag on a line of its own when
     * text stands before it; the indentation taken away when it is 4 spaces in (a code block after a blank line).
     */
    private static String advice(HtmlBlock block, BasedSequence line, int column, String tag) {
        StringBuilder marks = new StringBuilder();
        for (Node p = block.getParent(); p != null; p = p.getParent()) {
            if (p instanceof BlockQuote) {
                marks.append(marks.isEmpty() ? ">" : " >");
            }
        }
        String blank = marks.isEmpty() ? "a blank line" : "a line holding only " + marks;
        int width = 0;
        for (int c = 0; c < column; c++) {
            char ch = line.charAt(c);
            if (ch == ' ') {
                width++;
            } else if (ch == '\t') {
                width += 4 - width % 4;
            } else {
                return "put the " + tag + "> on a line of its own, after " + blank;
            }
        }
        return "put " + blank + " before the " + tag + "> line" + (width >= 4
                ? " and take its indentation away (4 spaces in, after a blank line, it would start a code block)" : "");
    }

    /** Where {@code needle} (lower case) first is in {@code page} from {@code from} to {@code to}, in any case; or -1. */
    private static int indexOf(String page, String needle, int from, int to) {
        for (int i = page.indexOf('<', from); i >= 0 && i + needle.length() <= to; i = page.indexOf('<', i + 1)) {
            if (page.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code page} holds {@code <script} or {@code <style}, in any case: most pages hold neither. */
    private static boolean mentions(String page) {
        for (int i = page.indexOf('<'); i >= 0; i = page.indexOf('<', i + 1)) {
            if (page.regionMatches(true, i + 1, "script", 0, 6) || page.regionMatches(true, i + 1, "style", 0, 5)) {
                return true;
            }
        }
        return false;
    }
}
