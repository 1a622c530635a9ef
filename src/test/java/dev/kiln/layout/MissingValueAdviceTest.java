package dev.kiln.layout;

import dev.kiln.error.SiteException;
import dev.kiln.testing.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The advice for a value a layout reads that does not exist names the object it was read from: a key of
 * {@code site} is site.yml's ({@code site.params.KEY}), a key of Jekyll's page that Kiln reads itself is the value
 * Kiln gives it (until 2026-12-07 each said {@code page.params.KEY}, which was an error too).
 */
class MissingValueAdviceTest {

    private static final String POST = "content/posts/2020-03-15-hello.md";
    private static final String AT = "layouts/post.peb:1:";
    private static final String LAID_OUT = " (laying out " + POST + "): ";
    private static final String SITE_VALUES = " (site's values: title, description, author, url, feed_url, language,"
            + " nav, params, years)";

    @TempDir
    Path site;

    @BeforeEach
    void aSiteWithAPostAndKeysOfItsOwn() throws IOException {
        write("site.yml", "title: Keys\ntwitter: annexample\n");
        write(POST, "---\ntitle: Hello\nlast_modified_at: 2020-04-01\n---\nBody.\n");
    }

    @Test
    void aKeyOfSiteYmlReadFromSiteIsSaidToBeSiteParams() throws IOException {
        assertEquals(AT + "13: layout error: 'twitter' does not exist here" + LAID_OUT + "site.yml's twitter: is"
                + " site.params.twitter, as every key of site.yml's own is (at its top level or under params:)"
                + SITE_VALUES, problemOf("<a>@{{ site.twitter }}</a>"));
    }

    @Test
    void aNearMissOfSitesOwnValuesIsNamed() throws IOException {
        assertEquals(AT + "12: layout error: 'autor' does not exist here" + LAID_OUT + "check its spelling: did you mean site.author?"
                + SITE_VALUES, problemOf("<p>{{ site.autor }}</p>"));
    }

    @Test
    void aKeyThatNeitherSiteNorSiteYmlHasIsSiteYmlsToAdd() throws IOException {
        assertEquals(AT + "12: layout error: 'mastodon' does not exist here" + LAID_OUT + "check its spelling"
                + SITE_VALUES + "; a key of site.yml of your own is site.params.mastodon, once site.yml has mastodon: ...",
                problemOf("<p>{{ site.mastodon }}</p>"));
    }

    @Test
    void jekyllsSiteValuesSayWhatKilnHasInstead() throws IOException {
        assertEquals(AT + "12: layout error: 'time' does not exist here" + LAID_OUT + "Jekyll's site.time (the time of"
                + " the build) is not Kiln's, whose output does not change with the time it is built: site.years is the"
                + " years the posts span (2018–2026), for a footer", problemOf("<p>{{ site.time | date(\"yyyy\") }}</p>"));
        assertEquals(AT + "12: layout error: 'data' does not exist here" + LAID_OUT + "Jekyll's site.data (_data/ files)"
                + " is not Kiln's: put the values in site.yml, under params: or at its top level, and read them as"
                + " site.params.KEY", problemOf("<p>{{ site.data.authors }}</p>"));
    }

    @Test
    void jekyllsPageKeysThatKilnReadsItselfNameKilnsValue() throws IOException {
        assertEquals(AT + "12: layout error: 'last_modified_at' does not exist here" + LAID_OUT + "Kiln reads"
                + " last_modified_at (or lastmod) itself: its value is page.updated_iso (post.updated_iso in a list),"
                + " ISO 8601 text, the date where the page sets none", problemOf("<p>{{ page.last_modified_at }}</p>"));
        assertEquals(AT + "12: layout error: 'categories' does not exist here" + LAID_OUT + "Kiln reads categories"
                + " itself, for permalink's :categories; what layouts show of a post is its tags: page.tags (name, slug,"
                + " url)", problemOf("<p>{{ page.categories | join(\", \") }}</p>"));
        assertEquals(AT + "12: layout error: 'excerpt' does not exist here" + LAID_OUT + "a post's excerpt is"
                + " post.excerpt of Kiln's lists (posts, paginator.posts, tag.posts: HTML, printed with | raw); on its"
                + " own page, page.description is its text", problemOf("<p>{{ page.excerpt | raw }}</p>"));
    }

    @Test
    void aNearMissOfAPagesValueIsNamed() throws IOException {
        assertEquals(AT + "12: layout error: 'dtae' does not exist here" + LAID_OUT + "check its spelling: did you mean date? (README"
                + " lists what layouts see); a front matter key of your own is under params: page.params.dtae,"
                + " post.params.dtae (| default(...) cannot stand in for a key Kiln's values lack: it would print the"
                + " default for every page)", problemOf("<p>{{ page.dtae }}</p>"));
    }

    /** The one problem of a post layout that is {@code line}. */
    private String problemOf(String line) throws IOException {
        write("layouts/post.peb", line + "\n");
        SiteException e = assertThrows(SiteException.class, () -> Fixtures.build(Fixtures.options(site)));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0).toString();
    }

    private void write(String path, String text) throws IOException {
        Path file = site.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
