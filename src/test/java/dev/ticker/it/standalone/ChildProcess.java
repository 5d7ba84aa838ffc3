package dev.ticker.it.standalone;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A process the tests start (the ticker, nginx): its output echoed with a prefix, handed to a line listener and
 * its tail kept for failure messages; stopped with SIGTERM. A JVM shutdown hook kills it, and every process it
 * started (nginx's workers), if the test JVM ends first, so a crashed test run leaves nothing behind.
 */
public final class ChildProcess {

    private static final int TAIL_LINES = 100;
    private static final Duration KILL_GRACE = Duration.ofSeconds(5);

    private final String name;
    private final Process process;
    private final Consumer<String> lines;
    private final Thread killOnExit;
    private final Thread output;
    private final Deque<String> tail = new ArrayDeque<>();
    private final CompletableFuture<Void> outputEnded = new CompletableFuture<>();

    private ChildProcess(String name, Process process, Consumer<String> lines) {
        this.name = name;
        this.process = process;
        this.lines = lines;
        this.killOnExit = new Thread(() -> killTree(process.toHandle()), "kill-" + name + "-" + process.pid());
        this.output = new Thread(this::pumpOutput, name + "-output-" + process.pid());
        this.output.setDaemon(true);
    }

    /**
     * Starts {@code command} with exactly {@code environment} if given (else the test JVM's), stdout and stderr
     * merged, each line passed to {@code lines} on the output thread.
     */
    static ChildProcess start(String name, List<String> command, Map<String, String> environment,
                              Consumer<String> lines) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (environment != null) {
            builder.environment().clear();
            builder.environment().putAll(environment);
        }
        ChildProcess child = new ChildProcess(name, builder.start(), lines);
        Runtime.getRuntime().addShutdownHook(child.killOnExit);
        child.output.start();
        return child;
    }

    /**
     * Kills {@code root} and every process below it without grace. The descendants are listed first: once the root
     * is gone they are orphans nobody can find (an nginx master killed alone leaves its workers serving).
     */
    static void killTree(ProcessHandle root) {
        List<ProcessHandle> descendants = root.descendants().toList();
        root.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Completes when the process has closed its output, normally because it exited. */
    CompletableFuture<Void> outputEnded() {
        return outputEnded;
    }

    /** Sends SIGTERM and returns at once. */
    void signalTerm() {
        process.destroy();
    }

    /**
     * Sends SIGTERM and waits, at most {@code timeout}, for the process to exit.
     *
     * @return its exit code
     * @throws IllegalStateException if it did not exit in time; it has been killed then
     */
    public int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            throw new IllegalStateException(name + " (pid " + pid() + ") did not stop within " + timeout
                    + " of SIGTERM and was killed. Last output:\n" + tail());
        }
        output.join(KILL_GRACE.toMillis());
        forgetShutdownHook();
        return process.exitValue();
    }

    /** Kills the process and its descendants without grace; the last resort. */
    public void kill() throws InterruptedException {
        killTree(process.toHandle());
        process.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        // The last lines, often the reason it was killed, are still on their way to the tail.
        output.join(KILL_GRACE.toMillis());
        forgetShutdownHook();
    }

    /** The last lines the process printed. */
    public String tail() {
        synchronized (tail) {
            return String.join("\n", tail);
        }
    }

    private void pumpOutput() {
        String prefix = "[" + name + " " + pid() + "] ";
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                System.out.println(prefix + line);
                remember(line);
                lines.accept(line);
            }
            outputEnded.complete(null);
        } catch (IOException | RuntimeException e) {
            outputEnded.completeExceptionally(e);
        }
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
