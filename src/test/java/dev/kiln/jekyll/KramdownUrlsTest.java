package dev.kiln.jekyll;

import dev.kiln.highlight.Highlighter;
import dev.kiln.markdown.MarkdownRenderer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Link URLs with spaces, which kramdown 2.4 (Jekyll's GFM input) takes and CommonMark takes only in pointy brackets:
 * each case's HTML from kramdown is in the comment beside it.
 */
class KramdownUrlsTest {

    private final MarkdownRenderer markdown = new MarkdownRenderer(Highlighter.plain());

    private String convert(String text) {
        return KramdownUrls.convert(text, markdown::spacedUrls, t -> Importer.withLiquid(t, markdown.raw(t)));
    }

    @Test
    void aDefinitionsUrlWithASpaceIsPutInPointyBracketsWhereKramdownReadsADefinition() {
        // <h1 id="files">Files</h1>\n\n<pre><code>[c]: /in code.pdf\n</code></pre>\n\n<pre><code>[d]: /fenced a.pdf\n</code></pre>
        // <p><a href="/x y.pdf" title="T">a</a> <a href="/p q.pdf">b</a></p>
        // (and <p>Text<br />\n[t]: /no def.pdf</p>: a line of a paragraph is no definition)
        assertEquals("# Files\n[a]: </x y.pdf> \"T\"\n[b]: </p q.pdf>\n\n    [c]: /in code.pdf\n\n```\n[d]: /fenced a.pdf\n```\n\n"
                        + "Text\n[t]: /no def.pdf\n\n[^1]: a note with spaces\n\n[a] [b]\n",
                convert("# Files\n[a]: /x y.pdf \"T\"\n[b]: </p q.pdf>\n\n    [c]: /in code.pdf\n\n```\n[d]: /fenced a.pdf\n```\n\n"
                        + "Text\n[t]: /no def.pdf\n\n[^1]: a note with spaces\n\n[a] [b]\n"));
    }

    @Test
    void anInlineUrlInLiquidOrCodeIsLeftAsWritten() {
        String text = "![a]({{ site.baseurl }}/My Photo.png) `[b](/c d)` <a title=\"[e](/f g)\">x</a> [h](/i j)\n";

        assertEquals("![a]({{ site.baseurl }}/My Photo.png) `[b](/c d)` <a title=\"[e](/f g)\">x</a> [h](</i j>)\n",
                convert(text));
    }
}
