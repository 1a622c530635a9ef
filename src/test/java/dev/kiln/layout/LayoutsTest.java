package dev.kiln.layout;

import dev.kiln.error.Problem;
import dev.kiln.error.SiteException;
import dev.kiln.output.SiteOutput;
import dev.kiln.testing.Fixtures;
import dev.kiln.testing.Kiln;
import dev.kiln.testing.SiteChecks;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Layouts as a site author meets them: own or built-in, errors at their line, escaping, filters, month names. */
class LayoutsTest {

    private static final String POST = "content/posts/2020-03-15-hello.md";
    private static final String POST_PAGE = "2020/03/15/hello/index.html";

    @TempDir
    Path site;

    @TempDir
    Path out;

    // ---- own layouts and the built-in theme ----

    @Test
    void aSitesOwnLayoutWinsOverTheBuiltInTheme() throws IOException {
        write(POST, "---\ntitle: Hello\n---\nBody.\n");
        write("layouts/post.peb", "<!DOCTYPE html>\n<html><head><title>{{ page.title }}</title></head>\n"
                + "<body><p id=\"own\">my own post layout</p>{{ page.content | raw }}</body></html>\n");
        write("layouts/home.peb", "<!DOCTYPE html>\n<html><head><title>home</title></head>\n"
                + "<body><p id=\"own\">my own home layout</p></body></html>\n");

        SiteOutput out = build();

        Document post = SiteChecks.page(out, POST_PAGE);
        assertEquals("my own post layout", post.getElementById("own").text());
        assertTrue(post.select("header.site-header").isEmpty(), "nothing of the built-in theme");
        assertEquals("my own home layout", SiteChecks.page(out, "index.html").getElementById("own").text());
        assertNull(out.get("assets/css/main.css"), "a site with its own layouts gets no theme stylesheet");
    }

    @Test
    void editorsLeftoversBesideTheLayoutsArePassedOverAndALayoutThatIsNotUtf8IsAProblemAtItsPath() throws IOException {
        write(POST, "---\ntitle: Hello\n---\nBody.\n");
        write("layouts/post.peb", "<!DOCTYPE html>\n<html><head><title>{{ page.title }}</title></head>\n"
                + "<body><p id=\"own\">my own post layout</p>{{ page.content | raw }}</body></html>\n");
        // vim's swap file of the layout it edits, a backup, and a hidden layout: binary, or not the site's.
        Files.write(site.resolve("layouts/.post.peb.swp"), new byte[] {'b', '0', 'V', 'I', 'M', 0, (byte) 0xff, (byte) 0xfe});
        Files.write(site.resolve("layouts/post.peb~"), new byte[] {(byte) 0xc3, (byte) 0x28});
        write("layouts/.draft.peb", "{{ nope }}");

        SiteOutput out = build();

        assertEquals("my own post layout", SiteChecks.page(out, POST_PAGE).getElementById("own").text());

        Files.write(site.resolve("layouts/home.peb"), new byte[] {'<', 'p', '>', (byte) 0xe9, '<', '/', 'p', '>'});
        SiteException e = assertThrows(SiteException.class, this::build);
        assertEquals(List.of("layouts/home.peb:1:4: byte 0xE9 is not UTF-8 text (Latin-1 or Windows-1252?): save the file as UTF-8"),
                e.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void aSiteWithOnlySomeLayoutsTakesTheOthersFromTheBuiltInTheme() throws IOException {
        write(POST, "---\ntitle: Hello\n---\nBody.\n");
        write("content/about.md", "---\ntitle: About me\n---\nAbout.\n");
        write("layouts/post.peb", "<!DOCTYPE html>\n<html><head><title>{{ page.title }}</title></head>\n"
                + "<body><p id=\"own\">my own post layout</p>{{ page.content | raw }}</body></html>\n");

        SiteOutput out = build();

        assertEquals("my own post layout", SiteChecks.page(out, POST_PAGE).getElementById("own").text());
        Document about = SiteChecks.page(out, "about/index.html");
        assertNotNull(about.selectFirst("header.site-header"), "the page layout comes from the theme");
        assertNotNull(out.get("assets/css/main.css"), "so does the stylesheet its layouts link to");
    }

    @Test
    void aSiteWithoutLayoutsUsesTheBuiltInThemeAndGetsItsStylesheet() throws IOException {
        write(POST, "---\ntitle: Hello\ntags: [kiln]\n---\nBody.\n");

        SiteOutput out = build();

        Document post = SiteChecks.page(out, POST_PAGE);
        assertEquals("Hello", post.selectFirst("h1.post-title").text());
        assertNotNull(post.selectFirst("header.site-header"));
        assertNotNull(post.selectFirst("link[rel=stylesheet][href=/assets/css/main.css]"));
        assertArrayEquals(Files.readAllBytes(Path.of("assets/css/main.css")), out.get("assets/css/main.css"),
                "the theme's stylesheet is this repository's own");
        // An icon of its own, so that a browser asks for no /favicon.ico that is not there (a 404 in its console).
        assertNotNull(post.selectFirst("link[rel=icon][href=/assets/favicon.svg]"));
        assertArrayEquals(Files.readAllBytes(Path.of("assets/favicon.svg")), out.get("assets/favicon.svg"));
        assertEquals(List.of(), SiteChecks.brokenLinks(out, ""));
    }

    @Test
    void aSiteLayoutThatExtendsTheThemesBaseGetsTheThemesStylesheetAndIcon() throws IOException {
        write(POST, "---\ntitle: Hello\n---\nBody.\n");
        write("layouts/post.peb", "{% extends \"base\" %}{% block content %}<p id=\"own\">mine</p>"
                + "{{ page.content | raw }}{% endblock %}\n");
        write("layouts/home.peb", "<!DOCTYPE html>\n<html lang=\"en\"><head><title>home</title></head>\n"
                + "<body><p>my own home layout</p></body></html>\n");

        SiteOutput out = build();

        Document post = SiteChecks.page(out, POST_PAGE);
        assertEquals("mine", post.getElementById("own").text());
        assertNotNull(post.selectFirst("link[rel=stylesheet][href=/assets/css/main.css]"), "the theme's base links it");
        assertNotNull(out.get("assets/css/main.css"), "so it is written");
        assertNotNull(out.get("assets/favicon.svg"));
        assertEquals(List.of(), SiteChecks.brokenLinks(out, ""));
    }

    @Test
    void aSitesOwnStylesheetWinsOverTheThemes() throws IOException {
        write(POST, "---\ntitle: Hello\n---\nBody.\n");
        write("assets/css/main.css", "body { color: hotpink; }\n");

        SiteOutput out = build();

        assertEquals("body { color: hotpink; }\n", new String(out.get("assets/css/main.css"), StandardCharsets.UTF_8));
    }

    // ---- errors ----

    @Test
    void aPebbleSyntaxErrorIsReportedAtItsLayoutAndLine() throws IOException {
        write(POST, "---\ntitle: Hello\n---\nBody.\n");
        writeOwnLayouts();
        write("layouts/post.peb", "<!DOCTYPE html>\n<html>\n<body>\n{% if page.title %}\n<h1>{{ page.title }</h1>\n"
                + "</body></html>\n");

        // At the } that closes nothing: Pebble gives the line only.
        assertEquals("layouts/post.peb:5:19: layout error: Unexpected \"}\": check that every {{ }}, {% %} and {# #} on "
                + "this line is closed and spelled as Pebble wants", onlyProblem().toString());

        // At the }} that came too soon: a line of its own, as Pebble stops at the first token it did not expect.
        write("layouts/post.peb", "<!DOCTYPE html>\n<html>\n<body>\n<p>{{ page.title }}</p>\n<h1>{{ page.title + }}</h1>\n"
                + "</body></html>\n");
        assertEquals("layouts/post.peb:5:21: layout error: Unexpected token \"PRINT_END\" of value \"}}\": check that every "
                + "{{ }}, {% %} and {# #} on this line is closed and spelled as Pebble wants", onlyProblem().toString());
    }

    @Test
    void anIfNeverClosedIsReportedWhereItOpensNotAtTheEndblockWherePebbleNoticed() throws IOException {
        write(POST, "---\ntitle: Hello\n---\nBody.\n");
        writeOwnLayouts();
        writeBaseWithABlock();
        write("layouts/post.peb", "{% extends \"base\" %}\n{% block content %}\n  {% if page.title is not empty %}\n"
                + "<h1>{{ page.title }}</h1>\n{# {% if x %} in a comment #}\n{% endblock %}\n");

        assertEquals("layouts/post.peb:3:3: layout error: {% if %} is never closed: add {% endif %} before the "
                + "{% endblock %} of line 6", onlyProblem().toString());
    }

    @Test
    void aForNeverClosedAtTheEndOfALayoutIsReportedWhereItOpens() throws IOException {
        write(POST, "---\ntitle: Hello\n---\nBody.\n");
        writeOwnLayouts();
        write("layouts/post.peb", "<!DOCTYPE html>\n<html><body>\n<ul>{% for tag in page.tags %}<li>{{ tag }}</li>\n"
                + "</ul></body></html>\n");

        assertEquals("layouts/post.peb:3:5: layout error: {% for %} is never closed: add {% endfor %} where it "
                + "should end", onlyProblem().toString());
    }

    @Test
    void aMissingEndblockIsReportedAtItsBlockWithTheTagToAddNotPebblesSentenceWithoutItsNumber() throws IOException {
        write(POST, "---\ntitle: Hello\ndate: 2023-01-01\n---\nx\n");
        writeOwnLayouts();
        write("layouts/base.peb", "<html><body>{% block content %}{% endblock %}</body></html>\n");
        write("layouts/post.peb", "{% extends \"base\" %}\n{% block content %}\n<h1>{{ page.title }}</h1>\n"
                + "{{ page.content | raw }}\n");

        assertEquals("layouts/post.peb:2:1: layout error: {% block %} is never closed: add {% endblock %} where it "
                + "should end", onlyProblem().toString());
    }

    @Test
    void everyPairedTagOfPebbleLeftOpenAtTheEndOfALayoutIsReportedWhereItOpens() throws IOException {
        write(POST, "---\ntitle: Hello\n---\nBody.\n");
        writeOwnLayouts();
        // Pebble threw an IndexOutOfBoundsException for the first five ("Index 15 out of bounds for length 15").
        for (String tag : List.of("macro m()", "filter upper", "autoescape", "cache \"a\"", "parallel", "embed \"base\"",
                "verbatim", "block b")) {
            write("layouts/post.peb", "<html>\n<body>\n  {% " + tag + " %}\n<h1>{{ page.title }}</h1>\n</body></html>\n");
            String name = tag.split(" ")[0];

            assertEquals("layouts/post.peb:3:3: layout error: {% " + name + " %} is never closed: add {% end" + name
                    + " %} where it should end", onlyProblem().toString(), tag);
        }
    }

    @Test
    void aTagLeftOpenInAnIncludedPartialIsReportedInThePartial() throws IOException {
        write(POST, "---\ntitle: Hello\n---\nBody.\n");
        writeOwnLayouts();
        write("layouts/post.peb", "<html><body>\n{% include \"partials/list\" %}\n</body></html>\n");
        write("layouts/partials/list.peb", "<ul>\n{% filter upper %}<li>{{ page.title }}</li>\n</ul>\n");

        assertEquals("layouts/partials/list.peb:2:1: layout error: {% filter %} is never closed: add {% endfilter %} "
                + "where it should end", onlyProblem().toString());
    }

    @Test
    void anEndTagThatClosesNothingIsReportedAtItself() throws IOException {
        write(POST, "---\ntitle: Hello\n---\nBody.\n");
        writeOwnLayouts();
        write("layouts/post.peb", "<!DOCTYPE html>\n<html><body>\n<h1>{{ page.title }}</h1>\n{% endif %}\n"
                + "</body></html>\n");

        assertEquals("layouts/post.peb:4:1: layout error: {% endif %} closes no {% if %}: remove it, or open the "
                + "{% if %} it should close", onlyProblem().toString());
    }

    private static final String TAGS = "(tags: autoescape, block, cache, embed, extends, filter, flush, for, from, if, "
            + "import, include, macro, parallel, set, verbatim)";

    @Test
    void anUnknownTagInABlockIsReportedAtItsNameNotAsTheBlockNeverClosed() throws IOException {
        write(POST, "---\ntitle: Hello\n---\nBody.\n");
        writeOwnLayouts();
        writeBaseWithABlock();
        // Was "layouts/post.peb:2:1: {% block %} is never closed: add {% endblock %} before the {% endif %} of line 6".
        write("layouts/post.peb", "{% extends \"base\" %}\n{% block content %}\n<article>\n  {% iff page.image is not "
                + "empty %}\n  <img src=\"{{ page.image }}\" alt=\"\">\n{% endif %}\n</article>\n{% endblock %}\n");

        assertEquals("layouts/post.peb:4:6: layout error: there is no tag 'iff': check its spelling " + TAGS,
                onlyProblem().toString());
    }

    @Test
    void anUnknownTagInAnIfOrAtTheTopOfALayoutIsReportedAtItsName() throws IOException {
        write(POST, "---\ntitle: Hello\n---\nBody.\n");
        writeOwnLayouts();
        write("layouts/post.peb", "<!DOCTYPE html>\n<html><body>\n{% if page.title is not empty %}\n<h1>{% titel %}</h1>\n"
                + "{% endif %}\n</body></html>\n");

        assertEquals("layouts/post.peb:4:8: layout error: there is no tag 'titel': check its spelling " + TAGS,
                onlyProblem().toString());

        write("layouts/post.peb", "<!DOCTYPE html>\n<html><body>\n<p>{%- iff page.title is not empty -%}{{ page.title }}"
                + "{% endif %}</p>\n</body></html>\n");
        assertEquals("layouts/post.peb:3:8: layout error: there is no tag 'iff': check its spelling " + TAGS,
                onlyProblem().toString());
    }

    @Test
    void aMisspelledVariableIsReportedAtItsLayoutAndLine() throws IOException {
        write(POST, "---\ntitle: Hello\n---\nBody.\n");
        writeOwnLayouts();
        write("layouts/post.peb", "<!DOCTYPE html>\n<html>\n<body>\n<h1>{{ page.title }}</h1>\n<p>{{ page.titel }}</p>\n"
                + "</body></html>\n");

        Problem problem = onlyProblem();

        assertTrue(problem.toString().startsWith("layouts/post.peb:5:12: layout error: 'titel' does not exist here"),
                problem.toString());
    }

    @Test
    void aMisspelledTopLevelVariableIsReportedAtItsLayoutAndLine() throws IOException {
        write(POST, "---\ntitle: Hello\n---\nBody.\n");
        writeOwnLayouts();
        write("layouts/post.peb", "<!DOCTYPE html>\n<html>\n<body>\n{{ pgae.title }}\n</body></html>\n");

        Problem problem = onlyProblem();

        assertTrue(problem.toString().startsWith("layouts/post.peb:4:4: layout error: variable 'pgae' does not exist here"),
                problem.toString());
    }

    @Test
    void anErrorInAPartialIsReportedAtThePartial() throws IOException {
        write(POST, "---\ntitle: Hello\n---\nBody.\n");
        writeOwnLayouts();
        write("layouts/post.peb", "<!DOCTYPE html>\n<html><body>\n{% include \"partials/meta\" %}\n</body></html>\n");
        write("layouts/partials/meta.peb", "<p>meta</p>\n<p>{{ page.dtae }}</p>\n");

        Problem problem = onlyProblem();

        assertTrue(problem.toString().startsWith("layouts/partials/meta.peb:2:12: layout error: "), problem.toString());
    }

    @Test
    void anErrorIsAtTheColumnOfWhatItNamesInTheTagsNotOfTheSameWordInTextOrQuotes() throws IOException {
        write(POST, "---\ntitle: Hello\n---\nBody.\n");
        writeOwnLayouts();
        writeBaseWithABlock();
        // Pebble gives lines only: they were all at column 1.
        writePostWithLine12("<p class=\"upcase\">upcase {{ \"a | upcase\" }} {{ page.title | upcase }}</p>");

        assertTrue(onlyProblem().toString().startsWith("layouts/post.peb:12:61: layout error: there is no filter 'upcase' "),
                onlyProblem().toString());

        writePostWithLine12("<p class=\"title\">{{ page.titel }}</p>");
        assertTrue(onlyProblem().toString().startsWith("layouts/post.peb:12:26: layout error: 'titel' does not exist here "),
                onlyProblem().toString());

        // Two of one key: the first is given a default, the second failed; which one cannot be told from the line.
        writePostWithLine12("{{ page.titel | default(\"none\") }} {{ page.titel }}");
        assertTrue(onlyProblem().toString().startsWith("layouts/post.peb:12:1: layout error: 'titel' does not exist here "),
                onlyProblem().toString());
    }

    @Test
    void anErrorInATemplateOfTheBuiltInThemeIsAtItsColumnThere() throws IOException {
        write("content/about.md", "---\ntitle: About\n---\nText.\n");
        // The theme's home reads paginator, which only the home page has: at the theme's line, not page.peb's.
        write("layouts/page.peb", "{% extends \"home\" %}\n");

        assertTrue(onlyProblem().toString().startsWith("(built-in theme) layouts/home.peb:5:133: layout error: variable "
                + "'paginator' does not exist here (laying out content/about.md)"), onlyProblem().toString());
    }

    /** A base layout longer than the post layouts below, so that a line of theirs is also a line of it. */
    private void writeBaseWithABlock() throws IOException {
        write("layouts/base.peb", "<!DOCTYPE html>\n<html>\n<head><title>{{ page.title }}</title></head>\n<body>\n"
                + "<header>h</header>\n\n\n\n\n\n\n<main>\n{% block content %}{% endblock %}\n</main>\n"
                + "</body></html>\n");
    }

    /** A post layout extending base, its block holding {@code line} as its twelfth line. */
    private void writePostWithLine12(String line) throws IOException {
        write("layouts/post.peb", "{% extends \"base\" %}\n{% block content %}\n<article>\n<h1>{{ page.title }}</h1>\n"
                + "\n\n\n\n\n\n<p>\n" + line + "\n</p>\n</article>\n{% endblock %}\n");
    }

    @Test
    void aPagesHtmlPrintedEscapedIsAProblemAtItsValueSayingToAddRaw() throws IOException {
        write("site.yml", "title: T\ncontent: a text of the site's own\n");
        write(POST, "---\ntitle: Hello\ncontent: a text of the page's own\nfaq: [{q: Why, content: Because}]\n---\n"
                + "Hello **world**.\n");
        writeOwnLayouts();
        writeBaseWithABlock();
        // Printed as "&lt;p&gt;Hello &lt;strong&gt;world..." until 2026-12-07: readers saw the tags.
        writePostWithLine12("{{ page.content }}");
        assertEquals("layouts/post.peb:12:4: layout error: {{ page.content }} prints HTML as text, escaped: readers would"
                + " see its tags; write {{ page.content | raw }} (Jekyll's {{ content }} is {{ page.content | raw }})",
                onlyProblem().toString());

        writePostWithLine12("{% for p in page.related %}{{p.excerpt}}{% endfor %}{{ page.toc | escape }}");
        assertTrue(onlyProblem().toString().startsWith("layouts/post.peb:12:30: layout error: {{ p.excerpt }} prints HTML"
                + " as text"), onlyProblem().toString());

        writePostWithLine12("{{ page.toc | escape }}");
        assertTrue(onlyProblem().toString().startsWith("layouts/post.peb:12:4: layout error: {{ page.toc }} prints HTML"),
                onlyProblem().toString());

        // Its HTML as it is (with raw, or where auto-escaping is off), a count of it, escaped for a script, and values
        // by those names of params or of a front matter list (text) are printed as before.
        writePostWithLine12("<div id=\"c\">{{ page.content | raw }}</div>{{ page.content | length > 0 }}"
                + "<i id=\"p\">{{ page.params.content }} / {{ site.params.content }}"
                + "{% for item in page.params.faq %} / {{ item.q }}: {{ item.content }}{% endfor %}</i>"
                + "<div id=\"a\">{% autoescape false %}{{ page.content }}{% endautoescape %}</div>"
                + "<script>var body = \"{{ page.content | escape(strategy=\"js\") }}\";</script>");
        Document post = SiteChecks.page(build(), POST_PAGE);
        assertEquals("<p>Hello <strong>world</strong>.</p>", post.getElementById("c").html());
        assertEquals("<p>Hello <strong>world</strong>.</p>", post.getElementById("a").html());
        assertEquals("a text of the page's own / a text of the site's own / Why: Because", post.getElementById("p").text());
    }

    @Test
    void aForOverATextOrNumberIsAProblemAtWhatItLoopsOverSayingWhatThatIsAndWhatToLoopOver() throws IOException {
        write(POST, "---\ntitle: Hello\ntags: [java, go]\nmood: calm\n---\nBody.\n");
        writeOwnLayouts();
        writeBaseWithABlock();
        Path dest = Kiln.previousOutput(out.resolve("site"));
        // Pebble's "this line cannot be rendered: Not an iterable object. Value = [Hello]" at column 1 until 2026-12-07.
        writePostWithLine12("<ul>{% for t in page.tags %}{{ t.name }}{% endfor %}{% for x in page.title %}<li>{{ x }}</li>"
                + "{% endfor %}</ul>");
        Kiln.assertBuildFails(site, dest, List.of("layouts/post.peb:12:65: layout error: page.title is a text, not a list "
                + "(laying out " + POST + "): a {% for %} loops over a list, such as page.tags or posts (README's Layouts "
                + "section lists what layouts see): print a text as it is, {{ page.title }}, or split it into a list, "
                + "{% for x in page.title | split(\",\") %}"));

        writePostWithLine12("{%- for n in page.reading_time -%}{{ n }}{% endfor %}");
        Kiln.assertBuildFails(site, dest, List.of("layouts/post.peb:12:14: layout error: page.reading_time is a number, "
                + "not a list (laying out " + POST + "): a {% for %} loops over a list, such as page.tags or posts (README's "
                + "Layouts section lists what layouts see): to count up to a number, loop over range(1, page.reading_time)"));

        writePostWithLine12("{% for d in page.date %}{{ d }}{% endfor %}");
        Kiln.assertBuildFails(site, dest, List.of("layouts/post.peb:12:13: layout error: page.date is a date, not a list "
                + "(laying out " + POST + "): a {% for %} loops over a list, such as page.tags or posts (README's Layouts "
                + "section lists what layouts see)"));

        // What it loops over is more than a value and its keys: said as the loop's value, at it.
        writePostWithLine12("{% for c in page.title | upper %}{{ c }}{% endfor %}");
        assertTrue(onlyProblem().toString().startsWith("layouts/post.peb:12:13: layout error: the value of this {% for %}"
                + " is a text, not a list (laying out "), onlyProblem().toString());

        // Lists, a map's entries and a range loop as before.
        writePostWithLine12("<p id=\"l\">{% for t in page.tags %}{{ t.name }} {% endfor %}{% for i in range(1, 2) %}{{ i }}"
                + "{% endfor %}{% for e in page.params %} {{ e.key }}={{ e.value }}{% endfor %}</p>");
        assertEquals("java go 12 mood=calm", SiteChecks.page(build(), POST_PAGE).getElementById("l").text());
    }

    @Test
    void theDateFiltersTimeZonePrintsTheDateInThatZoneAndAnUnknownZoneIsAProblemAtIt() throws IOException {
        write("site.yml", "timezone: America/New_York\n");
        write(POST, "---\ntitle: Hello\ndate: 2020-03-15 20:30:00\n---\nBody.\n");
        // Printed "2020-03-15 20:30", the site's time, until 2026-12-07: Pebble keeps a date's own zone.
        Document page = renderPostWith("{{ page.date | date(\"yyyy-MM-dd HH:mm z\", timeZone=\"Europe/Paris\") }}"
                + " | {% for p in posts %}{{ p.date | date(\"HH:mm\", timeZone=\"UTC\") }}{% endfor %}"
                + " | {{ page.date | date(\"yyyy-MM-dd HH:mm z\") }}");
        assertEquals("2020-03-16 01:30 CET | 00:30 | 2020-03-15 20:30 EDT", page.getElementById("out").text());

        writeBaseWithABlock();
        Path dest = Kiln.previousOutput(out.resolve("site"));
        // Passed over, as every zone was, until 2026-12-07.
        writePostWithLine12("<time>{{ page.date | date(\"yyyy-MM-dd HH:mm\", timeZone=\"Mars/Olympus\") }}</time>");
        Kiln.assertBuildFails(site, dest, List.of("layouts/post.peb:12:56: layout error: filter 'date': time zone "
                + "\"Mars/Olympus\" is unknown (laying out " + POST + "): name a zone of the tz database, as Java knows "
                + "them: timeZone=\"Europe/Paris\" (or \"America/New_York\", \"UTC\", an offset \"+02:00\")"));

        writePostWithLine12("<time>{{ page.date | date(\"HH:mm\", timeZone=\"europe/paris\") }}</time>");
        assertEquals("layouts/post.peb:12:45: layout error: filter 'date': time zone \"europe/paris\" is unknown "
                + "(laying out " + POST + "): write timeZone=\"Europe/Paris\"", onlyProblem().toString());
    }

    @Test
    void aTextDateIsReadInTheSitesZoneAndPrintedInTheDateFiltersTimeZoneTheSameWhateverTheMachinesZone()
            throws IOException {
        write("site.yml", "timezone: America/New_York\n");
        write(POST, "---\ntitle: Hello\nwhen: \"2020-03-15 20:30:00\"\n---\nBody.\n");
        String read = "existingFormat=\"yyyy-MM-dd HH:mm:ss\"";
        // Until 2026-12-07 the text was read in the machine's zone and an offset ("+02:00", "UTC+2") was taken for
        // GMT: "20:30 GMT" on a machine in UTC, "00:30 GMT" on one in New York.
        String layout = "{{ page.params.when | date(\"yyyy-MM-dd HH:mm z\", " + read + ", timeZone=\"+02:00\") }}"
                + " | {{ page.params.when | date(\"HH:mm z\", " + read + ", timeZone=\"UTC+2\") }}"
                + " | {{ page.params.when | date(\"HH:mm z\", " + read + ", timeZone=\"Europe/Paris\") }}"
                + " | {{ page.params.when | date(\"HH:mm z\", " + read + ") }}";
        java.util.TimeZone machine = java.util.TimeZone.getDefault();
        try {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Asia/Tokyo"));
            Document page = renderPostWith(layout);
            assertEquals("2020-03-16 02:30 GMT+02:00 | 02:30 GMT+02:00 | 01:30 CET | 20:30 EDT",
                    page.getElementById("out").text());
            byte[] inTokyo = build().get(POST_PAGE);
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("America/Los_Angeles"));
            assertArrayEquals(inTokyo, build().get(POST_PAGE), "the same bytes whatever the machine's zone");
        } finally {
            java.util.TimeZone.setDefault(machine);
        }

        writeBaseWithABlock();
        writePostWithLine12("<time>{{ page.params.when | date(\"HH:mm\", " + read + ", timeZone=\"Mars/Olympus\") }}"
                + "</time>");
        assertEquals("layouts/post.peb:12:90: layout error: filter 'date': time zone \"Mars/Olympus\" is unknown (laying "
                + "out " + POST + "): name a zone of the tz database, as Java knows them: timeZone=\"Europe/Paris\" (or "
                + "\"America/New_York\", \"UTC\", an offset \"+02:00\")", onlyProblem().toString());
    }

    @Test
    void aFilterThatThrowsIsAProblemAtItsLineNamingTheFilterAndThePage() throws IOException {
        write(POST, "---\ntitle: Hello\n---\nBody.\n");
        writeOwnLayouts();
        writeBaseWithABlock();
        writePostWithLine12("{{ page.title | date(\"yyyy\") }}");

        Problem problem = onlyProblem();

        assertEquals("layouts/post.peb:12:17: layout error: filter 'date' failed: Unsupported argument type: "
                + "java.lang.String (value: Hello) (laying out " + POST + "): give it a date, such as page.date or "
                + "post.date, or text with its format: date(\"d MMMM yyyy\", existingFormat=\"yyyy-MM-dd\")",
                problem.toString());
    }

    @Test
    void goLayoutsAsHugoWritesDatesAreAProblemNamingTheJavaPatternNotTheDatePrintedAsItIs() throws IOException {
        write(POST, "---\ntitle: Hello\n---\nBody.\n");
        writeOwnLayouts();
        writeBaseWithABlock();
        // Printed "2006-01-02" on every post: digits are no pattern letters.
        writePostWithLine12("<time>{{ page.date | date(\"2006-01-02\") }}</time>");

        assertEquals("layouts/post.peb:12:27: layout error: filter 'date': date pattern \"2006-01-02\" is a Go layout "
                + "(Hugo's way to write dates), not a Java pattern (laying out " + POST + "): write the Java "
                + "pattern for it, date(\"yyyy-MM-dd\") (Java's DateTimeFormatter letters: yyyy year, MM month, MMM or "
                + "MMMM its name, dd or d day, EEE or EEEE weekday, HH:mm:ss time; text between single quotes is printed "
                + "as it is)", onlyProblem().toString());

        // Said "Unknown pattern letter: J ... give it a date, such as page.date": it was given one.
        writePostWithLine12("<time>{{ page.date | date(\"Jan 2, 2006\") }}</time>");
        assertTrue(onlyProblem().toString().startsWith("layouts/post.peb:12:27: layout error: filter 'date': date pattern "
                + "\"Jan 2, 2006\" is a Go layout (Hugo's way to write dates), not a Java pattern (laying out "
                + POST + "): write the Java pattern for it, date(\"MMM d, yyyy\") ("), onlyProblem().toString());

        // Said only "Unknown pattern letter: J" and what pattern letters are: 06 and MST were not known as Go's.
        writePostWithLine12("<time>{{ page.date | date(\"02 Jan 06 15:04 MST\") }}</time>");
        assertTrue(onlyProblem().toString().startsWith("layouts/post.peb:12:27: layout error: filter 'date': date pattern "
                + "\"02 Jan 06 15:04 MST\" is a Go layout (Hugo's way to write dates), not a Java pattern (laying out "
                + POST + "): write the Java pattern for it, date(\"dd MMM yy HH:mm z\") ("), onlyProblem().toString());
    }

    @Test
    void strftimePatternsAsJekyllWritesDatesAreAProblemNamingTheJavaPatternNotPrintedAsTheyAre() throws IOException {
        write(POST, "---\ntitle: Hello\n---\nBody.\n");
        writeOwnLayouts();
        writeBaseWithABlock();
        // Printed "%2020-%0-%15" on every post: % is text to Java, and Y, m, d its letters of other fields.
        writePostWithLine12("<time>{{ page.date | date(\"%Y-%m-%d\") }}</time>");

        assertEquals("layouts/post.peb:12:27: layout error: filter 'date': date pattern \"%Y-%m-%d\" is strftime's "
                + "(Liquid's, as Jekyll writes dates), not a Java pattern (laying out " + POST + "): write the Java "
                + "pattern for it, date(\"yyyy-MM-dd\") (Java's DateTimeFormatter letters: yyyy year, MM month, MMM or "
                + "MMMM its name, dd or d day, EEE or EEEE weekday, HH:mm:ss time; text between single quotes is printed "
                + "as it is)", onlyProblem().toString());

        // Said only "Unknown pattern letter: b" and what pattern letters are.
        writePostWithLine12("<time>{{ page.date | date(\"%b %-d, %Y\") }}</time>");
        assertTrue(onlyProblem().toString().startsWith("layouts/post.peb:12:27: layout error: filter 'date': date pattern "
                + "\"%b %-d, %Y\" is strftime's (Liquid's, as Jekyll writes dates), not a Java pattern (laying out "
                + POST + "): write the Java pattern for it, date(\"MMM d, yyyy\") ("), onlyProblem().toString());
    }

    @Test
    void aDatePatternWithNoPatternLetterIsAProblemNamingTheJavaPatternForGosYear() throws IOException {
        write(POST, "---\ntitle: Hello\n---\nBody.\n");
        writeOwnLayouts();
        writeBaseWithABlock();
        // Hugo's {{ .Date.Format "2006" }}: printed "2006" on every post, silently.
        writePostWithLine12("<p>Posted in {{ page.date | date(\"2006\") }}</p>");

        assertEquals("layouts/post.peb:12:34: layout error: filter 'date': date pattern \"2006\" holds no pattern "
                + "letter, so it prints the same text, \"2006\", for every date (it is a Go layout, Hugo's way to write "
                + "dates, not a Java pattern) (laying out " + POST + "): write the Java pattern for it, date(\"yyyy\") "
                + "(Java's DateTimeFormatter letters: yyyy year, MM month, MMM or MMMM its name, dd or d day, EEE or EEEE "
                + "weekday, HH:mm:ss time; text between single quotes is printed as it is)", onlyProblem().toString());

        writePostWithLine12("<p>Posted {{ page.date | date(\"'always'\") }}</p>");
        assertEquals("layouts/post.peb:12:31: layout error: filter 'date': date pattern \"'always'\" holds no pattern "
                + "letter, so it prints the same text, \"always\", for every date (laying out " + POST + "): write it "
                + "with Java's DateTimeFormatter letters: yyyy year, MM month, MMM or MMMM its name, dd or d day, EEE or "
                + "EEEE weekday, HH:mm:ss time; text between single quotes is printed as it is: date(\"yyyy\"), "
                + "date(\"MMM d, yyyy\")", onlyProblem().toString());

        writePostWithLine12("<time>Posted in {{ page.date | date(\"yyyy\") }} {{ page.date | date(\"'year' yy\") }}</time>");
        assertEquals("Posted in 2020 year 20", SiteChecks.page(build(), POST_PAGE).selectFirst("time").text());
    }

    @Test
    void aDatePatternThatIsNoPatternIsAProblemSayingWhatPatternsAre() throws IOException {
        write(POST, "---\ntitle: Hello\n---\nBody.\n");
        writeOwnLayouts();
        writeBaseWithABlock();
        writePostWithLine12("<time>{{ page.date | date(\"Day d of MMMM\") }}</time>");

        assertEquals("layouts/post.peb:12:27: layout error: filter 'date': date pattern \"Day d of MMMM\" is not valid "
                + "(Unknown pattern letter: o) (laying out " + POST + "): write it with Java's DateTimeFormatter letters: "
                + "yyyy year, MM month, MMM or MMMM its name, dd or d day, EEE or EEEE weekday, HH:mm:ss time; text between "
                + "single quotes is printed as it is: date(\"MMM d, yyyy\"), date(\"d 'of' MMMM yyyy\")",
                onlyProblem().toString());

        writePostWithLine12("<time>{{ page.date | date(\"'Day' d 'of' MMMM, yyyy\") }} {{ \"2020-03-15\" | "
                + "date(\"MMM d\", existingFormat=\"yyyy-MM-dd\") }}</time>");
        assertEquals("Day 15 of March, 2020 Mar 15", SiteChecks.page(build(), POST_PAGE).selectFirst("time").text());
    }

    @Test
    void aLayoutThatIncludesItselfIsAProblemNotAStackOverflow() throws IOException {
        write(POST, "---\ntitle: Hello\n---\nBody.\n");
        writeOwnLayouts();
        write("layouts/partials/loop.peb", "x {% include \"partials/again\" %}\n");
        write("layouts/partials/again.peb", "{% include \"partials/loop\" %}\n");
        write("layouts/post.peb", "<!DOCTYPE html>\n<html><head><title>t</title></head><body>"
                + "{% include \"partials/loop\" %}</body></html>\n");

        Problem problem = onlyProblem();

        assertEquals("layouts/partials/again.peb:1:4: layout error: include loop: partials/again -> partials/loop -> "
                + "partials/again: each page would include them without end; remove this {% include %} or another of the "
                + "loop (an include meant to repeat, for a tree of menus, goes under an {% if %} that ends it)",
                problem.toString());
    }

    @Test
    void aFunctionThatThrowsIsAProblemAtItsLineNamingTheFunction() throws IOException {
        write(POST, "---\ntitle: Hello\n---\nBody.\n");
        writeOwnLayouts();
        writeBaseWithABlock();
        writePostWithLine12("{% for i in range(1, \"many\") %}{{ i }}{% endfor %}");

        Problem problem = onlyProblem();

        assertTrue(problem.toString().startsWith("layouts/post.peb:12:13: layout error: function 'range' failed: "),
                problem.toString());
        assertTrue(problem.message().contains("(laying out " + POST + "): give it a value and arguments it takes"),
                problem.toString());
    }

    @Test
    void anUnknownFunctionInABlockIsReportedInTheLayoutThatHoldsItNotTheOneItExtends() throws IOException {
        write(POST, "---\ntitle: Hello\n---\nBody.\n");
        writeOwnLayouts();
        writeBaseWithABlock();
        writePostWithLine12("{{ nosuchfn(1) }}");

        Problem problem = onlyProblem();

        assertEquals("layouts/post.peb:12:4: layout error: there is no function or macro 'nosuchfn' (laying out "
                + POST + "): check its spelling (functions: i18n, max, min, range); a macro must be defined with "
                + "{% macro nosuchfn(...) %} in this layout or brought in with {% import %}", problem.toString());
    }

    @Test
    void aMissingIncludeIsReportedAtItsLineWithThePartialsThereAre() throws IOException {
        write(POST, "---\ntitle: Hello\n---\nBody.\n");
        writeOwnLayouts();
        writeBaseWithABlock();
        write("layouts/partials/meta.peb", "<p>meta</p>\n");
        writePostWithLine12("{% include \"partials/nope\" %}");

        Problem problem = onlyProblem();

        assertEquals("layouts/post.peb:12:12: layout error: there is no layout 'partials/nope' to include (laying out "
                + POST + "): check the name (partials: footer, head, header, meta, post-list, post-meta), or create "
                + "layouts/partials/nope.peb", problem.toString());
    }

    @Test
    void anUnknownFilterOrTestNamesTheOnesThereAre() throws IOException {
        write(POST, "---\ntitle: Hello\n---\nBody.\n");
        writeOwnLayouts();
        writeBaseWithABlock();
        writePostWithLine12("{{ page.title | slugfy }}");

        Problem filter = onlyProblem();

        assertTrue(filter.toString().startsWith("layouts/post.peb:12:17: layout error: there is no filter 'slugfy' "
                + "(laying out " + POST + "): check its spelling (filters: abbreviate, abs, absolute_url, "), filter.toString());
        assertTrue(filter.message().contains(" slugify, "), "Kiln's own filters are named too: " + filter);

        writePostWithLine12("{% if page.title is emtpy %}x{% endif %}");

        assertEquals("layouts/post.peb:12:21: layout error: there is no test 'emtpy' (laying out " + POST + "): check "
                + "its spelling (tests: defined, empty, even, iterable, map, null, odd)", onlyProblem().toString());
    }

    @Test
    void aSiteSettingThatSiteYmlLacksSaysToAddItToSiteYmlNotThatSomePagesDoNotSetIt() throws IOException {
        write("site.yml", "title: T\ntwitter: me\nsocial:\n  github: gh\nlinks:\n  - {title: A}\n");
        write(POST, "---\ntitle: Hello\n---\nBody.\n");
        writeOwnLayouts();
        writeBaseWithABlock();
        // Said "or write | default(...) for a value that some pages do not set": no page sets a site setting.
        writePostWithLine12("{{ site.params.mastodon }}");

        assertEquals("layouts/post.peb:12:16: layout error: site.yml has no setting 'mastodon' (laying out " + POST
                + "): check its spelling, or add mastodon: ... to site.yml (each top-level key that is not one of Kiln's "
                + "settings is site.params.KEY, as is each key under params:), or write | default(...) for a site that may lack it",
                onlyProblem().toString());

        writePostWithLine12("{{ site.params.params.twitter }}");

        assertEquals("layouts/post.peb:12:1: layout error: site.yml has no setting 'params' (laying out " + POST
                + "): the keys under site.yml's params: are site.params.KEY, as its top-level keys are (until 2026-12-07"
                + " they were site.params.params.KEY): write site.params.KEY", onlyProblem().toString());

        writePostWithLine12("{{ site.params.social.mastodon }}");

        assertEquals("layouts/post.peb:12:23: layout error: this setting of site.yml has no key 'mastodon' (laying out "
                + POST + "): check its spelling, or add mastodon: ... under that setting in site.yml "
                + "(site.params.KEY.mastodon is mastodon: under KEY:), or write | default(...) for a site that may lack it",
                onlyProblem().toString());

        writePostWithLine12("{% for l in site.params.links %}{{ l.url }}{% endfor %}");

        assertTrue(onlyProblem().toString().startsWith("layouts/post.peb:12:38: layout error: this setting of site.yml "
                + "has no key 'url' "), onlyProblem().toString());

        // What the advice says to write works, and the settings site.yml has are seen as they were.
        writePostWithLine12("<span id=\"s\">{{ site.params.mastodon | default(\"none\") }} {{ site.params.twitter }} "
                + "{{ site.params.social.github }} {% for l in site.params.links %}{{ l.title }}{% endfor %}</span>");

        assertEquals("none me gh A", SiteChecks.page(build(), POST_PAGE).getElementById("s").text());
    }

    @Test
    void aSiteSettingReadFromASiteYmlWithoutKeysOfItsOwnIsSaidToBeSiteYmls() throws IOException {
        write(POST, "---\ntitle: Hello\n---\nBody.\n");
        writeOwnLayouts();
        writeBaseWithABlock();
        writePostWithLine12("{{ site.params.mastodon }}");

        assertTrue(onlyProblem().toString().startsWith("layouts/post.peb:12:16: layout error: site.yml has no setting "
                + "'mastodon' "), onlyProblem().toString());
    }

    @Test
    void aMissingValueInAnIfConditionIsSaidAsSuch() throws IOException {
        write(POST, "---\ntitle: Hello\n---\nBody.\n");
        writeOwnLayouts();
        writeBaseWithABlock();
        writePostWithLine12("{% if page.titel %}x{% endif %}");

        assertTrue(onlyProblem().toString().startsWith("layouts/post.peb:12:12: layout error: 'titel' does not exist here "
                + "(laying out " + POST + "): check its spelling"));

        writePostWithLine12("{% if page.image %}x{% endif %}");

        assertEquals("layouts/post.peb:12:4: layout error: the condition of this {% if %} is null (laying out " + POST
                + "): test a value that may be missing with 'is not null' or 'is not empty' (strict variables are on)",
                onlyProblem().toString());
    }

    @Test
    void anErrorInAMacroIsReportedAtTheMacrosLine() throws IOException {
        write(POST, "---\ntitle: Hello\n---\nBody.\n");
        writeOwnLayouts();
        writeBaseWithABlock();
        write("layouts/partials/macros.peb", "{% macro year(value) %}\n<b>{{ value | date(\"yyyy\") }}</b>\n{% endmacro %}\n");
        writePostWithLine12("{% import \"partials/macros\" %}{{ year(page.title) }}");

        assertTrue(onlyProblem().toString().startsWith("layouts/partials/macros.peb:2:15: layout error: filter 'date' failed"));
    }

    @Test
    void setAndImportBesideExtendsStillWorkAndTheirErrorsAreAtTheirLine() throws IOException {
        write(POST, "---\ntitle: Hello\n---\nBody.\n");
        writeOwnLayouts();
        writeBaseWithABlock();
        write("layouts/partials/macros.peb", "{% macro shout(text) %}{{ text | upper }}{% endmacro %}\n");
        write("layouts/post.peb", "{% extends \"base\" %}\n{% set greeting = \"hello\" %}\n{% import \"partials/macros\" %}\n"
                + "{% block content %}<p id=\"out\">{{ shout(greeting) }}</p>"
                + "{% endblock %}\n");

        Document post = SiteChecks.page(build(), POST_PAGE);

        assertEquals("HELLO", post.getElementById("out").text());

        write("layouts/post.peb", "{% extends \"base\" %}\n\n{% set year = page.title | date(\"yyyy\") %}\n"
                + "{% block content %}{{ year }}{% endblock %}\n");

        assertTrue(onlyProblem().toString().startsWith("layouts/post.peb:3:28: layout error: filter 'date' failed"));
    }

    @Test
    void oneLayoutErrorMetByManyPagesIsOneProblemNamingTheFirstAndCountingTheOthers() throws IOException {
        write(POST, "---\ntitle: Hello\n---\nBody.\n");
        write("content/posts/2020-03-16-second.md", "---\ntitle: Second\n---\nBody.\n");
        write("content/posts/2020-03-17-third.md", "---\ntitle: Third\n---\nBody.\n");
        writeOwnLayouts();
        writeBaseWithABlock();
        writePostWithLine12("{{ page.title | date(\"yyyy\") }}");

        Problem problem = onlyProblem();

        assertTrue(problem.message().contains("(value: Third) (laying out content/posts/2020-03-17-third.md and 2 "
                + "other pages): "), problem.toString());
    }

    @Test
    void theBuiltInThemesTemplateNamesAreItsFiles() throws IOException {
        // The theme is this repository's own layouts/, packed into the jar.
        try (var files = Files.walk(Path.of("layouts"))) {
            List<String> names = files.filter(f -> f.toString().endsWith(".peb"))
                    .map(f -> Path.of("layouts").relativize(f).toString().replace('\\', '/').replace(".peb", ""))
                    .sorted().toList();
            List<String> listed = new java.util.ArrayList<>(Layouts.THEME_LAYOUTS);
            listed.addAll(Layouts.THEME_PARTIALS);
            assertEquals(names, listed.stream().sorted().toList());
        }
    }

    // ---- escaping ----

    @Test
    void valuesAreEscapedButTheRenderedMarkdownBodyIsNot() throws IOException {
        write(POST, "---\ntitle: \"<script>alert(1)</script>\"\ndescription: \"<b>bold</b> & co\"\ntags: [\"<i>x</i>\"]\n"
                + "---\nSome **strong** words and <em>inline html</em>.\n");

        SiteOutput out = build();

        for (String path : List.of(POST_PAGE, "index.html", "tags/index.html")) {
            Document doc = SiteChecks.page(out, path);
            assertTrue(doc.select("script:not([type=application/ld+json])").isEmpty(), path + " has no script element");
            doc.select("script[type=application/ld+json]").forEach(ld ->
                    assertTrue(!ld.data().contains("<script>"), "the title is escaped in JSON-LD too"));
            assertTrue(doc.select("i").isEmpty(), path + " has no <i> element from a tag name");
        }
        String html = new String(out.get(POST_PAGE), StandardCharsets.UTF_8);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        Document post = SiteChecks.page(out, POST_PAGE);
        assertEquals("<script>alert(1)</script>", post.selectFirst("h1.post-title").text());
        assertEquals("<b>bold</b> & co", post.selectFirst("meta[name=description]").attr("content"));
        Element body = post.selectFirst(".post-content");
        assertEquals("strong", body.selectFirst("strong").text(), "Markdown is rendered, not escaped");
        assertEquals("inline html", body.selectFirst("em").text(), "HTML in Markdown is kept");
    }

    // ---- filters ----

    @Test
    void slugifyMakesUrlSafeNames() throws IOException {
        Document page = renderPostWith("{{ \"Serverless & AWS\" | slugify }}|{{ \"Ünïcode Café\" | slugify }}"
                + "|{{ \"C/C++\" | slugify }}");

        assertEquals("serverless-aws|ünïcode-café|c-c-plus-plus", page.getElementById("out").text());
    }

    @Test
    void jsonMakesAStringLiteralNoScriptEndsIn() throws IOException {
        write(POST, "---\ntitle: \"Say \\\"hi\\\" \\\\ <b> & \\u2028 \\u0001 \\t é\"\n---\nBody.\n");
        Document page = renderPostWith("{{ page.title | json }}");

        assertEquals("\"Say \\\"hi\\\" \\\\ \\u003cb\\u003e \\u0026 \\u2028 \\u0001 \\t é\"",
                page.getElementById("out").text());
    }

    @Test
    void absoluteUrlWithoutBaseUrlStaysRootRelative() throws IOException {
        Document page = renderPostWith("{{ \"/about/\" | absolute_url }}|{{ \"about/\" | absolute_url }}"
                + "|{{ \"https://x.org/a\" | absolute_url }}");

        assertEquals("/about/|/about/|https://x.org/a", page.getElementById("out").text());
    }

    @Test
    void absoluteUrlWithBaseUrlAddsOriginAndPath() throws IOException {
        write("site.yml", "base_url: https://me.github.io/blog/\n");
        Document page = renderPostWith("{{ \"/about/\" | absolute_url }}|{{ \"about/\" | absolute_url }}"
                + "|{{ page.url | absolute_url }}|{{ \"https://x.org/a\" | absolute_url }}");

        assertEquals("https://me.github.io/blog/about/|https://me.github.io/blog/about/"
                        + "|https://me.github.io/blog/2020/03/15/hello/|https://x.org/a",
                page.getElementById("out").text());
    }

    @Test
    void relativeUrlMakesLinksRootRelativeUnderTheBasePath() throws IOException {
        String links = "<a id=\"a\" href=\"{{ \"about/\" | relative_url }}\">a</a>"
                + "<a id=\"b\" href=\"{{ \"/about/\" | relative_url }}\">b</a>"
                + "<a id=\"c\" href=\"{{ \"https://x.org/\" | relative_url }}\">c</a>";

        Document plain = renderPostWith(links);
        assertEquals(List.of("/about/", "/about/", "https://x.org/"),
                List.of(plain.getElementById("a").attr("href"), plain.getElementById("b").attr("href"),
                        plain.getElementById("c").attr("href")));

        write("site.yml", "base_url: https://me.github.io/blog\n");
        Document underBlog = renderPostWith(links);
        assertEquals(List.of("/blog/about/", "/blog/about/", "https://x.org/"),
                List.of(underBlog.getElementById("a").attr("href"), underBlog.getElementById("b").attr("href"),
                        underBlog.getElementById("c").attr("href")));
    }

    @Test
    void xmlschemaWritesTheDateWithItsOffset() throws IOException {
        write("site.yml", "timezone: Europe/Berlin\n");
        write(POST, "---\ntitle: Hello\ndate: 2020-03-15 10:30:00\n---\nBody.\n");

        Document page = renderPostWith("{{ page.date | xmlschema }}");

        assertEquals("2020-03-15T10:30:00+01:00", page.getElementById("out").text());
    }

    // ---- language ----

    @Test
    void monthNamesFollowTheSitesLanguage() throws IOException {
        write("site.yml", "language: de\n");
        write(POST, "---\ntitle: Hallo\ntags: [kiln]\n---\nText.\n");

        SiteOutput out = build();

        Document post = SiteChecks.page(out, POST_PAGE);
        assertEquals("de", post.selectFirst("html").attr("lang"));
        assertTrue(post.selectFirst(".post-meta time").text().contains("März"), post.selectFirst(".post-meta").text());
        assertTrue(SiteChecks.page(out, "index.html").select("time").text().contains("März"));
    }

    @Test
    void monthNamesAreEnglishByDefault() throws IOException {
        write(POST, "---\ntitle: Hello\n---\nText.\n");

        Document post = SiteChecks.page(build(), POST_PAGE);

        assertEquals("March 15, 2020", post.selectFirst(".post-meta time").text());
    }

    // ---- helpers ----

    /** The post page, rendered by a layout whose {@code #out} paragraph holds {@code expression}. */
    private Document renderPostWith(String expression) throws IOException {
        if (!Files.exists(site.resolve(POST))) {
            write(POST, "---\ntitle: Hello\n---\nBody.\n");
        }
        writeOwnLayouts();
        write("layouts/post.peb", "<!DOCTYPE html>\n<html><head><title>t</title></head>\n<body>\n<p id=\"out\">"
                + expression + "</p>\n</body></html>\n");
        return SiteChecks.page(build(), POST_PAGE);
    }

    @Test
    void theIdsALayoutWritesAreReadThroughWhatItUsesOnceEvenWhenItsIncludesLoop() {
        java.util.Map<String, String> texts = java.util.Map.of(
                "post", "{% extends 'base' %}<h2 id=\"related\" class=x>{% include \"partials/a\" %}</h2>",
                "base", "<main id='main' aria-labelledby=\"not-an-id\">{% block content %}{% endblock %}</main>",
                "partials/a", "<p ID=a-id>{% include './b' %}</p><p id=\"{{ page.slug }}\"></p>",
                "partials/b", "<span id=\"b-id\" data-id=\"no\"></span>{% include \"partials/a\" %}");
        java.util.List<String> read = new java.util.ArrayList<>();

        java.util.Set<String> ids = LayoutIds.of("post", name -> {
            read.add(name);
            return texts.get(name);
        });

        assertEquals(List.of("a-id", "b-id", "main", "related"), List.copyOf(ids));
        assertEquals(4, read.size(), "each template read once: " + read);
    }

    /** Minimal layouts for every kind of page, so that a test can replace one of them. */
    private void writeOwnLayouts() throws IOException {
        for (String name : List.of("base", "home", "page", "post", "tag", "tags")) {
            write("layouts/" + name + ".peb", "<!DOCTYPE html>\n<html><head><title>{{ page.title }}</title></head>"
                    + "<body>" + name + "</body></html>\n");
        }
    }

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
