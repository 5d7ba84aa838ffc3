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
}
