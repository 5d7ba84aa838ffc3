package dev.ticker.it;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Operators configure the ticker without rebuilding the WAR: every target starts it with a non-default tick
 * interval ({@code ticker.it.intervalMs}), each the way its deploy/ recipe documents (command-line option,
 * environment variable, server system property), and the running ticker must report exactly that interval.
 */
class ConfigurationIT extends DeployedTicker {

    private static final long DEFAULT_INTERVAL_MS = 250;

    @Test
    void runsWithTheTickIntervalItsServerWasConfiguredWith() {
        long configured = Long.getLong("ticker.it.intervalMs", -1);
        assertNotEquals(DEFAULT_INTERVAL_MS, configured, "the suite must configure a non-default interval");

        try (PushClient client = PushClient.connect(base)) {
            JsonObject welcome = client.expect("welcome", Duration.ofSeconds(10));

            assertEquals(configured, welcome.getJsonNumber("intervalMs").longValue());
        }
    }
}
