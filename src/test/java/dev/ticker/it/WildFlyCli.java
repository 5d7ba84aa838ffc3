package dev.ticker.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WildFly's management CLI ({@code bin/jboss-cli.sh} of the target's server) connected to the running server, as an
 * operator uses it: the management port is 9990 plus the suite's port offset.
 */
final class WildFlyCli {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final Path home;
    private final int managementPort;

    WildFlyCli(Path home, int portOffset) {
        this.home = home;
        this.managementPort = 9990 + portOffset;
    }

    /** The suite's WildFly: its home and port offset as the pom passes them. */
    static WildFlyCli ofTarget() {
        return new WildFlyCli(Path.of(System.getProperty("ticker.it.serverHome")),
                Integer.getInteger("jboss.socket.binding.port-offset", 0));
    }

    /**
     * Runs {@code commands} (CLI commands or operations, none containing a comma) in one CLI session, after the
     * {@code options} (such as {@code -Dname=value}); fails the test unless the CLI succeeds. Returns its output.
     */
    String run(List<String> options, String... commands) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/jboss-cli.sh").toString(), "--connect",
                "--controller=127.0.0.1:" + managementPort));
        command.addAll(options);
        command.add("--commands=" + String.join(",", commands));
        Path log = Files.createTempFile("jboss-cli", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        boolean finished = process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        Files.delete(log);
        assertTrue(finished, String.join(" ", command) + " did not finish within " + TIMEOUT + ":\n" + output);
        assertEquals(0, process.exitValue(), () -> String.join(" ", command) + " failed:\n" + output);
        return output;
    }
}
