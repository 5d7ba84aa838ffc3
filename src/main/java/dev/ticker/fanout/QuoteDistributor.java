package dev.ticker.fanout;

import dev.ticker.market.Quote;
import dev.ticker.market.QuoteBoard;
import dev.ticker.market.QuoteListener;
import dev.ticker.market.SymbolUniverse;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Delivers the board's quotes to the outboxes subscribed to their symbols: each quote is encoded once, and only if
 * someone wants it, then offered to every subscriber's outbox, which never blocks. Also performs subscribe and
 * unsubscribe in the order that keeps snapshots and live quotes consistent.
 *
 * @param <F> the encoded frame type
 */
public final class QuoteDistributor<F> implements QuoteListener {

    private final QuoteBoard board;
    private final SymbolUniverse universe;
    private final Function<Quote, F> quoteFrame;
    private final Function<List<Quote>, F> snapshotFrame;
    private final Function<List<Quote>, F> gapFrame;
    private final Subscriptions<ConflatingOutbox<F>> subscriptions;
    private final LongAdder encoded = new LongAdder();
    private final LongAdder offered = new LongAdder();

    public QuoteDistributor(QuoteBoard board, Function<Quote, F> quoteFrame, Function<List<Quote>, F> snapshotFrame) {
        this(board, quoteFrame, snapshotFrame, snapshotFrame);
    }

    /** @param gapFrame encodes the snapshot each subscriber gets after a gap in the board's quotes */
    public QuoteDistributor(QuoteBoard board, Function<Quote, F> quoteFrame, Function<List<Quote>, F> snapshotFrame,
                            Function<List<Quote>, F> gapFrame) {
        this.board = board;
        this.gapFrame = gapFrame;
        this.universe = board.universe();
        this.quoteFrame = quoteFrame;
        this.snapshotFrame = snapshotFrame;
        this.subscriptions = new Subscriptions<>(universe.size());
    }

    @Override
    public void onQuotes(List<Quote> quotes) {
        for (Quote quote : quotes) {
            int symbol = universe.indexOf(quote.symbol());
            Set<ConflatingOutbox<F>> subscribers = subscriptions.subscribers(symbol);
            if (subscribers.isEmpty()) {
                continue;
            }
            F frame = quoteFrame.apply(quote);
            encoded.increment();
            for (ConflatingOutbox<F> outbox : subscribers) {
                outbox.offerQuote(symbol, quote.seq(), frame);
                offered.increment();
            }
        }
    }

    /** Sends every subscriber a snapshot of its symbols, marked as following a gap. */
    @Override
    public void onGap() {
        Set<ConflatingOutbox<F>> outboxes = new HashSet<>();
        for (int symbol = 0; symbol < universe.size(); symbol++) {
            outboxes.addAll(subscriptions.subscribers(symbol));
        }
        for (ConflatingOutbox<F> outbox : outboxes) {
            outbox.resync(board, gapFrame);
        }
    }

    /**
     * Subscribes {@code outbox} to {@code symbols} (all listed) and queues the snapshot of those it did not have.
     *
     * @return the quotes in the snapshot
     */
    public List<Quote> subscribe(ConflatingOutbox<F> outbox, List<String> symbols) {
        int[] indexes = indexes(symbols);
        // Register first: from here on every published quote reaches the outbox, whose floor sorts out the overlap.
        subscriptions.add(outbox, indexes);
        return outbox.subscribe(indexes, board, snapshotFrame);
    }

    /** Unsubscribes {@code outbox} from {@code symbols} (all listed); no quote of them is sent to it afterwards. */
    public void unsubscribe(ConflatingOutbox<F> outbox, List<String> symbols) {
        int[] indexes = indexes(symbols);
        outbox.unsubscribe(indexes);
        subscriptions.remove(outbox, indexes);
    }

    /** Forgets {@code outbox} entirely and closes it. */
    public void remove(ConflatingOutbox<F> outbox) {
        int[] indexes = outbox.subscribedSymbols();
        outbox.close();
        subscriptions.remove(outbox, indexes);
    }

    public int subscriberCount(String symbol) {
        return subscriptions.count(universe.indexOf(symbol));
    }

    /** Quotes encoded so far: at most one per published quote, however many subscribers it has. */
    public long encodedQuotes() {
        return encoded.sum();
    }

    /** Quote frames offered to outboxes so far (before conflation). */
    public long offeredQuotes() {
        return offered.sum();
    }

    private int[] indexes(List<String> symbols) {
        int[] indexes = new int[symbols.size()];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = universe.indexOf(symbols.get(i));
            if (indexes[i] < 0) {
                throw new IllegalArgumentException("unknown symbol " + symbols.get(i));
            }
        }
        return indexes;
    }
}
