package dev.ticker.fanout;

import java.util.Arrays;

/**
 * The per-symbol half of an outbox: which symbols are wanted from which seq on (the floor), and the latest unsent
 * frame of each. Frames leave in seq order: a replaced frame gives up its place and the newer one queues behind
 * everything older, so a peer never receives a lower seq after a higher one. Not thread-safe: the owning outbox
 * guards it with its lock.
 *
 * <p>The order is a ring of (symbol, seq) entries; a replaced frame leaves a stale entry behind, skipped on the way
 * out and dropped when the ring fills up, so the ring never holds more than twice the number of symbols. Offers
 * arrive in seq order (the board publishes in order), so the ring is sorted without sorting.
 *
 * @param <F> the encoded frame type
 */
final class SymbolSlots<F> {

    /** What became of an offered frame. */
    enum Offer { REJECTED, QUEUED, REPLACED }

    private static final long NOT_WANTED = Long.MAX_VALUE;

    private final long[] floor;
    private final Object[] pending;
    private final long[] pendingSeq;
    private final int[] ringSymbol;
    private final long[] ringSeq;
    private int head;
    private int size;
    private int pendingCount;

    SymbolSlots(int symbolCount) {
        this.floor = new long[symbolCount];
        Arrays.fill(floor, NOT_WANTED);
        this.pending = new Object[symbolCount];
        this.pendingSeq = new long[symbolCount];
        this.ringSymbol = new int[2 * symbolCount + 1];
        this.ringSeq = new long[ringSymbol.length];
    }

    int symbolCount() {
        return floor.length;
    }

    boolean isWanted(int symbol) {
        return floor[symbol] != NOT_WANTED;
    }

    /** Wants quotes of {@code symbol} above {@code floorSeq} from now on. */
    void want(int symbol, long floorSeq) {
        floor[symbol] = floorSeq;
    }

    void unwant(int symbol) {
        floor[symbol] = NOT_WANTED;
        drop(symbol);
    }

    Offer offer(int symbol, long seq, F frame) {
        if (seq <= floor[symbol]) {
            return Offer.REJECTED;
        }
        Offer result = pending[symbol] == null ? Offer.QUEUED : Offer.REPLACED;
        if (result == Offer.QUEUED) {
            pendingCount++;
        }
        pending[symbol] = frame;
        pendingSeq[symbol] = seq;
        if (size == ringSymbol.length) {
            compact();
        }
        int tail = (head + size++) % ringSymbol.length;
        ringSymbol[tail] = symbol;
        ringSeq[tail] = seq;
        return result;
    }

    /** The seq of the pending frame {@link #poll} would return, or {@link Long#MAX_VALUE} if there is none. */
    long peekSeq() {
        while (size > 0) {
            int symbol = ringSymbol[head];
            long seq = ringSeq[head];
            if (isLive(symbol, seq)) {
                return seq;
            }
            head = (head + 1) % ringSymbol.length;
            size--;
        }
        return Long.MAX_VALUE;
    }

    /** The pending frame with the lowest seq, or null. */
    @SuppressWarnings("unchecked")
    F poll() {
        while (size > 0) {
            int symbol = ringSymbol[head];
            long seq = ringSeq[head];
            head = (head + 1) % ringSymbol.length;
            size--;
            if (isLive(symbol, seq)) {
                F frame = (F) pending[symbol];
                drop(symbol);
                return frame;
            }
        }
        return null;
    }

    int[] wanted() {
        int[] symbols = new int[floor.length];
        int count = 0;
        for (int i = 0; i < floor.length; i++) {
            if (isWanted(i)) {
                symbols[count++] = i;
            }
        }
        return Arrays.copyOf(symbols, count);
    }

    int pendingCount() {
        return pendingCount;
    }

    void clearPending() {
        Arrays.fill(pending, null);
        pendingCount = 0;
        head = 0;
        size = 0;
    }

    private boolean isLive(int symbol, long seq) {
        return pending[symbol] != null && pendingSeq[symbol] == seq;
    }

    private void drop(int symbol) {
        if (pending[symbol] != null) {
            pending[symbol] = null;
            pendingCount--;
        }
    }

    /** Drops stale entries; at most one live entry per symbol remains, so at least half the ring frees up. */
    private void compact() {
        int live = 0;
        for (int i = 0; i < size; i++) {
            int at = (head + i) % ringSymbol.length;
            if (isLive(ringSymbol[at], ringSeq[at])) {
                int to = (head + live++) % ringSymbol.length;
                ringSymbol[to] = ringSymbol[at];
                ringSeq[to] = ringSeq[at];
            }
        }
        size = live;
    }
}
