package dev.kiln.html;

import dev.kiln.highlight.TokenHighlighter;
import dev.kiln.markdown.MarkdownRenderer;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The id the HTML stage gives a raw HTML heading is the one the Markdown stage gives a Markdown heading of that text. */
class HeadingIdTest {

    private final MarkdownRenderer markdown = new MarkdownRenderer(new TokenHighlighter());

    private String markdownId(String text) {
        return Jsoup.parseBodyFragment(markdown.render("## " + text + "\n")).selectFirst("h2").id();
    }

    @Test
    void followsTheMarkdownHeadingsRule() {
        List<String> texts = new ArrayList<>(List.of("Getting started", "Serverless doesn't mean stateless",
                "Part 1 - Setup", "snake_case", "Ünïcödé Straße", "Привет мир", "日本語の見出し", "Ⅻ chapters", "٣ digits",
                "C++ / C# (2024)?", "a, b; c: d!", "ǅ titlecase ʰmodifier"));
        Random random = new Random(7);
        String pool = "aZé Я中-_,.:;!?()/'’€09٣Ⅻʰǅ";
        while (texts.size() < 500) {
            StringBuilder text = new StringBuilder("x");
            for (int i = random.nextInt(12); i >= 0; i--) {
                text.append(pool.charAt(random.nextInt(pool.length())));
            }
            String t = text.append('y').toString();
            if (!t.contains("--") && !t.contains("  ")) {
                texts.add(t);
            }
        }
        for (String text : texts) {
            assertEquals(markdownId(text), HeadingId.of(text), text);
        }
    }
}
