package dev.kiln.serve;

import dev.kiln.testing.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code kiln serve} in a real browser: headless Chromium (Debian's, driven by Debian's chromedriver
 * through Selenium) shows a post; the test only edits files, and the page follows by itself: new text,
 * the error overlay of a broken front matter, and the fixed page again. A second tab on another page
 * must not reload for an edit of the post.
 *
 * <p>Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} ({@code apt-get install chromium
 * chromium-driver}; {@code .ci/run} installs them). Without them the test fails: it never downloads a
 * browser or a driver.
 */
// A guard against a hang, not a speed check; in its own thread, so that even a call stuck in I/O ends it.
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BrowserReloadTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOT = Path.of("/tmp/kiln-overlay.png");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static final String POST = "content/posts/2020-01-01-hello.md";
    private static final String POST_URL = "2020/01/01/hello/";
    private static final String ABOUT_URL = "about/";

    /**
     * Runs in every document before the page's own scripts (CDP {@code Page.addScriptToEvaluateOnNewDocument}):
     * wraps {@code EventSource} so that the test can see when the live-reload stream is open, and counts,
     * per tab, the documents loaded and the {@code reload} events received (in sessionStorage, which
     * outlives the reload). The page's own listener is added after ours, so the count is written before
     * the page reloads.
     */
    private static final String PROBE = """
            (() => {
              const s = window.sessionStorage;
              s.setItem('kilnLoads', String(Number(s.getItem('kilnLoads') || 0) + 1));
              window.__kilnOpen = 0;
              const Real = window.EventSource;
              function Probe(url, init) {
                const es = new Real(url, init);
                es.addEventListener('open', () => { window.__kilnOpen++; });
                es.addEventListener('reload', () => {
                  s.setItem('kilnReloads', String(Number(s.getItem('kilnReloads') || 0) + 1));
                });
                return es;
              }
              Probe.prototype = Real.prototype;
              window.EventSource = Probe;
            })();
            """;

    /**
     * Selenium warns that it has no CDP binding for this Chromium's version: only the driver's own
     * {@code goog/cdp/execute} command is used here, which needs none. Held strongly, so the level sticks.
     */
    private static final List<java.util.logging.Logger> QUIET = Stream.of(
                    "org.openqa.selenium.devtools.CdpVersionFinder", "org.openqa.selenium.chromium.ChromiumDriver")
            .map(java.util.logging.Logger::getLogger)
            .peek(l -> l.setLevel(java.util.logging.Level.SEVERE))
            .toList();

    @TempDir
    Path site;

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private DevServer server;
    private ChromeDriverService service;
    private ChromeDriver driver;
    private Path profile;

    @BeforeEach
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void startBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("this test needs Debian's Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (missing: " + (Files.isExecutable(CHROMIUM) ? "" : CHROMIUM + " ")
                    + (Files.isExecutable(CHROMEDRIVER) ? "" : CHROMEDRIVER) + "); install them with "
                    + "'apt-get install chromium chromium-driver' (.ci/run does)");
        }
        // Selenium Manager must never fetch a driver or a browser: the paths are given, and it is told so.
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("kiln-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                "--user-data-dir=" + profile);
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(30))
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
            if (server != null) {
                server.close();
            }
            deleteQuietly(profile);
        }
    }

    @Test
    void pageFollowsEditsErrorsAndFixesWithoutBeingReloadedByTheTest() throws IOException {
        Files.writeString(site.resolve("site.yml"), "title: Browser Test Blog\n");
        Files.createDirectories(site.resolve("content/posts"));
        Files.writeString(site.resolve(POST), post("Hello browser", "First paragraph of the post."));
        Files.writeString(site.resolve("content/about.md"), "---\ntitle: About\n---\n\nAbout this blog.\n");

        server = new DevServer(Fixtures.options(site), "127.0.0.1", 0, log::add);
        server.start();

        // Tab 1: the post; tab 2: another page, which no edit of the post may reload.
        String postTab = open(server.url() + POST_URL, "First paragraph of the post.");
        String aboutTab = openInNewTab(server.url() + ABOUT_URL, "About this blog.");
        driver.switchTo().window(postTab);

        // 1. An edit shows up by itself.
        String marker1 = "marker-" + System.nanoTime();
        Files.writeString(site.resolve(POST), "\nA paragraph added while the page is open: " + marker1 + ".\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        waitFor("the edited text " + marker1 + " in the open post",
                ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), marker1));
        assertEquals(2, counter("kilnLoads"), "the post reloaded once, by itself");
        assertEquals(1, counter("kilnReloads"), "the post got one reload event");
        waitForStream();

        // 2. A broken front matter: the page shows the overlay with the file and the position.
        replace(POST, "---\ntitle: Java: the good parts\ndate: 2020-01-01 10:00\ntags: [java]\n---\n\n"
                + "First paragraph of the post.\n\nA paragraph added while the page is open: " + marker1 + ".\n");
        WebElement overlay = waitFor("the error overlay #" + ErrorOverlay.ID,
                ExpectedConditions.visibilityOfElementLocated(By.id(ErrorOverlay.ID)));
        String overlayText = overlay.getText();
        assertTrue(overlayText.matches("(?s).*" + java.util.regex.Pattern.quote(POST) + ":2:\\d+.*"),
                "the overlay names the file with a path:line:column position on line 2:\n" + overlayText);
        assertTrue(overlayText.contains("title: Java: the good parts"), "the overlay quotes the line:\n" + overlayText);
        Files.write(SCREENSHOT, driver.getScreenshotAs(OutputType.BYTES));
        // The last good page is still under the overlay.
        assertTrue(driver.findElement(By.tagName("body")).getDomProperty("textContent").contains(marker1));
        waitForStream();
        // Every page shows the overlay, the other tab too; its stream must be open again before the fix.
        driver.switchTo().window(aboutTab);
        waitFor("the error overlay in the about tab", ExpectedConditions.visibilityOfElementLocated(By.id(ErrorOverlay.ID)));
        waitForStream();
        driver.switchTo().window(postTab);

        // 3. The fix: the overlay goes, and the latest text is shown.
        String marker2 = "marker-" + System.nanoTime();
        replace(POST, post("Java: the good parts", "First paragraph of the post.")
                + "\nA paragraph added while the page is open: " + marker1 + ".\n"
                + "\nAnd one more, with the fix: " + marker2 + ".\n");
        waitFor("the fixed text " + marker2 + " in the open post",
                ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), marker2));
        waitFor("the error overlay to go", ExpectedConditions.invisibilityOfElementLocated(By.id(ErrorOverlay.ID)));
        assertTrue(driver.findElements(By.id(ErrorOverlay.ID)).isEmpty(), "no overlay once the site builds");
        assertTrue(driver.findElement(By.tagName("body")).getText().contains("Java: the good parts"),
                "the new title is shown");
        assertEquals(4, counter("kilnLoads"), "the post reloaded once per rebuild, by itself");

        // The other tab was reloaded for the broken build (every page shows the overlay) and for the fix,
        // never for the plain edit of the post.
        driver.switchTo().window(aboutTab);
        waitFor("the about page to be back without the overlay",
                ExpectedConditions.invisibilityOfElementLocated(By.id(ErrorOverlay.ID)));
        assertEquals(2, counter("kilnReloads"), "the about tab: reload events for the error and the fix only");
        assertEquals(3, counter("kilnLoads"), "the about tab: loaded, then reloaded for the error and the fix");
        assertTrue(driver.findElement(By.tagName("body")).getText().contains("About this blog."));
        assertFalse(log.stream().anyMatch(l -> l.contains("crashed")), String.join("\n", log));
    }

    /** A post with a quoted title, so that any title is valid YAML. */
    private static String post(String title, String firstParagraph) {
        return "---\ntitle: \"" + title + "\"\ndate: 2020-01-01 10:00\ntags: [java]\n---\n\n" + firstParagraph + "\n";
    }

    /** Replaces a file the way editors save safely: a hidden temporary file (ignored by the watcher), then a rename. */
    private void replace(String rel, String text) throws IOException {
        Path file = site.resolve(rel);
        Path tmp = file.resolveSibling("." + file.getFileName() + ".kiln-test");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Loads {@code url} in the current tab, waits for {@code text} and the live-reload stream; returns the tab. */
    private String open(String url, String text) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBE));
        driver.get(url);
        waitFor(text + " at " + url, ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
        waitForStream();
        assertEquals(1, counter("kilnLoads"));
        return driver.getWindowHandle();
    }

    private String openInNewTab(String url, String text) {
        driver.switchTo().newWindow(WindowType.TAB);
        return open(url, text);
    }

    /** Waits until the page's live-reload stream is open, so that no rebuild can pass it by. */
    private void waitForStream() {
        waitFor("the live-reload stream of " + driver.getCurrentUrl() + " to open",
                d -> ((Number) ((JavascriptExecutor) d).executeScript("return window.__kilnOpen || 0;")).intValue() > 0);
    }

    private int counter(String name) {
        Object value = driver.executeScript("return Number(sessionStorage.getItem(arguments[0]) || 0);", name);
        return ((Number) value).intValue();
    }

    private <T> T waitFor(String what, ExpectedCondition<T> condition) {
        try {
            // A page that reloads while the condition reads it (the server tells it to, at any moment) can make
            // Chrome fail that read ("node does not belong to the document"): read it again, as a user would look again.
            return new WebDriverWait(driver, WAIT, Duration.ofMillis(50))
                    .ignoring(org.openqa.selenium.WebDriverException.class).until(condition);
        } catch (TimeoutException e) {
            String body;
            try {
                body = driver.findElement(By.tagName("body")).getText();
            } catch (RuntimeException again) {
                body = "(no page: " + again.getMessage() + ")";
            }
            throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + what + "\npage text:\n" + body
                    + "\nserver log:\n" + String.join("\n", log), e);
        }
    }

    private static void deleteQuietly(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // Chromium may still be writing its profile: a temp folder left behind is harmless.
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // as above
        }
    }
}
