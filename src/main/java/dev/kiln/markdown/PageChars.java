package dev.kiln.markdown;

import com.vladsch.flexmark.util.sequence.SubSequence;

/**
 * The characters of a piece of a page in an array: flexmark's sequences are views of the page's string, and
 * one bulk copy out of it costs less than a call through the sequence for each character.
 */
final class PageChars {

    private PageChars() {}

    /** Copies the characters of {@code s} into {@code into}, from 0 (it must have room), and returns it. */
    static char[] copy(CharSequence s, char[] into) {
        if (s instanceof String string) {
            string.getChars(0, string.length(), into, 0);
        } else if (s instanceof SubSequence sub && sub.getBase() instanceof String base) {
            base.getChars(sub.getStartOffset(), sub.getEndOffset(), into, 0);
        } else {
            for (int i = 0, n = s.length(); i < n; i++) {
                into[i] = s.charAt(i);
            }
        }
        return into;
    }
}
