package dev.kiln.html;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class FeedBodyTest {

    private static final String A = " <a class=\"anchor\" href=\"#%s\" aria-label=\"Link to this section\">#</a>";

    @Test
    void theHeadingsAnchorsGoAndTheRestOfTheBodyStaysAsWritten() {
        String body = "<p>Caf&eacute; &copy; 2024<br />x</p>\n<h2 id=\"a\">Brewing table" + A.formatted("a") + "</h2>\n"
                + "<h3 id=\"b-1\"><code>x &lt; y</code>" + A.formatted("b-1") + "</h3>\n<p>end</p>\n";

        assertEquals("<p>Caf&eacute; &copy; 2024<br />x</p>\n<h2 id=\"a\">Brewing table</h2>\n"
                + "<h3 id=\"b-1\"><code>x &lt; y</code></h3>\n<p>end</p>\n", FeedBody.of(body, ""));
    }

    @Test
    void anAnchorThatDoesNotEndAHeadingStays() {
        // Written by the post itself, in a paragraph or before more of its heading: not Kiln's.
        String body = "<p>See" + A.formatted("x") + " here</p>\n<h2 id=\"y\">Y" + A.formatted("y") + " more</h2>\n";
        assertSame(body, FeedBody.of(body, ""));
    }

    @Test
    void withTheSitesAddressRootRelativeUrlsAreMadeWholeToo() {
        String body = "<h2 id=\"a\">A" + A.formatted("a") + "</h2>\n<p><a href=\"/x/\">x</a></p>";
        assertEquals("<h2 id=\"a\">A</h2>\n<p><a href=\"https://me.github.io/blog/x/\">x</a></p>",
                FeedBody.of(body, "https://me.github.io/blog"));
    }
}
