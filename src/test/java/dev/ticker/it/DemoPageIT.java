package dev.ticker.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo page in a real headless Chromium, driven by {@code src/test/browser/page.mjs} (playwright-core, installed
 * by the build with {@code npm ci}): all four transport panels update, the symbol picker changes what arrives over
 * each, pause and resume work, a dropped WebSocket reconnects and resumes, the handshake inspector matches, and the
 * page logs no error. Runs on every target, so the page is proven at "/", under a context root and behind nginx.
 */
class DemoPageIT extends DeployedTicker {

    private static final Path SCRIPT = Path.of("src/test/browser/page.mjs");
    private static final Path OUT = Path.of("target/browser");
    private static final long TIMEOUT_SECONDS = 300;

    @Test
    void allFourTransportsUpdateFollowThePickerAndResume() throws IOException, InterruptedException {
        Files.createDirectories(OUT);
        String target = System.getProperty("arquillian.launch", "target");
        Path log = OUT.resolve(target + ".log");
        Process browser = new ProcessBuilder("node", SCRIPT.toString(), base.toString(),
                OUT.resolve(target + ".png").toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();

        boolean finished = browser.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            browser.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }

        String output = Files.readString(log);
        assertTrue(finished, "the browser test did not finish within " + TIMEOUT_SECONDS + " s:\n" + output);
        assertEquals(0, browser.exitValue(), "the browser test failed:\n" + output);
    }
}
