package dev.ticker.fanout;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SymbolSlotsTest {

    @Test
    void allocatesNothingUntilTheFirstWant() {
        SymbolSlots<String> slots = new SymbolSlots<>(100_000);

        assertEquals(0, slots.slotCapacity());
        assertEquals(0, slots.ringCapacity());
        assertEquals(SymbolSlots.Offer.REJECTED, slots.offer(5, 1, "q1"));
        assertNull(slots.poll());
    }

    @Test
    void aLargeUniverseWithFewSubscriptionsCostsSlotsForTheSubscriptionsOnly() {
        SymbolSlots<String> slots = new SymbolSlots<>(100_000);
        for (int symbol = 0; symbol < 10; symbol++) {
            slots.want(symbol * 9_999, 0);
        }

        assertEquals(16, slots.slotCapacity());
        assertEquals(33, slots.ringCapacity());
        assertEquals(100_000, slots.symbolCount());
    }

    @Test
    void growsByDoublingAndKeepsWhatWasPending() {
        SymbolSlots<String> slots = new SymbolSlots<>(1_000);
        slots.want(500, 0);
        slots.offer(500, 1, "q1");
        for (int symbol = 0; symbol < 100; symbol++) {
            slots.want(symbol, 0);
        }
        slots.offer(3, 2, "q2");

        assertEquals(128, slots.slotCapacity());
        assertEquals("q1", slots.poll());
        assertEquals("q2", slots.poll());
        assertNull(slots.poll());
    }

    @Test
    void reusesTheSlotOfAnUnwantedSymbol() {
        SymbolSlots<String> slots = new SymbolSlots<>(2_000);
        for (int symbol = 0; symbol < 4; symbol++) {
            slots.want(symbol, 0);
        }
        for (int round = 0; round < 1_000; round++) {
            slots.unwant(round % 4);
            slots.want(4 + round, 0);
            slots.unwant(4 + round);
            slots.want(round % 4, 0);
        }

        assertEquals(4, slots.slotCapacity());
        assertArrayEquals(new int[] {0, 1, 2, 3}, slots.wanted());
    }

    @Test
    void aReusedSlotDoesNotDeliverTheFormerSymbolsFrame() {
        SymbolSlots<String> slots = new SymbolSlots<>(10);
        slots.want(1, 0);
        slots.want(2, 0);
        slots.offer(1, 1, "one1");
        slots.unwant(1);
        slots.want(3, 0);
        slots.offer(2, 2, "two2");
        slots.offer(3, 3, "three3");

        assertEquals("two2", slots.poll());
        assertEquals("three3", slots.poll());
        assertNull(slots.poll());
        assertEquals(0, slots.pendingCount());
    }

    @Test
    void releasesEverythingWhenNothingIsWanted() {
        SymbolSlots<String> slots = new SymbolSlots<>(100);
        slots.want(7, 0);
        slots.offer(7, 1, "q1");
        slots.unwant(7);

        assertEquals(0, slots.slotCapacity());
        assertEquals(0, slots.ringCapacity());
        assertEquals(0, slots.pendingCount());
        assertFalse(slots.isWanted(7));
        assertNull(slots.poll());
    }

    @Test
    void staleEntriesAreCompactedAwayWithoutLosingTheSeqOrder() {
        SymbolSlots<String> slots = new SymbolSlots<>(1_000);
        slots.want(10, 0);
        slots.want(20, 0);
        // The ring holds 2 * 4 + 1 entries: thousands of replacements force many compactions.
        for (int seq = 1; seq <= 10_000; seq++) {
            slots.offer(seq % 3 == 0 ? 10 : 20, seq, "q" + seq);
        }

        assertEquals(9, slots.ringCapacity());
        assertEquals(2, slots.pendingCount());
        assertEquals(9_999, slots.peekSeq());
        assertEquals("q9999", slots.poll());
        assertEquals("q10000", slots.poll());
        assertEquals(Long.MAX_VALUE, slots.peekSeq());
    }

    @Test
    void rejectsWhatTheFloorCovers() {
        SymbolSlots<String> slots = new SymbolSlots<>(10);
        slots.want(4, 7);

        assertEquals(SymbolSlots.Offer.REJECTED, slots.offer(4, 7, "q7"));
        assertEquals(SymbolSlots.Offer.QUEUED, slots.offer(4, 8, "q8"));
        assertEquals(SymbolSlots.Offer.REPLACED, slots.offer(4, 9, "q9"));
    }

    @Test
    void manySymbolsBehaveLikeOneSlotPerSymbolOfTheUniverse() {
        int universe = 5_000;
        SymbolSlots<String> slots = new SymbolSlots<>(universe);
        Model model = new Model(universe);
        SplittableRandom random = new SplittableRandom(6);
        long seq = 0;
        for (int step = 0; step < 200_000; step++) {
            int symbol = random.nextInt(300) * 13;
            switch (random.nextInt(10)) {
                case 0 -> { slots.want(symbol, seq); model.want(symbol, seq); }
                case 1 -> { slots.unwant(symbol); model.unwant(symbol); }
                case 2, 3 -> assertEquals(model.poll(), slots.poll(), "step " + step);
                case 4 -> assertEquals(model.peekSeq(), slots.peekSeq(), "step " + step);
                default -> {
                    seq++;
                    assertEquals(model.offer(symbol, seq, "q" + seq), slots.offer(symbol, seq, "q" + seq));
                }
            }
            assertEquals(model.pending.size(), slots.pendingCount());
        }
        assertArrayEquals(model.wanted(), slots.wanted());
        assertTrue(slots.slotCapacity() <= 512, "slots follow the subscriptions: " + slots.slotCapacity());
    }

    /** The plain semantics: a floor per symbol of the universe and the pending frames by seq. */
    private static final class Model {
        private final long[] floor;
        private final TreeMap<Long, String> pending = new TreeMap<>();
        private final long[] pendingSeq;

        Model(int universe) {
            floor = new long[universe];
            pendingSeq = new long[universe];
            java.util.Arrays.fill(floor, Long.MAX_VALUE);
        }

        void want(int symbol, long floorSeq) {
            floor[symbol] = floorSeq;
        }

        void unwant(int symbol) {
            floor[symbol] = Long.MAX_VALUE;
            pending.remove(pendingSeq[symbol]);
            pendingSeq[symbol] = 0;
        }

        SymbolSlots.Offer offer(int symbol, long seq, String frame) {
            if (seq <= floor[symbol]) {
                return SymbolSlots.Offer.REJECTED;
            }
            boolean replaced = pending.remove(pendingSeq[symbol]) != null;
            pending.put(seq, frame);
            pendingSeq[symbol] = seq;
            return replaced ? SymbolSlots.Offer.REPLACED : SymbolSlots.Offer.QUEUED;
        }

        String poll() {
            var first = pending.pollFirstEntry();
            return first == null ? null : first.getValue();
        }

        long peekSeq() {
            return pending.isEmpty() ? Long.MAX_VALUE : pending.firstKey();
        }

        int[] wanted() {
            List<Integer> symbols = new ArrayList<>();
            for (int symbol = 0; symbol < floor.length; symbol++) {
                if (floor[symbol] != Long.MAX_VALUE) {
                    symbols.add(symbol);
                }
            }
            return symbols.stream().mapToInt(Integer::intValue).toArray();
        }
    }
}
