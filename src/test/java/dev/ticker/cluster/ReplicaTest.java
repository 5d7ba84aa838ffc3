package dev.ticker.cluster;

import dev.ticker.market.Instrument;
import dev.ticker.market.Quote;
import dev.ticker.market.QuoteBoard;
import dev.ticker.market.QuoteListener;
import dev.ticker.market.SymbolUniverse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplicaTest {

    private final QuoteBoard board = new QuoteBoard(new SymbolUniverse(List.of(
            new Instrument("ACME", "Acme", BigDecimal.TEN, 0.1),
            new Instrument("GLOBX", "Globex", BigDecimal.TEN, 0.1))));
    private final MemoryStore store = new MemoryStore();
    private final Replica replica = new Replica(board, store);
    /** What the board's listeners heard: the seqs of each batch, or "gap". */
    private final List<String> heard = new ArrayList<>();

    @BeforeEach
    void listen() {
        board.addListener(new QuoteListener() {
            @Override
            public void onQuotes(List<Quote> quotes) {
                heard.add(quotes.stream().map(Quote::seq).toList().toString());
            }

            @Override
            public void onGap() {
                heard.add("gap");
            }
        });
    }

    @Test
    void joiningNodeGetsTheLatestOfQuietSymbolsThenTheRecentHistory() {
        store.record(quote("GLOBX", 5));
        store.record(quote("ACME", 6), quote("ACME", 7));
        store.trimTo(1);

        replica.join();

        assertEquals(List.of("gap", "[6, 7]"), heard);
        assertEquals(7, board.latestSeq());
        assertEquals(5, board.latest(1).seq());
        assertTrue(board.cut().holdsSince(5), "a resume from the first recorded batch on replays");
        assertFalse(board.cut().holdsSince(4), "nothing before the quiet symbols' quotes can be replayed");
    }

    @Test
    void consecutiveBatchesPassStraightThroughAndDuplicatesAreDropped() {
        replica.receive(List.of(quote("ACME", 1), quote("GLOBX", 2)));
        replica.receive(List.of(quote("ACME", 2), quote("ACME", 3)));
        replica.receive(List.of(quote("ACME", 3)));

        assertEquals(List.of("[1, 2]", "[3]"), heard);
    }

    @Test
    void missedBatchesAreTakenFromTheHistoryWithoutAGap() {
        replica.receive(store.record(quote("ACME", 1)));
        store.record(quote("GLOBX", 2));
        store.record(quote("ACME", 3));

        replica.receive(store.record(quote("ACME", 4)));

        assertEquals(List.of("[1]", "[2, 3, 4]"), heard);
    }

    @Test
    void quotesGoneFromTheHistoryBecomeAGapResyncedFromTheLatest() {
        replica.receive(store.record(quote("ACME", 1), quote("GLOBX", 2)));
        store.record(quote("GLOBX", 3));
        store.record(quote("ACME", 4));
        store.trimTo(1);

        replica.receive(store.record(quote("ACME", 5)));

        assertEquals(List.of("[1, 2]", "gap"), heard);
        assertEquals(5, board.latestSeq());
        assertEquals(3, board.latest(1).seq(), "GLOBX's latest came from the store");
    }

    @Test
    void periodicCheckCatchesUpABatchStillMissingOneCheckLater() {
        replica.receive(store.record(quote("ACME", 1)));
        store.record(quote("GLOBX", 2));
        replica.check();
        assertEquals(List.of("[1]"), heard, "a batch may just be in flight: no catching up yet");

        replica.check();

        assertEquals(List.of("[1]", "[2]"), heard);
    }

    @Test
    void periodicCheckLeavesABatchThatArrivedInTimeAlone() {
        store.record(quote("ACME", 1));
        replica.check();
        replica.receive(List.of(quote("ACME", 1)));

        replica.check();

        assertEquals(List.of("[1]"), heard);
    }

    @Test
    void anEmptiedStoreIsNoGapUntilNewQuotesJumpAhead() {
        replica.receive(store.record(quote("ACME", 1)));
        store.wipe();
        replica.catchUp();

        replica.receive(store.record(quote("GLOBX", 1_000)));

        assertEquals(List.of("[1]", "gap"), heard);
        assertEquals(1_000, board.latestSeq());
    }

    private static Quote quote(String symbol, long seq) {
        return new Quote(symbol, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN, 0, seq, 0, 1);
    }

    /** A store in memory: batches of history, trimmed by the test, and the latest quote per symbol. */
    private static final class MemoryStore implements QuoteStore {
        private final List<List<Quote>> batches = new ArrayList<>();
        private final Map<String, Quote> latest = new HashMap<>();
        private long lastSeq;

        List<Quote> record(Quote... quotes) {
            List<Quote> batch = List.of(quotes);
            batches.add(batch);
            batch.forEach(quote -> latest.put(quote.symbol(), quote));
            lastSeq = batch.get(batch.size() - 1).seq();
            return batch;
        }

        void trimTo(int count) {
            while (batches.size() > count) {
                batches.remove(0);
            }
        }

        void wipe() {
            batches.clear();
            latest.clear();
            lastSeq = 0;
        }

        @Override
        public List<Quote> latest() {
            return latest.values().stream().sorted(Comparator.comparing(Quote::symbol)).toList();
        }

        @Override
        public List<Quote> history(long since) {
            return batches.stream().flatMap(List::stream).filter(quote -> quote.seq() > since).toList();
        }

        @Override
        public long lastSeq() {
            return lastSeq;
        }
    }
}
