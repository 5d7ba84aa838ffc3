package dev.ticker.wire;

import dev.ticker.fanout.QuoteFrames;
import dev.ticker.market.Quote;

import java.util.List;

/**
 * The fan-out's frames in the wire format, shared by every streaming transport (WebSocket and server-sent events),
 * so that each live quote is encoded once for all of them.
 */
public final class WireFrames implements QuoteFrames<Frame> {

    private final WireCodec codec;

    public WireFrames(WireCodec codec) {
        this.codec = codec;
    }

    @Override
    public Frame quote(Quote quote) {
        return new Frame("quote", codec.quote(quote), quote.seq());
    }

    @Override
    public Frame snapshot(List<Quote> quotes) {
        return new Frame("snapshot", codec.snapshot(quotes), highestSeq(quotes));
    }

    @Override
    public Frame resumed(long since) {
        return Frame.reply("snapshot", codec.resumed(since));
    }

    @Override
    public Frame gap(List<Quote> quotes) {
        return new Frame("snapshot", codec.gap(quotes), highestSeq(quotes));
    }

    @Override
    public Frame batch(List<Frame> quotes) {
        List<String> messages = quotes.stream().map(Frame::json).toList();
        return new Frame("quotes", codec.batch(messages), quotes.get(quotes.size() - 1).seq(), quotes.size());
    }

    private static long highestSeq(List<Quote> quotes) {
        return quotes.stream().mapToLong(Quote::seq).max().orElse(0);
    }
}
