package dev.ticker.market;

import java.util.List;

/**
 * The bus of a node on its own (the default): this node always generates, in one endless turn, and its quotes go
 * straight to its board on the feed's thread.
 */
public final class LocalBus implements QuoteBus {

    private final QuoteBoard board;
    private final Turn turn = new Turn(0, List.of());

    public LocalBus(QuoteBoard board) {
        this.board = board;
    }

    @Override
    public Turn turn() {
        return turn;
    }

    @Override
    public void publish(Turn turn, List<Quote> quotes) {
        board.publish(quotes);
    }

    @Override
    public void close() {
        // Nothing to hand over.
    }
}
