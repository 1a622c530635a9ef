package dev.kiln.jekyll;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the Liquid converter turns into plain Markdown, and what it leaves and reports with its line. */
class LiquidConverterTest {

    private final LiquidConverter converter = new LiquidConverter(new LiquidConverter.Context(
            "https://me.github.io", "/blog", Map.of("2020-01-01-a", "/2020/01/01/a/"),
            Map.of("docs/guide.md", "/docs/guide/", "files/a.pdf", "/files/a.pdf"),
            Map.of("plain.html", "<b>plain</b>\n", "dynamic.html", "<b>{{ include.x }}</b>\n")));

    private String convert(String body) {
        return converter.convert("p.md", body, 1).text();
    }

    @Test
    void siteUrlsBecomePathsFromTheSiteRootThatKilnPutsItsBasePathBefore() {
        assertEquals("[a](/x/)", convert("[a]({{ site.baseurl }}/x/)"));
        assertEquals("[a](/x/)", convert("[a]({{ site.url }}{{ site.baseurl }}/x/)"));
        assertEquals("/x.png /y/", convert("{{ \"/x.png\" | relative_url }} {{ 'y/' | relative_url }}"));
        assertEquals("[a](/x/)", convert("[a]({{ \"/x/\" | absolute_url }})"));
        // The site's home: a link to / (Kiln writes /blog/), not an empty one.
        assertEquals("[home](/) <a href=\"/\">h</a> [top](/#top)", convert("[home]({{ site.url }}{{ site.baseurl }}) "
                + "<a href=\"{{ site.url }}{{ site.baseurl }}\">h</a> [top]({{ site.url }}{{ site.baseurl }}#top)"));
        assertEquals("[r]: /x/\n<img src='/a.png'>", convert("[r]: {{ site.url }}{{ site.baseurl }}/x/\n"
                + "<img src='{{ site.url }}{{ site.baseurl }}/a.png'>"));
        // In text and autolinks, the address Jekyll printed; site.url alone, with a base path, is the host's other site.
        assertEquals("Visit https://me.github.io/blog/x/ or <https://me.github.io/blog/y/>",
                convert("Visit {{ site.url }}{{ site.baseurl }}/x/ or <{{ '/y/' | absolute_url }}>"));
        assertEquals("https://me.github.io", convert("{{site.url}}"));
        assertEquals("[u](https://me.github.io/x/)", convert("[u]({{ site.url }}/x/)"));
    }

    @Test
    void aProjectSiteWithoutUrlGetsPathsNotItsBasePathTwice() {
        // baseurl: /blog and no url (GitHub's metadata filled it in): Kiln adds /blog itself.
        LiquidConverter noUrl = new LiquidConverter(new LiquidConverter.Context("", "/blog", Map.of(), Map.of(),
                Map.of()));
        assertEquals("[one](/about/), [two](/about/), [three](/about/).", noUrl.convert("p.md",
                "[one]({{ site.baseurl }}/about/), [two]({{ site.url }}{{ site.baseurl }}/about/), "
                        + "[three]({{ \"/about/\" | absolute_url }}).", 1).text());
    }

    @Test
    void aBaseurlEndingInASlashKeepsThePathAfterItRootRelative() {
        // Poole, Lanyon and Hyde ship baseurl: / and write {{ site.baseurl }}public/x.png, which Jekyll printed
        // /public/x.png: without its slash the URL would be relative, and broken on every post.
        LiquidConverter poole = new LiquidConverter(new LiquidConverter.Context("", "/", Map.of(), Map.of(),
                Map.of()));
        assertEquals("![X](/public/x.png \"X\") [here](/public/resume.pdf) <img src=\"/public/a.png\"> [h](/)",
                poole.convert("p.md", "![X]({{ site.baseurl }}public/x.png \"X\") [here]({{site.baseurl}}public/"
                        + "resume.pdf) <img src=\"{{ site.baseurl }}public/a.png\"> [h]({{ site.baseurl }})", 1).text());
        assertEquals("[a](/about/) [b](/x/)", poole.convert("p.md",
                "[a]({{ site.baseurl }}about/) [b]({{ site.url }}{{ site.baseurl }}x/)", 1).text());
        // A project site's /blog/ the same: Kiln puts /blog in front of /public/x.png itself.
        LiquidConverter blog = new LiquidConverter(new LiquidConverter.Context("https://me.github.io", "/blog/",
                Map.of(), Map.of(), Map.of()));
        assertEquals("![X](/public/x.png) [a](/about/) [h](/) at https://me.github.io/blog/x/",
                blog.convert("p.md", "![X]({{ site.baseurl }}public/x.png) [a]({{ site.baseurl }}/about/) "
                        + "[h]({{ site.baseurl }}) at {{ site.url }}{{ site.baseurl }}/x/", 1).text());
        // No baseurl: Jekyll printed nothing, and public/x.png was relative there too.
        LiquidConverter none = new LiquidConverter(new LiquidConverter.Context("", "", Map.of(), Map.of(), Map.of()));
        assertEquals("![X](public/x.png)", none.convert("p.md", "![X]({{ site.baseurl }}public/x.png)", 1).text());
    }

    @Test
    void outsideAUrlABaseurlEndingInASlashIsWrittenAsJekyllPrintedIt() {
        // baseurl: /blog/ before feed.xml: Jekyll printed https://someone.github.io/blog/feed.xml in text, in an
        // autolink and in code alike (Kiln wrote .../blogfeed.xml there until 2026-12-07).
        var markdown = new dev.kiln.markdown.MarkdownRenderer(dev.kiln.highlight.Highlighter.plain());
        LiquidConverter blog = new LiquidConverter(new LiquidConverter.Context("https://someone.github.io", "/blog/",
                Map.of(), Map.of(), Map.of()), markdown::raw, markdown::code);
        assertEquals("Feed: <https://someone.github.io/blog/feed.xml> and text https://someone.github.io/blog/feed.xml\n\n"
                        + "    curl https://someone.github.io/blog/feed.xml\n\n`https://someone.github.io/blog/feed.xml` "
                        + "and /blog/feed.xml, [f](/feed.xml)\n",
                blog.convert("p.md", "Feed: <{{ site.url }}{{ site.baseurl }}feed.xml> and text {{ site.url }}"
                        + "{{ site.baseurl }}feed.xml\n\n    curl {{ site.url }}{{ site.baseurl }}feed.xml\n\n"
                        + "`{{ site.url }}{{ site.baseurl }}feed.xml` and {{ site.baseurl }}feed.xml, "
                        + "[f]({{ site.url }}{{ site.baseurl }}feed.xml)\n", 1).text());
        // Before a slash, one slash between them (Jekyll printed /blog//x/, which the server read as /blog/x/).
        assertEquals("https://someone.github.io/blog/x/ /blog/x/", blog.convert("p.md",
                "{{ site.url }}{{ site.baseurl }}/x/ {{ site.baseurl }}/x/", 1).text());
        // baseurl: / (Poole): the site's root, not https://someone.github.iopublic/x.png.
        LiquidConverter poole = new LiquidConverter(new LiquidConverter.Context("https://someone.github.io", "/",
                Map.of(), Map.of(), Map.of()));
        assertEquals("at https://someone.github.io/public/x.png and /public/x.png", poole.convert("p.md",
                "at {{ site.url }}{{ site.baseurl }}public/x.png and {{ site.baseurl }}public/x.png", 1).text());
    }

    @Test
    void siteUrlAloneIsTheSiteRootWithoutABasePath() {
        LiquidConverter root = new LiquidConverter(new LiquidConverter.Context("https://me.example", "", Map.of(),
                Map.of(), Map.of()));
        assertEquals("[a](/about/) [h](/) at https://me.example/", root.convert("p.md",
                "[a]({{ site.url }}/about/) [h]({{ site.url }}) at {{ site.url }}/", 1).text());
    }

    @Test
    void codeShowsTheAddressJekyllPrinted() {
        var markdown = new dev.kiln.markdown.MarkdownRenderer(dev.kiln.highlight.Highlighter.plain());
        LiquidConverter withCode = new LiquidConverter(new LiquidConverter.Context("https://me.github.io", "/blog",
                Map.of(), Map.of(), Map.of()), markdown::raw, markdown::code);
        assertEquals("`https://me.github.io/blog/feed.xml` [f](/feed.xml)\n\n```\n"
                + "curl https://me.github.io/blog/x/\n```\n", withCode.convert("p.md",
                "`{{ site.url }}{{ site.baseurl }}/feed.xml` [f]({{ site.url }}{{ site.baseurl }}/feed.xml)\n\n"
                        + "```\ncurl {{ '/x/' | absolute_url }}\n```\n", 1).text());
        assertEquals("```sh\ncurl https://me.github.io/blog/x/\n```\n", withCode.convert("p.md",
                "{% highlight sh %}\ncurl {{ site.url }}{{ site.baseurl }}/x/\n{% endhighlight %}\n", 1).text());
        assertEquals("```md\n[a](https://me.github.io/blog/x/)\n```\n", withCode.convert("p.md",
                "```md\n[a]({{ site.url }}{{ site.baseurl }}/x/)\n```\n", 1).text());
    }

    @Test
    void postUrlAndLinkNameKilnUrls() {
        assertEquals("[a](/2020/01/01/a/)", convert("[a]({% post_url 2020-01-01-a %})"));
        assertEquals("/docs/guide/ /files/a.pdf", convert("{% link docs/guide.md %} {% link /files/a.pdf %}"));
    }

    @Test
    void highlightInAListItemStaysInIt() {
        assertEquals("1. Step:\n\n   ```bash\n   echo hi\n   ```\n\n2. Step two\n",
                convert("1. Step:\n\n   {% highlight bash %}\n   echo hi\n   {% endhighlight %}\n\n2. Step two\n"));
        assertEquals("- a\n  ```sh\n  x\n\n  y\n  ```\n",
                convert("- a\n  {% highlight sh %}\n  x\n\n  y\n  {% endhighlight %}\n"));
    }

    @Test
    void highlightBecomesFencedCodeAndRawIsUnwrapped() {
        assertEquals("```ruby\nputs 1\n```\n", convert("{% highlight ruby %}\nputs 1\n{% endhighlight %}\n"));
        assertEquals("````md\n```\n````", convert("{% highlight md %}\n```\n{% endhighlight %}"));
        assertEquals("a {{ b }} {% c %}", convert("{% raw %}a {{ b }} {% c %}{% endraw %}"));
    }

    @Test
    void plainIncludesAreInlinedOthersLeft() {
        assertEquals("<b>plain</b>", convert("{% include plain.html k=\"v\" %}"));
        LiquidConverter.Result r = converter.convert("p.md", "x\n\n{% include dynamic.html x=1 %}\n{{ page.title }}", 5);
        assertEquals("x\n\n{% include dynamic.html x=1 %}\n{{ page.title }}", r.text());
        assertEquals(List.of("p.md:7: {% include dynamic.html x=1 %}", "p.md:8: {{ page.title }}"),
                r.leftovers().stream().map(Object::toString).toList());
        assertEquals(0, r.converted());
    }

    @Test
    void anUnknownPostIsLeftAndReported() {
        LiquidConverter.Result r = converter.convert("p.md", "{% post_url nope %}", 3);
        assertEquals("{% post_url nope %}", r.text());
        assertEquals(3, r.leftovers().get(0).line());
    }

    /** What Jekyll 4.3.1 (Liquid 5.4, kramdown 2.4) showed for each is in the comment after it. */
    @Test
    void rawInAHighlightShowsItsTextAsItDoesInFencedCode() {
        assertEquals("```liquid\n{{ page.title }}\n```\n",
                convert("{% highlight liquid %}\n{% raw %}{{ page.title }}{% endraw %}\n{% endhighlight %}\n"));
        // A raw block over the code's lines: Jekyll strips the blank lines its tags leave.
        assertEquals("```jinja\n{% for x in xs %}\n  {{ x }}\n{% endfor %}\n```\n", convert(
                "{% highlight jinja %}\n{% raw %}\n{% for x in xs %}\n  {{ x }}\n{% endfor %}\n{% endraw %}\n"
                        + "{% endhighlight %}\n"));
        // An {% endhighlight %} in raw is code: a post about highlight shows a highlight block.
        assertEquals("```liquid\n{% highlight ruby %}\nx\n{% endhighlight %}\n```\n", convert(
                "{% highlight liquid %}\n{% raw %}\n{% highlight ruby %}\nx\n{% endhighlight %}\n{% endraw %}\n"
                        + "{% endhighlight %}\n"));
        assertEquals("- a\n\n  ```sh\n  echo \"{{x}}\"\n  ```\n",
                convert("- a\n\n  {% highlight sh %}\n  echo \"{% raw %}{{x}}{% endraw %}\"\n  {% endhighlight %}\n"));
        assertEquals("```yaml\nv: \"{{ .Values.x }}\"\n```\n\n`{{ y }}`\n",
                convert("```yaml\nv: \"{% raw %}{{ .Values.x }}{% endraw %}\"\n```\n\n`{% raw %}{{ y }}{% endraw %}`\n"));
        assertEquals("\n```go\n{{ range . }}{{ end }}\n```\n\n",
                convert("{% raw %}\n```go\n{{ range . }}{{ end }}\n```\n{% endraw %}\n"));
    }

    @Test
    void aHighlightsLinenosNumbersTheFencesLinesWhateverItsValueAsInJekyll() {
        // Jekyll 4.3.1: <table class="rouge-table">... for each, linenos=false too (a string, true to Ruby).
        for (String linenos : List.of("linenos", "linenos=table", "linenos=inline", "linenos=false")) {
            LiquidConverter.Result r = converter.convert("p.md", "{% highlight ruby " + linenos
                    + " %}\ndef foo\nend\n{% endhighlight %}\n", 4);
            assertEquals("```ruby linenos\ndef foo\nend\n```\n", r.text(), linenos);
            assertEquals(List.of(), r.warnings(), linenos);
        }
        assertEquals("- a\n\n  ```sh linenos\n  ls\n  ```\n",
                convert("- a\n\n  {% highlight sh linenos %}\n  ls\n  {% endhighlight %}\n"));
    }

    @Test
    void aHighlightsOtherOptionsAreDroppedWithAWarningAtTheirPlaceSayingThatJekyllDroppedThemToo() {
        // Jekyll 4.3.1 with Rouge reads linenos alone: hl_lines marked no line, LINENOS numbered none.
        LiquidConverter.Result r = converter.convert("p.md", "Intro.\n\n{% highlight ruby hl_lines=\"2 3\" linenos %}\n"
                + "a\nb\nc\n{% endhighlight %}\n\nThen {%- highlight sh LINENOS startinline=true -%}\nls\n"
                + "{% endhighlight %}\n", 5);
        assertEquals("Intro.\n\n```ruby linenos\na\nb\nc\n```\n\nThen \n```sh\nls\n```\n", r.text());
        String dropped = " dropped: Kiln's code blocks have no such option (Jekyll 4.3's Rouge did not read it either, "
                + "so the page shows the same)";
        assertEquals(List.of("p.md:7:19: {% highlight %} option hl_lines=\"2 3\"" + dropped,
                        "p.md:13:23: {% highlight %} option LINENOS" + dropped,
                        "p.md:13:31: {% highlight %} option startinline=true" + dropped),
                r.warnings());
    }

    @Test
    void liquidInAHighlightIsConvertedOrReportedAsElsewhere() {
        LiquidConverter.Result r = converter.convert("p.md", "x\n\n{% highlight text %}\n{{ site.url }}\n"
                + "{{ page.title }}\n{% endhighlight %}\n", 3);
        assertEquals("x\n\n```text\nhttps://me.github.io\n{{ page.title }}\n```\n", r.text());
        assertEquals(List.of("p.md:7: {{ page.title }}"), r.leftovers().stream().map(Object::toString).toList());
        // <p>And</p> and the highlighted code after it.
        assertEquals("And \n```text\nE\n```\nthen", convert("And {% highlight text %}E{% endhighlight %}then"));
    }

    @Test
    void commentsShowNothingAsInJekyllOutsideRaw() {
        LiquidConverter.Result r = converter.convert("p.md", "Public.\n\n{% comment %}\nTODO: private\n"
                + "{% endcomment %}\nInline {% comment %}x{% endcomment %} here.\n", 4);
        // The comment's own lines stay as blank lines, so that what follows keeps its line numbers.
        assertEquals("Public.\n\n\n\n\nInline  here.\n", r.text());
        assertEquals(List.of(6, 9), r.comments());
        assertEquals("p.md:6:1: 2 Liquid comments ({% comment %}, lines 6, 9) removed, as Jekyll showed nothing of "
                + "them; the Jekyll file keeps them (write an HTML comment, <!-- ... -->, for a note that should stay "
                + "in the Kiln post)", r.commentNote("p.md").orElseThrow());
        assertTrue(converter.convert("p.md", "Text and {% comment %}x{% endcomment %}.\n", 4).commentNote("p.md")
                .orElseThrow().startsWith("p.md:4:10: 1 Liquid comment"));
        assertEquals(List.of(), r.leftovers());
        // <p>{% comment %}shown{% endcomment %}</p>
        assertEquals("{% comment %}shown{% endcomment %}", convert("{% raw %}{% comment %}shown{% endcomment %}{% endraw %}"));
        // <p>after nested</p>; <p>after raw</p>
        assertEquals("after nested", convert("{% comment %}a {% comment %}b{% endcomment %} c{% endcomment %}after nested"));
        assertEquals("after raw", convert("{% comment %}{% raw %}{% endcomment %}{% endraw %} c{% endcomment %}after raw"));
        // Liquid ran over code too: <code>code  end</code>; {%- and -%} strip the white space around.
        assertEquals("```\ncode  end\n```\n", convert("```\ncode {% comment %}x{% endcomment %} end\n```\n"));
        assertEquals("a\n\nbglued", convert("a\n\nb\n{%- comment -%}\n  trim\n{%- endcomment -%}\nglued"));
        assertEquals("```t\n```", convert("{% highlight t %}\n{% comment %}x{% endcomment %}\n{% endhighlight %}"));
    }

    @Test
    void aCommentInCodeLeavesNoBlankLines() {
        LiquidConverter lines = new LiquidConverter(new LiquidConverter.Context("", "", Map.of(), Map.of(), Map.of()),
                new dev.kiln.markdown.MarkdownRenderer(dev.kiln.highlight.Highlighter.plain())::raw);
        assertEquals("```\na\n\nb\n```\n\nc\n\n\n\nd\n", lines.convert("p.md",
                "```\na\n{% comment %}\nx\n{% endcomment %}\nb\n```\n\nc\n{% comment %}\nx\n{% endcomment %}\nd\n", 1)
                .text());
    }

    @Test
    void anIncludeRelativeOfAPlainFileIsItsTextAndAnyOtherIsLeftAndListed() {
        // Jekyll reads it from the folder of the page's file; until 2026-12-07 every include_relative was left.
        Map<String, String> files = Map.of("_posts/a.md", "A *note*.\n", "_posts/d.md", "By {{ site.title }}\n",
                "_posts/fm.md", "---\nx: 1\n---\nX\n", "b.md", "At the root.\n");
        LiquidConverter relative = new LiquidConverter(new LiquidConverter.Context("", "", Map.of(), Map.of(), Map.of(),
                files::get));
        LiquidConverter.Result result = relative.convert("_posts/2020-01-01-x.md", "{% include_relative a.md %}\n"
                + "{% include_relative d.md %}\n{% include_relative fm.md %}\n{% include_relative ../b.md %}\n"
                + "{% include_relative gone.md %}\n", 1);

        assertEquals("A *note*.\n{% include_relative d.md %}\n{% include_relative fm.md %}\n"
                + "{% include_relative ../b.md %}\n{% include_relative gone.md %}\n", result.text());
        assertEquals(1, result.converted());
        assertEquals(List.of("_posts/2020-01-01-x.md:2: {% include_relative d.md %}",
                "_posts/2020-01-01-x.md:3: {% include_relative fm.md %}",
                "_posts/2020-01-01-x.md:4: {% include_relative ../b.md %}",
                "_posts/2020-01-01-x.md:5: {% include_relative gone.md %}"),
                result.leftovers().stream().map(Object::toString).toList());
        assertEquals("At the root.", relative.convert("about.md", "{% include_relative b.md %}", 1).text());
    }

    @Test
    void whatARawShowedIsWrittenWithAnEntityWhereKilnsBuildWouldTakeItForLiquid() {
        var markdown = new dev.kiln.markdown.MarkdownRenderer(dev.kiln.highlight.Highlighter.plain());
        LiquidConverter.Result result = converter.convert("p.md", "{% raw %}{{ site.url }}, {{ this }} and "
                + "`{% if x %}`{% endraw %}; {{ page.title }} is left.\n\n```\n{% raw %}{% include x %}{% endraw %}\n```\n", 1);

        // Only what a raw showed: the Liquid left ({{ page.title }}) is the build's to report; code shows it as written.
        assertEquals("&#123;{ site.url }}, {{ this }} and `{% if x %}`; {{ page.title }} is left.\n\n```\n"
                + "{% include x %}\n```\n", result.shownAsWritten(markdown::liquidStarts));
        assertEquals("<p>&#123;% include x %}</p>", converter.convert("p.html", "<p>{% raw %}{% include x %}"
                + "{% endraw %}</p>", 1).shownAsWritten(dev.kiln.markdown.Liquid::startsInHtml));
    }
}
