package dev.kiln.layout;

import dev.kiln.error.Problem;
import dev.kiln.error.SiteException;
import dev.kiln.output.SiteOutput;
import dev.kiln.testing.Fixtures;
import dev.kiln.testing.SiteChecks;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How a site's layouts fit together, as a theme author meets it: include loops, blocks that have no place in the
 * layout they extend, text outside the blocks, Jekyll's front matter in a layout; each an error at its line.
 */
@Timeout(60)
class LayoutOutlineTest {

    private static final String POST = "content/posts/2020-03-15-hello.md";
    private static final String POST_PAGE = "2020/03/15/hello/index.html";

    @TempDir
    Path site;

    @BeforeEach
    void aSiteWithABaseLayout() throws IOException {
        write(POST, "---\ntitle: Hello\n---\nMy precious words.\n");
        write("content/about.md", "---\ntitle: About\n---\nAbout me.\n");
        write("layouts/base.peb", "<!DOCTYPE html>\n<html><head><title>{% block title %}{{ page.title }}{% endblock %}"
                + "</title></head><body>\n{% include \"partials/header\" %}\n<main>\n{% block content %}{% endblock %}\n"
                + "</main>\n</body></html>\n");
        write("layouts/partials/header.peb", "<header>{{ site.title }}</header>\n");
        for (String name : List.of("post", "page", "home", "tag", "tags")) {
            write("layouts/" + name + ".peb", "{% extends \"base\" %}\n{% block content %}<h1>{{ page.title }}</h1>"
                    + "{{ page.content | raw }}{% endblock %}\n");
        }
    }

    // ---- include loops ----

    @Test
    void twoPartialsThatIncludeEachOtherAreAnErrorAtTheIncludeThatClosesTheLoop() throws IOException {
        write("layouts/partials/header.peb", "<header>{{ site.title }}</header>\n{% include \"partials/footer\" %}\n");
        write("layouts/partials/footer.peb", "<footer>{{ site.title }}</footer>\n\n{% include \"partials/header\" %}\n");

        assertEquals("layouts/partials/footer.peb:3:4: layout error: include loop: partials/footer -> partials/header"
                + " -> partials/footer: each page would include them without end; remove this {% include %} or another "
                + "of the loop (an include meant to repeat, for a tree of menus, goes under an {% if %} that ends it)",
                onlyProblem().toString());
    }

    @Test
    void aPartialThatIncludesItselfIsAnErrorAtItsInclude() throws IOException {
        write("layouts/partials/header.peb", "<header>{{ page.title }}</header>{% include \"partials/header\" %}\n");

        assertTrue(onlyProblem().toString().startsWith("layouts/partials/header.peb:1:37: layout error: include loop: "
                + "partials/header -> partials/header: "), onlyProblem().toString());
    }

    @Test
    void anIncludeLoopUnderAnIfStopsAHundredIncludesDeepAtTheIncludeThatLoops() throws IOException {
        write("layouts/partials/header.peb", "<header>{{ site.title }}</header>\n"
                + "{% if page.title is not null %}{% include \"partials/footer\" %}{% endif %}\n");
        write("layouts/partials/footer.peb", "<footer>{{ page.title }}</footer>\n{% include \"partials/header\" %}\n");

        Problem problem = onlyProblem();

        // The 101st include is the footer's (base includes the header, the header the footer, ...).
        assertTrue(problem.toString().startsWith("layouts/partials/footer.peb:2:4: layout error: includes nested more "
                + "than 100 deep: partials/footer -> partials/header -> partials/footer (laying out "), problem.toString());
        assertTrue(problem.message().endsWith("an include loop that never ends: make the {% if %} or {% for %} around "
                + "one of these includes end it, or remove the include that leads back"), problem.toString());
    }

    @Test
    void anIncludeThatRepeatsUnderAnIfThatEndsItIsLaidOut() throws IOException {
        // A partial that includes itself for each level of a tree: it ends where the tree does.
        write("layouts/partials/menu.peb", "<ul>{% for item in items %}<li>{{ item.title }}"
                + "{% if item.children is not empty %}{% include \"partials/menu\" with {\"items\": item.children} %}"
                + "{% endif %}</li>{% endfor %}</ul>\n");
        write("layouts/post.peb", "{% extends \"base\" %}\n{% block content %}{% include \"partials/menu\" with {\"items\": "
                + "[{\"title\": \"a\", \"children\": [{\"title\": \"b\", \"children\": []}]}]} %}{% endblock %}\n");

        Document post = SiteChecks.page(build(), POST_PAGE);

        assertEquals("a b", post.select("main > ul > li").text());
        assertEquals("b", post.select("main > ul > li > ul > li").text());
    }

    // ---- blocks ----

    @Test
    void aMisspelledBlockIsAnErrorAtItsLineNamingTheBlocksOfTheLayoutItExtends() throws IOException {
        write("layouts/post.peb", "{% extends \"base\" %}\n{% block contnet %}{{ page.content | raw }}{% endblock %}\n");

        assertEquals("layouts/post.peb:2:4: layout error: block 'contnet' is defined by no layout that post extends (base "
                + "defines content, title), so its text would be shown nowhere: rename it to one of those",
                onlyProblem().toString());
    }

    @Test
    void aBlockThatTheLayoutItExtendsHasOnlyInAnIncludedPartialSaysToMoveIt() throws IOException {
        write("layouts/partials/header.peb", "<header>{% block brand %}{{ site.title }}{% endblock %}</header>\n");
        write("layouts/page.peb", "{% extends \"base\" %}\n{% block brand %}Me{% endblock %}\n"
                + "{% block content %}{{ page.content | raw }}{% endblock %}\n");

        assertEquals("layouts/page.peb:2:4: layout error: block 'brand' is defined by no layout that page extends (base "
                + "defines content, title), so its text would be shown nowhere: partials/header defines one, but a block of "
                + "an included layout is never replaced by the layouts that extend: move {% block brand %} out of "
                + "partials/header into base, or rename this one to one of those", onlyProblem().toString());
    }

    @Test
    void aBlockOfALayoutInTheMiddleMayBeReplacedByTheLayoutThatExtendsIt() throws IOException {
        write("layouts/article.peb", "{% extends \"base\" %}\n{% block content %}<article>{{ page.content | raw }}"
                + "{% block aside %}<aside>default</aside>{% endblock %}</article>{% endblock %}\n");
        write("layouts/post.peb", "{% extends \"article\" %}\n{% block aside %}<aside>mine</aside>{% endblock %}\n");

        Document post = SiteChecks.page(build(), POST_PAGE);

        assertEquals("My precious words. mine", post.selectFirst("article").text());
    }

    @Test
    void aBlockDefinedTwiceInALayoutIsAnErrorAtTheSecond() throws IOException {
        write("layouts/page.peb", "{% extends \"base\" %}\n{% block content %}{{ page.content | raw }}{% endblock %}\n"
                + "{% block content %}<p>sidebar</p>{% endblock %}\n");

        assertEquals("layouts/page.peb:3:4: layout error: block 'content' is defined twice in this layout (first on "
                + "line 2), and only the last would be shown: a layout defines each block once; rename one of them (a "
                + "layout that this one extends must define it too), or remove it", onlyProblem().toString());
    }

    @Test
    void textOutsideTheBlocksOfALayoutThatExtendsIsAnErrorAtItsLine() throws IOException {
        write("layouts/post.peb", "{% extends \"base\" %}\n\n  <p class=\"notice\">Comments are closed.</p>\n"
                + "{% block content %}{{ page.content | raw }}{% endblock %}\n");

        assertEquals("layouts/post.peb:3:3: layout error: text '<p class=\"notice\">Comments are closed.</p>' outside any "
                + "block is never shown: a layout that extends another shows only its blocks; move it into a {% block %} "
                + "that 'base' defines (such as {% block content %}), or remove it", onlyProblem().toString());

        write("layouts/post.peb", "{% extends \"base\" %}\n{% block content %}{{ page.content | raw }}{% endblock %}\n"
                + "{% if page.title is not null %}<p>{{ page.title }}</p>{% endif %}\n");

        assertTrue(onlyProblem().toString().startsWith("layouts/post.peb:3:4: layout error: {% if %} outside any block "
                + "is never shown"), onlyProblem().toString());
    }

    @Test
    void aBlockThatTheLayoutItExtendsPrintsWithTheBlockFunctionIsDefined() throws IOException {
        // The review's case: a parent may print a block only its children define, {{ block("scripts") }}.
        write("layouts/base.peb", "<!DOCTYPE html>\n<html><head><title>{{ page.title }}</title></head><body>\n<main>\n"
                + "{% block content %}{% endblock %}\n</main>\n{{ block(\"scripts\") }}\n</body></html>\n");
        write("layouts/post.peb", "{% extends \"base\" %}\n{% block content %}<h1>{{ page.title }}</h1>"
                + "{{ page.content | raw }}{% endblock %}\n{% block scripts %}<script>var x = 1;</script>{% endblock %}\n");

        assertTrue(SiteChecks.page(build(), POST_PAGE).select("script").html().contains("var x = 1;"));
    }

    @Test
    void anIfAroundABlockOfALayoutThatExtendsSaysItDoesNothing() throws IOException {
        // Pebble registers a block wherever it stands: the block is shown, always; the if around it is not.
        write("layouts/post.peb", "{% extends \"base\" %}\n{% if page.title is not null %}{% block content %}"
                + "{{ page.content | raw }}{% endblock %}{% endif %}\n");

        assertEquals("layouts/post.peb:2:4: layout error: {% if %} around {% block content %} does nothing: a layout "
                + "that extends another shows its blocks, always, and nothing around them; put the {% if %} inside the "
                + "block", onlyProblem().toString());
    }

    @Test
    void aChildLayoutSavedWithAByteOrderMarkStillBuilds() throws IOException {
        // Windows editors save one; Pebble's loader keeps it, and it is no text a reader sees.
        write("layouts/post.peb", "\uFEFF{% extends \"base\" %}\n{% block content %}<h1>{{ page.title }}</h1>"
                + "{{ page.content | raw }}{% endblock %}\n");

        assertTrue(SiteChecks.page(build(), POST_PAGE).select("main h1").text().equals("Hello"));
    }

    // ---- Jekyll's front matter ----

    @Test
    void jekyllsFrontMatterAtTheTopOfALayoutIsAnErrorSayingToWriteExtends() throws IOException {
        write("layouts/post.peb", "---\nlayout: base\nauthor: Ann\n---\n{% block content %}<article>{{ page.content | raw }}"
                + "</article>{% endblock %}\n");

        assertEquals("layouts/post.peb:1:1: layout error: front matter (between --- lines) is Jekyll's way for a layout "
                + "to name the layout around it, which Kiln's layouts do not have: it would be printed as text at the top "
                + "of every page, and the layout around it left out; write {% extends \"base\" %} in its place, --- lines "
                + "and all, and put the text of this layout in the blocks that base defines ({% block content %}..."
                + "{% endblock %}, where Jekyll's base prints {{ content }}); Jekyll's layout.author is a variable of the "
                + "layout in Kiln: {% set author = \"...\" %} below the extends", onlyProblem().toString());
    }

    @Test
    void aLayoutThatStartsWithARuleOfDashesIsNoFrontMatter() throws IOException {
        write("layouts/post.peb", "---\n<p>---</p>\n---\n{{ page.content | raw }}\n");

        assertTrue(new String(build().get(POST_PAGE), StandardCharsets.UTF_8).startsWith("---\n<p>---</p>"));
    }

    // ---- helpers ----

    private Problem onlyProblem() {
        SiteException e = assertThrows(SiteException.class, this::build);
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
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
