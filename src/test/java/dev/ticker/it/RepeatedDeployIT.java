package dev.ticker.it;

import dev.ticker.it.arquillian.DeploymentUrls;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.container.annotation.ArquillianTest;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.Optional;

import static dev.ticker.it.QuoteJson.symbols;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Deploys and undeploys the built WAR many times in a row (system property {@code ticker.it.redeploys}, default 5 in the pom).
 * After every deploy the feed must push within seconds: on GlassFish a periodic task scheduled while the application
 * deploys is sometimes lost, and the ticker must not go silent then. Every undeploy must close connected clients
 * as "going away". On the standalone target a deploy is a start of the jar, so this proves restarts too.
 */
@ArquillianTest
class RepeatedDeployIT {

    private static final String TICKER = "ticker";
    private static final int DEFAULT_ROUNDS = 10;
    private static final Duration FIRST_QUOTE = Duration.ofSeconds(5);
    private static final Duration REPLY = Duration.ofSeconds(10);
    private static final int GOING_AWAY = 1001;
    private static final Duration TASK_DRAIN = Duration.ofSeconds(20);
    private static final String TICK_TASK = "dev.ticker.market.MarketFeed$TickRun";

    @ArquillianResource
    private Deployer deployer;

    @ArquillianResource
    private DeploymentUrls urls;

    @Deployment(name = TICKER, managed = false, testable = false)
    public static WebArchive ticker() {
        return TickerWar.built();
    }

    @Test
    void everyRedeployPushesWithinSecondsClosesClientsWith1001AndLeavesNoTickerTaskBehind() {
        int rounds = Integer.getInteger("ticker.it.redeploys", DEFAULT_ROUNDS);
        for (int round = 1; round <= rounds; round++) {
            String where = "round " + round + " of " + rounds;
            deployer.deploy(TICKER);
            PushClient bystander;
            try {
                URL base = urls.of(TICKER);
                bystander = PushClient.connectWelcomed(base, REPLY);
                assertPushesWithin(base, where);
            } finally {
                deployer.undeploy(TICKER);
            }
            try (PushClient closing = bystander) {
                assertEquals(GOING_AWAY, closing.awaitClose(REPLY), where + ": close code on undeploy");
            }
        }
        assertNoTickerTaskOutlivedItsDeployment(rounds);
    }

    /**
     * On a server, every undeployed ticker must have left the scheduler: no instance of the feed's tick task may
     * stay reachable (the feed drops its own references on stop, so only a still-scheduled task would keep one).
     * A cancelled task can wait in a managed executor's queue until its due time, hence the bounded wait.
     * Standalone, an undeploy stops the process: none of this build's ticker processes may remain.
     */
    private static void assertNoTickerTaskOutlivedItsDeployment(int rounds) {
        String marker = TargetProcess.marker();
        if (!TargetProcess.isApplicationServer()) {
            assertEquals(Optional.empty(), TargetProcess.any(marker).map(ProcessHandle::pid),
                    "a ticker process outlived its undeploy");
            return;
        }
        ProcessHandle server = TargetProcess.server(marker);
        long deadline = System.nanoTime() + TASK_DRAIN.toNanos();
        long tasks;
        while ((tasks = TargetProcess.liveInstances(server, TICK_TASK)) > 0 && System.nanoTime() < deadline) {
            sleep(Duration.ofSeconds(1));
        }
        assertEquals(0, tasks, "tick tasks of " + rounds + " undeployed tickers still live in the server's heap");
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** A fresh client that subscribes to every symbol gets a quote within {@link #FIRST_QUOTE}. */
    private static void assertPushesWithin(URL base, String where) {
        try (PushClient fresh = PushClient.connect(base)) {
            JsonObject welcome = fresh.expect("welcome", REPLY);
            // As many symbols as one session may hold (the target may run with a small limit).
            int limit = welcome.getJsonObject("limits").getInt("maxSymbolsPerSession");
            fresh.subscribe(symbols(welcome.getJsonArray("symbols")).stream().limit(limit).toArray(String[]::new));
            fresh.expect("snapshot", REPLY);
            JsonObject quote = fresh.expect("quote", FIRST_QUOTE);
            QuoteJson.assertWellFormed(quote);
        } catch (AssertionError e) {
            throw new AssertionError(where + ": " + e.getMessage(), e);
        }
    }
}
