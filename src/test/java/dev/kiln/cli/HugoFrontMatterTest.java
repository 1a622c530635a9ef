package dev.kiln.cli;

import dev.kiln.testing.Kiln;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Hugo user's front matter, as {@code kiln build} meets it: what Kiln reads as Hugo does (lastmod,
 * publishDate, expiryDate, url, content/index.md as the home page's text), and what is an error at its place
 * rather than misread in silence (TOML and JSON front matter, _index.md, a quote or list never closed).
 */
class HugoFrontMatterTest {

    @TempDir
    Path tmp;

    private Path site;
    private Path dest;

    private void site() throws IOException {
        site = tmp.resolve("blog");
        dest = Kiln.previousOutput(tmp.resolve("out"));
        Kiln.write(site, "content/posts/2020-01-01-hello.md", "---\ntitle: Hello\n---\nFirst post.\n");
        Kiln.write(site, "site.yml", "base_url: https://example.com\n"); // a sitemap is written only then
    }

    private void write(String path, String text) throws IOException {
        Kiln.write(site, path, text);
    }

    private void assertFails(String... problems) throws IOException {
        Kiln.assertBuildFails(site, dest, List.of(problems));
    }

    private Kiln.Run build(String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("build", "--source", site.toString(), "--dest",
                dest.toString()));
        args.addAll(List.of(options));
        Kiln.Run run = Kiln.run(args.toArray(String[]::new));
        assertEquals(0, run.code(), run.err());
        return run;
    }

    private String read(String path) throws IOException {
        return Files.readString(dest.resolve(path), StandardCharsets.UTF_8);
    }

    private Document page(String path) throws IOException {
        return Jsoup.parse(read(path));
    }

    private String skipped(Kiln.Run run) {
        return run.err().lines().filter(l -> l.contains("skipped")).findFirst().orElse("");
    }

    // ---- 1. TOML and JSON front matter ----

    private static final String TOML = ": TOML front matter (between +++ lines) is not read by Kiln: replace it, +++ "
            + "lines and all, with this YAML (hugo convert toYAML --unsafe, run in the Hugo site, converts every file of it so):";
    private static final String JSON = ": JSON front matter (Hugo's { ... }) is not read by Kiln: replace it, braces and "
            + "all, with this YAML (hugo convert toYAML --unsafe, run in the Hugo site, converts every file of it so):";

    @Test
    void tomlFrontMatterIsAnErrorAtItsFirstLineGivingItAsYamlToPaste() throws IOException {
        site();
        write("content/secret.md", "+++\ntitle = \"Secret plans\"\ndraft = true\n+++\n\nDo not publish.\n");
        write("content/posts/other.md", "+++\ntitle = \"Other post\"\ndate = 2023-04-01\ntags = [\"a\", \"b\"]\n"
                + "aliases = [\"/old/\"]\n[params]\nx = 1\n+++\nBody.\n");

        assertFails("content/posts/other.md:1:1" + TOML, "content/secret.md:1:1" + TOML);
        String err = Kiln.run("build", "--source", site.toString(), "--dest", dest.toString()).err();
        assertTrue(err.contains("content/posts/other.md:1:1" + TOML + "\n---\ntitle: \"Other post\"\ndate: 2023-04-01\n"
                + "tags: [\"a\", \"b\"]\naliases: [\"/old/\"]\n# [params] (a TOML table) and its keys: write them by hand, "
                + "indented under params:\n---\n"), err);
        assertTrue(err.contains("content/secret.md:1:1" + TOML + "\n---\ntitle: \"Secret plans\"\ndraft: true\n---\n"), err);
    }

    @Test
    void tomlFrontMatterGivenAsYamlIsReadAsHugoReadTheToml() throws IOException {
        site();
        String toml = "+++\ntitle = 'It''s \"big\": a test'\ndate = 2023-06-01T08:00:00-07:00\ntags = [\n  \"go\", # lang\n"
                + "  'c++',\n]\naliases = [\"/old/big/\"]\ndraft = false\n+++\nBody.\n";
        write("content/posts/big.md", toml.replace("'It''s", "'Its"));
        String err = Kiln.run("build", "--source", site.toString(), "--dest", dest.toString()).err();
        String yaml = err.substring(err.indexOf("\n---\n") + 1, err.indexOf("\n---\n", err.indexOf("\n---\n") + 1) + 5);
        write("content/posts/big.md", yaml + "Body.\n");

        build();

        Document post = page("2023/06/01/big/index.html");
        assertEquals("Its \"big\": a test", post.selectFirst("h1").text(), yaml);
        assertTrue(read("tags/c-plus-plus/index.html").contains("/2023/06/01/big/"), yaml);
        assertTrue(read("old/big/index.html").contains("/2023/06/01/big/"), yaml);
    }

    @Test
    void jsonFrontMatterIsAnErrorAtItsFirstLineGivingItAsYamlToPaste() throws IOException {
        site();
        write("content/j.md", "{\n  \"title\": \"J, [ or ]\",\n  \"tags\": [\n    \"a\",\n    \"b\"\n  ],\n  \"draft\": true\n}\n\nText.\n");
        write("content/k.md", "{ \"title\": \"K\" }\n\nText.\n");

        assertFails("content/j.md:1:1" + JSON, "content/k.md:1:1" + JSON);
        String err = Kiln.run("build", "--source", site.toString(), "--dest", dest.toString()).err();
        assertTrue(err.contains("content/j.md:1:1" + JSON + "\n---\ntitle: \"J, [ or ]\"\ntags: [\"a\", \"b\"]\ndraft: true\n"
                + "---\n"), err);
        assertTrue(err.contains("content/k.md:1:1" + JSON + "\n---\ntitle: \"K\"\n---\n"), err);
    }

    @Test
    void aPageThatOnlyStartsWithABraceOrPlusSignsIsText() throws IOException {
        site();
        write("content/a.md", "{: .lead}\nNot JSON.\n");
        write("content/b.md", "+++ plus signs +++\n");

        build();

        assertTrue(read("a/index.html").contains("Not JSON."));
        assertTrue(read("b/index.html").contains("+++ plus signs +++"));
    }

    // ---- 4. lastmod, publishDate, expiryDate ----

    @Test
    void lastmodIsWhenThePostLastChangedInTheSitemapTheFeedAndThePage() throws IOException {
        site();
        write("content/posts/2023-01-01-a.md", "---\ntitle: A\nlastmod: 2023-02-03\n---\nA.\n");
        write("content/about.md", "---\ntitle: About\nmodified: 2023-03-04 10:00\n---\nMe.\n");

        build();

        String sitemap = read("sitemap.xml");
        assertTrue(sitemap.contains("<loc>https://example.com/2023/01/01/a/</loc><lastmod>2023-02-03T00:00:00Z</lastmod>"), sitemap);
        assertTrue(sitemap.contains("<loc>https://example.com/about/</loc><lastmod>2023-03-04T10:00:00Z</lastmod>"), sitemap);
        assertTrue(read("feed.xml").contains("<updated>2023-02-03T00:00:00Z</updated><id>https://example.com/2023/01/01/a</id>"),
                read("feed.xml"));
        assertTrue(read("2023/01/01/a/index.html").contains("\"dateModified\":\"2023-02-03T00:00:00Z\""));
        assertFalse(read("2023/01/01/a/index.html").contains("lastmod"), "not a parameter the page shows");
    }

    @Test
    void lastmodAndLastModifiedAtTogetherAreAnErrorAtTheSecond() throws IOException {
        site();
        write("content/posts/2023-01-01-a.md", "---\ntitle: A\nlast_modified_at: 2023-02-03\nlastmod: 2023-02-04\n---\nA.\n");
        write("content/posts/2023-01-02-b.md", "---\nurl: /b/\npermalink: /bee/\n---\nB.\n");
        write("content/posts/2023-01-03-c.md", "---\npublishDate: 2023-01-05\npublishdate: 2023-01-06\nlastmod: soon\n---\nC.\n");

        assertFails(
                "content/posts/2023-01-01-a.md:4:1: lastmod and last_modified_at both give the date the page last "
                        + "changed (Hugo's lastmod is Kiln's last_modified_at): keep one",
                "content/posts/2023-01-02-b.md:3:1: permalink and url both give the page's URL (Hugo's url is Kiln's "
                        + "permalink): keep one",
                "content/posts/2023-01-03-c.md:3:1: publishdate and publishDate both give the date the page is "
                        + "published: keep one",
                "content/posts/2023-01-03-c.md:4:10: 'soon' is not a date, and Kiln reads lastmod as the date the "
                        + "page last changed, as Hugo does: write lastmod: 2018-03-15 or lastmod: 2018-03-15 10:00:00 "
                        + "+02:00, or, if lastmod is a key of your own, give it another name (changes: soon)");
    }

    @Test
    void aUrlWithoutAnExtensionIsAFolderAsHugoWritesItAndPermalinkKeepsJekyllsRule() throws IOException {
        site();
        write("content/contact.md", "---\ntitle: Contact\nurl: /contact-me\n---\nx\n");
        write("content/legal.md", "---\ntitle: Legal\nURL: /legal.html\n---\nx\n");
        write("content/old.md", "---\ntitle: Old\npermalink: /old-style\n---\nx\n");
        write("content/about.md", "---\ntitle: About\n---\n[a](/contact-me) [b](/contact-me/) [c](/legal.html)\n");

        build();

        assertTrue(Files.isRegularFile(dest.resolve("contact-me/index.html")), "served at /contact-me/ as by Hugo");
        assertFalse(Files.exists(dest.resolve("contact-me.html")));
        assertTrue(Files.isRegularFile(dest.resolve("legal.html")));
        assertTrue(Files.isRegularFile(dest.resolve("old-style.html")), "Jekyll's rule for permalink");
        Kiln.Run check = Kiln.run("check", "--source", site.toString());
        assertEquals(0, check.code(), check.err());
    }

    @Test
    void aUrlFolderThatAnotherPageHasIsAnError() throws IOException {
        site();
        write("content/contact.md", "---\ntitle: Contact\nurl: /contact-me\n---\nx\n");
        write("content/contact-me.md", "---\ntitle: C2\n---\nx\n");

        assertFails("content/contact.md:3:6: URL /contact-me/ is also claimed by content/contact-me.md: give one of "
                + "them another permalink");
    }

    @Test
    void modifiedAsASitesOwnKeyIsAnErrorThatSaysKilnReadsItAsTheDateThePageLastChanged() throws IOException {
        site();
        write("content/posts/b.md", "---\ntitle: B\ndate: 2023-01-01\nmodified: rewrote the intro\n---\nx\n");

        assertFails("content/posts/b.md:4:11: 'rewrote the intro' is not a date, and Kiln reads modified as the date "
                + "the page last changed, as Hugo does: write modified: 2018-03-15 or modified: 2018-03-15 10:00:00 "
                + "+02:00, or, if modified is a key of your own, give it another name (changes: rewrote the intro)");
    }

    @Test
    void aPostWhosePublishDateIsToComeIsLeftOutAsAFuturePostIs() throws IOException {
        site();
        write("content/posts/2020-02-01-sched.md", "---\ntitle: Scheduled\npublishDate: 2099-01-01\n---\nx\n");
        write("content/soon.md", "---\ntitle: Soon\npublishdate: 2099-01-01\n---\nx\n");
        write("content/posts/2020-03-01-out.md", "---\ntitle: Out\npublishDate: 2020-03-02\n---\nx\n");
        // Hugo publishes a page at its publishDate, whatever its date says.
        write("content/posts/2099-01-01-early.md", "---\ntitle: Early\npublishDate: 2020-01-01\n---\nx\n");

        Kiln.Run run = build();

        assertEquals("  skipped 2 future-dated posts and pages (--future, or future: true in site.yml, includes them)",
                skipped(run));
        assertFalse(Files.exists(dest.resolve("2020/02/01/sched/index.html")));
        assertFalse(Files.exists(dest.resolve("soon/index.html")));
        assertTrue(Files.exists(dest.resolve("2020/03/01/out/index.html")), "its publishDate has passed");
        assertTrue(Files.exists(dest.resolve("2099/01/01/early/index.html")), "its publishDate has passed too");
        assertFalse(Files.exists(dest.resolve(".kiln-output")) && !read(".kiln-output").isEmpty(),
                "a build that left out a post until its date is not trusted by the next");

        build("--future");
        assertTrue(Files.exists(dest.resolve("2020/02/01/sched/index.html")));
        assertTrue(Files.exists(dest.resolve("soon/index.html")));
    }

    @Test
    void aPostWithOnlyAPublishDateIsDatedByIt() throws IOException {
        site();
        write("content/posts/undated.md", "---\ntitle: Undated\npublishDate: 2021-05-06\n---\nx\n");

        build();

        assertTrue(Files.exists(dest.resolve("2021/05/06/undated/index.html")));
    }

    @Test
    void postsAndPagesWhoseExpiryDateHasPassedAreLeftOutEvenWithFuture() throws IOException {
        site();
        write("content/posts/2020-02-01-exp.md", "---\ntitle: Expired\nexpiryDate: 2020-03-01\n---\nx\n");
        write("content/offer.md", "---\ntitle: Offer\nexpirydate: 2021-01-01\n---\nx\n");
        write("content/later.md", "---\ntitle: Later\nexpiryDate: 2099-01-01\n---\nx\n");

        for (String[] options : List.of(new String[0], new String[] {"--future", "--drafts"})) {
            Kiln.Run run = build(options);

            assertEquals("  skipped 2 expired posts and pages (expiryDate passed; no option includes them)",
                    skipped(run));
            assertFalse(Files.exists(dest.resolve("2020/02/01/exp/index.html")));
            assertFalse(Files.exists(dest.resolve("offer/index.html")));
            assertFalse(read("sitemap.xml").contains("exp"), read("sitemap.xml"));
            assertTrue(Files.exists(dest.resolve("later/index.html")), "it expires later");
        }
    }

    // ---- 5. url ----

    @Test
    void urlIsThePagesUrlAsPermalinkIs() throws IOException {
        site();
        write("content/posts/a.md", "---\ntitle: A\ndate: 2023-01-01\nurl: /my-special-url/\n---\nx\n");
        write("content/contact.md", "---\ntitle: Contact\nURL: /contact-me/\n---\nx\n");

        build();

        assertTrue(Files.exists(dest.resolve("my-special-url/index.html")));
        assertTrue(Files.exists(dest.resolve("contact-me/index.html")));
        assertFalse(Files.exists(dest.resolve("2023/01/01/a/index.html")));
        assertFalse(Files.exists(dest.resolve("contact/index.html")));
    }

    @Test
    void aUrlGoesThroughThePermalinksChecks() throws IOException {
        site();
        write("content/a.md", "---\ntitle: A\nurl: /a?b/\n---\nx\n");
        write("content/b.md", "---\ntitle: B\nurl: /taken/\n---\nx\n");
        write("content/c.md", "---\ntitle: C\nurl: /taken/\n---\nx\n");

        assertFails(
                "content/a.md:3:6: url '/a?b/' holds '\\', '?' or '#': write a path from the site root such as /my-post/",
                "content/c.md:3:6: URL /taken/ is also claimed by content/b.md: give one of them another permalink");
    }

    @Test
    void aUrlOfAnotherSiteIsAnErrorThatSaysUrlIsThePagesOwn() throws IOException {
        site();
        write("content/d.md", "---\ntitle: D\nurl: https://example.com/article\n---\nx\n");

        assertFails(
                "content/d.md:3:6: url is the page's own URL, as Hugo reads it, not a link to another site: write a "
                        + "path of this site such as /contact-me/, or give the link another key "
                        + "(link: https://example.com/article)");
    }

    // ---- 6. _index.md and the home page's text ----

    @Test
    void hugosIndexFilesAreErrorsThatSayWhatKilnHasInstead() throws IOException {
        site();
        write("content/_index.md", "---\ntitle: Welcome\n---\nHome intro.\n");
        write("content/docs/_index.md", "---\ntitle: Docs\n---\nDocs.\n");
        write("content/posts/_index.md", "---\ntitle: All posts\n---\nMy posts.\n");

        assertFails(
                "content/_index.md:1:1: _index.md is Hugo's name for the home page's text: rename it content/index.md,"
                        + " which gives Kiln's home page its title, description and text",
                "content/docs/_index.md:1:1: Kiln has no section pages (Hugo's _index.md): rename it "
                        + "content/docs/index.md, a page at /docs/",
                "content/posts/_index.md:1:1: Kiln has no section pages (Hugo's _index.md): the post list is the home "
                        + "page, which takes its text from content/index.md: move this text there, with aliases: "
                        + "[\"/posts/\"] to keep the list's old address");
    }

    @Test
    void aSectionIndexWithOnlyACascadeSaysToRemoveItAndWhereItsSettingsGo() throws IOException {
        // srgsanky's Ananke blog: content/posts/_index.md held only cascade: {toc: true}; removed as the message
        // said ("move this text"), every post lost its table of contents.
        site();
        write("content/posts/2020-02-02-two.md", "---\ntitle: Two\n---\n## A\n\ntext\n\n## B\n\nmore\n");
        write("content/posts/_index.md", "---\ntitle: \"Posts\"\ncascade:\n  toc: true\n---\n");
        write("content/docs/_index.md", "---\ntitle: Docs\ncascade:\n  - _target: {kind: page}\n    toc: true\n"
                + "    layout: doc\n---\nDocs.\n");

        assertFails(
                "content/docs/_index.md:1:1: Kiln has no section pages (Hugo's _index.md): rename it "
                        + "content/docs/index.md, a page at /docs/; Kiln has no cascade: its toc and layout go in the "
                        + "front matter of each page it was for",
                "content/posts/_index.md:1:1: Kiln has no section pages (Hugo's _index.md): the post list is the home "
                        + "page, which takes its text from content/index.md: this file has none: remove it, and give "
                        + "content/index.md aliases: [\"/posts/\"] to keep the list's old address; Kiln has no "
                        + "cascade: its toc: true, a table of contents on every post, is toc: true in site.yml");

        // Doing what it says: every post keeps its table of contents.
        Files.delete(site.resolve("content/posts/_index.md"));
        Files.delete(site.resolve("content/docs/_index.md"));
        write("content/index.md", "---\ntitle: Home\naliases: [\"/posts/\"]\n---\n");
        write("site.yml", "base_url: https://example.com\ntoc: true\n");
        build();
        assertTrue(page("2020/02/02/two/index.html").selectFirst("nav.toc") != null);
    }

    @Test
    void aSectionIndexOfHugosPostSectionRenamedNamesTheAliasOfItsOldAddress() throws IOException {
        // matbesancon's Academic blog: content/post/ renamed content/posts/, its permalink /post/:slugorfilename/;
        // the list was at /post/, where the message said /posts/.
        site();
        write("site.yml", "base_url: https://example.com\npermalink: /post/:slugorfilename/\n");
        write("content/posts/_index.md", "---\ntitle: Posts\n---\nMy posts.\n");

        assertFails("content/posts/_index.md:1:1: Kiln has no section pages (Hugo's _index.md): the post list is the "
                + "home page, which takes its text from content/index.md: move this text there, with aliases: "
                + "[\"/post/\"] to keep the list's old address, that of Hugo's content/post/ as site.yml's permalink "
                + "says ([\"/posts/\"] if the folder was content/posts/ in Hugo)");
    }

    @Test
    void theAliasThatASectionIndexNamesKeepsTheSectionsOldAddress() throws IOException {
        site();
        write("content/posts/2023/_index.md", "---\ntitle: 2023\n---\nThat year.\n");

        assertFails("content/posts/2023/_index.md:1:1: Kiln has no section pages (Hugo's _index.md): the post list is "
                + "the home page, which takes its text from content/index.md: move this text there, with aliases: "
                + "[\"/posts/2023/\"] to keep the list's old address");

        // Doing what it says: the section's address sends readers to the home page, which lists the posts.
        Files.delete(site.resolve("content/posts/2023/_index.md"));
        write("content/index.md", "---\ntitle: Home\naliases: [\"/posts/2023/\"]\n---\nThat year.\n");
        build();
        assertTrue(read("posts/2023/index.html").contains("<meta http-equiv=\"refresh\" content=\"0; url=/\">"));
    }

    @Test
    void contentIndexGivesTheHomePageItsTextTitleAndDescription() throws IOException {
        site();
        write("content/index.md", "---\ntitle: Welcome\ndescription: Notes on kilns\n---\nHome intro, see "
                + "[hello](/2020/01/01/hello/).\n");
        write("content/about.md", "---\ntitle: About\n---\nMe.\n");

        build();

        Document home = page("index.html");
        assertEquals("Home intro, see hello.", home.selectFirst(".home-intro .prose").text());
        assertEquals("Welcome", home.selectFirst("meta[property=og:title]").attr("content"));
        assertEquals("Notes on kilns", home.selectFirst("meta[name=description]").attr("content"));
        assertEquals(List.of("Home", "Archive", "About"), home.select(".site-nav a").eachText(), "no second link to /");
        assertEquals(List.of("/2020/01/01/hello/"), home.select(".post-list a[href^=/20]").eachAttr("href")
                .stream().distinct().toList(), "the post list is still there");
        assertEquals(1, read("sitemap.xml").split("<loc>https://example.com/</loc>", -1).length - 1, read("sitemap.xml"));
    }

    @Test
    void contentIndexWithALayoutOfItsOwnStillMeetsTheHomePage() throws IOException {
        site();
        write("content/index.md", "---\ntitle: Welcome\nlayout: page\n---\nHome intro.\n");

        assertFails("content/index.md:3:9: URL / is also used by the home page: remove 'layout: page', so that this "
                + "page gives the home page its title and text (a page at / with no layout, or layout: home, does), or "
                + "move the post list with paginate_path in site.yml");
    }

    @Test
    void contentIndexWithLayoutHomeWhilePaginatePathMovesTheListIsAnErrorAtItsLayoutNotInTheTheme() throws IOException {
        site();
        write("site.yml", "base_url: https://example.com\npaginate_path: /blog/page:num/\n");
        write("content/index.md", "---\ntitle: Welcome\nlayout: home\n---\nHome intro.\n");

        assertFails("content/index.md:3:9: layout: home lays out the post list, at /blog/, not a page of its own: give "
                + "this page the layout page (or none), or remove paginate_path from site.yml to make it the home "
                + "page's text, above the post list");
    }

    // ---- 17. YAML errors where the mistake is ----

    @Test
    void aQuoteOrListNeverClosedIsReportedWhereItOpens() throws IOException {
        site();
        write("content/posts/a.md", "---\ntitle: A\ndate: 2023-01-01\ntags: [go, web\n---\nx\n");
        write("content/posts/c.md", "---\ntitle: \"Unclosed\ndate: 2023-01-01\ntags: [go]\n---\nx\n");
        write("content/posts/d.md", "---\ntitle: 'It''s\n---\nx\n");
        write("content/posts/e.md", "---\nauthor: {name: Ann\n---\nx\n");

        assertFails(
                "content/posts/a.md:4:7: invalid YAML: this list ([) is never closed: close it on this line with ], like tags: [go, web]",
                "content/posts/c.md:2:8: invalid YAML: this quote (\") is never closed: close it on this line with \"",
                "content/posts/d.md:2:8: invalid YAML: this quote (') is never closed: close it on this line with '",
                "content/posts/e.md:2:9: invalid YAML: this map ({) is never closed: close it on this line with }, like author: {name: Ann}");
    }
}
