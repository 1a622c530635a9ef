package dev.kiln.markdown;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Markdown the tests that compare Kiln's fast paths with flexmark's and jsoup's own feed them. */
final class MarkdownSamples {

    private MarkdownSamples() {}

    /** The blog's Markdown files, sorted: each path with its text after the front matter. */
    static List<Map.Entry<Path, String>> blogPosts() throws IOException {
        List<Path> paths;
        try (Stream<Path> files = Files.walk(Path.of("content"))) {
            paths = files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        List<Map.Entry<Path, String>> posts = new ArrayList<>();
        for (Path path : paths) {
            String text = Files.readString(path);
            posts.add(Map.entry(path, text.startsWith("---") ? text.substring(text.indexOf("\n---", 3) + 4) : text));
        }
        return posts;
    }

    /**
     * Random mixes of block and inline syntax, up to 40 tokens: the common kinds the fast paths write,
     * what they leave to flexmark or jsoup (raw HTML, attribute lists, task items, [TOC], definitions and
     * abbreviations), numbered code blocks, and the characters that change meaning at a line's start, in a URL or
     * beside an entity.
     */
    static Arbitrary<String> blocks() {
        Arbitrary<String> token = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of("\n", "\n\n", " ", "  ", "   ", "    ", "\t", "word", "two words", "x",
                        "-", "*", "+", "1.", "3)", ">", "#", "##", "|", ":--", "--:", "---", "```", "~~~", "`", "**",
                        "_", "~~", "\\", "&", "<", ">", "\"", "'", "...", "--", "[", "]", "(", ")", "!", "é", "—",
                        "🚀", "\u200b", "\u00ad")),
                Tuple.of(4, Arbitraries.of("- item\n", "  - nested\n", "1. one\n", "2. two\n", "3) three\n",
                        "7. seven\n", "> quote\n", "[undefined]", "[u *v*]", "# Heading\n", "## Heading\n",
                        "### A `b` *c*\n", "Heading\n===\n", "Sub\n---\n", "```sh\ncode &amp; \"q\"\n\n  more\n```\n",
                        "```java linenos\nint a < b;\n\n```\n", "``` {linenos=true}\n", " linenos",
                        "    indented\n", "| a | b |\n|---|:-:|\n| c | d |\n", "| a |\n|--:|\n| b |\n",
                        "a | b\n", "|---|---|\n", // a table below text, in an item or quote on lazy lines too
                        "<div>\n<p>x</p>\n</div>\n", "<!--more-->\n", "<!-- c -->\n", "***\n", "text  \nbreak\n",
                        "`code`", "[l](/a \"t\")", "[l](rel/x)", "[f](#frag)", "[x](../up)", "[y](?q)", "![i](x.png)",
                        "![z](/abs.png)", "<http://a.b/c>", "<a@b.c>", "http://a.b/c?d=e", "www.x.y", "&amp;",
                        "&#35;", "<span>", "</span>", "**b**", "*e*", "~~s~~", "\"q\"", "'s'", "[r]\n\n[r]: /u\n",
                        "{: .c}\n", "{#i}", "- [ ] task\n", "[TOC]\n", ": definition\n", "Term\n: definition\n",
                        "*[HTML]: Hyper Text Markup Language\n", "HTML")));
        return token.list().ofMaxSize(40).map(tokens -> String.join("", tokens));
    }

    /**
     * {@link #blocks()} with emoji codes mixed in, whole ({@code :smile:}) or cut by the syntax around them (a colon,
     * a name), in raw {@code pre}, {@code code} and {@code tt}, in attributes, and an entity's colon.
     */
    static Arbitrary<String> blocksWithEmojiCodes() {
        Arbitrary<String> emoji = Arbitraries.of(":smile:", ":+1:", ":b:", "1:b:c", ":", "smile", "tada", ":tada:",
                ":white_check_mark:", ":smi&#108;e:", "&#58;smile:", "\\:smile:", "`:b:`", "<code>:b:</code>",
                "<tt>:smile:", "</tt>", "<pre>:tada:</pre>\n", "<kbd>:tada:</kbd>", "![:smile:](/:b:.png \":tada:\")",
                "[:+1:](/:smile:/)", "## :smile: heading\n", "```\n:smile:\n```\n", "    :smile:\n");
        return Arbitraries.frequencyOf(Tuple.of(3, blocks()), Tuple.of(2, emoji.list().ofMaxSize(10)
                        .map(tokens -> String.join(" ", tokens))))
                .list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join("", parts));
    }
}
