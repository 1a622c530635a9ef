package dev.kiln.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code kiln} as a user runs it: exit codes, what it prints on stderr, and what it leaves in --dest. */
class MainTest {

    private static final List<String> STAGES =
            List.of("config", "load", "front matter", "permalinks", "markdown", "index", "layout");

    @TempDir
    Path tmp;

    /** One run of {@code kiln}: its exit code and what it printed. */
    private record Run(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    // ---- build ----

    @Test
    void buildOfAGoodSiteExitsZeroAndWritesTheHomePage() throws IOException {
        Path site = goodSite();
        Path dest = tmp.resolve("out");

        Run run = kiln("build", "--source", site.toString(), "--dest", dest.toString());

        assertEquals(0, run.code(), run.err());
        assertTrue(Files.isRegularFile(dest.resolve("index.html")));
        assertTrue(Files.isRegularFile(dest.resolve("2020/01/01/hello/index.html")));
    }

    @Test
    void aBuildInItsOwnJvmPrintsNothingOfTheLoggingLibraryAndExitsZero() throws Exception {
        // main names SLF4J's binding (no class-path scan at the first logger): a binding that is not there, or
        // SLF4J's note that it loads the one named, would be a line on every command's stderr.
        Path site = goodSite();
        Path dest = tmp.resolve("out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = tmp.resolve("printed.txt");
        // Into a file, not read to its end here: a JVM that never ends (a thread left running after main returned)
        // must fail the test at the time limit, not hang it.
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "build", "--source", site.toString(), "--dest", dest.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String printed = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(ended, "the JVM did not end within 60 s after the build: " + printed);

        assertEquals(0, process.exitValue(), printed);
        assertFalse(printed.contains("SLF4J"), printed);
        assertTrue(printed.lines().anyMatch(l -> l.startsWith("built 2 pages (1 post)")), printed);
        assertTrue(Files.isRegularFile(dest.resolve("2020/01/01/hello/index.html")));
    }

    @Test
    void aBuildWithoutBaseUrlSaysInOneNoteBeforeTheSummaryThatItWroteNoSitemapAndWhatToSet() throws IOException {
        Path site = goodSite();
        Path dest = tmp.resolve("out");

        Run run = kiln("build", "--source", site.toString(), "--dest", dest.toString(), "--strict");

        assertEquals(0, run.code(), run.err());
        List<String> notes = run.errLines().stream().filter(l -> l.startsWith("note: ")).toList();
        assertEquals(List.of(BuildCommand.NO_BASE_URL), notes, run.err());
        assertTrue(notes.get(0).contains("set base_url: https://"), notes.get(0));
        assertEquals(notes.get(0), run.errLines().get(run.errLines().size() - 2), "the note comes just before the summary");
        assertFalse(run.err().contains("warning"), run.err());
        assertFalse(Files.exists(dest.resolve("sitemap.xml")), "a sitemap of paths only would be invalid");
        assertFalse(Files.readString(dest.resolve("robots.txt")).contains("Sitemap"));

        Run withUrl = kiln("build", "--source", site.toString(), "--dest", dest.toString(), "--base-url",
                "https://me.example/blog");
        assertEquals(0, withUrl.code(), withUrl.err());
        assertFalse(withUrl.err().contains("note:"), withUrl.err());
        assertTrue(Files.readString(dest.resolve("sitemap.xml")).contains("<loc>https://me.example/blog/about/</loc>"));
    }

    @Test
    void buildPrintsOneTimedLinePerStageThenASummary() throws IOException {
        Path site = goodSite();

        Run run = kiln("build", "--source", site.toString(), "--dest", tmp.resolve("out").toString());

        assertEquals(0, run.code(), run.err());
        for (String stage : STAGES) {
            long lines = run.errLines().stream()
                    .filter(l -> l.matches("\\s*" + stage + "\\s+\\d+ ms\\s*"))
                    .count();
            assertEquals(1, lines, "one timed line for stage '" + stage + "' in:\n" + run.err());
        }
        List<String> summaries = run.errLines().stream().filter(l -> l.startsWith("built ")).toList();
        assertEquals(1, summaries.size(), run.err());
        assertEquals(summaries.get(0), run.errLines().get(run.errLines().size() - 1), "the summary comes last");
        assertTrue(summaries.get(0).matches("built \\d+ pages.* in \\d+ ms.*"), summaries.get(0));
    }

    @Test
    void timingsListEveryStageThenTheSlowestPagesAndLayouts() throws IOException {
        Path site = goodSite();
        write(site, "content/posts/2020-02-01-long.md", "---\ntitle: Long\n---\n"
                + "A paragraph with `code` and *emphasis*.\n\n".repeat(20_000));

        Run run = kiln("build", "--timings", "--source", site.toString(), "--dest", tmp.resolve("out").toString());

        assertEquals(0, run.code(), run.err());
        List<String> lines = run.errLines();
        int stages = lines.indexOf("time per stage:");
        int pages = lines.indexOf("slowest pages (Markdown and layout, CPU time of the threads that did the work):");
        int layouts = lines.indexOf("slowest layouts (all their pages) and partials (all their includes, with what they"
                + " include; CPU time):");
        assertTrue(stages > 0 && pages > stages && layouts > pages, run.err());
        for (String stage : STAGES) {
            assertTrue(lines.subList(stages, pages).stream().anyMatch(l -> l.matches("\\s+" + stage + "\\s+[\\d.]+ ms\\s+[\\d.]+%")),
                    stage + " in:\n" + run.err());
        }
        // The long post is by far the slowest page; every page and layout that was rendered is listed.
        assertTrue(lines.get(pages + 1).endsWith("ms  content/posts/2020-02-01-long.md"), run.err());
        List<String> listed = lines.subList(pages + 1, layouts);
        assertTrue(listed.stream().anyMatch(l -> l.endsWith("  content/about.md")), run.err());
        assertTrue(listed.stream().anyMatch(l -> l.endsWith("  index.html")), run.err());
        List<String> layoutLines = lines.subList(layouts + 1, lines.size());
        assertTrue(layoutLines.stream().anyMatch(l -> l.matches("\\s+[\\d.]+ ms  post\\s+2 pages, [\\d.]+ ms each")),
                run.err());
    }

    @Test
    void timingsNameASlowPartialAndLeaveTheJvmsWarmUpOutOfTheSlowestPages() throws IOException {
        // A partial every page includes, over every post: every layout became slow alike, and no list named it.
        // And on a site of alike pages, the slowest listed were the first built (the JIT's warm-up), 20x the rest.
        Path site = tmp.resolve("site");
        write(site, "site.yml", "title: T\n");
        for (int i = 0; i < 300; i++) {
            write(site, "content/posts/2020-01-01-post-" + i + ".md", "---\ntitle: Post " + i + "\n---\n"
                    + "Some *text* with `code`.\n\n".repeat(20));
        }
        // The oldest, laid out last, and last by name, rendered last: a page slow of its own, past the warm-up.
        write(site, "content/posts/zz-long.md", "---\ntitle: Long\ndate: 2019-06-01\n---\n"
                + "A paragraph with `code` and *emphasis*.\n\n".repeat(20_000));
        write(site, "layouts/post.peb", "<!DOCTYPE html><html lang=\"en\"><head><title>{{ page.title }}</title></head>"
                + "<body><main>{{ page.content | raw }}</main>{% include \"partials/sidebar\" %}</body></html>\n");
        write(site, "layouts/partials/sidebar.peb", "<ul>{% for p in posts %}"
                + "<li><a href=\"{{ p.url }}\">{{ p.title }}</a> {{ p.date | date(\"yyyy-MM-dd\") }}</li>{% endfor %}</ul>\n");

        Run run = kiln("build", "--timings", "--source", site.toString(), "--dest", tmp.resolve("out").toString());

        assertEquals(0, run.code(), run.err());
        List<String> lines = run.errLines();
        int pages = lines.indexOf("slowest pages (Markdown and layout, CPU time of the threads that did the work):");
        int layouts = lines.indexOf("slowest layouts (all their pages) and partials (all their includes, with what they"
                + " include; CPU time):");
        assertTrue(pages > 0 && layouts > pages, run.err());
        assertTrue(lines.get(pages + 1).endsWith("ms  content/posts/zz-long.md"), run.err());
        assertTrue(lines.subList(pages + 1, layouts).stream().anyMatch(l -> l.startsWith("  (the first 64 pages of each "
                + "stage are left out: they ran while the JVM compiled Kiln's code")), run.err());
        assertTrue(lines.subList(layouts + 1, lines.size()).stream()
                .anyMatch(l -> l.matches("\\s+[\\d.]+ ms  partials/sidebar\\s+301 includes, [\\d.]+ ms each")), run.err());
    }

    @Test
    void aSecondBuildWithNothingChangedDoesNothingUntilAnInputOrTheOutputChanges() throws IOException {
        Path site = goodSite();
        Path dest = tmp.resolve("out");
        String[] build = {"build", "--source", site.toString(), "--dest", dest.toString()};
        assertEquals(0, kiln(build).code());
        Map<String, byte[]> first = snapshot(dest);

        Run again = kiln(build);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().startsWith("nothing changed since the last build into " + dest), again.err());
        assertFalse(again.err().contains("markdown"), again.err());

        write(site, "content/about.md", "---\ntitle: About\n---\nAbout me, and more.\n");
        Run edited = kiln(build);
        assertTrue(edited.err().contains("markdown"), edited.err());
        assertTrue(new String(snapshot(dest).get("about/index.html"), StandardCharsets.UTF_8).contains("and more"));

        Files.delete(dest.resolve("index.html"));
        Run repaired = kiln(build);
        assertTrue(repaired.err().contains("1 written"), repaired.err());
        assertArrayEquals(first.get("index.html"), snapshot(dest).get("index.html"));

        assertTrue(kiln(build).err().startsWith("nothing changed"));
        // A page of the output edited by hand, even to the same size, is rebuilt.
        Path about = dest.resolve("about/index.html");
        byte[] bytes = Files.readAllBytes(about);
        bytes[bytes.length - 2] = (byte) (bytes[bytes.length - 2] == 'x' ? 'y' : 'x');
        Files.write(about, bytes);
        Files.setLastModifiedTime(about, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(about).toMillis() + 5_000));
        Run touched = kiln(build);
        assertTrue(touched.err().contains("1 written"), touched.err());

        assertTrue(kiln(build).err().startsWith("nothing changed"));
        Run forced = kiln("build", "--force", "--source", site.toString(), "--dest", dest.toString());
        assertTrue(forced.err().contains("0 written"), forced.err());
        Run drafts = kiln("build", "--drafts", "--source", site.toString(), "--dest", dest.toString());
        assertTrue(drafts.err().contains("markdown"), "other options, another build: " + drafts.err());
    }

    @Test
    void aBuildThatLeftOutFuturePostsIsNeverTakenAsUpToDate() throws IOException {
        Path site = siteWithDraftAndFuturePost();
        String[] build = {"build", "--source", site.toString(), "--dest", tmp.resolve("out").toString()};
        assertEquals(0, kiln(build).code());

        Run again = kiln(build);

        assertTrue(again.err().contains("markdown"), "the future post may be due now: " + again.err());
    }

    @Test
    void buildWithoutDestWritesTargetSiteInsideTheSiteFolder() throws IOException {
        Path site = goodSite();

        Run run = kiln("build", "--source", site.toString());

        assertEquals(0, run.code(), run.err());
        assertTrue(Files.isRegularFile(site.resolve("target/site/index.html")));
    }

    @Test
    void aBrokenSiteExitsOneAndPrintsEachProblemAtItsPlace() throws IOException {
        Path site = goodSite();
        write(site, "content/posts/2020-02-01-java.md", "---\ntitle: Java: the good parts\n---\nBody.\n");
        write(site, "content/posts/2020-03-01-dates.md", "---\ndate: 2020-13-45\n---\nBody.\n");

        Run run = kiln("build", "--source", site.toString(), "--dest", tmp.resolve("out").toString());

        assertEquals(1, run.code(), run.err());
        List<String> problems = run.errLines().stream()
                .filter(l -> l.matches("[^\\s:]+:\\d+:\\d+: .+"))
                .toList();
        assertEquals(2, problems.size(), run.err());
        assertTrue(problems.get(0).startsWith("content/posts/2020-02-01-java.md:2:"), problems.get(0));
        assertTrue(problems.get(1).startsWith("content/posts/2020-03-01-dates.md:2:"), problems.get(1));
        assertFalse(run.err().contains("Exception"), "no stack trace:\n" + run.err());
    }

    @Test
    void aFailedBuildLeavesThePreviousOutputByteForByte() throws IOException {
        Path site = goodSite();
        Path dest = tmp.resolve("out");
        assertEquals(0, kiln("build", "--source", site.toString(), "--dest", dest.toString()).code());
        Map<String, byte[]> before = snapshot(dest);

        write(site, "content/posts/2020-01-01-hello.md", "---\ntitle: Java: the good parts\n---\nChanged.\n");
        write(site, "content/posts/2020-05-05-new.md", "---\ntitle: New\n---\nNew post.\n");
        Run run = kiln("build", "--source", site.toString(), "--dest", dest.toString());

        assertEquals(1, run.code(), run.err());
        Map<String, byte[]> after = snapshot(dest);
        assertEquals(before.keySet(), after.keySet());
        for (String path : before.keySet()) {
            assertArrayEquals(before.get(path), after.get(path), path);
        }
    }

    // ---- usage errors ----

    @Test
    void kilnWithoutACommandShowsTheCommandsAndIsAUsageError() {
        Run run = kiln();

        assertEquals(2, run.code());
        assertTrue(run.err().contains("build"), run.err());
    }

    @Test
    void anUnknownOptionIsAUsageError() throws IOException {
        Path site = goodSite();

        Run run = kiln("build", "--source", site.toString(), "--bogus");

        assertEquals(2, run.code());
        assertTrue(run.err().contains("--bogus"), run.err());
        assertFalse(Files.exists(site.resolve("target")), "nothing is built");
    }

    @Test
    void hugosDraftsAndFutureFlagsAreUsageErrorsThatNameKilnsOptions() throws IOException {
        Path site = goodSite();

        Run drafts = kiln("build", "--source", site.toString(), "-D");
        Run future = kiln("serve", "--source", site.toString(), "-F");

        assertEquals(2, drafts.code());
        assertEquals("kiln: unknown option -D: Hugo's and Jekyll's -D is --drafts (kiln build --help shows how to use it)\n",
                drafts.err().replace("\r", ""));
        assertEquals(2, future.code());
        assertEquals("kiln: unknown option -F: Hugo's -F is --future (kiln serve --help shows how to use it)\n",
                future.err().replace("\r", ""));
        assertFalse(Files.exists(site.resolve("target")), "nothing is built");
    }

    @Test
    void jekyllsAndHugosFlagsAndNearMissesAreUsageErrorsThatNameKilnsOption() throws IOException {
        Path site = goodSite();
        String build = " (kiln build --help shows how to use it)\n";
        String serve = " (kiln serve --help shows how to use it)\n";

        Map<List<String>, String> said = new java.util.LinkedHashMap<>();
        said.put(List.of("build", "--baseurl", "/blog"), "kiln: unknown option --baseurl: Jekyll's --baseurl is --base-url" + build);
        said.put(List.of("build", "--baseurl=/blog"), "kiln: unknown option --baseurl: Jekyll's --baseurl is --base-url" + build);
        said.put(List.of("build", "--baseURL", "/blog"), "kiln: unknown option --baseURL: Hugo's --baseURL is --base-url" + build);
        said.put(List.of("build", "-b", "/blog"), "kiln: unknown option -b: Hugo's and Jekyll's -b is --base-url" + build);
        said.put(List.of("build", "--baseUrl", "/blog"), "kiln: unknown option --baseUrl: did you mean --base-url?" + build);
        said.put(List.of("build", "--base_url", "/blog"), "kiln: unknown option --base_url: did you mean --base-url?" + build);
        said.put(List.of("build", "--destination", "out"), "kiln: unknown option --destination: Hugo's and Jekyll's "
                + "--destination is --dest" + build);
        said.put(List.of("build", "-d", "out"), "kiln: unknown option -d: Hugo's and Jekyll's -d is --dest" + build);
        said.put(List.of("check", "-s", "blog"), "kiln: unknown option -s: Hugo's and Jekyll's -s is --source"
                + " (kiln check --help shows how to use it)\n");
        said.put(List.of("build", "--draft"), "kiln: unknown option --draft: did you mean --drafts?" + build);
        said.put(List.of("build", "--watch"), "kiln: unknown option --watch: kiln build builds once; kiln serve rebuilds "
                + "on every save" + build);
        said.put(List.of("serve", "-w"), "kiln: unknown option -w: kiln serve rebuilds on every save without it: leave it "
                + "out" + serve);
        said.put(List.of("serve", "--livereload"), "kiln: unknown option --livereload: kiln serve always reloads the open "
                + "pages: leave it out" + serve);
        said.put(List.of("serve", "-P", "4311"), "kiln: unknown option -P: Jekyll's -P is --port" + serve);
        said.put(List.of("serve", "-p", "4311"), "kiln: unknown option -p: Hugo's -p is --port" + serve);
        said.put(List.of("serve", "-H", "0.0.0.0"), "kiln: unknown option -H: Jekyll's -H is --host" + serve);
        said.put(List.of("build", "--config", "hugo.toml"), "kiln: unknown option --config: Hugo's and Jekyll's --config "
                + "has no counterpart: Kiln reads its settings from site.yml in the site folder (--source DIR) and from "
                + "no other file: write them there (README's Coming from Hugo maps hugo.toml's keys to site.yml's)" + build);
        said.put(List.of("build", "--minify"), "kiln: unknown option --minify: Hugo's --minify has no counterpart: Kiln "
                + "does not minify the pages it writes: leave it out" + build);
        said.put(List.of("serve", "--minify"), "kiln: unknown option --minify: Hugo's --minify has no counterpart: Kiln "
                + "does not minify the pages it writes: leave it out" + serve);
        said.put(List.of("build", "--port", "4311"), "kiln: unknown option --port" + build);
        said.put(List.of("build", "--bogus"), "kiln: unknown option --bogus" + build);
        said.put(List.of("build", "--source"), "kiln: --source needs a value: --source DIR" + build);
        for (Map.Entry<List<String>, String> e : said.entrySet()) {
            List<String> args = new java.util.ArrayList<>(e.getKey());
            if (!args.contains("--source")) {
                args.addAll(List.of("--source", site.toString()));
            }
            Run run = kiln(args.toArray(String[]::new));
            assertEquals(2, run.code(), e.getKey() + ": " + run.err());
            assertEquals(e.getValue(), run.err().replace("\r", ""), e.getKey().toString());
        }
        assertFalse(Files.exists(site.resolve("target")), "nothing is built");
    }

    @Test
    void jekyllsShortCommandsAndAnOptionWithoutACommandAreNamedAsOtherUnknownWordsAre() {
        String commands = ": the commands are build, serve, new, check, import (kiln --help shows them)\n";

        assertEquals("kiln: unknown command 's' (did you mean serve?)" + commands, kiln("s").err());
        assertEquals("kiln: unknown command 'b' (did you mean build?)" + commands, kiln("b").err());
        assertEquals(2, kiln("s").code());
        assertEquals("kiln: unknown option --baseurl" + commands, kiln("--baseurl", "/blog").err());
        assertEquals(2, kiln("--baseurl").code());
    }

    @Test
    void anAbbreviatedOptionIsAnUnknownOptionNotTheOneItStarts() throws IOException {
        Path site = goodSite();
        Path dest = tmp.resolve("out");

        Run run = kiln("build", "--source", site.toString(), "--dest", dest.toString(), "--dra");

        assertEquals(2, run.code());
        assertTrue(run.err().contains("--dra"), run.err());
        assertFalse(Files.exists(dest), "nothing is built");
    }

    @Test
    void anOptionWithoutItsValueOrAWrongValueIsAUsageError() throws IOException {
        Path site = goodSite();

        Run missing = kiln("build", "--source");
        Run port = kiln("serve", "--source", site.toString(), "--port", "four");
        Run extra = kiln("build", "--source", site.toString(), "stray");
        Run twice = kiln("build", "--source", site.toString(), "--dest", tmp.resolve("a").toString(),
                "--dest", tmp.resolve("b").toString());

        assertEquals(2, missing.code(), missing.err());
        assertTrue(missing.err().contains("source"), missing.err());
        assertEquals(2, port.code(), port.err());
        assertTrue(port.err().contains("--port 'four'"), port.err());
        assertEquals(2, extra.code(), extra.err());
        assertTrue(extra.err().contains("'stray'"), extra.err());
        assertEquals(2, twice.code(), twice.err());
        assertTrue(twice.err().contains("--dest is given twice"), twice.err());
        assertFalse(Files.exists(tmp.resolve("a")) || Files.exists(tmp.resolve("b")), "nothing is built");
        assertFalse(Files.exists(site.resolve("target")), "nothing is built");
    }

    // ---- serve: where it listens ----

    @Test
    void serveOnAHostThatNamesNoAddressIsAOneLineUsageError() throws IOException {
        Path site = goodSite();

        Run run = kiln("serve", "--source", site.toString(), "--host", "nonexistent.invalid", "--port", "0");

        assertEquals(2, run.code(), run.err());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("kiln: --host 'nonexistent.invalid' is neither an IP address nor a name"),
                run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void serveOnAnAddressOfAnotherMachineSaysSo() throws IOException {
        Path site = goodSite();

        Run run = kiln("serve", "--source", site.toString(), "--host", "192.0.2.1", "--port", "0"); // TEST-NET-1

        assertEquals(2, run.code(), run.err());
        assertEquals(List.of("kiln: --host 192.0.2.1 is not an address of this machine: use 127.0.0.1 (this machine "
                + "only), 0.0.0.0 (every address) or one of its own (kiln serve --help shows how to use it)"),
                run.errLines());
    }

    @Test
    void serveOnABusyPortSaysSoBeforeBuilding() throws IOException {
        Path site = goodSite();
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            Run run = kiln("serve", "--source", site.toString(), "--port", String.valueOf(port));

            assertEquals(2, run.code(), run.err());
            assertEquals(List.of("kiln: cannot listen on 127.0.0.1:" + port + " (Address already in use): is another "
                    + "server running? Try --port " + (port + 1)), run.errLines(), "nothing built first");
        }
    }

    @Test
    void serveOnTheIpv6LoopbackWarnsOfNothing() throws IOException {
        Path site = goodSite();
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("::1"))) {
            int port = taken.getLocalPort();

            Run brackets = kiln("serve", "--source", site.toString(), "--host", "[::1]", "--port", String.valueOf(port));
            Run bare = kiln("serve", "--source", site.toString(), "--host", "::1", "--port", String.valueOf(port));

            for (Run run : List.of(brackets, bare)) {
                assertEquals(2, run.code(), run.err());
                assertFalse(run.err().contains("warning"), "::1 is this machine only: " + run.err());
                assertTrue(run.err().contains("is another server running?"), run.err());
            }
        }
    }

    @Test
    void optionValuesMayFollowAnEqualsSign() throws IOException {
        Path site = goodSite();
        Path dest = tmp.resolve("out");

        Run run = kiln("build", "--source=" + site, "--dest=" + dest);

        assertEquals(0, run.code(), run.err());
        assertTrue(Files.exists(dest.resolve("index.html")));
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertEquals(2, kiln("bulid").code());
    }

    @Test
    void anUnknownCommandNamesTheNearestOneAsHugosServerGetsServe() {
        Run run = kiln("server");

        assertEquals(2, run.code());
        assertEquals("kiln: unknown command 'server' (did you mean serve?): the commands are build, serve, new, check, "
                + "import (kiln --help shows them)\n", run.err());
        assertTrue(kiln("bulid").err().contains("did you mean build?"));
        assertFalse(kiln("x").err().contains("did you mean"));
        assertFalse(kiln("deploy").err().contains("did you mean"));
    }

    @Test
    void hugosVersionCommandNamesKilnsVersionOption() {
        Run run = kiln("version");

        assertEquals(2, run.code());
        assertEquals("kiln: unknown command 'version' (Hugo's hugo version is kiln --version): the commands are build, "
                + "serve, new, check, import (kiln --help shows them)\n", run.err());
    }

    @Test
    void importOfAnotherGeneratorSaysInOneLineThatOnlyJekyllSitesAreRead() {
        Run run = kiln("import", "hugo", ".");

        assertEquals(2, run.code());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("kiln: kiln import reads Jekyll sites only (kiln import jekyll SRC), not 'hugo'"),
                run.err());
        assertTrue(kiln("import", "jekyl", ".").err().contains("did you mean kiln import jekyll?"));
    }

    @Test
    void destEqualToTheSourceFolderIsAUsageErrorAndTouchesNothing() throws IOException {
        Path site = goodSite();
        Map<String, byte[]> before = snapshot(site);

        Run run = kiln("build", "--source", site.toString(), "--dest", site.toString());

        assertEquals(2, run.code());
        assertTrue(run.err().contains("site folder"), run.err());
        assertEquals(before.keySet(), snapshot(site).keySet());
    }

    @Test
    void destInsideContentIsAUsageError() throws IOException {
        Path site = goodSite();

        Run run = kiln("build", "--source", site.toString(), "--dest", site.resolve("content/site").toString());

        assertEquals(2, run.code());
        assertFalse(Files.exists(site.resolve("content/site")));
    }

    @Test
    void aSourceFolderThatDoesNotExistIsAUsageErrorAndCreatesNothing() {
        Path missing = tmp.resolve("no-such-blog");

        Run run = kiln("build", "--source", missing.toString());

        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().contains("--source"), run.err());
        assertFalse(Files.exists(missing), "no folder is made for a mistyped --source");
    }

    @Test
    void aFolderWithNoSiteYmlAndNoContentIsAUsageErrorForBuildServeAndCheckAndGetsNothingWritten() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("emptydir"));

        for (String command : List.of("build", "serve", "check")) {
            Run run = kiln(command, "--source", empty.toString());

            assertEquals(2, run.code(), command + ": " + run.err());
            assertEquals("kiln: no site.yml and no content/ in " + empty.toAbsolutePath() + ": is this the site folder? "
                    + "Run kiln in the folder that holds site.yml, or give --source DIR (kiln new site DIR starts one)\n",
                    run.err().replace("\r", ""), command);
        }
        try (Stream<Path> left = Files.list(empty)) {
            assertEquals(List.of(), left.toList(), "no target/site in a folder that is not a site");
        }
    }

    @Test
    void kilnRunInASitesContentFolderNamesTheSiteFolderAboveIt() throws IOException {
        Path site = goodSite().toAbsolutePath();
        Path posts = site.resolve("content/posts");
        String said = "kiln: no site.yml and no content/ in " + posts + ": is this the site folder? The folder above it, "
                + site + ", is a site: run kiln there, or give --source " + site + "\n";

        Run run = kiln("build", "--source", posts.toString());
        Files.delete(site.resolve("site.yml"));
        Run noSiteYml = kiln("check", "--source", posts.toString());

        assertEquals(2, run.code(), run.err());
        assertEquals(said, run.err().replace("\r", ""));
        assertEquals(2, noSiteYml.code(), noSiteYml.err());
        assertEquals(said, noSiteYml.err().replace("\r", ""), "a site without site.yml is told by its content/");
        assertFalse(Files.exists(posts.resolve("target")));
    }

    @Test
    void aFolderWithContentButNoSiteYmlIsASiteAsBefore() throws IOException {
        Path site = goodSite();
        Files.delete(site.resolve("site.yml"));
        Path dest = tmp.resolve("out");

        Run run = kiln("build", "--source", site.toString(), "--dest", dest.toString());

        assertEquals(0, run.code(), run.err());
        assertTrue(Files.isRegularFile(dest.resolve("2020/01/01/hello/index.html")));
    }

    @Test
    void destThatIsAFileIsAUsageError() throws IOException {
        Path site = goodSite();
        Path file = tmp.resolve("notes.txt");
        Files.writeString(file, "mine");

        Run run = kiln("build", "--source", site.toString(), "--dest", file.toString());

        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().contains("--dest"), run.err());
        assertFalse(run.err().contains("Exception"), "no stack trace:\n" + run.err());
        assertEquals("mine", Files.readString(file));
    }

    @Test
    void aBaseUrlThatIsNotAnAbsoluteUrlIsAUsageError() throws IOException {
        Path site = goodSite();
        Path dest = tmp.resolve("out");

        Run run = kiln("build", "--source", site.toString(), "--dest", dest.toString(),
                "--base-url", "me.github.io/blog");

        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().contains("--base-url"), run.err());
        assertFalse(Files.exists(dest), "nothing is built with a base URL that was not understood");
    }

    @Test
    void anEmptyBaseUrlIsAUsageErrorRatherThanNoBaseUrl() throws IOException {
        Path site = goodSite();
        Path dest = tmp.resolve("out");

        Run run = kiln("build", "--source", site.toString(), "--dest", dest.toString(), "--base-url", "");

        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().contains("--base-url is empty"), run.err());
        assertFalse(Files.exists(dest));
    }

    // ---- help ----

    @Test
    void kilnHelpExitsZeroAndDocumentsItsOptionsAndCommands() {
        Run run = kiln("--help");

        assertEquals(0, run.code());
        String help = run.out() + run.err();
        for (String text : List.of("--help", "--version", "build", "Exit codes")) {
            assertTrue(help.contains(text), text + " in:\n" + help);
        }
    }

    @Test
    void kilnBuildHelpExitsZeroAndDocumentsEveryFlag() {
        for (String[] args : List.of(new String[] {"build", "--help"}, new String[] {"help", "build"})) {
            Run run = kiln(args);

            assertEquals(0, run.code(), Arrays.toString(args));
            String help = run.out() + run.err();
            for (String flag : List.of("--source", "--dest", "--drafts", "--future", "--base-url", "--help")) {
                assertTrue(help.contains(flag), flag + " in `kiln " + String.join(" ", args) + "`:\n" + help);
            }
        }
    }

    @Test
    void theHelpOfASubcommandDocumentsItsOperandAndOptions() {
        for (String[] args : List.of(new String[] {"new", "post", "--help"}, new String[] {"help", "new", "post"})) {
            Run run = kiln(args);

            assertEquals(0, run.code(), Arrays.toString(args));
            for (String text : List.of("TITLE", "--tags", "--draft", "--source")) {
                assertTrue(run.out().contains(text), text + " in `kiln " + String.join(" ", args) + "`:\n" + run.out());
            }
        }
        assertEquals(2, kiln("help", "new", "page").code());
        assertEquals(2, kiln("help", "bogus").code());
    }

    @Test
    void versionIsPrintedByKilnAndByEachCommand() {
        for (String[] args : List.of(new String[] {"--version"}, new String[] {"-V"}, new String[] {"build", "--version"})) {
            Run run = kiln(args);

            assertEquals(0, run.code(), Arrays.toString(args));
            assertTrue(run.out().startsWith("kiln "), run.out());
        }
    }

    // ---- drafts and future posts ----

    @Test
    void draftsAndFuturePostsAreSkippedAndTheBuildSaysHowToIncludeThem() throws IOException {
        Path site = siteWithDraftAndFuturePost();
        Path dest = tmp.resolve("out");

        Run run = kiln("build", "--source", site.toString(), "--dest", dest.toString());

        assertEquals(0, run.code(), run.err());
        String skipped = run.errLines().stream().filter(l -> l.contains("skipped")).findFirst().orElse("");
        assertTrue(skipped.contains("1 draft") && skipped.contains("--drafts"), run.err());
        assertTrue(skipped.contains("1 future") && skipped.contains("--future"), run.err());
        assertTrue(Files.exists(dest.resolve("2020/01/01/hello/index.html")));
        assertFalse(Files.exists(dest.resolve("2020/06/01/secret/index.html")), "the draft is skipped");
        assertFalse(Files.exists(dest.resolve("2099/01/01/someday/index.html")), "the future post is skipped");
    }

    @Test
    void draftsAndFutureFlagsIncludeThem() throws IOException {
        Path site = siteWithDraftAndFuturePost();
        Path dest = tmp.resolve("out");

        Run run = kiln("build", "--source", site.toString(), "--dest", dest.toString(), "--drafts", "--future");

        assertEquals(0, run.code(), run.err());
        assertFalse(run.err().contains("skipped"), run.err());
        assertTrue(Files.exists(dest.resolve("2020/06/01/secret/index.html")), "the draft is included");
        assertTrue(Files.exists(dest.resolve("2099/01/01/someday/index.html")), "the future post is included");
    }

    @Test
    void futureTrueInSiteYmlIncludesFuturePostsAndTheBuildIsThenTakenAsUpToDate() throws IOException {
        Path site = siteWithDraftAndFuturePost();
        Files.writeString(site.resolve("site.yml"), "future: true\n", StandardOpenOption.APPEND);
        Path dest = tmp.resolve("out");
        String[] build = {"build", "--source", site.toString(), "--dest", dest.toString()};

        Run run = kiln(build);

        assertEquals(0, run.code(), run.err());
        assertFalse(run.err().contains("future"), run.err());
        assertTrue(Files.exists(dest.resolve("2099/01/01/someday/index.html")), "the future post is included");
        // Nothing was left out for time to publish: the stamp is trusted, as after --future.
        assertTrue(kiln(build).err().startsWith("nothing changed"), "a second build");
        Files.writeString(site.resolve("site.yml"), Files.readString(site.resolve("site.yml"))
                .replace("future: true", "future: false"));
        Run off = kiln(build);
        assertTrue(off.err().contains("1 future") && off.err().contains("future: true in site.yml"), off.err());
        assertFalse(Files.exists(dest.resolve("2099/01/01/someday/index.html")), "the future post is left out");
    }

    @Test
    void eachFlagIncludesOnlyItsOwnKind() throws IOException {
        Path site = siteWithDraftAndFuturePost();
        Path drafts = tmp.resolve("drafts");
        Path future = tmp.resolve("future");

        Run withDrafts = kiln("build", "--source", site.toString(), "--dest", drafts.toString(), "--drafts");
        Run withFuture = kiln("build", "--source", site.toString(), "--dest", future.toString(), "--future");

        assertEquals(0, withDrafts.code(), withDrafts.err());
        assertTrue(Files.exists(drafts.resolve("2020/06/01/secret/index.html")));
        assertFalse(Files.exists(drafts.resolve("2099/01/01/someday/index.html")));
        assertTrue(withDrafts.err().contains("1 future"), withDrafts.err());
        assertEquals(0, withFuture.code(), withFuture.err());
        assertFalse(Files.exists(future.resolve("2020/06/01/secret/index.html")));
        assertTrue(Files.exists(future.resolve("2099/01/01/someday/index.html")));
        assertTrue(withFuture.err().contains("1 draft"), withFuture.err());
    }

    @Test
    void baseUrlFlagPrefixesInternalLinks() throws IOException {
        Path site = goodSite();
        Path dest = tmp.resolve("out");

        Run run = kiln("build", "--source", site.toString(), "--dest", dest.toString(),
                "--base-url", "https://me.github.io/blog");

        assertEquals(0, run.code(), run.err());
        String home = Files.readString(dest.resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(home.contains("href=\"/blog/2020/01/01/hello/\""), home);
        assertTrue(home.contains("href=\"/blog/assets/css/main.css\""), home);
    }

    // ---- helpers ----

    private static Run kiln(String... args) {
        dev.kiln.testing.Kiln.Run run = dev.kiln.testing.Kiln.run(args);
        return new Run(run.code(), run.out(), run.err());
    }

    /** A small site with no layouts of its own: one post and an about page. */
    private Path goodSite() throws IOException {
        Path site = tmp.resolve("blog");
        write(site, "site.yml", "title: Test Blog\n");
        write(site, "content/posts/2020-01-01-hello.md", "---\ntitle: Hello\ntags: [kiln]\n---\nFirst *post*.\n");
        write(site, "content/about.md", "---\ntitle: About\n---\nAbout me.\n");
        return site;
    }

    private Path siteWithDraftAndFuturePost() throws IOException {
        Path site = goodSite();
        write(site, "content/posts/2020-06-01-secret.md", "---\ntitle: Secret\ndraft: true\n---\nNot yet.\n");
        write(site, "content/posts/2099-01-01-someday.md", "---\ntitle: Someday\n---\nLater.\n");
        return site;
    }

    private static void write(Path site, String path, String text) throws IOException {
        Path file = site.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> snapshot(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
