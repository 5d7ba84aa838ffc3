package dev.ticker.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo page in a real headless Chromium, driven by {@code src/test/browser/smoke.mjs} (playwright-core, installed
 * by the build with {@code npm ci}): live rows in the WebSocket and polling panels, the symbol picker changing what
 * both show, no console errors. Runs on every target, so the page is proven at "/" and under a context root.
 */
class DemoPageIT extends DeployedTicker {

    private static final Path SMOKE = Path.of("src/test/browser/smoke.mjs");
    private static final Path OUT = Path.of("target/browser");
    private static final long TIMEOUT_SECONDS = 180;

    @Test
    void pageShowsLiveQuotesOverBothTransportsAndFollowsThePicker() throws IOException, InterruptedException {
        Files.createDirectories(OUT);
        String target = System.getProperty("arquillian.launch", "target");
        Path log = OUT.resolve(target + ".log");
        Process smoke = new ProcessBuilder("node", SMOKE.toString(), base.toString(),
                OUT.resolve(target + ".png").toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();

        boolean finished = smoke.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            smoke.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }

        String output = Files.readString(log);
        assertTrue(finished, "the browser smoke test did not finish within " + TIMEOUT_SECONDS + " s:\n" + output);
        assertEquals(0, smoke.exitValue(), "the browser smoke test failed:\n" + output);
    }
}
