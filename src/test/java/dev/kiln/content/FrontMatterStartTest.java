package dev.kiln.content;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Where front matter opens, and how little of a file is read to tell. */
class FrontMatterStartTest {

    @TempDir
    Path tmp;

    @Test
    void aGeneratedHtmlFileThatStartsWithWhiteSpaceIsReadNoFurtherThanItsFirst512Bytes() throws IOException {
        Path page = tmp.resolve("page.html");
        Files.writeString(page, "\n  <!DOCTYPE html>\n<html>" + "<p>text</p>\n".repeat(10_000) + "</html>\n");

        assertEquals(512, FrontMatterStart.head(page).length());
        assertNull(FrontMatterStart.of(FrontMatterStart.head(page)));
    }

    @Test
    void frontMatterBelowBlankLinesIsReadToItsClosingLinePastThe512Bytes() throws IOException {
        Path page = tmp.resolve("page.html");
        Files.writeString(page, "\n---\ntitle: E\ndescription: " + "long ".repeat(200) + "\n---\n<p>E</p>\n"
                + "<p>text</p>\n".repeat(10_000));

        assertEquals(64 * 1024, FrontMatterStart.head(page).length());
        assertEquals(2, FrontMatterStart.of(FrontMatterStart.head(page)).line());
    }

    @Test
    void aKeyIsANameOrQuotedNotASentence() {
        assertEquals("title", FrontMatterStart.yamlKey("title: x"));
        assertEquals("my-key_2", FrontMatterStart.yamlKey("my-key_2:"));
        assertEquals("my key", FrontMatterStart.yamlKey("\"my key\": x"));
        assertNull(FrontMatterStart.yamlKey("Update the page: this page moved."));
        assertNull(FrontMatterStart.yamlKey("see.also: below"));
        assertNull(FrontMatterStart.yamlKey("title:x"));
    }
}
