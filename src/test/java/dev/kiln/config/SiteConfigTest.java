package dev.kiln.config;

import dev.kiln.content.YamlDocument;
import dev.kiln.content.SiteConfigReader;
import dev.kiln.content.YamlReader;
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

class SiteConfigTest {

    private static SiteConfig config(String yaml) {
        YamlDocument doc = YamlReader.read("site.yml", yaml, 1);
        return SiteConfigReader.read(doc);
    }

    private static List<Problem> problems(String yaml) {
        return assertThrows(SiteException.class, () -> config(yaml)).problems();
    }

    private static Problem onlyProblem(String yaml) {
        List<Problem> problems = problems(yaml);
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    private static String place(Problem p) {
        return p.path() + ":" + p.line() + ":" + p.column();
    }

    @Test
    void paginatePathPutsThePostListInAFolderAsJekyllDoes() {
        SiteConfig kilns = config("");
        assertEquals(List.of("/", "/page/2/"), List.of(kilns.listUrl(1), kilns.listUrl(2)));
        SiteConfig blog = config("paginate_path: /blog/page:num/\n");
        assertEquals(List.of("/blog/", "/blog/page2/", "/blog/page3/"),
                List.of(blog.listUrl(1), blog.listUrl(2), blog.listUrl(3)));
        // jekyll-paginate writes every page as a folder's index.html: page:num gives /page2/, as Jekyll's _site holds.
        SiteConfig jekylls = config("paginate_path: page:num\n");
        assertEquals(List.of("/", "/page2/"), List.of(jekylls.listUrl(1), jekylls.listUrl(2)));
        SiteConfig noSlash = config("paginate_path: \"blog/page:num\"\n");
        assertEquals(List.of("/blog/", "/blog/page2/"), List.of(noSlash.listUrl(1), noSlash.listUrl(2)));
        for (String bad : List.of("//page:num/", "/blog//page:num/", "/blog/%20page:num/")) {
            assertEquals(1, problems("paginate_path: \"" + bad + "\"\n").size(), bad);
        }
        assertEquals("site.yml:1:16: paginate_path '/blog/:num/x/' must name the post list's pages with :num once, in "
                + "its last part, like /blog/page:num/ (the list at /blog/, its page 2 at /blog/page2/)",
                onlyProblem("paginate_path: /blog/:num/x/\n").toString());
        assertEquals(1, problems("paginate_path: /blog/\n").size());
    }

    @Test
    void emojiIsASettingOffUnlessSetNotAParam() {
        assertEquals(SiteConfig.Emoji.OFF, config("").emoji());
        assertEquals(SiteConfig.Emoji.OFF, config("emoji: false\n").emoji());
        assertEquals(SiteConfig.Emoji.EVERYWHERE, config("emoji: true\n").emoji());
        assertEquals(Map.of(), config("emoji: true\n").params());
    }

    @Test
    void emojiTextIsJemojisWayAndAnyOtherValueIsAProblemAtItNamingTheThree() {
        assertEquals(SiteConfig.Emoji.TEXT, config("emoji: text\n").emoji());
        assertEquals(SiteConfig.Emoji.TEXT, config("emoji: \"text\"\n").emoji());
        assertEquals(Map.of(), config("emoji: text\n").params());
        String three = "emoji must be true (emoji codes such as :smile: are emoji everywhere, in code too, as Hugo's "
                + "enableEmoji makes them), text (in the text only, not in code, as Jekyll's jemoji makes them) or false, ";
        Problem smile = onlyProblem("title: T\nemoji: smile\n");
        assertEquals("site.yml:2:8", place(smile));
        assertEquals(three + "not 'smile'", smile.message());
        assertEquals("site.yml:1:8: " + three + "not 'Text'", onlyProblem("emoji: Text\n").toString());
        assertEquals("site.yml:1:8: " + three + "not '1'", onlyProblem("emoji: 1\n").toString());
        assertEquals("site.yml:1:8: " + three + "not 'true', a text in quotes: write it without them (emoji: true)",
                onlyProblem("emoji: \"true\"\n").toString());
        assertTrue(onlyProblem("emoji: [text]\n").toString().startsWith("site.yml:1:8: " + three + "not '"));
    }

    @Test
    void lineNumbersNumbersEveryFencedBlockOfTheSiteAndIsOffUnlessSet() {
        assertEquals(false, config("").lineNumbers());
        assertEquals(true, config("line_numbers: true\n").lineNumbers());
        assertEquals(false, config("line_numbers: false\n").lineNumbers());
        assertEquals(Map.of(), config("line_numbers: true\n").params());
        assertEquals("site.yml:1:15: line_numbers must be true or false, not 'table'",
                onlyProblem("line_numbers: table\n").toString());
        assertTrue(onlyProblem("line_number: true\n").toString().startsWith(
                "site.yml:1:1: unknown key 'line_number': did you mean 'line_numbers'?"));
    }

    @Test
    void emptySiteYmlGivesDefaults() {
        SiteConfig config = config("");
        assertEquals("My Blog", config.title());
        assertEquals("", config.description());
        assertEquals("", config.author());
        assertEquals("en", config.language());
        assertEquals(ZoneId.of("UTC"), config.timezone());
        assertEquals("/:year/:month/:day/:slug/", config.permalink());
        assertEquals("/tags/:slug/", config.tagPermalink());
        assertEquals(10, config.paginate());
        assertEquals("<!--more-->", config.excerptSeparator());
        assertEquals(Map.of(), config.params());
    }

    @Test
    void namesNoNavLinksWhenSiteYmlNamesNone() {
        assertEquals(List.of(), config("title: T\n").nav());
    }

    @Test
    void defaultsMatchASiteWithoutSiteYml() {
        assertEquals(SiteConfig.defaults(), config(""));
    }

    @Test
    void servesFromRootWithoutBaseUrl() {
        SiteConfig config = config("title: T\n");
        assertEquals("", config.origin());
        assertEquals("", config.basePath());
        assertEquals("", config.rootUrl());
    }

    @Test
    void readsSettings() {
        SiteConfig config = config("title: Notes\ndescription: D\nauthor: Ann\nlanguage: de\npaginate: 5\n"
                + "timezone: Europe/Berlin\npermalink: pretty\ntag_permalink: /topics/:slug/\n");
        assertEquals(List.of("Notes", "D", "Ann", "de", 5, ZoneId.of("Europe/Berlin"), "pretty", "/topics/:slug/"),
                List.of(config.title(), config.description(), config.author(), config.language(), config.paginate(),
                        config.timezone(), config.permalink(), config.tagPermalink()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "https://me.github.io/blog,       https://me.github.io,      /blog",
            "https://me.github.io/blog/,      https://me.github.io,      /blog",
            "https://me.github.io,            https://me.github.io,      ''",
            "https://me.github.io/,           https://me.github.io,      ''",
            "http://localhost:4000/a/b/,      http://localhost:4000,     /a/b",
            "https://example.com/caf%C3%A9/,  https://example.com,       /caf%C3%A9",
    })
    void splitsBaseUrlIntoOriginAndBasePath(String baseUrl, String origin, String basePath) {
        SiteConfig config = config("base_url: " + baseUrl + "\n");
        assertEquals(origin, config.origin());
        assertEquals(basePath, config.basePath());
    }

    @ParameterizedTest(name = "{0} -> ''{1}''")
    @CsvSource({
            "https://blog.example.com,          blog.example.com",
            "https://blog.example.com/,         blog.example.com",
            "http://Example.COM,                example.com",
            "https://www.example.com.,          www.example.com",
            "https://me.github.io,              ''",
            "https://me.GitHub.io,              ''",
            "https://me.github.io/blog,         ''",
            "https://example.com/blog,          ''",
            "http://localhost,                  ''",
            "http://localhost:4000,             ''",
            "https://example.com:8443,          ''",
            "http://127.0.0.1,                  ''",
            "'http://[::1]',                    ''",
            "'',                                ''",
    })
    void theCustomDomainIsBaseUrlsHostWhenItIsNoGitHubHostAndTheSiteIsAtItsRoot(String baseUrl, String domain) {
        assertEquals(domain, config("base_url: '" + baseUrl + "'\n").customDomain());
    }

    @Test
    void rootUrlJoinsOriginAndBasePath() {
        assertEquals("https://me.github.io/blog", config("base_url: https://me.github.io/blog/\n").rootUrl());
    }

    @Test
    void withBaseUrlServesTheSameSiteElsewhere() {
        SiteConfig config = config("title: T\nbase_url: https://me.github.io/blog\n")
                .withBaseUrl("http://localhost:4000/");
        assertEquals("http://localhost:4000", config.origin());
        assertEquals("", config.basePath());
        assertEquals("T", config.title());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"me.github.io/blog", "/blog", "ftp://me.github.io/", "https://me.github.io/my blog",
            "mailto:me@example.com"})
    void rejectsBadBaseUrlAtItsValue(String baseUrl) {
        Problem p = onlyProblem("title: T\nbase_url: " + baseUrl + "\n");
        assertEquals("site.yml:2:11", place(p));
        assertTrue(p.message().contains("not an absolute URL"), p.message());
    }

    @Test
    void rejectsUnknownTimezoneAtItsValue() {
        Problem p = onlyProblem("title: T\ntimezone: Mars/Olympus\n");
        assertEquals("site.yml:2:11", place(p));
        assertTrue(p.message().contains("unknown timezone 'Mars/Olympus'"), p.message());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0", "-3", "ten", "2.5", "3000000000", "[5]"})
    void rejectsPaginateThatIsNotAPositiveWholeNumber(String value) {
        Problem p = onlyProblem("title: T\npaginate: " + value + "\n");
        assertEquals("site.yml:2:11", place(p));
        assertTrue(p.message().contains("paginate must be a whole number above 0"), p.message());
    }

    @Test
    void readsNav() {
        SiteConfig config = config("nav:\n  - title: Home\n    url: /\n  - {title: Archive, url: /archive/}\n");
        assertEquals(List.of(new SiteConfig.NavLink("Home", "/"), new SiteConfig.NavLink("Archive", "/archive/")),
                config.nav());
    }

    @Test
    void rejectsNavThatIsNotAList() {
        Problem p = onlyProblem("title: T\nnav: home\n");
        assertEquals("site.yml:2:6", place(p));
        assertTrue(p.message().contains("nav must be a list"), p.message());
    }

    @Test
    void rejectsNavEntryWithoutUrlAtTheNavValue() {
        Problem p = onlyProblem("title: T\nnav:\n  - title: Home\n");
        assertEquals("site.yml:3:3", place(p));
        assertTrue(p.message().contains("needs a title and a url"), p.message());
    }

    @Test
    void rejectsTagPermalinkWithoutSlug() {
        Problem p = onlyProblem("tag_permalink: /tags/\n");
        assertEquals("site.yml:1:16", place(p));
        assertTrue(p.message().contains("add :slug"), p.message());
    }

    @Test
    void rejectsAnIncludeOfKilnsOwnFilesInTheOutputFolderAtThatEntry() {
        assertEquals(List.of("site.yml:3:5: include: '.kiln-output' names Kiln's own files in the output folder (.kiln-output,"
                        + " .kiln-staging, .kiln-journal: every name that starts with .kiln-), which a site cannot publish:"
                        + " take it out of include, and rename the file if it is one of the site's",
                        "site.yml:5:5: include: 'assets/.kiln-journal' names Kiln's own files in the output folder"
                        + " (.kiln-output, .kiln-staging, .kiln-journal: every name that starts with .kiln-), which a site"
                        + " cannot publish: take it out of include, and rename the file if it is one of the site's"),
                problems("title: T\ninclude:\n  - .kiln-output\n  - .well-known\n  - assets/.kiln-journal\n").stream()
                        .map(Problem::toString).toList());
        // A one-line list (read without SnakeYAML's parser) places its entries as SnakeYAML does.
        assertEquals(List.of("site.yml:1:24", "site.yml:1:39"), problems("include: [.well-known, .kiln-staging, "
                + "\".kiln-x\"]\n").stream().map(SiteConfigTest::place).toList());
        assertEquals("site.yml:1:11", place(onlyProblem("include: [.git]\n")), "every bad entry, at its place");
        assertEquals(List.of(".well-known", ".kiln"), config("include: [.well-known, .kiln]\n").include());
    }

    @Test
    void rejectsTitleGivenAsList() {
        Problem p = onlyProblem("title: [a, b]\n");
        assertEquals("site.yml:1:8", place(p));
    }

    @Test
    void reportsEveryBadValueTogetherInFileOrder() {
        List<Problem> problems = problems("paginate: 0\ntimezone: Nowhere/Land\nbase_url: blog\n");
        assertEquals(List.of("site.yml:1:11", "site.yml:2:11", "site.yml:3:11"),
                problems.stream().map(SiteConfigTest::place).toList());
    }

    @Test
    void putsUnknownKeysInParamsSorted() {
        SiteConfig config = config("title: T\ntwitter: me\nanalytics: {id: 42}\n");
        assertEquals(Map.of("twitter", "me", "analytics", Map.of("id", 42)), config.params());
        assertEquals(List.of("analytics", "twitter"), List.copyOf(config.params().keySet()));
    }

    @Test
    void keepsKnownKeysOutOfParams() {
        assertEquals(Map.of(), config("title: T\nbase_url: https://x.org\npaginate: 3\nnav: []\n").params());
    }

    @Test
    void theKeysOfAParamsMapAreParamsAsHugosAre() {
        SiteConfig config = config("title: T\ntwitter: me\nparams:\n  mastodon: '@me'\n  social: {gh: me}\n");
        assertEquals(Map.of("twitter", "me", "mastodon", "@me", "social", Map.of("gh", "me")), config.params());
        assertEquals(Map.of("params", 3), config("params: 3\n").params(), "a params that is no map is a value");
    }

    @Test
    void aParamGivenAtTheTopAndUnderParamsIsAProblemAtTheTopOne() {
        Problem p = onlyProblem("twitter: me\nparams:\n  twitter: you\n");
        assertEquals("site.yml:1:1: 'twitter' is given twice: here and under params: (line 2), both site.params.twitter:"
                + " keep one", p.toString());
    }
}
