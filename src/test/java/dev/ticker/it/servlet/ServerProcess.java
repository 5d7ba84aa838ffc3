package dev.ticker.it.servlet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server JVM the tests run: its console goes to a file (the failure messages quote its tail), SIGTERM stops it, and
 * a shutdown hook of the test JVM kills it if the tests end first. The orphan reaper covers a test JVM that is killed.
 */
final class ServerProcess {

    private static final int TAIL_LINES = 60;
    private static final Duration KILL_GRACE = Duration.ofSeconds(10);

    private final Process process;
    private final Path console;
    private final Thread killOnExit;

    private ServerProcess(Process process, Path console) {
        this.process = process;
        this.console = console;
        this.killOnExit = new Thread(this::killTree, "kill-server-" + process.pid());
    }

    static ServerProcess start(ServerLayout layout, Path console) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(layout.command())
                .directory(layout.base().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()));
        Map<String, String> environment = builder.environment();
        environment.putAll(layout.environment());
        ServerProcess server = new ServerProcess(builder.start(), console);
        Runtime.getRuntime().addShutdownHook(server.killOnExit);
        return server;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Sends SIGTERM (both servers then stop every webapp, as on a service stop) and waits for the exit.
     *
     * @return the exit code
     * @throws IllegalStateException if it did not exit within {@code timeout}; it has been killed then
     */
    int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!exited) {
            killTree();
        }
        forgetShutdownHook();
        if (!exited) {
            throw new IllegalStateException("The server (pid " + pid() + ") did not stop within " + timeout
                    + " of SIGTERM and was killed. Last output:\n" + tail());
        }
        return process.exitValue();
    }

    void kill() throws InterruptedException {
        killTree();
        process.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        forgetShutdownHook();
    }

    /** The last lines of the console. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(console, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + console + ": " + e + ")";
        }
    }

    private void killTree() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    private void forgetShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is exiting: the hook runs anyway and kills nothing that has exited.
        }
    }
}
