package dev.ticker.fanout;

import dev.ticker.market.Quote;

import java.util.List;

/**
 * How a transport encodes what the fan-out sends: live quotes, and the one answer every subscribe gets.
 *
 * @param <F> the encoded frame type
 */
public interface QuoteFrames<F> {

    /** One live or replayed quote. */
    F quote(Quote quote);

    /** The answer to a plain subscribe: the latest quote of each newly subscribed symbol. */
    F snapshot(List<Quote> quotes);

    /** The answer to a subscribe whose cursor the history still covers, after the replayed quotes. */
    F resumed(long since);

    /** The answer to a subscribe whose cursor the history no longer covers: the latest quotes, marked as a gap. */
    F gap(List<Quote> quotes);

    /** Several live quote frames, in seq order, as one frame (two or more, each made by {@link #quote}). */
    F batch(List<F> quotes);
}
