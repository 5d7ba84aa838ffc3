package dev.ticker.it.standalone;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of the standalone ticker as a child process: launched, then awaited until it prints its URL. Stopping
 * it (SIGTERM, and it must exit 0) is up to the caller, through {@link #process()}. Public for the tests outside
 * this package that need a ticker of their own configuration.
 */
public final class TickerProcess {

    private static final Pattern READY = Pattern.compile("Ticker running at (\\S+)");

    private final CompletableFuture<URI> ready = new CompletableFuture<>();
    private ChildProcess child;

    private TickerProcess() {
    }

    /**
     * Starts {@code command} with exactly {@code environment}, or the test JVM's if that is null, without waiting:
     * record its pid, then {@link #awaitReady}.
     */
    public static TickerProcess launch(List<String> command, Map<String, String> environment) throws IOException {
        TickerProcess ticker = new TickerProcess();
        ticker.child = ChildProcess.start("ticker-standalone", command, environment, ticker::watch);
        ticker.child.outputEnded().whenComplete((ended, error) -> ticker.ready.completeExceptionally(
                new IllegalStateException("exited before it printed its URL")));
        return ticker;
    }

    /**
     * Runs the standalone jar {@code jar} with {@code options} on the test JVM's java, at the settings' defaults: the
     * test JVM's environment without its {@code TICKER_*} variables (the small limits the suite gives the shared
     * targets), plus {@code extraEnvironment}. Waits, at most {@code startup}, until it serves.
     */
    public static TickerProcess startJar(String jar, List<String> options, Map<String, String> extraEnvironment,
                                         Duration startup) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-jar", jar));
        command.addAll(options);
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.keySet().removeIf(name -> name.startsWith("TICKER_"));
        environment.putAll(extraEnvironment);
        TickerProcess ticker = launch(command, environment);
        ticker.awaitReady(startup);
        return ticker;
    }

    /** The base URL the ticker printed, e.g. {@code http://127.0.0.1:41234/}. */
    public URI url() {
        return ready.getNow(null);
    }

    long pid() {
        return child.pid();
    }

    /** The running process, to stop or kill. */
    public ChildProcess process() {
        return child;
    }

    private void watch(String line) {
        Matcher announced = READY.matcher(line);
        if (announced.find()) {
            ready.complete(URI.create(announced.group(1)));
        }
    }

    /**
     * Waits, at most {@code timeout}, until the ticker announces its URL.
     *
     * @throws IllegalStateException if it exits or stays silent instead; it is killed then, and the message holds
     *                               its last output
     */
    public void awaitReady(Duration timeout) throws InterruptedException {
        try {
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            child.kill();
            String reason = e instanceof TimeoutException
                    ? "did not print its URL within " + timeout
                    : e.getCause().getMessage();
            throw new IllegalStateException("The ticker (pid " + pid() + ") " + reason + ". Last output:\n" + child.tail(), e);
        }
    }
}
