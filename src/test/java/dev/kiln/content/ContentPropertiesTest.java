package dev.kiln.content;

import dev.kiln.config.SiteConfig;
import dev.kiln.error.Problem;
import dev.kiln.error.SiteException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property tests of what turns a source file into a place on disk: front matter splitting, slugs and
 * permalinks. For any text, each either gives a result or throws a {@link SiteException} whose problems
 * name the file and say something; nothing else escapes. And every output path it gives stays inside the
 * destination: relative, no {@code ..} or {@code .} segment, no empty segment, no backslash, no NUL or
 * other control character, and valid as a file name (at most 255 bytes a segment, no lone surrogate).
 * Inputs lean towards YAML and URL syntax, not only random Unicode.
 */
class ContentPropertiesTest {

    private static final String POST = "content/posts/2020-01-02-post.md";
    private static final Path DEST = Path.of("/dest/site");
    private static final Duration PER_INPUT = Duration.ofSeconds(5);

    // ---- generators ----

    /** Pieces of paths and permalinks, the nasty ones often. */
    private static Arbitrary<String> pathPiece() {
        return Arbitraries.oneOf(
                Arbitraries.of("..", ".", "", "/", "//", "\\", "\\..\\", "%2e%2e", "%2E%2E%2F", "..%2f", "%00", "\u0000",
                        "\u0001", "\u007f", "\n", "\t", " ", "?", "#", "~", ":", "C:", "C:\\", "a", "post", "index", "x.html",
                        ".md", "\u00e9", "\u0130", "\ud83d\ude00", "\ud800", "\udfff", "\u202e", "\uff0e\uff0e", "\u2024\u2024",
                        ":title", ":slug", ":categories", ":year", ":month", ":day", ":i_month", ":i_day", ":y_day",
                        ":hour", ":output_ext", ":short_year", ":nope", ":titlex", "*", "&", "!", "|", "'", "\"", "<script>",
                        "[", "]", "[x]", "\u00a0", "\u0085", "\u2028", "\u3000", "%", "100%", "%41",
                        "x".repeat(251), "\u00e9".repeat(126), "\u4e00".repeat(90)),
                Arbitraries.strings().ofMaxLength(6),
                Arbitraries.strings().withCharRange('!', '~').ofMaxLength(6));
    }

    private static Arbitrary<String> pathLike() {
        return pathPiece().list().ofMaxSize(8).map(pieces -> String.join("", pieces));
    }

    /** A YAML double-quoted scalar holding {@code s} exactly, escapes and all (so NUL and lone surrogates too). */
    private static String quoted(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || c == 0x85 || c == 0x2028 || c == 0x2029
                    || c == 0xfeff || c >= 0xfffe) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** Values as an author (or a fuzzer) might write them after {@code key: }, unquoted YAML syntax included. */
    private static Arbitrary<String> yamlValue() {
        return Arbitraries.oneOf(
                pathLike().map(ContentPropertiesTest::quoted),
                pathLike().map(s -> "'" + s.replace("'", "''").replace("\n", " ") + "'"),
                Arbitraries.of("", "~", "null", "true", "no", "0", "-1", "1e999", ".nan", "2020-01-01", "2020-13-45",
                        "2020-01-01 10:00:00 +0200", "2020-01-01T25:00:00Z", "[a, b]", "[]", "{}", "{a: 1}", "[a, [b]]",
                        "&x [a]", "*x", "&x a", "!!binary AAAA", "!!int x", "!!python/object:os.system x", "| \n  text",
                        ">\n  folded", "a: b", "- a", "? x", "%YAML 1.1", "@x", "`x`", "'", "\"", "[", "{", "]", "}",
                        ",", "#", " # c", "x\n  y", "\t", "a\u0000b", "\ud800", "-\n  - a\n  - b"),
                Arbitraries.strings().withChars(":-[]{},&*!|>'\"%@#?`~ \n\t.\\/ab1").ofMaxLength(16),
                Arbitraries.strings().ofMaxLength(12));
    }

    private static Arbitrary<String> yamlLine() {
        Arbitrary<String> key = Arbitraries.of("title", "date", "last_modified_at", "tags", "tag", "categories",
                "category", "slug", "permalink", "layout", "draft", "published", "description", "image", "excerpt",
                "toc", "other", "<<", "? [a]", "\"title\"", "", "-");
        return Arbitraries.oneOf(
                Combinators.combine(key, yamlValue()).as((k, v) -> k + ": " + v),
                Combinators.combine(key, yamlValue().list().ofMaxSize(4)).as((k, vs) -> k + ":\n" + vs.stream()
                        .map(v -> "  - " + v.replace("\n", " ")).reduce("", (a, b) -> a + b + "\n")),
                Arbitraries.of("---", "...", "--- ", "# comment", "", "  ", "\t", "---x", "title: a\ntitle: b"),
                Arbitraries.strings().ofMaxLength(20));
    }

    /** Whole source files: front matter (often well fenced, sometimes not), then a body. */
    @Provide
    Arbitrary<String> sourceText() {
        Arbitrary<String> front = yamlLine().list().ofMaxSize(8).map(lines -> String.join("\n", lines));
        Arbitrary<String> open = Arbitraries.of("---\n", "---\r\n", "--- \n", "---", "", "\ufeff---\n", "----\n", "---\t\n");
        Arbitrary<String> close = Arbitraries.of("\n---\n", "\n---", "\n...\n", "\r\n---\r\n", "\n--- \n", "", "\n----\n",
                "\n---x\n");
        Arbitrary<String> body = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(30),
                Arbitraries.of("", "Body.\n", "---\n", "---\ntitle: x\n---\n"));
        return Combinators.combine(open, front, close, body).as((o, f, c, b) -> o + f + c + b);
    }

    @Provide
    Arbitrary<String> sourcePath() {
        return Arbitraries.oneOf(
                Arbitraries.of(POST, "content/posts/post.md", "content/posts/2020-01-02-.md", "content/about.md",
                        "content/404.md", "content/docs/index.md", "content/index.md", "content/posts/2020-01-02-a b.markdown"),
                pathLike().filter(s -> !s.isEmpty() && s.indexOf('/') < 0 && s.indexOf('\0') < 0)
                        .map(s -> "content/posts/2020-01-02-" + s + ".md"));
    }

    // ---- what every output path must be ----

    /** Fails unless {@code outputPath} names a file inside the destination. */
    static void assertInsideDestination(String outputPath, String what) {
        String where = what + " gave output path '" + outputPath.replace("\0", "\\0") + "'";
        assertFalse(outputPath.isEmpty(), where);
        assertFalse(outputPath.startsWith("/"), where + ": absolute");
        assertFalse(outputPath.contains("\\"), where + ": backslash");
        assertTrue(outputPath.chars().noneMatch(c -> c < 0x20 || c == 0x7f), where + ": control character");
        for (String segment : outputPath.split("/", -1)) {
            assertFalse(segment.isEmpty(), where + ": empty segment");
            assertFalse(segment.equals("..") || segment.equals("."), where + ": '" + segment + "' segment");
            assertTrue(segment.getBytes(StandardCharsets.UTF_8).length <= 255, where + ": a segment over 255 bytes");
        }
        assertTrue(outputPath.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF), where + ": lone surrogate");
        Path file = DEST.resolve(outputPath).normalize();
        assertTrue(file.startsWith(DEST) && !file.equals(DEST), where + ": resolves to " + file);
    }

    /**
     * Fails unless the route's URL is a URL path that the JDK's {@code URI} (which the Markdown and link stages
     * resolve links against) takes whole, as its path only, and that names the route's file.
     */
    static void assertUsableUrl(Route route, String what) {
        String where = what + " gave URL '" + route.url() + "'";
        java.net.URI uri = assertDoesNotThrow(() -> java.net.URI.create("http://site" + route.url()), where);
        assertEquals(route.url(), uri.getRawPath(), where + ": not all of it is the path");
        String path = uri.getPath().substring(1);
        String file = path.isEmpty() || path.endsWith("/") ? path + "index.html"
                : route.outputPath().equals(path + ".html") ? path + ".html" : path;
        assertEquals(route.outputPath(), file, where);
    }

    /** Fails unless {@code e} is a proper report: problems, each in {@code path}, each saying something. */
    private static void assertProper(SiteException e, String path) {
        assertFalse(e.problems().isEmpty(), "a SiteException without problems");
        for (Problem p : e.problems()) {
            assertEquals(path, p.path(), "problem reported in another file: " + p);
            assertTrue(p.line() >= 1 && p.column() >= 1, p.toString());
            assertFalse(p.message().isBlank(), "a problem without a message: " + p);
        }
    }

    /** Runs {@code step} with a time bound; a {@link SiteException} is checked and given back, anything else fails. */
    private static <T> T orProblem(String path, String input, java.util.function.Supplier<T> step) {
        return assertTimeoutPreemptively(PER_INPUT, () -> {
            try {
                return step.get();
            } catch (SiteException e) {
                assertProper(e, path);
                return null;
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("unexpected " + e + " for input:\n" + input, e);
            }
        });
    }

    // ---- properties ----

    @Property(tries = 1000, shrinking = ShrinkingMode.BOUNDED)
    void frontMatterSplittingGivesAPageOrAProblemInThatFile(@ForAll("sourceText") String text,
                                                            @ForAll("sourcePath") String path) {
        PageKind kind = path.startsWith("content/posts/") ? PageKind.POST : PageKind.PAGE;
        DraftPage page = orProblem(path, text, () -> FrontMatterParser.parse(new SourceFile(path, text), kind, ZoneOffset.UTC));
        if (page != null) {
            assertTrue(text.endsWith(page.body()), "the body is the end of the file: " + page.body());
            assertTrue(page.bodyLine() >= 1, "body line " + page.bodyLine());
            assertTrue(page.front().title() != null && page.front().slug() != null, "title and slug are always set");
        }
    }

    @Property(tries = 1000, shrinking = ShrinkingMode.BOUNDED)
    void aPermalinkFromAnyFrontMatterStaysInsideTheDestination(@ForAll("permalinkSource") String text,
                                                              @ForAll("sourcePath") String path) {
        PageKind kind = path.startsWith("content/posts/") ? PageKind.POST : PageKind.PAGE;
        Route route = orProblem(path, text, () -> Permalinks.of(
                FrontMatterParser.parse(new SourceFile(path, text), kind, ZoneOffset.UTC), SiteConfig.defaults()));
        if (route != null) {
            assertInsideDestination(route.outputPath(), "permalink source\n" + text);
            assertTrue(route.url().startsWith("/"), "a URL from the site root: " + route.url());
            assertUsableUrl(route, "permalink source\n" + text);
        }
    }

    /** Front matter that sets a permalink, a slug, categories and a date, each from path-like pieces. */
    @Provide
    Arbitrary<String> permalinkSource() {
        Arbitrary<String> value = Arbitraries.oneOf(pathLike().map(ContentPropertiesTest::quoted), yamlValue());
        Arbitrary<String> permalink = Arbitraries.oneOf(value.map(v -> "permalink: " + v + "\n"), Arbitraries.just(""));
        Arbitrary<String> slug = Arbitraries.oneOf(value.map(v -> "slug: " + v + "\n"), Arbitraries.just(""));
        Arbitrary<String> categories = Arbitraries.oneOf(
                value.list().ofMaxSize(3).map(vs -> "categories: [" + String.join(", ", vs) + "]\n"),
                value.map(v -> "categories: " + v + "\n"), Arbitraries.just(""));
        Arbitrary<String> date = Arbitraries.of("", "date: 2020-01-02\n", "date: 1999-12-31 23:59:59 +1400\n",
                "date: 0001-01-01\n", "date: 9999-12-31\n", "date: \"2020-01-02\"\n", "date: -5\n");
        return Combinators.combine(permalink, slug, categories, date)
                .as((p, s, c, d) -> "---\ntitle: T\n" + p + s + c + d + "---\nBody.\n");
    }

    @Property(tries = 500, shrinking = ShrinkingMode.BOUNDED)
    void aSitePermalinkPatternStaysInsideTheDestinationForEveryPost(@ForAll("pattern") String pattern,
                                                                   @ForAll("permalinkSource") String text) {
        SiteConfig config = orProblem("site.yml", pattern, () -> SiteConfigReader.read(
                new YamlDocument(Map.of("permalink", pattern), Map.of())));
        if (config == null) {
            return;
        }
        Route route = orProblem(POST, pattern + "\n" + text, () -> Permalinks.of(
                FrontMatterParser.parse(new SourceFile(POST, text), PageKind.POST, ZoneOffset.UTC), config));
        if (route != null) {
            assertInsideDestination(route.outputPath(), "pattern '" + pattern + "' with\n" + text);
            assertUsableUrl(route, "pattern '" + pattern + "' with\n" + text);
        }
    }

    @Provide
    Arbitrary<String> pattern() {
        return Arbitraries.oneOf(pathLike(), Arbitraries.of("date", "pretty", "ordinal", "none", "/:year/:month/:day/:slug/",
                "/:categories/:title:output_ext", "/:nope/", "", "/", ":title", "../:title", "/:title/..", "\\:title"));
    }

    @Property(tries = 1000)
    void aSlugIsOneSafeNonEmptySegmentAndItsOwnSlug(@ForAll("tagName") String text) {
        String slug = assertTimeoutPreemptively(PER_INPUT, () -> Slugs.of(text));
        assertFalse(slug.isEmpty(), "empty slug for '" + text + "'");
        assertFalse(slug.contains("/") || slug.contains("\\"), slug);
        assertFalse(slug.equals(".") || slug.equals(".."), slug);
        assertTrue(slug.chars().noneMatch(c -> c < 0x20 || c == 0x7f || Character.isWhitespace(c)), "'" + slug + "'");
        assertEquals(slug, Slugs.of(slug), "a slug's slug is itself, so a slug-named tag finds its page");
        assertInsideDestination(Route.ofPath("/tags/" + slug + "/").outputPath(), "tag '" + text + "'");
    }

    @Provide
    Arbitrary<String> tagName() {
        return Arbitraries.oneOf(pathLike(), Arbitraries.strings().ofMaxLength(40),
                Arbitraries.of("C++", "C#", "++", "#", "İstanbul", "ǅ", "ﬁ", "Straße", "ΣΑΣ", "e\u0301", "\u0301",
                        "x-2b2b", "..", "<script>", "a/b", "\u00a0", "\u200b", "\ud800", "\u0130\u0307"),
                Arbitraries.strings().withChars("+#-_. /\\\u0301\u0307İıaA1").ofMaxLength(12));
    }

    @Property(tries = 200)
    void aLongTagStillGivesAUsableFileName(@ForAll("longTag") String tag) {
        assertInsideDestination(Route.ofPath("/tags/" + Slugs.of(tag) + "/").outputPath(), "a tag of " + tag.length() + " chars");
    }

    @Provide
    Arbitrary<String> longTag() {
        return Arbitraries.oneOf(Arbitraries.strings().alpha().ofMinLength(100).ofMaxLength(2000),
                Arbitraries.strings().withChars("+#!").ofMinLength(100).ofMaxLength(400),
                Arbitraries.strings().withCharRange('\u4e00', '\u9fff').ofMinLength(60).ofMaxLength(400));
    }

    // ---- what the properties found, as examples ----

    private static Problem problemOf(String text) {
        SiteException e = org.junit.jupiter.api.Assertions.assertThrows(SiteException.class, () -> Permalinks.of(
                FrontMatterParser.parse(new SourceFile(POST, text), PageKind.POST, ZoneOffset.UTC), SiteConfig.defaults()));
        assertProper(e, POST);
        return e.problems().get(0);
    }

    @Example
    void aPermalinkHoldingHalfASurrogatePairIsAProblemAtItsLine() {
        Problem p = problemOf("---\ntitle: T\npermalink: \"/a\\ud800/\"\n---\nBody.\n");
        assertEquals(3, p.line(), p.toString());
        assertTrue(p.message().contains("surrogate"), p.toString());
    }

    @Example
    void aPermalinkTooLongForAFileNameIsAProblemAtItsLine() {
        Problem p = problemOf("---\ntitle: T\npermalink: /" + "a".repeat(252) + "\n---\nBody.\n");
        assertEquals(3, p.line(), p.toString());
        assertTrue(p.message().contains("longer than 255 bytes"), p.toString());
    }

    @Example
    void longTagsThatStartAlikeKeepTwoPagesWithFileNames() {
        String a = Slugs.of("Kiln ".repeat(80) + "one");
        String b = Slugs.of("Kiln ".repeat(80) + "two");
        assertFalse(a.equals(b), a);
        assertTrue(a.startsWith("kiln-kiln-") && a.getBytes(StandardCharsets.UTF_8).length <= Slugs.MAX_BYTES, a);
        assertEquals(a, Slugs.of(a));
        assertEquals("c-plus-plus", Slugs.of("C++"), "short slugs are as they were");
    }

    @Example
    void anEmptyTagHasASlugThatIsItsOwnSlug() {
        assertEquals("x", Slugs.of(""));
    }
}
