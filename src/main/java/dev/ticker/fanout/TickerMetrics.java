package dev.ticker.fanout;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Where the ticker's counters meet: the distributor's, the outboxes' delivery counters, the transports' session
 * gauges and the handshake rejections. One per application; {@link #snapshot()} reads them all for the metrics.
 */
public final class TickerMetrics {

    /** A transport's live gauges: its open sessions and what waits in their outboxes. */
    private record Transport(String name, IntSupplier sessions, LongSupplier queueDepth) {
    }

    private final QuoteDistributor<?> distributor;
    private final DeliveryCounters delivery;
    private final CopyOnWriteArrayList<Transport> transports = new CopyOnWriteArrayList<>();
    private final Map<String, LongAdder> rejections = new ConcurrentHashMap<>();

    public TickerMetrics(QuoteDistributor<?> distributor, DeliveryCounters delivery) {
        this.distributor = distributor;
        this.delivery = delivery;
    }

    /** Adds a transport whose sessions and queued messages the metrics report under {@code name}. */
    public void addTransport(String name, IntSupplier sessions, LongSupplier queueDepth) {
        transports.add(new Transport(name, sessions, queueDepth));
    }

    /** Counts one refused WebSocket handshake; {@code reason} is a short stable label such as {@code origin}. */
    public void handshakeRejected(String reason) {
        rejections.computeIfAbsent(reason, key -> new LongAdder()).increment();
    }

    public TickerStats snapshot() {
        Map<String, Integer> sessions = new TreeMap<>();
        long queued = 0;
        for (Transport transport : transports) {
            sessions.merge(transport.name(), transport.sessions().getAsInt(), Integer::sum);
            queued += transport.queueDepth().getAsLong();
        }
        Map<String, Long> rejected = new TreeMap<>();
        rejections.forEach((reason, count) -> rejected.put(reason, count.sum()));
        return new TickerStats(sessions, distributor.publishedQuotes(), distributor.encodedQuotes(),
                distributor.offeredQuotes(), delivery.updatesSent(), delivery.framesSent(), delivery.bytesSent(),
                distributor.conflatedQuotes(), delivery.evictedSessions(), queued, rejected);
    }
}
