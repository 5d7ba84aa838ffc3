package dev.ticker.it;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dead and idle peers: the server pings every session every {@code pingIntervalMs} (from the welcome); a peer that
 * answers no ping is closed after missing two, and a quiet peer that answers stays connected, watched side by side
 * over at least four intervals. Both clients are subscribed to nothing, so pings are the only traffic they see.
 */
class HeartbeatIT extends DeployedTicker {

    private static final Duration REPLY = Duration.ofSeconds(10);
    /** How many ping intervals the idle healthy peer is watched for, at least. */
    private static final int HEALTHY_INTERVALS = 4;

    @Test
    void peerThatMissesTwoPongsIsClosedWhileAnIdleHealthyPeerStaysOverManyPingIntervals() throws Exception {
        try (RawWebSocket healthy = RawWebSocket.connectWelcomed(base, REPLY);
             RawWebSocket vanished = RawWebSocket.connectWelcomed(base,
                     new RawWebSocket.Options().answerPings(false), REPLY)) {
            Duration interval = Duration.ofMillis(healthy.limit("pingIntervalMs"));
            assertTrue(interval.toSeconds() < 60, "ping interval " + interval + " is not below 60 s");
            // Missing two pongs takes two intervals, and the check runs once a second; allow a slow machine more.
            Duration bound = interval.multipliedBy(3).plus(REPLY);

            // The healthy peer answers pings on its own thread meanwhile, as a browser would, until told otherwise.
            long watchedFrom = System.nanoTime();
            AtomicLong watchUntil = new AtomicLong(watchedFrom + bound.toNanos());
            CompletableFuture<Boolean> healthyStays = CompletableFuture.supplyAsync(
                    () -> staysOpenAnsweringPings(healthy, watchUntil));
            int code = awaitCloseIgnoringPings(vanished, bound);
            assertEquals(1001, code, "close code for a peer that never answers pings");
            assertTrue(vanished.pingsReceivedAt().size() >= 2, "pings seen before the close: "
                    + vanished.pingsReceivedAt().size());

            // The healthy peer must stay over four intervals in all, and one more after the other's close.
            watchUntil.set(Math.max(System.nanoTime() + interval.toNanos(),
                    watchedFrom + interval.multipliedBy(HEALTHY_INTERVALS).toNanos()));
            assertTrue(healthyStays.get(bound.plus(REPLY).toSeconds(), TimeUnit.SECONDS),
                    "the healthy idle peer was closed");
            List<Long> pings = healthy.pingsReceivedAt();
            assertTrue(pings.size() >= HEALTHY_INTERVALS - 1, "pings answered by the healthy peer over "
                    + HEALTHY_INTERVALS + " intervals: " + pings.size());
            healthy.sendText("{\"type\":\"subscribe\",\"symbols\":[\"ACME\"]}");
            healthy.awaitJson("snapshot", REPLY);
        }
    }

    /**
     * Whether {@code client} is still open when the monotonic time reaches {@code until} (which may be moved while
     * this runs), answering every ping meanwhile.
     */
    private static boolean staysOpenAnsweringPings(RawWebSocket client, AtomicLong until) {
        long left;
        while ((left = until.get() - System.nanoTime()) > 0) {
            RawWebSocket.Frame frame;
            try {
                frame = client.next(Duration.ofNanos(left));
            } catch (AssertionError quietUntilTheDeadline) {
                continue;
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
