package dev.kiln.layout;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class UnclosedTagsTest {

    @Test
    void aPercentSignOrQuotedEndInsideATagIsPartOfTheTag() {
        UnclosedTags.Found found = UnclosedTags.in("<ul>\n{% for p in posts %}\n  {% if loop.index % 2 == 0 %}<li>\n"
                + "{% endif %}{{ \"%}\" }}\n  {% if p.title == \"a %} b\" %}t{% endif %}\n</ul>\n");

        assertEquals(new UnclosedTags.Found(2, 1, "{% for %} is never closed: add {% endfor %} where it should end"),
                found);
    }

    @Test
    void aVerbatimWithoutItsEndIsNeverClosedAndItsTagsAreTextWhenItHasOne() {
        assertEquals(new UnclosedTags.Found(2, 4, "{% verbatim %} is never closed: add {% endverbatim %} before the "
                + "{% endblock %} of line 3"), UnclosedTags.in("{% block a %}\n<p>{% verbatim %}{{ x }}\n{% endblock %}\n"));
        assertNull(UnclosedTags.in("{% block a %}{% verbatim %}{% if %}{% endverbatim %}{% endblock %}"));
    }

    @Test
    void findsNothingWhenEveryTagIsClosed() {
        assertNull(UnclosedTags.in("{% block a %}{% for x in y %}{% if x % 2 == 1 %}{{ x }}{% endif %}{% endfor %}"
                + "{# {% if %} #}{% endblock %}"));
    }
}
