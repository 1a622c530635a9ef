package dev.kiln.content;

import dev.kiln.error.Position;
import dev.kiln.error.Problem;
import dev.kiln.error.SiteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class YamlReaderTest {

    private static Problem problem(String yaml) {
        List<Problem> problems = assertThrows(SiteException.class, () -> YamlReader.read("x.yml", yaml, 1)).problems();
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    private static String place(Problem p) {
        return p.path() + ":" + p.line() + ":" + p.column();
    }

    @Test
    void theKeysOfANestedMappingAreFoundWhereTheyAreWrittenAndAMergedOneWhereItsMergeKeyStands() {
        YamlDocument doc = YamlReader.read("_config.yml", "base: &base\n  a: 1\n  b: 2\nkramdown:\n  <<: *base\n"
                + "  b: 3\n  deep:\n    c: 4\n", 1);

        assertEquals(new Position(2, 3), doc.keyAt("base.a"));
        assertEquals(new Position(5, 3), doc.keyAt("kramdown.a"), "merged: where its '<<' stands");
        assertEquals(new Position(6, 3), doc.keyAt("kramdown.b"), "written in the mapping itself: there");
        assertEquals(new Position(8, 5), doc.keyAt("kramdown.deep.c"));
        assertEquals(Map.of("a", 1, "b", 3, "deep", Map.of("c", 4)), doc.values().get("kramdown"));
    }

    @Test
    void keepsDatesAsText() {
        Object date = YamlReader.read("x.yml", "date: 2018-03-15\n", 1).values().get("date");
        assertEquals("2018-03-15", date);
    }

    @Test
    void keepsDateTimesWithOffsetAsText() {
        Object date = YamlReader.read("x.yml", "date: 2018-03-15 10:00:00 +02:00\n", 1).values().get("date");
        assertEquals("2018-03-15 10:00:00 +02:00", date);
    }

    @Test
    void readsYamlOneOneNoAsFalse() {
        assertEquals(Boolean.FALSE, YamlReader.read("x.yml", "draft: no\n", 1).values().get("draft"));
    }

    @Test
    void readsYamlOneOneYesAsTrue() {
        assertEquals(Boolean.TRUE, YamlReader.read("x.yml", "draft: yes\n", 1).values().get("draft"));
    }

    @Test
    void keepsKeysInFileOrder() {
        assertEquals(List.of("zeta", "alpha", "mid"),
                new ArrayList<>(YamlReader.read("x.yml", "zeta: 1\nalpha: 2\nmid: 3\n", 1).values().keySet()));
    }

    @Test
    void readsEmptyTextAsEmptyMapping() {
        assertSame(YamlDocument.EMPTY, YamlReader.read("x.yml", "", 1));
    }

    @Test
    void readsCommentsOnlyAsEmptyMapping() {
        assertEquals(Map.of(), YamlReader.read("x.yml", "# nothing yet\n", 1).values());
    }

    @Test
    void givesValuePositionsInFileLines() {
        YamlDocument doc = YamlReader.read("x.yml", "title: T\ntags: [a]\n", 5);
        assertEquals(new Position(6, 7), doc.positions().get("tags"));
    }

    @Test
    void rejectsTabIndentationWithHint() {
        Problem p = problem("title: T\n\tdate: 2018-03-15\n");
        assertEquals("x.yml:2:1", place(p));
        assertTrue(p.message().contains("TAB"), p.message());
    }

    @Test
    void rejectsDuplicateNestedKeyAtItsSecondUse() {
        Problem p = problem("series:\n  a: 1\n  a: 2\n");
        assertEquals("x.yml:3:3", place(p));
        assertTrue(p.message().contains("duplicate key"), p.message());
    }

    @Test
    void rejectsScalarDocument() {
        Problem p = problem("just some text\n");
        assertEquals("x.yml:1:1", place(p));
        assertTrue(p.message().contains("found a single value"), p.message());
    }

    @Test
    void rejectsUndefinedAlias() {
        Problem p = problem("a: *nowhere\n");
        assertEquals("x.yml:1:4", place(p));
    }

    @Test
    @Timeout(30) // a guard against a hang, not a speed check
    void refusesBillionLaughs() {
        StringBuilder yaml = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            String alias = "*" + (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, alias))).append("]\n");
        }
        Problem p = problem(yaml.toString());
        assertEquals("x.yml", p.path());
        assertTrue(p.message().contains("aliases"), p.message());
    }

    @Test
    void refusesDeepNesting() {
        Problem p = problem("a: " + "[".repeat(100) + "]".repeat(100) + "\n");
        assertTrue(p.message().contains("Nesting Depth"), p.message());
    }

    @Test
    void refusesHugeDocument() {
        Problem p = problem("a: " + "x".repeat(2 * 1024 * 1024) + "\n");
        assertTrue(p.message().contains("exceeds the limit"), p.message());
    }

    @Test
    void refusesJavaTypeTags() {
        Problem p = problem("a: !!javax.script.ScriptEngineManager "
                + "[!!java.net.URLClassLoader [[!!java.net.URL [\"http://localhost/\"]]]]\n");
        assertEquals("x.yml", p.path());
        assertTrue(p.message().startsWith("invalid YAML"), p.message());
    }

    @Test
    void refusesValueItsTagCannotReadAtTheValue() {
        Problem p = problem("title: T\ncount: !!int many\n");
        assertEquals("x.yml:2:8", place(p));
        assertTrue(p.message().startsWith("invalid YAML"), p.message());
    }

    @Test
    void refusesAliasInsideItsOwnAnchor() {
        Problem p = problem("title: T\nloop: &a [*a]\n");
        assertEquals("x.yml:2:7", place(p));
        assertTrue(p.message().startsWith("invalid YAML"), p.message());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "tags: [a, b] c                  | each line holds 'key: value'",
            "tags: [a, b                     | this list ([) is never closed: close it on this line with ]",
            "tags: {a: 1, b                  | this map ({) is never closed: close it on this line with }",
            "title: \"A\" and B              | each line holds 'key: value'",
            "title: \"open                    | this quote (\") is never closed: close it on this line with \"",
            "handle: @me                     | quote a value that starts with @",
            "title:\tTabbed title             | put a space after the colon instead",
            "a: *nowhere                     | check the YAML on this line"})
    void everySyntaxErrorSaysWhatToDo(String yaml, String advice) {
        Problem p = problem(yaml + "\n");
        assertTrue(p.message().startsWith("invalid YAML"), p.message());
        assertTrue(p.message().contains(advice), p.message());
    }

    @Test
    void aQuoteOrBracketNeverClosedIsReportedWhereItOpensNotAtTheEnd() {
        Problem quote = problem("title: T\ndescription: \"Open\ndate: 2023-01-01\ntags: [go]\n");
        assertEquals("x.yml:2:14", place(quote));
        assertEquals("invalid YAML: this quote (\") is never closed: close it on this line with \"", quote.message());

        Problem list = problem("title: T\ntags: [go, web\nlayout: post\n");
        assertEquals("x.yml:2:7", place(list));

        Problem emoji = problem("t\uD83D\uDE00: 'x\n");
        assertEquals("x.yml:1:5", place(emoji));
        assertEquals("invalid YAML: this quote (') is never closed: close it on this line with '", emoji.message());
    }

    @Test
    void aTabAfterAColonAndATabThatIndentsGetTheirOwnAdvice() {
        Problem after = problem("title:\tTabbed title\n");
        assertEquals("x.yml:1:7", place(after));
        assertTrue(after.message().endsWith(": YAML takes no tab before a value: put a space after the colon "
                + "instead, like title: My post"), after.message());
        assertFalse(after.message().contains("@"), after.message());
        Problem indent = problem("x:\n\ty: z\n");
        assertTrue(indent.message().endsWith(": indent with spaces, not tabs"), indent.message());
    }

    @Test
    void sharesAliasedValues() {
        Map<String, Object> values = YamlReader.read("x.yml", "a: &x [1, 2]\nb: *x\n", 1).values();
        assertEquals(List.of(1, 2), values.get("b"));
    }

    @Test
    void readsNestedMappingsAsMaps() {
        Object author = YamlReader.read("x.yml", "author:\n  name: Ann\n", 1).values().get("author");
        assertInstanceOf(Map.class, author);
        assertEquals(Map.of("name", "Ann"), author);
    }
}
