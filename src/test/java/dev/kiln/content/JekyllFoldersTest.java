package dev.kiln.content;

import dev.kiln.testing.Kiln;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jekyll's folders in a Kiln site are errors at their first file, saying where their files go: at the root they were
 * ignored (an empty site was built), under content/ published as pages in the menu or as files. Other names that
 * start with an underscore are published as any other.
 */
class JekyllFoldersTest {

    private static final String IMPORT = "kiln import jekyll SRC --dest DIR (SRC this folder, DIR a new one)";
    private static final String DRAFTS = "Kiln's drafts are posts in content/posts/ with draft: true in their front "
            + "matter (and a date: or a dated file name; kiln build --drafts shows them)";

    @TempDir
    Path site;

    @TempDir
    Path out;

    private static final String POST = "---\ntitle: A\n---\nText.\n";

    @Test
    void aJekyllSiteFolderIsAnErrorAtItsSettingsAndPostsSayingToImportIt() throws IOException {
        Kiln.write(site, "_config.yml", "title: From Jekyll\npermalink: pretty\n");
        Kiln.write(site, "_posts/2026-12-03-root.md", POST);
        Kiln.write(site, "_posts/2026-12-04-more.md", POST);
        Kiln.write(site, "_posts/.DS_Store", "x");
        Kiln.write(site, "_drafts/idea.md", POST);

        Kiln.assertBuildFails(site, out.resolve("site"), List.of(
                "_config.yml:1:1: Jekyll's settings, which Kiln does not read: to move this Jekyll site to Kiln, run "
                        + IMPORT + ", which converts its settings, posts, pages and Liquid into a Kiln site folder; for "
                        + "a Kiln site, write its settings in site.yml",
                "_drafts/idea.md:1:1: Jekyll's _drafts/, which Kiln does not read: " + DRAFTS + ": move its file to "
                        + "content/posts/, each with draft: true, or convert the whole Jekyll site with " + IMPORT,
                "_posts/2026-12-03-root.md:1:1: Jekyll's _posts/, which Kiln does not read: Kiln's posts are in "
                        + "content/posts/: move its 2 files to content/posts/, or convert the whole Jekyll site with "
                        + IMPORT));
    }

    @Test
    void aKilnSiteMayKeepJekyllsSettingsButNotItsPosts() throws IOException {
        Kiln.write(site, "site.yml", "title: Kiln\n");
        Kiln.write(site, "_config.yml", "title: Jekyll, before\n");
        Kiln.write(site, "content/posts/2026-12-01-a.md", POST);
        Path dest = out.resolve("site");
        assertEquals(0, Kiln.run("build", "--source", site.toString(), "--dest", dest.toString()).code());

        // Made after a build: the next one looks, rather than say that nothing changed.
        Kiln.write(site, "_posts/2026-12-03-root.md", POST);
        Kiln.assertBuildFails(site, dest, List.of("_posts/2026-12-03-root.md:1:1: Jekyll's _posts/, which Kiln does "
                + "not read: Kiln's posts are in content/posts/: move its file to content/posts/, or convert the whole "
                + "Jekyll site with " + IMPORT));
    }

    @Test
    void jekyllsFoldersUnderContentAreErrorsNotPagesInTheMenuOrFilesPublished() throws IOException {
        Kiln.write(site, "content/posts/2026-12-01-a.md", POST);
        Path dest = out.resolve("site");
        assertEquals(0, Kiln.run("build", "--source", site.toString(), "--dest", dest.toString()).code());
        Kiln.write(site, "content/_posts/2026-12-03-jekyll-style.md", POST);
        Kiln.write(site, "content/blog/tech/_posts/2026-12-05-b.md", POST);
        Kiln.write(site, "content/_drafts/idea.md", POST);
        Kiln.write(site, "content/posts/_drafts/other-idea.md", POST);
        Kiln.write(site, "content/posts/_drafts/third-idea.md", POST);
        Kiln.write(site, "content/_includes/footer.html", "<footer>x</footer>\n");
        Kiln.write(site, "content/_layouts/default.html", "{{ content }}\n");
        Kiln.write(site, "content/_data/authors.yml", "jane: Jane\n");
        Kiln.write(site, "content/_sass/main.scss", "a { b: c }\n");
        Kiln.write(site, "content/_site/index.html", "<p>old</p>\n");
        Kiln.write(site, "content/_plugins/x.rb", "# x\n");
        Kiln.write(site, "content/_config.yml", "title: x\n");

        Kiln.assertBuildFails(site, dest, List.of(
                "content/_config.yml:1:1: Jekyll's settings, which Kiln would publish at /_config.yml: Kiln's are in "
                        + "site.yml, at the site's root; kiln import jekyll converts a Jekyll site's",
                "content/_data/authors.yml:1:1: Jekyll's data files (site.data), which Kiln would publish at /_data/: "
                        + "Kiln has no site.data: put what the layouts need in site.yml, where a key of your own is "
                        + "site.params.KEY",
                "content/_drafts/idea.md:1:1: Jekyll's folder of drafts, which Kiln would publish at /_drafts/ as "
                        + "pages, in the menu: " + DRAFTS + ": move its file there, each with draft: true",
                "content/_includes/footer.html:1:1: Jekyll's includes, which Kiln would publish at /_includes/: Kiln's "
                        + "pages have no includes: an include of a layout goes in layouts/partials/ (a Pebble file, "
                        + ".peb), and what a page included, in the page",
                "content/_layouts/default.html:1:1: Jekyll's layouts, which Kiln would publish at /_layouts/: Kiln's "
                        + "layouts are Pebble files in layouts/ (post.peb, page.peb...; without them the built-in "
                        + "theme lays the site out)",
                "content/_plugins/x.rb:1:1: Jekyll's Ruby plugins, which Kiln would publish at /_plugins/, and does "
                        + "not run: remove the folder",
                "content/_posts/2026-12-03-jekyll-style.md:1:1: Jekyll's folder of posts, which Kiln would publish at "
                        + "/_posts/ as pages, in the menu: Kiln's posts are in content/posts/: move its file there",
                "content/_sass/main.scss:1:1: Jekyll's Sass, which Kiln would publish at /_sass/: Kiln compiles no "
                        + "Sass: put the CSS it made in assets/css/",
                "content/_site/index.html:1:1: Jekyll's built site, which Kiln would publish at /_site/: delete it "
                        + "(Kiln writes its site to target/site)",
                "content/blog/tech/_posts/2026-12-05-b.md:1:1: Jekyll's folder of posts, which Kiln would publish at "
                        + "/blog/tech/_posts/ as pages, in the menu: Kiln's posts are in content/posts/: move its file "
                        + "there (Jekyll took the folders above _posts/ for their categories: categories: [blog, tech] "
                        + "in their front matter keeps them)",
                "content/posts/_drafts/other-idea.md:1:1: Jekyll's folder of drafts, whose files Kiln would publish "
                        + "as posts: " + DRAFTS + ": give its 2 files draft: true and move them out of _drafts/"));
    }

    @Test
    void otherNamesStartingWithAnUnderscoreArePublishedAsTheyAre() throws IOException {
        // Kiln writes .nojekyll, so GitHub Pages serves them: a host's _redirects, a static export's _next/.
        Kiln.write(site, "content/_redirects", "/old /new 301\n");
        Kiln.write(site, "content/_next/static/app.js", "x();\n");
        Kiln.write(site, "content/_notes/todo.md", "---\ntitle: Todo\n---\nThings.\n");
        Kiln.write(site, "content/posts/_posts/2026-12-01-a.md", POST); // among Kiln's posts: a post
        Path dest = out.resolve("site");

        Kiln.Run run = Kiln.run("build", "--source", site.toString(), "--dest", dest.toString());

        assertEquals(0, run.code(), run.err());
        assertEquals("/old /new 301\n", Files.readString(dest.resolve("_redirects")));
        assertTrue(Files.exists(dest.resolve("_next/static/app.js")));
        assertTrue(Files.exists(dest.resolve("_notes/todo/index.html")));
        assertTrue(Files.exists(dest.resolve("2026/12/01/a/index.html")));
    }
}
