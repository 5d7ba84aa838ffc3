package dev.ticker.market;

import java.util.List;

/**
 * Told about every batch of quotes the board publishes, in sequence order, on the publishing thread: it must not block.
 */
@FunctionalInterface
public interface QuoteListener {

    void onQuotes(List<Quote> quotes);

    /**
     * The board jumped over quotes it never got (see {@link QuoteBoard#resync}): what a listener passed on so far is
     * no base for differences any more. Also on the publishing thread, also non-blocking.
     */
    default void onGap() {
    }
}
