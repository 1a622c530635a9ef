package dev.kiln.markdown;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A renderer is made before a build's threads start, and leaves them nothing to deadlock on in flexmark. */
class MarkdownRendererInitTest {

    @Test
    void twoThreadsStartingOnFlexmarkAfterARendererIsMadeNeverHang() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int run = 0; run < 5; run++) { // without the renderer's own start, ~2 of 3 fresh JVMs hang
            Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    FlexmarkInitRace.class.getName()).inheritIO().start();
            boolean ended = process.waitFor(30, TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly();
            }
            assertTrue(ended, "the race did not end");
            assertEquals(0, process.exitValue(), "two threads starting on flexmark's sequences hung (run " + run + ")");
        }
    }
}
