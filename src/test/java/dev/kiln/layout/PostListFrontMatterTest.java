package dev.kiln.layout;

import dev.kiln.build.Build;
import dev.kiln.build.BuildResult;
import dev.kiln.error.SiteException;
import dev.kiln.output.SiteOutput;
import dev.kiln.testing.Fixtures;
import dev.kiln.testing.SiteChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A post in a list ({@code paginator.posts}, a tag's posts, {@code posts}, {@code related}) has the values of its front
 * matter that its own page has: {@code image}, {@code description}, {@code params}, {@code updated_iso}.
 */
class PostListFrontMatterTest {

    private static final String FIRST = "content/posts/2024-01-02-first.md";
    private static final String ENTRY = "[{{ p.title }}|{{ p.image }}|{{ p.description }}|{{ p.params.subtitle | default(\"-\") }}"
            + "|{{ p.updated_iso }}]";

    @TempDir
    Path site;

    @Test
    void aPostInEveryListHasTheImageDescriptionAndParamsOfItsOwnPage() throws IOException {
        write(FIRST, "---\ntitle: First\nimage: /cover.png\ndescription: About first\nsubtitle: Sub\ntags: [a]\n"
                + "last_modified_at: 2024-02-03\n---\nHello.\n");
        write("content/posts/2024-01-01-second.md", "---\ntitle: Second\nimage: cover.jpg\ntags: [a]\n---\nIts opening.\n");
        write("content/cover.png", "png");
        write("layouts/post.peb", "{% set p = page %}<p id=\"own\">" + ENTRY + "</p>\n"
                + "<p id=\"related\">{% for p in page.related %}" + ENTRY + "{% endfor %}</p>\n");
        write("layouts/home.peb", "<p id=\"list\">{% for p in paginator.posts %}" + ENTRY + "{% endfor %}</p>\n"
                + "<p id=\"all\">{% for p in posts %}" + ENTRY + "{% endfor %}</p>\n");
        write("layouts/tag.peb", "<p id=\"list\">{% for p in tag.posts %}" + ENTRY + "{% endfor %}</p>\n");
        write("layouts/page.peb", "x");
        write("layouts/tags.peb", "x");

        SiteOutput out = build();

        String first = "[First|/cover.png|About first|Sub|2024-02-03T00:00:00Z]";
        String second = "[Second|/2024/01/01/second/cover.jpg|Its opening.|-|2024-01-01T00:00:00Z]";
        assertEquals(first, SiteChecks.page(out, "2024/01/02/first/index.html").getElementById("own").text());
        assertEquals(second, SiteChecks.page(out, "2024/01/01/second/index.html").getElementById("own").text());
        assertEquals(second, SiteChecks.page(out, "2024/01/02/first/index.html").getElementById("related").text());
        assertEquals(first + second, SiteChecks.page(out, "index.html").getElementById("list").text());
        assertEquals(first + second, SiteChecks.page(out, "index.html").getElementById("all").text());
        assertEquals(first + second, SiteChecks.page(out, "tags/a/index.html").getElementById("list").text());
    }

    @Test
    void aKeyThatKilnsValuesLackSaysToLookInParamsAndOneThatNoPostSetsSaysToWriteDefault() throws IOException {
        write(FIRST, "---\ntitle: First\nsubtitle: Sub\n---\nHello.\n");
        writeOwnLayouts();
        // Said "or write | default(...)", which printed the default for every post, though they set it.
        write("layouts/home.peb", "{% for p in paginator.posts %}\n{{ p.subtitle }}{% endfor %}\n");

        assertEquals("layouts/home.peb:2:6: layout error: 'subtitle' does not exist here (laying out the home page): "
                + "check its spelling (README lists what layouts see); a front matter key of your own is under params: "
                + "page.params.subtitle, post.params.subtitle (| default(...) cannot stand in for a key Kiln's values "
                + "lack: it would print the default for every page)", onlyProblem());

        // A key of front matter that no post sets: default(...) is what to write, and prints the default.
        write("layouts/home.peb", "{% for p in paginator.posts %}\n{{ p.params.lede }}{% endfor %}\n");
        assertEquals("layouts/home.peb:2:13: layout error: 'lede' does not exist here (laying out the home page): "
                + "check its spelling (README lists what layouts see), or, for a value that some pages do not set, "
                + "test it with {% if ... is not null %} (or is defined) or write | default(...)", onlyProblem());
        write("layouts/home.peb", "<p id=\"lede\">{% for p in paginator.posts %}{{ p.params.lede | default(\"none\") }}"
                + "{% endfor %}</p>\n");
        assertEquals("none", SiteChecks.page(build(), "index.html").getElementById("lede").text());
    }

    @Test
    void anEditOfAPostsImageLaysOutTheListsOnlyWhenALayoutShowsItThere() throws IOException {
        write(FIRST, "---\ntitle: First\nimage: /a.png\n---\nHello.\n");
        write("content/posts/2024-01-01-second.md", "---\ntitle: Second\n---\nIts opening.\n");
        writeOwnLayouts();
        write("layouts/home.peb", "<p>{% for p in paginator.posts %}{{ p.title }}{% endfor %}</p>\n");
        try (Build warm = new Build(line -> {})) {
            check(warm, null);

            write(FIRST, "---\ntitle: First\nimage: /b.png\ndescription: New\n---\nHello.\n");
            assertEquals(1, check(warm, Set.of(FIRST)).layoutRenders(), "only the post's own page: no list shows them");

            write("layouts/home.peb", "<p>{% for p in paginator.posts %}{{ p.title }}:{{ p.image }};{% endfor %}</p>\n");
            check(warm, Set.of("layouts/home.peb"));

            write(FIRST, "---\ntitle: First\nimage: /c.png\n---\nHello.\n");
            BuildResult shown = check(warm, Set.of(FIRST));
            assertEquals("First:/c.png;Second:;", SiteChecks.page(shown.output(), "index.html").selectFirst("p").text());
        }
    }

    /** Runs {@code warm} told of {@code changed} and a build from nothing; both must give the same bytes. */
    private BuildResult check(Build warm, Set<String> changed) {
        BuildResult result = warm.run(Fixtures.options(site), changed);
        SiteOutput fresh = build();
        assertEquals(fresh.files().keySet(), result.output().files().keySet());
        for (String path : fresh.files().keySet()) {
            assertArrayEquals(fresh.get(path), result.output().get(path), path);
        }
        return result;
    }

    private void writeOwnLayouts() throws IOException {
        for (String name : List.of("base", "home", "page", "post", "tag", "tags")) {
            write("layouts/" + name + ".peb", "<!DOCTYPE html>\n<html><head><title>{{ page.title }}</title></head>"
                    + "<body>" + name + "</body></html>\n");
        }
    }

    private String onlyProblem() {
        SiteException e = assertThrows(SiteException.class, this::build);
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0).toString();
    }

    private SiteOutput build() {
        return Fixtures.build(Fixtures.options(site)).output();
    }

    private void write(String path, String text) throws IOException {
        Path file = site.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
