package dev.kiln.content;

import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Hugo's TOML and JSON front matter as the YAML its error gives to paste, and that YAML as Kiln reads it. */
class HugoYamlTest {

    private static List<String> toml(String text) {
        return HugoYaml.fromToml(text.split("\n"));
    }

    private static FrontMatter read(List<String> yaml) {
        String text = "---\n" + String.join("\n", yaml) + "\n---\nBody.\n";
        return FrontMatterParser.parse(new SourceFile("content/posts/x.md", text), PageKind.PAGE, ZoneOffset.UTC).front();
    }

    @Test
    void simpleTomlValuesAreYamlOneKeyALine() {
        List<String> yaml = toml("""
                +++
                # written by hand
                title = "Say \\"hi\\": a \\u00e9 test"   # the title
                slug = 'c:\\path'
                date = 2023-06-01T08:00:00-07:00
                lastmod = 2023-06-02
                weight = 1_000
                ratio = -0.5e3
                draft = true
                no = "a key YAML reads as false"
                tags = [ # the tags
                  "go", # a language
                  'c++',
                  "a, b",
                ]
                nested = [[1, 2], ["x"]]
                empty = []
                +++
                Body with = sign.
                """);
        assertEquals(List.of(
                "# written by hand",
                "title: \"Say \\\"hi\\\": a \\u00e9 test\" # the title",
                "slug: 'c:\\path'",
                "date: 2023-06-01T08:00:00-07:00",
                "lastmod: 2023-06-02",
                "weight: 1000",
                "ratio: -0.5e3",
                "draft: true",
                "\"no\": \"a key YAML reads as false\"",
                "tags: [\"go\", 'c++', \"a, b\"]",
                "nested: [[1, 2], [\"x\"]]",
                "empty: []"), yaml);
        FrontMatter front = read(yaml);
        assertEquals("Say \"hi\": a \u00e9 test", front.title());
        assertEquals("2023-06-01T15:00Z", front.date().toString());
        assertEquals(List.of("go", "c++", "a, b"), front.tags());
        assertEquals(true, front.draft());
        assertEquals("c:\\path", front.slug());
    }

    @Test
    void whatIsNotSimpleIsACommentSayingToWriteItByHand() {
        List<String> yaml = toml("""
                +++
                title = "T"
                description = \"\"\"
                Two
                lines\"\"\"
                author = { name = "Me" }
                site.x = 1
                local = 07:32:00
                [params]
                  x = 1
                [[resources]]
                  src = "a.png"
                +++
                """);
        assertEquals(List.of(
                "title: \"T\"",
                "# description (a multi-line string): write it by hand, as description: | with its lines indented under it",
                "# author = { name = \"Me\" }: write it by hand",
                "# site.x = 1: write it by hand (a dotted key is a map)",
                "# local = 07:32:00: write it by hand",
                "# [params] (a TOML table) and its keys: write them by hand, indented under params:",
                "# [[resources]] (a TOML array of tables) and its keys: write them by hand, as a list of maps under resources:"),
                yaml);
        assertEquals("T", read(yaml).title());
    }

    @Test
    void jsonValuesAreYamlOnOneLineEach() {
        List<String> yaml = HugoYaml.fromJson("""
                {
                  "title": "A \\"b\\", [c]",
                  "tags": [
                    "x",
                    "y z"
                  ],
                  "no": false,
                  "params": {"a": 1, "b": [true, null]},
                  "draft": true
                }
                Body.
                """);
        assertEquals(List.of(
                "title: \"A \\\"b\\\", [c]\"",
                "tags: [\"x\", \"y z\"]",
                "\"no\": false",
                "params: {\"a\": 1, \"b\": [true, null]}",
                "draft: true"), yaml);
        FrontMatter front = read(yaml);
        assertEquals("A \"b\", [c]", front.title());
        assertEquals(List.of("x", "y z"), front.tags());
    }
}
