package dev.ticker.market;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The simulated exchange: holds each instrument's price and day statistics and, on every tick, moves a random
 * subset of them. Given the same universe, model seed and activity it produces the same quotes in the same order
 * (timestamps aside). Numbers every quote with the next sequence number.
 */
public final class Market {

    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final int LOT = 100;
    private static final int MAX_LOTS_PER_TRADE = 50;

    private final SymbolUniverse universe;
    private final PriceModel model;
    private final RandomGenerator random;
    private final double activity;
    private final Listing[] listings;
    private long lastSeq;
    /** Whether this market has numbered any quote itself; until then its seq origin is only a default. */
    private boolean issued;
    private long day = Long.MIN_VALUE;

    /**
     * @param activity probability, per tick, that a given symbol trades (0 &lt; activity &le; 1)
     * @param seqOrigin the seq before the first quote: the first quote gets {@code seqOrigin + 1}
     */
    public Market(SymbolUniverse universe, PriceModel model, double activity, long seqOrigin) {
        if (!(activity > 0 && activity <= 1)) {
            throw new IllegalArgumentException("activity must be in (0, 1]: " + activity);
        }
        if (seqOrigin < 0) {
            throw new IllegalArgumentException("seq origin must not be negative: " + seqOrigin);
        }
        this.lastSeq = seqOrigin;
        this.universe = universe;
        this.model = model;
        this.random = model.random();
        this.activity = activity;
        this.listings = new Listing[universe.size()];
        for (int i = 0; i < listings.length; i++) {
            listings[i] = new Listing(universe.get(i));
        }
    }

    /**
     * A seq origin that keeps seqs increasing across restarts: the start time in microseconds. A client's cursor
     * or ETag from an earlier run is then always below this run's seqs, so it gets everything current instead of
     * a wrong "nothing changed". Leaves room for a million quotes a second, and stays below 2^53 (exact in
     * JavaScript) until the year 2255.
     */
    public static long seqOriginAt(long startMillis) {
        return Math.multiplyExact(startMillis, 1_000L);
    }

    /** The opening quote of every symbol; call once, before the first tick. */
    public synchronized List<Quote> open(long ts) {
        rollDay(ts);
        List<Quote> quotes = new ArrayList<>(listings.length);
        for (Listing listing : listings) {
            quotes.add(listing.quote(++lastSeq, ts));
        }
        issued = true;
        return quotes;
    }

    /** Moves the symbols that trade on this tick and returns their new quotes, in universe order. */
    public synchronized List<Quote> tick(long ts) {
        rollDay(ts);
        List<Quote> quotes = new ArrayList<>();
        for (Listing listing : listings) {
            if (random.nextDouble() < activity) {
                double price = model.next(listing.exactPrice, listing.instrument.volatility());
                long size = (long) LOT * (1 + random.nextInt(MAX_LOTS_PER_TRADE));
                listing.trade(price, size);
                quotes.add(listing.quote(++lastSeq, ts));
                issued = true;
            }
        }
        return quotes;
    }

    /**
     * Continues where another node's market left off: each symbol with a quote in {@code latest} takes its price, day
     * statistics and count of quotes (symbolSeq); the next quote's seq follows {@code lastSeq} (or this market's own,
     * if that is higher, so a seq never repeats). Symbols without a quote keep their own state. The price walk goes on from the quoted price.
     */
    public synchronized void resume(List<Quote> latest, long lastSeq) {
        continueAfter(lastSeq);
        long newest = latest.stream().mapToLong(Quote::ts).max().orElse(Long.MIN_VALUE);
        if (newest == Long.MIN_VALUE) {
            return;
        }
        if (day == Long.MIN_VALUE) {
            rollDay(newest);
        }
        for (Quote quote : latest) {
            int index = universe.indexOf(quote.symbol());
            if (index < 0) {
                throw new IllegalArgumentException("unknown symbol " + quote.symbol());
            }
            listings[index].restore(quote);
        }
        day = Math.floorDiv(newest, MILLIS_PER_DAY);
    }

    /**
     * Makes the next quote's seq {@code lastSeq + 1}, or the next of this market's own if it has issued a higher
     * one: never a seq it issued before. The seq origin it was built with does not count: a node that joins a
     * cluster later than its first node continues the cluster's sequence, not one of its own. A {@code lastSeq} of 0
     * (nothing issued anywhere yet) leaves the origin as it is.
     */
    public synchronized void continueAfter(long lastSeq) {
        this.lastSeq = issued || lastSeq == 0 ? Math.max(this.lastSeq, lastSeq) : lastSeq;
    }

    /** True once the day has been opened, by {@link #open} or by {@link #resume}. */
    public synchronized boolean isOpen() {
        return day != Long.MIN_VALUE;
    }

    public SymbolUniverse universe() {
        return universe;
    }

    private void rollDay(long ts) {
        long today = Math.floorDiv(ts, MILLIS_PER_DAY);
        if (today != day) {
            day = today;
            for (Listing listing : listings) {
                listing.openDay();
            }
        }
    }

    /** Mutable state of one instrument; guarded by the market's lock. */
    private static final class Listing {
        final Instrument instrument;
        double exactPrice;
        BigDecimal price;
        BigDecimal open;
        BigDecimal high;
        BigDecimal low;
        long volume;
        long quoted;

        Listing(Instrument instrument) {
            this.instrument = instrument;
            this.exactPrice = instrument.startPrice().doubleValue();
            this.price = instrument.startPrice();
        }

        void openDay() {
            open = price;
            high = price;
            low = price;
            volume = 0;
        }

        void trade(double newExactPrice, long size) {
            // The walk keeps full precision; only what is quoted is rounded, so cheap stocks do not stick to a grid.
            exactPrice = newExactPrice;
            price = Prices.round(newExactPrice);
            high = high.max(price);
            low = low.min(price);
            volume += size;
        }

        void restore(Quote quote) {
            exactPrice = quote.price().doubleValue();
            price = quote.price();
            open = quote.open();
            high = quote.high();
            low = quote.low();
            volume = quote.volume();
            quoted = quote.symbolSeq();
        }

        Quote quote(long seq, long ts) {
            return new Quote(instrument.symbol(), price, open, high, low, volume, seq, ts, ++quoted);
        }
    }
}
