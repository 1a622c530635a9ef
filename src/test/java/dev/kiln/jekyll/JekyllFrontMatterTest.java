package dev.kiln.jekyll;

import dev.kiln.content.YamlReader;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Front matter Jekyll's Psych reads and Kiln's YAML refuses, written line for line as Kiln reads it. */
class JekyllFrontMatterTest {

    private static Map<String, Object> kiln(String yaml) {
        return YamlReader.read("x.md", JekyllFrontMatter.kilnText(yaml), 2).values();
    }

    @Test
    void aTabAfterAColonIsASpaceAndATabInAValueOrBlockTextStays() {
        // Psych: {"title"=>"Tabbed title", "key"=>"a\tb", "x"=>{"y"=>"z"}}
        assertEquals("title: Tabbed title\nkey: a\tb\nx:\n  y: z\n",
                JekyllFrontMatter.kilnText("title:\tTabbed title\nkey: a\tb\nx:\n  y:\t z\n"));
        assertEquals(Map.of("title", "Tabbed title", "key", "a\tb", "x", Map.of("y", "z")),
                kiln("title:\tTabbed title\nkey: a\tb\nx:\n  y:\tz\n"));
        String block = "note: |\n  k:\tv\n";
        assertEquals(block, JekyllFrontMatter.kilnText(block));
    }

    @Test
    void aKeyWrittenTwiceKeepsTheLastAsPsychDoesWithAWarningAtTheLaterLine() {
        // Psych: {"title"=>"Dup", "tags"=>["b"]}
        String yaml = "title: Dup\ntags:\n  - a\ntags: [b]\n";
        assertEquals("title: Dup\n# tags:\n#   - a\ntags: [b]\n", JekyllFrontMatter.kilnText(yaml));
        assertEquals(Map.of("title", "Dup", "tags", List.of("b")), kiln(yaml));
        assertEquals(List.of("_posts/d.md:5:1: key 'tags' is written more than once (lines 3, 5): Jekyll took the "
                + "last, as the import does; the others are commented out"), JekyllFrontMatter.warnings("_posts/d.md", yaml));
        assertEquals(List.of(), JekyllFrontMatter.warnings("_posts/d.md", "a: 1\nb:\n  a: 2\n"));
    }
}
