package dev.kiln.html;

/**
 * The GitHub-style id of a heading's text, for the headings that come without one: those written in raw HTML
 * ({@code <h2>Getting started</h2>}), which flexmark, giving every Markdown heading its id, does not read. The rule
 * is the one the Markdown stage gives flexmark (README, Markdown; {@code HeadingIdTest} holds the two equal):
 * letters of any script (and letter numbers) in lower case, digits and {@code _} kept, every space and {@code -} a
 * dash, nothing collapsed, anything else left out.
 */
final class HeadingId {

    private HeadingId() {}

    /** The id of a heading that reads {@code text}: "" when nothing in it makes one. */
    static String of(String text) {
        StringBuilder id = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isLetter(c)) {
                id.append(Character.toLowerCase(c));
            } else if (Character.isDigit(c) || c == '_') {
                id.append(c);
            } else if (c == ' ' || c == '-') {
                id.append('-');
            }
        }
        return id.toString();
    }

    private static boolean isLetter(char c) {
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.LETTER_NUMBER -> true;
            default -> false;
        };
    }
}
