package dev.ticker.fanout;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The per-symbol half of an outbox: which symbols are wanted from which seq on (the floor), and the latest unsent
 * frame of each, oldest first. Not thread-safe: the owning outbox guards it with its lock.
 *
 * @param <F> the encoded frame type
 */
final class SymbolSlots<F> {

    /** What became of an offered frame. */
    enum Offer { REJECTED, QUEUED, REPLACED }

    private static final long NOT_WANTED = Long.MAX_VALUE;

    private final long[] floor;
    private final Object[] pending;
    private final boolean[] queued;
    private final ArrayDeque<Integer> order;

    SymbolSlots(int symbolCount) {
        this.floor = new long[symbolCount];
        Arrays.fill(floor, NOT_WANTED);
        this.pending = new Object[symbolCount];
        this.queued = new boolean[symbolCount];
        this.order = new ArrayDeque<>(symbolCount);
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
        pending[symbol] = null;
    }

    Offer offer(int symbol, long seq, F frame) {
        if (seq <= floor[symbol]) {
            return Offer.REJECTED;
        }
        Offer result = pending[symbol] == null ? Offer.QUEUED : Offer.REPLACED;
        if (!queued[symbol]) {
            queued[symbol] = true;
            order.addLast(symbol);
        }
        pending[symbol] = frame;
        return result;
    }

    /** The oldest pending frame, or null. Slots emptied by {@link #unwant} are skipped. */
    @SuppressWarnings("unchecked")
    F poll() {
        Integer symbol;
        while ((symbol = order.pollFirst()) != null) {
            queued[symbol] = false;
            Object frame = pending[symbol];
            if (frame != null) {
                pending[symbol] = null;
                return (F) frame;
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
        int count = 0;
        for (Object frame : pending) {
            if (frame != null) {
                count++;
            }
        }
        return count;
    }

    void clearPending() {
        Arrays.fill(pending, null);
        Arrays.fill(queued, false);
        order.clear();
    }
}
