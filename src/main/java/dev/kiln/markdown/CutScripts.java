package dev.kiln.markdown;

import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code <script>} or {@code <style>} on a line inside an HTML block that an earlier line opened (a one-line
 * {@code <div id="chart"></div>} right above it), cut by a blank line: CommonMark ends such a block at its first blank
 * line, so the rest of the script, up to its {@code </script>}, is rendered as Markdown (paragraphs, curly quotes) and
 * the script breaks. A script that starts a block of its own (a blank line or text before it) is raw to its end tag.
 * Each such script is a warning at its tag, saying to put a blank line before it.
 */
final class CutScripts {

    /** A script's or style's start tag at the start of a line (up to three spaces in). */
    private static final Pattern START = Pattern.compile("^[ \\t]{0,3}<(script|style)(?=[\\s>]|$)",
            Pattern.CASE_INSENSITIVE);

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
            // The first line opens the block: a script there starts one of CommonMark's raw kind, to its end tag.
            for (int i = 1; i < lines.size(); i++) {
                Matcher start = START.matcher(lines.get(i));
                if (!start.find()) {
                    continue;
                }
                String end = "</" + start.group(1).toLowerCase(Locale.ROOT);
                String rest = page.substring(lines.get(i).getStartOffset(), block.getEndOffset()).toLowerCase(Locale.ROOT);
                String after = page.substring(block.getEndOffset()).toLowerCase(Locale.ROOT);
                if (!rest.contains(end) && after.contains(end)) {
                    String tag = "<" + start.group(1);
                    found.add(new BodyProblems.At(lines.get(i).getStartOffset() + start.start(1) - 1, tag
                            + "> is inside the HTML block that a line above opened, which ends at the first blank line:"
                            + " the rest of the " + (tag.equalsIgnoreCase("<script") ? "script" : "style")
                            + ", up to " + end + ">, is rendered as Markdown and breaks; put a blank line before the "
                            + tag + "> line, so that it starts a block of its own"));
                }
                break;
            }
        }
        return found;
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
