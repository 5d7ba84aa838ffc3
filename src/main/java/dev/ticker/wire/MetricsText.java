package dev.ticker.wire;

import dev.ticker.fanout.TickerStats;

import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The ticker's counters in the Prometheus text exposition format (version 0.0.4), for {@code GET metrics}: the
 * same numbers as {@code api/stats}, so a scraper and the demo page never disagree.
 */
public final class MetricsText {

    /** The content type scrapers expect for this format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    public String render(TickerStats stats) {
        StringBuilder text = new StringBuilder(1024);
        gauge(text, "ticker_sessions", "Open sessions by transport.");
        stats.sessions().forEach((transport, count) -> sample(text, "ticker_sessions", "transport", transport, count));
        counter(text, stats, "ticker_quotes_generated_total", "Quotes published by the feed.",
                TickerStats::quotesGenerated);
        counter(text, stats, "ticker_quotes_encoded_total",
                "Quote frames encoded; at most one per published quote, whatever its subscribers.",
                TickerStats::quotesEncoded);
        counter(text, stats, "ticker_updates_offered_total", "Quote frames offered to outboxes, before conflation.",
                TickerStats::updatesOffered);
        counter(text, stats, "ticker_updates_sent_total", "Quotes handed to transports.", TickerStats::updatesSent);
        counter(text, stats, "ticker_frames_sent_total", "Messages handed to transports, quotes and replies.",
                TickerStats::framesSent);
        counter(text, stats, "ticker_bytes_sent_total", "Payload bytes handed to transports, without framing.",
                TickerStats::bytesSent);
        counter(text, stats, "ticker_updates_conflated_total",
                "Pending quotes replaced by a newer quote of their symbol before being sent.",
                TickerStats::updatesConflated);
        counter(text, stats, "ticker_sessions_evicted_total", "Sessions cut off for not keeping up or a failed send.",
                TickerStats::sessionsEvicted);
        gauge(text, "ticker_send_queue_depth", "Quotes and replies waiting in all outboxes.");
        sample(text, "ticker_send_queue_depth", null, null, stats.sendQueueDepth());
        text.append("# HELP ticker_handshake_rejections_total Refused WebSocket handshakes by reason.\n")
                .append("# TYPE ticker_handshake_rejections_total counter\n");
        for (Map.Entry<String, Long> rejection : stats.handshakeRejections().entrySet()) {
            sample(text, "ticker_handshake_rejections_total", "reason", rejection.getKey(), rejection.getValue());
        }
        return text.toString();
    }

    private static void counter(StringBuilder text, TickerStats stats, String name, String help,
                                ToLongFunction<TickerStats> value) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" counter\n");
        sample(text, name, null, null, value.applyAsLong(stats));
    }

    private static void gauge(StringBuilder text, String name, String help) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" gauge\n");
    }

    private static void sample(StringBuilder text, String name, String label, String labelValue, long value) {
        text.append(name);
        if (label != null) {
            text.append('{').append(label).append("=\"").append(escape(labelValue)).append("\"}");
        }
        text.append(' ').append(value).append('\n');
    }

    /** Label values escape backslash, double quote and line feed, as the format requires. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
