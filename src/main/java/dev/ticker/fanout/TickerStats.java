package dev.ticker.fanout;

import java.util.Map;
import java.util.Objects;

/**
 * The ticker's counters at one instant, as {@code api/stats} and {@code metrics} report them.
 *
 * @param sessions            open sessions per transport (e.g. {@code websocket})
 * @param quotesGenerated     quotes the feed has published
 * @param quotesEncoded       quote frames encoded: at most one per published quote, whatever its subscribers
 * @param updatesOffered      quote frames offered to outboxes, before conflation
 * @param updatesSent         quotes handed to transports, in frames of one or more
 * @param framesSent          messages handed to transports, quotes and replies
 * @param bytesSent           payload bytes of those messages (UTF-8, without transport framing)
 * @param updatesConflated    pending quotes replaced by a newer quote of their symbol before being sent
 * @param sessionsEvicted     sessions cut off for not keeping up or a failed send
 * @param sendQueueDepth      quotes and replies waiting in all outboxes now
 * @param handshakeRejections refused WebSocket handshakes by reason
 */
public record TickerStats(Map<String, Integer> sessions, long quotesGenerated, long quotesEncoded,
                          long updatesOffered, long updatesSent, long framesSent, long bytesSent,
                          long updatesConflated, long sessionsEvicted, long sendQueueDepth,
                          Map<String, Long> handshakeRejections) {

    public TickerStats {
        sessions = Map.copyOf(Objects.requireNonNull(sessions, "sessions"));
        handshakeRejections = Map.copyOf(Objects.requireNonNull(handshakeRejections, "handshakeRejections"));
    }
}
