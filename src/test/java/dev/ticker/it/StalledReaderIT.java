package dev.ticker.it;

import dev.ticker.it.standalone.TickerProcess;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.ticker.it.QuoteJson.symbols;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client that stops reading its socket, against a real server and a real socket: its sends stall, it is closed
 * with {@code 1008} once a send has waited longer than the stall timeout, and a healthy client following the same
 * symbols keeps getting its quotes all the while, so the feed never waits for the stalled one.
 *
 * <p>Filling a socket takes megabytes: on loopback Linux lets the server's send buffer grow to a few MB whatever
 * the reader's window, and at the suite's tick rate (a few KB a second per client) that would take many minutes,
 * while a peer that reads nothing also answers no pings and is closed for that first (1001). So this test runs its
 * own standalone ticker, ticking every 10 ms (hundreds of KB a second to a client following every symbol), with the
 * default ping interval; hence it runs on the standalone target only. The eviction itself is the same code on every
 * server ({@code PushSessions}, unit-tested with a send that never completes in {@code PushSessionsTest}).
 */
@Tag("recipe")
@Tag("standalone")
class StalledReaderIT {

    private static final String JAR = System.getProperty("ticker.it.standaloneJar");
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Duration REPLY = Duration.ofSeconds(10);
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(3);
    /** Small, so that the reader's side holds little (Linux raises it to its minimum, a few KB). */
    private static final int RECEIVE_BUFFER = 2048;
    /** Quotes tick a hundred times a second: a window this long without one means they stopped. */
    private static final Duration QUIET_WINDOW = Duration.ofSeconds(2);
    /** Filling the server's send buffer takes seconds, then the stall timeout, then the once-a-second check. */
    private static final Duration EVICTION_BOUND = Duration.ofSeconds(45);

    @Test
    void clientThatStopsReadingIsClosedWith1008AfterTheStallTimeoutWhileOthersKeepGettingQuotes() throws Exception {
        TickerProcess ticker = start();
        try {
            URL base = ticker.url().toURL();
            ApiClient api = new ApiClient(base);
            try (PushClient healthy = PushClient.connect(base)) {
                List<String> universe = symbols(healthy.expect("welcome", REPLY).getJsonArray("symbols"));
                healthy.subscribe(universe.toArray(String[]::new));
                healthy.await("snapshot", REPLY);
                try (RawWebSocket stalled = RawWebSocket.connectWelcomed(base,
                        new RawWebSocket.Options().receiveBuffer(RECEIVE_BUFFER), REPLY)) {
                    assertEquals(STALL_TIMEOUT.toMillis(), stalled.limit("stallTimeoutMs"));
                    long evictedBefore = evicted(api);
                    // Subscribe to everything, then never read again.
                    stalled.sendText(subscribe(universe));
                    long stalledAt = System.nanoTime();
                    int windows = 0;
                    while (evicted(api) == evictedBefore) {
                        assertTrue(System.nanoTime() - stalledAt < EVICTION_BOUND.toNanos(),
                                "the client that stopped reading was not evicted within " + EVICTION_BOUND);
                        assertQuotesWithin(healthy, ++windows);
                    }
                    Duration evictedAfter = Duration.ofNanos(System.nanoTime() - stalledAt);
                    assertTrue(evictedAfter.compareTo(STALL_TIMEOUT) > 0,
                            "evicted after " + evictedAfter + ", within the stall timeout " + STALL_TIMEOUT);

                    // Reading again, the client finds what the server managed to send, then the close.
                    RawWebSocket.Frame close = stalled.awaitCloseFrame(REPLY);
                    assertNotNull(close, "the connection ended without a close frame");
                    assertEquals(1008, close.closeCode(), "close code for a client that stopped reading ('"
                            + close.closeReason() + "')");
                    assertTrue(close.closeReason().contains("not reading"), "close reason '"
                            + close.closeReason() + "'");
                }
                assertQuotesWithin(healthy, 0);
            }
            assertEquals(0, ticker.process().stop(Duration.ofSeconds(20)), ticker.process()::tail);
        } finally {
            ticker.process().kill();
        }
    }

    /** A ticker of its own at the defaults (ping interval, limits) but for a 10 ms tick and a short stall timeout. */
    private static TickerProcess start() throws Exception {
        return TickerProcess.startJar(JAR, List.of("--port=0", "--bind=127.0.0.1", "--interval-ms=10", "--activity=1",
                "--stall-timeout-seconds=" + STALL_TIMEOUT.toSeconds()), Map.of(), STARTUP);
    }

    /** The healthy client gets quotes within every window: the feed does not wait for the stalled client. */
    private static void assertQuotesWithin(PushClient healthy, int window) {
        List<JsonObject> messages = healthy.collectFor(QUIET_WINDOW);
        assertTrue(messages.stream().anyMatch(message -> "quote".equals(message.getString("type", null))),
                () -> "the healthy client got no quote in " + QUIET_WINDOW + (window > 0
                        ? " (window " + window + " while the other client was stalled)" : " after the eviction"));
    }

    private static long evicted(ApiClient api) {
        return api.getJson("api/stats").getJsonNumber("sessionsEvicted").longValueExact();
    }

    private static String subscribe(List<String> symbols) {
        return "{\"type\":\"subscribe\",\"symbols\":[\"" + String.join("\",\"", symbols) + "\"]}";
    }
}
