package dev.kiln.jekyll;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** kramdown's heading ids, kept where a post links to them. */
class HeadingIdsTest {

    @Test
    void kramdownIdsDropPunctuationAndLeadingDigits() {
        assertEquals("hello-world", HeadingIds.kramdown("Hello, World!"));
        assertEquals("setup-and-install", HeadingIds.kramdown("1. Setup and install"));
        assertEquals("snakecase", HeadingIds.kramdown("snake_case"));
        assertEquals("section", HeadingIds.kramdown("123"));
    }

    @Test
    void aLinkedHeadingWhoseGithubIdDiffersGetsItsKramdownId() {
        String md = "See [x](#setup-and-install) and [y](#hello-world).\n\n## 1. Setup and install\n\n## Hello, World!\n";
        assertEquals("See [x](#setup-and-install) and [y](#hello-world).\n\n## 1. Setup and install {#setup-and-install}\n\n"
                + "## Hello, World!\n", HeadingIds.pin(md));
    }

    @Test
    void unlinkedHeadingsAndHeadingsWithIdsStayAsTheyAre() {
        String md = "## 1. Setup\n\n## 2. Run {#run}\n\n[r](#run)\n";
        assertEquals(md, HeadingIds.pin(md));
    }

    @Test
    void aHeadingLinkedByItsGithubIdAsWellKeepsIt() {
        String md = "[a](#setup) [b](#1-setup)\n\n## 1. Setup\n";
        assertEquals(md, HeadingIds.pin(md));
    }
}
