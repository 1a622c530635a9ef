package dev.kiln.layout;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ColumnsTest {

    private static int column(String source, int line, Columns.Spot spot) {
        return Columns.of(source, line, List.of(spot));
    }

    @Test
    void aNameInACommentOrAVerbatimSectionIsNoneOfTheTags() {
        String source = "{# {{ a | upcase }} #}{% verbatim %}{{ b | upcase }}{% endverbatim %} {{ c | upcase }}\n";

        assertEquals(78, column(source, 1, Columns.Spot.filter("upcase")));
        assertEquals(1, column("{# {{ a | upcase }} #}\n", 1, Columns.Spot.filter("upcase")));
    }

    @Test
    void aQuotedTextEndsAtItsOwnQuoteNotAtAnEscapedOne() {
        String source = "{{ \"say \\\" | upcase\" | upcase }}";

        assertEquals(24, column(source, 1, Columns.Spot.filter("upcase")));
    }

    @Test
    void aTagOpenedOnAnEarlierLineGoesOnToItsClose() {
        String source = "<p>{{ page.title\n  | upcase }}</p>\n";

        assertEquals(5, column(source, 2, Columns.Spot.filter("upcase")));
        assertEquals(1, column(source, 3, Columns.Spot.filter("upcase")), "no such line");
    }
}
