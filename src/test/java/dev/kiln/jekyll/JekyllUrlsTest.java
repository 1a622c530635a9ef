package dev.kiln.jekyll;

import dev.kiln.content.YamlDocument;
import dev.kiln.content.YamlReader;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Jekyll's URL rules, each case written from Jekyll's documentation (Permalinks, Posts, Pages). */
class JekyllUrlsTest {

    private static JekyllConfig config(String permalink, String zone) {
        return new JekyllConfig(null, null, null, "", "", permalink, zone, ZoneId.of(zone), null, List.of(),
                List.of(), Map.of());
    }

    private static JekyllFile file(String path, String yaml) {
        YamlDocument doc = YamlReader.read(path, yaml, 2);
        return new JekyllFile(path, yaml, doc, "", 4);
    }

    private static String post(String path, String yaml, String permalink) {
        return JekyllUrls.post(file(path, yaml), config(permalink, "UTC")).orElseThrow();
    }

    /** What Jekyll 4.3.1's {@code Utils.slugify} made of each, in each mode (jekyll-archives' {@code slug_mode}). */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "C++           | c             | c++           | c           | c             | c++",
            "C#            | c             | c             | c           | c             | c#",
            ".NET          | net           | .net          | net         | net           | .net",
            "node.js       | node-js       | node.js       | node-js     | node-js       | node.js",
            "C/C++         | c-c           | c-c++         | c-c         | c-c           | c/c++",
            "x_y           | x-y           | x_y           | x-y         | x-y           | x_y",
            "rock & roll   | rock-roll     | rock-&-roll   | rock-roll   | rock-roll     | rock-&-roll",
            "Ünïcode Ωmega | ünïcode-ωmega | ünïcode-ωmega | n-code-mega | unicode-mega  | ünïcode-ωmega",
    })
    void slugifiesInEveryModeAsJekyllDoes(String text, String byDefault, String pretty, String ascii, String latin,
                                           String raw) {
        assertEquals(List.of(byDefault, pretty, ascii, latin, raw), java.util.stream.Stream.of(null, "pretty", "ascii",
                "latin", "raw").map(mode -> JekyllUrls.slugify(text, mode)).toList());
        assertEquals(text.toLowerCase(java.util.Locale.ROOT), JekyllUrls.slugify(text, "unknown"));
    }

    /**
     * Jekyll 4.3.1 (Debian's, Ruby 3.1) read an unquoted date with seconds as a YAML time (UTC without a zone, its
     * offset by DateTime.parse), any other with Time.parse: the same text is two readings (checked in Europe/Berlin,
     * UTC and Asia/Kolkata with 72 forms; these are those where Kiln's reading differed).
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} (plain: {1})")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "2020-01-02 23:30:00          | true  | 2020-01-02 23:30:00 +00:00",
            "2020-01-02 23:30:00          | false | 2020-01-02 23:30:00",
            "2020-01-02T23:30:00Z         | true  | 2020-01-02T23:30:00 +00:00",
            "2020-01-02 23:30:00 -5       | true  | 2020-01-02 23:30:00 -05:00",
            "2020-01-02 23:30:00 -5       | false | 2020-01-02 23:30:00",
            "2020-01-02 23:30:00 +1:00    | true  | 2020-01-02 23:30:00 +01:00",
            "2020-01-02 23:30:00 +1:00    | false | 2020-01-02 23:30:00",
            "2020-01-02 23:30 +1          | true  | 2020-01-02 23:30",
            "2020-01-02 23:30:00 +100     | true  | 2020-01-02 23:30:00 +10:00",
            "2020-01-02 23:30:00 +010     | true  | 2020-01-02 23:30:00 +01:00",
            "2020-01-02 23:30:00 -00:30   | true  | 2020-01-02 23:30:00 +00:30",
            "2020-01-02 23:30:00 -00:30   | false | 2020-01-02 23:30:00 -00:30",
            "2020-01-02 23:30:00 -0060    | true  | 2020-01-02 23:30:00 +01:00",
            "2020-01-02 23:30:00 -0060    | false | 2020-01-02 23:30:00 -01:00",
            "2020-01-02 23:30:00 +12345   | true  | 2020-01-02 23:30:00",
            "2020-01-02 23:30:00 +01:00:00 | true | 2020-01-02 23:30:00 +01:00:00",
            "2020-01-02 23:30:00 +0100 (CET) | true | 2020-01-02 23:30:00 +0100",
            "2020-01-02 23:30:00 Europe/Berlin | true | 2020-01-02 23:30:00",
            "2020-01-02 23:30:00 Y        | true  | 2020-01-02 23:30:00 -12:00",
            "2020-01-02 23:30:00 A        | false | 2020-01-02 23:30:00 +01:00",
            "2020-01-02 23:30:00 J        | true  | 2020-01-02 23:30:00",
            "2020-01-02 23:30:00 +2400    | true  | ",
    })
    void readsADateAsJekyllDoesByHowYamlWroteIt(String date, boolean plain, String read) {
        assertEquals(read, JekyllUrls.asJekyllReadsIt(date, plain, ZoneId.of("Asia/Kolkata")));
    }

    /** Jekyll 4.3.1 (Ruby 3.1) in Europe/Berlin read a zone Ruby's Time.parse does not know as the site's time. */
    @Test
    void readsDatesAsRubyDoesWithZonesItDoesNotKnowInTheSiteZone() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertEquals("2016-07-14 13:30", JekyllUrls.asRubyReadsIt("2016-07-14 13:30 IST", berlin));
        assertEquals("2016-07-14 13:30", JekyllUrls.asRubyReadsIt("2016-07-14 13:30 GMT+2", berlin));
        for (String known : List.of("2016-07-14 13:30 CEST", "2016-07-14 13:30 CET", "2016-07-14 13:30 EST",
                "2016-07-14 13:30 utc", "2016-07-14 1:30 pm", "Thu, 14 Jul 2016 13:30:00 +0000")) {
            assertEquals(known, JekyllUrls.asRubyReadsIt(known, berlin));
        }
        assertEquals("2016-07-14 13:30", JekyllUrls.asRubyReadsIt("2016-07-14 13:30 CEST", ZoneId.of("America/New_York")));
    }

    @Test
    void postsFollowTheStyleNames() {
        String yaml = "categories: [Java, Tips]\n";
        assertEquals("/java/tips/2020/02/03/my-post.html", post("_posts/2020-02-03-my-post.md", yaml, "date"));
        assertEquals("/java/tips/2020/02/03/my-post/", post("_posts/2020-02-03-my-post.md", yaml, "pretty"));
        assertEquals("/java/tips/2020/034/my-post.html", post("_posts/2020-02-03-my-post.md", yaml, "ordinal"));
        assertEquals("/java/tips/my-post.html", post("_posts/2020-02-03-my-post.md", yaml, "none"));
        assertEquals("/2020/02/03/my-post.html", post("_posts/2020-02-03-my-post.md", "", "date"));
    }

    @Test
    void aPermalinkWithoutLeadingSlashIsTakenFromTheRoot() {
        assertEquals("/what-i-learned", post("_posts/2018-03-15-x.md", "permalink: what-i-learned\n", "date"));
        assertEquals("/2018/x/", post("_posts/2018-03-15-x.md", "permalink: /:year/:title/\n", "date"));
    }

    @Test
    void titleKeepsCaseAndSlugIsLowerCase() {
        assertEquals("/2022/04/Hello-World/", post("_posts/2022-04-01-Hello World.md", "", "/:year/:month/:title/"));
        assertEquals("/2022/hello-world/", post("_posts/2022-04-01-Hello World.md", "", "/:year/:slug/"));
        assertEquals("/2022/upper-case/", post("_posts/2022-04-01-Upper_Case.md", "", "/:year/:slug/"));
        assertEquals("/2022/own/", post("_posts/2022-04-01-x.md", "slug: own\n", "/:year/:title/"));
    }

    @Test
    void datesAreReadInTheSiteTimeZone() {
        JekyllFile late = file("_posts/2019-01-05-late.md", "date: 2019-01-05 23:30:00 +0000\n");
        assertEquals("/2019/01/06/late.html", JekyllUrls.post(late, config("date", "Europe/Berlin")).orElseThrow());
        assertEquals("/2019/01/05/late.html", JekyllUrls.post(late, config("date", "UTC")).orElseThrow());
    }

    @Test
    void foldersAbovePostsAreCategories() {
        JekyllFile post = file("blog/news/_posts/2019-02-01-x.md", "category: Release\n");
        assertEquals(List.of("blog", "news", "Release"), JekyllUrls.categories(post, config("date", "UTC")));
        assertEquals("/blog/news/release/2019/02/01/x.html", JekyllUrls.post(post, config("date", "UTC")).orElseThrow());
        assertEquals(List.of(), JekyllUrls.pathCategories(file("_posts/2020/2020-01-01-x.md", ""),
                config("date", "UTC")));
    }

    @Test
    void pagesEndAsTheStyleSays() {
        assertEquals("/about.html", JekyllUrls.page(file("about.md", ""), config("date", "UTC")));
        assertEquals("/about/", JekyllUrls.page(file("about.md", ""), config("pretty", "UTC")));
        assertEquals("/about", JekyllUrls.page(file("about.md", ""), config("/:year/:title", "UTC")));
        assertEquals("/about/", JekyllUrls.page(file("about.md", ""), config("/:year/:title/", "UTC")));
        assertEquals("/docs/", JekyllUrls.page(file("docs/index.md", ""), config("date", "UTC")));
        assertEquals("/docs/setup.html", JekyllUrls.page(file("docs/setup.html", ""), config("date", "UTC")));
        assertEquals("/me/", JekyllUrls.page(file("about.md", "permalink: me/\n"), config("date", "UTC")));
    }

    /** The file Jekyll names by a URL: the URL decoded (Jekyll escapes its placeholders' values). */
    private static String file(String path, String yaml, String permalink) {
        return JekyllUrls.unescape(post(path, yaml, permalink));
    }

    /** Each path as Jekyll 4.3.1 wrote the file (Debian's jekyll package, the same front matter and file names). */
    @Test
    void slugsKeepMarksAndDropTrailingDotsAndNameIsTheWholeFileName() {
        String pattern = "/:name/:title/:slug/";
        assertEquals("/2020-01-02-end/end/end/", file("_posts/2020-01-02-end...md", "", pattern));
        // A decomposed é (as macOS writes file names) keeps its accent; ½ and ² are not decimal digits.
        assertEquals("/2020-01-01-cafe\u0301-x/cafe\u0301-x/cafe\u0301-x/",
                file("_posts/2020-01-01-cafe\u0301 x\u00bd\u00b2.md", "", pattern));
    }

    @Test
    void aCategoryIsOneNameAndCategoriesAsTextAreSplitWithSlugifiedCategoriesBeside() {
        String pattern = "/:categories/:slugified_categories/:title/";
        assertEquals("/foo/bar/foo/bar/a/", file("_posts/2020-01-01-a.md", "categories: Foo Bar\n", pattern));
        assertEquals("/x/foo bar/x/foo-bar/b/", file("_posts/2020-01-02-b.md", "category: Foo Bar\ncategories: [X]\n", pattern));
        assertEquals("/c#/sub cat/c/sub-cat/c/", file("_posts/2020-01-03-c.md", "categories: [C#, \"Sub Cat\"]\n", pattern));
    }

    /**
     * Jekyll escapes the values it puts in a URL, not the pattern's own text: a category {@code pct%20} is the
     * folder {@code pct%20} (the URL's {@code %2520} decoded once), a permalink's own {@code a%20b} the folder
     * {@code a b} (Jekyll 4.3.1 wrote both so).
     */
    @Test
    void placeholderValuesAreEscapedAndAPatternsOwnTextIsNot() {
        assertEquals("/pct%2520/d%C3%A9j%C3%A0%20vu/x/", post("_posts/2020-01-01-x.md", "categories: [pct%20, déjà vu]\n",
                "/:categories/:title/"));
        assertEquals("/pct%20/déjà vu/x/", file("_posts/2020-01-01-x.md", "categories: [pct%20, déjà vu]\n",
                "/:categories/:title/"));
        assertEquals("/a b/x/", file("_posts/2020-01-01-x.md", "", "/a%20b/:title/"));
    }

    @Test
    void pathIsTheFilesPathWithoutPostsFolderAndExtension() {
        Map.of("_posts/2020-01-01-a.md", "/2020-01-01-a/", "_posts/sub/2020-01-02-b.md", "/sub/2020-01-02-b/",
                "blog/_posts/2020-01-03-c.md", "/blog/2020-01-03-c/", "_posts/2014-09-11-end..md", "/2014-09-11-end/")
                .forEach((file, url) -> assertEquals(url, post(file, "", "/:path/"), file));
    }

    @Test
    void unescapingAUrlLeavesAPercentThatStartsNoEscape() {
        assertEquals("/100%/a b/", JekyllUrls.unescape("/100%/a%20b/"));
        assertEquals("/c++/%zz", JekyllUrls.unescape("/c++/%zz"));
        assertEquals("100%/index.html", Redirects.file("/100%/"));
    }
}
