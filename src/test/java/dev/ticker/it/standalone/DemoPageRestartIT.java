package dev.ticker.it.standalone;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The demo page through a restart of the server under it, in headless Chromium ({@code src/test/browser/restart.mjs}):
 * this test starts the built jar on a free port, lets the page go live, stops the jar (SIGTERM) and starts a new
 * one on the same port; the page must reconnect every transport by itself and mark the gap (the new server's history
 * cannot reach back into the old run). Standalone only: it needs a server it can stop and start itself, which the
 * shared suite's targets do not offer.
 */
@Tag("recipe")
@Tag("standalone")
class DemoPageRestartIT {

    private static final String JAR = System.getProperty("ticker.it.standaloneJar");
    private static final Path SCRIPT = Path.of("src/test/browser/restart.mjs");
    private static final Path OUT = Path.of("target/browser");
    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final Duration STOP = Duration.ofSeconds(20);
    private static final Duration PAGE_READY = Duration.ofSeconds(120);
    private static final Duration PAGE_DONE = Duration.ofSeconds(180);
    private static final String READY = "ready-for-restart";
    /** Not a line node can print: the end of the browser test's output. */
    private static final String ENDED = "\u0000ended";

    @Test
    void pageReconnectsEveryTransportAfterARestartAndMarksTheGap() throws IOException, InterruptedException {
        Files.createDirectories(OUT);
        int port = freePort();
        TickerProcess first = start(port);
        Process browser = null;
        TickerProcess second = null;
        List<String> output = new ArrayList<>();
        try {
            browser = new ProcessBuilder("node", SCRIPT.toString(), first.url().toString(),
                    OUT.resolve("restart.png").toString())
                    .redirectErrorStream(true)
                    .start();
            BlockingQueue<String> lines = pump(browser, output);
            awaitLine(lines, READY, PAGE_READY, output);

            assertEquals(0, first.process().stop(STOP), "the first ticker's exit code on SIGTERM");
            second = start(port);
            try (Writer toBrowser = new OutputStreamWriter(browser.getOutputStream(), StandardCharsets.UTF_8)) {
                toBrowser.write("restarted\n");
            }

            boolean finished = browser.waitFor(PAGE_DONE.toSeconds(), TimeUnit.SECONDS);
            assertTrue(finished, () -> "the browser test did not finish within " + PAGE_DONE + ":\n" + joined(output));
            // The pump may still be handing over the last lines.
            Thread.sleep(200);
            assertEquals(0, browser.exitValue(), () -> "the browser test failed:\n" + joined(output));
        } finally {
            if (browser != null && browser.isAlive()) {
                browser.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            if (first.process().isAlive()) {
                first.process().kill();
            }
            if (second != null) {
                second.process().stop(STOP);
            }
            Files.writeString(OUT.resolve("restart.log"), joined(output));
        }
    }

    private static TickerProcess start(int port) throws IOException, InterruptedException {
        TickerProcess ticker = TickerProcess.launch(List.of(javaBinary(), "-jar", JAR,
                "--port=" + port, "--bind=127.0.0.1"), null);
        ticker.awaitReady(STARTUP);
        return ticker;
    }

    /** A port that was free a moment ago; both runs of the ticker listen on it, as a restarted service would. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Echoes the browser test's output and hands each line to the returned queue. */
    private static BlockingQueue<String> pump(Process browser, List<String> output) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(browser.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    System.out.println("[restart.mjs] " + line);
                    synchronized (output) {
                        output.add(line);
                    }
                    lines.add(line);
                }
                lines.add(ENDED);
            } catch (IOException e) {
                lines.add(ENDED);
            }
        }, "restart-mjs-output");
        thread.setDaemon(true);
        thread.start();
        return lines;
    }

    private static void awaitLine(BlockingQueue<String> lines, String wanted, Duration timeout, List<String> output)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                fail("the page did not report '" + wanted + "' within " + timeout + ":\n" + joined(output));
            }
            if (line.equals(wanted)) {
                return;
            }
            if (line.equals(ENDED)) {
                fail("the browser test ended before it reported '" + wanted + "':\n" + joined(output));
            }
        }
    }

    private static String joined(List<String> output) {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
