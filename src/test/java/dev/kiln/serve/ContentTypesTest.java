package dev.kiln.serve;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which changed files reload every open tab of {@code kiln serve}: those a page shows or runs (README, Preview: Live
 * reload). A type missing here would leave a tab showing the old video or subtitles after a save.
 */
class ContentTypesTest {

    @Test
    void whatAPageShowsOrRunsReloadsTabsAndWhatItOnlyLinksToDoesNot() {
        for (String shown : List.of("a.png", "a.JPG", "a.svg", "a.avif", "a.tif", "a.tiff", "a.heic", "a.mov", "a.m4v",
                "a.mp4", "a.webm", "a.ogv", "a.mp3", "a.flac", "a.opus", "a.aac", "a.ogg", "a.vtt", "a.js", "a.mjs",
                "a.woff2", "a.eot", "a.wasm")) {
            assertTrue(ContentTypes.isShownByPages("posts/x/" + shown), shown);
        }
        for (String linked : List.of("a.txt", "a.pdf", "a.json", "a.zip", "a.md.new", "CNAME", "a.css", "a.html",
                "feed.xml")) {
            assertFalse(ContentTypes.isShownByPages("files/" + linked), linked);
        }
    }

    @Test
    void subtitlesAreServedAsTextInUtf8() {
        assertEquals("text/vtt; charset=utf-8", ContentTypes.of("v/en.vtt"));
        assertEquals("video/quicktime", ContentTypes.of("v/clip.mov"));
    }
}
