package dev.ticker.fanout;

import dev.ticker.market.Quote;

import java.util.List;
import java.util.function.Function;

/** Readable frames for tests: quotes as "SYMBOL@seq", the subscribe answers as the test wants them. */
final class TestFrames implements QuoteFrames<String> {

    private final Function<List<Quote>, String> snapshot;

    private TestFrames(Function<List<Quote>, String> snapshot) {
        this.snapshot = snapshot;
    }

    /** Quotes as "SYMBOL@seq", snapshots by {@code snapshot}, a resume as "resumed@since", a gap as "gap:" + snapshot. */
    static QuoteFrames<String> snapshots(Function<List<Quote>, String> snapshot) {
        return new TestFrames(snapshot);
    }

    @Override
    public String quote(Quote quote) {
        return quote.symbol() + "@" + quote.seq();
    }

    @Override
    public String snapshot(List<Quote> quotes) {
        return snapshot.apply(quotes);
    }

    @Override
    public String resumed(long since) {
        return "resumed@" + since;
    }

    @Override
    public String gap(List<Quote> quotes) {
        return "gap:" + snapshot.apply(quotes);
    }

    @Override
    public String batch(List<String> quotes) {
        return "batch" + quotes;
    }
}
