package dev.ticker.redis;

import dev.ticker.cluster.QuoteStore;
import dev.ticker.market.Quote;
import dev.ticker.wire.WireCodec;

import io.lettuce.core.Range;
import io.lettuce.core.api.sync.RedisCommands;

import java.util.ArrayList;
import java.util.List;

/** The shared record in Redis: the latest frame of each symbol (a hash) and the recent batches (a sorted set by seq). */
final class RedisQuoteStore implements QuoteStore {

    private final RedisCommands<String, String> redis;
    private final WireCodec codec;

    RedisQuoteStore(RedisCommands<String, String> redis, WireCodec codec) {
        this.redis = redis;
        this.codec = codec;
    }

    @Override
    public List<Quote> latest() {
        List<Quote> latest = new ArrayList<>();
        for (String frame : redis.hvals(RedisKeys.LATEST)) {
            latest.addAll(codec.readQuotes(frame));
        }
        return latest;
    }

    @Override
    public List<Quote> history(long since) {
        // Batches are scored by their last seq: every batch holding a seq above since, the first one perhaps only partly.
        List<Quote> quotes = new ArrayList<>();
        for (String batch : redis.zrangebyscore(RedisKeys.HISTORY, Range.create((double) since, Double.POSITIVE_INFINITY))) {
            for (Quote quote : codec.readQuotes(batch)) {
                if (quote.seq() > since) {
                    quotes.add(quote);
                }
            }
        }
        return quotes;
    }

    @Override
    public long lastSeq() {
        String seq = redis.get(RedisKeys.SEQ);
        return seq == null ? 0 : Long.parseLong(seq);
    }
}
