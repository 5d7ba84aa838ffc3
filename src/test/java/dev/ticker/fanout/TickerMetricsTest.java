package dev.ticker.fanout;

import dev.ticker.market.Instrument;
import dev.ticker.market.QuoteBoard;
import dev.ticker.market.SymbolUniverse;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TickerMetricsTest {

    private final QuoteBoard board = new QuoteBoard(new SymbolUniverse(List.of(
            new Instrument("ACME", "Acme Corp", BigDecimal.TEN, 0.2))));
    private final DeliveryCounters delivery = new DeliveryCounters();
    private final TickerMetrics metrics = new TickerMetrics(
            new QuoteDistributor<>(board, TestFrames.snapshots(List::toString)), delivery);

    @Test
    void snapshotSumsTheGaugesOfEveryTransport() {
        metrics.addTransport("websocket", () -> 3, () -> 7);
        metrics.addTransport("sse", () -> 2, () -> 1);
        TickerStats stats = metrics.snapshot();
        assertEquals(Map.of("websocket", 3, "sse", 2), stats.sessions());
        assertEquals(8, stats.sendQueueDepth());
    }

    @Test
    void handshakeRejectionsAreCountedByReason() {
        metrics.handshakeRejected("origin");
        metrics.handshakeRejected("origin");
        metrics.handshakeRejected("session-limit");
        assertEquals(Map.of("origin", 2L, "session-limit", 1L), metrics.snapshot().handshakeRejections());
    }

    @Test
    void deliveryCountsFramesUpdatesAndBytes() {
        delivery.sent(3, 120);
        delivery.sent(0, 40);
        delivery.evicted();
        TickerStats stats = metrics.snapshot();
        assertEquals(2, stats.framesSent());
        assertEquals(3, stats.updatesSent());
        assertEquals(160, stats.bytesSent());
        assertEquals(1, stats.sessionsEvicted());
    }
}
