package dev.kiln.markdown;

import dev.kiln.error.Problem;
import dev.kiln.highlight.TokenHighlighter;
import dev.kiln.testing.Kiln;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Jekyll's Liquid left in a page is an error at its place, saying what to write; other double braces (Vue, Angular,
 * Handlebars, Go's templates) are text, and code, comments and an escaped brace show Liquid as written.
 */
class LiquidTest {

    private static final MarkdownRenderer QUICK = new MarkdownRenderer(new TokenHighlighter());
    private static final MarkdownRenderer FLEXMARK = new MarkdownRenderer(new TokenHighlighter(), false);
    private static final String PATH = "content/posts/x.md";
    private static final String SHOW = "; to show it as written, make it code or write its { as &#123;";
    private static final String RUNS_NONE = ": Kiln runs no Liquid and would print it as text; ";
    /** A site with one other post and one page, as a build knows them. */
    private static final SiteUrls URLS = new SiteUrls() {
        @Override
        public String post(String name) {
            return Map.of("2026-12-02-other", "/2026/12/02/other/").get(name);
        }

        @Override
        public String file(String path) {
            return Map.of("about.md", "/about/").get(path);
        }
    };

    /** The problems of {@code markdown} as a page's body from its first line, as Kiln's own parsers and flexmark's find them. */
    private static List<String> problems(String markdown) {
        List<String> quick = problemsOf(QUICK, markdown);
        assertEquals(quick, problemsOf(FLEXMARK, markdown), "flexmark's parsers find the same: " + markdown);
        return quick;
    }

    private static List<String> problemsOf(MarkdownRenderer renderer, String markdown) {
        BodyProblems e = assertThrows(BodyProblems.class, () -> renderer.renderPage(markdown, "/x/", "", u -> u, URLS));
        return e.in(PATH, markdown, 0).stream().map(Problem::toString).toList();
    }

    private static Element body(String markdown) {
        MarkdownRenderer.Rendered both = QUICK.renderPage(markdown, "/x/", "", u -> u, URLS);
        FLEXMARK.renderPage(markdown, "/x/", "", u -> u, URLS); // refuses nothing either
        String html = both.finished() != null ? both.finished().html() : both.html();
        return Jsoup.parseBodyFragment(html).body();
    }

    @Test
    void jekyllHabitsInAPostAreErrorsAtTheirPlaceSayingWhatToWrite() {
        // The new user's post (finding 1): each was printed as text, the link and image broken, with no word.
        assertEquals(List.of(
                        PATH + ":1:9: Liquid {{ site.baseurl }}" + RUNS_NONE + "write the path from the site root, "
                                + "/assets/images/lake.png: Kiln adds site.yml's base path to it" + SHOW,
                        PATH + ":3:21: Liquid {% post_url 2026-12-02-other %}" + RUNS_NONE + "write the post's URL in "
                                + "its place, /2026/12/02/other/" + SHOW,
                        PATH + ":3:66: Liquid {{ \"/about/\" | relative_url }}" + RUNS_NONE + "write /about/ as it is, "
                                + "the path from the site root: Kiln adds site.yml's base path to it" + SHOW,
                        PATH + ":5:1: Liquid {% highlight ruby %}" + RUNS_NONE + "write the code as a fenced code block: "
                                + "```ruby on a line of its own in place of {% highlight ruby %}, and ``` in place of "
                                + "{% endhighlight %}" + SHOW),
                problems("""
                        ![Lake]({{ site.baseurl }}/assets/images/lake.png)

                        See [my other post]({% post_url 2026-12-02-other %}) and [about]({{ "/about/" | relative_url }}).

                        {% highlight ruby %}
                        puts "hi {{ site.title }}"
                        {% endhighlight %}
                        """));
    }

    @Test
    void siteUrlsAndUrlFiltersSayThePathToWrite() {
        assertEquals(List.of(
                        PATH + ":1:8: Liquid {{ site.url }}{{ site.baseurl }}" + RUNS_NONE + "write the path from the site "
                                + "root, /feed.xml: Kiln adds site.yml's base path to it" + SHOW,
                        PATH + ":2:13: Liquid {{site.url}}" + RUNS_NONE + "write the path from the site root (/about/): "
                                + "Kiln adds site.yml's base path to it" + SHOW,
                        PATH + ":3:6: Liquid {{- 'docs/a.pdf' | absolute_url -}}" + RUNS_NONE + "write /docs/a.pdf as it "
                                + "is, the path from the site root: Kiln adds site.yml's base path to it" + SHOW,
                        PATH + ":4:10: Liquid {{ \"https://example.com/\" | relative_url }}" + RUNS_NONE
                                + "write https://example.com/ as it is" + SHOW,
                        PATH + ":5:9: Liquid {{ page.url | absolute_url }}" + RUNS_NONE + "write its value in its place "
                                + "(a value every page shows belongs in a layout, layouts/*.peb, which reads page and site "
                                + "values); kiln import jekyll converts a whole Jekyll site" + SHOW),
                problems("""
                        [Feed]({{ site.url }}{{ site.baseurl }}/feed.xml)
                        The site is {{site.url}}.
                        PDF: {{- 'docs/a.pdf' | absolute_url -}}
                        Outside: {{ "https://example.com/" | relative_url }}
                        This is {{ page.url | absolute_url }}
                        """));
    }

    @Test
    void jekyllsTagsSayWhatKilnHasInstead() {
        assertEquals(List.of(
                        PATH + ":1:1: Liquid {% include note.html %}" + RUNS_NONE + "write the HTML or Markdown of "
                                + "_includes/note.html in its place (Kiln's pages have no includes; what every page shows "
                                + "belongs in a layout: layouts/partials/)" + SHOW,
                        PATH + ":3:1: Liquid {% include_relative snippet.md %}" + RUNS_NONE + "write the text of snippet.md, "
                                + "which Jekyll read from the folder of the page's file, in its place (Kiln's pages have "
                                + "no includes)" + SHOW,
                        PATH + ":5:1: Liquid {% if page.comments %}" + RUNS_NONE + "Kiln's pages have no conditions: keep "
                                + "the text to show and remove the tags, up to its {% endif %} (a layout, layouts/*.peb, "
                                + "can decide with Pebble's {% if %})" + SHOW,
                        PATH + ":5:23: Liquid {{ page.title | upcase }}" + RUNS_NONE + "write its value in its place (a "
                                + "value every page shows belongs in a layout, layouts/*.peb, which reads page and site "
                                + "values); kiln import jekyll converts a whole Jekyll site" + SHOW,
                        PATH + ":7:1: Liquid {% for post in site.posts limit:3 %}" + RUNS_NONE + "Kiln's pages have no "
                                + "loops: write out what it would list, up to its {% endfor %} (Kiln makes the post list, "
                                + "the tag pages and the archive itself; a layout, layouts/*.peb, can loop with Pebble's "
                                + "{% for %})" + SHOW,
                        PATH + ":10:1: Liquid {% assign n = 3 %}" + RUNS_NONE + "Kiln's pages have no variables: write the "
                                + "value where it is shown (a value of your own goes in the front matter, which layouts "
                                + "read as page.params.KEY)" + SHOW,
                        PATH + ":12:1: Liquid {% link about.md %}" + RUNS_NONE + "write the URL of about.md in its place, "
                                + "/about/" + SHOW,
                        PATH + ":12:21: Liquid {% link _posts/gone.md %}" + RUNS_NONE + "write the URL _posts/gone.md is "
                                + "published at (this build publishes no file of that name; kiln check reports a link to "
                                + "no page)" + SHOW,
                        PATH + ":12:47: Liquid {% post_url 2020-01-01-gone %}" + RUNS_NONE + "write the URL of the post "
                                + "2020-01-01-gone in its place (this build publishes no post of that name; kiln check "
                                + "reports a link to no page)" + SHOW,
                        PATH + ":14:1: Liquid {% gist 1234 %}" + RUNS_NONE + "write what it stood for in its place; kiln "
                                + "import jekyll converts a whole Jekyll site" + SHOW),
                problems("""
                        {% include note.html %}

                        {% include_relative snippet.md %}

                        {% if page.comments %}{{ page.title | upcase }}{% else %}none{% endif %}

                        {% for post in site.posts limit:3 %}
                        * {{ post.title }}
                        {% endfor %}
                        {% assign n = 3 %}

                        {% link about.md %} {% link _posts/gone.md %} {% post_url 2020-01-01-gone %}

                        {% gist 1234 %}
                        """));
    }

    @Test
    void rawAndCommentAreSaidOnceWithWhatTheyHold() {
        // What {% raw %} holds is what the author meant to show: said with the raw, not one problem each.
        assertEquals(List.of(
                        PATH + ":1:5: Liquid {% raw %}" + RUNS_NONE + "Kiln needs no {% raw %}: remove it and its "
                                + "{% endraw %}, and show the Liquid it holds as code or with its first { written &#123; "
                                + "(else Kiln reports it)",
                        PATH + ":3:1: Liquid {% comment %}" + RUNS_NONE + "write an HTML comment, <!-- in place of "
                                + "{% comment %} and --> in place of {% endcomment %}" + SHOW,
                        PATH + ":5:1: Liquid {{ site.title }}" + RUNS_NONE + "write its value in its place (a value "
                                + "every page shows belongs in a layout, layouts/*.peb, which reads page and site values); "
                                + "kiln import jekyll converts a whole Jekyll site" + SHOW),
                problems("""
                        Use {% raw %}{{ site.baseurl }} and {% include x %}{% endraw %} in a layout.

                        {% comment %} {{ page.draft }} {% endcomment %}

                        {{ site.title }}
                        """));
    }

    @Test
    void otherDoubleBracesAreTextAsTheyWere() {
        // Vue, Angular, Handlebars, Mustache, Jinja and Go's templates print values with double braces too: a post
        // about them may show them in its text. Only Jekyll's variables and filters, and Liquid's tags, are Liquid.
        String text = "Vue shows {{ message }} and {{ user.name | capitalize }}; Angular {{ birthday | date:'short' }}; "
                + "Handlebars {{#each items}}{{this}}{{/each}} and {{{ body }}}; Go {{ .Site.Title }}; Jinja "
                + "{% set x = 1 %}, {% block content %}{% endblock %} and {{ user.name | upper }}; a {{ page }}, "
                + "{{ sitemap.url }} and a {% liquid-ish %} set; Hugo {{ site.Title }} and {{ page.Params.x }}; {{ unclosed.";
        assertEquals(text, body(text + "\n").selectFirst("p").text().replace("‘", "'").replace("’", "'"));
    }

    @Test
    void liquidInCodeInCommentsOrEscapedIsShownAsWrittenWithoutTypography() {
        Element body = body("""
                Write `{{ "/about/" | relative_url }}`, \\{{ site.url }}, &#123;% post_url x %} and &#123;{ site.baseurl }}.

                ```liquid
                {% for post in site.posts %}{{ post.title | upcase }}{% endfor %}
                ```

                    {% include "x.html" %}

                <!-- {% if page.draft %} -->
                <pre>{{ site.url }}</pre>
                <p>Inline <code>{% raw %}</code>.</p>
                """);
        assertEquals("Write {{ \"/about/\" | relative_url }}, {{ site.url }}, {% post_url x %} and {{ site.baseurl }}.",
                body.selectFirst("p").text());
        assertEquals("{% for post in site.posts %}{{ post.title | upcase }}{% endfor %}\n",
                body.selectFirst("pre code.language-liquid").wholeText());
        assertEquals("{% include \"x.html\" %}\n", body.select("pre code").get(1).wholeText());
        assertEquals("{{ site.url }}", body.select("pre").get(2).text());
        assertEquals("{% raw %}", body.select("p code").get(1).text());
    }

    @Test
    void liquidInRawHtmlOutsideItsCodeElementsIsAnErrorForJekyllRanItThere() {
        assertEquals(List.of(PATH + ":1:11: Liquid {{ site.baseurl }}" + RUNS_NONE + "write the path from the site "
                        + "root, /img/a.png: Kiln adds site.yml's base path to it" + SHOW),
                problems("<img src=\"{{ site.baseurl }}/img/a.png\" alt=\"\">\n"));
    }

    @Test
    void hugosShortcodeIsSaidAsOneNotAsLiquid() {
        assertEquals(List.of(PATH + ":1:1: Hugo shortcode {{% include %}}: Kiln has no shortcodes and would print it "
                        + "as text; write the HTML or Markdown it stood for in its place"),
                problems("{{% include \"x.md\" %}}\n"));
    }

    @Test
    void anHtmlPagesLiquidIsAnErrorOutsideItsCodeAndComments() {
        String html = "<p><a href=\"{{ site.baseurl }}/about/\">About</a></p>\n<pre>{% raw %}</pre>\n"
                + "<!-- {% include x %} -->\n<script>var t = '{{ page.title }}';</script>\n";
        BodyProblems e = assertThrows(BodyProblems.class, () -> Liquid.refuseInHtml(html, SiteUrls.NONE));
        assertEquals(List.of("content/about.html:1:13: Liquid {{ site.baseurl }}" + RUNS_NONE + "write the path from "
                        + "the site root, /about/: Kiln adds site.yml's base path to it" + SHOW),
                e.in("content/about.html", html, 0).stream().map(Problem::toString).toList());
    }

    @TempDir
    Path site;

    @TempDir
    Path out;

    @Test
    void aBuildFailsAtTheLiquidOfPostsAndHtmlPagesNamingThePostsUrlsAndLeavesThePreviousOutput() throws IOException {
        Kiln.write(site, "site.yml", "title: Liquid\nbase_url: https://jane.github.io/blog\npermalink: /notes/:slug/\n");
        Kiln.write(site, "content/posts/2026-12-02-other.md", "---\ntitle: Other\n---\nOther.\n");
        Kiln.write(site, "content/posts/2026-12-03-trip/index.md", "---\ntitle: Trip\n---\nTrip.\n");
        Kiln.write(site, "content/posts/2026-12-01-liquid.md", "---\ntitle: Liquid\n---\nFirst.\n");
        Kiln.write(site, "content/about.html", "---\ntitle: About\n---\n<p>About.</p>\n");
        Kiln.write(site, "content/files/cv.pdf", "%PDF");
        Path dest = out.resolve("site");
        assertEquals(0, Kiln.run("build", "--source", site.toString(), "--dest", dest.toString()).code());
        Kiln.write(site, "content/posts/2026-12-01-liquid.md", "---\ntitle: Liquid\n---\nSee {% post_url 2026-12-02-other %}, "
                + "{% post_url 2026-12-03-trip %} and my {% link files/cv.pdf %}.\n");
        Kiln.write(site, "content/about.html", "---\ntitle: About\n---\n<p><a href=\"{{ site.baseurl }}/\">Home</a></p>\n");

        Kiln.assertBuildFails(site, dest, List.of(
                "content/about.html:4:13: Liquid {{ site.baseurl }}" + RUNS_NONE + "write the path from the site root, "
                        + "/: Kiln adds site.yml's base path to it" + SHOW,
                "content/posts/2026-12-01-liquid.md:4:5: Liquid {% post_url 2026-12-02-other %}" + RUNS_NONE + "write the "
                        + "post's URL in its place, /notes/other/" + SHOW,
                "content/posts/2026-12-01-liquid.md:4:38: Liquid {% post_url 2026-12-03-trip %}" + RUNS_NONE + "write "
                        + "the post's URL in its place, /notes/trip/" + SHOW,
                "content/posts/2026-12-01-liquid.md:4:76: Liquid {% link files/cv.pdf %}" + RUNS_NONE + "write the URL of "
                        + "files/cv.pdf in its place, /files/cv.pdf" + SHOW));
    }
}
