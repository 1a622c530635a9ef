package dev.kiln.highlight;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Build-time highlighting: colours tokens and never changes the code. */
class TokenHighlighterTest {

    private static final Pattern MARKUP = Pattern.compile("<span class=\"tok-[a-z]+\">|</span>|&lt;|&gt;|&amp;|[<>&]");

    private final Highlighter highlighter = new TokenHighlighter();

    private static Element code(String html) {
        return Jsoup.parseBodyFragment("<pre><code>" + html + "</code></pre>").selectFirst("code");
    }

    /** The code that {@code html} shows: spans stripped, entities unescaped; fails on any other markup. */
    private static String text(String html) {
        StringBuilder out = new StringBuilder();
        Matcher m = MARKUP.matcher(html);
        int last = 0;
        int open = 0;
        while (m.find()) {
            out.append(html, last, m.start());
            switch (m.group()) {
                case "&lt;" -> out.append('<');
                case "&gt;" -> out.append('>');
                case "&amp;" -> out.append('&');
                case "</span>" -> open--;
                case "<", ">", "&" -> fail("unescaped '" + m.group() + "' at " + m.start() + " in " + html);
                default -> open++;
            }
            if (open < 0 || open > 1) {
                fail("unbalanced or nested span at " + m.start() + " in " + html);
            }
            last = m.end();
        }
        assertEquals(0, open, "unclosed span in " + html);
        return out.append(html.substring(last)).toString();
    }

    private static List<String> spans(Element code, String kind) {
        return code.select("span.tok-" + kind).eachText();
    }

    static Stream<Arguments> languages() {
        return Stream.of(
                Arguments.of("java", "public class A {\n    String s = \"hi\"; // greet\n}\n",
                        "class", "\"hi\"", "// greet"),
                Arguments.of("python", "def f(x):\n    return 'hi'  # greet\n", "def", "'hi'", "# greet"),
                Arguments.of("yaml", "name: 'hi' # greet\n", null, "'hi'", "# greet"),
                Arguments.of("bash", "if [ -f x ]; then echo \"hi\"; fi # greet\n", "if", "\"hi\"", "# greet"),
                Arguments.of("json", "{\"a\": null, \"b\": \"hi\"} // greet\n", "null", "\"hi\"", "// greet"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void marksKeywordsStringsAndComments(String language, String source, String keyword, String string,
                                         String comment) {
        Element code = code(highlighter.highlight(source, language));

        if (keyword != null) {
            assertTrue(spans(code, "keyword").contains(keyword), code.html());
        }
        assertTrue(spans(code, "string").contains(string), code.html());
        assertTrue(spans(code, "comment").contains(comment), code.html());
        assertEquals(source, code.wholeText());
    }

    @Test
    void keepsAMultiLineCommentColouredOnEveryLine() {
        String source = "/*\n * first\n\n * second\n */\nclass A {}\n";
        String[] sourceLines = source.split("\n", -1);
        String[] lines = highlighter.highlight(source, "java").split("\n", -1);

        assertEquals(sourceLines.length, lines.length);
        for (int i = 0; i < 5; i++) {
            Element line = code(lines[i]);
            assertEquals(sourceLines[i], line.wholeText());
            String commented = line.select("span.tok-comment").stream().map(Element::wholeText).reduce("", String::concat);
            assertEquals(sourceLines[i], commented, "line " + i + ": " + lines[i]);
        }
        assertEquals(List.of("class"), spans(code(lines[5]), "keyword"), "the comment ends: " + lines[5]);
        assertTrue(spans(code(lines[5]), "comment").isEmpty(), lines[5]);
    }

    @Test
    void keepsAJavadocCommentColouredOnEveryLine() {
        String source = "/**\n * Does it.\n * @param x the x\n */\nint f(int x);\n";
        Element code = code(highlighter.highlight(source, "java"));

        String commented = String.join("", code.select("span.tok-comment").eachText());
        assertEquals("/** * Does it. * @param x the x */".replace(" ", ""), commented.replace(" ", ""));
        assertTrue(spans(code, "type").contains("int"), code.html());
    }

    @Test
    void keepsAPythonTripleQuotedStringColouredAcrossLines() {
        String source = "s = \"\"\"one\ntwo # not a comment\nthree\"\"\"\nx = 1  # c\n";
        Element code = code(highlighter.highlight(source, "python"));

        String strings = String.join("|", spans(code, "string"));
        assertTrue(strings.contains("two # not a comment"), code.html());
        assertTrue(strings.contains("three"), code.html());
        assertEquals(List.of("# c"), spans(code, "comment"));
    }

    @Test
    void keepsAJavaScriptTemplateStringColouredAcrossLines() {
        String source = "const s = `one\ntwo // not a comment\n`;\nlet y; // c\n";
        Element code = code(highlighter.highlight(source, "javascript"));

        assertTrue(String.join("|", spans(code, "string")).contains("two // not a comment"), code.html());
        assertEquals(List.of("// c"), spans(code, "comment"));
        assertTrue(spans(code, "keyword").contains("let"), code.html());
    }

    @Test
    void keepsABashStringColouredAcrossLines() {
        Element code = code(highlighter.highlight("echo 'one\ntwo # not a comment'\nls # c\n", "bash"));

        assertTrue(String.join("|", spans(code, "string")).contains("two # not a comment"), code.html());
        assertEquals(List.of("# c"), spans(code, "comment"));
    }

    @Test
    void keepsTheTrailingBackslashOfAJavaScriptTemplateString() {
        String source = "const s = `first \\\nsecond`;\n";

        assertEquals(source, text(highlighter.highlight(source, "javascript")));
    }

    @Test
    void keepsALineEndingInAHashOfMarkdownCode() {
        for (String source : new String[] {"## Title ##\nText\n", "Issue #", "a #\n\tb #"}) {
            assertEquals(source, text(highlighter.highlight(source, "markdown")), source);
        }
    }

    @Test
    void neverChangesTheCodeOfRealisticSamples() {
        String[][] samples = {
            {"java", "/* a < b && c > d */\nclass A<T> { char c = '&'; String s = \"<&>\\\"\"; }\n\t// é 中 😀\n"},
            {"python", "def f():\n    \"\"\"doc <b>\n    \"\"\"\n    return a < b and c & d  # &amp;\n"},
            {"yaml", "a: \"<&>\"\nb: |\n  x < y\n# &lt;\n"},
            {"bash", "cat <<EOF > out && echo \"$HOME\" 2>&1\nbody & more\nEOF\n"},
            {"json", "{\"a\": \"<&>\", \"b\": [1, 2.5e3, true, null]}\n"},
            {"xml", "<?xml version=\"1.0\"?>\n<!-- c\n d -->\n<a x=\"&amp;\"><![CDATA[<&>]]></a>\n"},
            {"html", "<p class=\"a\">&nbsp;</p><script>if (a < b) {}</script>\n"},
            {"sql", "SELECT * FROM t WHERE a <> 'x&y' -- c\n"},
            {"javascript", "const re = /<[a-z]+>/g; let s = `${a}<b>`;\n"},
            {"go", "s := `raw\n<&>`\n"},
            {"kotlin", "val s = \"\"\"\n<&>\n\"\"\"\n"},
            {"css", "a > b::before { content: \"&\"; }\n"},
            {"markdown", "# Title\n```\n<&>\n```\n"},
            {"dockerfile", "FROM x\nRUN a && b > c\n"},
            {"properties", "a=<&>\n# c\n"},
            {"ruby", "h = {:a => 1} # c\n=begin\n<&>\n=end\n"},
            {"java", ""},
            {"java", "\n\n"},
            {"java", "no newline at end"},
            {"python", "trailing spaces   \n\t\ttabs\n"},
        };
        for (String[] sample : samples) {
            assertEquals(sample[1], text(highlighter.highlight(sample[1], sample[0])), sample[0]);
        }
    }

    @Test
    void neverChangesTheCodeOfRandomInput() {
        String alphabet = "abcXYZ019 \t\n\n\"'`/*#<>&;:{}()[]-=+\\$@%!?.,|~^_\u00e9\u4e2d\uD83D\uDE00";
        int[] codePoints = alphabet.codePoints().toArray();
        List<String> languages = List.of("java", "python", "yaml", "bash", "json", "xml", "html", "sql", "javascript",
                "typescript", "go", "kotlin", "css", "c", "cpp", "csharp", "dockerfile", "markdown", "ruby", "rust",
                "scala", "groovy", "php", "perl", "lua", "clojure", "dart", "ini", "properties", "makefile", "proto",
                "latex", "lisp", "bat", "vb", "handlebars", "csv", "less");
        Random random = new Random(20180315);
        List<String> failures = new ArrayList<>();
        for (String language : languages) {
            for (int n = 0; n < 60; n++) {
                StringBuilder source = new StringBuilder();
                int length = random.nextInt(120);
                for (int i = 0; i < length; i++) {
                    source.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
                }
                String code = source.toString();
                String html = highlighter.highlight(code, language);
                if (!code.equals(text(html))) {
                    failures.add(language + ": " + code.replace("\n", "\\n"));
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void aBlockIsHighlightedAsByAFreshHighlighterWhateverThisThreadHighlightedBefore() throws Exception {
        // A thread reuses its token maker: a block cut inside a comment or a string must not carry over.
        List<String[]> blocks = List.of(
                new String[] {"java", "/* open comment\nint x;"}, new String[] {"java", "int y = 1; // z\n"},
                new String[] {"python", "s = \"\"\"open\nstring"}, new String[] {"python", "def f(): return 1\n"},
                new String[] {"javascript", "let t = `open\ntemplate"}, new String[] {"java", "class A {}\n"},
                new String[] {"bash", "echo \"open\nstring"}, new String[] {"bash", "ls -l # list\n"});
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            for (String[] block : blocks) {
                String fresh = other.submit(() -> new TokenHighlighter().highlight(block[1], block[0])).get();
                assertEquals(fresh, highlighter.highlight(block[1], block[0]), block[0] + ": " + block[1]);
            }
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void returnsEscapedTextForAnUnknownLanguage() {
        String source = "if (a < b && c > d) { \"x\" } // y\n";
        String expected = "if (a &lt; b &amp;&amp; c &gt; d) { \"x\" } // y\n";

        assertEquals(expected, highlighter.highlight(source, "klingon"));
        assertEquals(expected, highlighter.highlight(source, ""));
        assertEquals(expected, highlighter.highlight(source, null));
        assertEquals(expected, Highlighter.plain().highlight(source, "java"));
    }

    @Test
    void readsLanguageNamesCaseInsensitively() {
        String html = highlighter.highlight("class A {}", "Java");

        assertTrue(html.contains("<span class=\"tok-keyword\">class</span>"), html);
    }

    @Test
    void acceptsCommonLanguageAliases() {
        for (String alias : List.of("py", "sh", "shell", "yml", "js", "ts", "kt", "golang")) {
            String html = highlighter.highlight("x = \"s\"\n", alias);
            assertFalse(code(html).select("span").isEmpty(), alias + ": " + html);
        }
    }
}
