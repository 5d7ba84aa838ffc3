package dev.ticker.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built standalone ticker in a JVM of its own, with what the benchmark reads from outside: its CPU time and RSS
 * from /proc, its heap after a full GC from jcmd, and its GC pauses from the unified GC log.
 */
final class ServerUnderTest implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("Ticker running at (http://\\S+)");
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final long CLOCK_TICKS_PER_SECOND = 100;
    /** The highest value the session limits accept. */
    private static final int UNLIMITED_SESSIONS = 1_000_000;

    private final Process process;
    private final URI base;
    private final Path gcLog;

    private ServerUnderTest(Process process, URI base, Path gcLog) {
        this.process = process;
        this.base = base;
        this.gcLog = gcLog;
    }

    /** Starts {@code jar} with the given ticker options on a free loopback port, and waits until it serves. */
    static ServerUnderTest start(Path jar, List<String> jvmOptions, List<String> tickerOptions, Path workDir)
            throws IOException, InterruptedException {
        // Every load client connects from 127.0.0.1: the session limits (defaults 10,000 and 100 per address) would
        // refuse the benchmark's own sessions. A scenario's options come after, so it may still set its own.
        List<String> launch = new ArrayList<>(List.of("-jar", jar.toString(), "--port=0", "--bind=127.0.0.1",
                "--max-sessions=" + UNLIMITED_SESSIONS, "--max-sessions-per-address=" + UNLIMITED_SESSIONS));
        launch.addAll(tickerOptions);
        return launch(jvmOptions, launch, workDir);
    }

    /** Whether the scenario's {@code profile} parameter asks for a Flight Recording ({@code jfr}; default none). */
    static boolean profiled(Options options) {
        String profile = options.text("profile", "none");
        if (!profile.equals("none") && !profile.equals("jfr")) {
            throw new IllegalArgumentException("profile must be none or jfr, not '" + profile + "'");
        }
        return profile.equals("jfr");
    }

    /** {@code jvmOptions} plus a Flight Recording (profiling settings) of the whole run into {@code out/server-name.jfr}. */
    static List<String> recorded(List<String> jvmOptions, Path out, String name) {
        List<String> recorded = new ArrayList<>(jvmOptions);
        recorded.add("-XX:StartFlightRecording=settings=profile,filename="
                + out.resolve("server-" + name + ".jfr").toAbsolutePath());
        return recorded;
    }

    /** Starts the bare-engine baseline from this JVM's classpath (see BaselineServer). */
    static ServerUnderTest startBaseline(List<String> jvmOptions, long intervalMs, int quotesPerTick, Path workDir)
            throws IOException, InterruptedException {
        return launch(jvmOptions, List.of("-cp", System.getProperty("java.class.path"),
                BaselineServer.class.getName(), Long.toString(intervalMs), Integer.toString(quotesPerTick)), workDir);
    }

    private static ServerUnderTest launch(List<String> jvmOptions, List<String> launch, Path workDir)
            throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path gcLog = workDir.resolve("server-gc.log");
        Files.deleteIfExists(gcLog);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Xlog:gc:file=" + gcLog + ":uptimemillis");
        command.addAll(launch);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.PIPE)
                .start();
        URI base = awaitReady(process, workDir.resolve("server.log"));
        return new ServerUnderTest(process, base, gcLog);
    }

    URI base() {
        return base;
    }

    long pid() {
        return process.pid();
    }

    /** User plus system CPU seconds the server has used so far. */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        // Fields after the command name, which is in parentheses and may contain spaces.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return (double) ticks / CLOCK_TICKS_PER_SECOND;
    }

    /** Resident set size in bytes. */
    long rssBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS for pid " + process.pid());
    }

    /** Heap in use right after a full GC, in bytes. */
    long heapAfterFullGc() throws IOException, InterruptedException {
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher used = Pattern.compile("total \\d+K, used (\\d+)K").matcher(info);
        long usedKb = 0;
        while (used.find()) {
            usedKb = Math.max(usedKb, Long.parseLong(used.group(1)));
        }
        if (usedKb == 0) {
            throw new IOException("cannot read the heap from jcmd GC.heap_info:\n" + info);
        }
        return usedKb * 1024;
    }

    /** The first {@code lines} rows of the live-class histogram (after a full GC). */
    String classHistogram(int lines) throws IOException, InterruptedException {
        return String.join("\n", jcmd("GC.class_histogram").lines().limit(lines + 3L).toList()) + "\n";
    }

    /** GC pauses logged between the two JVM uptimes (milliseconds). */
    GcPauses gcPausesBetween(long fromUptimeMillis, long toUptimeMillis) throws IOException {
        return GcPauses.parse(Files.readAllLines(gcLog), fromUptimeMillis, toUptimeMillis);
    }

    /** The server JVM's uptime now, in milliseconds (from its start instant). */
    long uptimeMillis() {
        return Duration.between(process.info().startInstant().orElseThrow(), java.time.Instant.now()).toMillis();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process run = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), command)
                .redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!run.waitFor(60, TimeUnit.SECONDS) || run.exitValue() != 0) {
            throw new IOException("jcmd " + command + " failed:\n" + output);
        }
        return output;
    }

    /** Copies the server's output to a log file and returns its URL once it announces it. */
    private static URI awaitReady(Process process, Path log) throws IOException, InterruptedException {
        CompletableFuture<URI> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 var out = Files.newBufferedWriter(log)) {
                String line;
                while ((line = in.readLine()) != null) {
                    out.write(line);
                    out.newLine();
                    out.flush();
                    Matcher matcher = READY.matcher(line);
                    if (matcher.find()) {
                        ready.complete(URI.create(matcher.group(1)));
                    }
                }
                ready.completeExceptionally(new IOException("the server exited; see " + log));
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
        }, "server-output");
        pump.setDaemon(true);
        pump.start();
        try {
            return ready.get(STARTUP.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("the server did not start within " + STARTUP + "; see " + log, e);
        }
    }
}
