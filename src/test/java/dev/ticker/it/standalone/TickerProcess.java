package dev.ticker.it.standalone;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of the standalone ticker as a child process: started and awaited until it prints its URL, stopped with
 * SIGTERM and expected to exit 0. Its output is echoed with a prefix and its tail kept for failure messages. A JVM
 * shutdown hook kills it if the test JVM ends first, so a crashed or killed test run leaves no ticker behind.
 */
final class TickerProcess {

    private static final Pattern READY = Pattern.compile("Ticker running at (\\S+)");
    private static final int TAIL_LINES = 100;
    private static final Duration KILL_GRACE = Duration.ofSeconds(5);

    private final Process process;
    private final Thread killOnExit;
    private final Thread output;
    private final Deque<String> tail = new ArrayDeque<>();
    private final CompletableFuture<URI> ready = new CompletableFuture<>();

    private TickerProcess(Process process) {
        this.process = process;
        this.killOnExit = new Thread(process::destroyForcibly, "kill-ticker-" + process.pid());
        this.output = new Thread(this::pumpOutput, "ticker-output-" + process.pid());
        this.output.setDaemon(true);
    }

    /**
     * Starts {@code command} and waits, at most {@code timeout}, until it announces its URL.
     *
     * @throws IllegalStateException if it exits or stays silent instead; it is killed then, and the message holds
     *                               its last output
     */
    static TickerProcess start(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        TickerProcess ticker = new TickerProcess(process);
        Runtime.getRuntime().addShutdownHook(ticker.killOnExit);
        ticker.output.start();
        ticker.awaitReady(timeout);
        return ticker;
    }

    /** The base URL the ticker printed, e.g. {@code http://127.0.0.1:41234/}. */
    URI url() {
        return ready.getNow(null);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Sends SIGTERM and waits, at most {@code timeout}, for the process to exit.
     *
     * @return its exit code
     * @throws IllegalStateException if it did not exit in time; it has been killed then
     */
    int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            throw new IllegalStateException("The ticker (pid " + pid() + ") did not stop within " + timeout
                    + " of SIGTERM and was killed. Last output:\n" + tail());
        }
        output.join(KILL_GRACE.toMillis());
        forgetShutdownHook();
        return process.exitValue();
    }

    /** Kills the process without grace; the last resort. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        forgetShutdownHook();
    }

    /** The last lines the process printed. */
    String tail() {
        synchronized (tail) {
            return String.join("\n", tail);
        }
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        try {
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            kill();
            String reason = e instanceof TimeoutException
                    ? "did not print its URL within " + timeout
                    : e.getCause().getMessage();
            throw new IllegalStateException("The ticker (pid " + pid() + ") " + reason + ". Last output:\n" + tail(), e);
        }
    }

    private void pumpOutput() {
        String prefix = "[ticker-standalone " + pid() + "] ";
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                System.out.println(prefix + line);
                remember(line);
                Matcher announced = READY.matcher(line);
                if (announced.find()) {
                    ready.complete(URI.create(announced.group(1)));
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(new UncheckedIOException("its output became unreadable", e));
        }
        ready.completeExceptionally(new IllegalStateException("exited before it printed its URL"));
    }

    private void remember(String line) {
        synchronized (tail) {
            if (tail.size() == TAIL_LINES) {
                tail.removeFirst();
            }
            tail.addLast(line);
        }
    }

    private void forgetShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is exiting: the hook is running or about to, and kills nothing that has already exited.
        }
    }
}
