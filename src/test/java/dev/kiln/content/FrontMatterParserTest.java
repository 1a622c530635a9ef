package dev.kiln.content;

import dev.kiln.error.Problem;
import dev.kiln.error.SiteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrontMatterParserTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String POST = "content/posts/2018-03-15-what-i-learned.md";

    private static DraftPage post(String text) {
        return parse(POST, PageKind.POST, text, UTC);
    }

    private static DraftPage parse(String path, PageKind kind, String text, ZoneId zone) {
        return FrontMatterParser.parse(new SourceFile(path, text), kind, zone);
    }

    private static List<Problem> problems(String path, PageKind kind, String text) {
        return assertThrows(SiteException.class, () -> parse(path, kind, text, UTC)).problems();
    }

    private static Problem onlyProblem(String text) {
        List<Problem> problems = problems(POST, PageKind.POST, text);
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    private static String place(Problem p) {
        return p.path() + ":" + p.line() + ":" + p.column();
    }

    // --- keys of the contract ---

    @Test
    void readsTitle() {
        assertEquals("Lambda notes", post("---\ntitle: Lambda notes\n---\n").front().title());
    }

    @Test
    void derivesTitleFromFileSlugWhenMissing() {
        assertEquals("What I Learned", post("---\ntags: aws\n---\n").front().title());
    }

    @Test
    void derivesTitleFromFileSlugWhenTitleIsEmpty() {
        assertEquals("What I Learned", post("---\ntitle:\n---\n").front().title());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2018-03-15,                 2018-03-15T00:00",
            "'2018-03-15 10:00:00',      2018-03-15T10:00",
            "2018-03-15T10:00:00+02:00,  2018-03-15T09:00",
            "'2018-03-15 10:00:00 +0200', 2018-03-15T09:00",
            "'2018-03-15 10:00:00 UTC',  2018-03-15T11:00",
            "'2018-03-15 10:00:00 EST',  2018-03-15T16:00",
            "'Thu, 15 Mar 2018 10:00:00 +0000', 2018-03-15T11:00",
    })
    void readsEveryDateFormInTheSiteTimezone(String written, String berlinTime) {
        ZonedDateTime date = parse(POST, PageKind.POST, "---\ndate: " + written + "\n---\n", BERLIN).front().date();
        assertEquals(LocalDateTime.parse(berlinTime).atZone(BERLIN), date);
    }

    @Test
    void readsDateWithoutOffsetInTheSiteTimezone() {
        ZoneId newYork = ZoneId.of("America/New_York");
        ZonedDateTime date = parse(POST, PageKind.POST, "---\ndate: 2018-03-15 10:00:00\n---\n", newYork)
                .front().date();
        assertEquals(ZonedDateTime.of(2018, 3, 15, 10, 0, 0, 0, newYork), date);
    }

    @Test
    void convertsDateWithOffsetToTheSiteTimezone() {
        ZoneId newYork = ZoneId.of("America/New_York");
        ZonedDateTime date = parse(POST, PageKind.POST, "---\ndate: 2018-03-15T10:00:00+02:00\n---\n", newYork)
                .front().date();
        assertEquals(ZonedDateTime.of(2018, 3, 15, 4, 0, 0, 0, newYork), date);
    }

    @Test
    void frontMatterDateBeatsFileNameDate() {
        assertEquals(ZonedDateTime.of(2019, 1, 2, 0, 0, 0, 0, UTC),
                post("---\ndate: 2019-01-02\n---\n").front().date());
    }

    @Test
    void takesDateFromFileNameWhenFrontMatterHasNone() {
        assertEquals(ZonedDateTime.of(2018, 3, 15, 0, 0, 0, 0, BERLIN),
                parse(POST, PageKind.POST, "---\ntitle: T\n---\n", BERLIN).front().date());
    }

    @Test
    void takesDateAndSlugFromAFileNameWithoutLeadingZerosAsJekyllDoes() {
        FrontMatter front = parse("content/posts/2020-1-9-i.md", PageKind.POST, "---\ntitle: I\n---\n", UTC).front();
        assertEquals(ZonedDateTime.of(2020, 1, 9, 0, 0, 0, 0, UTC), front.date());
        assertEquals("i", front.slug());
    }

    @Test
    void rejectsPostWithoutAnyDateNamingTheFile() {
        List<Problem> problems = problems("content/posts/untitled.md", PageKind.POST, "---\ntitle: T\n---\n");
        assertEquals(1, problems.size());
        assertEquals("content/posts/untitled.md:1:1", place(problems.get(0)));
        assertTrue(problems.get(0).message().contains("post has no date"), problems.get(0).message());
        assertTrue(problems.get(0).message().contains("YYYY-MM-DD-untitled.md"), problems.get(0).message());
    }

    @Test
    void acceptsPageWithoutDate() {
        assertNull(parse("content/about.md", PageKind.PAGE, "---\ntitle: About\n---\n", UTC).front().date());
    }

    @Test
    void readsTagsAsList() {
        assertEquals(List.of("aws", "lambda", "serverless"),
                post("---\ntags: ['aws', 'lambda', 'serverless']\n---\n").front().tags());
    }

    @Test
    void readsTagsAsSpaceSeparatedString() {
        assertEquals(List.of("aws", "lambda"), post("---\ntags: aws  lambda\n---\n").front().tags());
    }

    @Test
    void readsATagStringWithACommaAsTagsSeparatedByCommas() {
        // Finding 12 of the s28 new-user test: the tags were java,, Spring, Boot, and travel.
        assertEquals(List.of("java", "Spring Boot", "travel"),
                post("---\ntags: java, Spring Boot, travel\n---\n").front().tags());
        assertEquals(List.of("a", "b c"), post("---\ntags: \"a,b c,\"\n---\n").front().tags());
        assertEquals(List.of("C#", "F#"), post("---\ntag: C#, F#\n---\n").front().tags());
        assertEquals(List.of(), post("---\ntags: ' , '\n---\n").front().tags());
        // Categories keep the split at spaces: they are part of a post's URL (:categories).
        assertEquals(List.of("a,", "b"), post("---\ncategories: a, b\n---\n").front().categories());
    }

    @Test
    void dropsDuplicateTagsKeepingFirstOrder() {
        assertEquals(List.of("aws", "lambda"), post("---\ntags: aws lambda aws\n---\n").front().tags());
    }

    @Test
    void dropsDuplicateTagsInList() {
        assertEquals(List.of("aws", "lambda"), post("---\ntags: [aws, lambda, aws]\n---\n").front().tags());
    }

    @Test
    void readsSingularTagKey() {
        assertEquals(List.of("java"), post("---\ntag: java\n---\n").front().tags());
    }

    @Test
    void hasNoTagsWhenNoneAreGiven() {
        assertEquals(List.of(), post("---\ntitle: T\n---\n").front().tags());
    }

    @Test
    void readsCategoriesAsList() {
        assertEquals(List.of("Tech", "AWS"), post("---\ncategories: [Tech, AWS]\n---\n").front().categories());
    }

    @Test
    void readsCategoriesAsSpaceSeparatedString() {
        assertEquals(List.of("tech", "aws"), post("---\ncategories: tech aws\n---\n").front().categories());
    }

    @Test
    void readsSingularCategoryKey() {
        assertEquals(List.of("tech"), post("---\ncategory: tech\n---\n").front().categories());
    }

    @Test
    void readsDraftTrue() {
        assertTrue(post("---\ndraft: true\n---\n").isDraft());
    }

    @Test
    void postIsNotDraftByDefault() {
        assertFalse(post("---\ntitle: T\n---\n").isDraft());
    }

    @Test
    void readsPublishedFalseAsDraft() {
        DraftPage page = post("---\npublished: false\n---\n");
        assertTrue(page.front().unpublished());
        assertTrue(page.isDraft());
    }

    @Test
    void readsYamlNoAsFalseForDraft() {
        assertFalse(post("---\ndraft: no\n---\n").isDraft());
    }

    @Test
    void readsDescription() {
        assertEquals("Ten lessons", post("---\ndescription: Ten lessons\n---\n").front().description());
    }

    @Test
    void readsImage() {
        assertEquals("/assets/images/lambda.png",
                post("---\nimage: /assets/images/lambda.png\n---\n").front().image());
    }

    @Test
    void anImageWrittenAsJekyllSeoTagsMapIsAProblemSayingToWriteItsPath() {
        Problem p = onlyProblem("---\ntitle: SEO\nimage:\n  path: /assets/img/cover.png\n  alt: A cover\n---\n");
        assertEquals(POST + ":4:3", place(p));
        assertTrue(p.message().contains("write image: /assets/img/cover.png"), p.message());
        assertFalse(p.message().contains("quoted"), p.message());
    }

    @Test
    void aCanonicalUrlThatIsNoAbsoluteUrlIsAProblemAtItsLineSayingWhatToWrite() {
        for (String bad : List.of("dev.to/jane/post", "original.html", "//example.com/a", "ftp://example.com/a",
                "https://")) {
            Problem p = onlyProblem("---\ntitle: A\ncanonical_url: " + bad + "\n---\n");
            assertEquals(POST + ":3:16", place(p), bad);
            assertTrue(p.message().startsWith("canonical_url '" + bad + "' is neither an absolute URL nor a path from "
                    + "the site's root: write"), p.message());
            assertTrue(p.message().contains("canonical_url: https://"), p.message());
        }
        assertEquals("https://dev.to/jane/post", post("---\ncanonical_url: https://dev.to/jane/post\n---\n").front()
                .canonicalUrl());
        // Another page of the same site, as jekyll-seo-tag prints it: made absolute by the layout, as the page's own.
        assertEquals("/2019/05/05/original/", post("---\ncanonical_url: /2019/05/05/original/\n---\n").front()
                .canonicalUrl());
    }

    @Test
    void readsTheAuthorAsJekyllSeoTagDoesAndRefusesOneWithoutAName() {
        assertEquals("Guest", post("---\nauthor: Guest\n---\n").front().author());
        assertEquals("Guest", post("---\nauthor: {name: Guest, email: g@x.org}\n---\n").front().author());
        assertEquals("Guest", post("---\nauthor: [Guest, Other]\n---\n").front().author());
        assertNull(post("---\ntitle: A\n---\n").front().author());
        Problem p = onlyProblem("---\ntitle: A\nauthor:\n  twitter: jane\n---\n");
        assertEquals(POST + ":4:3", place(p));
        assertTrue(p.message().startsWith("author must be the name of the page's author (author: Jane Doe)"),
                p.message());
    }

    @Test
    void readsExcerpt() {
        assertEquals("Short version.", post("---\nexcerpt: Short version.\n---\n").front().excerpt());
    }

    @Test
    void readsPermalink() {
        assertEquals("/my-post/", post("---\npermalink: /my-post/\n---\n").front().permalink());
    }

    @Test
    void readsLayout() {
        assertEquals("post", post("---\nlayout: \"post\"\n---\n").front().layout());
    }

    @Test
    void jekyllsLayoutNullOnAnHtmlPageIsAProblemAtItsValueSayingToTakeTheFrontMatterOut() {
        List<Problem> problems = problems("content/landing.html", PageKind.PAGE,
                "---\ntitle: Landing\nlayout: null\n---\n<!DOCTYPE html>\n<html></html>\n");

        assertEquals(1, problems.size(), problems.toString());
        assertEquals("content/landing.html:3:9: layout: null is Jekyll's way to publish a page as it is, without a "
                + "layout; Kiln lays out every page that has front matter: to publish this file as it is, take its front "
                + "matter out: an .html file under content/ without front matter is copied as it is, at its own path "
                + "(move it to where its permalink points)", problems.get(0).toString());
    }

    @Test
    void noLayoutAsJekyllWritesItOnAMarkdownPageIsAProblemSayingHowToLayItOutBare() {
        for (String none : List.of("none", "false", "", "~", "\"None\"")) {
            List<Problem> problems = problems("content/colophon.md", PageKind.PAGE, "---\ntitle: C\nlayout: " + none
                    + "\n---\nText.\n");
            assertEquals(1, problems.size(), none + ": " + problems);
            assertTrue(problems.get(0).message().endsWith("Kiln lays out every page that has front matter: give it a "
                    + "layout of your own that prints only its text, layouts/bare.peb holding {{ page.content | raw }}, "
                    + "and write layout: bare here"), problems.get(0).toString());
        }
    }

    @Test
    void readsTocTrue() {
        assertEquals(Boolean.TRUE, post("---\ntoc: true\n---\n").front().toc());
    }

    @Test
    void readsTocFalse() {
        assertEquals(Boolean.FALSE, post("---\ntoc: false\n---\n").front().toc());
    }

    @Test
    void readsLoveItsTocMapsEnableAsTocAndKeepsTheMapInParams() {
        // LoveIt's, DoIt's and FixIt's archetypes write toc: {enable: true, auto: false}; Hugo builds it, Kiln stopped.
        DraftPage page = post("---\ntitle: T\ntoc:\n  enable: true\n  auto: false\n---\n");
        assertEquals(Boolean.TRUE, page.front().toc());
        assertEquals(Map.of("enable", true, "auto", false), page.front().params().get("toc"));
        assertEquals(Boolean.FALSE, post("---\ntoc: {enable: false}\n---\n").front().toc());
    }

    @Test
    void rejectsATocThatIsNeitherTrueFalseNorAMapWithEnableShowingItAsWritten() {
        Problem p = onlyProblem("---\ntitle: T\ntoc:\n  auto: false\n  keepStatic: yes\n---\n");
        assertEquals("toc must be true or false, not '{auto: false, keepStatic: true}', a map without a true or false"
                + " enable (read as the toc setting, as LoveIt's toc: {enable: true}): write toc: true (or toc: false),"
                + " or enable: true under toc", p.message());
        assertEquals("toc must be true or false, not 'sidebar': write toc: true to show a table of contents (toc:"
                + " false, or no toc, for none)", onlyProblem("---\ntoc: sidebar\n---\n").message());
        assertTrue(onlyProblem("---\ntoc: {enable: \"true\"}\n---\n").message()
                .startsWith("toc must be true or false, not '{enable: \"true\"}'"));
    }

    @Test
    void leavesTocUnsetWhenAbsent() {
        assertNull(post("---\ntitle: T\n---\n").front().toc());
    }

    @Test
    void takesSlugFromFileName() {
        assertEquals("what-i-learned", post("---\ntitle: T\n---\n").front().slug());
    }

    @Test
    void slugKeyOverridesFileSlug() {
        assertEquals("lambda", post("---\nslug: lambda\n---\n").front().slug());
    }

    @Test
    void passesUnknownKeysToParams() {
        Map<String, Object> params = post("---\ntitle: T\nseries: lambda\nparts: [1, 2]\n---\n").front().params();
        assertEquals(Map.of("series", "lambda", "parts", List.of(1, 2)), params);
    }

    @Test
    void keepsKnownKeysOutOfParams() {
        assertEquals(Map.of(), post("---\ntitle: T\ndate: 2018-03-15\ntags: a\ndraft: false\ntoc: true\n---\n")
                .front().params());
    }

    // --- body and line numbers ---

    @Test
    void bodyStartsOnTheLineAfterTheClosingFence() {
        DraftPage page = post("---\ntitle: T\ntags: a\n---\nHello\n\nWorld\n");
        assertEquals("Hello\n\nWorld\n", page.body());
        assertEquals(5, page.bodyLine());
    }

    @Test
    void acceptsDotsAsClosingFence() {
        DraftPage page = post("---\ntitle: T\n...\nHello\n");
        assertEquals("T", page.front().title());
        assertEquals("Hello\n", page.body());
        assertEquals(4, page.bodyLine());
    }

    @Test
    void readsCrlfFile() {
        DraftPage page = post("---\r\ntitle: T\r\ntags: a b\r\n---\r\nHello\r\n");
        assertEquals("T", page.front().title());
        assertEquals(List.of("a", "b"), page.front().tags());
        assertEquals("Hello\r\n", page.body());
        assertEquals(5, page.bodyLine());
    }

    @Test
    void reportsErrorInCrlfFileAtItsFileLine() {
        Problem p = onlyProblem("---\r\ntitle: T\r\ndate: nope\r\n---\r\nHello\r\n");
        assertEquals(POST + ":3:7", place(p));
    }

    @Test
    void readsFileWithoutFrontMatterAsBodyOnly() {
        DraftPage page = post("Just text.\n");
        assertEquals("Just text.\n", page.body());
        assertEquals(1, page.bodyLine());
        assertEquals("What I Learned", page.front().title());
    }

    @Test
    void readsEmptyFrontMatter() {
        DraftPage page = post("---\n---\nHello\n");
        assertEquals("Hello\n", page.body());
        assertEquals(3, page.bodyLine());
        assertEquals("What I Learned", page.front().title());
        assertEquals(Map.of(), page.front().params());
    }

    @Test
    void recordsPositionOfEachValue() {
        FrontMatter front = post("---\ntitle: T\npermalink: /x/\n---\n").front();
        assertEquals(3, front.at("permalink").line());
        assertEquals(12, front.at("permalink").column());
    }

    // --- errors at exact positions ---

    @Test
    void rejectsUnquotedColonInValueAtTheColon() {
        Problem p = onlyProblem("---\ntitle: Java: the good parts\n---\n");
        assertEquals(POST + ":2:12", place(p));
        assertTrue(p.message().contains("must be quoted"), p.message());
    }

    @Test
    void rejectsAKeyIndentedUnderAPlainValueSayingTheIndentationIsWrong() {
        Problem p = onlyProblem("---\ntitle: My trip\ndate: 2026-12-07 09:17:12 +0000\n  tags: travel\n---\n");
        assertEquals(POST + ":4:7", place(p));
        assertTrue(p.message().endsWith("mapping values are not allowed here: this line is indented, so YAML reads it"
                + " as more of the value above it, not as a key: start tags: at the line's start (or, if a map was"
                + " meant, leave its key above without a value, like author: with name: Ann indented on the next"
                + " line)"), p.message());
        assertFalse(p.message().contains("quoted"), p.message());
    }

    @Test
    void aKeyIndentedFurtherThanTheKeyAboveItInAMapIsToldToLineUpWithIt() {
        // "Start it at the line's start" would make email a top-level key, no longer the author's.
        Problem p = onlyProblem("---\ntitle: T\nauthor:\n  name: Ann\n    email: a@b.c\n---\n");
        assertEquals(POST + ":5:10", place(p));
        assertTrue(p.message().endsWith("this line is indented further than the key above it, so YAML reads it as"
                + " more of that key's value, not as a key: indent email: as the key above it, 2 spaces in (or, if a"
                + " map was meant, leave the key above without a value)"), p.message());
    }

    @Test
    void keepsTheQuotingHintForAnIndentedValueHoldingAColon() {
        Problem p = onlyProblem("---\nauthor:\n  name: Ann: Smith\n---\n");
        assertEquals(POST + ":3:12", place(p));
        assertTrue(p.message().contains("a value holding ': ' must be quoted"), p.message());
    }

    @Test
    void rejectsBadDateAtItsValue() {
        Problem p = onlyProblem("---\ntitle: T\ndate: nope\n---\n");
        assertEquals(POST + ":3:7", place(p));
        assertTrue(p.message().contains("'nope' is not a date"), p.message());
    }

    @Test
    void rejectsADayThatDoesNotExistSayingSo() {
        Problem p = onlyProblem("---\ntitle: T\ndate: 2018-02-30\n---\n");
        assertEquals(POST + ":3:7", place(p));
        assertTrue(p.message().contains("is not a date (February 2018 has no day 30): write date: 2018-03-15"),
                p.message());
    }

    @Test
    void rejectsADateInAZoneKilnDoesNotKnowAtItsValue() {
        Problem p = onlyProblem("---\ntitle: T\ndate: 2016-03-14 13:30:00 XYZ\n---\n");
        assertEquals(POST + ":3:7", place(p));
        assertTrue(p.message().contains("'2016-03-14 13:30:00 XYZ' is not a date"), p.message());
    }

    @Test
    void rejectsImpossibleCalendarDate() {
        Problem p = onlyProblem("---\ndate: 2018-02-30\n---\n");
        assertEquals(POST + ":2:7", place(p));
    }

    @Test
    void rejectsDraftMaybeAtItsValue() {
        Problem p = onlyProblem("---\ndraft: maybe\n---\n");
        assertEquals(POST + ":2:8", place(p));
        assertTrue(p.message().contains("true or false"), p.message());
    }

    @Test
    void readsSitemapFalseAsJekyllSitemapDoesAndKeepsItOutOfParams() {
        FrontMatter front = post("---\ntitle: T\nsitemap: false\n---\n").front();
        assertFalse(front.sitemap());
        assertEquals(Map.of(), front.params());
        assertTrue(post("---\ntitle: T\n---\n").front().sitemap());
        assertTrue(post("---\nsitemap: true\n---\n").front().sitemap());
    }

    @Test
    void rejectsASitemapThatIsNoBooleanAtItsValue() {
        Problem p = onlyProblem("---\ntitle: T\nsitemap: never\n---\n");
        assertEquals(POST + ":3:10", place(p));
        assertEquals("sitemap must be true or false, not 'never': write sitemap: false to leave this page out of "
                + "sitemap.xml, or remove the key", p.message());
        Problem quoted = onlyProblem("---\nsitemap: \"false\"\n---\n");
        assertEquals(POST + ":2:10", place(quoted));
        assertTrue(quoted.message().endsWith("a text in quotes: write it without them (sitemap: false)"),
                quoted.message());
        assertEquals(POST + ":2:10", place(onlyProblem("---\nsitemap: [a]\n---\n")));
    }

    @Test
    void readsHugosAndTheJekyllTemplatesSitemapSettings() {
        // Hugo 0.125's sitemap: {disable: true}; David Ensinger's hand-written Jekyll sitemap.xml's exclude: 'yes'.
        assertFalse(post("---\nsitemap:\n  disable: true\n---\n").front().sitemap());
        assertFalse(post("---\nsitemap:\n  lastmod: 2014-01-23\n  exclude: 'yes'\n---\n").front().sitemap());
        assertTrue(post("---\nsitemap:\n  changefreq: weekly\n  priority: 0.8\n---\n").front().sitemap());
    }

    @Test
    void rejectsDuplicateKeyAtItsSecondUse() {
        Problem p = onlyProblem("---\ntitle: A\ntitle: B\n---\n");
        assertEquals(POST + ":3:1", place(p));
        assertTrue(p.message().contains("'title' appears twice"), p.message());
    }

    @Test
    void aDuplicateKeySaysWhichValueHugoAndJekyllUsedTheLast() {
        // PaperMod's sample front matter, copied by many PaperMod blogs: Hugo built it with the last value.
        Problem p = onlyProblem("---\ntitle: T\ndisableHLJS: true # to disable highlightjs\ndisableShare: false\n"
                + "disableHLJS: false\n---\n");
        assertEquals(POST + ":5:1", place(p));
        assertEquals("key 'disableHLJS' appears twice (lines 3 and 5): Hugo and Jekyll used the last one, "
                + "disableHLJS: false on line 5, so keep that one and remove the other", p.message());
        Problem thrice = onlyProblem("---\ntags: [a]\ntags: [b]\ntitle: T\ntags:\n  - c\n---\n");
        assertEquals(POST + ":3:1", place(thrice));
        assertEquals("key 'tags' appears 3 times (lines 2, 3 and 5): Hugo and Jekyll used the last one, on line 5,"
                + " so keep that one and remove the others", thrice.message());
    }

    @Test
    void rejectsTopLevelListInsteadOfMapping() {
        Problem p = onlyProblem("---\n- a\n- b\n---\n");
        assertEquals(POST + ":2:1", place(p));
        assertTrue(p.message().contains("'key: value'"), p.message());
    }

    @Test
    void rejectsUnclosedFrontMatter() {
        Problem p = onlyProblem("---\ntitle: T\n\nHello\n");
        assertEquals(POST + ":1:1", place(p));
        assertTrue(p.message().contains("not closed"), p.message());
    }

    @Test
    void rejectsTagsGivenAsMapAtTheirValue() {
        Problem p = onlyProblem("---\ntitle: T\ntags: {aws: 1}\n---\n");
        assertEquals(POST + ":3:7", place(p));
        assertTrue(p.message().contains("tags must be a list of words"), p.message());
    }

    @Test
    void rejectsTitleGivenAsList() {
        Problem p = onlyProblem("---\ntitle: [a, b]\n---\n");
        assertEquals(POST + ":2:8", place(p));
    }

    @Test
    void reportsEveryBadValueOfTheFileTogether() {
        List<Problem> problems = problems(POST, PageKind.POST, "---\ndraft: maybe\ndate: nope\n---\n");
        assertEquals(List.of(POST + ":2:8", POST + ":3:7"), problems.stream().map(FrontMatterParserTest::place).toList());
    }

    @Test
    void refusesAliasBombInFrontMatter() {
        StringBuilder yaml = new StringBuilder("---\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            String prev = String.valueOf((char) (c - 1));
            yaml.append(c).append(": &").append(c).append(" [").append(String.join(", ", List.of(
                    "*" + prev, "*" + prev, "*" + prev, "*" + prev, "*" + prev, "*" + prev, "*" + prev, "*" + prev,
                    "*" + prev))).append("]\n");
        }
        Problem p = onlyProblem(yaml.append("---\n").toString());
        assertEquals(POST, p.path());
        assertTrue(p.message().contains("aliases"), p.message());
    }

    // --- file names ---

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2018-03-15-what-i-learned.md, what-i-learned",
            "2018-03-15-notes.markdown,    notes",
            "about.md,                     about",
            "landing.html,                 landing",
            "2018-03-15.md,                2018-03-15",
    })
    void takesFileSlugFromFileName(String fileName, String slug) {
        assertEquals(slug, FrontMatterParser.fileSlug(fileName));
    }

    @Test
    void titleFromSlugCapitalisesEachWord() {
        assertEquals("Hello Big World", FrontMatterParser.titleFromSlug("hello_big-world"));
    }

    // --- Hugo's names ---

    @Test
    void hugosDateKeysAndUrlAreReadInAnyCaseAndAreNoParameters() {
        FrontMatter front = post("---\nLastMod: 2019-01-02\npublishdate: 2018-04-01\nExpiryDate: 2030-01-01\n"
                + "url: /x/\nother: 1\n---\n").front();

        assertEquals(ZonedDateTime.parse("2019-01-02T00:00Z[UTC]"), front.lastModified());
        assertEquals(ZonedDateTime.parse("2018-04-01T00:00Z[UTC]"), front.publishDate());
        assertEquals(ZonedDateTime.parse("2030-01-01T00:00Z[UTC]"), front.expiryDate());
        assertEquals("/x/", front.permalink());
        assertEquals("url", front.permalinkKey());
        assertEquals(new dev.kiln.error.Position(5, 6), front.at("permalink"));
        assertEquals(Map.of("other", 1), front.params());
        assertEquals(ZonedDateTime.parse("2018-03-15T00:00Z[UTC]"), front.date(), "the file name's date first");
    }

    @Test
    void everyKeyKilnReadsIsReadInAnyCaseAsHugoReadsThem() {
        FrontMatter front = parse("content/posts/cap.md", PageKind.POST, "---\nTitle: Secret draft\nDate: 2023-05-01\n"
                + "Tags: [go]\nDraft: true\nSLUG: s\nMyParam: 1\n---\nnot ready\n", UTC).front();

        assertEquals("Secret draft", front.title());
        assertEquals(ZonedDateTime.parse("2023-05-01T00:00Z[UTC]"), front.date());
        assertEquals(List.of("go"), front.tags());
        assertTrue(front.draft());
        assertEquals("s", front.slug());
        assertTrue(front.has("title"));
        assertEquals(new dev.kiln.error.Position(3, 7), front.at("date"));
        assertEquals(Map.of("MyParam", 1), front.params(), "the site's own keys keep their case");
    }

    @Test
    void aKeyGivenInTwoCasesIsAnErrorAtTheSecond() {
        Problem p = onlyProblem("---\ntitle: A\nTitle: B\n---\n");

        assertEquals(POST + ":3:1", place(p));
        assertEquals("Title and title are one key, title, as Hugo and Kiln read front matter keys in any case: "
                + "keep one", p.message());
    }

    @Test
    void aBadValueOfACapitalisedKeyIsReportedWhereItStands() {
        Problem p = onlyProblem("---\nDate: 2018-02-30\n---\n");

        assertEquals(POST + ":2:7", place(p));
    }

    @Test
    void aBadPublishDateIsReadWithTheErrorsOfDate() {
        Problem p = onlyProblem("---\npublishDate: 2018-02-30\n---\n");

        assertEquals(POST + ":2:14", place(p));
        assertEquals("'2018-02-30' is not a date (February 2018 has no day 30): write publishDate: 2018-03-15 or "
                + "publishDate: 2018-03-15 10:00:00 +02:00", p.message());
    }

    @Test
    void tomlFrontMatterWithCarriageReturnsIsAnErrorToo() {
        List<Problem> problems = problems("content/a.md", PageKind.PAGE, "+++\r\ntitle = 'A'\r\n+++\r\nText\r\n");

        assertEquals(List.of("content/a.md:1:1: TOML front matter (between +++ lines) is not read by Kiln: replace it, "
                + "+++ lines and all, with this YAML (hugo convert toYAML --unsafe, run in the Hugo site, converts every "
                + "file of it so):\n---\ntitle: 'A'\n---"), problems.stream().map(Problem::toString).toList());
    }
}
