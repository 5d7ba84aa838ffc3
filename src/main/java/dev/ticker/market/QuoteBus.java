package dev.ticker.market;

import java.util.List;

/**
 * Where the feed's quotes go, and whether this node may generate them. The {@link LocalBus} hands them straight to
 * this node's board and always lets it generate; a shared bus (Redis) hands them to every node's board and lets one
 * node at a time generate, in turns. Both methods are called on the feed's thread and must never block it.
 */
public interface QuoteBus extends AutoCloseable {

    /** The turn in which this node generates quotes now, or null while another node does. */
    Turn turn();

    /** Publishes quotes generated in {@code turn}; dropped, with the turn, if it has ended meanwhile. */
    void publish(Turn turn, List<Quote> quotes);

    /** Stops taking part: a node that generates hands its turn over. */
    @Override
    void close();

    /**
     * One uninterrupted period in which this node generates, and what the market continues from: the last seq
     * published by anyone, and the latest quote of each symbol (empty: nothing was ever published, so the market
     * opens afresh). Compared by identity: each new turn is a new object.
     */
    final class Turn {
        private final long lastSeq;
        private final List<Quote> latest;

        public Turn(long lastSeq, List<Quote> latest) {
            if (lastSeq < 0) {
                throw new IllegalArgumentException("last seq must not be negative: " + lastSeq);
            }
            this.lastSeq = lastSeq;
            this.latest = List.copyOf(latest);
        }

        public long lastSeq() {
            return lastSeq;
        }

        public List<Quote> latest() {
            return latest;
        }

        @Override
        public String toString() {
            return "turn after seq " + lastSeq + " (" + latest.size() + " latest quotes)";
        }
    }
}
