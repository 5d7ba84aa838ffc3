package dev.ticker.it.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The pid of a process the tests started (the ticker, nginx), in a file under target/. A test JVM killed outright
 * (SIGKILL: no shutdown hooks) leaves its children running; the next run finds the pid here and kills that process
 * and everything below it, if its command line still names {@code marker} (so a reused pid is left alone).
 */
final class PidFile {

    private static final Logger LOG = Logger.getLogger(PidFile.class.getName());

    private final Path file;
    private final String marker;
    private final String what;

    /**
     * @param file   where the pid is kept
     * @param marker a string only our process has in its command line (the jar's or the configuration's path)
     * @param what   the process, for log messages
     */
    PidFile(Path file, String marker, String what) {
        this.file = file;
        this.marker = marker;
        this.what = what;
    }

    void write(long pid) {
        try {
            Files.writeString(file, Long.toString(pid), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not record the pid of " + what + " in " + file, e);
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + file, e);
        }
    }

    /** Kills the process an earlier, killed test run left behind, if any. */
    void killLeftover() {
        recordedPid().flatMap(ProcessHandle::of)
                .filter(process -> commandLine(process).contains(marker))
                .ifPresent(process -> {
                    LOG.warning(() -> "Killing " + what + " (pid " + process.pid() + ") that a killed test run left running");
                    ChildProcess.killTree(process);
                });
        delete();
    }

    /**
     * The command line as the process shows it now. nginx rewrites its own ("nginx: master process /usr/sbin/nginx
     * -c ..."), which the JDK then reports without the arguments, so on Linux read it from /proc.
     */
    private static String commandLine(ProcessHandle process) {
        Path proc = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            return Files.readString(proc, StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException | UncheckedIOException e) {
            return process.info().commandLine().orElse("");
        }
    }

    private Optional<Long> recordedPid() {
        try {
            return Files.isRegularFile(file)
                    ? Optional.of(Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).strip()))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            LOG.warning(() -> "Ignoring the unreadable pid file " + file + ": " + e);
            return Optional.empty();
        }
    }
}
