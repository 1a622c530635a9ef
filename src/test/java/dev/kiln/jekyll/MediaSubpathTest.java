package dev.kiln.jekyll;

import dev.kiln.build.BuildResult;
import dev.kiln.testing.Fixtures;
import dev.kiln.testing.SiteChecks;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Chirpy site's {@code media_subpath} (Chirpy 7) and {@code img_path} (Chirpy 5 and 6), the folder a post's images
 * are named from: imported, each image leads to the file Chirpy's page showed (Chirpy's {@code media-url.html} and
 * {@code refactor-content.html}: {@code [media_subpath/]src} for every image URL without a {@code :} or {@code //}).
 */
class MediaSubpathTest {

    @TempDir
    Path tmp;

    private ImportReport report;

    private BuildResult importChirpySite() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("_config.yml", """
                title: J
                url: https://someone.github.io
                baseurl: /blog
                theme: jekyll-theme-chirpy
                defaults:
                  - scope: {path: "", type: pages}
                    values: {media_subpath: /assets/img/pages}
                """);
        files.put("_posts/2024-01-01-trip.md", """
                ---
                title: Trip
                media_subpath: /assets/img/2024-trip
                image:
                  path: cover.png
                  alt: The beach
                ---
                ![Beach](beach.png){: w="700" h="400" }

                ![Hill][hill] and ![Logo](/logo.png) and ![Remote](https://cdn.example.com/x.png)

                <img src="sea.png" alt="Sea">

                Written as code: `![x](code.png)`, and a link to [the hill][hill] keeps its own.

                [hill]: /hill.png
                """);
        files.put("_posts/2024-01-02-pics.md", """
                ---
                title: Pics
                media_subpath: /assets/img/2024-trip/
                ---
                ![Beach](beach.png) and ![Hill][h2]

                [h2]: <hill.png> "A hill"
                """);
        files.put("_posts/2019-05-01-old.md", """
                ---
                title: Old
                img_path: /img/old
                image: cover.jpg
                ---
                ![A](a.png)
                """);
        files.put("about.md", "---\ntitle: About\n---\n![Me](me.png)\n");
        for (String image : List.of("assets/img/2024-trip/cover.png", "assets/img/2024-trip/beach.png",
                "assets/img/2024-trip/hill.png", "assets/img/2024-trip/sea.png", "assets/img/2024-trip/logo.png",
                "hill.png", "img/old/cover.jpg", "img/old/a.png", "assets/img/pages/me.png")) {
            files.put(image, "png");
        }
        Path src = tmp.resolve("chirpy");
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = src.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        Path dest = tmp.resolve("chirpy-kiln");
        report = Importer.run(src, dest, false);
        assertEquals(0, report.exitCode(), report.problems() + " " + report.leftOut());
        return Fixtures.build(Fixtures.options(dest));
    }

    private static List<String> images(Document page) {
        return page.select("main img").stream().map(img -> img.attr("src")).toList();
    }

    @Test
    void imagesNamedFromAChirpyPostsMediaSubpathLeadToTheFilesChirpyShowed() throws IOException {
        BuildResult built = importChirpySite();

        Document trip = SiteChecks.page(built.output(), "2024/01/01/trip.html");
        // The cover, then the body's images: Chirpy put media_subpath in front of each (a path from the root too,
        // as its media-url.html does), but not in front of a URL of another site; a link keeps its URL.
        assertEquals(List.of("/blog/assets/img/2024-trip/cover.png", "/blog/assets/img/2024-trip/beach.png",
                "/blog/assets/img/2024-trip/hill.png", "/blog/assets/img/2024-trip/logo.png",
                "https://cdn.example.com/x.png", "/blog/assets/img/2024-trip/sea.png"), images(trip));
        assertEquals("https://someone.github.io/blog/assets/img/2024-trip/cover.png",
                trip.selectFirst("meta[property=og:image]").attr("content"));
        Element code = trip.selectFirst(".post-content code");
        assertEquals("![x](code.png)", code.text());
        assertEquals("/blog/hill.png", trip.selectFirst(".post-content a[href$=hill.png]").attr("href"));

        assertEquals(List.of("/blog/assets/img/2024-trip/beach.png", "/blog/assets/img/2024-trip/hill.png"),
                images(SiteChecks.page(built.output(), "2024/01/02/pics.html")));
        // Chirpy 5 and 6 named it img_path.
        Document old = SiteChecks.page(built.output(), "2019/05/01/old.html");
        assertEquals(List.of("/blog/img/old/cover.jpg", "/blog/img/old/a.png"), images(old));
        assertEquals("https://someone.github.io/blog/img/old/cover.jpg",
                old.selectFirst("meta[property=og:image]").attr("content"));
        // A page too, from _config.yml's defaults.
        assertEquals(List.of("/blog/assets/img/pages/me.png"),
                images(SiteChecks.page(built.output(), "about.html")));
        assertEquals(List.of(), SiteChecks.brokenLinks(built.output(), "/blog"));

        // Kiln has no such key: it is applied, and left out of the imported front matter.
        for (String kiln : List.of("content/posts/2024-01-01-trip.md", "content/posts/2019-05-01-old.md",
                "content/about.md")) {
            String text = Files.readString(tmp.resolve("chirpy-kiln").resolve(kiln));
            assertFalse(text.contains("media_subpath") || text.contains("img_path"), text);
        }
    }

    @Test
    void aSubpathThatThePostsLiquidStillNamesIsKeptForTheAuthorToWriteItsValueInItsPlace() throws IOException {
        // The import leaves {{ page.img_path }} for the author and says to write its value there: the value stays.
        Path src = tmp.resolve("liquid");
        Files.createDirectories(src.resolve("_posts"));
        Files.writeString(src.resolve("_config.yml"), "title: J\ntheme: jekyll-theme-chirpy\n");
        Files.writeString(src.resolve("_posts/2022-01-01-liq.md"),
                "---\ntitle: Liq\nimg_path: /img/p/\n---\n![x]({{ page.img_path }}x.png) and ![z](z.png)\n");
        Path dest = tmp.resolve("liquid-kiln");
        Importer.run(src, dest, false);

        String text = Files.readString(dest.resolve("content/posts/2022-01-01-liq.md"));
        assertTrue(text.contains("img_path: /img/p/"), text);
        assertTrue(text.contains("![z](/img/p/z.png)"), text);
    }

    @Test
    void eachImageUrlIsWrittenAsThePathChirpyMadeOfItAndNothingElseIsTouched() {
        dev.kiln.markdown.MarkdownRenderer markdown = new dev.kiln.markdown.MarkdownRenderer(
                dev.kiln.highlight.Highlighter.plain());
        // A shortcut and a collapsed reference whose definition a link shares are written inline, title and all.
        assertEquals("![hill](/p/h.png \"Hill\") ![Hill](/p/h.png \"Hill\") [see][hill]\n\n[hill]: h.png \"Hill\"\n",
                MediaSubpath.body("![hill] ![Hill][] [see][hill]\n\n[hill]: h.png \"Hill\"\n", "/p/", markdown, true));
        // An image in a link: the image's URL only; a data: URL, Liquid and code as written.
        assertEquals("[![a](/p/a.png)](a.html) ![d](data:image/png;base64,AA) ![l]({{ x }}/l.png) `![c](c.png)`\n",
                MediaSubpath.body("[![a](a.png)](a.html) ![d](data:image/png;base64,AA) ![l]({{ x }}/l.png) `![c](c.png)`\n",
                        "/p", markdown, true));
        // <img> in raw HTML, not in code; a subpath with a space, percent-encoded; another site's folder.
        assertEquals("<img alt=x src='/my%20pics/a.png'>\n\n    <img src=\"b.png\">\n",
                MediaSubpath.body("<img alt=x src='a.png'>\n\n    <img src=\"b.png\">\n", "//my pics//", markdown, true));
        assertEquals("https://cdn.example.com/media/a.png", MediaSubpath.url("https://cdn.example.com//media/", "/a.png"));
        assertEquals(null, MediaSubpath.url("/p", "//cdn.example.com/a.png"));
        assertEquals("/media/a.png", MediaSubpath.url("/media", "a.png"));
    }
}
