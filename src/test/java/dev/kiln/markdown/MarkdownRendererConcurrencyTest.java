package dev.kiln.markdown;

import dev.kiln.highlight.TokenHighlighter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One renderer is shared by the build's worker threads. */
class MarkdownRendererConcurrencyTest {

    private static final String[] LANGUAGES = {"java", "python", "yaml", "bash", "json", "xml", "sql", "go", "", "nope"};

    private static final String[] CODE = {
        "public class A { /* c\n  more */ String s = \"x\"; }\n",
        "def f(x):\n    \"\"\"doc\n    \"\"\"\n    return {'a': x}  # c\n",
        "key: \"value\" # c\nlist:\n  - a\n",
        "for f in *.md; do echo \"$f\" && wc -l < \"$f\"; done\n",
        "{\"a\": [1, true, null], \"b\": \"<&>\"} // c\n",
    };

    /** The i-th of many documents that together use every feature of the renderer. */
    private static String document(int i) {
        StringBuilder md = new StringBuilder();
        md.append("Intro ").append(i).append(" with \"quotes\" -- and `code -- ").append(i).append("`.\n\n");
        if (i % 3 == 0) {
            md.append("[TOC]\n\n");
        }
        if (i % 4 == 1) {
            md.append("* TOC\n{:toc}\n\n");
        }
        md.append("![](img/").append(i).append(".png){: .center-image }\n\n");
        md.append("## Heading ").append(i % 7).append(" {: #h").append(i).append(" .c}\n\n");
        md.append("## Heading ").append(i % 7).append("\n\n");
        md.append("### <a name=\"old").append(i).append("\"></a> Old ").append(i).append("\n\n");
        md.append("| a | b | c |\n|---|:-:|--:|\n");
        for (int r = 0; r < i % 5 + 1; r++) {
            md.append("| ").append(r).append(" | ~~").append(i).append("~~ | x").append(r).append(" |\n");
        }
        md.append("\nNote").append(i).append("[^n").append(i).append("] and a paragraph.\n{: .note }\n\n");
        md.append("- [ ] todo ").append(i).append("\n- [x] done\n\n");
        md.append("```").append(LANGUAGES[i % LANGUAGES.length]).append('\n')
                .append(CODE[i % CODE.length]).append("// ").append(i).append("\n```\n\n");
        md.append("    indented {:a => ").append(i).append("}\n\n");
        md.append("<https://example.com/").append(i).append("--x>\n\n");
        md.append("[^n").append(i).append("]: The note ").append(i).append(".\n");
        return md.toString();
    }

    @Test
    void rendersTheSameHtmlInParallelAsSerially() throws Exception {
        MarkdownRenderer renderer = new MarkdownRenderer(new TokenHighlighter());
        int count = 200;
        List<String> serial = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            serial.add(renderer.render(document(i)));
        }

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> tasks = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < count; i++) {
                    int n = round % 2 == 0 ? i : count - 1 - i;
                    tasks.add(() -> renderer.render(document(n)));
                }
            }
            List<Future<String>> results = pool.invokeAll(tasks);
            for (int t = 0; t < results.size(); t++) {
                int round = t / count;
                int n = round % 2 == 0 ? t % count : count - 1 - t % count;
                assertEquals(serial.get(n), results.get(t).get(), "document " + n + " in round " + round);
            }
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
    }
}
