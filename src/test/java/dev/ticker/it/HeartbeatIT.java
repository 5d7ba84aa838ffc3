package dev.ticker.it;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dead and idle peers: the server pings every session every {@code pingIntervalMs} (from the welcome); a peer that
 * answers no ping is closed after missing two, and a quiet peer that answers stays connected. Both clients are
 * subscribed to nothing, so pings are the only traffic they see.
 */
class HeartbeatIT extends DeployedTicker {

    private static final Duration REPLY = Duration.ofSeconds(10);

    @Test
    void peerThatMissesTwoPongsIsClosedWhileAnIdleHealthyPeerStays() throws Exception {
        try (RawWebSocket healthy = RawWebSocket.connectWelcomed(base, REPLY);
             RawWebSocket vanished = RawWebSocket.connectWelcomed(base,
                     new RawWebSocket.Options().answerPings(false), REPLY)) {
            Duration interval = Duration.ofMillis(healthy.limit("pingIntervalMs"));
            assertTrue(interval.toSeconds() < 60, "ping interval " + interval + " is not below 60 s");
            // Missing two pongs takes two intervals, and the check runs once a second; allow a slow machine more.
            Duration bound = interval.multipliedBy(3).plus(REPLY);

            // The healthy peer answers pings on its own thread meanwhile, as a browser would.
            CompletableFuture<Boolean> healthyStays = CompletableFuture.supplyAsync(
                    () -> staysOpenAnsweringPings(healthy, bound));
            int code = awaitCloseIgnoringPings(vanished, bound);
            assertEquals(1001, code, "close code for a peer that never answers pings");
            assertTrue(vanished.pingsReceivedAt().size() >= 2, "pings seen before the close: "
                    + vanished.pingsReceivedAt().size());

            assertTrue(healthyStays.get(bound.plus(REPLY).toSeconds(), TimeUnit.SECONDS),
                    "the healthy idle peer was closed");
            healthy.sendText("{\"type\":\"subscribe\",\"symbols\":[\"ACME\"]}");
            healthy.awaitJson("snapshot", REPLY);
            List<Long> pings = healthy.pingsReceivedAt();
            assertTrue(pings.size() >= 2, "pings answered by the healthy peer: " + pings.size());
        }
    }

    @Test
    void idleHealthyPeerStaysConnectedOverManyPingIntervals() {
        try (RawWebSocket idle = RawWebSocket.connectWelcomed(base, REPLY)) {
            Duration interval = Duration.ofMillis(idle.limit("pingIntervalMs"));
            assertTrue(staysOpenAnsweringPings(idle, interval.multipliedBy(4)), "an idle peer answering pings was closed");
            assertTrue(idle.pingsReceivedAt().size() >= 3, "pings in four intervals: " + idle.pingsReceivedAt().size());
            idle.sendText("{\"type\":\"subscribe\",\"symbols\":[\"ACME\"]}");
            idle.awaitJson("snapshot", REPLY);
        }
    }

    /** Whether {@code client} is still open after {@code period}, answering every ping meanwhile. */
    private static boolean staysOpenAnsweringPings(RawWebSocket client, Duration period) {
        long deadline = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < deadline) {
            RawWebSocket.Frame frame;
            try {
                frame = client.next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (AssertionError quietUntilTheDeadline) {
                return true;
            } catch (RuntimeException reset) {
                return false;
            }
            if (frame == null || frame.opcode() == RawWebSocket.CLOSE) {
                return false;
            }
        }
        return true;
    }

    /** The close code, reading (and not answering) the pings that come first. */
    private static int awaitCloseIgnoringPings(RawWebSocket client, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            RawWebSocket.Frame frame = client.next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (frame == null) {
                return RawWebSocket.NO_CLOSE_FRAME;
            }
            if (frame.opcode() == RawWebSocket.CLOSE) {
                return frame.closeCode();
            }
        }
        throw new AssertionError("not closed within " + within);
    }
}
