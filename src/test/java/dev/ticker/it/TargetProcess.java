package dev.ticker.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The JVM a target runs in, seen from outside: found by a path its command line contains (the server's home under
 * target/, or the standalone jar), and inspected with {@code jcmd}, so tests can check what an undeploy left behind.
 */
final class TargetProcess {

    private static final Duration JCMD_TIMEOUT = Duration.ofSeconds(60);

    private TargetProcess() {
    }

    /** The path that identifies this target's processes: {@code ticker.it.serverHome}, else the standalone jar. */
    static String marker() {
        String home = System.getProperty("ticker.it.serverHome");
        return home != null ? home : System.getProperty("ticker.it.standaloneJar");
    }

    static boolean isApplicationServer() {
        return System.getProperty("ticker.it.serverHome") != null;
    }

    /** Java processes whose command line contains {@code marker}, oldest first (a server before its admin tools). */
    static List<ProcessHandle> running(String marker) {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().map(line -> line.contains(marker)).orElse(false))
                .filter(process -> process.info().command().map(command -> command.endsWith("/java")).orElse(false))
                .sorted(Comparator.comparing(process -> process.info().startInstant().orElseThrow()))
                .toList();
    }

    /** The server JVM: the oldest Java process whose command line contains {@code marker}. */
    static ProcessHandle server(String marker) {
        List<ProcessHandle> candidates = running(marker);
        assertTrue(!candidates.isEmpty(), "no running Java process has " + marker + " in its command line");
        return candidates.get(0);
    }

    /**
     * How many live instances of {@code className} the JVM {@code process} holds after a full GC
     * ({@code jcmd GC.class_histogram}, run with the JDK of that process).
     */
    static long liveInstances(ProcessHandle process, String className) {
        return instancesIn(histogram(process), className);
    }

    /** The bytes of all live objects of {@code process} after a full GC (the histogram's total). */
    static long liveBytes(ProcessHandle process) {
        return histogram(process).lines()
                .map(String::trim)
                .filter(line -> line.startsWith("Total"))
                .map(line -> line.split("\\s+"))
                .mapToLong(columns -> Long.parseLong(columns[2]))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Total line in the class histogram of " + process.pid()));
    }

    /** The number of threads of {@code process}, from Linux's {@code /proc}. */
    static int threads(ProcessHandle process) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                    .filter(line -> line.startsWith("Threads:"))
                    .mapToInt(line -> Integer.parseInt(line.substring("Threads:".length()).trim()))
                    .findFirst()
                    .orElseThrow();
        } catch (IOException e) {
            throw new AssertionError("cannot read the thread count of " + process.pid(), e);
        }
    }

    private static String histogram(ProcessHandle process) {
        return jcmd(process, "GC.class_histogram");
    }

    /** A {@code jcmd Thread.print} dump of {@code process}: thread blocks separated by blank lines. */
    static String threadDump(ProcessHandle process) {
        return jcmd(process, "Thread.print");
    }

    /** The output of {@code jcmd <pid> <command>} run with the target's own JDK; fails the test if it fails. */
    private static String jcmd(ProcessHandle process, String command) {
        Path jcmd = Path.of(process.info().command().orElseThrow()).resolveSibling("jcmd");
        try {
            Process run = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), command)
                    .redirectErrorStream(true)
                    .start();
            String output;
            try (var in = run.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!run.waitFor(JCMD_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || run.exitValue() != 0) {
                run.destroyForcibly();
                fail("jcmd " + command + " failed on pid " + process.pid() + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + jcmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + jcmd, e);
        }
    }

    /** Reads "  num:  #instances  #bytes  class name (module)" lines. */
    private static long instancesIn(String histogram, String className) {
        return histogram.lines()
                .map(String::trim)
                .map(line -> line.split("\\s+"))
                .filter(columns -> columns.length >= 4 && columns[3].equals(className))
                .mapToLong(columns -> Long.parseLong(columns[1]))
                .findFirst()
                .orElse(0);
    }

    static Optional<ProcessHandle> any(String marker) {
        return running(marker).stream().findFirst();
    }
}
