package dev.kiln.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kiln check}, and the link warnings of {@code kiln build} that {@code --strict} turns into errors. */
class CheckTest {

    @TempDir
    Path site;

    private record Run(int code, String err) {}

    private static Run kiln(String... args) {
        PrintStream err = System.err;
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            return new Run(Main.run(args), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(err);
        }
    }

    private void write(String path, String text) throws IOException {
        Path file = site.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void siteWithABrokenLink() throws IOException {
        write("content/posts/2020-01-01-a.md", "---\ntitle: A\n---\nIntro.\n\nSee [this](/nope/) and [that](#nowhere).\n");
        write("content/about.md", "---\ntitle: About\n---\nBack [home](/).\n");
    }

    @Test
    void checkReportsEachBrokenLinkAtItsSourceLine() throws IOException {
        siteWithABrokenLink();

        Run run = kiln("check", "--source", site.toString());

        assertEquals(1, run.code(), run.err());
        assertTrue(run.err().contains("content/posts/2020-01-01-a.md:6:12: broken link to /nope/ (on 2020/01/01/a/index.html)"),
                run.err());
        assertTrue(run.err().contains("content/posts/2020-01-01-a.md:6:31: broken link to #nowhere: no element with id"),
                run.err());
    }

    @Test
    void aLinkBrokenTwiceIsReportedAtEachLineAndExcerptsOnListPagesAtThePost() throws IOException {
        write("content/posts/2020-01-01-a.md", "---\ntitle: A\n---\nSee [gone](/gone/).\n\nAnd [again](/gone/).\n");
        write("content/posts/2020-01-02-b.md", "---\ntitle: B\n---\nAlso [gone](/gone/).\n");

        Run run = kiln("check", "--source", site.toString());

        assertEquals(1, run.code(), run.err());
        List<String> lines = run.err().lines().filter(l -> l.contains("broken link to")).toList();
        // The home page shows both posts' excerpts, each with the link: said at the posts, not as a layout's.
        String also = "; also in its excerpt on index.html)";
        assertEquals(List.of(
                "content/posts/2020-01-01-a.md:4:12: broken link to /gone/ (on 2020/01/01/a/index.html" + also,
                "content/posts/2020-01-01-a.md:6:13: broken link to /gone/ (on 2020/01/01/a/index.html" + also,
                "content/posts/2020-01-02-b.md:4:13: broken link to /gone/ (on 2020/01/02/b/index.html" + also),
                lines, run.err());
        assertTrue(run.err().lines().anyMatch(l -> l.matches("3 broken links \\(\\d+ pages checked\\)")), run.err());
    }

    private static List<String> brokenLinks(Run run) {
        return run.err().lines().filter(l -> l.contains("broken link to")).toList();
    }

    @Test
    void anExcerptsBrokenLinkAfterItsLinkToAnotherPostOrPageIsStillReportedAtThePost() throws IOException {
        // The excerpts link to a post and a page that exist before the broken link: those links are the
        // excerpts', not the title of another entry of the list, which took the broken link for a layout's.
        write("content/posts/2020-01-01-other.md", "---\ntitle: Other\n---\nPlain.\n");
        write("content/posts/2020-01-02-a.md", "---\ntitle: A\n---\nSee [the other post](/2020/01/01/other/) and"
                + " [this](/missing/).\n");
        write("content/posts/2020-01-03-b.md", "---\ntitle: B\n---\nAlso [this](/missing/), not [about](/about/).\n");
        write("content/posts/2020-01-04-c.md", "---\ntitle: C\n---\nMe: [about](/about/), then [gone](/gone/).\n");
        write("content/about.md", "---\ntitle: About\n---\nMe.\n");

        Run run = kiln("check", "--source", site.toString());

        assertEquals(1, run.code(), run.err());
        String also = "; also in its excerpt on index.html)";
        assertEquals(List.of(
                "content/posts/2020-01-02-a.md:4:53: broken link to /missing/ (on 2020/01/02/a/index.html" + also,
                "content/posts/2020-01-03-b.md:4:13: broken link to /missing/ (on 2020/01/03/b/index.html" + also,
                "content/posts/2020-01-04-c.md:4:35: broken link to /gone/ (on 2020/01/04/c/index.html" + also),
                brokenLinks(run), run.err());
    }

    @Test
    void excerptsOnAPageOfTheListUnderABasePathAreTheirPostsWhateverTheyLinkTo() throws IOException {
        write("site.yml", "title: T\npaginate: 2\n");
        write("content/posts/2020-01-01-other.md", "---\ntitle: Other\n---\nPlain [gone](/gone/).\n");
        write("content/posts/2020-01-02-a.md", "---\ntitle: A\n---\nSee [the other post](/2020/01/01/other/),"
                + " [this](/missing/) and [gone](/gone/).\n");
        write("content/posts/2020-01-03-b.md", "---\ntitle: B\n---\nAlso [this](/missing/) here.\n");
        write("content/posts/2020-01-04-c.md", "---\ntitle: C\n---\nAfter [A](/2020/01/02/a/).\n");

        Run run = kiln("check", "--source", site.toString(), "--base-url", "https://me.github.io/blog");

        assertEquals(1, run.code(), run.err());
        assertEquals(List.of(
                "content/posts/2020-01-01-other.md:4:14: broken link to /gone/ (published as /blog/gone/; on 2020/01/01/other/index.html;"
                        + " also in its excerpt on page/2/index.html)",
                "content/posts/2020-01-02-a.md:4:50: broken link to /missing/ (published as /blog/missing/; on 2020/01/02/a/index.html;"
                        + " also in its excerpt on page/2/index.html)",
                "content/posts/2020-01-02-a.md:4:72: broken link to /gone/ (published as /blog/gone/; on 2020/01/02/a/index.html;"
                        + " also in its excerpt on page/2/index.html)",
                "content/posts/2020-01-03-b.md:4:13: broken link to /missing/ (published as /blog/missing/; on 2020/01/03/b/index.html;"
                        + " also in its excerpt on index.html)"),
                brokenLinks(run), run.err());
    }

    @Test
    void aBrokenLinkOfAListPagesLayoutIsTheLayoutsThoughThePostsPagesHoldItToo() throws IOException {
        // Every page's footer links to /gone/, the post pages' too; one excerpt links to it as well.
        write("layouts/base.peb", "<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body>"
                + "{% block content %}{% endblock %}<footer><a href=\"/gone/\">f</a></footer></body></html>");
        for (String layout : List.of("post", "page", "tag", "tags", "archive")) {
            write("layouts/" + layout + ".peb", "{% extends \"base\" %}{% block content %}{{ page.content | raw }}"
                    + "{% endblock %}");
        }
        write("layouts/home.peb", "{% extends \"base\" %}{% block content %}{% for post in paginator.posts %}"
                + "<h2><a href=\"{{ post.url }}\">{{ post.title }}</a></h2><a href=\"/about/\">by me</a>"
                + "{{ post.excerpt | raw }}<a href=\"{{ post.url }}\">more</a>{% endfor %}{% endblock %}");
        write("content/posts/2020-01-01-a.md", "---\ntitle: A\n---\nFine, see [B](/2020/01/02/b/).\n");
        write("content/posts/2020-01-02-b.md", "---\ntitle: B\n---\nGone [too](/gone/).\n");
        write("content/about.md", "---\ntitle: About\n---\nMe.\n");

        Run run = kiln("check", "--source", site.toString());

        assertEquals(1, run.code(), run.err());
        // The footer's link once, at the layout's line, for every page it is on (until 2026-12-07 one line a page,
        // each at its source's 1:1); the post that writes it too, at its own line.
        assertEquals(List.of(
                "content/posts/2020-01-02-b.md:4:12: broken link to /gone/ (on 2020/01/02/b/index.html; also in its"
                        + " excerpt on index.html)",
                "layouts/base.peb:1:117: broken link to /gone/ (on 4 pages, such as 2020/01/01/a/index.html), written"
                        + " by this layout"),
                brokenLinks(run), run.err());
    }

    @Test
    void aBrokenLinkOfAnExcerptInFrontMatterOrToAnIdOfItsPostIsReportedAtThePost() throws IOException {
        write("content/posts/2020-01-01-a.md", "---\ntitle: A\nexcerpt: \"Teaser [t](/gone/).\"\n---\nBody.\n");
        write("content/posts/2020-01-02-b.md", "---\ntitle: B\n---\nJump [down](#nowhere) now.\n\n## Real\n");

        Run run = kiln("check", "--source", site.toString());

        assertEquals(1, run.code(), run.err());
        assertEquals(List.of(
                "content/posts/2020-01-01-a.md:3:22: broken link to /gone/ (in its excerpt on index.html)",
                "content/posts/2020-01-02-b.md:4:13: broken link to #nowhere: no element with id 'nowhere'"
                        + " (on 2020/01/02/b/index.html; also in its excerpt on index.html)"),
                brokenLinks(run), run.err());
    }

    @Test
    void theHomePagesOwnTextChangesNoExcerptsLinksAndItsBrokenLinksAreItsOwn() throws IOException {
        write("content/posts/2020-01-01-a.md", "---\ntitle: A\nexcerpt: \"Teaser [t](/gone/).\"\n---\nBody.\n");
        write("content/posts/2020-01-02-b.md", "---\ntitle: B\n---\nJump [down](#nowhere) now.\n\n## Real\n");
        write("content/index.md", "---\ntitle: Welcome\n---\nHello, see [the list](/lost/).\n");

        Run run = kiln("check", "--source", site.toString());

        assertEquals(1, run.code(), run.err());
        assertEquals(List.of(
                "content/index.md:4:23: broken link to /lost/ (on index.html)",
                "content/posts/2020-01-01-a.md:3:22: broken link to /gone/ (in its excerpt on index.html)",
                "content/posts/2020-01-02-b.md:4:13: broken link to #nowhere: no element with id 'nowhere'"
                        + " (on 2020/01/02/b/index.html; also in its excerpt on index.html)"),
                brokenLinks(run), run.err());
    }

    @Test
    void aBrokenLinkALayoutWritesIsReportedAtTheLayout() throws IOException {
        write("content/posts/2020-01-01-a.md", "---\ntitle: A\n---\nFine.\n");
        write("layouts/home.peb", "<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head>"
                + "<body><a href=\"/gone/\">x</a><a href=\"/gone/\">y</a></body></html>");

        Run run = kiln("check", "--source", site.toString());

        assertEquals(1, run.code(), run.err());
        assertEquals(List.of("layouts/home.peb:1:76: broken link to /gone/ (on index.html), written by this layout"),
                run.err().lines().filter(l -> l.contains("broken link to")).toList(), run.err());
    }

    @Test
    void aBrokenLinkOfAPartialIsOneProblemAtItsLineCountingThePagesItIsOn() throws IOException {
        // A footer's typo on a blog of many posts was one line a page, each at a post's 1:1, none naming the footer.
        write("site.yml", "title: T\nbase_url: https://me.example.org/blog\n");
        for (int day = 1; day <= 5; day++) {
            write("content/posts/2024-01-0" + day + "-p" + day + ".md", "---\ntitle: P" + day + "\n---\nHello.\n");
        }
        write("content/posts/2024-01-06-rel.md", "---\ntitle: R\n---\nSee [the notes](notes.html).\n");
        write("layouts/base.peb", "<!DOCTYPE html><html lang=\"en\"><head><title>{{ page.title }}</title></head><body>\n"
                + "{% block content %}{% endblock %}\n{% include \"partials/footer\" %}\n</body></html>\n");
        for (String layout : List.of("post", "page", "home", "tag", "tags")) {
            write("layouts/" + layout + ".peb", "{% extends \"base\" %}{% block content %}{{ page.content | raw }}"
                    + "{% endblock %}");
        }
        write("layouts/partials/footer.peb", "<footer>\n  <a href=\"/colophon.html\">Colophon</a>\n"
                + "  <img src=\"{{ '/img/logo.png' | relative_url }}\" alt=\"\">\n</footer>\n");

        Run run = kiln("check", "--source", site.toString());

        assertEquals(1, run.code(), run.err());
        assertEquals(List.of(
                "content/posts/2024-01-06-rel.md:4:17: broken link to notes.html (published as"
                        + " /blog/2024/01/06/rel/notes.html; on 2024/01/06/rel/index.html)",
                "layouts/partials/footer.peb:2:12: broken link to /colophon.html (published as /blog/colophon.html;"
                        + " on 7 pages, such as 2024/01/01/p1/index.html), written by this layout",
                "layouts/partials/footer.peb:3:17: broken link to /img/logo.png (published as /blog/img/logo.png;"
                        + " on 7 pages, such as 2024/01/01/p1/index.html), written by this layout"),
                brokenLinks(run), run.err());
        assertTrue(run.err().contains("3 broken links (7 pages checked)"), run.err());
    }

    @Test
    void anExcerptsBrokenLinkInASidebarOnEveryPageIsOneProblemAtThePostCountingItsPages() throws IOException {
        // A sidebar of the posts with their excerpts, on every page: each excerpt's broken link was reported again
        // for every page, at that page's source 1:1 (300 posts: 90,000 warnings).
        writeSiteWithASidebarOfExcerpts();

        Run run = kiln("check", "--source", site.toString());

        assertEquals(1, run.code(), run.err());
        assertEquals(SIDEBAR_PROBLEMS, brokenLinks(run), run.err());
        assertTrue(run.err().contains("4 broken links ("), run.err());
    }

    @Test
    void anExcerptsBrokenLinkInASidebarIsOneProblemAtThePostUnderABasePathToo() throws IOException {
        // Under a base path every link of the pages is written with it (/blog/gone-a/): the excerpts' links are
        // found in the sidebars all the same, and each problem names the link as its source writes it.
        writeSiteWithASidebarOfExcerpts();

        Run run = kiln("check", "--source", site.toString(), "--base-url", "https://me.github.io/blog");

        assertEquals(1, run.code(), run.err());
        assertEquals(SIDEBAR_PROBLEMS.stream().map(p -> p.replaceFirst("broken link to (\\S+) \\(",
                "broken link to $1 (published as /blog$1; ")).toList(), brokenLinks(run), run.err());
        assertTrue(run.err().contains("4 broken links ("), run.err());
    }

    private static final List<String> SIDEBAR_PROBLEMS = List.of(
            "content/posts/2020-01-01-a.md:4:12: broken link to /gone-a/ (on 2020/01/01/a/index.html; also in its"
                    + " excerpt on 5 pages, such as 2020/01/02/b/index.html)",
            "content/posts/2020-01-01-a.md:8:13: broken link to /lost/ (on 2020/01/01/a/index.html)",
            "content/posts/2020-01-02-b.md:4:13: broken link to /gone-b/ (on 2020/01/02/b/index.html; also in its"
                    + " excerpt on 5 pages, such as 2020/01/01/a/index.html)",
            "layouts/partials/footer.peb:2:12: broken link to /colophon.html (on 6 pages, such as"
                    + " 2020/01/01/a/index.html), written by this layout");

    /** Three posts and a page, each page with a sidebar of every post's excerpt; two excerpts hold a broken link. */
    private void writeSiteWithASidebarOfExcerpts() throws IOException {
        write("layouts/base.peb", "<!DOCTYPE html><html lang=\"en\"><head><title>{{ page.title }}</title></head><body>\n"
                + "{% block content %}{% endblock %}\n{% include \"partials/recent\" %}\n{% include \"partials/footer\" %}\n"
                + "</body></html>\n");
        for (String layout : List.of("post", "page", "home", "tag", "tags", "archive")) {
            write("layouts/" + layout + ".peb", "{% extends \"base\" %}{% block content %}{{ page.content | raw }}"
                    + "{% endblock %}");
        }
        write("layouts/partials/recent.peb", "<aside>{% for p in posts %}<h3><a href=\"{{ p.url }}\">{{ p.title }}</a></h3>"
                + "{{ p.excerpt | raw }}{% endfor %}</aside>\n");
        write("layouts/partials/footer.peb", "<footer>\n  <a href=\"/colophon.html\">Colophon</a>\n</footer>\n");
        write("content/posts/2020-01-01-a.md", "---\ntitle: A\n---\nSee [gone](/gone-a/).\n\n<!--more-->\n\n"
                + "Body [lost](/lost/).\n");
        write("content/posts/2020-01-02-b.md", "---\ntitle: B\n---\nAlso [this](/gone-b/) and [A](/2020/01/01/a/).\n");
        write("content/posts/2020-01-03-c.md", "---\ntitle: C\n---\nFine.\n");
        write("content/about.md", "---\ntitle: About\n---\nMe.\n");
    }

    @Test
    void checkPassesASoundSiteAlsoUnderABasePath() throws IOException {
        write("content/posts/2020-01-01-a.md", "---\ntitle: A\ntags: [x]\n---\n![i](/assets/i.png) [about](/about/)\n");
        write("content/about.md", "---\ntitle: About\n---\nBack [home](/).\n");
        write("assets/i.png", "png");

        assertEquals(0, kiln("check", "--source", site.toString()).code());
        assertEquals(0, kiln("check", "--source", site.toString(), "--base-url", "https://me.github.io/blog").code());
    }

    @Test
    void checkShowsTheWarningOfAStaticFolderItDoesNotPublishAndStillPassesASoundSite() throws IOException {
        // As kiln build says it: a link to a file of static/ would be broken, and check is where an author looks.
        write("site.yml", "title: T\n");
        write("content/posts/2020-01-01-a.md", "---\ntitle: A\n---\n[about](/about/)\n");
        write("content/about.md", "---\ntitle: About\n---\nBack [home](/).\n");
        write("static/favicon.ico", "icon");

        Run run = kiln("check", "--source", site.toString());

        assertEquals(0, run.code(), run.err());
        assertEquals(1, run.err().lines().filter(l -> l.startsWith("warning: static/favicon.ico:1:1: ")).count(),
                run.err());
    }

    @Test
    void buildWarnsAboutBrokenLinksAndStillWrites() throws IOException {
        siteWithABrokenLink();

        Run run = kiln("build", "--source", site.toString());

        assertEquals(0, run.code(), run.err());
        assertTrue(run.err().contains("warning: content/posts/2020-01-01-a.md:6:12: broken link to /nope/"), run.err());
        assertTrue(Files.exists(site.resolve("target/site/index.html")));
    }

    /** The one warning of a site whose post list paginate_path moved to /blog/, with no page of its own at /. */
    private static final String NO_HOME = "site.yml:2:16: the post list is at /blog/ and no page is at /, the site's"
            + " own address, where links home lead: add content/index.md (a page of its own at /), or remove"
            + " paginate_path to put the post list back at /";

    @Test
    void aPostListMovedAwayFromAnEmptyRootIsSaidOnceAtPaginatePathRatherThanAsEveryPagesBrokenLinkHome()
            throws IOException {
        write("site.yml", "title: T\npaginate_path: /blog/page:num/\n");
        write("content/posts/2020-01-01-a.md", "---\ntitle: A\ntags: [x]\n---\nOff [to nothing](/nope/), [home](/)"
                + " or [up](../../../../).\n");
        write("content/about.md", "---\ntitle: About\n---\nMe.\n");
        String nope = "content/posts/2020-01-01-a.md:5:18: broken link to /nope/ (on 2020/01/01/a/index.html; also in"
                + " its excerpt on blog/index.html)";

        Run build = kiln("build", "--source", site.toString());

        assertEquals(0, build.code(), build.err());
        assertEquals(List.of("warning: " + NO_HOME, "warning: " + nope),
                build.err().lines().filter(l -> l.startsWith("warning: ")).toList(), build.err());

        Run check = kiln("check", "--source", site.toString());
        assertEquals(1, check.code(), check.err());
        assertEquals(List.of(NO_HOME, nope), check.err().lines().filter(l -> l.contains(": ")).toList(), check.err());

        Run strict = kiln("build", "--strict", "--source", site.toString(), "--dest", site.resolve("strict").toString());
        assertEquals(1, strict.code(), strict.err());
        assertTrue(strict.err().contains(NO_HOME), strict.err());

        write("content/index.md", "---\ntitle: Welcome\n---\nHello.\n");
        Run fixed = kiln("build", "--source", site.toString());
        assertEquals(List.of("warning: " + nope), fixed.err().lines().filter(l -> l.startsWith("warning: ")).toList(),
                fixed.err());
    }

    @Test
    void strictBuildFailsOnBrokenLinksAndWritesNothing() throws IOException {
        siteWithABrokenLink();

        Run run = kiln("build", "--strict", "--source", site.toString());

        assertEquals(1, run.code(), run.err());
        assertTrue(run.err().contains("content/posts/2020-01-01-a.md:6:12: broken link to /nope/"), run.err());
        assertFalse(Files.exists(site.resolve("target/site")));
    }

    @Test
    void anIdThatStandsTwiceOnAPageIsAWarningOfBuildAProblemOfCheckAndFailsAStrictBuild() throws IOException {
        write("content/posts/2020-01-01-a.md", "---\ntitle: A\n---\nIntro.\n\n<div id=\"note\">one</div>\n\n"
                + "<aside id=\"note\">two</aside>\n");
        String problem = "content/posts/2020-01-01-a.md:6:6: duplicate id 'note' (on 2020/01/01/a/index.html): a link"
                + " to #note leads only to the first element that has it: give each of the others an id of its own";

        Run build = kiln("build", "--source", site.toString());
        Run check = kiln("check", "--source", site.toString());
        Run strict = kiln("build", "--strict", "--source", site.toString(), "--dest", site.resolve("strict").toString());

        assertEquals(0, build.code(), build.err());
        assertTrue(build.err().contains("warning: " + problem), build.err());
        assertEquals(1, check.code(), check.err());
        assertTrue(check.err().contains(problem + "\n1 duplicate id ("), check.err());
        assertEquals(1, strict.code(), strict.err());
        assertTrue(strict.err().contains(problem), strict.err());
    }

    private static final String UNCLOSED = "content/posts/2020-01-01-a.md:6:1: code block opened here is never closed:"
            + " the rest of the page (3 lines) is code; close it with ``` on a line of its own";

    /** A post whose fence is never closed, so that its broken link below is code, neither a link nor checked. */
    private void siteWithAnUnclosedFence() throws IOException {
        write("content/posts/2020-01-01-a.md", "---\ntitle: A\n---\nIntro.\n\n```js\nconst x = 1;\n\n"
                + "See [this](/nope/).\n");
    }

    @Test
    void aCodeBlockNeverClosedIsAWarningOfBuildAndCheckAtItsFence() throws IOException {
        siteWithAnUnclosedFence();

        Run check = kiln("check", "--source", site.toString());
        Run build = kiln("build", "--source", site.toString());

        assertEquals(0, check.code(), check.err());
        assertTrue(check.err().lines().anyMatch(("warning: " + UNCLOSED)::equals), check.err());
        assertFalse(check.err().contains("/nope/"), "the link is code: " + check.err());
        assertEquals(0, build.code(), build.err());
        assertTrue(build.err().lines().anyMatch(("warning: " + UNCLOSED)::equals), build.err());
        assertTrue(Files.readString(site.resolve("target/site/2020/01/01/a/index.html")).contains("<pre"),
                "rendered as CommonMark says, the rest of the page as code");
    }

    @Test
    void aStrictBuildFailsOnACodeBlockNeverClosedEvenAfterABuildThatOnlyWarned() throws IOException {
        siteWithAnUnclosedFence();
        assertEquals(0, kiln("build", "--source", site.toString()).code());

        Run strict = kiln("build", "--strict", "--source", site.toString());

        assertEquals(1, strict.code(), strict.err());
        assertTrue(strict.err().lines().anyMatch(UNCLOSED::equals), strict.err());
    }

    @Test
    void aStrictBuildAfterOneThatOnlyWarnedStillFails() throws IOException {
        siteWithABrokenLink();
        assertEquals(0, kiln("build", "--source", site.toString()).code());
        assertTrue(kiln("build", "--source", site.toString()).err().startsWith("nothing changed"),
                "a build without --strict trusts the last one, warnings and all");

        for (int i = 0; i < 2; i++) { // and again after a strict build failed
            Run strict = kiln("build", "--strict", "--source", site.toString());

            assertEquals(1, strict.code(), strict.err());
            assertTrue(strict.err().contains("content/posts/2020-01-01-a.md:6:12: broken link to /nope/"), strict.err());
        }
    }

    @Test
    void aStrictBuildTrustsALastBuildWithoutBrokenLinks() throws IOException {
        siteWithABrokenLink();
        write("content/posts/2020-01-01-a.md", "---\ntitle: A\n---\nSee [the about page](/about/).\n");
        assertEquals(0, kiln("build", "--source", site.toString()).code());

        Run strict = kiln("build", "--strict", "--source", site.toString());

        assertEquals(0, strict.code(), strict.err());
        assertTrue(strict.err().startsWith("nothing changed"), strict.err());
    }

    @Test
    void checkExternalReportsLinksToOtherSitesThatFail() throws IOException {
        com.sun.net.httpserver.HttpServer web = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        web.createContext("/", exchange -> {
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/gone") ? 404 : 200, -1);
            exchange.close();
        });
        web.start();
        try {
            String other = "http://127.0.0.1:" + web.getAddress().getPort();
            write("content/posts/2020-01-01-a.md", "---\ntitle: A\n---\nSee [ok](" + other + "/fine) and\n[gone]("
                    + other + "/gone).\n");

            Run run = kiln("check", "--external", "--source", site.toString());

            assertEquals(1, run.code(), run.err());
            assertTrue(run.err().contains("content/posts/2020-01-01-a.md:5:8: broken external link to " + other
                    + "/gone: HTTP 404"), run.err());
            assertFalse(run.err().contains("/fine:"), run.err());
            assertFalse(run.err().contains("offline"), run.err());
            assertEquals(0, kiln("check", "--source", site.toString()).code(), "without --external, no requests");
        } finally {
            web.stop(0);
        }
    }

    @Test
    void checkExternalSaysTheMachineMayBeOfflineWhenNoBrokenLinkAnswered() throws IOException {
        int[] closed = new int[2];
        for (int i = 0; i < closed.length; i++) {
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                closed[i] = socket.getLocalPort(); // nothing listens there once it is closed
            }
        }
        write("content/posts/2020-01-01-a.md", "---\ntitle: A\n---\nSee [one](http://127.0.0.1:" + closed[0]
                + "/a) and [two](http://127.0.0.1:" + closed[1] + "/b).\n");

        Run run = kiln("check", "--external", "--source", site.toString());

        assertEquals(1, run.code(), run.err());
        assertTrue(run.err().contains("note: none of the 2 broken external links answered at all: if this machine is"
                + " offline (or needs a proxy), check them again when it is online"), run.err());
    }
}
