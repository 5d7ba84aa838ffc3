package dev.ticker.cluster;

import dev.ticker.market.Quote;

import java.util.List;

/**
 * The shared record of the quote stream (Redis, in production): the latest quote of each symbol and a bounded recent
 * history. Calls may block briefly and may throw when the store is unreachable.
 */
public interface QuoteStore {

    /** The latest quote of every symbol that has one, in any order. */
    List<Quote> latest();

    /** The recorded quotes with a seq above {@code since}, in seq order, as far back as the bounded history reaches. */
    List<Quote> history(long since);

    /** The highest seq recorded, or 0 if none. */
    long lastSeq();
}
