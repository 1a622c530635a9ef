package dev.kiln.jekyll;

import dev.kiln.content.YamlText;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Front matter edited as text: untouched keys stay as written, new values are quoted YAML. */
class FrontMatterEditTest {

    @Test
    void removesKeysWithTheirBlockAndAppendsQuotedValues() {
        String yaml = "title:  \"Keep: me\"\nlayout: default\ntags:\n  - a\n  - b\n# comment\n";
        String out = new FrontMatterEdit(yaml).remove("layout").remove("tags").set("permalink", "/a \"b\".html")
                .set("draft", true).render("Body\n");
        assertEquals("---\ntitle:  \"Keep: me\"\n# comment\npermalink: \"/a \\\"b\\\".html\"\ndraft: true\n---\nBody\n", out);
    }

    @Test
    void writesListsAndMapsInFlowStyle() {
        assertEquals("[\"a\", 1, true]", YamlText.value(List.of("a", 1, true)));
        assertEquals("{\"k\": \"v\\n\"}", YamlText.value(Map.of("k", "v\n")));
    }

    @Test
    void knowsTheFileLineOfEachLineItKeeps() {
        // The file: 1 ---, 2 title, 3 layout, 4 tags, 5 - a, 6 date. Rendered: 1 ---, 2 title, 3 date, 4 draft.
        FrontMatterEdit edit = new FrontMatterEdit("title: T\nlayout: default\ntags:\n  - a\ndate: x\n")
                .remove("layout").remove("tags").set("draft", true);
        assertEquals("---\ntitle: T\ndate: x\ndraft: true\n---\n", edit.render(""));
        assertEquals(List.of(0, 2, 6, 0, 0), List.of(edit.fileLine(1), edit.fileLine(2), edit.fileLine(3),
                edit.fileLine(4), edit.copy().fileLine(5)));
    }

    @Test
    void aFileWithoutFrontMatterGetsOne() {
        assertEquals("---\ndraft: true\n---\nx", new FrontMatterEdit(null).set("draft", true).render("x"));
    }
}
