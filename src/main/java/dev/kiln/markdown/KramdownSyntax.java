package dev.kiln.markdown;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the kramdown syntax that Jekyll posts use into what flexmark reads, outside code:
 * attribute lists {@code {: .class}} become {@code {.class}}, and {@code [TOC]} or kramdown's
 * {@code * TOC} + {@code {:toc}} become a placeholder that the HTML stage fills with the headings.
 */
final class KramdownSyntax {

    /** Replaced by the table of contents after the headings have their final ids. */
    static final String TOC_PLACEHOLDER = "<div class=\"kiln-toc\"></div>";

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");
    private static final Pattern IAL = Pattern.compile("\\{:(?!:)\\s*");
    private static final Pattern TOC = Pattern.compile("^\\s*\\[TOC]\\s*$");
    private static final Pattern KRAMDOWN_TOC_ITEM = Pattern.compile("^\\s*(?:[*+-]|1\\.)\\s+.*$");
    private static final Pattern KRAMDOWN_TOC_MARK = Pattern.compile("^\\s*\\{:\\s*toc\\s*}\\s*$");

    private KramdownSyntax() {}

    static String rewrite(String markdown) {
        if (markdown.indexOf('{') < 0 && !markdown.contains("[TOC]")) {
            return markdown;
        }
        String[] lines = markdown.split("\n", -1);
        StringBuilder out = new StringBuilder(markdown.length() + 64);
        String fence = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher f = FENCE.matcher(line);
            if (fence != null) {
                if (f.find() && f.group(1).charAt(0) == fence.charAt(0) && f.group(1).length() >= fence.length()
                        && line.trim().length() == f.group(1).length()) {
                    fence = null;
                }
                append(out, line, i, lines.length);
                continue;
            }
            if (f.find()) {
                fence = f.group(1);
                append(out, line, i, lines.length);
                continue;
            }
            if (isIndentedCode(line)) {
                append(out, line, i, lines.length);
            } else if (TOC.matcher(line).matches()) {
                append(out, TOC_PLACEHOLDER + "\n", i, lines.length);
            } else if (i + 1 < lines.length && KRAMDOWN_TOC_ITEM.matcher(line).matches()
                    && KRAMDOWN_TOC_MARK.matcher(lines[i + 1]).matches()) {
                i++;
                append(out, TOC_PLACEHOLDER + "\n", i, lines.length);
            } else {
                append(out, outsideCodeSpans(line), i, lines.length);
            }
        }
        return out.toString();
    }

    private static boolean isIndentedCode(String line) {
        return line.startsWith("\t") || line.startsWith("    ");
    }

    private static void append(StringBuilder out, String line, int index, int count) {
        out.append(line);
        if (index < count - 1) {
            out.append('\n');
        }
    }

    /** Applies the attribute-list rewrite to the parts of a line outside {@code `code spans`}. */
    private static String outsideCodeSpans(String line) {
        if (!line.contains("{:")) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length());
        int i = 0;
        while (i < line.length()) {
            int tick = line.indexOf('`', i);
            if (tick < 0) {
                out.append(IAL.matcher(line.substring(i)).replaceAll("{"));
                break;
            }
            out.append(IAL.matcher(line.substring(i, tick)).replaceAll("{"));
            int run = tick;
            while (run < line.length() && line.charAt(run) == '`') {
                run++;
            }
            String ticks = line.substring(tick, run);
            int close = line.indexOf(ticks, run);
            int end = close < 0 ? run : close + ticks.length();
            out.append(line, tick, end);
            i = end;
        }
        return out.toString();
    }
}
