package dev.ticker.fanout;

import java.util.Arrays;
import java.util.Objects;

/**
 * The per-symbol half of an outbox: which symbols are wanted from which seq on (the floor), and the latest unsent
 * frame of each. Frames leave in seq order: a replaced frame gives up its place and the newer one queues behind
 * everything older, so a peer never receives a lower seq after a higher one. Not thread-safe: the owning outbox
 * guards it with its lock.
 *
 * <p>Memory follows the subscriptions, not the universe (an outbox per session, thousands of sessions): each wanted
 * symbol gets a slot, found through a {@link SlotTable}; the slot arrays start when the first symbol is wanted, grow
 * by doubling, reuse the slots of unwanted symbols, and are all released when nothing is wanted any more.
 *
 * <p>The order is a {@link SeqRing} of (slot, seq) entries; a replaced frame leaves a stale entry behind, skipped on
 * the way out and dropped when the ring fills up, so the ring never holds more than twice the number of slots. Offers
 * arrive in seq order (the board publishes in order), so the ring is sorted without sorting.
 *
 * @param <F> the encoded frame type
 */
final class SymbolSlots<F> {

    /** What became of an offered frame. */
    enum Offer { REJECTED, QUEUED, REPLACED }

    private static final int FIRST_SLOTS = 4;
    private static final int[] NO_INTS = {};
    private static final long[] NO_LONGS = {};
    private static final Object[] NO_FRAMES = {};

    private final int symbolCount;
    private final SlotTable table = new SlotTable();
    /** The symbol in each slot; a free slot holds {@code -2 - next free slot}, so -1 ends the free list. */
    private int[] slotSymbol = NO_INTS;
    private long[] floor = NO_LONGS;
    private Object[] pending = NO_FRAMES;
    private long[] pendingSeq = NO_LONGS;
    private final SeqRing ring = new SeqRing();
    /** Slots handed out so far (free ones included). */
    private int used;
    private int freeSlot = -1;
    private int pendingCount;

    SymbolSlots(int symbolCount) {
        this.symbolCount = symbolCount;
    }

    int symbolCount() {
        return symbolCount;
    }

    boolean isWanted(int symbol) {
        return table.slotOf(Objects.checkIndex(symbol, symbolCount)) >= 0;
    }

    /** Wants quotes of {@code symbol} above {@code floorSeq} from now on. */
    void want(int symbol, long floorSeq) {
        int slot = table.slotOf(Objects.checkIndex(symbol, symbolCount));
        if (slot < 0) {
            slot = takeSlot();
            slotSymbol[slot] = symbol;
            table.put(symbol, slot);
        }
        floor[slot] = floorSeq;
    }

    void unwant(int symbol) {
        int slot = table.slotOf(Objects.checkIndex(symbol, symbolCount));
        if (slot < 0) {
            return;
        }
        drop(slot);
        table.remove(symbol);
        if (table.size() == 0) {
            release();
            return;
        }
        slotSymbol[slot] = -2 - freeSlot;
        freeSlot = slot;
    }

    Offer offer(int symbol, long seq, F frame) {
        int slot = table.slotOf(Objects.checkIndex(symbol, symbolCount));
        if (slot < 0 || seq <= floor[slot]) {
            return Offer.REJECTED;
        }
        Offer result = pending[slot] == null ? Offer.QUEUED : Offer.REPLACED;
        if (result == Offer.QUEUED) {
            pendingCount++;
        }
        pending[slot] = frame;
        pendingSeq[slot] = seq;
        if (ring.isFull()) {
            // At most one live entry per slot, and the ring has room for twice the slots: this frees at least half.
            ring.compact(this);
        }
        ring.add(slot, seq);
        return result;
    }

    /** The seq of the pending frame {@link #poll} would return, or {@link Long#MAX_VALUE} if there is none. */
    long peekSeq() {
        while (!ring.isEmpty()) {
            if (isLive(ring.headSlot(), ring.headSeq())) {
                return ring.headSeq();
            }
            ring.removeHead();
        }
        return Long.MAX_VALUE;
    }

    /** The pending frame with the lowest seq, or null. */
    @SuppressWarnings("unchecked")
    F poll() {
        while (!ring.isEmpty()) {
            int slot = ring.headSlot();
            long seq = ring.headSeq();
            ring.removeHead();
            if (isLive(slot, seq)) {
                F frame = (F) pending[slot];
                drop(slot);
                return frame;
            }
        }
        return null;
    }

    /** The wanted symbols, ascending. */
    int[] wanted() {
        int[] symbols = new int[table.size()];
        int count = 0;
        for (int slot = 0; slot < used; slot++) {
            if (slotSymbol[slot] >= 0) {
                symbols[count++] = slotSymbol[slot];
            }
        }
        Arrays.sort(symbols);
        return symbols;
    }

    int pendingCount() {
        return pendingCount;
    }

    void clearPending() {
        Arrays.fill(pending, null);
        pendingCount = 0;
        ring.clear();
    }

    /** How many slots the arrays hold now, used or not: what the memory is proportional to. */
    int slotCapacity() {
        return slotSymbol.length;
    }

    int ringCapacity() {
        return ring.capacity();
    }

    private int takeSlot() {
        if (freeSlot >= 0) {
            int slot = freeSlot;
            freeSlot = -2 - slotSymbol[slot];
            return slot;
        }
        if (used == slotSymbol.length) {
            grow(Math.max(FIRST_SLOTS, 2 * used));
        }
        return used++;
    }

    private void grow(int slots) {
        slotSymbol = Arrays.copyOf(slotSymbol, slots);
        floor = Arrays.copyOf(floor, slots);
        pending = Arrays.copyOf(pending, slots);
        pendingSeq = Arrays.copyOf(pendingSeq, slots);
        ring.resize(2 * slots + 1);
    }

    /** Nothing is wanted, so nothing is pending: the ring holds only stale entries, and every array can go. */
    private void release() {
        slotSymbol = NO_INTS;
        floor = NO_LONGS;
        pending = NO_FRAMES;
        pendingSeq = NO_LONGS;
        ring.release();
        used = 0;
        freeSlot = -1;
    }

    /** Whether the ring entry (slot, seq) is the frame still pending in that slot, not a stale one. */
    boolean isLive(int slot, long seq) {
        return pending[slot] != null && pendingSeq[slot] == seq;
    }

    private void drop(int slot) {
        if (pending[slot] != null) {
            pending[slot] = null;
            pendingCount--;
        }
    }
}
