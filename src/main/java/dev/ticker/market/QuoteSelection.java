package dev.ticker.market;

import java.util.List;

/**
 * What a poll gets: the quotes newer than its cursor and the new cursor ({@code seq}, the highest sequence number
 * among the requested symbols). {@code gap} is true when the cursor was unknown to this board (for example, from
 * before a restart) and the quotes are the full current set instead of a difference.
 */
public record QuoteSelection(long seq, List<Quote> quotes, boolean gap) {

    public QuoteSelection {
        quotes = List.copyOf(quotes);
    }
}
