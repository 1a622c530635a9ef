package dev.kiln.highlight;

/** Turns source code into escaped HTML, with tokens wrapped in {@code <span class="tok-...">}. */
public interface Highlighter {

    /**
     * The HTML of {@code code} (escaped, ready to stand inside {@code <code>}); plain escaped text when
     * {@code language} is empty or unknown.
     */
    String highlight(String code, String language);

    /** A highlighter that only escapes. */
    static Highlighter plain() {
        return (code, language) -> Html.escape(code);
    }
}
