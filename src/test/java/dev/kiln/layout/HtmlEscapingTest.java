package dev.kiln.layout;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.unbescape.html.HtmlEscape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Kiln's {@code html} escaping for Pebble writes what Pebble's own (unbescape's {@code escapeHtml4Xml}) wrote,
 * character for character, so that replacing it changed no byte of any site.
 */
class HtmlEscapingTest {

    @Test
    void escapesTheFiveMarkupCharactersAsPebbleDid() {
        String text = "Tom & Jerry's <b>\"best\"</b> &amp; more";

        assertEquals("Tom &amp; Jerry&#39;s &lt;b&gt;&quot;best&quot;&lt;/b&gt; &amp;amp; more", Layouts.escapeHtml(text));
        assertEquals(HtmlEscape.escapeHtml4Xml(text), Layouts.escapeHtml(text));
    }

    @Test
    void textWithoutMarkupCharactersIsReturnedAsItIs() {
        String text = "Déjà vu — “quotes”, emoji 😀, a tab\tand a NUL\u0000";

        assertSame(text, Layouts.escapeHtml(text));
        assertEquals(HtmlEscape.escapeHtml4Xml(text), text);
    }

    @Property(tries = 2000)
    void anyTextIsEscapedAsUnbescapeEscapesIt(@ForAll("texts") String text) {
        assertEquals(HtmlEscape.escapeHtml4Xml(text), Layouts.escapeHtml(text));
    }

    @Provide
    Arbitrary<String> texts() {
        // Markup characters, entities' parts, letters, non-ASCII, controls, and lone and paired surrogates.
        Arbitrary<Character> chars = Arbitraries.oneOf(
                Arbitraries.of('&', '<', '>', '"', '\'', ';', '#', 'a', ' ', '\n', '\u0000', '\u007f', '\u00a0',
                        'é', '’', '\ud83d', '\ude00', '\u2028'),
                Arbitraries.chars().all());
        return chars.list().ofMaxSize(40).map(list -> {
            StringBuilder text = new StringBuilder();
            list.forEach(text::append);
            return text.toString();
        });
    }
}
