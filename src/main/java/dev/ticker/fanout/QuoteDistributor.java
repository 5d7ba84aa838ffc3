package dev.ticker.fanout;

import dev.ticker.market.Quote;
import dev.ticker.market.QuoteBoard;
import dev.ticker.market.QuoteListener;
import dev.ticker.market.SymbolUniverse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Delivers the board's quotes to the outboxes subscribed to their symbols: each quote is encoded once, and only if
 * someone wants it, then offered to every subscriber's outbox, which never blocks. Also performs subscribe and
 * unsubscribe in the order that keeps snapshots and live quotes consistent.
 *
 * @param <F> the encoded frame type
 */
public final class QuoteDistributor<F> implements QuoteListener {

    /** Below this many outboxes per lane a tick's sends start on the delivering thread alone: a hand-off costs more. */
    static final int MIN_OUTBOXES_PER_LANE = 500;

    private final QuoteBoard board;
    private final SymbolUniverse universe;
    private final QuoteFrames<F> frames;
    private final Subscriptions<ConflatingOutbox<F>> subscriptions;
    private final LongAdder published = new LongAdder();
    private final LongAdder encoded = new LongAdder();
    private final LongAdder offered = new LongAdder();
    private final LongAdder conflated = new LongAdder();
    /** Ticks delivered so far; only {@link #onQuotes} uses it, which the board calls one tick at a time. */
    private long ticks;
    private final Executor helpers;
    private final int lanes;
    /** Lanes handed to {@link #helpers} and not finished: never more than {@code lanes - 1}. */
    private final AtomicInteger helpersBusy = new AtomicInteger();

    public QuoteDistributor(QuoteBoard board, QuoteFrames<F> frames) {
        this(board, frames, Runnable::run, 1);
    }

    /**
     * @param helpers runs the starting of sends for part of a large tick, beside the delivering thread
     * @param lanes   how many threads may start a tick's sends at once, the delivering one included: the cores
     */
    public QuoteDistributor(QuoteBoard board, QuoteFrames<F> frames, Executor helpers, int lanes) {
        if (lanes < 1) {
            throw new IllegalArgumentException("lanes must be at least 1, not " + lanes);
        }
        this.board = board;
        this.universe = board.universe();
        this.frames = frames;
        this.subscriptions = new Subscriptions<>(universe.size());
        this.helpers = helpers;
        this.lanes = lanes;
    }

    @Override
    public void onQuotes(List<Quote> quotes) {
        published.add(quotes.size());
        // Offer the whole tick first, then start the sends: a subscriber gets its quotes of the tick in one batch.
        // Each outbox is listed once, by the tick it was last staged in: a set of 10,000 outboxes cost the feed
        // thread an eighth of its time in hashing at 100,000 updates a second.
        long tick = ++ticks;
        List<ConflatingOutbox<F>> touched = new ArrayList<>();
        for (Quote quote : quotes) {
            int symbol = universe.indexOf(quote.symbol());
            Set<ConflatingOutbox<F>> subscribers = subscriptions.subscribers(symbol);
            if (subscribers.isEmpty()) {
                continue;
            }
            F frame = frames.quote(quote);
            encoded.increment();
            for (ConflatingOutbox<F> outbox : subscribers) {
                if (outbox.stageQuote(symbol, quote.seq(), frame)) {
                    conflated.increment();
                }
                if (outbox.stagedInTick != tick) {
                    outbox.stagedInTick = tick;
                    touched.add(outbox);
                }
                offered.increment();
            }
        }
        flushAll(touched);
    }

    /**
     * Starts the sends of a tick's outboxes. Starting a send is the costly part of a tick (the engine frames and
     * writes the batch right there), so a large tick is split into lanes: the others go to the helpers, the first
     * stays on this thread. A lane whose helper is still busy with an earlier tick, or that the helpers refuse, runs
     * here as well, so the helpers never queue up work and a slow tick slows only the ticks behind it.
     */
    private void flushAll(List<ConflatingOutbox<F>> touched) {
        int used = Math.min(lanes, Math.max(1, touched.size() / MIN_OUTBOXES_PER_LANE));
        int perLane = (touched.size() + used - 1) / used;
        for (int lane = 1; lane < used; lane++) {
            List<ConflatingOutbox<F>> part = touched.subList(lane * perLane,
                    Math.min(touched.size(), (lane + 1) * perLane));
            if (!handOff(part)) {
                flushEach(part);
            }
        }
        flushEach(touched.subList(0, Math.min(touched.size(), perLane)));
    }

    private boolean handOff(List<ConflatingOutbox<F>> part) {
        if (helpersBusy.incrementAndGet() > lanes - 1) {
            helpersBusy.decrementAndGet();
            return false;
        }
        try {
            helpers.execute(() -> {
                try {
                    flushEach(part);
                } finally {
                    helpersBusy.decrementAndGet();
                }
            });
            return true;
        } catch (RuntimeException refused) {
            // Shutting down, or no executor to be had: this thread starts them.
            helpersBusy.decrementAndGet();
            return false;
        }
    }

    private static <F> void flushEach(List<ConflatingOutbox<F>> outboxes) {
        for (ConflatingOutbox<F> outbox : outboxes) {
            outbox.flush();
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
            outbox.resync(board, frames);
        }
    }

    /**
     * Subscribes {@code outbox} to {@code symbols} (all listed) and queues the snapshot of those it did not have.
     *
     * @return the quotes in the snapshot
     */
    public List<Quote> subscribe(ConflatingOutbox<F> outbox, List<String> symbols) {
        return subscribe(outbox, symbols, ConflatingOutbox.NO_CURSOR);
    }

    /**
     * Subscribes {@code outbox} to {@code symbols} (all listed), resuming from the cursor {@code since}: the quotes
     * of the symbols it did not have that were published after {@code since}, if the board's history still holds
     * them, else their snapshot marked as a gap (see {@link ConflatingOutbox#subscribe}).
     *
     * @return the quotes queued
     */
    public List<Quote> subscribe(ConflatingOutbox<F> outbox, List<String> symbols, long since) {
        int[] indexes = indexes(symbols);
        // Register first: from here on every published quote reaches the outbox, whose floor sorts out the overlap.
        subscriptions.add(outbox, indexes);
        return outbox.subscribe(indexes, board, frames, since);
    }

    /**
     * A new outbox for one peer of a streaming transport, sized for this distributor's universe and history, that
     * batches a tick's quotes into one frame.
     */
    public ConflatingOutbox<F> newOutbox(FrameSink<F> sink, int replyCapacity) {
        return new ConflatingOutbox<>(sink, universe.size(), replyCapacity, replayCapacity(), frames);
    }

    /** How many replayed frames an outbox should accept at most: the board's history size. */
    public int replayCapacity() {
        return board.historySize();
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

    /** Quotes the board has published so far, whether anyone wanted them or not. */
    public long publishedQuotes() {
        return published.sum();
    }

    /** Quotes encoded so far: at most one per published quote, however many subscribers it has. */
    public long encodedQuotes() {
        return encoded.sum();
    }

    /** Offered quotes that replaced an unsent quote of their symbol in an outbox (conflation). */
    public long conflatedQuotes() {
        return conflated.sum();
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
