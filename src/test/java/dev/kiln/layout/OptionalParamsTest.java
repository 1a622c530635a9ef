package dev.kiln.layout;

import dev.kiln.error.SiteException;
import dev.kiln.output.SiteOutput;
import dev.kiln.testing.Fixtures;
import dev.kiln.testing.SiteChecks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * README's tests of an optional value ({@code is null}, {@code is not null}, {@code is empty}, {@code is not empty})
 * work on a key of {@code params} that some pages do not set; strict variables stay on everywhere else (until
 * 2026-12-07 {@code page.params.subtitle is not null} was an error on a post without it, saying to check its spelling).
 */
class OptionalParamsTest {

    private static final String WITH = "content/posts/2020-03-15-with.md";
    private static final String WITHOUT = "content/posts/2020-03-16-without.md";

    @TempDir
    Path site;

    @BeforeEach
    void twoPostsOneWithASubtitle() throws IOException {
        write("site.yml", "title: T\nsocial:\n  github: ann\n");
        write(WITH, "---\ntitle: With\nsubtitle: A tour\nauthor:\n  name: Ann\n---\nBody.\n");
        write(WITHOUT, "---\ntitle: Without\n---\nBody.\n");
    }

    @Test
    void theTestsOfAnOptionalValueWorkOnAParamsKeyAPageDoesNotSet() throws IOException {
        write("layouts/post.peb", "<p id=\"a\">{% if page.params.subtitle is not null %}{{ page.params.subtitle }}"
                + "{% endif %}</p>\n<p id=\"b\">{{ page.params.subtitle is null ? \"none\" : \"some\" }}</p>\n"
                + "<p id=\"c\">{% if not (page.params.subtitle is empty) %}{{ page.params.subtitle }}{% endif %}</p>\n"
                + "<p id=\"d\">{% if page.params.author.name is not empty %}{{ page.params.author.name }}{% endif %}</p>\n"
                + "<p id=\"e\">{% if site.params.social.mastodon is not null %}m{% endif %}"
                + "{% if site.params.social.github is not null %}{{ site.params.social.github }}{% endif %}"
                + "{% if site.params.twitter is null %}-{% endif %}</p>\n");

        SiteOutput out = Fixtures.build(Fixtures.options(site)).output();

        var with = SiteChecks.page(out, "2020/03/15/with/index.html");
        var without = SiteChecks.page(out, "2020/03/16/without/index.html");
        assertEquals("A tour|some|A tour|Ann|ann-", texts(with));
        assertEquals("|none|||ann-", texts(without));
    }

    @Test
    void aKeyTestedUnderAValueThatIsATextIsNotSet() throws IOException {
        // author: Jane (jekyll-seo-tag's text) where a layout also reads author: {name: Jane} (its map).
        write(WITHOUT, "---\ntitle: Without\nauthor: Jane\n---\nBody.\n");
        write("layouts/post.peb", "<p id=\"a\">{% if page.params.author.name is not null %}{{ page.params.author.name }}"
                + "{% else %}{{ page.params.author }}{% endif %}</p>\n");

        SiteOutput out = Fixtures.build(Fixtures.options(site)).output();

        assertEquals("Ann", SiteChecks.page(out, "2020/03/15/with/index.html").getElementById("a").text());
        assertEquals("Jane", SiteChecks.page(out, "2020/03/16/without/index.html").getElementById("a").text());
    }

    /** The texts of paragraphs a to e of {@code page}, joined by |. */
    private static String texts(org.jsoup.nodes.Document page) {
        return String.join("|", java.util.stream.Stream.of("a", "b", "c", "d", "e")
                .map(id -> page.getElementById(id).text()).toList());
    }

    @Test
    void aParamsKeyPrintedOrAKeyOfKilnsValuesTestedIsStillAnError() throws IOException {
        write("layouts/post.peb", "<p>{{ page.params.subtitle }}</p>\n");
        SiteException e = assertThrows(SiteException.class, () -> Fixtures.build(Fixtures.options(site)));
        assertTrue(e.problems().get(0).toString().startsWith("layouts/post.peb:1:19: layout error: 'subtitle' does not"
                + " exist here (laying out " + WITHOUT + "): check its spelling (README lists what layouts see), or,"
                + " for a value that some pages do not set, test it with {% if ... is not null %} (or is defined) or"
                + " write | default(...)"), e.getMessage());

        write("layouts/post.peb", "<p>{% if page.titel is not null %}x{% endif %}</p>\n");
        e = assertThrows(SiteException.class, () -> Fixtures.build(Fixtures.options(site)));
        assertTrue(e.problems().get(0).toString().startsWith("layouts/post.peb:1:15: layout error: 'titel' does not"
                + " exist here"), e.getMessage());
    }

    private void write(String path, String text) throws IOException {
        Path file = site.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
