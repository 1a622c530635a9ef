package dev.kiln.content;

import dev.kiln.config.SiteConfig;
import dev.kiln.error.Problem;
import dev.kiln.error.SiteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PermalinksTest {

    private static final String SEED_PATH = "content/posts/2018-03-15-what-i-learned-from-aws-lambda.md";
    private static final String SEED_FRONT = """
            ---
            layout: "post"
            title:  "What I learned from AWS Lambda"
            date: 2018-03-15 00:00:00
            permalink: what-i-learned-from-aws-lambda
            tags: ['aws', 'lambda', 'serverless']
            ---
            ![](assets/images/lambda.png){: .center-image }
            """;
    private static final String POST = "content/posts/2018-03-05-My-Post.md";

    private static DraftPage draft(String path, String text) {
        PageKind kind = path.startsWith("content/posts/") ? PageKind.POST : PageKind.PAGE;
        return FrontMatterParser.parse(new SourceFile(path, text), kind, ZoneId.of("UTC"));
    }

    private static SiteConfig siteWithPermalink(String pattern) {
        return SiteConfigReader.read(new YamlDocument(Map.of("permalink", pattern), Map.of()));
    }

    private static Route route(String path, String text) {
        return Permalinks.of(draft(path, text), SiteConfig.defaults());
    }

    private static Problem problem(String path, String text, SiteConfig config) {
        DraftPage page = draft(path, text);
        List<Problem> problems = assertThrows(SiteException.class, () -> Permalinks.of(page, config)).problems();
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    private static String place(Problem p) {
        return p.path() + ":" + p.line() + ":" + p.column();
    }

    @Test
    void keepsTheSeedPostUrlWithoutTrailingSlash() {
        Route route = route(SEED_PATH, SEED_FRONT);
        assertEquals("/what-i-learned-from-aws-lambda", route.url());
        assertEquals("what-i-learned-from-aws-lambda.html", route.outputPath());
    }

    @Test
    void buildsPostUrlFromDefaultPattern() {
        Route route = route("content/posts/2018-03-15-what-i-learned.md", "Hello\n");
        assertEquals("/2018/03/15/what-i-learned/", route.url());
        assertEquals("2018/03/15/what-i-learned/index.html", route.outputPath());
    }

    @Test
    void defaultPatternUsesFrontMatterDateOverFileNameDate() {
        Route route = route("content/posts/2018-03-15-what-i-learned.md", "---\ndate: 2019-01-02\n---\n");
        assertEquals("/2019/01/02/what-i-learned/", route.url());
    }

    @Test
    void defaultPatternLowerCasesTheSlug() {
        assertEquals("/2018/03/05/my-post/", route(POST, "Hello\n").url());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "pretty, /2018/03/05/My-Post/,     2018/03/05/My-Post/index.html",
            "date,   /2018/03/05/My-Post.html, 2018/03/05/My-Post.html",
            "none,   /My-Post.html,            My-Post.html",
    })
    void expandsJekyllPermalinkStyles(String style, String url, String outputPath) {
        Route route = Permalinks.of(draft(POST, "Hello\n"), siteWithPermalink(style));
        assertEquals(url, route.url());
        assertEquals(outputPath, route.outputPath());
    }

    @Test
    void jekyllStylesPutCategoriesFirst() {
        Route route = Permalinks.of(draft(POST, "---\ncategories: [Tech, AWS]\n---\n"), siteWithPermalink("pretty"));
        assertEquals("/tech/aws/2018/03/05/My-Post/", route.url());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/:i_month/:i_day/,        /3/5/",
            "/:short_year/:month/,     /18/03/",
            "/:year/:day/,             /2018/05/",
            "/:title/,                 /My-Post/",
            "/:slug/,                  /my-post/",
            "/:categories/:slug/,      /tech/aws/my-post/",
            "/:title:output_ext,       /My-Post.html",
    })
    void expandsPlaceholders(String pattern, String url) {
        Route route = Permalinks.of(draft(POST, "---\ncategories: [Tech, AWS]\n---\n"), siteWithPermalink(pattern));
        assertEquals(url, route.url());
    }

    @Test
    void dropsEmptyCategoriesSegment() {
        Route route = Permalinks.of(draft(POST, "Hello\n"), siteWithPermalink("/:categories/:slug/"));
        assertEquals("/my-post/", route.url());
    }

    @Test
    void frontMatterPermalinkBeatsSitePattern() {
        Route route = Permalinks.of(draft(POST, "---\npermalink: /mine/\n---\n"), siteWithPermalink("pretty"));
        assertEquals("/mine/", route.url());
    }

    @Test
    void expandsPlaceholdersInFrontMatterPermalink() {
        assertEquals("/notes/2018/my-post/", route(POST, "---\npermalink: /notes/:year/:slug/\n---\n").url());
    }

    @Test
    void keepsPermalinkEndingInXml() {
        Route route = route(POST, "---\npermalink: /feeds/aws.xml\n---\n");
        assertEquals("/feeds/aws.xml", route.url());
        assertEquals("feeds/aws.xml", route.outputPath());
    }

    @Test
    void readsRelativePermalinkFromSiteRoot() {
        Route route = route(POST, "---\npermalink: notes/my-post/\n---\n");
        assertEquals("/notes/my-post/", route.url());
    }

    @Test
    void collapsesDoubleSlashes() {
        assertEquals("/a/b/", route(POST, "---\npermalink: /a//b/\n---\n").url());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "content/about.md,         /about/,      about/index.html",
            "content/404.md,           /404.html,    404.html",
            "content/index.md,         /,            index.html",
            "content/docs/index.md,    /docs/,       docs/index.html",
            "content/docs/setup.md,    /docs/setup/, docs/setup/index.html",
            "content/contact.html,     /contact/,    contact/index.html",
            "content/notes.markdown,   /notes/,      notes/index.html",
    })
    void givesPagesTheirPathUrl(String path, String url, String outputPath) {
        Route route = route(path, "---\ntitle: T\n---\n");
        assertEquals(url, route.url());
        assertEquals(outputPath, route.outputPath());
    }

    @Test
    void pagePermalinkBeatsItsPath() {
        assertEquals("/me/", route("content/about.md", "---\npermalink: /me/\n---\n").url());
    }

    @Test
    void rejectsUnknownPlaceholderAtThePermalink() {
        Problem p = problem(POST, "---\ntitle: T\npermalink: /:foo/\n---\n", SiteConfig.defaults());
        assertEquals(POST + ":3:13", place(p));
        assertTrue(p.message().contains("unknown placeholder ':foo'"), p.message());
    }

    @Test
    void rejectsUnknownPlaceholderInSitePatternAtSiteYmlsLine() {
        SiteException e = assertThrows(SiteException.class, () -> SiteConfigReader.read(
                YamlReader.read("site.yml", "title: T\npermalink: /:foo/\n", 1), "title: T\npermalink: /:foo/\n"));
        assertEquals("site.yml:2:13", place(e.problems().get(0)));
        assertTrue(e.problems().get(0).message().contains("unknown placeholder ':foo'"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/:year/:weekday/:slug/  | 2:19 | unknown placeholder ':weekday' in permalink: Hugo's :weekday has no counterpart in Kiln; use :year :month",
            "/:yearday/:slug/        | 2:13 | unknown placeholder ':yearday' in permalink: Hugo's :yearday has no exact counterpart in Kiln: :y_day is the day of the year in three digits (005 where Hugo writes 5); use :year",
            "/:year/:monthname/:slug/ | 2:19 | unknown placeholder ':monthname' in permalink: Hugo's :monthname (may) has no counterpart in Kiln: :month is the month's number (05); use :year",
            "\"/:year/:titlefoo/\"     | 2:20 | unknown placeholder ':titlefoo' in permalink: use :year :month",
            "/:section/:filename/    | 2:13 | unknown placeholder ':section' in permalink: Hugo's :section is always posts in Kiln",
    })
    void rejectsAPlaceholderThatIsNotAWholeNameAtItsPlaceInSiteYml(String pattern, String place, String message) {
        String text = "title: T\npermalink: " + pattern + "\n";
        SiteException e = assertThrows(SiteException.class, () -> SiteConfigReader.read(
                YamlReader.read("site.yml", text, 1), text));
        assertEquals("site.yml:" + place, place(e.problems().get(0)));
        assertTrue(e.problems().get(0).message().startsWith(message), e.problems().get(0).message());
        assertTrue(e.problems().get(0).message().endsWith(", or one of Jekyll's styles date, pretty, ordinal, none"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // LoveIt's [permalinks] posts = ":filename": Hugo 0.111 published /docker-clean/, Jekyll's rule /docker-clean.html.
            "\":filename\"                 | 2:12 | :filename",
            "/:year/:month/:filename        | 2:12 | /:year/:month/:filename",
            "/posts/:slugorfilename         | 2:12 | /posts/:slugorfilename",
    })
    void rejectsAHugoPatternEndingInNeitherASlashNorAnExtensionInSiteYml(String pattern, String place, String written) {
        String text = "title: T\npermalink: " + pattern + "\n";
        SiteException e = assertThrows(SiteException.class, () -> SiteConfigReader.read(
                YamlReader.read("site.yml", text, 1), text));
        Problem p = e.problems().get(0);
        assertEquals("site.yml:" + place, place(p));
        assertTrue(p.message().contains("Hugo published such a pattern as a folder (/docker-clean/)"), p.message());
        assertTrue(p.message().contains("write " + written + "/ to keep Hugo's URLs"), p.message());
        assertTrue(p.message().contains(written + ".html or " + written + ":output_ext"), p.message());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {":filename/", "/:year/:filename.html", "/:slugorfilename:output_ext", "/posts/:slug",
            "pretty", "/:title"})
    void takesAHugoPatternEndingInASlashOrAnExtensionAndKilnsOwnWithout(String pattern) {
        String text = "title: T\npermalink: \"" + pattern + "\"\n";
        assertEquals(pattern, SiteConfigReader.read(YamlReader.read("site.yml", text, 1), text).permalink());
    }

    @Test
    void rejectsAHugoPatternWithoutASlashInAPostsOwnPermalinkButNotInItsUrl() {
        Problem p = problem(POST, "---\ntitle: T\npermalink: /notes/:filename\n---\n", SiteConfig.defaults());
        assertEquals(POST + ":3:12", place(p));
        assertTrue(p.message().contains("write /notes/:filename/ to keep Hugo's URLs"), p.message());
        assertEquals("/notes/2018-03-05-my-post/", route(POST, "---\ntitle: T\nurl: /notes/:filename\n---\n").url());
    }

    @Test
    void rejectsHugosPlaceholderInFrontMatterUrlAtItsPlace() {
        Problem p = problem(POST, "---\ntitle: T\nurl: \"/notes/:section/\"\n---\n", SiteConfig.defaults());
        assertEquals(POST + ":3:14", place(p));
        assertTrue(p.message().startsWith("unknown placeholder ':section' in its url: Hugo's :section is always posts"
                + " in Kiln"), p.message());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // Hugo 0.111's URLs for these files under [permalinks] posts = "/posts/:slugorfilename/" (and its default
            // /posts/<file>/): lower case, '_' kept, spaces a dash, a leading date kept. Kiln's :slug made '_' a dash
            // ('/posts/coq-day3/') and dropped the date; until 2026-12-07 :slugorfilename was an error naming :slug.
            "content/posts/Coq_Day3.md,                  '',                        /posts/:slugorfilename/, /posts/coq_day3/",
            "content/posts/2_Iceberg_intro/index.md,     '',                        /posts/:slugorfilename/, /posts/2_iceberg_intro/",
            "content/posts/My Post.md,                   '',                        /posts/:slugorfilename/, /posts/my-post/",
            "content/posts/2022-01-10-entry_1.md,        '',                        /posts/:slugorfilename/, /posts/2022-01-10-entry_1/",
            "content/posts/x.md,                         'slug: papers_we_love_Page2', /posts/:slugorfilename/, /posts/papers_we_love_page2/",
            "content/posts/x.md,                         'slug: papers_we_love_Page2', /:year/:filename/,         /2018/x/",
            "content/posts/2018-03-05-Notes_On.markdown, '',                        /:filename/,             /2018-03-05-notes_on/",
            // Hugo 0.111's own output for each (stop 32's review: ' - ' was '---', a no-break space dropped, '/' dropped).
            "content/posts/My Post - Part 2.md,          '',                        /posts/:slugorfilename/, /posts/my-post-part-2/",
            "content/posts/a -- b.md,                    '',                        /posts/:slugorfilename/, /posts/a--b/",
            "content/posts/x.md,                         'slug: \"Hello\u00a0World\"', /posts/:slugorfilename/, /posts/hello-world/",
            "content/posts/x.md,                         'slug: 2023/year-post',   /posts/:slugorfilename/, /posts/2023/year-post/",
            "content/posts/x.md,                         'slug: \"\"',              /posts/:slugorfilename/, /posts/x/",
            "content/posts/Foo's Bar!.md,                '',                        /posts/:slugorfilename/, /posts/foos-bar/",
            "content/posts/C#.md,                        '',                        /posts/:slugorfilename/, /posts/c/",
            "content/posts/x~z@w.md,                     '',                        /posts/:slugorfilename/, /posts/x~z@w/",
            "content/posts/dots.in.name.md,              '',                        /posts/:slugorfilename/, /posts/dots.in.name/",
            "content/posts/b.dir/index.md,               '',                        /posts/:slugorfilename/, /posts/b.dir/",
            "content/posts/Html_Post.html,               '',                        /posts/:slugorfilename/, /posts/html_post/",
            "content/posts/ÜBER straße.md,               '',                        /posts/:slugorfilename/, /posts/über-straße/",
            "content/posts/-lead.md,                     '',                        /posts/:slugorfilename/, /posts/-lead/",
    })
    void hugosSlugOrFileNameAndFileNameGiveHugosUrls(String path, String front, String pattern, String url) {
        String text = "---\ntitle: T\ndate: 2018-03-05\n" + (front.isEmpty() ? "" : front + "\n") + "---\n";
        assertEquals(url, Permalinks.of(draft(path, text), siteWithPermalink(pattern)).url());
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
            // Hugo 0.111.3's own output with no [permalinks] (its default URL, which README's recipe writes as
            // /posts/:slugorfilename/): each '+' kept, next to a space's dash too. Until 2026-12-07 a run of them was a
            // dash (c++ was /posts/c-/), as Hugo wrote them only under a [permalinks] pattern of its own.
            "content/posts/c++.md                          | ''                 | /posts/:slugorfilename/ | /posts/c++/",
            "content/posts/a+b.md                          | ''                 | /posts/:slugorfilename/ | /posts/a+b/",
            "content/posts/x+-y.md                         | ''                 | /posts/:slugorfilename/ | /posts/x+-y/",
            "content/posts/a + b.md                        | ''                 | /posts/:slugorfilename/ | /posts/a-+-b/",
            "content/posts/+lead.md                        | ''                 | /posts/:slugorfilename/ | /posts/+lead/",
            "content/posts/x+y~z@w.md                      | ''                 | /posts/:slugorfilename/ | /posts/x+y~z@w/",
            "content/posts/Hugo+Blowfish-SEO/index.md      | ''                 | /posts/:slugorfilename/ | /posts/hugo+blowfish-seo/",
            "content/posts/251230211322_【Hugo×AWS】独自ドメインを設定する（Route53+ACM）.md | '' | /posts/:slugorfilename/"
                    + " | /posts/251230211322_hugoaws独自ドメインを設定するroute53+acm/",
            "content/posts/x.md                            | slug: go+rust      | /posts/:slugorfilename/ | /posts/go+rust/",
            "content/posts/x.md                            | slug: \"C++ tips\" | /posts/:slugorfilename/ | /posts/c++-tips/",
            "content/posts/x.md                            | slug: \"+++\"      | /posts/:slugorfilename/ | /posts/+++/",
            "content/posts/x.md                            | slug: 2023/year+post | /posts/:slugorfilename/ | /posts/2023/year+post/",
            "content/posts/c++.md                          | ''                 | /:year/:filename/       | /2018/c++/",
            "content/posts/x.md                            | url: /special/a+b/ | /posts/:slugorfilename/ | /special/a+b/",
    })
    void aPlusInAFileNameBundleOrSlugIsKeptAsInHugosDefaultUrl(String path, String front, String pattern, String url) {
        String text = "---\ntitle: T\ndate: 2018-03-05\n" + (front.isEmpty() ? "" : front + "\n") + "---\n";
        assertEquals(url, Permalinks.of(draft(path, text), siteWithPermalink(pattern)).url());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            // Hugo put such a post at its section's own address, /posts/, where the list page overwrote it.
            "content/posts/x.md  | slug: \"???\" | 4:7 | slug '???' leaves no letter, digit or . _ ~ + - @ to put in the URL"
                    + " under :slugorfilename and :filename, as Hugo makes them: write one of letters and digits",
            "content/posts/x.md  | slug: \".\"   | 4:7 | slug '.' makes the URL segment '.' under :slugorfilename",
            "content/posts/x.md  | slug: a/../b  | 4:7 | slug 'a/../b' makes the URL segment '..' under",
            "content/posts/🎉.md | ''            | 1:1 | its file name '🎉' leaves no letter, digit or . _ ~ + - @ to put in the"
                    + " URL under :slugorfilename and :filename, as Hugo makes them: give it a slug: of letters and digits",
    })
    void aHugoSlugOrFileNameThatMakesNoUrlSegmentIsAProblemAtIt(String path, String front, String place, String message) {
        String text = "---\ntitle: T\ndate: 2018-03-05\n" + (front.isEmpty() ? "" : front + "\n") + "---\n";
        Problem p = problem(path, text, siteWithPermalink("/posts/:slugorfilename/"));
        assertEquals(path + ":" + place, place(p));
        assertTrue(p.message().startsWith(message), p.message());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/:year-:month/,           /2018-03/",
            "/:title.html,             /My-Post.html",
            "/:month_:day/,            /03_05/",
            "/:year/:i_month/:slug/,   /2018/3/my-post/",
            "/:y_day/:title/,          /064/My-Post/",
    })
    void readsAPlaceholderFollowedByTextThatIsNoLetter(String pattern, String url) {
        assertEquals(url, Permalinks.of(draft(POST, "---\ntitle: T\n---\n"), siteWithPermalink(pattern)).url());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/tags/:slugorfilename/, 1:22, slugorfilename",
            "/tags/:year/:slug/,     1:22, year",
    })
    void rejectsAnyTagPermalinkPlaceholderButSlugAtItsPlace(String pattern, String place, String name) {
        String text = "tag_permalink: " + pattern + "\n";
        SiteException e = assertThrows(SiteException.class, () -> SiteConfigReader.read(
                YamlReader.read("site.yml", text, 1), text));
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertEquals("site.yml:" + place, place(e.problems().get(0)));
        assertEquals("unknown placeholder ':" + name + "' in tag_permalink: use :slug, the tag's slug, its only placeholder",
                e.problems().get(0).message());
    }

    @Test
    void rejectsDatePlaceholderOnAPageWithoutDate() {
        Problem p = problem("content/about.md", "---\ntitle: T\npermalink: /:year/about/\n---\n",
                SiteConfig.defaults());
        assertEquals("content/about.md:3:12", place(p));
        assertTrue(p.message().contains("has no date"), p.message());
    }

    @Test
    void rejectsDotDotSegmentAtThePermalink() {
        Problem p = problem(POST, "---\ntitle: T\npermalink: /a/../../etc/\n---\n", SiteConfig.defaults());
        assertEquals(POST + ":3:12", place(p));
        assertTrue(p.message().contains("'..'"), p.message());
    }

    @Test
    void rejectsDotDotSlugThatWouldLeaveTheSite() {
        Problem p = problem(POST, "---\nslug: ../../etc\n---\n", siteWithPermalink("/:title/"));
        assertTrue(p.message().contains("'..'"), p.message());
    }

    @Test
    void rejectsQuestionMarkInPermalink() {
        Problem p = problem(POST, "---\npermalink: /a?b/\n---\n", SiteConfig.defaults());
        assertEquals(POST + ":2:12", place(p));
    }

    @Test
    void percentEncodesSpacesInUrlButNotInOutputPath() {
        Route route = route(POST, "---\npermalink: /my post/\n---\n");
        assertEquals("/my%20post/", route.url());
        assertEquals("my post/index.html", route.outputPath());
    }

    @Test
    void keepsNonAsciiLettersInUrl() {
        assertEquals("/café/", route(POST, "---\npermalink: /café/\n---\n").url());
    }

    @Test
    void percentEncodesHashInPageUrl() {
        Route route = route("content/c#.md", "---\ntitle: C#\n---\n");
        assertEquals("/c%23/", route.url());
        assertEquals("c#/index.html", route.outputPath());
    }
}
