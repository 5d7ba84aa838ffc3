package dev.ticker.market;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The most recent quotes of every symbol, in seq order, in a fixed ring: what a client that reconnects missed can
 * be replayed from here while the ring still reaches back to its cursor. Only the board's publisher writes (under
 * the board's lock); readers go through a {@link QuoteBoard.Cut}, which records how far the ring was written when
 * it was taken, and read without a lock.
 *
 * <p>A reader may race with the publisher overwriting the oldest entries. Quotes are immutable (final fields), so
 * a racy read sees either the entry of its cut or a newer quote, never a torn one; a newer quote (seq above the
 * cut's) means the ring has lapped the reader, which then reports that it cannot replay.
 */
final class QuoteHistory {

    private final Quote[] ring;
    /** Quotes appended so far; the next one goes to {@code written % ring.length}. */
    private long written;
    /** The seq of the newest quote the ring no longer holds (or, before any eviction, of none before the first). */
    private long horizon;

    QuoteHistory(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("history capacity must not be negative: " + capacity);
        }
        this.ring = new Quote[capacity];
    }

    int capacity() {
        return ring.length;
    }

    /** Called by the publisher only, in seq order. */
    void append(Quote quote) {
        if (written == 0) {
            horizon = Math.max(horizon, quote.seq() - 1);
        }
        if (ring.length == 0) {
            horizon = quote.seq();
            written++;
            return;
        }
        int slot = (int) (written % ring.length);
        if (ring[slot] != null) {
            // Max: after a gap (see gapUntil) the evicted entries are older than the horizon.
            horizon = Math.max(horizon, ring[slot].seq());
        }
        ring[slot] = quote;
        written++;
    }

    /**
     * Quotes up to {@code seq} were lost before reaching the board (a gap in a cluster's stream): the history no
     * longer reaches back to any cursor below it. Called by the publisher only.
     */
    void gapUntil(long seq) {
        horizon = Math.max(horizon, seq);
    }

    long written() {
        return written;
    }

    long horizon() {
        return horizon;
    }

    /**
     * The quotes with seq above {@code since} and at most {@code cutSeq}, of the symbols {@code wanted} accepts
     * (by universe index), oldest first, as of a cut that saw {@code cutWritten} quotes written; null if the
     * publisher has overwritten some of them since.
     */
    List<Quote> after(long since, long cutSeq, long cutWritten, SymbolUniverse universe, boolean[] wanted) {
        List<Quote> newestFirst = new ArrayList<>();
        long oldest = Math.max(0, cutWritten - ring.length);
        for (long position = cutWritten - 1; position >= oldest; position--) {
            Quote quote = ring[(int) (position % ring.length)];
            if (quote == null || quote.seq() > cutSeq) {
                return null;
            }
            if (quote.seq() <= since) {
                break;
            }
            if (wanted[universe.indexOf(quote.symbol())]) {
                newestFirst.add(quote);
            }
        }
        Collections.reverse(newestFirst);
        return newestFirst;
    }
}
