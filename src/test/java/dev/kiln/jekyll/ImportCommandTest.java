package dev.kiln.jekyll;

import dev.kiln.cli.Main;
import dev.kiln.testing.Fixtures;
import dev.kiln.testing.Workflows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kiln import jekyll}: usage errors exit 2, lost content or changed URLs exit 1, a clean import 0. */
class ImportCommandTest {

    @TempDir
    Path tmp;

    private String err;

    /** Runs {@code kiln import args}, keeping what it printed on stderr in {@link #err}. */
    private int run(String... args) {
        PrintStream old = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            String[] command = new String[args.length + 1];
            command[0] = "import";
            System.arraycopy(args, 0, command, 1, args.length);
            return Main.run(command);
        } finally {
            System.setErr(old);
            err = bytes.toString(StandardCharsets.UTF_8);
        }
    }

    private Path copy(String fixture) throws IOException {
        Path from = Fixtures.resource("jekyll/" + fixture);
        Path to = tmp.resolve(fixture);
        try (var files = Files.walk(from)) {
            for (Path f : files.sorted().toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }

    @Test
    void importsNextToTheSourceByDefault() throws IOException {
        Path src = copy("slug");
        assertEquals(0, run("jekyll", src.toString()), err);
        assertTrue(Files.isRegularFile(tmp.resolve("slug-kiln/site.yml")));
        assertTrue(err.contains("imported 3 posts, 0 pages, 0 drafts, 3 static files"), err);
        assertTrue(err.contains("check: the imported site builds"), err);
    }

    @Test
    void theImportedSiteGetsTheGitignoreAndThePagesAndDailyWorkflowsOfANewSite() throws IOException {
        Path src = copy("slug");
        assertEquals(0, run("jekyll", src.toString(), "--dest", tmp.resolve("a").toString()), err);
        // kiln new site's workflow: the site built by Kiln as its submodule kiln/.
        assertTrue(Files.readString(tmp.resolve("a/.github/workflows/pages.yml")).contains("kiln/kiln build --source ."));
        assertTrue(Files.readString(tmp.resolve("a/.gitignore")).contains("_site/"));
        // and its daily workflow, which runs that one for future-dated posts.
        Map<String, Object> daily = Workflows.load(tmp.resolve("a/.github/workflows/daily.yml"));
        Workflows.assertPushesAndTheDailyRunPublish(Workflows.load(tmp.resolve("a/.github/workflows/pages.yml")), daily);
        assertTrue(err.contains("wrote .gitignore, .github/workflows/pages.yml and .github/workflows/daily.yml (publishing:"
                + " the steps are at the top of .github/workflows/pages.yml)\n→ "), err);
    }

    @Test
    void usageErrorsExit2() throws IOException {
        Path src = copy("slug");
        assertEquals(2, run("jekyll", tmp.resolve("missing").toString()));
        Files.createDirectories(tmp.resolve("plain"));
        assertEquals(2, run("jekyll", tmp.resolve("plain").toString()));
        assertTrue(err.contains("not a Jekyll site"), err);
        assertEquals(2, run("jekyll", src.toString(), "--dest", src.resolve("out").toString()));
        assertFalse(Files.exists(src.resolve("out")), "nothing is written into SRC");
        Files.createDirectories(tmp.resolve("full"));
        Files.writeString(tmp.resolve("full/x"), "x");
        assertEquals(2, run("jekyll", src.toString(), "--dest", tmp.resolve("full").toString()));
        assertEquals(List.of("x"), Files.list(tmp.resolve("full")).map(p -> p.getFileName().toString()).toList(),
                "a folder that is not empty is never written into");
        assertEquals("x", Files.readString(tmp.resolve("full/x")));
        assertEquals(2, run());
        assertEquals(2, run("jekyll"));
    }

    @Test
    void aPostWhoseKilnUrlWouldDifferKeepsJekyllsAndTheImportSucceeds() throws IOException {
        // The liquid fixture's posts, less the Liquid the import leaves (which fails the imported site's build: below).
        Path src = site("hello", "title: Hello\npermalink: /:year/:month/:title/\n",
                "_posts/2022-04-01-Hello World.md", "---\ntitle: Hello World\n---\nBack to [code]({% post_url "
                        + "2022-03-01-code %}).\n",
                "_posts/2022-03-01-code.md", "---\ntitle: Code\n---\n{% include note.html %}\n",
                "_includes/note.html", "<div class=\"note\">A plain HTML note.</div>\n");
        assertEquals(0, run("jekyll", src.toString(), "--dest", tmp.resolve("a").toString()), err);
        assertFalse(err.contains("URLs that would change"), err);
        assertTrue(err.contains("converted 2 Liquid tags, left 0; 0 warnings, 0 URL changes, 0 problems\n"
                + "check: the imported site builds (built 2 pages (2 posts), 0 tag pages, 2 list pages in "), err);
        assertTrue(Files.readString(tmp.resolve("a/content/posts/2022-04-01-Hello World.md"))
                .contains("permalink: \"/2022/04/Hello-World/\""));
    }

    @Test
    void liquidTheImportLeavesInAPagesTextFailsTheImportedSitesBuildAtItsLineAndExits1() throws IOException {
        // Kiln runs no Liquid: what the import cannot convert would be printed as text, so the check that builds the
        // imported site reports each piece in the Kiln file, with what to write, and the import exits 1 until edited.
        Path src = site("left", "title: Left\n",
                "_posts/2020-01-01-a.md", "---\ntitle: A\n---\nIntro.\n\n{% include_relative footer.md %}\n\n"
                        + "`{{ page.title }}` in code is shown as written.\n",
                "_posts/footer.md", "Made with {{ site.title }}.\n",
                "about.md", "---\ntitle: About {{ site.title }}\n---\nHi.\n");

        assertEquals(1, run("jekyll", src.toString(), "--dest", tmp.resolve("left-kiln").toString()), err);

        Path dest = tmp.resolve("left-kiln").toAbsolutePath().normalize();
        assertTrue(err.contains("Liquid left as it is (edit these by hand: one in a page's text fails Kiln's build "
                + "until then):\n"
                + "  _posts/2020-01-01-a.md:6: {% include_relative footer.md %}\n"
                + "  _posts/2020-01-01-a.md:8: {{ page.title }}\n"
                + "  about.md:2: title: About {{ site.title }}\n"), err);
        assertTrue(err.contains("\ncontent/posts/2020-01-01-a.md:6:1: Liquid {% include_relative footer.md %}: Kiln runs "
                + "no Liquid and would print it as text; write the text of footer.md, which Jekyll read from the folder "
                + "of the page's file, in its place (Kiln's pages have no includes); to show it as written, make it code "
                + "or write its { as &#123;\n"
                + "check: the imported site does not build: fix the problems above in " + dest + "\n"), err);
    }

    @Test
    void anIncludeRelativeOfAPlainFileIsItsTextAndWhatARawShowedStaysTextThatBuilds() throws IOException {
        Path src = site("rel", "title: Rel\n",
                "_posts/2020-01-01-a.md", "---\ntitle: A\n---\n{% include_relative snippets/note.md %}\n\n"
                        + "Write {% raw %}{{ site.baseurl }}/about/ or {% post_url x %}{% endraw %} in Jekyll.\n\n"
                        + "```liquid\n{% raw %}{{ site.url }}{% endraw %}\n```\n",
                "_posts/snippets/note.md", "A **note**, shown as it is.\n",
                "page.html", "---\ntitle: Page\n---\n<p>{% raw %}{{ page.title }}{% endraw %}</p>\n");

        assertEquals(0, run("jekyll", src.toString(), "--dest", tmp.resolve("rel-kiln").toString()), err);

        assertTrue(Files.readString(tmp.resolve("rel-kiln/content/posts/2020-01-01-a.md")).endsWith("---\n"
                + "A **note**, shown as it is.\n\n"
                + "Write &#123;{ site.baseurl }}/about/ or &#123;% post_url x %} in Jekyll.\n\n"
                + "```liquid\n{{ site.url }}\n```\n"), err);
        assertTrue(Files.readString(tmp.resolve("rel-kiln/content/page.html")).endsWith("---\n"
                + "<p>&#123;{ page.title }}</p>\n"), err);
        var built = Fixtures.build(Fixtures.options(tmp.resolve("rel-kiln"))).output();
        var post = org.jsoup.Jsoup.parse(new String(built.get("2020/01/01/a.html"), StandardCharsets.UTF_8));
        assertEquals(List.of("A note, shown as it is.", "Write {{ site.baseurl }}/about/ or {% post_url x %} in Jekyll."),
                post.select(".post-content > p").eachText());
        var page = org.jsoup.Jsoup.parse(new String(built.get("page.html"), StandardCharsets.UTF_8));
        assertTrue(page.text().contains("{{ page.title }}"), page.html());
    }

    @Test
    void anUnreadableFileIsLostContentAndExits1() throws IOException {
        Path src = copy("slug");
        Files.write(src.resolve("_posts/2020-01-01-latin1.md"), new byte[] {'-', '-', '-', '\n', '-', '-', '-', '\n',
                (byte) 0xE9, '\n'});
        assertEquals(1, run("jekyll", src.toString(), "--dest", tmp.resolve("out").toString()));
        assertTrue(err.contains("_posts/2020-01-01-latin1.md:3:1: byte 0xE9 is not UTF-8 text (Latin-1 or Windows-1252?): "
                + "save the file as UTF-8 and import again; not imported"), err);
    }

    @Test
    void anIncludedHiddenFileIsPublishedAtItsPathAndGitNever() throws IOException {
        Path src = copy("slug");
        Files.createDirectories(src.resolve(".well-known"));
        Files.writeString(src.resolve(".well-known/security.txt"), "Contact: mailto:jane@example.com\n");
        Files.createDirectories(src.resolve(".git"));
        Files.writeString(src.resolve(".git/config"), "[core]\n");
        Files.writeString(src.resolve("_config.yml"), "include: [.well-known, .git]\n",
                java.nio.file.StandardOpenOption.APPEND);
        Path out = tmp.resolve("out");
        assertEquals(0, run("jekyll", src.toString(), "--dest", out.toString()), err);
        assertTrue(Files.readString(out.resolve("site.yml")).contains("include:\n  - \".well-known\"\n"),
                Files.readString(out.resolve("site.yml")));
        assertFalse(Files.exists(out.resolve("content/.git")));
        var built = dev.kiln.testing.Fixtures.build(dev.kiln.testing.Fixtures.options(out)).output();
        assertEquals("Contact: mailto:jane@example.com\n",
                new String(built.get(".well-known/security.txt"), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A Jekyll site {@code name} with {@code config} as its _config.yml and the given files (path, text, ...). */
    private Path site(String name, String config, String... files) throws IOException {
        Path src = tmp.resolve(name);
        dev.kiln.testing.Kiln.write(src, "_config.yml", config);
        for (int i = 0; i < files.length; i += 2) {
            dev.kiln.testing.Kiln.write(src, files[i], files[i + 1]);
        }
        return src;
    }

    @Test
    void aPostThatNeitherJekyllsUrlNorKilnsOwnRulesCanPlaceIsImportedAtTheNearestUrl() throws IOException {
        // Jekyll wrote it at x#y/what-1/index.html, which a Kiln permalink cannot name, and Kiln's own :title keeps
        // the '?': it was left out of the import.
        Path src = site("odd", "title: Odd\npermalink: /:categories/:title/\n", "_posts/2020-01-01-a.md",
                "---\ntitle: A\ncategories: [x#y]\nslug: what?-1\nredirect_from: /old-a/\n---\nText.\n");
        Path out = tmp.resolve("odd-kiln");

        assertEquals(0, run("jekyll", src.toString(), "--dest", out.toString(), "--allow-url-changes"), err);

        String a = Files.readString(out.resolve("content/posts/2020-01-01-a.md"));
        assertTrue(a.contains("permalink: \"/x-y/what-1/\""), a);
        dev.kiln.output.SiteOutput site = Fixtures.build(Fixtures.options(out)).output();
        assertTrue(site.get("x-y/what-1/index.html") != null, "the post");
        assertTrue(site.get("old-a/index.html") != null, "its redirect_from");
    }

    @Test
    void filesJekyllPublishedThatKilnCannotTakeAreListedSaidInTheSummaryAndExit1() throws IOException {
        Path src = site("left", "title: Left\n",
                "_posts/2020-01-01-a.md", "---\ntitle: A\n---\nText.\n",
                "_posts/2020-01-13-m.txt", "---\ntitle: M\n---\nText.\n",
                "_posts/notes.md", "---\ntitle: Never published\n---\nText.\n",
                "_drafts/idea.txt", "---\ntitle: Not published either\n---\nText.\n",
                "x.xhtml", "---\ntitle: X\n---\n<b>x</b>\n",
                "search.json", "---\n---\n[{% for post in site.posts %}\"{{ post.url }}\"{% endfor %}]\n",
                "README.md", "# My blog's source\n");

        assertEquals(1, run("jekyll", src.toString(), "--dest", tmp.resolve("left-kiln").toString()), err);

        assertTrue(err.contains("Not imported, though Jekyll published them:\n"
                + "  README.md: Markdown without front matter, which Jekyll copies as it is (at /README.md)"), err);
        assertTrue(err.contains("\n  _posts/2020-01-13-m.txt: is neither Markdown (markdown_ext: markdown, mkdown, mkdn, "
                + "mkd, md) nor HTML, so Jekyll published it as it is, as a .txt file"), err);
        assertTrue(err.contains("\n  search.json: a .json file with front matter, which Jekyll runs through Liquid"), err);
        assertTrue(err.contains("\n  x.xhtml: a .xhtml file with front matter"), err);
        assertTrue(err.contains("imported 1 posts, 0 pages, 0 drafts, 0 static files; left out 4 files Jekyll "
                + "published (listed above); "), err);
        assertTrue(err.contains("warning: _posts/notes.md: not named YYYY-MM-DD-slug, so Jekyll never published it"), err);
        assertTrue(err.contains("warning: _drafts/idea.txt: is neither Markdown"), err);
        assertTrue(err.contains("check: the imported site builds"), err);
    }

    @Test
    void jekyllFeedsPathIsKeptForTheBlogsSubscribers() throws IOException {
        Path src = site("feedpath", "title: Feed\nurl: https://example.com\nplugins: [jekyll-feed]\nfeed:\n  path: atom.xml\n",
                "_posts/2020-01-01-a.md", "---\ntitle: A\n---\nText.\n");
        Path out = tmp.resolve("feedpath-kiln");

        assertEquals(0, run("jekyll", src.toString(), "--dest", out.toString()), err);

        dev.kiln.output.SiteOutput site = Fixtures.build(Fixtures.options(out)).output();
        assertTrue(site.get("atom.xml") != null, Files.readString(out.resolve("site.yml")));
    }

    @Test
    void aPageJekyllKeptOutOfItsSitemapStaysOutOfKilns() throws IOException {
        // jekyll-sitemap's sitemap: false, and the sitemap: {exclude: 'yes'} of a common hand-written sitemap.xml.
        Path src = site("quiet", "title: Q\nurl: https://someone.github.io\nbaseurl: /blog\n"
                + "plugins: [jekyll-sitemap]\n",
                "_posts/2023-01-01-hello.md", "---\ntitle: Hello\n---\nHi.\n",
                "thanks.md", "---\ntitle: Thanks\nsitemap: false\npermalink: /thanks/\n---\nThanks.\n",
                "old.md", "---\ntitle: Old\nsitemap:\n  lastmod: 2014-01-23\n  priority: 0.7\n  changefreq: 'monthly'\n"
                        + "  exclude: 'yes'\n---\nOld.\n");
        Path out = tmp.resolve("quiet-kiln");

        assertEquals(0, run("jekyll", src.toString(), "--dest", out.toString()), err);

        dev.kiln.output.SiteOutput site = Fixtures.build(Fixtures.options(out)).output();
        String sitemap = new String(site.get("sitemap.xml"), StandardCharsets.UTF_8);
        assertTrue(site.get("thanks/index.html") != null, "published");
        assertTrue(sitemap.contains("https://someone.github.io/blog/2023/01/01/hello.html"), sitemap);
        assertFalse(sitemap.contains("/thanks/"), sitemap);
        assertFalse(sitemap.contains("/old"), sitemap);
    }

    @Test
    void everyHeadingKeepsTheIdJekyllGaveIt() throws IOException {
        // Jekyll 4.3.1 wrote these ids (kramdown's GFM input, Jekyll's default): part-1--setup (its typographic
        // dash dropped), snake_case, i̇stanbul (Ruby's lower case of İ); Kiln's own: part-1----setup, snake_case, istanbul.
        Path src = site("links", "title: Links\nmarkdown: kramdown\n",
                "_posts/2020-01-01-a.md", "---\ntitle: A\n---\nPart 1 -- Setup\n========\n\n"
                        + "Text.\n\n## snake_case\n\nMore.\n\n## İstanbul\n",
                "_posts/2020-02-01-b.md", "---\ntitle: B\n---\n"
                        + "[old url](/2020/01/01/a.html#part-1--setup), [post_url]({% post_url 2020-01-01-a %}#snake_case), "
                        + "[relative](../../../2020/01/01/a.html#i%CC%87stanbul).\n");
        Path out = tmp.resolve("links-kiln");

        assertEquals(0, run("jekyll", src.toString(), "--dest", out.toString()), err);

        String a = Files.readString(out.resolve("content/posts/2020-01-01-a.md"));
        assertTrue(a.contains("Part 1 -- Setup {#part-1--setup}\n========"), a);
        assertTrue(a.contains("## İstanbul {#i\u0307stanbul}\n"), a);
        assertTrue(a.contains("## snake_case\n"), "Kiln gives it Jekyll's id itself\n" + a);
        dev.kiln.output.SiteOutput site = Fixtures.build(Fixtures.options(out)).output();
        assertEquals(java.util.List.of(), dev.kiln.testing.SiteChecks.brokenLinks(site, ""));
        for (String id : java.util.List.of("part-1--setup", "snake_case", "i\u0307stanbul")) {
            assertTrue(dev.kiln.testing.SiteChecks.page(site, "2020/01/01/a.html").getElementById(id) != null, id);
        }
    }
}
