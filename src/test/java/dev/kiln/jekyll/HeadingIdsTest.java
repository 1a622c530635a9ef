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

    @Test
    void setextHeadingsGetTheirKramdownIdToo() {
        String md = "[a](#setup)\n\n1. Setup\n========\n\nText\n\n2.5 Tuning\n---\n";
        assertEquals("[a](#setup)\n\n1. Setup {#setup}\n========\n\nText\n\n2.5 Tuning\n---\n", HeadingIds.pin(md));
    }

    @Test
    void fragmentsAskedByOtherPagesArePinned() {
        String md = "## 2.5 Tuning\n\n## 1. Setup\n";
        assertEquals("## 2.5 Tuning {#tuning}\n\n## 1. Setup\n", HeadingIds.pin(md, java.util.Set.of("tuning")));
        java.util.Map<String, java.util.Set<String>> asked = new java.util.TreeMap<>();
        HeadingIds.collectFragments("[a](/a/#tuning) [b](/gone/#x) <a href=\"/a/#setup\">c</a> [d](#local)",
                link -> link.equals("/a/") ? "/a/" : null, asked);
        assertEquals(java.util.Map.of("/a/", java.util.Set.of("tuning", "setup")), asked);
    }
}
