package dev.kiln.build;

import dev.kiln.error.Problem;
import dev.kiln.output.SiteOutput;
import dev.kiln.testing.Fixtures;
import dev.kiln.testing.SiteChecks;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page's headings and the ids its layout writes: each id stands once on a page, so that a heading's own
 * {@code #fragment} (its anchor, the table of contents, a shared deep link) leads to it; an id that still stands
 * twice is reported by the link check.
 */
class LayoutIdsTest {

    private static final String PAGE = "2024/01/01/ids/index.html";

    @TempDir
    Path site;

    private void write(String path, String text) throws IOException {
        Path file = site.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private BuildResult build() {
        return Fixtures.build(Fixtures.options(site));
    }

    /** How many elements of {@code page} have each id in {@code ids}. */
    private static void assertOnce(Document page, String... ids) {
        for (String id : ids) {
            assertEquals(1, page.select("[id=" + id + "]").size(), "elements with id " + id);
        }
    }

    private static void assertHeadingsLinkToThemselves(Document page, List<String> ids) {
        List<Element> headings = page.select(".post-content h2");
        assertEquals(ids, headings.stream().map(Element::id).toList());
        for (Element h : headings) {
            assertEquals("#" + h.id(), h.selectFirst("a.anchor").attr("href"));
        }
        assertEquals(ids.stream().map(id -> "#" + id).toList(), page.select("nav.toc a").eachAttr("href"),
                "the table of contents");
    }

    @Test
    void aHeadingNamedAsAnIdOfTheBuiltInThemeTakesTheNextFreeIdWithItsAnchorAndTableOfContents() throws IOException {
        write("content/posts/2024-01-01-ids.md", "---\ntitle: Ids\ntags: [x]\ntoc: true\n---\nIntro.\n\n"
                + "## Main content\n\nText.\n\n## Related title\n\nMore.\n\n## Main content\n\nAgain.\n");
        write("content/posts/2024-01-02-other.md", "---\ntitle: Other\ntags: [x]\n---\nOther.\n");

        Document page = SiteChecks.page(build().output(), PAGE);

        assertOnce(page, "main-content", "related-title", "main-content-1", "related-title-1", "main-content-2");
        assertEquals("main", page.getElementById("main-content").tagName(), "the skip link's target is the theme's");
        assertEquals("Related posts", page.getElementById("related-title").text());
        assertHeadingsLinkToThemselves(page, List.of("main-content-1", "related-title-1", "main-content-2"));
    }

    @Test
    void aBodyWithRawHtmlLeavesTheLayoutsIdsToItToo() throws IOException {
        // Raw HTML is finished by the HTML stage rather than the Markdown stage: the same ids.
        write("content/posts/2024-01-01-ids.md", "---\ntitle: Ids\ntoc: true\n---\nIntro.\n\n<div class=\"box\">raw</div>\n\n"
                + "## Main content\n\nText.\n\n## Main content\n\nAgain.\n\n<h2>Main content</h2>\n");

        Document page = SiteChecks.page(build().output(), PAGE);

        assertOnce(page, "main-content");
        assertHeadingsLinkToThemselves(page, List.of("main-content-1", "main-content-2", "main-content-3"));
    }

    @Test
    void theIdsOfASitesOwnLayoutItsBaseAndPartialsAreLeftToThemAndThoseOfExpressionsAreReported() throws IOException {
        write("layouts/base.peb", "<!DOCTYPE html>\n<html lang=\"en\"><head><title>{{ page.title }}</title></head>\n"
                + "<body>{% include \"partials/nav\" %}{% block content %}{% endblock %}</body></html>\n");
        write("layouts/partials/nav.peb", "<nav id='site-nav'><a href=\"/\">Home</a></nav>\n");
        write("layouts/post.peb", "{% extends \"base\" %}{% block content %}{# <p id=\"in-a-comment\"> #}\n"
                + "<article id=\"post-{{ page.title | lower }}\" data-id=\"not-an-id\">{{ page.content | raw }}</article>\n"
                + "<section id=comments>Comments</section>{% endblock %}\n");
        write("content/posts/2024-01-01-ids.md", "---\ntitle: Ids\n---\nIntro.\n\n## Site nav\n\n## Comments\n\n"
                + "## Not an id\n\n## In a comment\n\n## Post ids\n");

        BuildResult result = build();
        Document page = SiteChecks.page(result.output(), PAGE);

        assertEquals(List.of("site-nav-1", "comments-1", "not-an-id", "in-a-comment", "post-ids"),
                page.select("article h2").eachAttr("id"));
        // An id made by an expression is known once the page is laid out: the link check tells it stands twice.
        List<Problem> problems = LinkReport.problems(result, site);
        assertEquals(List.of("content/posts/2024-01-01-ids.md:1:1: duplicate id 'post-ids' (on " + PAGE + ", written by its"
                + " layout or made from a heading): a link to #post-ids leads only to the first element that has it: give"
                + " each of the others an id of its own"), problems.stream().map(Problem::toString).toList());
    }

    @Test
    void anIdOfASetOrAScriptIsNoElementsAndLeavesTheHeadingsAlone() throws IOException {
        write("layouts/post.peb", "{% set id = \"summary\" %}<article>{{ page.content | raw }}</article>\n"
                + "<script>var id = 'notes'; document.getElementById(id);</script>\n");
        write("content/posts/2024-01-01-ids.md", "---\ntitle: Ids\n---\nIntro.\n\n## Summary\n\n## Notes\n");

        Document page = SiteChecks.page(build().output(), PAGE);

        assertEquals(List.of("summary", "notes"), page.select("article h2").eachAttr("id"));
    }

    @Test
    void anIdGivenTwiceIsReportedAtItsIdNotAtADataIdBeforeIt() throws IOException {
        write("content/posts/2024-01-01-ids.md", "---\ntitle: Ids\n---\nIntro.\n\n<div data-id=\"box\" id=\"box\">one"
                + "</div>\n\n<p id=\"box\">two</p>\n");

        List<Problem> problems = LinkReport.problems(build(), site);

        assertEquals(List.of("content/posts/2024-01-01-ids.md:6:20: duplicate id 'box' (on " + PAGE + "): a link to #box"
                + " leads only to the first element that has it: give each of the others an id of its own"),
                problems.stream().map(Problem::toString).toList());
    }

    @Test
    void anIdGivenTwiceInAPostsRawHtmlIsReportedAtItsLine() throws IOException {
        write("content/posts/2024-01-01-ids.md", "---\ntitle: Ids\n---\nIntro.\n\n<div id=\"box\">one</div>\n\n"
                + "<p id=\"box\">two</p>\n\nSee [the box](#box).\n");

        List<Problem> problems = LinkReport.problems(build(), site);

        assertEquals(List.of("content/posts/2024-01-01-ids.md:6:6: duplicate id 'box' (on " + PAGE + "): a link to #box"
                + " leads only to the first element that has it: give each of the others an id of its own"),
                problems.stream().map(Problem::toString).toList());
        assertEquals("1 duplicate id", LinkReport.counted(problems));
    }

    @Test
    void aLayoutEditedToWriteAnIdMovesTheHeadingsOfAWarmBuild() throws IOException {
        write("layouts/post.peb", "<!DOCTYPE html>\n<html lang=\"en\"><head><title>{{ page.title }}</title></head>\n"
                + "<body><main>{{ page.content | raw }}</main></body></html>\n");
        write("content/posts/2024-01-01-ids.md", "---\ntitle: Ids\n---\nIntro.\n\n## Top\n");

        try (Build warm = new Build(line -> { })) {
            SiteOutput before = warm.run(Fixtures.options(site)).output();
            assertNotNull(SiteChecks.page(before, PAGE).getElementById("top"));

            write("layouts/post.peb", "<!DOCTYPE html>\n<html lang=\"en\"><head><title>{{ page.title }}</title></head>\n"
                    + "<body><main id=\"top\">{{ page.content | raw }}</main></body></html>\n");
            Document after = SiteChecks.page(warm.run(Fixtures.options(site), Set.of("layouts/post.peb")).output(), PAGE);

            assertEquals("main", after.getElementById("top").tagName());
            assertEquals("top-1", after.selectFirst("h2").id());
            assertTrue(after.selectFirst("h2 a.anchor").attr("href").equals("#top-1"));
        }
    }
}
