package dev.kiln.content;

import dev.kiln.error.Problem;
import dev.kiln.error.SiteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceLoaderTest {

    @TempDir
    Path site;

    private static final SourceLoader.TextReader READ = (file, attributes) -> SourceLoader.readUtf8(file);

    private void write(String path, String text) throws IOException {
        write(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private void write(String path, byte[] bytes) throws IOException {
        Path file = site.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    private static List<String> paths(List<SourceFile> files) {
        return files.stream().map(SourceFile::path).toList();
    }

    private static List<String> staticPaths(SiteSources sources) {
        return sources.statics().stream().map(StaticFile::sourcePath).toList();
    }

    @Test
    void readsPostsFromContentPosts() throws IOException {
        write("content/posts/2018-03-15-lambda.md", "---\ntitle: Lambda\n---\nHi\n");
        write("content/posts/2018-03-16-more.markdown", "Hi\n");
        SiteSources sources = SourceLoader.load(site);
        assertEquals(List.of("content/posts/2018-03-15-lambda.md", "content/posts/2018-03-16-more.markdown"),
                paths(sources.posts()));
        assertEquals(List.of(), sources.pages());
    }

    @Test
    void readsPostText() throws IOException {
        write("content/posts/2018-03-15-lambda.md", "---\ntitle: Lambda\n---\nHi\n");
        assertEquals("---\ntitle: Lambda\n---\nHi\n", SourceLoader.load(site).posts().get(0).text());
    }

    @Test
    void theFilesOfAPostBundleNameItsIndexAndAReloadKeepsThem() throws IOException {
        write("content/posts/trip/index.md", "---\ndate: 2023-03-01\n---\n![](img/a.jpg)\n");
        write("content/posts/trip/img/a.jpg", "jpg");
        write("content/posts/2023/2023-01-01-b.md", "B\n");
        write("content/posts/2023/chart.png", "png");
        write("content/docs/index.md", "Docs\n");
        write("content/docs/d.png", "png");
        SiteSources before = SourceLoader.load(site);

        assertEquals(java.util.Arrays.asList(null, null, "content/posts/trip/index.md"),
                before.statics().stream().map(StaticFile::post).toList(), "docs/d.png, posts/2023/chart.png, posts/trip/img/a.jpg");
        write("content/posts/trip/index.md", "---\ndate: 2023-03-02\n---\n![](img/a.jpg)\n");
        SiteSources after = SourceLoader.reload(site, before, java.util.Set.of("content/posts/trip/index.md",
                "content/posts/trip/img/a.jpg"), READ);
        assertEquals(before.statics(), after.statics());
        assertEquals("2023-03-01-trip", new SourceFile("content/posts/2023-03-01-trip/index.md", "").postName());
        assertEquals("index.md", new SourceFile("content/posts/index.md", "").postName(), "no bundle: content/posts/ itself");
        assertEquals("index.md", new SourceFile("content/docs/index.md", "").postName(), "a page's folder is no bundle");
    }

    @Test
    void reloadReadsAgainOnlyTheNamedFilesAndGivesUpWhenItCannotKnow() throws IOException {
        write("content/posts/2018-03-15-a.md", "A\n");
        write("content/posts/2018-03-16-b.md", "B\n");
        write("content/landing.html", "---\ntitle: Landing\n---\n<p>Hi</p>\n");
        write("assets/site.css", "a {}\n");
        SiteSources before = SourceLoader.load(site);
        write("content/posts/2018-03-15-a.md", "A, edited\n");
        write("content/posts/2018-03-16-b.md", "B, edited but not named\n");

        SiteSources after = SourceLoader.reload(site, before, java.util.Set.of("content/posts/2018-03-15-a.md",
                "assets/site.css"), READ);

        assertEquals(List.of("A, edited\n", "B\n"), after.posts().stream().map(SourceFile::text).toList());
        assertEquals(before.pages(), after.pages());
        assertEquals(before.statics(), after.statics());
        assertNull(SourceLoader.reload(site, before, java.util.Set.of("content/posts/2018-03-17-new.md"),
                READ), "a file the last load did not see: walk the folders");
        write("content/landing.html", "<p>No front matter: copied as it is now</p>\n");
        assertNull(SourceLoader.reload(site, before, java.util.Set.of("content/landing.html"),
                READ), "a page that is a page no more");
        Files.delete(site.resolve("content/posts/2018-03-15-a.md"));
        assertNull(SourceLoader.reload(site, before, java.util.Set.of("content/posts/2018-03-15-a.md"),
                READ), "a file gone");
    }

    @Test
    void reloadGivesUpWhenACopiedFileThatFrontMatterWouldMakeAPageIsWritten() throws IOException {
        write("content/plain.html", "<p>Copied</p>\n");
        write("content/agenda.org", "* TODO\n");
        write("content/a.pdf", "pdf");
        SiteSources before = SourceLoader.load(site);
        assertEquals(List.of("content/a.pdf", "content/agenda.org", "content/plain.html"), staticPaths(before));

        write("content/plain.html", "+++\ntitle = \"Now a page\"\n+++\n<p>Copied</p>\n");
        assertNull(SourceLoader.reload(site, before, java.util.Set.of("content/plain.html"), READ),
                "an HTML file may be a page now (or an error): walk the folders");
        write("content/agenda.org", "#+TITLE: Agenda\n#+DATE: 2024-01-01\n* TODO\n");
        assertNull(SourceLoader.reload(site, before, java.util.Set.of("content/agenda.org"), READ),
                "an Org file may be an error now");
        assertEquals(before.statics(), SourceLoader.reload(site, before, java.util.Set.of("content/a.pdf"), READ)
                .statics(), "any other file is copied again as it is");
        assertThrows(SiteException.class, () -> SourceLoader.load(site), "agenda.org starts with a page's #+DATE:");
    }

    @Test
    void htmlWithHugosFrontMatterOrFrontMatterBelowBlankLinesIsAPageToRead() throws IOException {
        write("content/a.html", "+++\ntitle = \"A\"\n+++\n<p>A</p>\n");
        write("content/b.html", "{\"title\": \"B\"}\n<p>B</p>\n");
        write("content/c.html", "\n\n---\ntitle: C\n---\n<p>C</p>\n");
        write("content/d.html", "\n<hr>\n---\n");
        write("content/e.html", "\n---\ntitle: E\ndescription: " + "long ".repeat(200) + "\n---\n<p>E</p>\n");
        SiteSources sources = SourceLoader.load(site);
        assertEquals(List.of("content/a.html", "content/b.html", "content/c.html", "content/e.html"),
                paths(sources.pages()), "e.html's closing --- is past its first 512 bytes");
        assertEquals(List.of("content/d.html"), staticPaths(sources));
    }

    @Test
    void reloadReadsAgainThePagesThatLinkToAFileWrittenOutsideContent() throws IOException {
        write("notes/about.md", "About\n");
        write("content/posts/2018-03-15-a.md", "A\n");
        Files.createSymbolicLink(site.resolve("content/about.md"), Path.of("../notes/about.md"));
        SiteSources before = SourceLoader.load(site);
        write("notes/about.md", "About, edited\n");

        SiteSources after = SourceLoader.reload(site, before, java.util.Set.of("notes/about.md"), READ);

        assertNotNull(after, "the watcher named the target: no need to walk the folders");
        assertEquals(List.of("About, edited\n"), after.pages().stream().map(SourceFile::text).toList());
        assertEquals(before.posts(), after.posts());
        assertNull(SourceLoader.reload(site, before, java.util.Set.of("notes/other.md"), READ),
                "a file no page links to");
    }

    @Test
    void readsPagesFromRestOfContent() throws IOException {
        write("content/about.md", "About\n");
        write("content/docs/setup.md", "Setup\n");
        SiteSources sources = SourceLoader.load(site);
        assertEquals(List.of("content/about.md", "content/docs/setup.md"), paths(sources.pages()));
        assertEquals(List.of(), sources.posts());
    }

    @Test
    void copiesOtherContentFilesRelativeToContent() throws IOException {
        write("content/images/cat.png", "png");
        StaticFile file = SourceLoader.load(site).statics().get(0);
        assertEquals("content/images/cat.png", file.sourcePath());
        assertEquals("images/cat.png", file.outputPath());
    }

    @Test
    void copiesAssetsUnderTheirOwnPath() throws IOException {
        write("assets/css/site.css", "body {}");
        StaticFile file = SourceLoader.load(site).statics().get(0);
        assertEquals("assets/css/site.css", file.sourcePath());
        assertEquals("assets/css/site.css", file.outputPath());
        assertEquals(site.resolve("assets/css/site.css"), file.file());
    }

    @Test
    void treatsHtmlWithFrontMatterAsPage() throws IOException {
        write("content/landing.html", "---\ntitle: Landing\n---\n<p>Hi</p>\n");
        SiteSources sources = SourceLoader.load(site);
        assertEquals(List.of("content/landing.html"), paths(sources.pages()));
        assertEquals(List.of(), sources.statics());
    }

    @Test
    void treatsHtmlWithoutFrontMatterAsStatic() throws IOException {
        write("content/google123.html", "google-site-verification: google123.html");
        SiteSources sources = SourceLoader.load(site);
        assertEquals(List.of(), sources.pages());
        assertEquals(List.of("content/google123.html"), staticPaths(sources));
    }

    @Test
    void treatsHtmlWithByteOrderMarkAndFrontMatterAsPage() throws IOException {
        write("content/landing.html", "\uFEFF---\ntitle: Landing\n---\n<p>Hi</p>\n");
        assertEquals(List.of("content/landing.html"), paths(SourceLoader.load(site).pages()));
    }

    @Test
    void dropsByteOrderMarkFromText() throws IOException {
        write("content/about.md", "\uFEFF---\ntitle: About\n---\n");
        assertEquals("---\ntitle: About\n---\n", SourceLoader.load(site).pages().get(0).text());
    }

    @Test
    void ignoresHiddenFilesAndFolders() throws IOException {
        write("content/.hidden.md", "x");
        write("content/.git/HEAD.md", "x");
        write("content/posts/.2018-03-15-secret.md", "x");
        write("assets/.DS_Store", "x");
        SiteSources sources = SourceLoader.load(site);
        assertEquals(List.of(), sources.posts());
        assertEquals(List.of(), sources.pages());
        assertEquals(List.of(), sources.statics());
    }

    @Test
    void ignoresEditorSwapAndBackupFiles() throws IOException {
        write("content/about.md", "About\n");
        write("content/about.md~", "x");
        write("content/.about.md.swp", "x");
        write("content/about.md.swx", "x");
        write("content/#about.md#", "x");
        write("content/about.md.tmp", "x");
        write("content/4913", "");
        write("content/posts/sedAb12Z9", "x"); // sed -i's file, before it is renamed over the post
        write("content/posts/sedq0x7ZZ", "x");
        SiteSources sources = SourceLoader.load(site);
        assertEquals(List.of("content/about.md"), paths(sources.pages()));
        assertEquals(List.of(), sources.statics());
    }

    @Test
    void keepsFilesWhoseNamesOnlyLookLikeAnEditorsLeftovers() throws IOException {
        write("content/sed.txt", "x");
        write("content/sedAb12Z", "x");
        write("content/sedAb12Z99", "x");
        write("content/sed-1234", "x");
        write("content/49130", "x");
        write("content/sedAb12Z9.md", "x");
        SiteSources sources = SourceLoader.load(site);
        assertEquals(List.of("content/sedAb12Z9.md"), paths(sources.pages()));
        assertEquals(List.of("content/49130", "content/sed-1234", "content/sed.txt", "content/sedAb12Z",
                "content/sedAb12Z99"), staticPaths(sources));
    }

    @Test
    void reportsNonUtf8FileAtItsFirstBadByte() throws IOException {
        write("content/posts/2018-03-15-cafe.md", new byte[] {'x', '\n', 'c', 'a', 'f', (byte) 0xE9, '\n'});
        List<Problem> problems = assertThrows(SiteException.class, () -> SourceLoader.load(site)).problems();
        assertEquals(1, problems.size());
        assertEquals("content/posts/2018-03-15-cafe.md", problems.get(0).path());
        assertEquals(2, problems.get(0).line());
        assertEquals(4, problems.get(0).column());
        assertTrue(problems.get(0).message().contains("save the file as UTF-8"), problems.get(0).message());
    }

    @Test
    void countsNoByteOrderMarkInTheColumnOfABadByte() throws IOException {
        write("content/a.md", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'c', 'a', 'f', (byte) 0xE9, '\n'});
        Problem p = assertThrows(SiteException.class, () -> SourceLoader.load(site)).problems().get(0);
        assertEquals("content/a.md:1:4", p.path() + ":" + p.line() + ":" + p.column(), p.toString());
    }

    @Test
    void countsColumnsInCharactersNotBytes() throws IOException {
        write("content/a.md", ("é€" + "\u0000").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Problem p = assertThrows(SiteException.class, () -> SourceLoader.load(site)).problems().get(0);
        assertEquals("content/a.md:1:3", p.path() + ":" + p.line() + ":" + p.column(), p.toString());
        assertTrue(p.message().contains("NUL"), p.message());
    }

    /** Reads the items last first, each on its own thread: what a pool may do. */
    private static final SourceLoader.ListMapper BACKWARDS_ON_THREADS = new SourceLoader.ListMapper() {
        @Override
        public <T, R> List<R> map(List<T> items, java.util.function.Function<T, R> function) {
            Object[] results = new Object[items.size()];
            List<Thread> threads = new java.util.ArrayList<>();
            for (int i = items.size() - 1; i >= 0; i--) {
                int at = i;
                Thread t = new Thread(() -> results[at] = function.apply(items.get(at)));
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            @SuppressWarnings("unchecked")
            List<R> list = (List<R>) List.of(results);
            return list;
        }
    };

    @Test
    void pagesReadInAnyOrderOnAnyThreadsComeOutInTheWalksOrder() throws IOException {
        for (int i = 0; i < 30; i++) {
            write(String.format("content/posts/2020-01-%02d-p.md", i + 1), "---\ntitle: P" + i + "\n---\n");
        }
        write("content/about.md", "---\ntitle: About\n---\n");
        write("content/notes.html", "---\ntitle: Notes\n---\n");
        write("content/img/a.png", new byte[] {1});
        SiteSources serial = SourceLoader.load(site, READ);
        SiteSources pooled = SourceLoader.load(site, READ, BACKWARDS_ON_THREADS);
        assertEquals(serial, pooled);
        assertEquals(30, pooled.posts().size());
        assertEquals("content/posts/2020-01-01-p.md", pooled.posts().get(0).path());

        // Problems too: in the walk's order, whichever was read first.
        write("content/posts/2020-01-03-p.md", new byte[] {'x', (byte) 0xE9});
        write("content/posts/2020-01-20-p.md", new byte[] {'y', 0});
        List<String> expected = assertThrows(SiteException.class, () -> SourceLoader.load(site, READ)).problems()
                .stream().map(Problem::toString).toList();
        assertEquals(2, expected.size(), expected.toString());
        assertEquals(expected, assertThrows(SiteException.class, () -> SourceLoader.load(site, READ,
                BACKWARDS_ON_THREADS)).problems().stream().map(Problem::toString).toList());
        assertTrue(expected.get(0).startsWith("content/posts/2020-01-03-p.md"), expected.toString());
    }

    @Test
    void reportsAFileTheBuildMayNotReadWithoutStoppingAtIt() throws IOException {
        write("content/posts/2020-01-01-locked.md", "---\ntitle: Locked\n---\n");
        write("content/posts/2020-01-02-open.md", "---\ntitle: Open\n---\n");
        // As root every file is readable, so the reader is made to refuse as the file system would.
        SourceLoader.TextReader refusing = (file, attributes) -> {
            if (file.getFileName().toString().contains("locked")) {
                throw new java.io.UncheckedIOException(new java.nio.file.AccessDeniedException(file.toString()));
            }
            return SourceLoader.readUtf8(file);
        };
        List<Problem> problems = assertThrows(SiteException.class, () -> SourceLoader.load(site, refusing)).problems();
        assertEquals(List.of("content/posts/2020-01-01-locked.md:1:1: cannot be read: permission denied: make it "
                + "readable (chmod a+r), or move it out of the site"), problems.stream().map(Problem::toString).toList());
    }

    @Test
    void reportsEveryNonUtf8File() throws IOException {
        write("content/a.md", new byte[] {(byte) 0xFF});
        write("content/b.md", new byte[] {(byte) 0xFE});
        List<Problem> problems = assertThrows(SiteException.class, () -> SourceLoader.load(site)).problems();
        assertEquals(List.of("content/a.md", "content/b.md"), problems.stream().map(Problem::path).toList());
    }

    @Test
    void aReplacementCharacterWrittenInUtf8IsTextButAMalformedByteBesideOneIsNot() throws IOException {
        write("content/ok.md", "---\ntitle: Lost\n---\nA \uFFFD stands for a lost character.\n");
        SiteSources sources = SourceLoader.load(site);
        assertEquals("---\ntitle: Lost\n---\nA \uFFFD stands for a lost character.\n", sources.pages().get(0).text());

        write("content/bad.md", new byte[] {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD, ' ', (byte) 0xC3, '('});
        List<Problem> problems = assertThrows(SiteException.class, () -> SourceLoader.load(site)).problems();
        assertEquals(List.of("content/bad.md"), problems.stream().map(Problem::path).toList());
    }

    @Test
    void copiesNonUtf8StaticFilesAsTheyAre() throws IOException {
        write("content/images/logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xFF});
        assertEquals(List.of("content/images/logo.png"), staticPaths(SourceLoader.load(site)));
    }

    @Test
    void listsFilesInSortedOrder() throws IOException {
        write("content/posts/2018-03-16-b.md", "b");
        write("content/posts/2018-03-15-a.md", "a");
        write("content/zeta.md", "z");
        write("content/about.md", "a");
        write("content/docs/index.md", "d");
        SiteSources sources = SourceLoader.load(site);
        assertEquals(List.of("content/posts/2018-03-15-a.md", "content/posts/2018-03-16-b.md"), paths(sources.posts()));
        assertEquals(List.of("content/about.md", "content/docs/index.md", "content/zeta.md"), paths(sources.pages()));
    }

    @Test
    void readsSiteWithoutContentOrAssets() {
        SiteSources sources = SourceLoader.load(site);
        assertEquals(List.of(), sources.posts());
        assertEquals(List.of(), sources.pages());
        assertEquals(List.of(), sources.statics());
    }

    @Test
    void refusesALinkToAFileOutsideTheSite(@TempDir Path outside) throws IOException {
        Path secret = Files.writeString(outside.resolve("secret.txt"), "not for the web");
        Files.createDirectories(site.resolve("assets"));
        Files.createSymbolicLink(site.resolve("assets/secret.txt"), secret);

        SiteException e = assertThrows(SiteException.class, () -> SourceLoader.load(site));

        assertEquals("assets/secret.txt", e.problems().get(0).path());
        assertTrue(e.problems().get(0).message().contains("outside the site folder"));
    }

    @Test
    void refusesALinkToAHiddenFileInsideTheSiteAsGitsConfigOrAnEnvFile() throws IOException {
        write(".git/config", "[remote \"origin\"]\n\turl = https://user:token@example.com/blog.git\n");
        write(".env", "TOKEN=secret\n");
        Files.createDirectories(site.resolve("assets"));
        Files.createDirectories(site.resolve("content"));
        Files.createSymbolicLink(site.resolve("assets/config.txt"), Path.of("../.git/config"));
        Files.createSymbolicLink(site.resolve("content/env.txt"), site.resolve(".env"));

        SiteException e = assertThrows(SiteException.class, () -> SourceLoader.load(site));

        assertEquals(List.of("assets/config.txt", "content/env.txt"),
                e.problems().stream().map(p -> p.path()).toList());
        assertTrue(e.problems().get(0).message().startsWith("is a link to .git/config, a hidden file that a build "
                + "does not publish"), e.problems().get(0).message());
        assertTrue(e.problems().get(1).message().contains("a link to .env, a hidden file"));
    }

    @Test
    void acceptsALinkToAHiddenFileThatIncludeNames() throws IOException {
        write("content/.well-known/security.txt", "Contact: mailto:me@example.com\n");
        Files.createSymbolicLink(site.resolve("content/security.txt"), Path.of(".well-known/security.txt"));

        SiteSources sources = SourceLoader.load(site, READ, BACKWARDS_ON_THREADS, List.of(".well-known"));

        assertEquals(List.of("content/.well-known/security.txt", "content/security.txt"),
                sources.statics().stream().map(f -> f.sourcePath()).sorted().toList());
    }

    @Test
    void includeReachesOnlyContentAndAssetsSoALinkToTheSitesOwnEnvFileIsRefusedEvenWhenIncludeNamesIt()
            throws IOException {
        write(".env", "TOKEN=secret\n");
        Files.createDirectories(site.resolve("content"));
        Files.createSymbolicLink(site.resolve("content/b.txt"), Path.of("../.env"));

        SiteException e = assertThrows(SiteException.class,
                () -> SourceLoader.load(site, READ, BACKWARDS_ON_THREADS, List.of(".env")));

        assertEquals("content/b.txt", e.problems().get(0).path());
        assertTrue(e.problems().get(0).message().contains("a link to .env, a hidden file"), e.problems().get(0).message());
    }

    @Test
    void includeNamingAPathPublishesThatFileOfAHiddenFolderAndNoOtherAndALinkToIt() throws IOException {
        write("content/.well-known/security.txt", "Contact: mailto:me@example.com\n");
        write("content/.well-known/other.txt", "not named\n");
        Files.createSymbolicLink(site.resolve("content/security.txt"), Path.of(".well-known/security.txt"));

        SiteSources sources = SourceLoader.load(site, READ, BACKWARDS_ON_THREADS, List.of(".well-known/security.txt"));

        assertEquals(List.of("content/.well-known/security.txt", "content/security.txt"),
                sources.statics().stream().map(f -> f.sourcePath()).sorted().toList());
    }

    @Test
    void acceptsALinkToAFileInsideTheSite() throws IOException {
        Files.createDirectories(site.resolve("assets"));
        Path real = Files.writeString(site.resolve("assets/real.txt"), "fine");
        Files.createSymbolicLink(site.resolve("assets/alias.txt"), real);

        assertEquals(2, SourceLoader.load(site).statics().size());
    }

    @Test
    void aFileGoneBetweenTheListingAndTheLookIsPassedOverButOneThatMayNotBeReadIsNot() {
        // An editor saves by writing a hidden temporary file and renaming it over the post: a walk may list the
        // temporary file and find it gone a moment later. The dev server's rebuild then crashed.
        Path tmp = site.resolve("content/posts/.2020-01-01-first.md.tmp");
        Path post = site.resolve("content/posts/2020-01-01-first.md");

        assertTrue(SourceLoader.isPassedOver(tmp, new java.nio.file.NoSuchFileException(tmp.toString())));
        assertTrue(SourceLoader.isPassedOver(post, new java.nio.file.NoSuchFileException(post.toString())));
        assertTrue(SourceLoader.isPassedOver(tmp, new java.nio.file.AccessDeniedException(tmp.toString())));
        // Reported at its path (BadInputTest#aFolderUnderContentOrAssetsTheBuildMayNotReadIsAProblem), not a crash.
        assertFalse(SourceLoader.isPassedOver(post, new java.nio.file.AccessDeniedException(post.toString())));
    }
}
