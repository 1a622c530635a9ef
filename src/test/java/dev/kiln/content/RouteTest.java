package dev.kiln.content;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RouteTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/,               /,               index.html",
            "/about/,         /about/,         about/index.html",
            "/my-post,        /my-post,        my-post.html",
            "/feed.xml,       /feed.xml,       feed.xml",
            "/a.b/c,          /a.b/c,          a.b/c.html",
            "/release-1.2,    /release-1.2,    release-1.2.html",
            "/notes.HTML,     /notes.HTML,     notes.HTML",
            "/data.json,      /data.json,      data.json",
    })
    void followsGitHubPagesRules(String path, String url, String outputPath) {
        assertEquals(new Route(url, outputPath), Route.ofPath(path));
    }

    @Test
    void percentEncodesQuotesAndPercentInUrl() {
        assertEquals("/a%22b%25c/", Route.ofPath("/a\"b%c/").url());
    }

    @Test
    void keepsOutputPathAsWritten() {
        assertEquals("a\"b%c/index.html", Route.ofPath("/a\"b%c/").outputPath());
    }

    @Test
    void percentEncodesQuestionMarkInUrl() {
        assertEquals("/what%3F/", Route.ofPath("/what?/").url());
    }

    @Test
    void percentEncodesBracketsBackslashAndSpacesOfAnyScriptAsUtf8SoThatTheJdksUriTakesTheUrl() {
        Route route = Route.ofPath("/notes/[draft]\\x\u00a0y\u2028z\u0085/");
        assertEquals("/notes/%5Bdraft%5D%5Cx%C2%A0y%E2%80%A8z%C2%85/", route.url());
        assertEquals("notes/[draft]\\x\u00a0y\u2028z\u0085/index.html", route.outputPath());
        assertEquals("/notes/[draft]\\x\u00a0y\u2028z\u0085/", java.net.URI.create("http://site" + route.url()).getPath());
        assertEquals("/caf\u00e9/\u65e5\u672c/", Route.ofPath("/caf\u00e9/\u65e5\u672c/").url(), "letters stay as they are");
    }
}
