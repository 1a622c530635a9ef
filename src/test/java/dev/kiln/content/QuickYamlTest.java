package dev.kiln.content;

import dev.kiln.error.Position;
import dev.kiln.error.SiteException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Front matter read without SnakeYAML's parser is what SnakeYAML reads, values, their order and the
 * places of keys and values; and the common front matter is read so.
 */
class QuickYamlTest {

    private static final QuickYaml QUICK = new QuickYaml(new YamlReader.TextDatesResolver());

    @Test
    void aPostsUsualFrontMatterIsReadWithoutSnakeYamlAsSnakeYamlReadsIt() {
        String yaml = """
                title: "A Café Conversation About Bash: the Bounded Pool"
                date: 2017-03-31T14:47:00+00:00
                tags: ["rust", 'jvm', spring boot]
                permalink:   /notes/a-cafe/
                description: 'Quoted once, with "quotes" # and a hash'
                """;

        YamlDocument quick = QUICK.read(yaml, 2);

        assertNotNull(quick);
        assertEquals(YamlReader.readWithSnakeYaml("post.md", yaml, 2), quick);
        assertEquals(List.of("title", "date", "tags", "permalink", "description"), List.copyOf(quick.values().keySet()));
        assertEquals("A Café Conversation About Bash: the Bounded Pool", quick.values().get("title"));
        assertEquals("2017-03-31T14:47:00+00:00", quick.values().get("date"));
        assertEquals(List.of("rust", "jvm", "spring boot"), quick.values().get("tags"));
        assertEquals(new Position(5, 14), quick.at("permalink", null));
        assertEquals(new Position(5, 1), quick.keyAt("permalink"));
    }

    @Test
    void whatSnakeYamlMustReadIsLeftToIt() {
        for (String yaml : List.of(
                "draft: true\n",
                "count: 12\n",
                "ratio: 1.5\n",
                "nothing: ~\n",
                "empty:\n",
                "tags:\n  - a\n  - b\n",
                "# a comment\ntitle: x\n",
                "title: x # a comment\n",
                "title: \"an \\\"escape\\\"\"\n",
                "title: 'it''s'\n",
                "title: x\r\ndate: 2020-01-01\r\n",
                "title: x\ntitle: y\n",
                "title: a: b\n",
                "title:\tx\n",
                "tags: [a, ]\n",
                "tags: [a:b]\n",
                "tags: [yes, no]\n",
                "title: \"a\u2028b\"\n",
                "title: \"half an emoji \uD83D\"\n",
                "title: \"a lone low half \uDE00 here\"\n",
                "nested:\n  key: value\n",
                "  indented: x\n",
                "title: x\n  continued\n",
                "&anchor title: x\n",
                "title: *alias\n",
                "title: !!str 12\n",
                "")) {
            assertNull(QUICK.read(yaml, 2), yaml);
        }
    }

    @Property(tries = 2000)
    void randomFrontMatterReadWithoutSnakeYamlIsWhatSnakeYamlReads(@ForAll("frontMatter") String yaml) {
        YamlDocument quick = QUICK.read(yaml, 2);
        if (quick == null) {
            return;
        }
        YamlDocument snake;
        try {
            snake = YamlReader.readWithSnakeYaml("post.md", yaml, 2);
        } catch (SiteException e) {
            throw new AssertionError("read without SnakeYAML, but SnakeYAML refuses it: " + e.getMessage() + "\n" + yaml, e);
        }
        assertEquals(snake, quick, yaml);
        assertEquals(List.copyOf(snake.values().keySet()), List.copyOf(quick.values().keySet()), yaml);
    }

    @Property(tries = 500)
    void usualFrontMatterIsReadWithoutSnakeYaml(@ForAll("usualFrontMatter") String yaml) {
        YamlDocument quick = QUICK.read(yaml, 2);
        assertNotNull(quick, yaml);
        assertEquals(YamlReader.readWithSnakeYaml("post.md", yaml, 2), quick, yaml);
    }

    private static final List<String> KEYS = List.of("title", "date", "tags", "permalink", "slug", "description",
            "layout", "image", "x", "Key_2", "a-b", "9lives", "two words", "<<", "?");
    /** Plain words and phrases, some typed otherwise by YAML (numbers, booleans, null, dates, times). */
    private static final List<String> PLAIN = List.of("hello", "two words", "Spring Boot", "2020-01-05",
            "2017-03-31T14:47:00+00:00", "2020-01-05 10:00:00 +0100", "12:30", "1:20:30", "yes", "No", "ON", "off",
            "true", "False", "null", "Null", "nan", ".inf", "1", "-1", "+1", "0x1F", "0o17", "017", "0b101", "1_000",
            "1.5", "1e3", "1.5e3", "6.8523015e+5", "y", "n", "a,b", "a, b", "a:b", "a: b", "(x)", "x/y", "v1.2.3",
            "C", "c-plus-plus", "_x", "x.", "end:", "a  b", "0", "00", "-", "1-2", "/notes/a-b/", "./rel", ".5",
            "/", "/a: b", "(a, b)", "_");
    private static final List<String> QUOTED = List.of("", "text", "Java: the good parts", "a # b", "a, b", "[x]",
            "Café", "“smart”", "it's", "say \"hi\"", "back\\slash", "tab\there", "a\u2028b", "a\u0085b", "😀", "ok ", "🔥 x",
            "\uD83D", "a\uDE00", "\uFEFF", "\uFFFE");

    /** Random front matter of keys and values of every form the quick reader takes, and some it leaves. */
    @Provide
    Arbitrary<String> frontMatter() {
        return Arbitraries.randomValue(random -> {
            StringBuilder yaml = new StringBuilder();
            int lines = random.nextInt(6);
            for (int i = 0; i < lines; i++) {
                int kind = random.nextInt(20);
                if (kind == 0) {
                    yaml.append(random.nextBoolean() ? "" : "# comment").append('\n');
                    continue;
                }
                yaml.append(KEYS.get(random.nextInt(KEYS.size()))).append(':')
                        .append(" ".repeat(random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(2)))
                        .append(value(random, kind % 3 == 0))
                        .append(random.nextInt(8) == 0 ? " " : "")
                        .append(random.nextInt(15) == 0 ? "\r\n" : "\n");
            }
            return yaml.toString();
        });
    }

    /** Front matter as most posts write it: distinct keys, quoted texts, plain dates and words, lists. */
    @Provide
    Arbitrary<String> usualFrontMatter() {
        return Arbitraries.randomValue(random -> {
            List<String> words = List.of("java", "jvm", "spring boot", "café", "c-plus-plus", "aws lambda");
            String title = QUOTED.get(1 + random.nextInt(8)) + (random.nextBoolean() ? " 🚀" : "");
            StringBuilder yaml = new StringBuilder("title: \"").append(title).append("\"\n");
            yaml.append("date: ").append(List.of("2020-01-05", "2017-03-31T14:47:00+00:00",
                    "2019-01-05 23:30:00 +0000").get(random.nextInt(3))).append('\n');
            yaml.append("tags: [");
            int tags = random.nextInt(4);
            for (int i = 0; i < tags; i++) {
                String word = words.get(random.nextInt(words.size()));
                yaml.append(i == 0 ? "" : ", ").append(word.equals("café") || random.nextBoolean() ? "\"" + word + "\"" : word);
            }
            yaml.append("]\n");
            if (random.nextBoolean()) {
                yaml.append("permalink: /notes/post-").append(random.nextInt(100)).append("/\n");
            }
            return yaml.toString();
        });
    }

    private static String value(Random random, boolean list) {
        if (list) {
            StringBuilder s = new StringBuilder("[");
            int n = random.nextInt(4);
            for (int i = 0; i < n; i++) {
                s.append(i == 0 ? "" : random.nextBoolean() ? ", " : ",").append(value(random, false));
            }
            return s.append(random.nextInt(10) == 0 ? ", ]" : "]").toString();
        }
        return switch (random.nextInt(3)) {
            case 0 -> PLAIN.get(random.nextInt(PLAIN.size()));
            case 1 -> "\"" + QUOTED.get(random.nextInt(QUOTED.size())) + "\"";
            default -> "'" + QUOTED.get(random.nextInt(QUOTED.size())) + "'";
        };
    }

    @Test
    void theValuesAreTheTypesSnakeYamlMakes() {
        YamlDocument quick = QUICK.read("tags: [a, \"b\"]\ntitle: x\n", 1);
        assertNotNull(quick);
        assertEquals(java.util.ArrayList.class, quick.values().get("tags").getClass());
        assertEquals(Map.of("tags", List.of("a", "b"), "title", "x"), quick.values());
    }
}
