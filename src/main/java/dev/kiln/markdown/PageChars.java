package dev.kiln.markdown;

import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.CharSubSequence;

/**
 * The characters of a page as flexmark parses them, and of a piece of it in an array. flexmark's sequences
 * are views of the page's characters; parsed from an array of them rather than from the page's string, a
 * character is read from the array rather than through a call to the string (which checks the index and
 * its coding again), and one bulk copy out of the array costs less than a call through the sequence for
 * each character.
 */
final class PageChars {

    private PageChars() {}

    /** {@code markdown} as flexmark parses it: a sequence over an array of its characters. */
    static BasedSequence of(String markdown) {
        return CharSubSequence.of(markdown);
    }

    /** Copies the characters of {@code s} into {@code into}, from 0 (it must have room), and returns it. */
    static char[] copy(CharSequence s, char[] into) {
        if (s instanceof CharSubSequence sub) {
            System.arraycopy(sub.getBase(), sub.getStartOffset(), into, 0, sub.length());
        } else if (s instanceof String string) {
            string.getChars(0, string.length(), into, 0);
        } else {
            for (int i = 0, n = s.length(); i < n; i++) {
                into[i] = s.charAt(i);
            }
        }
        return into;
    }
}
