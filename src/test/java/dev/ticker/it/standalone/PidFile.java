package dev.ticker.it.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The pid of the running ticker, in a file beside the jar. A test JVM killed outright (SIGKILL: no shutdown hooks)
 * leaves its ticker running; the next run finds the pid here and stops that process, if it still runs our jar.
 */
final class PidFile {

    private static final Logger LOG = Logger.getLogger(PidFile.class.getName());

    private final Path file;
    private final String jar;

    PidFile(String jar) {
        this.jar = jar;
        this.file = Path.of(jar).toAbsolutePath().resolveSibling("ticker-standalone-it.pid");
    }

    void write(long pid) {
        try {
            Files.writeString(file, Long.toString(pid), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not record the ticker's pid in " + file, e);
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + file, e);
        }
    }

    /** Kills the ticker an earlier, killed test run left behind, if any. */
    void killLeftover() {
        recordedPid().flatMap(ProcessHandle::of)
                .filter(process -> process.info().commandLine().orElse("").contains(jar))
                .ifPresent(process -> {
                    LOG.warning(() -> "Killing the standalone ticker (pid " + process.pid()
                            + ") that a killed test run left running");
                    process.destroyForcibly();
                });
        delete();
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
