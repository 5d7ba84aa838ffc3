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
 * sequence order. Keeps a bounded history of the most recent quotes, from which a client that reconnects with a
 * cursor can be given exactly what it missed.
 */
public final class QuoteBoard {

    private static final System.Logger LOG = System.getLogger(QuoteBoard.class.getName());

    /** The history size when none is configured: several seconds of quotes of a busy universe. */
    public static final int DEFAULT_HISTORY = 4_096;

    private final SymbolUniverse universe;
    private final List<QuoteListener> listeners = new CopyOnWriteArrayList<>();
    private final QuoteHistory history;
    private volatile Cut cut;

    public QuoteBoard(SymbolUniverse universe) {
        this(universe, DEFAULT_HISTORY);
    }

    /** @param historySize how many of the most recent quotes (of all symbols) to keep for replay; 0 keeps none */
    public QuoteBoard(SymbolUniverse universe, int historySize) {
        this.universe = universe;
        this.history = new QuoteHistory(historySize);
        this.cut = new Cut(new Quote[universe.size()], 0, 0, 0);
    }

    /** How many recent quotes the history holds at most. */
    public int historySize() {
        return history.capacity();
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
        record(quotes, true);
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
     * {@link QuoteListener#onGap}, so they can resend the whole state instead of a difference, and the history holds
     * nothing up to the last of these quotes: a client resuming from a cursor before them gets a gap.
     */
    public synchronized void resync(List<Quote> quotes) {
        record(quotes, false);
        for (QuoteListener listener : listeners) {
            try {
                listener.onGap();
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "Quote listener " + listener + " failed on a gap; the others were told", e);
            }
        }
    }

    private void record(List<Quote> quotes, boolean contiguous) {
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
        if (contiguous) {
            // Only a batch found valid as a whole enters the history.
            quotes.forEach(history::append);
        } else {
            // What came between the board's last seq and these quotes is lost: no resume may reach back across it.
            history.gapUntil(seq);
        }
        // The volatile write publishes the history entries appended above to every reader of this cut.
        cut = new Cut(latest, seq, history.written(), history.horizon());
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

    /**
     * The board between two publications: the latest quote of every symbol, the highest seq so far, and how far
     * back the history reaches.
     */
    public final class Cut {
        private final Quote[] latest;
        private final long seq;
        private final long historyWritten;
        private final long historyHorizon;

        private Cut(Quote[] latest, long seq, long historyWritten, long historyHorizon) {
            this.latest = latest;
            this.seq = seq;
            this.historyWritten = historyWritten;
            this.historyHorizon = historyHorizon;
        }

        /**
         * Whether the history still holds every quote published after {@code since} up to this cut. False for a
         * cursor this board cannot have issued (above its latest seq) and for one older than this run's first
         * quote (from before a restart: the quotes in between are gone with the earlier run).
         */
        public boolean holdsSince(long since) {
            return since >= historyHorizon && since <= seq;
        }

        /**
         * Every quote of the symbols {@code wanted} accepts (by universe index) published after {@code since} up to
         * this cut, oldest first; null if the history no longer holds them all (see {@link #holdsSince}).
         */
        public List<Quote> quotesAfter(long since, boolean[] wanted) {
            if (!holdsSince(since)) {
                return null;
            }
            return history.after(since, seq, historyWritten, universe, wanted);
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
