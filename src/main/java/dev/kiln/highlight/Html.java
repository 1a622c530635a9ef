package dev.kiln.highlight;

/** HTML text escaping for code. */
final class Html {

    private Html() {}

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        escapeTo(out, text.toCharArray(), 0, text.length());
        return out.toString();
    }

    static void escapeTo(StringBuilder out, char[] text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text[i];
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                default -> out.append(c);
            }
        }
    }
}
