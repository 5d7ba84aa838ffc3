package dev.ticker.market;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The latest quote of every symbol, and the hub quotes flow through: whoever produces quotes publishes them here,
 * and every transport listens here. Reads are lock-free; publishing is serialised so listeners see quotes in
 * sequence order.
 */
public final class QuoteBoard {

    private static final System.Logger LOG = System.getLogger(QuoteBoard.class.getName());

    private final SymbolUniverse universe;
    private final AtomicReferenceArray<Quote> latest;
    private final List<QuoteListener> listeners = new CopyOnWriteArrayList<>();
    private volatile long latestSeq;

    public QuoteBoard(SymbolUniverse universe) {
        this.universe = universe;
        this.latest = new AtomicReferenceArray<>(universe.size());
    }

    public SymbolUniverse universe() {
        return universe;
    }

    public void addListener(QuoteListener listener) {
        listeners.add(listener);
    }

    public void removeListener(QuoteListener listener) {
        listeners.remove(listener);
    }

    /**
     * Records {@code quotes} as the latest of their symbols, then tells every listener. A failing listener is logged
     * and does not stop the others.
     */
    public synchronized void publish(List<Quote> quotes) {
        if (quotes.isEmpty()) {
            return;
        }
        for (Quote quote : quotes) {
            if (quote.seq() <= latestSeq) {
                throw new IllegalArgumentException("seq must increase: " + quote.seq() + " after " + latestSeq);
            }
            int index = universe.indexOf(quote.symbol());
            if (index < 0) {
                throw new IllegalArgumentException("unknown symbol " + quote.symbol());
            }
            // The slot is written before latestSeq so that a reader who sees a seq finds its quote.
            latest.set(index, quote);
            latestSeq = quote.seq();
        }
        for (QuoteListener listener : listeners) {
            try {
                listener.onQuotes(quotes);
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "Quote listener " + listener + " failed; the others still got the quotes", e);
            }
        }
    }

    /** The highest sequence number published so far (0 before the first quote). */
    public long latestSeq() {
        return latestSeq;
    }

    /** The latest quote of the symbol at {@code index}, or null before its first quote. */
    public Quote latest(int index) {
        return latest.get(index);
    }

    /** The latest quotes of {@code symbols} (all listed), in the given order, skipping symbols not yet quoted. */
    public List<Quote> latest(Collection<String> symbols) {
        List<Quote> quotes = new ArrayList<>(symbols.size());
        for (String symbol : symbols) {
            Quote quote = latest.get(requireIndex(symbol));
            if (quote != null) {
                quotes.add(quote);
            }
        }
        return quotes;
    }

    /**
     * The latest quotes of {@code symbols} (all listed) whose seq is above {@code since}, and the cursor for the next
     * poll. A cursor this board cannot have issued (above every seq it has seen) yields the full set, marked as a gap.
     */
    public QuoteSelection select(Collection<String> symbols, long since) {
        long seenSeq = latestSeq;
        List<Quote> current = latest(symbols);
        long cursor = 0;
        for (Quote quote : current) {
            cursor = Math.max(cursor, quote.seq());
        }
        if (since > Math.max(seenSeq, cursor)) {
            return new QuoteSelection(cursor, current, true);
        }
        List<Quote> newer = new ArrayList<>(current.size());
        for (Quote quote : current) {
            if (quote.seq() > since) {
                newer.add(quote);
            }
        }
        return new QuoteSelection(cursor, newer, false);
    }

    private int requireIndex(String symbol) {
        int index = universe.indexOf(symbol);
        if (index < 0) {
            throw new IllegalArgumentException("unknown symbol " + symbol);
        }
        return index;
    }
}
