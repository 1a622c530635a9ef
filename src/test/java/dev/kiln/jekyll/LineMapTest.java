package dev.kiln.jekyll;

import dev.kiln.error.Position;
import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Lines of converted text are placed at the lines of the Jekyll file they came from. */
class LineMapTest {

    private static final String FILE = "a\nb\nc\nd";

    private static Position at(String converted, int line, int column) {
        return LineMap.of(FILE, 4).then(FILE, converted).position(line, column);
    }

    @Test
    void linesLeftAsTheyWereKeepTheirLineAndColumn() {
        assertEquals(new Position(6, 3), LineMap.of(FILE, 4).position(2, 3));
        assertEquals(new Position(7, 2), at("a\nc\nd", 2, 2), "b taken away");
        assertEquals(new Position(6, 1), at("a\nb\n\nc\nd", 3, 1), "a blank line added before c");
        assertEquals(new Position(6, 1), at("a\nb\n\nc\nd", 2, 5), "the added line is at the line it stands before");
    }

    @Test
    void linesWrittenInPlaceOfOthersAreAtThoseInOrderColumnOne() {
        String converted = "a\nX\nY\nZ\nd";
        assertEquals(new Position(5, 1), at(converted, 1, 4));
        assertEquals(new Position(6, 1), at(converted, 2, 4));
        assertEquals(new Position(6, 1), at(converted, 3, 4), "more lines than it replaced: the last of those");
        assertEquals(new Position(7, 2), at(converted, 4, 2));
    }

    @Test
    void mapsCompose() {
        LineMap first = LineMap.of(FILE, 4).then(FILE, "a\nd");
        LineMap second = first.then("a\nd", "a\n\nd\nmore");
        assertEquals(new Position(7, 1), second.position(2, 1));
        assertEquals(new Position(4, 1), second.position(0, 1));
    }

    @Test
    void aLongTextWithManyChangesIsMappedInOrder() {
        String file = IntStream.range(0, 5000).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        String converted = IntStream.range(0, 5000).mapToObj(i -> i % 2 == 0 ? "line " + i : "changed " + i)
                .collect(Collectors.joining("\n")) + "\nend";
        LineMap map = LineMap.of(file, 1).then(file, converted);
        assertEquals(1, map.position(0, 1).line());
        assertEquals(4001, map.position(4000, 1).line());
        assertEquals(5000, map.position(4999, 1).line());
    }
}
