package dev.kiln.content;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlugsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "AWS,                 aws",
            "Hello World,         hello-world",
            "'  Hello   World  ', hello-world",
            "Serverless & AWS,    serverless-aws",
            "'what-i-learned',    what-i-learned",
            "'Don''t panic!',     don-t-panic",
            "Java 17,             java-17",
            "under_score,         under-score",
    })
    void makesLowerCaseDashedSlug(String text, String slug) {
        assertEquals(slug, Slugs.of(text));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "'Issue #42 fixed',  issue-42-fixed",
            "'#tips',            tips",
            "C#,                 c-sharp",
            "'f# and j#',        f-sharp-and-j-sharp",
            "'ABC#',             abc",
            "'C++ #1',           c-plus-plus-1",
    })
    void aTitlesHashIsSharpOnlyAfterALanguagesLetter(String title, String slug) {
        assertEquals(slug, Slugs.ofTitle(title));
    }

    @Test
    void aTitleWithNoLetterOrDigitHasNoSlugWhereATagGetsAHexName() {
        assertEquals(null, Slugs.ofTitle("\uD83C\uDF89\uD83C\uDF89"));
        assertEquals(null, Slugs.ofTitle("..."));
        assertEquals("x-f09f8e89", Slugs.of("\uD83C\uDF89"));
        // A tag keeps its URL: every '#' of it is "sharp", as it always was.
        assertEquals("sharp-tips", Slugs.of("#tips"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "Café,            café",
            "C++,             c-plus-plus",
            "C#,              c-sharp",
            "F# and C,        f-sharp-and-c",
            "Ünïcode Café,    ünïcode-café",
            "日本語,          日本語",
            "Привет мир,      привет-мир",
    })
    void keepsNonAsciiLetters(String text, String slug) {
        assertEquals(slug, Slugs.of(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"T\u0308\u0300", "\u0399\u0308\u0300", "\u03A5\u0308\u0300", "\u03AA\u0300",
            "\u03AB\u0300", "\u1FBC\u0300", "\u1FCC\u0300", "\u1FFC\u0300"})
    void aCapitalWhoseLowerCaseComposesFurtherStillGivesASlugThatIsItsOwnSlug(String tag) {
        // lower-cased after composing, these left sequences that compose further: the slug's slug differed
        String slug = Slugs.of(tag);
        assertEquals(slug, Slugs.of(slug));
        assertEquals(java.text.Normalizer.normalize(slug, java.text.Normalizer.Form.NFC), slug);
    }

    @Test
    void composesDecomposedAccents() {
        assertEquals("café", Slugs.of("Cafe\u0301"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"../etc/passwd", "a/b", "..", "/", "..\\..\\windows", "./.", "a/../b"})
    void neverKeepsSlashesOrDotDot(String text) {
        String slug = Slugs.of(text);
        assertFalse(slug.contains("/"), slug);
        assertFalse(slug.contains("\\"), slug);
        assertFalse(slug.contains(".."), slug);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"!!!", "..", "   ", "+", "&", "#"})
    void givesTextWithoutLettersANonEmptySafeSlug(String text) {
        String slug = Slugs.of(text);
        assertFalse(slug.isEmpty());
        assertTrue(slug.matches("[a-z0-9-]+"), slug);
    }

    @Test
    void givesDifferentSymbolsDifferentSlugs() {
        assertNotEquals(Slugs.of("+"), Slugs.of("#"));
    }

    @Test
    void givesEmptyTextANonEmptySlug() {
        assertFalse(Slugs.of("").isEmpty());
    }
}
