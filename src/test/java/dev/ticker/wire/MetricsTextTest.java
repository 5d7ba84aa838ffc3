package dev.ticker.wire;

import dev.ticker.fanout.TickerStats;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsTextTest {

    private final TickerStats stats = new TickerStats(Map.of("websocket", 12), 1000, 400, 4000, 3900, 2100, 250_000,
            100, 1, 5, Map.of("origin", 3L, "say \"hi\"", 1L));

    @Test
    void writesEveryCounterWithHelpAndType() {
        String text = new MetricsText().render(stats);
        assertTrue(text.contains("# TYPE ticker_quotes_encoded_total counter\nticker_quotes_encoded_total 400\n"), text);
        assertTrue(text.contains("# TYPE ticker_sessions gauge\n"), text);
        assertTrue(text.contains("ticker_sessions{transport=\"websocket\"} 12\n"), text);
        assertTrue(text.contains("ticker_bytes_sent_total 250000\n"), text);
        assertTrue(text.contains("ticker_send_queue_depth 5\n"), text);
        assertTrue(text.contains("ticker_handshake_rejections_total{reason=\"origin\"} 3\n"), text);
    }

    @Test
    void escapesLabelValues() {
        String text = new MetricsText().render(stats);
        assertTrue(text.contains("ticker_handshake_rejections_total{reason=\"say \\\"hi\\\"\"} 1\n"), text);
    }
}
