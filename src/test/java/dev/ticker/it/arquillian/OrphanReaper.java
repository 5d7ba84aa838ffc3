package dev.ticker.it.arquillian;

import org.jboss.arquillian.container.spi.event.container.BeforeStart;
import org.jboss.arquillian.core.api.annotation.Observes;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes sure a killed build leaves no server running. Before a target's container starts, spawns a detached
 * shell that waits for this test JVM to end, however it ends (a normal exit, SIGKILL, or Surefire's fork noticing
 * that Maven itself was killed), and then kills every Java process whose command line contains the target's path
 * (the server home under target/, or the standalone jar), plus the process tree of a helper such as the nginx in
 * front of it ({@code ticker.it.reapAlso}). After a normal run nothing matches any more: the adapter
 * has stopped the server already. The path travels in the environment, so the shell never matches itself.
 */
public final class OrphanReaper {

    private static final Logger LOG = Logger.getLogger(OrphanReaper.class.getName());
    private static final String SCRIPT = "while kill -0 \"$WATCHED_PID\" 2>/dev/null; do sleep 1; done; "
            + "pkill -KILL -f -- \"java.*$REAPED_PATH\"; "
            // A helper process tree (nginx's master and its workers, whose own command lines name nothing).
            + "[ -n \"$REAPED_ALSO\" ] && for p in $(pgrep -f -- \"$REAPED_ALSO\"); do "
            + "pkill -KILL -P \"$p\"; kill -KILL \"$p\"; done";

    public void spawn(@Observes BeforeStart event) {
        String path = System.getProperty("ticker.it.serverHome", System.getProperty("ticker.it.standaloneJar"));
        if (path == null) {
            return;
        }
        watch(path, System.getProperty("ticker.it.reapAlso", ""));
    }

    /**
     * Spawns the reaper without Arquillian, for tests that start their processes themselves (the cluster test: its
     * nodes run the standalone jar, and its Redis and nginx name their configuration folder {@code also} in their
     * command lines).
     *
     * @param path Java processes whose command line contains it are killed
     * @param also process trees whose command line contains it are killed too ("" for none)
     */
    public static void watch(String path, String also) {
        ProcessBuilder reaper = new ProcessBuilder("setsid", "sh", "-c", SCRIPT)
                .redirectInput(Redirect.from(new File("/dev/null")))
                .redirectOutput(Redirect.DISCARD)
                .redirectError(Redirect.DISCARD);
        reaper.environment().put("WATCHED_PID", Long.toString(ProcessHandle.current().pid()));
        reaper.environment().put("REAPED_PATH", path);
        reaper.environment().put("REAPED_ALSO", also);
        try {
            reaper.start();
        } catch (IOException e) {
            // Not fatal for the tests: the pom's pre-integration-test steps still stop stale servers on the next run.
            LOG.log(Level.WARNING, "Could not start the orphan reaper for " + path, e);
        }
    }
}
