package dev.kiln.layout;

import dev.kiln.error.Problem;
import dev.kiln.error.SiteException;
import dev.kiln.output.SiteOutput;
import dev.kiln.testing.Fixtures;
import dev.kiln.testing.SiteChecks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Layouts written as Jekyll's Liquid layouts are, as a blog author coming from Jekyll writes them: each Liquid
 * filter, tag and way of writing that Pebble has not is an error at its place saying what to write in Kiln.
 */
class LiquidHabitsTest {

    private static final String POST = "content/posts/2020-03-15-hello.md";
    private static final String LAID_OUT = " (laying out " + POST + "): ";
    /** Line 5 of the post layout: {@link #line5} puts what a test writes after it. */
    private static final String H1 = "    <h1 class=\"post-title\">";

    @TempDir
    Path site;

    @BeforeEach
    void aSiteWithAPost() throws IOException {
        write(POST, "---\ntitle: Hello\ntags: [a]\n---\nBody.\n");
    }

    // ---- filters ----

    @Test
    void liquidsFiltersThatPebbleHasNotSayPebblesToWrite() throws IOException {
        // Said "there is no filter 'upcase'" at column 1, and listed Pebble's filters.
        line5(H1 + "{{ page.title | upcase }}</h1>");
        assertEquals("layouts/post.peb:5:44: layout error: there is no filter 'upcase'" + LAID_OUT + "'upcase' is Liquid's "
                + "(Jekyll's): write | upper", onlyProblem());

        line5(H1 + "{{ page.tags | size }} tags</h1>");
        assertEquals("layouts/post.peb:5:43: layout error: there is no filter 'size'" + LAID_OUT + "'size' is Liquid's "
                + "(Jekyll's): write | length", onlyProblem());

        line5("<time>{{ page.date | date_to_string }}</time>");
        assertEquals("layouts/post.peb:5:22: layout error: there is no filter 'date_to_string'" + LAID_OUT
                + "'date_to_string' is Liquid's (Jekyll's): write | date(\"dd MMM yyyy\") (07 Nov 2008, as Jekyll prints it)",
                onlyProblem());

        line5("<script>var title = {{ page.title | jsonify }};</script>");
        assertEquals("layouts/post.peb:5:37: layout error: there is no filter 'jsonify'" + LAID_OUT + "'jsonify' is "
                + "Liquid's (Jekyll's): Kiln's json writes a text as a JSON string (print it with | raw: {{ page.title | "
                + "json | raw }}), but not a list or a map as JSON", onlyProblem());
    }

    @Test
    void liquidsFiltersThatKilnHasNothingLikeSaySoPlainly() throws IOException {
        line5("<p>{{ page.content | strip_html }}</p>");
        assertEquals("layouts/post.peb:5:22: layout error: there is no filter 'strip_html'" + LAID_OUT + "'strip_html' is "
                + "Liquid's (Jekyll's), and Kiln has no filter that removes HTML tags: a page's description "
                + "(page.description, post.description) is text; page.content and post.excerpt are HTML, printed with "
                + "| raw", onlyProblem());

        line5("<p>{{ page.content | markdownify }}</p>");
        assertEquals("layouts/post.peb:5:22: layout error: there is no filter 'markdownify'" + LAID_OUT + "'markdownify' "
                + "is Liquid's (Jekyll's), and Kiln renders Markdown in content files only: page.content is a page's text "
                + "rendered, printed with | raw", onlyProblem());

        line5("<ul>{% for t in page.tags | uniq %}<li>{{ t.name }}</li>{% endfor %}</ul>");
        assertEquals("layouts/post.peb:5:29: layout error: there is no filter 'uniq'" + LAID_OUT + "'uniq' is Liquid's "
                + "(Jekyll's), and Kiln has no filter that removes repeated items", onlyProblem());
    }

    @Test
    void everyFilterAndTagThatTheAdviceForLiquidsNamesIsOneOfKilnsAndWhatItWritesRenders() throws IOException {
        line5("{{ page.title | nosuchfilter }}");
        Set<String> filters = listed(onlyProblem(), "filters");
        line5("{% nosuchtag %}");
        Set<String> tags = listed(onlyProblem(), "tags");
        for (String liquid : List.of("upcase", "downcase", "strip", "lstrip", "rstrip", "size", "truncate",
                "truncatewords", "strip_html", "date_to_string", "date_to_long_string", "date_to_rfc822",
                "date_to_xmlschema", "jsonify", "prepend", "append", "where", "where_exp", "uniq", "map", "group_by",
                "markdownify", "number_of_words", "escape_once", "xml_escape", "url_encode", "cgi_escape", "uri_escape",
                "array_to_sentence_string", "remove", "plus", "minus", "times", "divided_by", "modulo")) {
            line5("{{ page.title | " + liquid + " }}");
            String advice = onlyProblem();
            assertTrue(advice.contains("'" + liquid + "' is Liquid's (Jekyll's)"), advice);
            named(advice, "\\|\\s*(\\w+)").forEach(name -> assertTrue(filters.contains(name), name + " in " + advice));
            named(advice, "\\{%\\s*(\\w+)").forEach(name -> assertTrue(tags.contains(name) || name.startsWith("end")
                    || name.equals("else") || name.equals("elseif"), name + " in " + advice));
        }
        for (String liquid : List.of("assign", "elsif", "unless", "endunless", "capture", "endcapture", "comment",
                "endcomment", "raw", "endraw", "case", "when", "endcase", "increment", "decrement", "cycle", "tablerow",
                "break", "continue", "include_relative", "highlight", "seo", "feed_meta")) {
            line5("{% " + liquid + " %}");
            String advice = onlyProblem();
            assertTrue(advice.startsWith("layouts/post.peb:5:4: layout error: there is no tag '" + liquid + "': '"
                    + liquid + "' is "), advice);
            named(advice, "\\|\\s*(\\w+)").forEach(name -> assertTrue(filters.contains(name), name + " in " + advice));
            named(advice.substring(advice.indexOf("' is ")), "\\{%\\s*(\\w+)").forEach(name -> assertTrue(
                    tags.contains(name) || name.startsWith("end") || name.equals("else") || name.equals("elseif"),
                    name + " in " + advice));
        }

        // And what the advice writes renders.
        write("layouts/partials/sidebar.peb", "<span>{{ title }}</span>\n");
        line5("<p id=\"out\">{{ page.title | upper }} {{ page.title | lower }} {{ page.title | trim }} "
                + "{{ page.tags | length }} {{ page.title | abbreviate(50) }} {{ page.date | date(\"dd MMM yyyy\") }} "
                + "{{ page.date | date(\"dd MMMM yyyy\") }} {{ page.date | date(\"EEE, dd MMM yyyy HH:mm:ss Z\") }} "
                + "{{ page.date | xmlschema }} {{ page.title | json | raw }} {{ \"text\" ~ page.title }} "
                + "{{ page.title ~ \"text\" }} {{ page.title | urlencode }} {{ [\"a\", \"b\"] | join(\", \") }} "
                + "{{ page.title | replace({\"text\": \"\"}) }} {{ page.word_count }} {{ page.reading_time }} "
                + "{% set name = 1 %}{% if not (name == 2) %}n{% elseif name == 1 %}{% else %}{% endif %}{# c #}"
                + "{% verbatim %}{{ v }}{% endverbatim %}{% for p in posts | reverse %}{% if loop.index >= 0 and "
                + "loop.index < 7 %}{{ loop.index is even ? \"first\" : \"second\" }}{% endif %}{% endfor %}"
                + "{% set name = name + 1 %}{{ name }}{{ site.feed_url }}{% include \"partials/sidebar\" with "
                + "{\"title\": page.title} %}</p>");

        assertEquals("HELLO hello Hello 1 Hello 15 Mar 2020 15 March 2020 Sun, 15 Mar 2020 00:00:00 +0000 "
                + "2020-03-15T00:00:00Z \"Hello\" textHello Hellotext Hello a, b Hello 1 1 "
                + "n{{ v }}first2/feed.xmlHello", SiteChecks.page(build(), "2020/03/15/hello/index.html")
                .getElementById("out").text());
    }

    // ---- a filter's arguments after a colon ----

    @Test
    void liquidsColonBeforeAFiltersArgumentsSaysThePebbleCallToWrite() throws IOException {
        // Said: Unexpected token of value ":" and type PUNCTUATION, expected token of type PRINT_END, at column 1.
        line5(H1 + "{{ page.params.subtitle | default: \"none\" }}</h1>");
        assertEquals("layouts/post.peb:5:61: layout error: | default: \"none\" is Liquid's (Jekyll's) way to give a filter "
                + "its arguments: Pebble's are in parentheses: write | default(\"none\")", onlyProblem());

        line5("<time>{{ page.date | date: \"%b %-d, %Y\" }}</time>");
        assertEquals("layouts/post.peb:5:26: layout error: | date: \"%b %-d, %Y\" is Liquid's (Jekyll's) way to give a filter "
                + "its arguments: Pebble's are in parentheses, and its date pattern is Java's: write | date(\"MMM d, yyyy\")",
                onlyProblem());

        line5(H1 + "{{ page.title | truncate: 20 }}</h1>");
        assertEquals("layouts/post.peb:5:52: layout error: | truncate: 20 is Liquid's (Jekyll's) way to give a filter its "
                + "arguments: Pebble's are in parentheses, and Liquid's truncate is Pebble's abbreviate: write "
                + "| abbreviate(20)", onlyProblem());

        line5(H1 + "{{ page.title | append: \" !\" }}</h1>");
        assertEquals("layouts/post.peb:5:50: layout error: | append: \" !\" is Liquid's (Jekyll's) way to give a filter its "
                + "arguments: Pebble joins text with ~: write page.title ~ \" !\"", onlyProblem());

        line5(H1 + "{{ page.title | replace: \"-\", \" \" }}</h1>");
        assertEquals("layouts/post.peb:5:51: layout error: | replace: \"-\", \" \" is Liquid's (Jekyll's) way to give a "
                + "filter its arguments: Pebble's replace takes a map of what to replace: write | replace({\"-\": \" \"})",
                onlyProblem());
    }

    // ---- tags ----

    @Test
    void liquidsTagsThatPebbleHasNotSayPebblesToWrite() throws IOException {
        // Said: Unexpected tag name "assign", at column 1.
        line5("  {% assign year = page.date | date(\"yyyy\") %}");
        assertEquals("layouts/post.peb:5:6: layout error: there is no tag 'assign': 'assign' is Liquid's (Jekyll's): "
                + "write {% set name = value %}", onlyProblem());

        line5("{% if page.image is not empty %}<img src=\"{{ page.image }}\">{% elsif page.params.icon is not null %}"
                + "i{% endif %}");
        assertEquals("layouts/post.peb:5:64: layout error: there is no tag 'elsif': 'elsif' is Liquid's (Jekyll's): "
                + "write {% elseif ... %}", onlyProblem());

        line5("{% unless page.tags is empty %}<p>tagged</p>{% endunless %}");
        assertEquals("layouts/post.peb:5:4: layout error: there is no tag 'unless': 'unless' is Liquid's (Jekyll's): "
                + "write {% if not (...) %}, ended by {% endif %}", onlyProblem());

        // An if ended as an unless is: said to leave the {% block %} unclosed before it, the tag being none of Pebble's.
        line5("{% if page.tags is empty %}<p>untagged</p>{% endunless %}");
        assertEquals("layouts/post.peb:5:46: layout error: there is no tag 'endunless': 'endunless' is Liquid's "
                + "(Jekyll's): write {% endif %}, and {% if not (...) %} where it opens", onlyProblem());

        line5("{% capture heading %}{{ page.title }}{% endcapture %}");
        assertEquals("layouts/post.peb:5:4: layout error: there is no tag 'capture': 'capture' is Liquid's (Jekyll's), "
                + "and Pebble has no capture: build the text with ~ in a set, {% set title = \"Posts about \" ~ tag.name %}, "
                + "or write it in a {% macro %} and call that", onlyProblem());

        line5("{% comment %}the title{% endcomment %}");
        assertEquals("layouts/post.peb:5:4: layout error: there is no tag 'comment': 'comment' is Liquid's (Jekyll's): "
                + "write the comment between {# and #}", onlyProblem());

        line5("<pre>{% raw %}{{ page.title }}{% endraw %}</pre>");
        assertEquals("layouts/post.peb:5:9: layout error: there is no tag 'raw': 'raw' is Liquid's (Jekyll's): write "
                + "{% verbatim %}...{% endverbatim %}", onlyProblem());

        line5("{% case page.kind %}{% when \"post\" %}p{% endcase %}");
        assertEquals("layouts/post.peb:5:4: layout error: there is no tag 'case': 'case' is Liquid's (Jekyll's): write "
                + "{% if x == \"a\" %}...{% elseif x == \"b\" %}...{% else %}...{% endif %}", onlyProblem());

        line5("{% increment counter %}");
        assertEquals("layouts/post.peb:5:4: layout error: there is no tag 'increment': 'increment' is Liquid's (Jekyll's), "
                + "and Pebble has no counters: in a {% for %}, loop.index counts from 0; elsewhere {% set n = n + 1 %}",
                onlyProblem());
    }

    @Test
    void liquidsForLimitOffsetAndReversedSayWhatToWrite() throws IOException {
        // Said: Unexpected token of value "limit" and type NAME, expected token of type EXECUTE_END, at column 1.
        line5("<ul>{% for p in posts limit:5 %}<li>{{ p.title }}</li>{% endfor %}</ul>");
        assertEquals("layouts/post.peb:5:23: layout error: limit:5 is Liquid's (Jekyll's) way to choose what a for loops "
                + "over: Pebble's for takes no limit: test loop.index (which counts from 0) in the loop, {% if loop.index "
                + "< 5 %}...{% endif %}", onlyProblem());

        line5("<ul>{% for p in posts offset:1 limit:3 reversed %}<li>{{ p.title }}</li>{% endfor %}</ul>");
        assertEquals("layouts/post.peb:5:23: layout error: offset:1 limit:3 reversed is Liquid's (Jekyll's) way to choose "
                + "what a for loops over: Pebble's for takes no offset or limit or reversed: loop over the list reversed, "
                + "{% for p in posts | reverse %}; test loop.index (which counts from 0) in the loop, {% if loop.index >= 1 "
                + "and loop.index < 4 %}...{% endif %}", onlyProblem());
    }

    // ---- includes and values ----

    @Test
    void liquidsIncludeOfAFileOfIncludesSaysThePebbleIncludeToWrite() throws IOException {
        // Said: variable 'sidebar' does not exist here.
        line5("{% include sidebar.html %}");
        assertEquals("layouts/post.peb:5:12: layout error: {% include sidebar.html %} is Liquid's (Jekyll's) include, of "
                + "_includes/sidebar.html" + LAID_OUT + "Kiln includes a layout by its name in quotes, without .peb: "
                + "{% include \"partials/sidebar\" %}; create layouts/partials/sidebar.peb", onlyProblem());

        // Said: Unexpected token of value "title" and type NAME, expected token of type EXECUTE_END.
        write("layouts/partials/sidebar.peb", "<span>{{ title }}</span>\n");
        line5("{% include sidebar.html title=page.title %}");
        assertEquals("layouts/post.peb:5:12: layout error: {% include sidebar.html %} is Liquid's (Jekyll's) include, of "
                + "_includes/sidebar.html: Kiln includes a layout by its name in quotes, without .peb: {% include "
                + "\"partials/sidebar\" with {\"title\": page.title} %}, which sees title (Liquid's include.title is title)",
                onlyProblem());

        // Said: check the name (layouts: ...), or create layouts/sidebar.html.peb.
        line5("{% include \"sidebar.html\" %}");
        assertEquals("layouts/post.peb:5:12: layout error: there is no layout 'sidebar.html' to include" + LAID_OUT
                + "Kiln includes a layout by its name without extension (Jekyll's _includes/sidebar.html): {% include "
                + "\"partials/sidebar\" %}", onlyProblem());
    }

    @Test
    void jekyllsContentAndSitePostsSayWhatKilnNamesThem() throws IOException {
        line5("<div class=\"post-content\">{{ content }}</div>");
        assertEquals("layouts/post.peb:5:30: layout error: variable 'content' does not exist here" + LAID_OUT + "Jekyll's "
                + "content is Kiln's page.content: {{ page.content | raw }}", onlyProblem());

        line5("<ul>{% for post in site.posts %}<li>{{ post.title }}</li>{% endfor %}</ul>");
        assertEquals("layouts/post.peb:5:25: layout error: 'posts' does not exist here" + LAID_OUT + "Jekyll's site.posts "
                + "is Kiln's posts (every post, newest first)", onlyProblem());
    }

    // ---- helpers ----

    /** The names {@code pattern}'s first group finds in the advice of {@code problem} (after the page it laid out). */
    private static List<String> named(String problem, String pattern) {
        String advice = problem.substring(problem.indexOf("' is "));
        Matcher m = Pattern.compile(pattern).matcher(advice);
        return m.results().map(r -> r.group(1)).toList();
    }

    /** The names a problem lists after "{@code kind}: ", up to its closing parenthesis. */
    private static Set<String> listed(String problem, String kind) {
        int from = problem.indexOf("(" + kind + ": ") + kind.length() + 3;
        return Set.copyOf(Arrays.asList(problem.substring(from, problem.indexOf(')', from)).split(", ")));
    }

    /**
     * A post layout that begins as the built-in theme's does, extending its base, with {@code text} as its fifth line
     * (the theme's post title).
     */
    private void line5(String text) throws IOException {
        write("layouts/post.peb", "{% extends \"base\" %}\n{% block content %}\n<article class=\"post\">\n"
                + "  <header class=\"post-header\">\n" + text + "\n  </header>\n{{ page.content | raw }}\n</article>\n"
                + "{% endblock %}\n");
    }

    private String onlyProblem() {
        SiteException e = assertThrows(SiteException.class, this::build);
        assertEquals(1, e.problems().size(), e.getMessage());
        Problem problem = e.problems().get(0);
        return problem.toString();
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
