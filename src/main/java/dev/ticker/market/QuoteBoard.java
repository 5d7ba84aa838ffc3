package dev.ticker.market;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The latest quote of every symbol, and the hub quotes flow through: whoever produces quotes publishes them here,
 * and every transport listens here. Each publication swaps in a new immutable {@link Cut}, so a reader sees the
 * board between two batches, never halfway through one. Publishing is serialised so listeners see quotes in
 * sequence order.
 */
public final class QuoteBoard {

    private static final System.Logger LOG = System.getLogger(QuoteBoard.class.getName());

    private final SymbolUniverse universe;
    private final List<QuoteListener> listeners = new CopyOnWriteArrayList<>();
    private volatile Cut cut;

    public QuoteBoard(SymbolUniverse universe) {
        this.universe = universe;
        this.cut = new Cut(new Quote[universe.size()], 0);
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
        record(quotes);
        for (QuoteListener listener : listeners) {
            try {
                listener.onQuotes(quotes);
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "Quote listener " + listener + " failed; the others still got the quotes", e);
            }
        }
    }

    /**
     * Records {@code quotes} (newer than everything on the board) after a gap: quotes between the board's last seq and
     * these were lost, for example while the bus was disconnected. Listeners are told with
     * {@link QuoteListener#onGap}, so they can resend the whole state instead of a difference.
     */
    public synchronized void resync(List<Quote> quotes) {
        record(quotes);
        for (QuoteListener listener : listeners) {
            try {
                listener.onGap();
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "Quote listener " + listener + " failed on a gap; the others were told", e);
            }
        }
    }

    private void record(List<Quote> quotes) {
        Quote[] latest = cut.latest.clone();
        long seq = cut.seq;
        for (Quote quote : quotes) {
            if (quote.seq() <= seq) {
                throw new IllegalArgumentException("seq must increase: " + quote.seq() + " after " + seq);
            }
            int index = universe.indexOf(quote.symbol());
            if (index < 0) {
                throw new IllegalArgumentException("unknown symbol " + quote.symbol());
            }
            latest[index] = quote;
            seq = quote.seq();
        }
        cut = new Cut(latest, seq);
    }

    /** The board as of the last publication. */
    public Cut cut() {
        return cut;
    }

    /** The highest sequence number published so far (0 before the first quote). */
    public long latestSeq() {
        return cut.seq;
    }

    /** The latest quote of the symbol at {@code index}, or null before its first quote. */
    public Quote latest(int index) {
        return cut.latest[index];
    }

    /** The latest quotes of {@code symbols} (all listed), in the given order, skipping symbols not yet quoted. */
    public List<Quote> latest(Collection<String> symbols) {
        return cut.latest(symbols);
    }

    /**
     * The latest quotes of {@code symbols} (all listed) whose seq is above {@code since}, and the cursor for the next
     * poll. A cursor this board cannot have issued (above every seq it has published) yields the full set, marked as
     * a gap.
     */
    public QuoteSelection select(Collection<String> symbols, long since) {
        Cut current = cut;
        List<Quote> quotes = current.latest(symbols);
        long cursor = 0;
        for (Quote quote : quotes) {
            cursor = Math.max(cursor, quote.seq());
        }
        if (since > current.seq) {
            return new QuoteSelection(cursor, quotes, true);
        }
        return new QuoteSelection(cursor, quotes.stream().filter(quote -> quote.seq() > since).toList(), false);
    }

    /** The board between two publications: the latest quote of every symbol and the highest seq so far. */
    public final class Cut {
        private final Quote[] latest;
        private final long seq;

        private Cut(Quote[] latest, long seq) {
            this.latest = latest;
            this.seq = seq;
        }

        /** The latest quote of the symbol at {@code index}, or null before its first quote. */
        public Quote quote(int index) {
            return latest[index];
        }

        public long seq() {
            return seq;
        }

        List<Quote> latest(Collection<String> symbols) {
            List<Quote> quotes = new ArrayList<>(symbols.size());
            for (String symbol : symbols) {
                int index = universe.indexOf(symbol);
                if (index < 0) {
                    throw new IllegalArgumentException("unknown symbol " + symbol);
                }
                if (latest[index] != null) {
                    quotes.add(latest[index]);
                }
            }
            return quotes;
        }
    }
}
