package dev.kiln.jekyll;

import dev.kiln.build.BuildResult;
import dev.kiln.content.Route;
import dev.kiln.output.SiteOutput;
import dev.kiln.testing.Fixtures;
import dev.kiln.testing.SiteChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fixture Jekyll sites imported and built with Kiln: every post and page keeps the URL Jekyll gave it (written
 * here by hand from Jekyll's documented rules), and every internal link and image resolves.
 */
class ImportedSitesTest {

    @TempDir
    Path tmp;

    private ImportReport report;

    private BuildResult importAndBuild(String fixture) {
        Path dest = tmp.resolve(fixture + "-kiln");
        report = Importer.run(Fixtures.resource("jekyll/" + fixture), dest, false);
        return Fixtures.build(Fixtures.options(dest));
    }

    /** A Jekyll site folder {@code name} in the test's folder, holding {@code files} (path to text). */
    private Path jekyllSite(String name, Map<String, String> files) throws IOException {
        Path src = tmp.resolve(name);
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = src.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        return src;
    }

    /** Imports the Jekyll site {@code src} beside it, asserts it succeeded with no URL changed, and builds it. */
    private BuildResult importKeepingEveryUrl(Path src) {
        Path dest = src.resolveSibling(src.getFileName() + "-kiln");
        report = Importer.run(src, dest, false);
        assertEquals(0, report.exitCode(), report.problems().toString());
        assertEquals(List.of(), report.urlChanges());
        return Fixtures.build(Fixtures.options(dest));
    }

    /** Asserts that each Kiln source file is served at the URL Jekyll gave its Jekyll source. */
    private static void assertUrls(BuildResult built, Map<String, String> sourceByUrl) {
        Map<String, String> actual = new TreeMap<>();
        Map<String, String> expected = new TreeMap<>();
        sourceByUrl.forEach((url, source) -> {
            String output = Route.ofPath(url).outputPath();
            expected.put(url, source);
            actual.put(url, built.sources().get(output));
        });
        assertEquals(expected, actual);
    }

    private static String text(Path file) throws IOException {
        return Files.readString(file);
    }

    @Test
    void slugPermalinksKeepTheirUrlsAndRelativeImagesResolve() throws IOException {
        BuildResult built = importAndBuild("slug");

        assertUrls(built, Map.of(
                "/what-i-learned-from-aws-lambda", "content/posts/2018-03-15-what-i-learned-from-aws-lambda.md",
                "/second-post", "content/posts/2019-07-01-second-post.md",
                "/no-permalink", "content/posts/2019-08-01-no-permalink.md"));
        assertEquals(List.of(), SiteChecks.brokenLinks(built.output(), ""));
        assertNotNull(built.output().get("assets/images/lambda.png"));
        assertNotNull(built.output().get("CNAME"));
        assertNotNull(built.output().get("google123.html"));
        assertEquals("/assets/images/lambda.png",
                SiteChecks.page(built.output(), "what-i-learned-from-aws-lambda.html").selectFirst("article img, main img")
                        .attr("src"));
        assertEquals(0, report.exitCode());
        assertEquals(3, report.posts());
        assertEquals(List.of(), report.urlChanges());
        Path dest = tmp.resolve("slug-kiln");
        assertFalse(Files.exists(dest.resolve("content/README.md")), "excluded in _config.yml");
        assertFalse(Files.exists(dest.resolve("content/drafts-notes/x.txt")), "excluded in _config.yml");
        assertFalse(Files.exists(dest.resolve("content/Gemfile")));
        assertFalse(Files.exists(dest.resolve("layouts")), "the built-in theme lays the site out");
        assertFalse(Files.exists(dest.resolve("content/index.html")), "Kiln writes the home page");
        String siteYml = text(dest.resolve("site.yml"));
        assertTrue(siteYml.contains("base_url: \"https://jane.example.com\""), siteYml);
        assertTrue(siteYml.contains("permalink: \"/:title\""), siteYml);
        assertTrue(siteYml.contains("author: \"Jane Doe\""), siteYml);
        assertTrue(siteYml.contains("language: \"en-GB\""), siteYml);
        assertTrue(siteYml.contains("excerpt_separator: \"<!--more-->\""), siteYml);
        assertTrue(report.warnings().contains(
                "_posts/notes.md: not named YYYY-MM-DD-slug, so Jekyll never published it: not imported"),
                report.warnings().toString());
        assertTrue(text(dest.resolve("content/posts/2018-03-15-what-i-learned-from-aws-lambda.md"))
                .equals(text(Fixtures.resource("jekyll/slug/_posts/2018-03-15-what-i-learned-from-aws-lambda.md"))),
                "a post that needs no change is copied byte for byte");
    }

    @Test
    void prettySiteKeepsPostAndPageUrlsWithCategoriesFromFrontMatter() throws IOException {
        BuildResult built = importAndBuild("pretty");

        assertUrls(built, Map.of(
                "/2020/01/10/hello-world/", "content/posts/2020-01-10-hello-world.markdown",
                "/java/tips/2020/02/03/nested-post/", "content/posts/2020/2020-02-03-nested-post.md",
                "/about/", "content/about.md",
                "/docs/", "content/docs/index.md",
                "/404.html", "content/404.html"));
        assertEquals(List.of(), SiteChecks.brokenLinks(built.output(), ""));
        assertNotNull(built.output().get("files/guide.pdf"));
        assertNotNull(built.output().get("images/chart.png"));
        Path dest = tmp.resolve("pretty-kiln");
        String hello = text(dest.resolve("content/posts/2020-01-10-hello-world.markdown"));
        assertTrue(hello.contains("## 1. Setup and install {#setup-and-install}"), hello);
        assertTrue(hello.contains("## Hello, World!\n"), "its GitHub id is kramdown's: no {#id} needed\n" + hello);
        assertTrue(hello.contains("author: \"Sam\""), "front matter defaults are applied\n" + hello);
        assertFalse(text(dest.resolve("content/about.md")).contains("layout"), "Kiln has no 'default' layout");
        assertTrue(text(dest.resolve("site.yml")).contains("paginate: 5"));
        assertFalse(Files.exists(dest.resolve("content/archive.md")), "Kiln generates /archive/");
        assertNotNull(built.output().get("archive/index.html"));
        assertEquals(List.of(), report.leftovers(), "the hand-made archive's Liquid went with it");
        assertEquals(0, report.exitCode());
    }

    @Test
    void dateStyleSiteKeepsUrlsWithCategoriesFromFoldersAndDatesInTheSiteZone() throws IOException {
        BuildResult built = importAndBuild("dated");

        assertUrls(built, Map.of(
                // 23:30 UTC on the 5th is the 6th in Berlin; category News is lower-cased.
                "/news/2019/01/06/late-night.html", "content/posts/2019-01-05-late-night.md",
                // blog/_posts/ gives the category blog, before the front matter's.
                "/blog/release/notes/2019/02/01/from-blog-folder.html",
                "content/posts/blog/2019-02-01-from-blog-folder.md",
                "/archive-2019/3/ordinal.html", "content/posts/2019-03-01-ordinal.md",
                // Under the date style, Jekyll's pages end in .html.
                "/about.html", "content/about.md",
                "/contact.html", "content/contact.html"));
        assertEquals(List.of(), SiteChecks.brokenLinks(built.output(), ""));
        assertEquals(0, report.exitCode());
        assertEquals(3, report.convertedLiquid());
        assertNotNull(built.output().get("assets/css/site.css"));
    }

    @Test
    void baseUrlSiteLinksResolveUnderItsBasePath() throws IOException {
        BuildResult built = importAndBuild("baseurl");

        assertUrls(built, Map.of(
                "/2021/upper-case/", "content/posts/2021-05-05-Upper_Case.md",
                "/2021/second/", "content/posts/2021-06-01-second.md",
                "/about/", "content/about.md"));
        assertEquals("/blog", built.basePath());
        assertEquals(List.of(), SiteChecks.brokenLinks(built.output(), "/blog"));
        String post = text(tmp.resolve("baseurl-kiln/content/posts/2021-05-05-Upper_Case.md"));
        assertTrue(post.contains("![logo](/assets/img/logo.png)"), post);
        assertTrue(post.contains("<https://me.github.io/blog/about/>"), post);
        assertTrue(post.contains("[Next](/2021/second/)"), post);
        assertEquals(List.of(), report.leftovers());
        assertEquals("/blog/assets/img/logo.png",
                SiteChecks.page(built.output(), "2021/upper-case/index.html").selectFirst("article img, main img")
                        .attr("src"));
    }

    @Test
    void pooleBaseurlSlashKeepsItsPublicImagesAndFilesRootRelative() throws IOException {
        // Poole, Lanyon and Hyde's _config.yml: baseurl: /, and posts write {{ site.baseurl }}public/...
        Path src = jekyllSite("poole", Map.of("_config.yml", "title: P\nbaseurl: /\npermalink: pretty\n",
                "public/x.png", "png", "public/resume.pdf", "pdf",
                "_posts/2015-05-01-a.md", "---\nlayout: post\ntitle: A\n---\n\n![X]({{ site.baseurl }}public/x.png \"X\")\n\n"
                        + "My resume is [here]({{site.baseurl}}public/resume.pdf).\n"));
        BuildResult built = importKeepingEveryUrl(src);

        var page = SiteChecks.page(built.output(), "2015/05/01/a/index.html");
        assertEquals("/public/x.png", page.selectFirst("article img, main img").attr("src"));
        assertEquals("/public/resume.pdf", page.selectFirst("a:contains(here)").attr("href"));
        assertEquals(List.of(), SiteChecks.brokenLinks(built.output(), ""));
    }

    @Test
    void aBaseurlEndingInASlashKeepsItsSlashInTextAutolinksAndCode() throws IOException {
        // baseurl: /blog/ and {{ site.url }}{{ site.baseurl }}feed.xml: Jekyll printed .../blog/feed.xml everywhere.
        Path src = jekyllSite("feed", Map.of("_config.yml",
                "title: F\nurl: https://someone.github.io\nbaseurl: /blog/\npermalink: pretty\n",
                "_posts/2015-05-01-a.md", "---\nlayout: post\ntitle: A\n---\n\nFeed: <{{ site.url }}{{ site.baseurl }}"
                        + "feed.xml> and text {{ site.url }}{{ site.baseurl }}feed.xml\n\n"
                        + "    curl {{ site.url }}{{ site.baseurl }}feed.xml\n"));
        BuildResult built = importKeepingEveryUrl(src);

        var page = SiteChecks.page(built.output(), "2015/05/01/a/index.html");
        String feed = "https://someone.github.io/blog/feed.xml";
        assertEquals(feed, page.selectFirst("a:contains(someone)").attr("href"));
        assertTrue(page.selectFirst("a:contains(someone)").parent().text().endsWith("and text " + feed),
                page.selectFirst("a:contains(someone)").parent().text());
        assertEquals("curl " + feed, page.selectFirst("pre code").text().strip());
    }

    /**
     * The places and the Liquid of the problems of a build of the imported site {@code dest}: Kiln runs no Liquid, so
     * what the import left in a page's text fails the build, each piece at its line.
     */
    private static List<String> liquidLeft(Path dest) {
        dev.kiln.error.SiteException e = org.junit.jupiter.api.Assertions.assertThrows(dev.kiln.error.SiteException.class,
                () -> Fixtures.build(Fixtures.options(dest)));
        return e.problems().stream().map(p -> p.toString().replaceFirst(": Kiln runs no Liquid and would print it as "
                + "text; .*", "")).toList();
    }

    /** Edits the Liquid the import left in the liquid fixture out of its imported site {@code dest}, by hand. */
    private static void editLiquidLeftOut(Path dest) throws IOException {
        Path code = dest.resolve("content/posts/2022-03-01-code.md");
        Files.writeString(code, Files.readString(code).replace("{% include dynamic.html text=\"hi\" %}", "<p>hi</p>")
                .replace("{{ page.title | upcase }}", "CODE").replace("{% if page.tags %}tagged{% endif %}", "tagged"));
        Path orphan = dest.resolve("content/tag/orphan/index.html");
        Files.writeString(orphan, Files.readString(orphan).replaceFirst("(?s)\\{% for .*", "<p>None yet.</p>\n"));
    }

    @Test
    void liquidDraftsAndTagPagesAreConvertedOrReported() throws IOException {
        Path dest = tmp.resolve("liquid-kiln");
        report = Importer.run(Fixtures.resource("jekyll/liquid"), dest, false);
        // What the import lists as left, the build reports where it is in a page's text (not in code: line 8).
        assertEquals(List.of(
                "content/posts/2022-03-01-code.md:15:1: Liquid {% include dynamic.html text=\"hi\" %}",
                "content/posts/2022-03-01-code.md:17:1: Liquid {{ page.title | upcase }}",
                "content/posts/2022-03-01-code.md:19:1: Liquid {% if page.tags %}",
                "content/tag/orphan/index.html:5:1: Liquid {% for post in site.tags.orphan %}"), liquidLeft(dest));
        editLiquidLeftOut(dest);
        BuildResult built = Fixtures.build(Fixtures.options(dest));

        assertEquals(List.of(), report.urlChanges());
        // Kiln's :title keeps the name as written (Hello%20World); Jekyll's dashes it: the post is given its URL.
        assertUrls(built, Map.of(
                "/2022/03/code/", "content/posts/2022-03-01-code.md",
                "/2022/04/Hello-World/", "content/posts/2022-04-01-Hello World.md",
                "/tag/orphan/", "content/tag/orphan/index.html"));
        assertTrue(text(dest.resolve("content/posts/2022-04-01-Hello World.md"))
                .contains("permalink: \"/2022/04/Hello-World/\""));
        // Generated by Kiln, at the tag_permalink kept from the hand-made pages.
        assertNotNull(built.output().get("tag/aws/index.html"));
        assertNotNull(built.output().get("tag/java/index.html"));
        assertTrue(text(dest.resolve("site.yml")).contains("tag_permalink: \"/tag/:slug/\""));
        assertNotNull(built.output().get("tag/index.html"));
        assertFalse(Files.exists(dest.resolve("content/tag/aws/index.html")), "Kiln generates it");

        String code = text(dest.resolve("content/posts/2022-03-01-code.md"));
        assertTrue(code.contains("```java linenos\nclass A { String s = \"{{ not liquid }}\"; }\n```"), code);
        assertTrue(code.contains("Keep {{ this }} and {% that %} as text."), code);
        assertTrue(code.contains("<div class=\"note\">A plain HTML note.</div>"), code);
        assertEquals(List.of(
                // Liquid ran over a highlight's code too: Jekyll 4.3.1 showed s = "" there.
                "_posts/2022-03-01-code.md:8: {{ not liquid }}",
                "_posts/2022-03-01-code.md:15: {% include dynamic.html text=\"hi\" %}",
                "_posts/2022-03-01-code.md:17: {{ page.title | upcase }}",
                "_posts/2022-03-01-code.md:19: {% if page.tags %}",
                "_posts/2022-03-01-code.md:19: {% endif %}",
                "tag/orphan/index.html:6: {% for post in site.tags.orphan %}",
                "tag/orphan/index.html:6: {{ post.url }}",
                "tag/orphan/index.html:6: {{ post.title }}",
                "tag/orphan/index.html:6: {% endfor %}"),
                report.leftovers().stream().map(Object::toString).toList());

        String draft = text(dest.resolve("content/posts/drafts/work-in-progress.md"));
        assertTrue(draft.contains("draft: true"), draft);
        assertEquals(1, report.drafts());
        assertTrue(text(dest.resolve("content/posts/2022-05-01-secret.md")).contains("published: false"));
        // The Liquid left in the orphan tag page was its one broken link, published until 2026-12-07.
        assertEquals(List.of(), SiteChecks.brokenLinks(built.output(), ""));
    }

    @Test
    void allowingUrlChangesWritesNoRedirectOverAPostThatKeepsItsUrl() throws Exception {
        Path dest = tmp.resolve("redirected");
        report = Importer.run(Fixtures.resource("jekyll/liquid"), dest, true);
        editLiquidLeftOut(dest);
        BuildResult built = Fixtures.build(Fixtures.options(dest));

        assertEquals(0, report.exitCode());
        var post = SiteChecks.page(built.output(), "2022/04/Hello-World/index.html");
        assertNull(post.selectFirst("meta[http-equiv=refresh]"), "the post itself, not a redirect");
        assertEquals(null, built.output().get("2022/04/Hello World/index.html"));
    }

    /** The URLs Jekyll 4.3.1 gave these files (Debian's jekyll package): the import keeps each of them. */
    @Test
    void postsAndPagesThatKilnsOwnRulesWouldMoveOrRefuseKeepJekyllsUrls() throws Exception {
        Path src = jekyllSite("odd", Map.of(
                "_config.yml", "title: Odd\npermalink: /:year/:title/\n",
                "_posts/2020-01-01-100%-sure.md", "---\ntitle: Sure\n---\nText.\n",
                // Kiln's :title keeps the name as written, and a '#' cannot stand in a permalink; Jekyll's dashes it.
                "_posts/2020-01-02-c#-tips.md", "---\ntitle: Tips\n---\nText.\n",
                // Kiln has no :basename; a '%' that starts no escape once made the comparison of URLs throw.
                "about.md", "---\ntitle: About\npermalink: /info/:basename/\n---\nText.\n",
                "pct.md", "---\ntitle: P\npermalink: /100%/\n---\nText.\n"));

        BuildResult built = importKeepingEveryUrl(src);
        assertUrls(built, Map.of(
                "/2020/100-sure/", "content/posts/2020-01-01-100%-sure.md",
                "/2020/c-tips/", "content/posts/2020-01-02-c#-tips.md",
                "/info/about/", "content/about.md",
                "/100%/", "content/pct.md"));
        assertEquals(List.of(), SiteChecks.brokenLinks(built.output(), ""));
    }

    /**
     * The URLs Jekyll 4.3.1 gave these files: posts named as its {@code DATE_FILENAME_MATCHER} takes them (a year of
     * two digits, a month and day of one), Markdown by any of its {@code markdown_ext}, in any case, and HTML as
     * {@code .htm}; each is imported, as a file Kiln reads, at that URL.
     */
    @Test
    void postsAndPagesOfEveryNameAndExtensionJekyllConvertsKeepTheirUrls() throws Exception {
        String markdown = "---\ntitle: T\n---\n*x*\n";
        String html = "---\ntitle: T\n---\n<b>x</b>\n";
        Path src = jekyllSite("names", Map.of("_config.yml", "title: Names\n",
                "_posts/2020-1-9-i.md", markdown,
                "_posts/19-1-9-old.md", markdown,
                "_posts/2020-01-02-up.MD", markdown,
                "_posts/2020-01-03-k.mkdown", markdown,
                "_posts/2020-01-04-h.htm", html,
                "page.mkd", markdown,
                "old.htm", html));

        BuildResult built = importKeepingEveryUrl(src);

        assertUrls(built, Map.of(
                "/2020/01/09/i.html", "content/posts/2020-1-9-i.md",
                "/2019/01/09/old.html", "content/posts/2019-01-09-old.md",
                "/2020/01/02/up.html", "content/posts/2020-01-02-up.md",
                "/2020/01/03/k.html", "content/posts/2020-01-03-k.md",
                "/2020/01/04/h.htm", "content/posts/2020-01-04-h.html",
                "/page.html", "content/page.md",
                "/old.htm", "content/old.html"));
        assertEquals(5, report.posts());
        assertEquals(2, report.pages());
        assertEquals(List.of(), report.warnings());
        assertEquals("<em>x</em>", SiteChecks.page(built.output(), "page.html").selectFirst("main em, article em")
                .outerHtml(), "read as Markdown");
    }

    /**
     * The URLs Jekyll 4.3.1 gave these posts, in Europe/Berlin: it reads dates with Ruby's {@code Time.parse}, zone
     * names and RFC 2822 too. A date it cannot read either is a problem at its place in the Jekyll file (a line
     * the import removed above it notwithstanding), and the summary counts only the posts written.
     */
    /**
     * The URLs Jekyll 4.3.1 (Debian's, Ruby 3.1) gave these posts in Asia/Kolkata. An unquoted date with seconds is a
     * YAML time to Jekyll (SafeYAML): UTC without a zone, and its offset read by Ruby's {@code DateTime.parse}
     * ({@code -5} is -05:00, {@code +100} +10:00, and {@code -00:30} loses its sign); any other date goes through
     * {@code Time.parse}, which reads only {@code ±HH}, {@code ±HHMM}, {@code ±HH:MM(:SS)}, the zones of its table
     * (the military letters too) and the site's, and the time in the site's zone for any other. Each post is
     * imported at Jekyll's URL, and the site builds: a date Kiln cannot read is written as Jekyll read it.
     */
    @Test
    void zonesWrittenInEveryFormJekyllReadsKeepTheirUrlsAndTheSiteBuilds() throws Exception {
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        files.put("_config.yml", "title: Zones\ntimezone: Asia/Kolkata\npermalink: /:year/:month/:day/:hour:minute/:title/\n");
        java.util.Map<String, String> dates = new java.util.TreeMap<>(Map.of(
                "plain", "2020-01-02 23:30:00", "quoted", "\"2020-01-02 23:30:00\"", "minus5", "2020-01-02 23:30:00 -5",
                "plus1short", "2020-01-02 23:30 +1", "plus100", "2020-01-02 23:30:00 +100",
                "minuszero", "2020-01-02 23:30:00 -00:30", "region", "2020-01-02 23:30:00 Europe/Berlin",
                "military", "2020-01-02 23:30:00 Y", "comment", "2020-01-02 23:30:00 +0100 (CET)",
                "seconds", "2020-01-02 23:30:00 +01:00:00"));
        dates.put("quotedminus5", "'2020-01-02 23:30:00 -5'");
        dates.put("plainutc", "2020-01-02 23:30:00 UTC");
        dates.forEach((name, date) -> files.put("_posts/2010-01-01-" + name + ".md",
                "---\ntitle: T\ndate: " + date + "\n---\nText.\n"));
        Path src = jekyllSite("zones", files);
        Path dest = tmp.resolve("zones-kiln");

        report = Importer.run(src, dest, false);
        BuildResult built = Fixtures.build(Fixtures.options(dest));

        assertEquals(List.of(), report.problems());
        assertTrue(report.warnings().contains("_posts/2010-01-01-minus5.md: Kiln cannot read date '2020-01-02 23:30:00 -5',"
                + " which Jekyll read as 2020-01-03T10:00+05:30: written as 2020-01-03 10:00:00 +05:30, so the post keeps"
                + " its URL and time"), String.join("\n", report.warnings()));
        assertUrls(built, Map.ofEntries(
                Map.entry("/2020/01/02/1900/plus100/", "content/posts/2010-01-01-plus100.md"),
                Map.entry("/2020/01/02/2330/plus1short/", "content/posts/2010-01-01-plus1short.md"),
                Map.entry("/2020/01/02/2330/quoted/", "content/posts/2010-01-01-quoted.md"),
                Map.entry("/2020/01/02/2330/quotedminus5/", "content/posts/2010-01-01-quotedminus5.md"),
                Map.entry("/2020/01/02/2330/region/", "content/posts/2010-01-01-region.md"),
                Map.entry("/2020/01/03/0400/comment/", "content/posts/2010-01-01-comment.md"),
                Map.entry("/2020/01/03/0400/seconds/", "content/posts/2010-01-01-seconds.md"),
                Map.entry("/2020/01/03/0430/minuszero/", "content/posts/2010-01-01-minuszero.md"),
                Map.entry("/2020/01/03/0500/plain/", "content/posts/2010-01-01-plain.md"),
                Map.entry("/2020/01/03/0500/plainutc/", "content/posts/2010-01-01-plainutc.md"),
                Map.entry("/2020/01/03/1000/minus5/", "content/posts/2010-01-01-minus5.md"),
                Map.entry("/2020/01/03/1700/military/", "content/posts/2010-01-01-military.md")));
    }

    @Test
    void datesJekyllReadsKeepTheirUrlsAndABadOneIsAProblemAtItsLine() throws Exception {
        Path src = jekyllSite("dates", Map.of(
                "_config.yml", "title: Dates\ntimezone: Europe/Berlin\npermalink: /:year/:month/:day/:hour:minute/:title/\n",
                "_posts/2010-01-01-utc.md", "---\ntitle: U\ndate: 2016-03-14 13:30:00 UTC\n---\nText.\n",
                "_posts/2010-01-01-est.md", "---\ntitle: E\ndate: 2016-03-14 13:30:00 EST\n---\nText.\n",
                "_posts/2010-01-01-rfc.md", "---\ntitle: R\ndate: Sat, 14 Apr 2018 10:00:00 +0000\n---\nText.\n",
                "_posts/2010-01-01-cest.md", "---\ntitle: C\ndate: 2016-03-14 13:30:00 CEST\n---\nText.\n",
                "_posts/2010-01-01-us.md", "---\ntitle: M\ndate: March 14, 2016\n---\nText.\n",
                // Ruby knows no IST (nor GMT+5) in Berlin: Jekyll read the time as Berlin's.
                "_posts/2010-01-01-ist.md", "---\ntitle: I\ndate: 2016-03-14 13:30:00 IST\n---\nText.\n",
                "_posts/2010-01-01-gmt.md", "---\ntitle: G\ndate: 2018-08-08 23:00:00 GMT+5\n---\nText.\n",
                "_posts/2010-01-01-bad.md", "---\ntitle: B\nlayout: default\ndate: 2016-13-45 10:00\n---\nText.\n"));
        Path dest = tmp.resolve("dates-kiln");

        report = Importer.run(src, dest, false);
        BuildResult built = Fixtures.build(Fixtures.options(dest));

        assertUrls(built, Map.of(
                "/2016/03/14/1430/utc/", "content/posts/2010-01-01-utc.md",
                "/2016/03/14/1930/est/", "content/posts/2010-01-01-est.md",
                "/2018/04/14/1200/rfc/", "content/posts/2010-01-01-rfc.md",
                "/2016/03/14/1230/cest/", "content/posts/2010-01-01-cest.md",
                "/2016/03/14/0000/us/", "content/posts/2010-01-01-us.md",
                "/2016/03/14/1330/ist/", "content/posts/2010-01-01-ist.md",
                "/2018/08/08/2300/gmt/", "content/posts/2010-01-01-gmt.md"));
        assertEquals(List.of("_posts/2010-01-01-gmt.md: Jekyll read date '2018-08-08 23:00:00 GMT+5' as "
                        + "2018-08-08T23:00+02:00, in the site's time zone (Ruby's Time.parse knows the zones of the US, "
                        + "UTC and the site's own, not this one), Kiln as 2018-08-08T20:00+02:00: the post keeps its URL, "
                        + "and shows Kiln's time",
                "_posts/2010-01-01-ist.md: Jekyll read date '2016-03-14 13:30:00 IST' as 2016-03-14T13:30+01:00, in the "
                        + "site's time zone (Ruby's Time.parse knows the zones of the US, UTC and the site's own, not this "
                        + "one), Kiln as 2016-03-14T09:00+01:00: the post keeps its URL, and shows Kiln's time"),
                report.warnings().subList(0, 2));
        assertEquals(List.of("_posts/2010-01-01-bad.md:4:7: '2016-13-45 10:00' is not a date (there is no month 13): write date: 2018-03-15 "
                + "or date: 2018-03-15 10:00:00 +02:00"), report.problems().stream().map(Object::toString).toList());
        assertEquals(7, report.posts());
        assertEquals(List.of("_posts/2010-01-01-bad.md: not imported, for its problem above"), report.leftOut());
        assertFalse(Files.exists(dest.resolve("content/posts/2010-01-01-bad.md")));
        assertEquals(1, report.exitCode());
    }

    /**
     * Jekyll's default excerpt is the first paragraph (its separator is a blank line), whatever {@code <!--more-->}
     * follows; a post's own {@code excerpt_separator} still ends its excerpt, as in Jekyll.
     */
    @Test
    void excerptsAreJekyllsFirstParagraphsUnlessThePostSaysOtherwise() throws Exception {
        Path src = jekyllSite("excerpts", Map.of("_config.yml", "title: Excerpts\n",
                "_posts/2020-01-01-p.md", "---\ntitle: P\n---\nPara one.\n\nPara two.\n<!--more-->\nRest.\n",
                "_posts/2020-01-02-own.md", "---\ntitle: Own\nexcerpt_separator: <!--more-->\n---\n"
                        + "Para one.\n\nPara two.\n\n<!--more-->\n\nRest.\n"));

        BuildResult built = importKeepingEveryUrl(src);

        assertTrue(text(tmp.resolve("excerpts-kiln/site.yml")).contains("excerpt_separator: \"\\n\\n\"\n"));
        assertEquals(List.of("Para one. Para two.", "Para one."),
                SiteChecks.page(built.output(), "index.html").select(".post-summary-excerpt").eachText());
        assertEquals(List.of(), report.warnings());
    }

    @Test
    void anExcerptSeparatorThatIsNoCommentIsAWarning() throws Exception {
        Path src = jekyllSite("cut", Map.of("_config.yml", "title: Cut\nexcerpt_separator: \"[[cut]]\"\n",
                "_posts/2020-01-01-p.md", "---\ntitle: P\n---\nOne.\n\nTwo.\n\n[[cut]]\n\nRest.\n"));

        importKeepingEveryUrl(src);

        assertEquals(List.of("_config.yml: excerpt_separator '[[cut]]' is not an HTML comment: Kiln ends an excerpt "
                + "only at a comment, so each excerpt is its post's first paragraph; write <!--more--> in the posts "
                + "instead, and excerpt_separator: \"<!--more-->\" in site.yml"), report.warnings());
    }

    @Test
    void kramdownsCommentsStayHiddenAndItsRawHtmlRaw() throws Exception {
        String post = "---\ntitle: K\n---\nShown.\n\n{::comment}\nHidden note.\n{:/comment}\n\n"
                + "{::nomarkdown}\n<div class=\"raw\">*as written*</div>\n{:/nomarkdown}\n";
        Path src = jekyllSite("kramdown", Map.of("_config.yml", "title: K\n", "_posts/2020-01-01-k.md", post));

        BuildResult built = importKeepingEveryUrl(src);

        var article = SiteChecks.page(built.output(), "2020/01/01/k.html").selectFirst(".post-content");
        assertEquals("Shown. *as written*", article.text());
        assertEquals("*as written*", article.selectFirst("div.raw").text());
        assertTrue(text(tmp.resolve("kramdown-kiln/content/posts/2020-01-01-k.md")).contains("<!-- Hidden note. -->"));
    }

    /** kramdown 2.4 (Jekyll 4.3.1) wrote this post's math as {@code \\(...\\)} and {@code \\[...\\]}, for MathJax. */
    @Test
    void blockMathKeepsItsUnderscoresAndInlineMathItsAsterisks() throws Exception {
        String post = "---\ntitle: M\n---\nInline $$a_1 * b_2 * c$$ and \"q\" -- $$x < y & 'z'$$.\n\n"
                + "$$\na_1 \\\\\nb''_2\n$$\n\nEscaped \\$$, `$$code_1$$` and\n\n    $$block_1$$\n";
        Path src = jekyllSite("math", Map.of("_config.yml", "title: M\n", "_posts/2020-01-01-m.md", post));

        BuildResult built = importKeepingEveryUrl(src);

        var article = SiteChecks.page(built.output(), "2020/01/01/m.html").selectFirst(".post-content");
        var paragraphs = article.select("p");
        assertEquals("Inline \\(a_1 * b_2 * c\\) and \u201cq\u201d \u2013 \\(x < y & 'z'\\).", paragraphs.get(0).text());
        assertEquals(0, article.select("em").size(), article.html());
        assertEquals("\\[a_1 \\\\\nb''_2\\]", paragraphs.get(1).wholeText(), "block math, in a paragraph");
        assertEquals("Escaped $$, $$code_1$$ and", paragraphs.get(2).text());
        assertEquals("$$block_1$$", article.selectFirst("pre code").text());
        assertTrue(text(tmp.resolve("math-kiln/content/posts/2020-01-01-m.md"))
                .contains("Inline \\\\(a\\_1 \\* b\\_2 \\* c\\\\) and"));
    }

    /** As kramdown 2.4 read each: an element's content as blocks, as text, or raw; the attribute dropped. */
    @Test
    void markdownInsideHtmlBlocksIsMarkdownAsKramdownReadIt() throws Exception {
        String post = "---\ntitle: H\n---\n<div class=\"note\" markdown=\"1\">\n*em* and `code`\n\n- item\n</div>\n"
                + "After.\n\n<p markdown=\"1\">A *p* $$x_1$$</p>\n\n<div markdown=\"0\">*raw*\n\nstill raw</div>\n\n"
                + "Text <span markdown=\"1\">*s*</span>.\n";
        Path src = jekyllSite("html", Map.of("_config.yml", "title: H\n", "_posts/2020-01-01-h.md", post));

        BuildResult built = importKeepingEveryUrl(src);

        var article = SiteChecks.page(built.output(), "2020/01/01/h.html").selectFirst(".post-content");
        var note = article.selectFirst("div.note");
        assertEquals("em", note.selectFirst("p > em").text());
        assertEquals("code", note.selectFirst("code").text());
        assertEquals("item", note.selectFirst("ul > li").text());
        assertEquals("After.", note.nextElementSibling().text());
        assertEquals("<p>A <em>p</em> \\(x_1\\)</p>", article.select("p").get(2).outerHtml());
        assertEquals("*raw* still raw", article.select("div").last().text());
        assertEquals("s", article.selectFirst("span > em").text());
        assertEquals(List.of(), article.select("[markdown]").eachAttr("markdown"));
        assertEquals(List.of(), report.warnings());
    }

    @Test
    void parseBlockHtmlMakesEveryHtmlBlocksContentMarkdown() throws Exception {
        String post = "---\ntitle: P\n---\n<div class=\"box\">\n*md*\n\n<p>para *p*</p>\n"
                + "<table><tr><td>*raw*</td></tr></table>\n</div>\n";
        Path src = jekyllSite("parse", Map.of("_config.yml", "title: P\nkramdown:\n  parse_block_html: true\n",
                "_posts/2020-01-01-p.md", post));

        BuildResult built = importKeepingEveryUrl(src);

        var box = SiteChecks.page(built.output(), "2020/01/01/p.html").selectFirst("div.box");
        assertEquals(List.of("md", "p"), box.select("p em").eachText());
        assertEquals("*raw*", box.selectFirst("td").text(), "a table's content is raw to kramdown");
        assertEquals(List.of(), report.warnings());
    }

    /**
     * A page's own {@code {::options parse_block_html="true" /}} (kramdown's, read from there on) is followed as the
     * site's setting is: the Markdown in its {@code <div>}s is rendered, its TOC made, as Jekyll showed them, with no
     * warning.
     */
    @Test
    void aPagesOwnParseBlockHtmlOptionIsFollowedAsTheSitesIs() throws Exception {
        var article = post("pageoption", "", "{::options parse_block_html=\"true\" /}\n<div class=\"toc\">\n"
                + "Contents\n\n* toc\n{:toc}\n</div>\n\n## One\n\n<div class=\"note\">\n"
                + "See [the docs](https://example.org/) and *this*.\n</div>\n");

        var note = article.selectFirst("div.note");
        assertEquals("the docs", note.selectFirst("p a[href=https://example.org/]").text(), note.outerHtml());
        assertEquals("this", note.selectFirst("p em").text());
        var toc = article.selectFirst("div.toc");
        assertEquals("Contents", toc.selectFirst("p").text(), toc.outerHtml());
        assertNotNull(toc.selectFirst("a[href=#one]"), toc.outerHtml());
        assertFalse(toc.text().contains("{:toc}"), toc.outerHtml());
        assertEquals(List.of(), report.warnings());
    }

    /** {@code {::options parse_block_html="false" /}} in a page of a site that sets it: that page's HTML stays raw. */
    @Test
    void aPagesOwnParseBlockHtmlFalseKeepsItsHtmlRaw() throws Exception {
        var article = post("pageoff", "kramdown:\n  parse_block_html: true\n",
                "{::options parse_block_html=\"false\" /}\n\n<div class=\"note\">\nSee *this*.\n</div>\n");

        var note = article.selectFirst("div.note");
        assertEquals("See *this*.", note.text(), note.outerHtml());
        assertNull(note.selectFirst("p, em"), note.outerHtml());
        assertEquals(List.of(), report.warnings());
    }

    @Test
    void anEndTagKramdownDoesNotSeeIsAWarningAtItsLine() throws Exception {
        Path src = jekyllSite("oneline", Map.of("_config.yml", "title: O\n",
                "_posts/2020-01-01-o.md", "---\ntitle: O\n---\nText.\n\n<div markdown=\"1\">*one line*</div>\n"));

        importKeepingEveryUrl(src);

        assertEquals(List.of("_posts/2020-01-01-o.md:6:29: </div> is not at the start of its line, where kramdown looks "
                + "for it: Jekyll showed it as text and the rest of the page inside the <div>; Kiln ends the element "
                + "there"), report.warnings());
    }

    /** kramdown 2.4 made a table with a tbody only (and a tfoot after |===) of rows without a header line. */
    @Test
    void tablesWithoutAHeaderLineStayTables() throws Exception {
        String post = "---\ntitle: T\n---\n| a | *b* |\n| `c|x` | d \\| e |\n\nk | l\n|===\nm | n | o\n\n"
                + "| g | h |\n|---|---|\n| i | j |\n";
        Path src = jekyllSite("tables", Map.of("_config.yml", "title: T\n", "_posts/2020-01-01-t.md", post));

        BuildResult built = importKeepingEveryUrl(src);

        var tables = SiteChecks.page(built.output(), "2020/01/01/t.html").select(".post-content table");
        assertEquals(3, tables.size());
        assertEquals(0, tables.get(0).select("thead, th").size());
        assertEquals(List.of("a", "b", "c|x", "d | e"), tables.get(0).select("tbody td").eachText());
        assertEquals("b", tables.get(0).selectFirst("td em").text());
        assertEquals("c|x", tables.get(0).selectFirst("td code").text());
        assertEquals(List.of("k", "l", ""), tables.get(1).select("tbody td").stream().map(td -> td.text()).toList());
        assertEquals(List.of("m", "n", "o"), tables.get(1).select("tfoot td").eachText());
        assertEquals(List.of("g", "h"), tables.get(2).select("thead th").eachText(), "a GFM table stays one");
    }

    /**
     * kramdown's table lines GFM lacks: a separator line before the first row (kramdown's documented form), one
     * after the header's starting a new tbody, a |=== footer line making the rows after it a tfoot.
     */
    @Test
    void kramdownsSeparatorAndFooterLinesMakeTheTableKramdownWrote() throws Exception {
        String post = "---\ntitle: T\n---\n|---+---|\n| a | b |\n|---|---|\n| 1 | 2 |\n\nBetween.\n\n"
                + "| h1 | h2 |\n|:---|---:|\n| 1 | *2* |\n|===+===|\n| f1 | f2 |\n\n"
                + "|---\n| D | L | C\n|-|:-|:-:\n| x | y | z\n|---\n| second\n|===\n| foot\n";
        Path src = jekyllSite("kramdowntables", Map.of("_config.yml", "title: T\n", "_posts/2020-01-01-t.md", post));

        BuildResult built = importKeepingEveryUrl(src);

        var content = SiteChecks.page(built.output(), "2020/01/01/t.html").selectFirst(".post-content");
        var tables = content.select("table");
        assertEquals(3, tables.size(), content.html());
        assertFalse(content.text().contains("|"), content.html());
        assertFalse(content.text().contains("==="), content.html());
        assertEquals(List.of("a", "b"), tables.get(0).select("thead th").eachText());
        assertEquals(List.of("1", "2"), tables.get(0).select("tbody td").eachText());

        assertEquals(List.of("h1", "h2"), tables.get(1).select("thead th").eachText());
        assertEquals(List.of("text-align: left", "text-align: right"),
                tables.get(1).select("thead th").eachAttr("style"));
        assertEquals(List.of("1", "2"), tables.get(1).select("tbody td").eachText());
        assertEquals("2", tables.get(1).selectFirst("tbody td em").text());
        assertEquals(List.of("f1", "f2"), tables.get(1).select("tfoot td").eachText());
        assertEquals("text-align: right", tables.get(1).select("tfoot td").get(1).attr("style"));

        assertEquals(List.of("D", "L", "C"), tables.get(2).select("thead th").eachText());
        assertEquals(List.of("", "text-align: left", "text-align: center"),
                tables.get(2).select("thead th").stream().map(th -> th.attr("style")).toList());
        var bodies = tables.get(2).select("tbody");
        assertEquals(2, bodies.size(), tables.get(2).outerHtml());
        assertEquals(List.of("x", "y", "z"), bodies.get(0).select("td").eachText());
        assertEquals("second", bodies.get(1).selectFirst("td").text());
        assertEquals(3, bodies.get(1).select("td").size(), "a short row is filled to the table's columns");
        assertEquals("foot", tables.get(2).selectFirst("tfoot td").text());
        assertEquals(List.of(), report.warnings());
    }

    /**
     * A header separator GFM cannot read is kramdown's all the same: one with a + between its columns, or fewer cells
     * than the header (no leading pipes either), at the top level, in a list item and in a quote. kramdown 2.4 wrote
     * each as a table with a thead, as below; a table GFM reads stays as written.
     */
    @Test
    void aHeaderSeparatorGfmCannotReadMakesTheTableKramdownWrote() throws Exception {
        String gfm = "| g1 | g2 |\n|:-:|--|\n| e | f |\n";
        String post = "---\ntitle: T\n---\n| h1 | h2 |\n|---+---|\n| a | b |\n\n| h1 | h2\n|---\n| a | b\n\n"
                + "| h1 | h2 |\n|:--+--:|\n| a | *b* |\n\nh1 | h2 | h3\n--|--\na | b | c\n\n"
                + "- item\n\n  | h1 | h2 |\n  |---+---|\n  | a | b |\n\n> | h1 | h2\n> |---\n> | a | b\n\n" + gfm;
        Path src = jekyllSite("headerseparators", Map.of("_config.yml", "title: T\n", "_posts/2020-01-01-t.md", post));

        BuildResult built = importKeepingEveryUrl(src);

        String plain = "<table><thead><tr><th>h1</th><th>h2</th></tr></thead><tbody><tr><td>a</td><td>b</td></tr>"
                + "</tbody></table>";
        String kramdown = plain + plain + "<table><thead><tr><th style=\"text-align: left\">h1</th>"
                + "<th style=\"text-align: right\">h2</th></tr></thead><tbody><tr><td style=\"text-align: left\">a</td>"
                + "<td style=\"text-align: right\"><em>b</em></td></tr></tbody></table><table><thead><tr><th>h1</th>"
                + "<th>h2</th><th>h3</th></tr></thead><tbody><tr><td>a</td><td>b</td><td>c</td></tr></tbody></table>"
                + "<ul><li><p>item</p>" + plain + "</li></ul><blockquote>" + plain + "</blockquote><table><thead><tr>"
                + "<th style=\"text-align: center\">g1</th><th>g2</th></tr></thead><tbody><tr>"
                + "<td style=\"text-align: center\">e</td><td>f</td></tr></tbody></table>";
        var content = SiteChecks.page(built.output(), "2020/01/01/t.html").selectFirst(".post-content");
        assertEquals(kramdown, content.html().replaceAll(">\\s+<", "><"));
        assertTrue(text(src.resolveSibling("headerseparators-kiln/content/posts/2020-01-01-t.md")).endsWith(gfm));
        assertEquals(List.of(), report.warnings());
    }

    /**
     * A table whose header separator GFM cannot read, with a footnote or an attribute list, which Kiln's HTML table
     * cannot take: it is GFM's table with GFM's separator, all of kramdown's, so no warning. kramdown 2.4: {@code
     * <table><thead><tr><th style="text-align: left">h1</th><th style="text-align: right">h2<sup id="fnref:1" ...>}
     * and {@code <table class="wide"><thead><tr><th>x</th><th>y</th><th>z</th></tr></thead><tbody><tr><td>c</td>...}.
     */
    @Test
    void aHeaderSeparatorGfmCannotReadIsGfmsInATableWithAFootnoteOrAnAttributeList() throws Exception {
        var content = post("separatornote", "", "| h1 | h2[^1] |\n|:-+-:|\n| a | b |\n\n| x | y | z\n|---\n"
                + "| c | d | e\n{:.wide}\n\n[^1]: N.\n");

        var tables = content.select("table");
        assertEquals(2, tables.size(), content.html());
        assertEquals(List.of("h1", "h21"), tables.get(0).select("thead th").eachText());
        assertEquals(List.of("text-align: left", "text-align: right"), tables.get(0).select("th").eachAttr("style"));
        assertEquals("#fn:1", tables.get(0).selectFirst("th a").attr("href"));
        assertEquals(List.of("a", "b"), tables.get(0).select("tbody td").eachText());
        assertEquals("wide", tables.get(1).className());
        assertEquals(List.of("x", "y", "z"), tables.get(1).select("thead th").eachText());
        assertEquals(List.of("c", "d", "e"), tables.get(1).select("tbody td").eachText());
        assertEquals(List.of(), report.warnings());
    }

    /** Hydejack's table: a |=== footer, a footnote in a cell and an attribute list after it, which Kiln's HTML cannot take. */
    @Test
    void aFooterTableWithAFootnoteOrAnAttributeListStaysGfmsWithoutItsFooterLine() throws Exception {
        String post = "---\ntitle: T\n---\n| h | i |\n|:--|:-:|\n| a[^1] | b |\n|===+===|\n| f | g |\n\n"
                + "| j | k |\n|---|---|\n| c | d |\n|===|\n| e | l |\n{:.wide}\n\n[^1]: Note.\n";
        Path src = jekyllSite("footertables", Map.of("_config.yml", "title: T\n", "_posts/2020-01-01-t.md", post));

        BuildResult built = importKeepingEveryUrl(src);

        var content = SiteChecks.page(built.output(), "2020/01/01/t.html").selectFirst(".post-content");
        var tables = content.select("table");
        assertEquals(2, tables.size(), content.html());
        assertFalse(content.text().contains("==="), content.html());
        assertEquals(List.of("a1", "b", "f", "g"), tables.get(0).select("tbody td").eachText());
        assertEquals("#fn:1", tables.get(0).selectFirst("td a").attr("href"));
        assertEquals("wide", tables.get(1).className());
        assertEquals(List.of("c", "d", "e", "l"), tables.get(1).select("tbody td").eachText());
        assertEquals(List.of("_posts/2020-01-01-t.md:4:1: a table with kramdown's separator or footer lines "
                + "(|---+---|, |===|) has a footnote reference in a cell, which Kiln cannot number in the HTML table it "
                + "would write: those lines are dropped and the footer's rows are body rows of a GFM table; to keep its "
                + "parts, move the footnote out of the table",
                "_posts/2020-01-01-t.md:10:1: a table with kramdown's separator or footer lines (|---+---|, |===|) has "
                + "an attribute list after it, which Kiln cannot give in the HTML table it would write: those lines "
                + "are dropped and the footer's rows are body rows of a GFM table; to keep its parts, write it as an "
                + "HTML table with the list's attributes"), report.warnings());
    }

    @Test
    void kramdownOptionsKilnDoesNotHonourAreWarningsAtTheirLines() throws Exception {
        Path src = jekyllSite("options", Map.of("_config.yml", "title: O\nkramdown:\n  input: GFM\n  auto_ids: true\n"
                        + "  hard_wrap: true\n  auto_id_prefix: x-\n  header_offset: 1\n  smart_quotes: [lsquo, rsquo, "
                        + "ldquo, rdquo]\n  toc_levels: 2..3\n  math_engine: katex\n  syntax_highlighter: rouge\n"
                        + "  syntax_highlighter_opts:\n    css_class: highlight\n  footnote_nr: 5\n",
                "_posts/2020-01-01-o.md", "---\ntitle: O\n---\nText.\n"));

        importKeepingEveryUrl(src);

        assertEquals(List.of(
                "_config.yml:5: kramdown option hard_wrap: true is not carried over: Kiln joins a paragraph's lines, as "
                        + "Jekyll's default does (end a line with two spaces or a backslash to break it)",
                "_config.yml:7: kramdown option header_offset: 1 is not carried over: Kiln keeps each heading at the "
                        + "level it is written",
                "_config.yml:9: kramdown option toc_levels: 2..3 is not carried over: Kiln's table of contents lists "
                        + "a page's h2\u2013h6 headings",
                "_config.yml:10: kramdown option math_engine: katex is not carried over: Kiln writes math as kramdown's "
                        + "default engine (MathJax) does, \\(...\\) in text and \\[...\\] for a block, for a MathJax "
                        + "script in the site's layout",
                "_config.yml:12: kramdown option syntax_highlighter_opts: {css_class: highlight} is not carried over: "
                        + "Kiln highlights code with its own highlighter",
                "_config.yml:14: kramdown option footnote_nr: 5 is not carried over: Kiln numbers each page's "
                        + "footnotes from 1"), report.warnings());
    }

    @Test
    void kramdownsBlockLineNumbersBecomeSiteYmlsLineNumbersNumberingEveryFenceAsJekyllDid() throws Exception {
        // Chirpy's _config.yml. Jekyll 4.3 numbered both fences (Rouge's table), not the {% highlight %} without linenos.
        Path src = jekyllSite("chirpy", Map.of("_config.yml", "title: C\nkramdown:\n  syntax_highlighter: rouge\n"
                        + "  syntax_highlighter_opts:\n    css_class: highlight\n    span:\n      line_numbers: false\n"
                        + "    block:\n      line_numbers: true\n      start_line: 1\n",
                "_posts/2020-01-01-c.md", "---\ntitle: C\n---\nCode:\n\n```python\nx = 1\ny = 2\n```\n\n```\nplain\n```\n\n"
                        + "{% highlight ruby %}\nz\n{% endhighlight %}\n"));

        BuildResult built = importKeepingEveryUrl(src);

        assertTrue(text(src.resolveSibling("chirpy-kiln/site.yml")).contains("\nline_numbers: true\n"));
        var content = SiteChecks.page(built.output(), "2020/01/01/c.html").selectFirst(".post-content");
        assertEquals(List.of("1\n2\n", "1\n"), content.select("pre.lineno").stream().map(e -> e.wholeText()).toList(),
                content.html());
        assertEquals("z", content.select("pre").last().text(), content.html());
        assertTrue(content.select("pre").last().parents().stream().noneMatch(e -> e.tagName().equals("table")),
                content.html());
        assertEquals(List.of("_config.yml:4: kramdown option syntax_highlighter_opts: {css_class: highlight, span: "
                + "{line_numbers: false}, block: {start_line: 1}} is not carried over: Kiln highlights code with its own "
                + "highlighter; its block.line_numbers: true is, as site.yml's line_numbers: true (every fenced code "
                + "block's lines numbered)"), report.warnings());
    }

    @Test
    void jemojisCodesBecomeSiteYmlsEmojiAndAreEmojiInThePosts() throws Exception {
        // GitHub Pages' jemoji in plugins: wrote :smile: as GitHub's image of 😄; Kiln writes the emoji itself. jemoji
        // left code alone (HTML::Pipeline's EmojiFilter skips pre, code and tt), and alt text: so does emoji: text.
        Path src = jekyllSite("moji", Map.of("_config.yml", "title: M\nplugins:\n  - jekyll-feed\n  - jemoji\n",
                "_posts/2020-01-01-m.md", "---\ntitle: M\n---\nShipped :tada: :+1: in `1:b:c`\n\n"
                        + "```haskell\nxs = 1:b:c\n```\n\n![a :smile:](/a.png)\n"));

        BuildResult built = importKeepingEveryUrl(src);

        assertTrue(text(src.resolveSibling("moji-kiln/site.yml")).contains("# jemoji: :smile: codes in the text are "
                + "emoji (characters, where jemoji wrote images; code is left as written)\nemoji: text\n"));
        var content = SiteChecks.page(built.output(), "2020/01/01/m.html").selectFirst(".post-content");
        assertEquals("Shipped 🎉 👍 in 1:b:c", content.selectFirst("p").text());
        assertEquals("xs = 1:b:c", content.selectFirst("pre").text());
        assertEquals("a :smile:", content.selectFirst("img").attr("alt"));
    }

    /** Kiln writes footnotes as kramdown does by default: those defaults are no warning, other values are. */
    @Test
    void kramdownsFootnoteOptionsAtTheirDefaultsAreNoWarning() throws Exception {
        Path src = jekyllSite("notes", Map.of("_config.yml", "title: N\nkramdown:\n  footnote_backlink: '&#8617;'\n"
                        + "  footnote_backlink_inline: false\n  footnote_prefix: ''\n  footnote_nr: 1\n",
                "_posts/2020-01-01-n.md", "---\ntitle: N\n---\nText[^1].\n\n[^1]: A note.\n"));
        importKeepingEveryUrl(src);
        assertEquals(List.of(), report.warnings());

        Path other = jekyllSite("notes2", Map.of("_config.yml", "title: N\nkramdown:\n  footnote_backlink: '^'\n"
                        + "  footnote_backlink_inline: true\n  footnote_prefix: x-\n",
                "_posts/2020-01-01-n.md", "---\ntitle: N\n---\nText[^1].\n\n[^1]: A note.\n"));
        importKeepingEveryUrl(other);
        assertEquals(List.of(
                "_config.yml:3: kramdown option footnote_backlink: ^ is not carried over: Kiln writes kramdown's "
                        + "default back link, \u21a9 (&#8617;)",
                "_config.yml:4: kramdown option footnote_backlink_inline: true is not carried over: Kiln puts a note's "
                        + "back link at the end of its last paragraph when the note ends with one, else in a paragraph "
                        + "of its own, as kramdown does by default",
                "_config.yml:5: kramdown option footnote_prefix: x- is not carried over: Kiln's footnote ids are "
                        + "kramdown's default, fn:NAME and fnref:NAME, without the prefix (links to the prefixed ids "
                        + "find no note)"), report.warnings());
    }

    @Test
    void anotherMarkdownConvertersSiteKeepsKramdownsSyntaxAsText() throws Exception {
        String post = "---\ntitle: K\n---\nShown {::comment}too{:/comment}.\n";
        Path src = jekyllSite("commonmark", Map.of("_config.yml", "title: K\nmarkdown: CommonMarkGhPages\n",
                "_posts/2020-01-01-k.md", post));

        importKeepingEveryUrl(src);

        assertEquals(post, text(tmp.resolve("commonmark-kiln/content/posts/2020-01-01-k.md")));
    }

    @Test
    void jekyllArchivesTagPagesKeepTheirUrls() throws Exception {
        // No post links to a tag page: only _config.yml says where jekyll-archives wrote them.
        Path src = jekyllSite("archives", Map.of("_config.yml", "title: A\nplugins: [jekyll-archives]\n"
                        + "jekyll-archives:\n  enabled: [tags]\n  permalinks:\n    tag: /topics/:name/\n",
                "_posts/2020-01-01-a.md", "---\ntitle: A\ntags: [aws, Spring Boot]\n---\nText.\n"));

        BuildResult built = importKeepingEveryUrl(src);

        assertTrue(text(tmp.resolve("archives-kiln/site.yml")).contains("tag_permalink: \"/topics/:slug/\""));
        assertNotNull(built.output().get("topics/aws/index.html"));
        assertNotNull(built.output().get("topics/spring-boot/index.html"));
        assertEquals(List.of(), report.warnings());
    }

    @Test
    void aTagStringWithCommasKeepsTheTagsJekyllSplitAtItsSpacesAndTheirPages() throws Exception {
        // Finding 12 of the s28 new-user test. Jekyll 4.3.1's site.tags of this post: "java,", "Spring", "Boot,",
        // "travel"; jekyll-archives' pages (slugify): /topics/java/, /topics/spring/, /topics/boot/, /topics/travel/.
        // Kiln reads such a string at its commas: the import writes the list Jekyll read.
        Path src = jekyllSite("comma-tags", Map.of("_config.yml", "title: A\nplugins: [jekyll-archives]\n"
                        + "jekyll-archives:\n  enabled: [tags]\n  permalinks:\n    tag: /topics/:name/\n",
                "_posts/2020-01-01-a.md", "---\ntitle: A\ntags: java, Spring Boot, travel\n---\nText.\n"));

        BuildResult built = importKeepingEveryUrl(src);

        assertEquals("---\ntitle: A\ntags: [\"java,\", \"Spring\", \"Boot,\", \"travel\"]\n---\nText.\n",
                text(tmp.resolve("comma-tags-kiln/content/posts/2020-01-01-a.md")));
        for (String tag : List.of("java", "spring", "boot", "travel")) {
            assertNotNull(built.output().get("topics/" + tag + "/index.html"), tag);
        }
        assertEquals(List.of("_posts/2020-01-01-a.md:3:7: tags 'java, Spring Boot, travel' holds commas, which Jekyll"
                + " kept in its tags (it split them at spaces: 'java,' 'Spring' 'Boot,' 'travel'): written as that list,"
                + " so that the tags and their pages stay as they were; write tags: [\"java\", \"Spring Boot\","
                + " \"travel\"] for the tags it likely meant (their pages then have other URLs)"), report.warnings());
    }

    @Test
    void aCoverWrittenAsJekyllSeoTagsImageMapIsImportedAsItsPath() throws Exception {
        // Finding 2 of the s30 reader test: jekyll-seo-tag's documented image: {path, alt}, Chirpy's every cover,
        // made the post unreadable to Kiln and left it out of the import.
        Path src = jekyllSite("seo-image", Map.of("_config.yml", "title: J\nurl: https://someone.github.io\n",
                "assets/img/cover.png", "png",
                "_posts/2023-07-01-seo.md", "---\ntitle: SEO post\nimage:\n  path: /assets/img/cover.png\n"
                        + "  alt: A cover\n---\nBody.\n",
                "_posts/2023-07-02-rel.md", "---\ntitle: Relative\nimage: {path: assets/img/cover.png}\n---\nBody.\n"));

        BuildResult built = importKeepingEveryUrl(src);

        assertEquals("---\ntitle: SEO post\nimage: \"/assets/img/cover.png\"\n---\nBody.\n",
                text(tmp.resolve("seo-image-kiln/content/posts/2023-07-01-seo.md")));
        assertEquals("https://someone.github.io/assets/img/cover.png", SiteChecks.page(built.output(),
                "2023/07/01/seo.html").selectFirst("meta[property=og:image]").attr("content"));
        // jekyll-seo-tag read a relative path from the site root, where Kiln would look beside the post.
        assertEquals("https://someone.github.io/assets/img/cover.png", SiteChecks.page(built.output(),
                "2023/07/02/rel.html").selectFirst("meta[property=og:image]").attr("content"));
        assertEquals(List.of("_posts/2023-07-01-seo.md:4:3: image is jekyll-seo-tag's map (path, alt): written as "
                + "image: /assets/img/cover.png, the form Kiln reads (the post's cover and its og:image); its alt "
                + "'A cover' dropped: Kiln's theme shows the cover under the title as decoration, with no alt text",
                "_posts/2023-07-02-rel.md:3:8: image is jekyll-seo-tag's map (path): written as image: "
                + "/assets/img/cover.png, the form Kiln reads (the post's cover and its og:image)"), report.warnings());
    }

    @Test
    void aRelativeCoverIsImportedFromTheSitesRootAsJekyllSeoTagReadIt() throws Exception {
        // jekyll-seo-tag made image: assets/img/cover.png absolute from the site's root; Kiln reads a relative image
        // beside its page, where an imported post has nothing: og:image and the cover were broken.
        Path src = jekyllSite("rel-image", Map.of("_config.yml", "title: J\nurl: https://someone.github.io\n",
                "assets/img/cover.png", "png",
                "_posts/2023-07-01-rel.md", "---\ntitle: Relative\nimage: assets/img/cover.png\n---\nBody.\n",
                "_posts/2023-07-02-abs.md", "---\ntitle: Absolute\nimage: https://cdn.example.com/c.png\n---\nBody.\n"));

        BuildResult built = importKeepingEveryUrl(src);

        assertEquals("https://someone.github.io/assets/img/cover.png", SiteChecks.page(built.output(),
                "2023/07/01/rel.html").selectFirst("meta[property=og:image]").attr("content"));
        assertEquals("https://cdn.example.com/c.png", SiteChecks.page(built.output(),
                "2023/07/02/abs.html").selectFirst("meta[property=og:image]").attr("content"));
        assertEquals(List.of("_posts/2023-07-01-rel.md:3:8: image 'assets/img/cover.png' is from the site's root for "
                + "jekyll-seo-tag: written as image: /assets/img/cover.png, as Kiln reads a relative image beside its "
                + "page"), report.warnings());
    }

    @Test
    void aCanonicalPathWrittenWithTheBaseurlIsImportedFromTheSiteRoot() throws Exception {
        // jekyll-seo-tag printed canonical_url as written, baseurl and all; Kiln adds the base path itself.
        Path src = jekyllSite("canon", Map.of("_config.yml", "title: J\nurl: https://someone.github.io\nbaseurl: /blog\n",
                "_posts/2019-05-05-original.md", "---\ntitle: Original\n---\nFirst.\n",
                "_posts/2023-08-01-again.md", "---\ntitle: Again\ncanonical_url: /blog/2019/05/05/original.html\n---\n"
                        + "Again.\n"));

        BuildResult built = importKeepingEveryUrl(src);

        assertEquals("https://someone.github.io/blog/2019/05/05/original.html", SiteChecks.page(built.output(),
                "2023/08/01/again.html").selectFirst("link[rel=canonical]").attr("href"));
    }

    @Test
    void aCrossPostByAGuestKeepsItsCanonicalUrlAndItsAuthor() throws Exception {
        // Finding 8 of the s30 reader test: jekyll-seo-tag's canonical_url and author, and jekyll-feed's entry author,
        // were imported as parameters nothing read.
        Path src = jekyllSite("cross", Map.of("_config.yml", "title: J\nauthor: Site Owner\n"
                        + "url: https://someone.github.io\nbaseurl: /blog\nplugins: [jekyll-seo-tag, jekyll-feed]\n",
                "_posts/2023-08-01-cross.md", "---\ntitle: Cross post\nauthor: Guest Writer\n"
                        + "canonical_url: https://dev.to/jane/cross-post-1abc\n---\nFirst published on dev.to.\n"));

        BuildResult built = importKeepingEveryUrl(src);

        org.jsoup.nodes.Document page = SiteChecks.page(built.output(), "2023/08/01/cross.html");
        assertEquals("https://dev.to/jane/cross-post-1abc", page.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals("Guest Writer", page.selectFirst("meta[name=author]").attr("content"));
        assertTrue(new String(built.output().get("feed.xml"), java.nio.charset.StandardCharsets.UTF_8)
                .contains("<author><name>Guest Writer</name></author>"));
    }

    /**
     * jekyll-archives names a tag's page by Jekyll's slugify ({@code C++} and {@code C#} are both {@code /tag/c/},
     * where the later one written wins), which Kiln does otherwise ({@code /tag/c-plus-plus/}, {@code /tag/c-sharp/}):
     * each URL that no tag keeps is a change, redirected on request; its other kinds of page are a warning.
     */
    @Test
    void tagPagesThatJekyllArchivesNamedOtherwiseAreUrlChanges() throws Exception {
        Path src = jekyllSite("archive-slugs", Map.of("_config.yml", "title: A\nplugins: [jekyll-archives]\n"
                        + "jekyll-archives:\n  enabled: all\n",
                "_posts/2020-01-01-a.md", "---\ntitle: A\ntags: [C++, .NET, node.js, x_y]\n---\nSee [C](/tag/c/).\n",
                "_posts/2020-01-02-b.md", "---\ntitle: B\ntags: [C#, C/C++]\n---\nText.\n"));
        Path dest = tmp.resolve("archive-slugs-kiln");

        report = Importer.run(src, dest, true);
        BuildResult built = Fixtures.build(Fixtures.options(dest));

        assertEquals(List.of(
                new ImportReport.UrlChange("tag 'C#' (jekyll-archives; also the URL of C++)", "/tag/c/", "/tag/c-sharp/"),
                new ImportReport.UrlChange("tag 'C/C++' (jekyll-archives)", "/tag/c-c/", "/tag/c-c-plus-plus/")),
                report.urlChanges());
        assertEquals(List.of("_config.yml: jekyll-archives' pages of categories (/category/:name/), year (/:year/), "
                + "month (/:year/:month/), day (/:year/:month/:day/) are not carried over: Kiln makes none (its "
                + "/archive/ lists every post by year and month)"), report.warnings());
        for (String tag : List.of("net", "node-js", "x-y", "c-plus-plus", "c-sharp", "c-c-plus-plus")) {
            assertNotNull(built.output().get("tag/" + tag + "/index.html"), tag);
        }
        assertEquals("0; url=/tag/c-sharp/", SiteChecks.page(built.output(), "tag/c/index.html")
                .selectFirst("meta[http-equiv=refresh]").attr("content"));
        assertEquals(List.of(), SiteChecks.brokenLinks(built.output(), ""));
        assertEquals(0, report.exitCode());
    }

    @Test
    void jekyllArchivesSettingsOfASiteThatDoesNotRunItAreAWarning() throws Exception {
        Path src = jekyllSite("no-archives", Map.of("_config.yml", "title: A\njekyll-archives:\n  enabled: all\n",
                "_posts/2020-01-01-a.md", "---\ntitle: A\ntags: [C++]\n---\nText.\n"));

        importKeepingEveryUrl(src);

        assertEquals(List.of("_config.yml: jekyll-archives settings, but the site does not run the plugin (it is in "
                + "neither plugins: nor the Gemfile): no archive pages to keep"), report.warnings());
        assertFalse(text(tmp.resolve("no-archives-kiln/site.yml")).contains("tag_permalink"));
    }

    @Test
    void aSitesOwnMarkdownExtensionsAreMarkdownAndNoOthers() throws Exception {
        // Jekyll 4.3.1 wrote the .txt post and page as HTML, and the .markdown post as it is (2020/01/02/m/index.html).
        Path src = jekyllSite("own-ext", Map.of("_config.yml", "title: Own\nmarkdown_ext: \"md,txt\"\npermalink: pretty\n",
                "_posts/2020-01-01-t.txt", "---\ntitle: T\n---\n*x*\n",
                "_posts/2020-01-02-m.markdown", "---\ntitle: M\n---\n*x*\n",
                "notes.txt", "---\ntitle: N\n---\n*x*\n"));

        report = Importer.run(src, tmp.resolve("own-ext-kiln"), false);
        BuildResult built = Fixtures.build(Fixtures.options(tmp.resolve("own-ext-kiln")));

        assertUrls(built, Map.of("/2020/01/01/t/", "content/posts/2020-01-01-t.md", "/notes/", "content/notes.md"));
        assertEquals(1, report.leftOut().size(), report.leftOut().toString());
        assertTrue(report.leftOut().get(0).startsWith("_posts/2020-01-02-m.markdown: is neither Markdown "
                + "(markdown_ext: md, txt) nor HTML, so Jekyll published it as it is"), report.leftOut().get(0));
        assertEquals(1, report.exitCode());
    }

    @Test
    void twoFilesKilnWouldReadAsOneAreAProblemAndOneIsLeftOut() throws Exception {
        Path src = jekyllSite("twins", Map.of("_config.yml", "title: Twins\n",
                "_posts/2020-01-01-a.md", "---\ntitle: A\n---\nText.\n",
                "_posts/2020-01-01-a.mkd", "---\ntitle: A too\n---\nText.\n"));

        report = Importer.run(src, tmp.resolve("twins-kiln"), false);

        assertEquals(List.of("_posts/2020-01-01-a.mkd:1:1: Kiln reads it as content/posts/2020-01-01-a.md, as it reads "
                + "_posts/2020-01-01-a.md: not imported; rename one of them"),
                report.problems().stream().map(Object::toString).toList());
        assertEquals(1, report.posts());
        assertEquals("---\ntitle: A\n---\nText.\n", text(tmp.resolve("twins-kiln/content/posts/2020-01-01-a.md")));
    }

    /**
     * Jekyll decodes a permalink's %XX for its file (Jekyll 4.3.1 writes {@code /a%20b/} as {@code a b/index.html}),
     * and escapes a category's {@code %} (the folder {@code pct%20}); Kiln names files by permalinks as written: the
     * import gives each page the path of Jekyll's file.
     */
    @Test
    void escapesInPermalinksAndPercentsInCategoriesKeepJekyllsFiles() throws Exception {
        Path src = jekyllSite("escaped", Map.of("_config.yml", "title: Escaped\npermalink: /:categories/:title/\n",
                "page.md", "---\ntitle: P\npermalink: /a%20b/\n---\nText.\n",
                "_posts/2020-01-01-x.md", "---\ntitle: X\ncategories: [pct%20]\n---\nText.\n"));

        BuildResult built = importKeepingEveryUrl(src);
        assertEquals("content/page.md", built.sources().get("a b/index.html"));
        assertEquals("content/posts/2020-01-01-x.md", built.sources().get("pct%20/x/index.html"));
    }

    @Test
    void jekyllsPaginationUrlsRedirectToKilnsHomePages() throws Exception {
        Map<String, String> files = new TreeMap<>(Map.of("_config.yml", "title: Paged\npaginate: 1\n",
                "index.html", "---\nlayout: default\n---\n{% for post in paginator.posts %}{% endfor %}\n"));
        for (int day = 1; day <= 3; day++) {
            files.put("_posts/2020-01-0" + day + "-post-" + day + ".md", "---\ntitle: Post " + day + "\n---\nText.\n");
        }
        Path src = jekyllSite("paginated", files);
        Path dest = tmp.resolve("paginated-kiln");

        report = Importer.run(src, dest, false);
        BuildResult built = Fixtures.build(Fixtures.options(dest));

        for (int n = 2; n <= 3; n++) {
            var redirect = SiteChecks.page(built.output(), "page" + n + "/index.html");
            assertEquals("/page/" + n + "/", redirect.selectFirst("link[rel=canonical]").attr("href"));
            assertEquals("0; url=/page/" + n + "/", redirect.selectFirst("meta[http-equiv=refresh]").attr("content"));
            assertEquals(List.of(), SiteChecks.validationErrors(new SiteOutput(new java.util.TreeMap<>(
                    Map.of("redirect.html", built.output().get("page" + n + "/index.html"))))));
            assertNotNull(built.output().get("page/" + n + "/index.html"), "Kiln's own home page " + n);
        }
        assertEquals(null, built.output().get("page4/index.html"));
        assertEquals(List.of(), SiteChecks.brokenLinks(built.output(), ""));
    }

    @Test
    void liquidInFrontMatterIsReportedAtItsLine() throws Exception {
        Path src = tmp.resolve("fm-liquid");
        Files.createDirectories(src.resolve("_posts"));
        Files.writeString(src.resolve("_config.yml"), "title: T\n");
        Files.writeString(src.resolve("_posts/2020-01-01-a.md"),
                "---\ntitle: A\ndescription: \"{{ site.title }} rocks\"\n---\nText.\n");

        report = Importer.run(src, tmp.resolve("fm-liquid-kiln"), false);

        assertEquals(List.of(new LiquidConverter.Leftover("_posts/2020-01-01-a.md", 3,
                "description: \"{{ site.title }} rocks\"")), report.leftovers());
    }

    @Test
    void collectionsWouldBeLostSoTheyAreAProblem() throws Exception {
        Path src = tmp.resolve("collections");
        Files.createDirectories(src.resolve("_posts"));
        Files.writeString(src.resolve("_config.yml"), "title: T\n\ncollections:\n  recipes:\n    output: true\n"
                + "  tabs: {output: true}\n");
        Files.writeString(src.resolve("_posts/2020-01-01-a.md"), "---\ntitle: A\n---\nText.\n");

        report = Importer.run(src, tmp.resolve("collections-kiln"), false);

        // Each at its key under collections:, named, with its folder: al-folio has news and projects, Chirpy tabs.
        assertEquals(List.of("_config.yml:4:3: collection recipes is not imported (only posts, drafts and pages are): "
                        + "move its documents from _recipes/ to _posts/ or to pages, then import again",
                "_config.yml:6:3: collection tabs is not imported (only posts, drafts and pages are): move its "
                        + "documents from _tabs/ to _posts/ or to pages, then import again"),
                report.problems().stream().map(Object::toString).toList());
        assertEquals(1, report.exitCode());
    }

    /** The built {@code .post-content} of a site {@code name} whose one post has {@code body}, under {@code config}. */
    private org.jsoup.nodes.Element post(String name, String config, String body) throws IOException {
        Path src = jekyllSite(name, Map.of("_config.yml", "title: X\n" + config,
                "_posts/2020-01-01-x.md", "---\ntitle: X\n---\n" + body));
        BuildResult built = importKeepingEveryUrl(src);
        return SiteChecks.page(built.output(), "2020/01/01/x.html").selectFirst(".post-content");
    }

    /** kramdown reads {@code \r\n} and {@code \r} as line ends first: a blank line between them ends a paragraph. */
    @Test
    void windowsLineEndsKeepParagraphsApartFromMath() throws Exception {
        var article = post("crlf", "", "Cost $$5\r\n\r\nand later $$6 here.\r\n\r\n$$\r\na_b\r\n$$\r\n");

        assertEquals(List.of("Cost $$5", "and later $$6 here.", "\\[a_b\\]"), article.select("p").eachText());
    }

    /**
     * Jekyll ran Liquid before kramdown: a pipe or dollars in Liquid left in the page make no table and no math; the
     * Liquid is written as it was, and Kiln's build reports each piece.
     */
    @Test
    void liquidLeftInThePageIsNoTableAndNoMath() throws Exception {
        String body = "{{ page.title | upcase }}\n\n{% include x.html text=\"a | b\" %}\n\n"
                + "{{ page.x | append: \"$$a_b$$\" }}\n";
        Path src = jekyllSite("liquid", Map.of("_config.yml", "title: X\n", "_posts/2020-01-01-x.md",
                "---\ntitle: X\n---\n" + body));
        Path dest = tmp.resolve("liquid-kiln");
        report = Importer.run(src, dest, false);

        assertTrue(Files.readString(dest.resolve("content/posts/2020-01-01-x.md")).endsWith("---\n" + body));
        assertEquals(List.of("content/posts/2020-01-01-x.md:4:1: Liquid {{ page.title | upcase }}",
                "content/posts/2020-01-01-x.md:6:1: Liquid {% include x.html text=\"a | b\" %}",
                "content/posts/2020-01-01-x.md:8:1: Liquid {{ page.x | append: \"$$a_b$$\" }}"), liquidLeft(dest));
    }

    /** kramdown 2.4: {@code <blockquote><p>\[a_b\]</p></blockquote>}, the quote's marker no part of the formula. */
    @Test
    void blockMathInAQuoteLeavesTheQuotesMarkersOut() throws Exception {
        var article = post("quotemath", "", "> $$\n> a_b\n> $$\n");

        assertEquals("\\[a_b\\]", article.selectFirst("blockquote > p").wholeText());
    }

    /** The end tag of an element in a list item keeps its indentation, which keeps it in the item: one list. */
    @Test
    void anElementInAListItemLeavesTheListWhole() throws Exception {
        var article = post("listdiv", "", "1. Step one\n\n   <div markdown=\"1\">\n   *x*\n   </div>\n\n"
                + "2. Step two\n3. Step three\n");

        assertEquals(1, article.select("ol").size(), article.html());
        assertEquals(3, article.select("ol > li").size(), article.html());
        assertEquals("x", article.selectFirst("ol > li div em").text());
    }

    /** kramdown 2.4 read a cell and a p's or h2's content as text: a block marker at its start is text. */
    @Test
    void cellsAndTextElementsAreTextNotBlocks() throws Exception {
        var article = post("spans", "", "| # | Name |\n| 1. | first |\n| - | dash |\n| > | gt |\n| --- | x |\n"
                + "| \"q\" | *e* |\n\n<h2 markdown=\"1\"># of items</h2>\n\n<p markdown=\"1\">\n- not a list\n</p>\n");

        assertEquals(List.of("#", "Name", "1.", "first", "-", "dash", ">", "gt", "\u2014", "x", "\u201cq\u201d", "e"),
                article.select("td").eachText());
        assertEquals("e", article.selectFirst("td > em").text());
        assertEquals(0, article.select("td *:not(em)").size(), article.html());
        assertEquals("# of items", article.selectFirst("h2").ownText().strip());
        assertEquals(0, article.select("h1, ul, ol, blockquote, hr").size(), article.html());
        assertEquals("- not a list", article.select("p").last().text());
    }

    /** Each cell and text element is read with the page's link definitions and abbreviations, as kramdown read it. */
    @Test
    void cellsAndTextElementsKnowThePagesLinksAndAbbreviations() throws Exception {
        var article = post("refs", "", "| [docs][d] | HTML |\n\n<p markdown=\"span\">see [docs][d] and HTML</p>\n\n"
                + "[d]: https://example.com/docs\n*[HTML]: Hyper Text\n");

        assertEquals(List.of("https://example.com/docs", "https://example.com/docs"),
                article.select("td a, p a").eachAttr("href"));
        assertEquals(List.of("Hyper Text", "Hyper Text"), article.select("td abbr, p abbr").eachAttr("title"));
    }

    /** A footnote reference Kiln cannot number in a cell or text element: left as written, with a warning. */
    @Test
    void aFootnoteInACellOrTextElementIsKeptAndWarned() throws Exception {
        var article = post("notes", "", "| a[^1] | b |\n| c | d |\n\n<p markdown=\"1\">text[^1]</p>\n\n"
                + "[^1]: The note.\n");

        assertTrue(article.text().contains("| a1 | b | | c | d |"), article.html());
        assertTrue(article.text().contains("text[^1]"), article.html());
        assertEquals(2, report.warnings().size(), report.warnings().toString());
        assertTrue(report.warnings().get(0).startsWith("_posts/2020-01-01-x.md:7:1: <p> has a footnote reference"),
                report.warnings().toString());
        assertTrue(report.warnings().get(1).startsWith("_posts/2020-01-01-x.md:4:1: a table without a header line"),
                report.warnings().toString());
    }

    /** A {::comment} in an element kramdown read as text is hidden, as Jekyll hid it. */
    @Test
    void aCommentInATextElementStaysHidden() throws Exception {
        var article = post("hidden", "", "<p markdown=\"1\">a {::comment}hidden{:/comment} b</p>\n");

        assertFalse(article.text().contains("hidden"), article.html());
        assertEquals("a b", article.selectFirst("p").text());
    }

    /**
     * kramdown 2.4 made a table of rows without a header line in a list item and in a quote too: {@code <ol><li>
     * <p>item one</p><table><tbody><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></tbody></table></li>
     * <li><p>item two</p></li></ol>}, {@code <blockquote><p>Quote</p><table><tbody><tr><td>e</td><td><em>f</em>
     * </td></tr><tr><td>g</td><td>h</td></tr></tbody></table></blockquote>}; the list stays one.
     */
    @Test
    void aTableInAListItemOrQuoteIsATableAndTheListStaysWhole() throws Exception {
        var article = post("listtable", "", "1. item one\n\n   | a | b |\n   | c | d |\n\n2. item two\n\n"
                + "> Quote\n>\n> | e | *f* |\n> | g | h |\n");

        assertEquals(1, article.select("ol").size(), article.html());
        assertEquals(2, article.select("ol > li").size(), article.html());
        assertEquals(List.of("a", "b", "c", "d"), article.select("ol > li > table > tbody td").eachText(),
                article.html());
        assertEquals(List.of("e", "f", "g", "h"), article.select("blockquote > table > tbody td").eachText(),
                article.html());
        assertEquals("f", article.selectFirst("blockquote td > em").text(), article.html());
        assertEquals(0, article.select("thead").size(), article.html());
        assertFalse(article.text().contains("|"), article.html());
    }

    /** Tags shown in code inside an element are text: they neither open an element nor end it. */
    @Test
    void tagsInCodeInsideAnElementAreText() throws Exception {
        var article = post("codetags", "", "<div markdown=\"1\">\nOpen a div with `<div>` or:\n\n```\n"
                + "<div class=\"note\">\n```\n\nMore *text*.\n</div>\n\n<div class=\"b\" markdown=\"1\">\n"
                + "End it with:\n\n```\n</div>\n```\n\nStill *in*.\n</div>\n");

        var divs = article.select("> div");
        assertEquals(2, divs.size(), article.html());
        assertEquals("<div>", divs.get(0).selectFirst("p > code").text());
        assertEquals("<div class=\"note\">", divs.get(0).selectFirst("pre code").text());
        assertEquals("text", divs.get(0).selectFirst("p > em").text());
        assertEquals("</div>", divs.get(1).selectFirst("pre code").text());
        assertEquals("in", divs.get(1).selectFirst("p > em").text());
        assertEquals(List.of(), report.warnings());
    }

    /** Options are compared as YAML reads them: no, False and a list written with spaces are Jekyll's defaults. */
    @Test
    void kramdownOptionsAreComparedAsParsed() throws Exception {
        post("parsedoptions", "base: &base\n  hard_wrap: no\n  header_offset: 2\nkramdown:\n  <<: *base\n"
                + "  smart_quotes: \"lsquo, rsquo, ldquo, rdquo\"\n  guess_lang: True\n  parse_span_html: yes\n",
                "Text.\n");

        assertEquals(List.of("_config.yml:6: kramdown option header_offset: 2 is not carried over: Kiln keeps each "
                + "heading at the level it is written"), report.warnings());
    }

    /**
     * A markdown attribute dropped from an element Kiln does not convert (its start tag over two lines, right after
     * a list item's text, in a comment) is a warning at its line.
     */
    @Test
    void aMarkdownAttributeOnAnElementNotConvertedIsAWarning() throws Exception {
        var article = post("unconverted", "", "<div\n  markdown=\"1\">\n*b*\n</div>\n\n- item\n  <div markdown=\"1\">\n"
                + "  *c*\n  </div>\n\n<!--\n<div markdown=\"1\">\n-->\n\n<pre>\n```\n</pre>\n\n"
                + "<div markdown=\"1\">\n*d*\n</div>\n");

        assertEquals("d", article.selectFirst("div > p > em").text(), "an earlier ``` in a <pre> opens no fence");
        assertEquals(List.of(4, 10, 15), report.warnings().stream()
                .map(w -> Integer.parseInt(w.split(":")[1])).toList(), report.warnings().toString());
        assertTrue(report.warnings().get(0).contains("<div> has a markdown attribute where Kiln does not convert"));
    }

    /**
     * kramdown 2.4 converted an element right after a line of text (which it ends the paragraph at), in a quote
     * (the quote's lines read as blocks), and in a list item indented four spaces or more (its content column
     * taken out first): {@code <p>Text line</p><div><p><em>a</em></p></div>}, {@code <blockquote><p>Quoted</p>
     * <div class="q"><p><em>b</em></p><ul><li>item</li></ul></div></blockquote>}, {@code <ol><li><p>item</p>
     * <div class="l"><p><em>c</em></p></div></li><li><p>two</p></li></ol>}.
     */
    @Test
    void anElementAfterTextInAQuoteOrDeepInAListItemIsConverted() throws Exception {
        var article = post("moreplaces", "", "Text line\n<div markdown=\"1\">\n*a*\n</div>\n\n> Quoted\n"
                + "> <div class=\"q\" markdown=\"1\">\n> *b*\n>\n> - item\n> </div>\n\n1. item\n\n"
                + "    <div class=\"l\" markdown=\"1\">\n    *c*\n    </div>\n\n2. two\n");

        assertEquals("Text line", article.selectFirst("p").text());
        assertEquals("a", article.selectFirst("> div > p > em").text(), article.html());
        var quote = article.selectFirst("> blockquote");
        assertEquals("Quoted", quote.selectFirst("> p").text(), article.html());
        assertEquals("b", quote.selectFirst("> div.q > p > em").text(), article.html());
        assertEquals("item", quote.selectFirst("> div.q > ul > li").text(), article.html());
        assertEquals(1, article.select("ol").size(), article.html());
        assertEquals(List.of("item c", "two"), article.select("ol > li").eachText(), article.html());
        assertEquals("c", article.selectFirst("ol > li > div.l > p > em").text(), article.html());
        assertEquals(List.of(), article.select("[markdown]").eachAttr("markdown"));
        assertEquals(List.of(), report.warnings());
    }

    /** kramdown: <div>\n<!-- note </div> -->\n<p><em>md</em></p>\n</div>: a tag in a comment ends nothing. */
    @Test
    void anEndTagInACommentDoesNotEndAMarkdownElement() throws Exception {
        var article = post("commented", "", "<div class=\"c\" markdown=\"1\">\n<!-- note </div> -->\n*md*\n</div>\n\nAfter.\n");

        assertEquals("md", article.selectFirst("div.c em").text(), article.html());
        assertEquals("After.", article.selectFirst("> p").text(), article.html());
        assertFalse(article.text().contains("-->"), article.html());
        assertEquals(List.of(), report.warnings());
    }

    /** With parse_block_html, what kramdown keeps raw (a table, a pre) keeps its content raw, elements in it too. */
    @Test
    void parseBlockHtmlLeavesTheContentOfRawElementsRaw() throws Exception {
        var article = post("rawinside", "kramdown:\n  parse_block_html: true\n",
                "<div class=\"box\">\n<table><tr><td>\n\n<div>\n*raw*\n</div>\n\n</td></tr></table>\n</div>\n");

        assertEquals("*raw*", article.selectFirst("td").text(), article.html());
        assertEquals(0, article.select("td em").size(), article.html());
    }

    /** A lone backtick in an element pairs with none after its end tag: kramdown 2.4 ended the div, then `x` is code. */
    @Test
    void aLoneBacktickInAnElementDoesNotHideItsEndTag() throws Exception {
        var article = post("lonetick", "", "<div markdown=\"1\">\nA lone ` backtick.\n\n</div> `x`\n");

        assertEquals("A lone ` backtick.", article.selectFirst("div > p").text(), article.html());
        assertEquals("x", article.selectFirst("code").text(), article.html());
    }

    /**
     * kramdown 2.4 read a text element's lines as text: a hard break stays, and a tag, a link or the author's own
     * characters split over lines or at a line's start are what they were, not text of a marker's making.
     */
    @Test
    void aTextElementKeepsItsHardBreaksAndWhatSpansItsLines() throws Exception {
        var article = post("spanlines", "", "<p markdown=\"1\">Hard  \nbreak and [some\ntext] and <span\n"
                + "class=\"k\">x</span> keep \u2E52 this\n# not a heading\n1. not a list\n---</p>\n\n"
                + "[some text]: https://s.com\n");

        var p = article.selectFirst("p");
        assertEquals(1, p.select("br").size(), article.html());
        assertEquals("https://s.com", p.selectFirst("a").attr("href"), article.html());
        assertEquals("x", p.selectFirst("span.k").text(), article.html());
        assertTrue(p.text().contains("keep \u2E52 this # not a heading 1. not a list \u2014"), article.html());
        assertEquals(0, article.select("h1, ol, hr").size(), article.html());
    }

    /**
     * kramdown 2.4 read HTML in text as text-level: a comment at a line's start stays a comment in the paragraph, a
     * block-level tag ({@code <div>}) is shown as text, and a code span over lines is code to its end, its lines no
     * blocks: {@code <p>line one <!-- c --> <em>x</em> &lt;div&gt;<em>b</em>&lt;/div&gt; and <code>code # not
     * heading - item</code> end</p>} and {@code <td><!-- c --> <em>y</em></td><td>&lt;div&gt;z&lt;/div&gt;</td>}.
     */
    @Test
    void aTextElementKeepsCommentsAndBlockTagsInItsTextAndCodeOverLinesAsCode() throws Exception {
        var article = post("spanhtml", "", "<p markdown=\"1\">line one\n<!-- c --> *x*\n<div>*b*</div> and `code\n"
                + "# not heading\n- item` end</p>\n\n| <!-- c --> *y* | <div>z</div> |\n");

        assertEquals("line one <!-- c --> <em>x</em> &lt;div&gt;<em>b</em>&lt;/div&gt; and <code>code # not heading - "
                + "item</code> end", article.selectFirst("> p").html().replaceAll("\\s+", " "), article.html());
        assertEquals(0, article.select("p div, td div, h1, ul, pre").size(), article.html());
        assertEquals(List.of("<!-- c --> <em>y</em>", "&lt;div&gt;z&lt;/div&gt;"),
                article.select("td").stream().map(td -> td.html()).toList(), article.html());
    }

    /** Jekyll ran Liquid before kramdown split a row: a pipe in Liquid splits no cell, and the Liquid stays as written. */
    @Test
    void aPipeInLiquidSplitsNoCell() throws Exception {
        Path src = jekyllSite("liquidcell", Map.of("_config.yml", "title: X\n", "_posts/2020-01-01-x.md",
                "---\ntitle: X\n---\n| Date | {{ page.date | date: \"%Y\" }} |\n| b | {% if a | b %} |\n"));
        Path dest = tmp.resolve("liquidcell-kiln");
        report = Importer.run(src, dest, false);

        // The table as kramdown wrote it, in the imported post; its Liquid is then Kiln's build's to report.
        var table = org.jsoup.Jsoup.parseBodyFragment(Files.readString(dest.resolve("content/posts/2020-01-01-x.md")));
        assertEquals(List.of("Date", "{{ page.date | date: \"%Y\" }}", "b", "{% if a | b %}"),
                table.select("td").eachText(), table.html());
        assertEquals(List.of("content/posts/2020-01-01-x.md:8:5: Liquid {{ page.date | date: &quot;%Y&quot; }}",
                "content/posts/2020-01-01-x.md:12:5: Liquid {% if a | b %}"), liquidLeft(dest));
    }

    /**
     * kramdown 2.4 split a row at each pipe, one inside {@code $$...$$} too, before it read the cells' math, and
     * wrote an empty cell, and each a short row lacks, as a no-break space: {@code <tr><td>a</td><td>$$x</td>
     * <td>y$$</td></tr><tr><td>c</td><td>&nbsp;</td><td>&nbsp;</td></tr>}; a cell's whole formula is math:
     * {@code <td>\\(p_1\\)</td>}; block math is read before a table ({@code \\[a|b\\]}), inline math after
     * ({@code <td>More $$c</td><td>d$$ text</td>}).
     */
    @Test
    void aPipeInMathSplitsACellAsKramdownSplitIt() throws Exception {
        var article = post("mathcell", "", "| a | $$x|y$$ |\n| c |  |\n\n| $$p_1$$ | q |\n\n$$a|b$$\n\n"
                + "More $$c|d$$ text\n");

        var tables = article.select("table");
        assertEquals(3, tables.size(), article.html());
        assertEquals("\\[a|b\\]", article.selectFirst("> p").text(), "block math, read before tables");
        assertEquals(List.of("More $$c", "d$$ text"), tables.get(2).select("td").eachText(), article.html());
        assertEquals(List.of("a", "$$x", "y$$", "c", "&nbsp;", "&nbsp;"), tables.get(0).select("td").stream()
                .map(td -> td.html()).toList(), article.html());
        assertEquals(List.of("\\(p_1\\)", "q"), tables.get(1).select("td").eachText(), article.html());
    }

    /** An element inside one whose content starts on its start tag's line is converted, with no warning. */
    @Test
    void anElementInsideOneWhoseContentStartsOnItsTagsLineIsConverted() throws Exception {
        var article = post("sameline", "", "<div markdown=\"1\">Intro text\n\n<div markdown=\"1\">\n*inner*\n</div>\n\n"
                + "</div>\n");

        assertEquals("inner", article.selectFirst("div > div > p > em").text(), article.html());
        assertEquals(List.of(), report.warnings());
    }

    /**
     * Each warning names the line and column of the Jekyll file, however many lines the conversions before it took
     * away or added: a plain-HTML include (three more lines), a comment (three fewer), an element after a line of
     * text (a blank line more), block math (its blank line dropped).
     */
    @Test
    void warningsNameTheLineOfTheJekyllFileWhateverConversionsCameBefore() throws Exception {
        Path src = jekyllSite("lines", Map.of("_config.yml", "title: L\n",
                "_includes/note.html", "<aside>\n  one\n  two\n</aside>\n",
                "_posts/2020-01-01-l.md", "---\ntitle: L\n---\n{% include note.html %}\n\nText\n{::comment}\na\nb\n"
                        + "{:/comment}\n\nPara\n<div markdown=\"1\">\n*x*\n</div>\n\n$$\na\n\nb\n$$\n\n| a[^1] | b |\n\n"
                        + "<p markdown=\"1\">text[^1]</p>\n\n> <section markdown=\"1\">\n\n[^1]: Note.\n"));

        importKeepingEveryUrl(src);

        List<String> expected = List.of("_posts/2020-01-01-l.md:25:1: <p> has a footnote reference",
                "_posts/2020-01-01-l.md:27:3: <section> has no end tag",
                "_posts/2020-01-01-l.md:23:1: a table without a header line has a footnote reference");
        assertEquals(expected.size(), report.warnings().size(), report.warnings().toString());
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(report.warnings().get(i).startsWith(expected.get(i)), report.warnings().toString());
        }
    }

    /** With parse_block_html, a raw table's blank line ends no HTML block: its cells stay cells, none is code. */
    @Test
    void parseBlockHtmlKeepsABlankLineInARawTableInsideIt() throws Exception {
        var article = post("rawblank", "kramdown:\n  parse_block_html: true\n",
                "<table>\n  <tr>\n    <td>a</td>\n\n    <td>b</td>\n  </tr>\n</table>\n");

        assertEquals(List.of("a", "b"), article.select("td").eachText(), article.html());
        assertEquals(0, article.select("pre, code").size(), article.html());
    }
}
