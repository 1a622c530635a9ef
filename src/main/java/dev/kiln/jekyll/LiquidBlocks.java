package dev.kiln.jekyll;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where the Liquid blocks the import converts end, as Liquid (5.4, Jekyll 4.3's) parses them: a
 * {@code {% raw %}} at its first {@code {% endraw %}}; a {@code {% comment %}} at the {@code {% endcomment %}}
 * that matches it, comments nesting; a {@code {% highlight %}} at the {@code {% endhighlight %}} that matches it.
 * Inside a comment or a highlight, a raw block is text to the end tag it holds: {@code {% endhighlight %}} in
 * {@code {% raw %}} ends no highlight.
 */
final class LiquidBlocks {

    /**
     * A block {@code name} with its {@code markup} (what follows the name in its start tag), from {@code start} to
     * {@code end} in its text, its body from {@code bodyStart} to {@code bodyEnd}; {@code trimBefore} and
     * {@code trimAfter} when its start tag opens with {@code {%-}, its end tag closes with {@code -%}} (Liquid then
     * strips the white space before it, after it).
     */
    record Block(String name, String markup, int start, int bodyStart, int bodyEnd, int end, boolean trimBefore,
                 boolean trimAfter) {}

    /** A tag: {@code {%}, a dash, its name, its markup, a dash, {@code %}}. */
    private static final Pattern TAG = Pattern.compile("\\{%(-?)\\s*(\\w+)(.*?)(-?)%}", Pattern.DOTALL);

    private LiquidBlocks() {}

    /**
     * The raw, comment or highlight block that starts at {@code start} of {@code text}, up to its end tag; null when
     * none starts there, or its end tag is missing (Jekyll refused such a page).
     */
    static Block at(String text, int start) {
        Matcher open = TAG.matcher(text);
        if (!open.region(start, text.length()).lookingAt()) {
            return null;
        }
        String name = open.group(2);
        if (!name.equals("raw") && !name.equals("comment") && !name.equals("highlight")) {
            return null;
        }
        Matcher tag = TAG.matcher(text);
        int depth = 1;
        int from = open.end();
        while (tag.find(from)) {
            String inner = tag.group(2);
            from = tag.end();
            if (inner.equals("end" + name) && --depth == 0) {
                return new Block(name, open.group(3).strip(), start, open.end(), tag.start(), tag.end(),
                        !open.group(1).isEmpty(), !tag.group(4).isEmpty());
            }
            if (name.equals("raw")) {
                continue;
            }
            if (inner.equals(name)) {
                depth++;
            } else if (inner.equals("raw")) {
                Block raw = at(text, tag.start());
                if (raw == null) {
                    return null;
                }
                from = raw.end();
            }
        }
        return null;
    }
}
