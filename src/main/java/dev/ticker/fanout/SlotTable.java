package dev.ticker.fanout;

/**
 * Maps a symbol's index in the universe to a slot of a {@link SymbolSlots}: open addressing with linear probing in
 * one int array of (symbol + 1, slot) pairs, so it costs a few bytes per subscribed symbol instead of one entry per
 * symbol of the universe. Removal shifts the following entries back instead of leaving tombstones, so lookups never
 * slow down after many subscribe/unsubscribe rounds. Nothing is allocated before the first {@link #put}.
 */
final class SlotTable {

    private static final int[] NONE = {};
    private static final int FIRST_CAPACITY = 8;

    /** Pairs (key, slot); key 0 is an empty entry, else it is the symbol plus one. */
    private int[] entries = NONE;
    private int size;

    int size() {
        return size;
    }

    /** The slot of {@code symbol}, or -1. */
    int slotOf(int symbol) {
        if (size == 0) {
            return -1;
        }
        int mask = capacity() - 1;
        for (int i = home(symbol, mask); ; i = (i + 1) & mask) {
            int key = entries[2 * i];
            if (key == symbol + 1) {
                return entries[2 * i + 1];
            }
            if (key == 0) {
                return -1;
            }
        }
    }

    /** Maps {@code symbol}, which must not be mapped yet, to {@code slot}. */
    void put(int symbol, int slot) {
        if (2 * (size + 1) > capacity()) {
            resize(Math.max(FIRST_CAPACITY, 2 * capacity()));
        }
        insert(symbol, slot);
        size++;
    }

    void remove(int symbol) {
        int mask = capacity() - 1;
        int gap = size == 0 ? -1 : indexOf(symbol, mask);
        if (gap < 0) {
            return;
        }
        // Backward shift: an entry moves into the gap unless its home lies cyclically in (gap, at].
        for (int at = (gap + 1) & mask; entries[2 * at] != 0; at = (at + 1) & mask) {
            int home = home(entries[2 * at] - 1, mask);
            boolean stays = gap <= at ? gap < home && home <= at : gap < home || home <= at;
            if (!stays) {
                entries[2 * gap] = entries[2 * at];
                entries[2 * gap + 1] = entries[2 * at + 1];
                gap = at;
            }
        }
        entries[2 * gap] = 0;
        size--;
        if (size == 0) {
            entries = NONE;
        }
    }

    private int indexOf(int symbol, int mask) {
        for (int i = home(symbol, mask); ; i = (i + 1) & mask) {
            int key = entries[2 * i];
            if (key == symbol + 1) {
                return i;
            }
            if (key == 0) {
                return -1;
            }
        }
    }

    private void insert(int symbol, int slot) {
        int mask = capacity() - 1;
        int i = home(symbol, mask);
        while (entries[2 * i] != 0) {
            i = (i + 1) & mask;
        }
        entries[2 * i] = symbol + 1;
        entries[2 * i + 1] = slot;
    }

    private void resize(int capacity) {
        int[] old = entries;
        entries = new int[2 * capacity];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0) {
                insert(old[i] - 1, old[i + 1]);
            }
        }
    }

    private int capacity() {
        return entries.length / 2;
    }

    /** Fibonacci hashing: consecutive symbol indexes spread over the table. */
    private static int home(int symbol, int mask) {
        return (symbol * 0x9E3779B9 >>> 16) & mask;
    }
}
