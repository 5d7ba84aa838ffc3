package dev.ticker.fanout;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the outboxes of one application have delivered, summed over all sessions and transports. Shared by every
 * outbox; {@link LongAdder}s because many senders count at once and only the metrics read.
 */
public final class DeliveryCounters {

    private final LongAdder updatesSent = new LongAdder();
    private final LongAdder framesSent = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder evicted = new LongAdder();

    /** One frame handed to a transport, carrying {@code updates} quotes (0 for a reply) in {@code bytes}. */
    public void sent(int updates, long bytes) {
        framesSent.increment();
        updatesSent.add(updates);
        bytesSent.add(bytes);
    }

    /** A session cut off because it could not keep up or its transport failed. */
    public void evicted() {
        evicted.increment();
    }

    public long updatesSent() {
        return updatesSent.sum();
    }

    public long framesSent() {
        return framesSent.sum();
    }

    public long bytesSent() {
        return bytesSent.sum();
    }

    public long evictedSessions() {
        return evicted.sum();
    }
}
