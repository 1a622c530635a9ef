package dev.kiln.build;

import dev.kiln.testing.Kiln;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A Hugo {@code ref} or {@code relref} left in a page is an error naming the URL of the page it names, as the build knows it. */
class RefUrlsTest {

    @TempDir
    Path site;

    private static final String SAID = ": Kiln has no shortcodes and would print it as text; write the URL of the page ";

    @Test
    void aRefNamesTheUrlOfThePageItNamesOrSaysThatNoneOrSeveralHaveThatName() throws IOException {
        Kiln.write(site, "content/posts/second-post.md", "---\ntitle: Second\ndate: 2023-02-20\nslug: go-tips\n---\nTips.\n");
        Kiln.write(site, "content/posts/trip/index.md", "---\ntitle: Trip\ndate: 2023-03-01\n---\n## Day 2\n");
        Kiln.write(site, "content/about.md", "---\ntitle: About\n---\nMe.\n");
        Kiln.write(site, "content/a/notes.md", "---\ntitle: A\n---\nA.\n");
        Kiln.write(site, "content/b/notes.md", "---\ntitle: B\n---\nB.\n");
        Kiln.write(site, "content/posts/first.md", """
                ---
                title: First
                date: 2023-01-15
                ---
                See [the second]({{< ref "second-post.md" >}}), [me]({{< relref "/about" >}}),
                [day 2]({{< ref "posts/trip#day-2" >}}), [notes]({{< ref "notes.md" >}}),
                [gone]({{< ref "gone.md" >}}), [up]({{< relref "#top" >}}).
                """);
        String f = "content/posts/first.md:";
        Kiln.Run run = Kiln.run("build", "--source", site.toString(), "--dest", site.resolve("out").toString());
        assertEquals(1, run.code(), run.err());
        assertEquals(List.of(
                f + "5:18: Hugo shortcode {{< ref >}}" + SAID + "second-post.md in its place, /2023/02/20/go-tips/ "
                        + "(content/posts/second-post.md)",
                f + "5:54: Hugo shortcode {{< relref >}}" + SAID + "/about in its place, /about/ (content/about.md)",
                f + "6:9: Hugo shortcode {{< ref >}}" + SAID + "posts/trip#day-2 in its place, /2023/03/01/trip/#day-2 "
                        + "(content/posts/trip/index.md)",
                f + "6:50: Hugo shortcode {{< ref >}}" + SAID + "notes.md in its place: 2 pages have that name, "
                        + "content/a/notes.md at /a/notes/, content/b/notes.md at /b/notes/",
                f + "7:8: Hugo shortcode {{< ref >}}" + SAID + "gone.md in its place (this build publishes no page of "
                        + "that name, as a path from content/ or its end, like posts/other.md or other.md; kiln check "
                        + "reports a link to no page)",
                f + "7:37: Hugo shortcode {{< relref >}}: Kiln has no shortcodes and would print it as text; write #top "
                        + "in its place (a link to that heading of this page)"),
                run.problems());
    }

    @Test
    void aRefToHugosPostSectionNamesThePageOfTheFolderRenamedPosts() throws IOException {
        // matbesancon's Academic blog: content/post/ renamed content/posts/ as Kiln asks; its refs say /post/.
        Kiln.write(site, "site.yml", "title: t\npermalink: /post/:slugorfilename/\n");
        Kiln.write(site, "content/posts/2018-05-25-colgen2.markdown", "---\ntitle: Colgen\ndate: 2018-05-30\n---\nhi\n");
        Kiln.write(site, "content/posts/2019-05-08-simple-benders.markdown", "---\ntitle: Benders\ndate: 2019-05-08\n---\n"
                + "See [it]({{< ref \"/post/2018-05-25-colgen2.markdown\" >}}) and [it]({{< relref \"post/2018-05-25-colgen2\" >}}).\n");
        String f = "content/posts/2019-05-08-simple-benders.markdown:";
        Kiln.Run run = Kiln.run("build", "--source", site.toString(), "--dest", site.resolve("out").toString());
        assertEquals(1, run.code(), run.err());
        assertEquals(List.of(
                f + "5:10: Hugo shortcode {{< ref >}}" + SAID + "/post/2018-05-25-colgen2.markdown in its place, "
                        + "/post/2018-05-25-colgen2/ (content/posts/2018-05-25-colgen2.markdown)",
                f + "5:68: Hugo shortcode {{< relref >}}" + SAID + "post/2018-05-25-colgen2 in its place, "
                        + "/post/2018-05-25-colgen2/ (content/posts/2018-05-25-colgen2.markdown)"),
                run.problems());
    }
}
