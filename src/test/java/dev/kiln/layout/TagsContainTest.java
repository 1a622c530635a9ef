package dev.kiln.layout;

import dev.kiln.output.SiteOutput;
import dev.kiln.testing.Fixtures;
import dev.kiln.testing.SiteChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Jekyll's {@code {% if page.tags contains "java" %}} tests a tag by its name, on a post's tags, on a post's of a
 * list and on every tag (until 2026-12-07 it was false on every post, silently: Kiln's tags are maps).
 */
class TagsContainTest {

    @TempDir
    Path site;

    @Test
    void aListOfTagsContainsEachTagsName() throws IOException {
        write("content/posts/2020-03-15-streams.md", "---\ntitle: Streams\ntags: [java, Spring Boot]\n---\nBody.\n");
        write("content/posts/2020-03-16-other.md", "---\ntitle: Other\ntags: [go]\n---\nBody.\n");
        write("layouts/post.peb", "<p id=\"badge\">{% if page.tags contains \"java\" %}Java{% endif %}"
                + "{% if page.tags contains \"Spring Boot\" %} Spring{% endif %}"
                + "{% if page.tags contains \"spring-boot\" %} (a slug){% endif %}"
                + "{% if page.tags contains [\"java\", \"Spring Boot\"] %} both{% endif %}</p>\n"
                + "<p id=\"all\">{% if tags contains \"go\" %}go{% endif %}{% if tags contains \"rust\" %}rust{% endif %}</p>\n"
                + "<p id=\"list\">{% for p in posts %}{% if p.tags contains \"java\" %}{{ p.title }}{% endif %}{% endfor %}</p>\n"
                + "<p id=\"names\">{% for t in page.tags %}{{ t.name }}/{{ t.slug }} {% endfor %}{{ page.tags | length }}</p>\n");

        SiteOutput out = Fixtures.build(Fixtures.options(site)).output();

        var streams = SiteChecks.page(out, "2020/03/15/streams/index.html");
        assertEquals("Java Spring (a slug) both", streams.getElementById("badge").text());
        assertEquals("go", streams.getElementById("all").text());
        assertEquals("Streams", streams.getElementById("list").text());
        assertEquals("java/java Spring Boot/spring-boot 2", streams.getElementById("names").text());
        assertEquals("", SiteChecks.page(out, "2020/03/16/other/index.html").getElementById("badge").text());
    }

    @Test
    void aPostsOwnSpellingOfATagIsContainedWhateverANewerPostWrites() throws IOException {
        // The site names the tag as its newest post writes it (Java): the older post wrote java, as its layout tests.
        write("content/posts/2020-03-15-old.md", "---\ntitle: Old\ntags: [java]\n---\nBody.\n");
        write("content/posts/2021-03-15-new.md", "---\ntitle: New\ntags: [Java]\n---\nBody.\n");
        write("layouts/post.peb", "<p id=\"badge\">{% if page.tags contains \"java\" %}java{% endif %}"
                + "{% if page.tags contains \"Java\" %} Java{% endif %}</p>\n");

        SiteOutput out = Fixtures.build(Fixtures.options(site)).output();

        assertEquals("java Java", SiteChecks.page(out, "2020/03/15/old/index.html").getElementById("badge").text());
        assertEquals("java Java", SiteChecks.page(out, "2021/03/15/new/index.html").getElementById("badge").text());
    }

    private void write(String path, String text) throws IOException {
        Path file = site.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
