package dev.ticker.it;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What deploy/README.md promises for Tomcat and Jetty, which have no managed executor: the feed runs on one thread
 * of the webapp's own, {@code ticker-feed}, and that thread ends with the undeploy. Seen from outside, in the
 * server JVM's thread dump ({@code jcmd Thread.print}). RepeatedDeployIT's heap check shows that no tick task
 * survives; this shows that no thread does (a leaked thread would also pin the undeployed webapp's classes).
 */
@ArquillianTest
@Tag("recipe")
@Tag("tomcat")
@Tag("jetty")
class FeedThreadIT {

    private static final String TICKER = "ticker";
    private static final String FEED_THREAD = "\"ticker-feed\"";
    private static final Duration THREAD_END = Duration.ofSeconds(20);

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = TICKER, managed = false, testable = false)
    public static WebArchive ticker() {
        return TickerWar.built();
    }

    @Test
    void feedRunsOnOneThreadOfTheWebappsOwnThatEndsWithTheUndeploy() {
        ProcessHandle server = TargetProcess.server(TargetProcess.marker());
        deployer.deploy(TICKER);
        try {
            assertEquals(1, feedThreads(server), "ticker-feed threads while deployed");
        } finally {
            deployer.undeploy(TICKER);
        }
        // The webapp's disposer waits for the thread, but the context may leave the server's mapper a little before.
        long deadline = System.nanoTime() + THREAD_END.toNanos();
        long threads;
        while ((threads = feedThreads(server)) > 0 && System.nanoTime() < deadline) {
            pause();
        }
        assertEquals(0, threads, "ticker-feed threads " + THREAD_END.toSeconds() + " s after the undeploy");
    }

    private static long feedThreads(ProcessHandle server) {
        return TargetProcess.threadDump(server).lines().filter(line -> line.startsWith(FEED_THREAD)).count();
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
