package dev.kiln.serve;

import dev.kiln.build.BuildOptions;
import dev.kiln.output.SiteOutput;
import dev.kiln.serve.ServeTesting.Tab;
import dev.kiln.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.kiln.serve.ServeTesting.CSS;
import static dev.kiln.serve.ServeTesting.FIRST;
import static dev.kiln.serve.ServeTesting.FIRST_URL;
import static dev.kiln.serve.ServeTesting.SECOND;
import static dev.kiln.serve.ServeTesting.SECOND_URL;
import static dev.kiln.serve.ServeTesting.blog;
import static dev.kiln.serve.ServeTesting.contentType;
import static dev.kiln.serve.ServeTesting.get;
import static dev.kiln.serve.ServeTesting.post;
import static dev.kiln.serve.ServeTesting.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live reload over Server-Sent Events: each tab hears {@code reload} when its own page changed, {@code css}
 * when only stylesheets did, and every tab reloads when the site breaks and when it builds again.
 *
 * <p>That a tab heard nothing is shown without waiting: a later CSS-only change sends {@code css} to every
 * tab, so the event a tab reads next is {@code css} exactly when it was sent nothing before.
 */
@Timeout(60)
class LiveReloadTest {

    @TempDir
    Path tmp;

    private final List<String> log = ServeTesting.newLog();
    private int cssEdits;

    private DevServer started(BuildOptions options) {
        DevServer server = new DevServer(options, "127.0.0.1", 0, log::add);
        server.start();
        return server;
    }

    private void rebuild(DevServer server) {
        assertNotNull(server.rebuild(), () -> "the rebuild failed: " + log);
    }

    /** A CSS-only change, after which each tab's next event is {@code css} unless it was sent something else first. */
    private void touchCss(Path site, DevServer server) {
        write(site, CSS, "body { color: black; } /* edit " + ++cssEdits + " */\n");
        rebuild(server);
    }

    private static void assertNothingBefore(String css, Tab... tabs) {
        for (Tab tab : tabs) {
            tab.expect(css);
        }
    }

    // ---- the script ----

    @Test
    void servedPagesListenForRebuildsButBuiltPagesNeverDo() {
        Path site = blog(tmp.resolve("blog"));
        try (DevServer server = started(Fixtures.options(site))) {
            String served = get(server, FIRST_URL).body();
            assertTrue(served.contains(LiveReload.script(ServeTesting.versionOf(served).split("-")[0],
                    new LiveReload.Generation(0, 0))), served);
            assertTrue(served.contains("\"/__kiln/events?page=\""), "the endpoint the script listens on");
            assertFalse(get(server, "/assets/css/site.css").body().contains("__kiln"), "only HTML carries it");
        }

        List<BuildOptions> builds = List.of(Fixtures.options(site),
                Fixtures.options(site).withDrafts(true).withFuture(true),
                Fixtures.options(site).withBaseUrl("https://me.github.io/blog"));
        for (BuildOptions options : builds) {
            SiteOutput out = Fixtures.build(options).output();
            List<String> carrying = new ArrayList<>();
            for (var file : out.files().entrySet()) {
                String text = new String(file.getValue(), StandardCharsets.UTF_8);
                if (text.contains("__kiln") || text.contains("EventSource") || text.contains("kiln-errors")) {
                    carrying.add(file.getKey());
                }
            }
            assertTrue(out.size() > 10, out.files().keySet().toString());
            assertEquals(List.of(), carrying, "kiln build writes no live reload: " + options);
        }
    }

    @Test
    void theEventStreamIsAnUncachedEventStream() {
        Path site = blog(tmp.resolve("blog"));
        try (DevServer server = started(Fixtures.options(site)); Tab tab = new Tab(server, "/")) {
            assertEquals(200, tab.response().statusCode());
            assertTrue(contentType(tab.response()).startsWith("text/event-stream"), contentType(tab.response()));
            assertEquals("no-store", tab.response().headers().firstValue("Cache-Control").orElse(""));
        }
    }

    // ---- reload, per page ----

    @Test
    void onlyTheTabsWhosePageChangedReload() {
        Path site = blog(tmp.resolve("blog"));
        try (DevServer server = started(Fixtures.options(site));
             Tab first = new Tab(server, FIRST_URL);
             Tab home = new Tab(server, "/");
             Tab about = new Tab(server, "/about/");
             Tab second = new Tab(server, SECOND_URL);
             Tab java = new Tab(server, "/tags/java/")) {
            write(site, FIRST, post("First", "java, cats", "The first post, edited."));
            rebuild(server);

            first.expect("reload");
            home.expect("reload"); // its excerpt changed
            touchCss(site, server);
            assertNothingBefore("css", about, second, java);
        }
    }

    @Test
    void severalTabsOnOnePageAllReload() {
        Path site = blog(tmp.resolve("blog"));
        try (DevServer server = started(Fixtures.options(site));
             Tab one = new Tab(server, FIRST_URL);
             Tab two = new Tab(server, FIRST_URL);
             Tab three = new Tab(server, FIRST_URL);
             Tab about = new Tab(server, "/about/")) {
            write(site, FIRST, post("First", "java, cats", "The first post, edited."));
            rebuild(server);

            one.expect("reload");
            two.expect("reload");
            three.expect("reload");
            touchCss(site, server);
            assertNothingBefore("css", about);
        }
    }

    @Test
    void aRetitledPostReloadsTheTabsOfItsTagPagesAndNeighbours() {
        Path site = blog(tmp.resolve("blog"));
        try (DevServer server = started(Fixtures.options(site));
             Tab cats = new Tab(server, "/tags/cats/");
             Tab java = new Tab(server, "/tags/java/");
             Tab newer = new Tab(server, SECOND_URL);
             Tab dogs = new Tab(server, "/tags/dogs/");
             Tab about = new Tab(server, "/about/")) {
            write(site, FIRST, post("First, retitled", "java, cats", "The first post body."));
            rebuild(server);

            cats.expect("reload");
            java.expect("reload");
            newer.expect("reload"); // its link to the older post names it
            touchCss(site, server);
            assertNothingBefore("css", dogs, about);
        }
    }

    @Test
    void aNewPostReloadsTheHomeTab() {
        Path site = blog(tmp.resolve("blog"));
        try (DevServer server = started(Fixtures.options(site));
             Tab home = new Tab(server, "/");
             Tab about = new Tab(server, "/about/")) {
            write(site, "content/posts/2020-04-01-fourth.md", post("Fourth", "birds", "The fourth post body."));
            rebuild(server);

            home.expect("reload");
            touchCss(site, server);
            assertNothingBefore("css", about);
        }
    }

    @Test
    void aFileThatPagesOnlyLinkToReloadsNoTabButTheOneAtItsAddressWhileAnImageOrScriptReloadsEveryTab() {
        Path site = blog(tmp.resolve("blog"));
        try (DevServer server = started(Fixtures.options(site))) {
            String about = shown(server, "/about/");
            try (Tab home = new Tab(server, "/");
                 Tab first = new Tab(server, FIRST_URL);
                 Tab missing = new Tab(server, "/no/such/page/");
                 Tab later = new Tab(server, "/files/later.txt")) {
                // Published, yet no page shows or runs them: a note, a PDF, data, and an editor's x.md.new
                // written before it is renamed over x.md.
                write(site, "content/files/notes.txt", "todo\n");
                rebuild(server);
                write(site, "content/files/a.pdf", "%PDF-1.4\n");
                write(site, "content/files/data.json", "{}\n");
                write(site, FIRST + ".new", post("First", "java, cats", "Not saved yet."));
                rebuild(server);
                assertEquals(200, get(server, "/files/notes.txt").statusCode());
                touchCss(site, server);
                assertNothingBefore("css", home, first, missing, later);

                // A tab that was hidden meanwhile has only a stylesheet to swap.
                try (Tab back = new Tab(server, "/about/", about)) {
                    back.expect("css");
                }

                // The tab on the file's address showed the 404 page: it reloads to show the file.
                write(site, "content/files/later.txt", "here now\n");
                rebuild(server);
                later.expect("reload");
                touchCss(site, server);
                assertNothingBefore("css", home, first, missing);

                write(site, "assets/js/site.js", "console.log('hi');\n");
                rebuild(server);
                for (Tab tab : List.of(home, first, missing)) {
                    tab.expect("reload"); // a page may run it
                }
                write(site, "assets/images/logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'});
                rebuild(server);
                for (Tab tab : List.of(home, first, missing)) {
                    tab.expect("reload"); // a page may show it
                }
            }
        }
    }

    @Test
    void aTabUnderTheBasePathReloadsWhenItsPageChanges() {
        Path site = blog(tmp.resolve("blog"));
        try (DevServer server = started(Fixtures.options(site).withBaseUrl("https://me.github.io/blog"));
             Tab first = new Tab(server, "/blog" + FIRST_URL);
             Tab about = new Tab(server, "/blog/about/")) {
            write(site, FIRST, post("First", "java, cats", "The first post, edited."));
            rebuild(server);

            first.expect("reload");
            touchCss(site, server);
            assertNothingBefore("css", about);

            write(site, "content/about.md", "---\ntitle: About\n---\nThe about page, edited.\n");
            rebuild(server);
            about.expect("reload");
        }
    }

    @Test
    void aTabOnAPageWhosePathIsNotAsciiReloadsOnlyWhenThatPageChanges() {
        Path site = blog(tmp.resolve("blog"));
        write(site, "content/café.md", "---\ntitle: Café\n---\nCoffee.\n");
        try (DevServer server = started(Fixtures.options(site));
             Tab cafe = new Tab(server, "/caf%C3%A9/"); // location.pathname is percent-encoded
             Tab first = new Tab(server, FIRST_URL)) {
            write(site, FIRST, post("First", "java, cats", "The first post, edited."));
            rebuild(server);

            first.expect("reload");
            touchCss(site, server);
            assertNothingBefore("css", cafe);

            write(site, "content/café.md", "---\ntitle: Café\n---\nTea.\n");
            rebuild(server);
            cafe.expect("reload");
        }
    }

    // ---- CSS, broken builds ----

    @Test
    void aCssOnlyChangeSwapsStylesheetsInEveryTabWithoutReloading() {
        Path site = blog(tmp.resolve("blog"));
        try (DevServer server = started(Fixtures.options(site));
             Tab first = new Tab(server, FIRST_URL);
             Tab home = new Tab(server, "/");
             Tab missing = new Tab(server, "/no/such/page/")) {
            write(site, CSS, "body { color: rebeccapurple; }\n");
            rebuild(server);

            for (Tab tab : List.of(first, home, missing)) {
                tab.expect("css");
            }
            write(site, FIRST, post("First", "java, cats", "The first post, edited."));
            rebuild(server);
            first.expect("reload"); // and not a second css before it
            home.expect("reload");
        }
    }

    @Test
    void aStylesheetSavedWithAPostIsSwappedInEveryTabThatDoesNotReload() {
        Path site = blog(tmp.resolve("blog"));
        try (DevServer server = started(Fixtures.options(site));
             Tab first = new Tab(server, FIRST_URL);
             Tab about = new Tab(server, "/about/");
             Tab second = new Tab(server, SECOND_URL)) {
            // One burst, one rebuild: an editor's "save all".
            write(site, CSS, "body { color: rebeccapurple; }\n");
            write(site, FIRST, post("First", "java, cats", "The first post, edited."));
            rebuild(server);

            // (Should the watcher have rebuilt between the two writes, the stylesheet came first, alone.)
            String event = first.next();
            assertEquals("reload", event.equals("css") ? first.next() : event);
            about.expect("css"); // its page did not change, its stylesheet did
            second.expect("css");
            touchCss(site, server);
            assertNothingBefore("css", first, about, second);
        }
    }

    @Test
    void aBrokenBuildReloadsEveryTabAndSoDoesTheFirstGoodBuildAfterIt() {
        Path site = blog(tmp.resolve("blog"));
        try (DevServer server = started(Fixtures.options(site));
             Tab first = new Tab(server, FIRST_URL);
             Tab about = new Tab(server, "/about/");
             Tab tags = new Tab(server, "/tags/")) {
            write(site, FIRST, "---\ntitle: First\ndraft: maybe\n---\nThe first post body.\n");
            assertEquals(null, server.rebuild());

            for (Tab tab : List.of(first, about, tags)) {
                tab.expect("reload");
            }
            assertEquals(null, server.rebuild(), "the same problems again");

            write(site, FIRST, post("First", "java, cats", "The first post body."));
            rebuild(server);

            for (Tab tab : List.of(first, about, tags)) {
                tab.expect("reload"); // the same problems did not reload them a second time
            }
            touchCss(site, server);
            assertNothingBefore("css", first, about, tags);
        }
    }

    // ---- a tab that comes back (shown again, or reconnecting) ----

    /** The version of the page at {@code path} as a tab loading it now shows it. */
    private static String shown(DevServer server, String path) {
        return ServeTesting.versionOf(get(server, path).body());
    }

    @Test
    void aTabComingBackAfterRebuildsThatLeftItsPageAloneDoesNotReload() {
        Path site = blog(tmp.resolve("blog"));
        try (DevServer server = started(Fixtures.options(site))) {
            String about = shown(server, "/about/");
            write(site, FIRST, post("First", "java, cats", "The first post, edited."));
            rebuild(server);
            write(site, "assets/data/notes.xml", "<notes/>\n"); // no page shows it
            rebuild(server);

            try (Tab back = new Tab(server, "/about/", about)) {
                touchCss(site, server);
                assertNothingBefore("css", back);
            }
        }
    }

    @Test
    void aTabComingBackAfterAStylesheetChangedSwapsItWithoutReloading() {
        Path site = blog(tmp.resolve("blog"));
        try (DevServer server = started(Fixtures.options(site))) {
            String first = shown(server, FIRST_URL);
            String home = shown(server, "/");
            try (Tab open = new Tab(server, FIRST_URL, first)) {
                touchCss(site, server); // swapped in place: the tab's script still names the page as it was loaded
                open.expect("css");
            }
            write(site, SECOND, post("Second", "java", "The second post, edited.")); // not on the first's page
            rebuild(server);

            try (Tab back = new Tab(server, FIRST_URL, first); Tab hidden = new Tab(server, "/", home)) {
                back.expect("css"); // the stylesheet again, maybe swapped already: never a reload
                hidden.expect("reload"); // the home page lists the second post's excerpt
                touchCss(site, server);
                assertNothingBefore("css", back);
            }
        }
    }

    @Test
    void aTabComingBackReloadsWhenItsPageChangedMeanwhile() {
        Path site = blog(tmp.resolve("blog"));
        try (DevServer server = started(Fixtures.options(site))) {
            String first = shown(server, FIRST_URL);
            String about = shown(server, "/about/");
            String missing = shown(server, "/2020/05/01/later/");
            write(site, FIRST, post("First", "java, cats", "The first post, edited."));
            write(site, "content/posts/2020-05-01-later.md", post("Later", "birds", "Written while the tab was hidden."));
            rebuild(server);

            try (Tab edited = new Tab(server, FIRST_URL, first); Tab made = new Tab(server, "/2020/05/01/later/", missing);
                 Tab aboutTab = new Tab(server, "/about/", about)) {
                edited.expect("reload");
                made.expect("reload"); // it showed the 404 page
                touchCss(site, server);
                assertNothingBefore("css", aboutTab);
            }
            String later = shown(server, FIRST_URL);
            write(site, "assets/images/logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}); // pages may show it
            rebuild(server);
            try (Tab back = new Tab(server, FIRST_URL, later)) {
                back.expect("reload");
            }
        }
    }

    @Test
    void aTabComingBackReloadsWhenTheSiteBrokeOrWasFixedMeanwhile() {
        Path site = blog(tmp.resolve("blog"));
        try (DevServer server = started(Fixtures.options(site))) {
            String about = shown(server, "/about/");
            write(site, FIRST, "---\ntitle: First\ndraft: maybe\n---\nThe first post body.\n");
            assertEquals(null, server.rebuild());

            try (Tab back = new Tab(server, "/about/", about)) {
                back.expect("reload"); // to show the problems
            }
            String broken = shown(server, "/about/");
            write(site, FIRST, post("First", "java, cats", "The first post body."));
            rebuild(server);
            try (Tab back = new Tab(server, "/about/", broken)) {
                back.expect("reload"); // to drop them
            }
        }
    }

    @Test
    void aTabNamingNoVersionItKnowsReloads() {
        Path site = blog(tmp.resolve("blog"));
        try (DevServer server = started(Fixtures.options(site));
             Tab old = new Tab(server, "/about/", "3"); // a script of an earlier server
             Tab odd = new Tab(server, "/about/", "x-y")) {
            old.expect("reload");
            odd.expect("reload");
        }
    }

    @Test
    void closingTheServerEndsEveryEventStream() {
        Path site = blog(tmp.resolve("blog"));
        Tab first;
        Tab about;
        try (DevServer server = started(Fixtures.options(site))) {
            first = new Tab(server, FIRST_URL);
            about = new Tab(server, "/about/");
        }
        try (first; about) {
            first.expect(Tab.CLOSED);
            about.expect(Tab.CLOSED);
        }
    }
}
