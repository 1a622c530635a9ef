package dev.kiln.html;

import dev.kiln.highlight.TokenHighlighter;
import dev.kiln.markdown.MarkdownRenderer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.ParseError;
import org.jsoup.parser.Parser;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Property tests of rendering: for random Markdown, leaning on its syntax characters, rendering and the
 * body pass finish within a bound per input, throw nothing, and give well-formed HTML.
 *
 * <p>"Well-formed" is checked by criteria that can fail, for inputs with no raw HTML (Markdown lets an
 * author write any HTML, balanced or not, and Kiln passes it through; so a {@code <} that could open a
 * tag gets a space after it in those inputs):
 * <ul>
 *   <li>the renderer's output, wrapped in one {@code <body>}, is well-formed XML to the JDK's SAX parser:
 *   every element closed, in order, void elements self-closed, attributes quoted, no stray {@code &}
 *   (HTML's character references are first made XML's, as {@link #asXmlText} says, and characters
 *   XML 1.0 forbids, which HTML allows as text, become spaces: tags, not characters, are in question);</li>
 *   <li>the processed body re-parses with jsoup's HTML5 parser without a single parse error (no stray or
 *   misnested end tag, no element a browser would move), and re-serialises to itself, so a browser
 *   builds the very tree Kiln gave ids, anchors and the excerpt to.</li>
 * </ul>
 * For any input, raw HTML included, the headings a browser sees have unique ids and one anchor each.
 * Tries are a few hundred each: rendering costs a few milliseconds an input, and the suite stays quick.
 */
class RenderedHtmlPropertiesTest {

    private static final Duration PER_INPUT = Duration.ofSeconds(5);
    private static final MarkdownRenderer RENDERER = new MarkdownRenderer(new TokenHighlighter());

    // ---- generators ----

    /** Markdown: syntax characters and constructs, joined at random, with some random Unicode among them. */
    @Provide
    Arbitrary<String> markdown() {
        Arbitrary<String> token = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of("*", "_", "[", "]", "(", ")", "<", ">", "#", "|", "\\", "`", "-",
                        ":", "{", "}", "!", "~", "=", "+", ".", "\"", "'", "&", ";", "^", "$", "%", "/", " ", "  ", "\n",
                        "\n\n", "\t", "    ", "1.", "a", "word", "x y")),
                net.jqwik.api.Tuple.of(3, Arbitraries.of("# ", "## ", "###### ", "> ", "- ", "* ", "+ ", "1. ", "- [ ] ",
                        "- [x] ", "```", "```java\n", "```js\n", "~~~", "---\n", "***\n", "___", "===\n", "| a | b |\n",
                        "|---|:-:|\n", "| --- |\n", "[^1]", "[^1]: note\n", "[TOC]", "* TOC\n{:toc}\n", "{: .c #i k=\"v\" }",
                        "{: .center-image }", "{:toc}", "{::comment}", "{#id}", "![alt](x.png)", "[l](/a \"t\")",
                        "[l][r]", "[r]: /u\n", "<http://a.b>", "http://a.b/c?d=e&f", "www.x.y", "a@b.c", "&amp;", "&nbsp;",
                        "&copy;", "&#0;", "&#x1F600;", "&#99999999;", "&bogus;", "<!--more-->", "~~s~~", "**b**", "__i__",
                        "\\*", "\\\n", "  \n", "\"q\"", "'q'", "--", "---", "...", "`` ` ``", "<a name=\"x\"></a>",
                        "<div>", "</div>", "<p>", "</span>", "<script>x</script>", "<table>", "<b><i>", "</b></i>",
                        "<h2>H</h2>", "<a href=\"#x\">", "</a>", "<!--", "-->", "<?x?>", "<![CDATA[x]]>", "<br>", "<img src=x>")),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(8)));
        return token.list().ofMaxSize(60).map(tokens -> String.join("", tokens));
    }

    /** The same, with every {@code <} that could open raw HTML (a tag, comment, declaration) made plain text. */
    @Provide
    Arbitrary<String> markdownWithoutRawHtml() {
        return markdown().map(RenderedHtmlPropertiesTest::withoutRawHtml);
    }

    private static final Pattern TAG_START = Pattern.compile("<(?=[A-Za-z/!?])");

    static String withoutRawHtml(String markdown) {
        return TAG_START.matcher(markdown).replaceAll("< ");
    }

    // ---- running and checking ----

    private static <T> T bounded(String input, java.util.function.Supplier<T> step) {
        return assertTimeoutPreemptively(PER_INPUT, () -> {
            try {
                return step.get();
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("unexpected " + e + " for Markdown:\n" + input, e);
            }
        }, () -> "no result within " + PER_INPUT.toSeconds() + " s for Markdown:\n" + input);
    }

    private static Body processed(String markdown) {
        return bounded(markdown, () -> BodyProcessor.process(RENDERER.render(markdown), "/2020/01/02/post/", "<!--more-->"));
    }

    private static final Pattern NAMED_ENTITY = Pattern.compile("&([A-Za-z][A-Za-z0-9]*);");
    private static final Pattern NUMERIC_REFERENCE = Pattern.compile("&#([xX][0-9a-fA-F]+|[0-9]+);");

    /**
     * The same text for an XML parser: HTML's named entities as numeric ones (XML's five kept, unknown names
     * escaped, as HTML reads them as text), references to characters XML forbids as U+FFFD (as HTML reads
     * them), and characters XML 1.0 forbids as spaces.
     */
    static String asXmlText(String html) {
        Matcher m = NAMED_ENTITY.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement = m.group();
            if (!List.of("amp", "lt", "gt", "quot", "apos").contains(name) && Entities.isNamedEntity(name)) {
                StringBuilder refs = new StringBuilder();
                Entities.getByName(name).codePoints().forEach(cp -> refs.append("&#").append(cp).append(';'));
                replacement = refs.toString();
            } else if (!List.of("amp", "lt", "gt", "quot", "apos").contains(name)) {
                replacement = "&amp;" + name + ";"; // no such entity: HTML reads it as plain text
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        // A reference to a character XML forbids (&#0;) means U+FFFD in HTML, as a browser reads it.
        Matcher n = NUMERIC_REFERENCE.matcher(out.toString());
        out = new StringBuilder();
        while (n.find()) {
            String digits = n.group(1);
            long cp;
            try {
                cp = digits.startsWith("x") || digits.startsWith("X") ? Long.parseLong(digits.substring(1), 16) : Long.parseLong(digits);
            } catch (NumberFormatException e) {
                cp = 0; // too long for a long: not a character either
            }
            n.appendReplacement(out, cp <= 0x10FFFF && xmlChar((int) cp) ? Matcher.quoteReplacement(n.group()) : "&#65533;");
        }
        n.appendTail(out);
        StringBuilder clean = new StringBuilder(out.length());
        out.codePoints().forEach(cp -> clean.appendCodePoint(xmlChar(cp) ? cp : ' '));
        return clean.toString();
    }

    private static boolean xmlChar(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    private static final SAXParserFactory SAX = SAXParserFactory.newInstance();

    static {
        try {
            SAX.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fails unless {@code html}, in one root element, is well-formed XML (after {@link #asXmlText}). */
    static void assertWellFormedXml(String html, String markdown) {
        String xml = "<body>" + asXmlText(html) + "</body>";
        try {
            SAXParser parser = SAX.newSAXParser();
            parser.parse(new InputSource(new StringReader(xml)), new DefaultHandler());
        } catch (SAXException e) {
            fail("not well-formed (" + e.getMessage() + "):\n" + html + "\nfrom Markdown:\n" + markdown);
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Document reparsed(String bodyHtml, List<ParseError> errors) {
        Parser parser = Parser.htmlParser().setTrackErrors(20);
        Document doc = parser.parseInput("<!DOCTYPE html><html><head><title>t</title></head><body>"
                + bodyHtml + "</body></html>", "");
        errors.addAll(parser.getErrors());
        doc.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base).charset("UTF-8");
        return doc;
    }

    // ---- properties ----

    @Property(tries = 500, shrinking = ShrinkingMode.BOUNDED)
    void markdownWithoutRawHtmlRendersToWellFormedXhtml(@ForAll("markdownWithoutRawHtml") String markdown) {
        String html = bounded(markdown, () -> RENDERER.render(markdown));
        assertWellFormedXml(html, markdown);
    }

    @Property(tries = 400, shrinking = ShrinkingMode.BOUNDED)
    void aProcessedBodyWithoutRawHtmlReparsesWithoutErrorsToItself(@ForAll("markdownWithoutRawHtml") String markdown) {
        Body body = processed(markdown);
        List<ParseError> errors = new java.util.ArrayList<>();
        Document again = reparsed(body.html(), errors);
        assertTrue(errors.isEmpty(), () -> "parse errors " + errors + " in\n" + body.html() + "\nfrom Markdown:\n" + markdown);
        assertEquals(body.html(), again.body().html(), () -> "a browser would see another tree; from Markdown:\n" + markdown);
        List<ParseError> excerptErrors = new java.util.ArrayList<>();
        reparsed(body.excerptHtml(), excerptErrors);
        assertTrue(excerptErrors.isEmpty(), () -> "excerpt parse errors " + excerptErrors + " in\n" + body.excerptHtml());
    }

    /**
     * Any Markdown, raw HTML included (where the tree a browser builds may differ from jsoup's first one,
     * as with inline elements inside a {@code <table>}): as a browser reads the processed body, every
     * heading has an id, no two the same, and every h2–h6 holds one anchor link to its own id.
     */
    @Property(tries = 250, shrinking = ShrinkingMode.BOUNDED)
    void anyMarkdownGivesHeadingsWithUniqueIdsAndOneAnchorEach(@ForAll("markdown") String markdown) {
        Body body = processed(markdown);
        Document seen = reparsed(body.html(), new java.util.ArrayList<>());
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (org.jsoup.nodes.Element h : seen.body().select("h1, h2, h3, h4, h5, h6")) {
            String where = h.outerHtml() + "\nin\n" + body.html() + "\nfrom Markdown:\n" + markdown;
            assertTrue(!h.id().isEmpty(), "a heading without id: " + where);
            assertTrue(ids.add(h.id()), "a second heading with id '" + h.id() + "': " + where);
            if (!h.tagName().equals("h1")) {
                // Its own anchors: a heading that raw HTML put inside this one has its own.
                List<org.jsoup.nodes.Element> anchors = h.select("a.anchor").stream()
                        .filter(a -> a.parents().stream().filter(p -> p.normalName().matches("h[1-6]")).findFirst()
                                .orElseThrow() == h).toList();
                assertEquals(1, anchors.size(), "anchor links: " + where);
                assertEquals("#" + h.id(), anchors.get(0).attr("href"), where);
            }
        }
    }

    @Property(tries = 50)
    void deeplyNestedMarkdownStillRendersInBoundedTime(@ForAll("nested") String markdown) {
        Body body = processed(markdown);
        assertTrue(body.html().length() > 0 || markdown.isBlank(), "something rendered");
    }

    /**
     * Deep nesting, the usual way to make a parser recurse or backtrack: quotes, lists, brackets, emphasis.
     * Bounded at 300 levels: flexmark's renderer recurses once per level, and from about 500 nested list
     * items (1000 quotes, 2000 emphasis marks) it overflows the stack of a default thread (reported, not
     * fixed here: the markdown stage is another change's).
     */
    @Provide
    Arbitrary<String> nested() {
        Arbitrary<String> unit = Arbitraries.of("> ", "- ", "  - ", "[", "(", "*", "_", "**", "`", "![", "<", "{", "\\");
        return unit.flatMap(u -> Arbitraries.integers().between(20, 300).map(n -> u.repeat(n) + "x\n"));
    }
}
