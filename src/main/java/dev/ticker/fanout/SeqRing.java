package dev.ticker.fanout;

/**
 * The send order of a {@link SymbolSlots}: a ring of (slot, seq) entries in the order their frames were offered, which
 * is seq order. An entry whose frame was replaced or dropped since stays behind, stale, until it reaches the head or
 * a {@link #compact} drops it. Empty (no arrays) until {@link #resize}.
 */
final class SeqRing {

    private static final int[] NO_SLOTS = {};
    private static final long[] NO_SEQS = {};

    private int[] slots = NO_SLOTS;
    private long[] seqs = NO_SEQS;
    private int head;
    private int size;

    int capacity() {
        return slots.length;
    }

    boolean isEmpty() {
        return size == 0;
    }

    boolean isFull() {
        return size == slots.length;
    }

    int headSlot() {
        return slots[head];
    }

    long headSeq() {
        return seqs[head];
    }

    void removeHead() {
        head = (head + 1) % slots.length;
        size--;
    }

    void add(int slot, long seq) {
        int tail = (head + size++) % slots.length;
        slots[tail] = slot;
        seqs[tail] = seq;
    }

    /** Keeps only the entries whose frame is still pending in {@code owner}, in order. */
    void compact(SymbolSlots<?> owner) {
        int live = 0;
        for (int i = 0; i < size; i++) {
            int at = (head + i) % slots.length;
            if (owner.isLive(slots[at], seqs[at])) {
                int to = (head + live++) % slots.length;
                slots[to] = slots[at];
                seqs[to] = seqs[at];
            }
        }
        size = live;
    }

    /** Moves the entries, in order, into arrays of {@code capacity} (at least the current size). */
    void resize(int capacity) {
        int[] newSlots = new int[capacity];
        long[] newSeqs = new long[capacity];
        for (int i = 0; i < size; i++) {
            int at = (head + i) % slots.length;
            newSlots[i] = slots[at];
            newSeqs[i] = seqs[at];
        }
        slots = newSlots;
        seqs = newSeqs;
        head = 0;
    }

    void clear() {
        head = 0;
        size = 0;
    }

    void release() {
        slots = NO_SLOTS;
        seqs = NO_SEQS;
        clear();
    }
}
