package dev.ticker.market;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.ticker.market.Fixtures.quote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuoteBoardTest {

    private final QuoteBoard board = new QuoteBoard(Fixtures.universe());

    @Test
    void keepsTheLatestQuoteOfEachSymbol() {
        board.publish(List.of(quote("ACME", 1), quote("GLOBX", 2)));
        board.publish(List.of(quote("ACME", 3)));

        assertEquals(3, board.latest(0).seq());
        assertEquals(2, board.latest(1).seq());
        assertNull(board.latest(2));
        assertEquals(3, board.latestSeq());
    }

    @Test
    void selectionCursorIsTheHighestSeqAmongTheRequestedSymbols() {
        board.publish(List.of(quote("ACME", 1), quote("GLOBX", 2), quote("PENNY", 3)));

        QuoteSelection selection = board.select(List.of("ACME", "GLOBX"), 0);

        assertEquals(2, selection.seq());
        assertEquals(2, selection.quotes().size());
        assertFalse(selection.gap());
    }

    @Test
    void sinceReturnsOnlyQuotesNewerThanTheCursor() {
        board.publish(List.of(quote("ACME", 1), quote("GLOBX", 2)));
        long cursor = board.select(List.of("ACME", "GLOBX"), 0).seq();
        board.publish(List.of(quote("GLOBX", 3)));

        QuoteSelection changed = board.select(List.of("ACME", "GLOBX"), cursor);

        assertEquals(List.of("GLOBX"), changed.quotes().stream().map(Quote::symbol).toList());
        assertEquals(3, changed.seq());
    }

    @Test
    void nothingNewGivesAnEmptySelectionWithTheSameCursor() {
        board.publish(List.of(quote("ACME", 1)));

        QuoteSelection selection = board.select(List.of("ACME"), 1);

        assertTrue(selection.quotes().isEmpty());
        assertEquals(1, selection.seq());
        assertFalse(selection.gap());
    }

    @Test
    void aCursorFromBeyondTheBoardGetsTheFullSetMarkedAsAGap() {
        board.publish(List.of(quote("ACME", 1), quote("GLOBX", 2)));

        QuoteSelection selection = board.select(List.of("ACME", "GLOBX"), 5_000);

        assertTrue(selection.gap());
        assertEquals(2, selection.quotes().size());
    }

    @Test
    void refusesASeqThatDoesNotIncrease() {
        board.publish(List.of(quote("ACME", 5)));

        assertThrows(IllegalArgumentException.class, () -> board.publish(List.of(quote("GLOBX", 5))));
    }

    @Test
    void aFailingListenerDoesNotKeepQuotesFromTheOthers() {
        List<Quote> received = new ArrayList<>();
        board.addListener(quotes -> {
            throw new IllegalStateException("broken listener");
        });
        board.addListener(received::addAll);

        board.publish(List.of(quote("ACME", 1)));

        assertEquals(1, received.size());
    }

    @Test
    void historyReplaysTheQuotesOfTheWantedSymbolsAfterACursorInSeqOrder() {
        board.publish(List.of(quote("ACME", 1), quote("GLOBX", 2)));
        board.publish(List.of(quote("ACME", 3), quote("PENNY", 4), quote("GLOBX", 5)));
        board.publish(List.of(quote("ACME", 6)));

        List<Quote> replay = board.cut().quotesAfter(2, new boolean[] {true, true, false});

        assertEquals(List.of(3L, 5L, 6L), replay.stream().map(Quote::seq).toList());
    }

    @Test
    void historyThatNoLongerReachesBackToTheCursorReplaysNothing() {
        QuoteBoard small = new QuoteBoard(Fixtures.universe(), 3);
        for (long seq = 1; seq <= 10; seq++) {
            small.publish(List.of(quote("ACME", seq)));
        }

        assertFalse(small.cut().holdsSince(6), "quote 7 was evicted");
        assertNull(small.cut().quotesAfter(6, new boolean[] {true, true, true}));
        assertEquals(List.of(8L, 9L, 10L),
                small.cut().quotesAfter(7, new boolean[] {true, true, true}).stream().map(Quote::seq).toList());
    }

    @Test
    void cursorsFromBeforeThisRunOrFromBeyondTheBoardAreNotHeld() {
        board.publish(List.of(quote("ACME", 1_000), quote("GLOBX", 1_001)));

        assertTrue(board.cut().holdsSince(999), "the cursor just before this run's first quote");
        assertFalse(board.cut().holdsSince(500), "a cursor of an earlier run: its later quotes are gone");
        assertFalse(board.cut().holdsSince(1_002), "a cursor never issued");
    }

    @Test
    void historyOfSizeZeroHoldsOnlyTheLatestSeq() {
        QuoteBoard none = new QuoteBoard(Fixtures.universe(), 0);
        none.publish(List.of(quote("ACME", 1), quote("GLOBX", 2)));

        assertFalse(none.cut().holdsSince(1));
        assertEquals(List.of(), none.cut().quotesAfter(2, new boolean[] {true, true, true}));
    }

    @Test
    void resyncRecordsTheQuotesAndTellsListenersOfTheGapInsteadOfTheQuotes() {
        List<String> heard = new ArrayList<>();
        board.addListener(new QuoteListener() {
            @Override
            public void onQuotes(List<Quote> quotes) {
                heard.add("quotes");
            }

            @Override
            public void onGap() {
                heard.add("gap");
            }
        });
        board.publish(List.of(quote("ACME", 1)));

        board.resync(List.of(quote("GLOBX", 9)));

        assertEquals(List.of("quotes", "gap"), heard);
        assertEquals(9, board.latestSeq());
        assertEquals(9, board.latest(1).seq());
    }

    @Test
    void noResumeReachesBackAcrossAGapEvenOnceOldEntriesAreEvicted() {
        QuoteBoard small = new QuoteBoard(Fixtures.universe(), 2);
        small.publish(List.of(quote("ACME", 1), quote("GLOBX", 2)));
        small.resync(List.of(quote("ACME", 10)));
        small.publish(List.of(quote("GLOBX", 11)));

        assertFalse(small.cut().holdsSince(2), "quotes 3 to 9 are lost");
        assertTrue(small.cut().holdsSince(10));
        assertEquals(List.of(11L), small.cut().quotesAfter(10, new boolean[] {true, true, true}).stream()
                .map(Quote::seq).toList());
    }
}
