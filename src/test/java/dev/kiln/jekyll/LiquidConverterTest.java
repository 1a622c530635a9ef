package dev.kiln.jekyll;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void siteUrlsBecomeRootRelativeOrAbsolute() {
        assertEquals("[a](/x/)", convert("[a]({{ site.baseurl }}/x/)"));
        assertEquals("https://me.github.io/blog/x/", convert("{{ site.url }}{{ site.baseurl }}/x/"));
        assertEquals("https://me.github.io", convert("{{site.url}}"));
        assertEquals("/x.png /y/", convert("{{ \"/x.png\" | relative_url }} {{ 'y/' | relative_url }}"));
        assertEquals("https://me.github.io/blog/x/", convert("{{ \"/x/\" | absolute_url }}"));
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
        assertEquals("```ruby\nputs 1\n```\n", convert("{% highlight ruby linenos %}\nputs 1\n{% endhighlight %}\n"));
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
}
