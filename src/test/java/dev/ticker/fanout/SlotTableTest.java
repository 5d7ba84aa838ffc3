package dev.ticker.fanout;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SlotTableTest {

    @Test
    void findsWhatWasPutAndNothingElse() {
        SlotTable table = new SlotTable();
        table.put(7, 0);
        table.put(70_000, 1);

        assertEquals(0, table.slotOf(7));
        assertEquals(1, table.slotOf(70_000));
        assertEquals(-1, table.slotOf(8));
        assertEquals(2, table.size());
    }

    @Test
    void growsPastItsFirstCapacity() {
        SlotTable table = new SlotTable();
        for (int symbol = 0; symbol < 1_000; symbol++) {
            table.put(symbol * 3, symbol);
        }

        for (int symbol = 0; symbol < 1_000; symbol++) {
            assertEquals(symbol, table.slotOf(symbol * 3));
            assertEquals(-1, table.slotOf(symbol * 3 + 1));
        }
    }

    @Test
    void removalKeepsTheCollidingEntriesFindable() {
        SlotTable table = new SlotTable();
        Map<Integer, Integer> model = new HashMap<>();
        SplittableRandom random = new SplittableRandom(6);
        for (int round = 0; round < 100_000; round++) {
            int symbol = random.nextInt(64);
            if (model.containsKey(symbol)) {
                table.remove(symbol);
                model.remove(symbol);
            } else {
                table.put(symbol, round);
                model.put(symbol, round);
            }
            int probe = random.nextInt(64);
            assertEquals(model.getOrDefault(probe, -1), table.slotOf(probe), "round " + round);
        }
        assertEquals(model.size(), table.size());
    }
}
