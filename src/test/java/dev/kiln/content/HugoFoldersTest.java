package dev.kiln.content;

import dev.kiln.testing.Kiln;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Hugo site's settings, {@code static/}, {@code content/post/} and language suffixes, which Kiln would otherwise
 * misread in silence (other URLs, files missing, posts as pages, pages moved), are errors at their first file saying
 * what to do, as Jekyll's folders are.
 */
class HugoFoldersTest {

    private static final String SETTINGS = "Hugo's settings, which Kiln does not read: without them the site's URLs "
            + "and base URL are not Hugo's: write them in site.yml (";
    private static final String POST = "---\ntitle: A\ndate: 2024-05-01\n---\nText.\n";

    @TempDir
    Path site;

    @TempDir
    Path out;

    private Kiln.Run build() {
        return Kiln.run("build", "--source", site.toString(), "--dest", out.resolve("site").toString());
    }

    @Test
    void aHugoSiteFolderIsAnErrorAtItsSettingsAndStaticFilesNotAnotherSitesUrls() throws IOException {
        // No site.yml and no content/: a Hugo site's folder all the same, built to say what to move where.
        Kiln.write(site, "hugo.yaml", "baseURL: https://blog.example.com/\ntitle: My Blog\nlanguageCode: en-us\n"
                + "permalinks:\n  posts: /:year/:slug/\nparams:\n  author: Me\n");
        Kiln.write(site, "static/CNAME", "blog.example.com\n");
        Kiln.write(site, "static/_redirects", "/old /new 301\n");
        Kiln.write(site, "static/.well-known/security.txt", "contact\n");

        Kiln.assertBuildFails(site, out.resolve("site"), List.of(
                "hugo.yaml:1:1: " + SETTINGS + "title → title, baseURL → base_url, languageCode → language, "
                        + "permalinks' posts → permalink, params (description, author, your own keys) → top-level "
                        + "keys or params:; README's Coming from Hugo maps the others), then remove hugo.yaml",
                "static/CNAME:1:1: Hugo's static/ folder, which Kiln does not read: its 3 files are missing from the "
                        + "site: move them into content/, where a file that is not a page is published at the same "
                        + "path (static/CNAME → content/CNAME, at /CNAME); the hidden .well-known then needs include: "
                        + "[.well-known] in site.yml"));
    }

    @Test
    void tomlAndJsonSettingsAndConfigDefaultAreReadForTheirKeys() throws IOException {
        Kiln.write(site, "content/posts/2024-05-01-a.md", POST);
        Kiln.write(site, "config.toml", "baseURL = 'https://example.org/'\ntitle = 'T'\n[params]\n  title = 'x'\n"
                + "[[menu.main]]\n  name = 'About'\n");
        Kiln.write(site, "hugo.json", "{\n  \"baseURL\": \"https://example.org/\",\n  \"params\": {\"paginate\": 3}\n}\n");
        Kiln.write(site, "config/_default/params.toml", "author = 'Me'\n");

        Kiln.assertBuildFails(site, out.resolve("site"), List.of(
                "config.toml:1:1: " + SETTINGS + "title → title, baseURL → base_url, params (description, author, "
                        + "your own keys) → top-level keys or params:, menu.main → nav ({title, url} entries); README's "
                        + "Coming from Hugo maps the others), then remove config.toml",
                "config/_default/params.toml:1:1: Hugo's settings folder config/_default/, which Kiln does not read: "
                        + "write its settings in site.yml (params (description, author, your own keys) → top-level "
                        + "keys or params:; README's Coming from Hugo maps the others), then remove the folder",
                "hugo.json:1:1: " + SETTINGS + "baseURL → base_url, params (description, author, your own keys) → "
                        + "top-level keys or params:; README's Coming from Hugo maps the others), then remove hugo.json"));
    }

    @Test
    void aSingleLanguagesTableAndSiteWideLineNumbersAreNamedWithTheTopLevelKeys() throws IOException {
        // LoveIt's config.toml: the language's keys under [languages.zh-cn], and [markup.highlight] lineNos = true,
        // which numbered every code block in Hugo and was lost in silence.
        Kiln.write(site, "content/posts/2024-05-01-a.md", POST);
        Kiln.write(site, "config.toml", """
                baseURL = "https://www.nashome.cn/"
                title = "NasHome"
                [languages]
                  [languages.zh-cn]
                    weight = 1
                    languageCode = "zh-CN"
                    paginate = 12
                    [languages.zh-cn.menu]
                      [[languages.zh-cn.menu.main]]
                        name = "所有文章"
                        url = "/post/"
                    [languages.zh-cn.params]
                      description = "A blog recording my life"
                      keywords = ["HUGO"]
                [markup]
                  [markup.highlight]
                    lineNos = true # numbers
                    lineNumbersInTable = true
                """);

        Kiln.assertBuildFails(site, out.resolve("site"), List.of(
                "config.toml:1:1: " + SETTINGS + "title → title, baseURL → base_url, [languages.zh-cn] languageCode → "
                        + "language, [languages.zh-cn] paginate → paginate, [languages.zh-cn] params.description → "
                        + "description, [languages.zh-cn] menu.main → nav ({title, url} entries), [languages.zh-cn] "
                        + "params (your own keys) → top-level keys or params:, markup.highlight.lineNos (line numbers "
                        + "on every code block) → line_numbers: true; README's Coming from Hugo maps the others), then remove config.toml"));
    }

    @Test
    void aTaxonomysPermalinkIsNotTakenForThePostsAndHugosPermalinksPageTableIsRead() throws IOException {
        // Review, stop 32: a site setting only tags' and categories' patterns was told "permalinks' tags → permalink",
        // the posts' pattern; and Hugo 0.120's [permalinks.page] was not read ("permalinks' posts" for its post key).
        Kiln.write(site, "content/posts/2024-05-01-a.md", POST);
        Kiln.write(site, "config.toml", "baseURL = 'https://example.org/'\ntitle = 'T'\n[permalinks]\n"
                + "  tags = '/tag/:slug/'\n  categories = '/category/:slug/'\n");
        Kiln.assertBuildFails(site, out.resolve("site"), List.of("config.toml:1:1: " + SETTINGS + "title → title, "
                + "baseURL → base_url, permalinks' tags → tag_permalink, if it is tags' (Kiln writes no other taxonomy's "
                + "pages); README's Coming from Hugo maps the others), then remove config.toml"));

        Kiln.write(site, "config.toml", "baseURL = 'https://example.org/'\ntitle = 'T'\n[permalinks.page]\n"
                + "  tags = '/tag/:slug/'\n  post = '/:year/:slug/'\n");
        Kiln.assertBuildFails(site, out.resolve("site"), List.of("config.toml:1:1: " + SETTINGS + "title → title, "
                + "baseURL → base_url, permalinks' post → permalink; README's Coming from Hugo maps the others), then "
                + "remove config.toml"));
    }

    @Test
    void theFrontMatterErrorNamesThisFilesKindThenTheOthers() throws IOException {
        // Review, stop 32: a JSON page first among TOML posts was said to hold "TOML and JSON front matter".
        Kiln.write(site, "config.toml", "baseURL = 'https://example.org/'\ntitle = 'T'\n");
        Kiln.write(site, "content/about/index.md", "{\n  \"title\": \"About\"\n}\nMe.\n");
        Kiln.write(site, "content/posts/a.md", "+++\ntitle = \"A\"\ndate = \"2016-03-29\"\n+++\nhi\n");
        Kiln.write(site, "content/posts/b.md", "+++\ntitle = \"B\"\ndate = \"2016-03-30\"\n+++\nhi\n");
        List<String> problems = Kiln.run("build", "--source", site.toString(), "--dest", out.resolve("site").toString())
                .problems();
        assertTrue(problems.contains("content/about/index.md:1:1: JSON front matter (Hugo's { ... }), which Kiln does not "
                + "read, in this file and 2 others (content/posts/a.md, content/posts/b.md; TOML there too): convert it to "
                + "YAML with Hugo: hugo convert toYAML --unsafe, run in the Hugo site, rewrites every content file's front "
                + "matter as YAML, in place (commit them first)"), String.join("\n", problems));
    }

    @Test
    void configDefaultNamesTheKeysItsFilesHoldAsTheSingleFileDoes() throws IOException {
        // Stack's starter: config.toml, markup.toml, menu.toml and a permalinks.toml of comments only.
        Kiln.write(site, "content/posts/2024-05-01-a.md", POST);
        Kiln.write(site, "config/_default/config.toml", "baseurl = \"https://example.org/\"\ntitle = \"T\"\n"
                + "languageCode = \"fr\"\n");
        Kiln.write(site, "config/_default/markup.toml", "[highlight]\n  lineNos = true\n");
        Kiln.write(site, "config/_default/menu.toml", "[[main]]\n  name = \"About\"\n  url = \"/about/\"\n");
        Kiln.write(site, "config/_default/permalinks.toml", "# post = \"/p/:slug/\"\n");
        Kiln.write(site, "config/_default/params.yaml", "sidebar:\n  subtitle: x\n");

        Kiln.assertBuildFails(site, out.resolve("site"), List.of(
                "config/_default/config.toml:1:1: Hugo's settings folder config/_default/, which Kiln does not read: "
                        + "write its settings in site.yml (title → title, baseURL → base_url, languageCode → language, "
                        + "params (description, author, your own keys) → top-level keys or params:, menu.main → nav "
                        + "({title, url} entries), markup.highlight.lineNos (line numbers on every code block) → "
                        + "line_numbers: true; README's Coming from Hugo maps the others), then remove the folder"));
    }

    @Test
    void enableEmojiIsNamedWithTheSettingThatKeepsIt() throws IOException {
        // Academic's config.toml and Blowfish's config/_default/hugo.toml: enableEmoji = true (:smile: as 😄).
        Kiln.write(site, "content/posts/2024-05-01-a.md", POST);
        Kiln.write(site, "hugo.toml", "baseURL = 'https://example.org/'\ntitle = 'T'\nenableEmoji = true\n");
        Kiln.write(site, "config/_default/hugo.toml", "enableEmoji = true\n");

        Kiln.assertBuildFails(site, out.resolve("site"), List.of(
                "config/_default/hugo.toml:1:1: Hugo's settings folder config/_default/, which Kiln does not read: "
                        + "write its settings in site.yml (enableEmoji (:smile: as 😄) → emoji: true; README's Coming "
                        + "from Hugo maps the others), then remove the folder",
                "hugo.toml:1:1: " + SETTINGS + "title → title, baseURL → base_url, enableEmoji (:smile: as 😄) → "
                        + "emoji: true; README's Coming from Hugo maps the others), then remove hugo.toml"));
    }

    @Test
    void configDefaultNamesTheMenuOfAFileNamedForALanguage() throws IOException {
        // Congo's and Blowfish's starter config: menus.en.toml, Hugo's languages.en menus, was not named, and the
        // site's menu was lost unless the author read the TOML.
        Kiln.write(site, "content/posts/2024-05-01-a.md", POST);
        Kiln.write(site, "config/_default/hugo.toml", "baseURL = \"http://robk.uk/\"\ndefaultContentLanguage = \"en\"\n");
        Kiln.write(site, "config/_default/languages.en.toml", "title = \"rtdevx\"\nlanguageCode = \"en\"\n");
        Kiln.write(site, "config/_default/menus.en.toml", "[[main]]\n  name = \"Blog\"\n  pageRef = \"posts\"\n"
                + "  weight = 10\n");
        Kiln.write(site, "config/_default/menus.ja.yaml", "# none yet\n");

        Kiln.assertBuildFails(site, out.resolve("site"), List.of(
                "config/_default/hugo.toml:1:1: Hugo's settings folder config/_default/, which Kiln does not read: "
                        + "write its settings in site.yml (baseURL → base_url, [languages.en] title → title, "
                        + "[languages.en] languageCode → language, menus.en.toml's main → nav ({title, url} entries); "
                        + "README's Coming from Hugo maps the others), then remove the folder"));
    }

    @Test
    void goldmarksHardWrapsIsNamedWithWhatToWriteInstead() throws IOException {
        // Blogs written in Typora or Obsidian: every line break of a paragraph was a <br> in Hugo; Kiln joined the
        // lines in silence.
        Kiln.write(site, "content/posts/2024-05-01-a.md", POST);
        Kiln.write(site, "hugo.toml", "baseURL = \"https://e.org/\"\ntitle = \"t\"\n[markup.goldmark.renderer]\n"
                + "  hardWraps = true\n  unsafe = true\n");
        String hardWraps = "markup.goldmark.renderer.hardWraps (a <br> at every line break in a paragraph) → none: "
                + "Kiln joins a paragraph's lines as Hugo's default does: end each line to break with two spaces or a "
                + "backslash";
        Kiln.assertBuildFails(site, out.resolve("site"), List.of("hugo.toml:1:1: " + SETTINGS + "title → title, "
                + "baseURL → base_url, " + hardWraps + "; README's Coming from Hugo maps the others), then remove "
                + "hugo.toml"));

        Files.delete(site.resolve("hugo.toml"));
        Kiln.write(site, "config/_default/hugo.toml", "baseURL = \"https://e.org/\"\n");
        Kiln.write(site, "config/_default/markup.yaml", "goldmark:\n  renderer:\n    hardWraps: true\n");
        Kiln.assertBuildFails(site, out.resolve("site"), List.of("config/_default/hugo.toml:1:1: Hugo's settings folder "
                + "config/_default/, which Kiln does not read: write its settings in site.yml (baseURL → base_url, "
                + hardWraps + "; README's Coming from Hugo maps the others), then remove the folder"));
    }

    @Test
    void aConfigYamlOfAnotherToolIsLeftAloneWithOrWithoutSiteYml() throws IOException {
        Kiln.write(site, "content/posts/2024-05-01-a.md", POST);
        // site.yml is optional: a config.yaml without Hugo's own keys is another tool's.
        Kiln.write(site, "config.yaml", "foo: bar\nlint:\n  strict: true\n");
        assertEquals(0, build().code(), () -> build().err());

        // theme, menu, params, markup... are common names: only Hugo's own keys make it Hugo's.
        Kiln.write(site, "site.yml", "title: Kiln\n");
        Kiln.write(site, "config.yml", "theme: dark\nmenu:\n  - a\nparams: {x: 1}\nmarkup: md\nmodule: m\n"
                + "outputs: [html]\nlanguages: [en]\nmenus: []\n");
        assertEquals(0, build().code(), () -> build().err());

        // With one of Hugo's keys (in any case, as Hugo reads them) it is Hugo's, site.yml or not.
        Kiln.write(site, "config.yaml", "lint:\n  strict: true\nbaseurl: https://example.org/\n");
        Kiln.write(site, "config.yml", "theme: dark\nDisableKinds: [taxonomy]\n");
        Kiln.assertBuildFails(site, out.resolve("site"), List.of("config.yaml:1:1: " + SETTINGS
                + "baseURL → base_url; README's Coming from Hugo maps the others), then remove config.yaml",
                "config.yml:1:1: " + SETTINGS + "README's Coming from Hugo maps its keys), then remove config.yml"));
    }

    @Test
    void aKilnSitesOwnStaticFolderIsLeftAloneAndHugosIsReportedEvenWhenMadeAfterABuild() throws IOException {
        Kiln.write(site, "site.yml", "title: Kiln\n");
        Kiln.write(site, "content/posts/2024-05-01-a.md", POST);
        Kiln.write(site, "static/.gitkeep", ""); // what keeps an empty folder in git: nothing to lose
        Kiln.write(site, "static/.DS_Store", "x");
        assertEquals(0, build().code(), () -> build().err());

        Kiln.Run kept = Kiln.run("build", "--force", "--source", site.toString(), "--dest", out.resolve("site").toString());
        assertTrue(kept.err().lines().noneMatch(l -> l.startsWith("warning:")), kept.err());

        // A Kiln site (site.yml, none of Hugo's settings) keeps its static/ for itself: unread, with a warning.
        Kiln.write(site, "static/favicon.ico", "ico");
        assertEquals(0, build().code(), () -> build().err());
        assertFalse(Files.exists(out.resolve("site/favicon.ico")));

        // Hugo's settings beside it make it Hugo's static/, whose files would be missing.
        Kiln.write(site, "hugo.toml", "title = 'T'\n");
        String error = "static/favicon.ico:1:1: Hugo's static/ folder, which Kiln does not read: its file is missing "
                + "from the site: move it into content/, where a file that is not a page is published at the same "
                + "path (static/favicon.ico → content/favicon.ico, at /favicon.ico)";
        Kiln.assertBuildFails(site, out.resolve("site"), List.of("hugo.toml:1:1: " + SETTINGS + "title → title; "
                + "README's Coming from Hugo maps the others), then remove hugo.toml", error));

        // So does the lack of site.yml: a Hugo site's folder.
        Files.delete(site.resolve("hugo.toml"));
        Files.delete(site.resolve("site.yml"));
        Kiln.assertBuildFails(site, out.resolve("site"), List.of(error));
    }

    @Test
    void aKilnSitesOwnStaticFolderWithFilesIsOneWarningThatStrictTakesNoNoticeOf() throws IOException {
        Kiln.write(site, "site.yml", "title: Kiln\n");
        Kiln.write(site, "content/posts/2024-05-01-a.md", POST);
        Kiln.write(site, "static/favicon.ico", "ico");
        Kiln.write(site, "static/CNAME", "blog.example.com\n");
        Kiln.write(site, "static/.well-known/security.txt", "contact\n");
        String warning = "warning: static/CNAME:1:1: static/, which Kiln does not read (files to publish as they are go "
                + "in content/ or assets/): its 3 files are not published: move them into content/, where a file that is "
                + "not a page is published at the same path (static/CNAME → content/CNAME, at /CNAME); the hidden "
                + ".well-known then needs include: [.well-known] in site.yml; or, if the folder is not meant for the "
                + "site, rename it";

        // Until 2026-12-07 nothing was said: the files were missing from the site, with no broken link to tell.
        Kiln.Run run = build();
        assertEquals(0, run.code(), run.err());
        assertEquals(List.of(warning), run.err().lines().filter(l -> l.startsWith("warning:")).toList(), run.err());
        assertTrue(Files.exists(out.resolve("site/2024/05/01/a/index.html")));
        assertFalse(Files.exists(out.resolve("site/CNAME")));

        // A warning, not a broken link: --strict builds and writes the site.
        Kiln.Run strict = Kiln.run("build", "--strict", "--force", "--source", site.toString(), "--dest",
                out.resolve("strict").toString());
        assertEquals(0, strict.code(), strict.err());
        assertEquals(List.of(warning), strict.err().lines().filter(l -> l.startsWith("warning:")).toList(), strict.err());
        assertTrue(Files.exists(out.resolve("strict/2024/05/01/a/index.html")));
    }

    @Test
    void aStaticFolderThatKilnBuiltIntoIsNoFolderOfTheAuthorsAndSaysNothing() throws IOException {
        // --dest static: the next build found its own pages there and said to move them into content/.
        Kiln.write(site, "site.yml", "title: Kiln\n");
        Kiln.write(site, "content/posts/2024-05-01-a.md", POST);
        String dest = site.resolve("static").toString();
        Kiln.Run first = Kiln.run("build", "--source", site.toString(), "--dest", dest);
        assertEquals(0, first.code(), first.err());
        assertTrue(Files.exists(site.resolve("static/2024/05/01/a/index.html")));

        Kiln.Run again = Kiln.run("build", "--force", "--source", site.toString(), "--dest", dest);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().lines().noneMatch(l -> l.startsWith("warning:")), again.err());

        // Nor is it Hugo's static/ in a folder without site.yml: no error, the site builds.
        Files.delete(site.resolve("site.yml"));
        Kiln.Run hugoLike = Kiln.run("build", "--force", "--source", site.toString(), "--dest", dest);
        assertEquals(0, hugoLike.code(), hugoLike.err());
    }

    @Test
    void postsInContentPostAreAnErrorWhenDatedAndPagesWhenNot() throws IOException {
        Kiln.write(site, "site.yml", "title: Kiln\n");
        Kiln.write(site, "content/post/guide.md", "---\ntitle: Guide\n---\nA page.\n");
        assertEquals(0, build().code(), () -> build().err());
        assertTrue(Files.exists(out.resolve("site/post/guide/index.html")));

        Kiln.write(site, "content/post/entry-1.md", POST);
        Kiln.write(site, "content/post/2022-01-10-entry-2.md", "---\ntitle: B\n---\nText.\n");
        Kiln.assertBuildFails(site, out.resolve("site"), List.of("content/post/2022-01-10-entry-2.md:1:1: "
                + "content/post/ is the section of posts of many Hugo sites, but Kiln's posts are the files in "
                + "content/posts/ (plural): Kiln would publish its 3 files as pages, in the menu, and none as a post "
                + "(no post list, feed or tags): rename the folder content/posts/ (or, if they are pages, not posts, "
                + "give the folder another name)"));
    }

    @Test
    void anUnconvertedHugoSiteNamesItsSettingsStaticContentPostAndTomlFrontMatterInTheFirstBuild() throws IOException {
        // Hugo's common case: TOML front matter, content/post/, [permalinks] post. The first build named only
        // config.toml and static/; content/post/ and the TOML came a build or two later, one round each.
        Kiln.write(site, "config.toml", "baseURL = \"https://example.org/\"\ntitle = \"T\"\n[permalinks]\n"
                + "  post = \"/:filename/\"\n");
        Kiln.write(site, "static/images/a.png", "x");
        Kiln.write(site, "content/post/a.md", "+++\ntitle = \"A\"\ndate = \"2016-03-29\"\n+++\nhi\n");
        Kiln.write(site, "content/post/b.md", "+++\ntitle = \"B\"\n+++\nNo date.\n");
        Kiln.write(site, "content/about.md", "\n+++\ntitle = \"About\"\n+++\nMe.\n");

        Kiln.assertBuildFails(site, out.resolve("site"), List.of(
                "config.toml:1:1: " + SETTINGS + "title → title, baseURL → base_url, permalinks' post → permalink "
                        + "(a + in a file name or slug was a dash in Hugo's URL under it, and is kept by Kiln: give such "
                        + "a post Hugo's URL with url:); README's Coming from Hugo maps the others), then remove config.toml",
                "content/about.md:2:1: TOML front matter (between +++ lines), which Kiln does not read, in this file "
                        + "and 2 others (content/post/a.md, content/post/b.md): convert it to YAML with Hugo: hugo "
                        + "convert toYAML --unsafe, run in the Hugo site, rewrites every content file's front matter "
                        + "as YAML, in place (commit them first)",
                "content/post/a.md:1:1: content/post/ is the section of posts of many Hugo sites, but Kiln's posts are "
                        + "the files in content/posts/ (plural): Kiln would publish its 2 files as pages, in the menu, "
                        + "and none as a post (no post list, feed or tags): rename the folder content/posts/ (or, if "
                        + "they are pages, not posts, give the folder another name)",
                "static/images/a.png:1:1: Hugo's static/ folder, which Kiln does not read: its file is missing from "
                        + "the site: move it into content/, where a file that is not a page is published at the same "
                        + "path (static/images/a.png → content/images/a.png, at /images/a.png)"));
    }

    @Test
    void hugosLanguageSuffixIsAnErrorSayingWhatToRenameNotAnotherUrl() throws IOException {
        Kiln.write(site, "site.yml", "title: Kiln\npermalink: /posts/:slug/\n");
        Kiln.write(site, "content/posts/trip/index.en.md", POST);
        Kiln.write(site, "content/posts/trip/photo.jpg", "J");
        Kiln.write(site, "content/posts/hello.en.md", POST);
        Kiln.write(site, "content/posts/hello.fr.md", POST);
        Kiln.write(site, "content/posts/bye.en.mdown", POST); // Markdown's other names too
        Kiln.write(site, "content/about.en.md", "---\ntitle: About\n---\nMe.\n");
        String suffix = " is Hugo's language suffix, which Kiln does not read (a Kiln site has one language, site.yml's"
                + " language: en): Kiln would take ";
        Kiln.assertBuildFails(site, out.resolve("site"), List.of(
                "content/about.en.md:1:1: .en" + suffix + "about-en for its name, in its URL: rename it about.md (or, "
                        + "if .en is part of its name, not a language, keep the name and say so with permalink: "
                        + "/about.en/ in its front matter)",
                "content/posts/bye.en.mdown:1:1: .en" + suffix + "bye-en for its name, in its URL: rename it bye.mdown"
                        + " (or, if .en is part of its name, not a language, keep the name and say so with slug: "
                        + "bye.en in its front matter)",
                "content/posts/hello.en.md:1:1: .en" + suffix + "hello-en for its name, in its URL: rename it hello.md"
                        + " (or, if .en is part of its name, not a language, keep the name and say so with slug: "
                        + "hello.en in its front matter)",
                "content/posts/hello.fr.md:1:1: .fr is Hugo's language suffix: this is a translation of "
                        + "content/posts/hello.en.md, and a Kiln site has one language (site.yml's language: en): Kiln "
                        + "would take hello-fr for its name, in its URL: move it out of content/, or name it as a page "
                        + "of its own",
                "content/posts/trip/index.en.md:1:1: .en" + suffix + "index-en for its name, in its URL, and the "
                        + "folder content/posts/trip/ for no bundle: rename it index.md"));
    }

    @Test
    void aNameThatOnlyLooksSuffixedIsAName() throws IOException {
        Kiln.write(site, "site.yml", "title: Kiln\nlanguage: de-DE\npermalink: /posts/:slug/\n");
        Kiln.write(site, "content/posts/2024-05-01-node.js.md", POST);
        Kiln.write(site, "content/posts/2024-05-01-hallo.de.md", POST);
        Kiln.Run run = build();
        assertEquals(1, run.code(), run.err());
        assertEquals(List.of("content/posts/2024-05-01-hallo.de.md:1:1: .de is Hugo's language suffix, which Kiln "
                + "does not read (a Kiln site has one language, site.yml's language: de-DE): Kiln would take "
                + "2024-05-01-hallo-de for its name, in its URL: rename it 2024-05-01-hallo.md (or, if .de is part of "
                + "its name, not a language, keep the name and say so with slug: 2024-05-01-hallo.de in its front "
                + "matter)"), run.problems());

        // A post about a .de domain says so with its slug:, a page with its permalink: their URL is no file name's.
        Kiln.write(site, "content/posts/2024-05-01-hallo.de.md", "---\ntitle: A\nslug: meine-seite.de\n---\nT.\n");
        Kiln.write(site, "content/index.js.md", "---\ntitle: Index.js\nPermalink: /index.js/\n---\nT.\n");
        Kiln.write(site, "content/tools/index.de.md", "---\ntitle: Tools\nurl: /tools/\n---\nT.\n");
        run = build();
        assertEquals(0, run.code(), run.err());
        assertTrue(Files.exists(out.resolve("site/posts/meine-seite-de/index.html")), run.err());
        assertTrue(Files.exists(out.resolve("site/index.js/index.html")));
        assertTrue(Files.exists(out.resolve("site/tools/index.html")));
        assertTrue(Files.exists(out.resolve("site/posts/node-js/index.html")));
        assertFalse(run.err().contains("language suffix"));
    }
}
