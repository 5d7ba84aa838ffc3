package dev.ticker.market;

import java.util.List;

/**
 * Told about every batch of quotes the board publishes, in sequence order, on the publishing thread: it must not block.
 */
@FunctionalInterface
public interface QuoteListener {

    void onQuotes(List<Quote> quotes);
}
