package dev.ticker.redis;

import dev.ticker.cluster.LeaseStore;
import dev.ticker.market.Market;
import dev.ticker.market.Quote;
import dev.ticker.market.QuoteBoard;
import dev.ticker.market.QuoteBus;
import dev.ticker.wire.WireCodec;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The leader lease in Redis ({@code SET NX PX}, renewed with {@code PEXPIRE} while held). A new leader gets, read
 * in the same script, the last seq and the latest quotes to continue from. If Redis has lost them (restarted
 * empty) or holds less than this node has seen, the new leader continues from its own board instead, with its seq
 * moved ahead to the current time in microseconds: every node then sees the jump as a gap and resyncs, so no seq is
 * reused for a different quote.
 */
final class RedisLeaseStore implements LeaseStore<QuoteBus.Turn> {

    private final RedisCommands<String, String> redis;
    private final QuoteBoard board;
    private final WireCodec codec;
    private final Clock clock;

    RedisLeaseStore(RedisCommands<String, String> redis, QuoteBoard board, WireCodec codec, Clock clock) {
        this.redis = redis;
        this.board = board;
        this.codec = codec;
        this.clock = clock;
    }

    @Override
    public Optional<QuoteBus.Turn> acquire(String node, long ttlMillis) {
        List<Object> reply = redis.eval(RedisKeys.ACQUIRE, ScriptOutputType.MULTI, RedisKeys.LEASE_KEYS,
                node, Long.toString(ttlMillis));
        if (((Long) reply.get(0)) != 1L) {
            return Optional.empty();
        }
        String seqText = (String) reply.get(1);
        long recorded = seqText.isEmpty() ? 0 : Long.parseLong(seqText);
        QuoteBoard.Cut seen = board.cut();
        if (recorded > 0 && recorded >= seen.seq()) {
            return Optional.of(new QuoteBus.Turn(recorded, frames(reply.get(2))));
        }
        long ahead = Math.max(seen.seq(), Market.seqOriginAt(clock.millis()));
        return Optional.of(new QuoteBus.Turn(Math.max(ahead, recorded), latestOf(seen)));
    }

    @Override
    public boolean renew(String node, long ttlMillis) {
        Long renewed = redis.eval(RedisKeys.RENEW, ScriptOutputType.INTEGER, new String[] {RedisKeys.LEADER},
                node, Long.toString(ttlMillis));
        return renewed != null && renewed == 1L;
    }

    @Override
    public void release(String node) {
        redis.eval(RedisKeys.RELEASE, ScriptOutputType.INTEGER, new String[] {RedisKeys.LEADER}, node);
    }

    private List<Quote> frames(Object values) {
        List<Quote> latest = new ArrayList<>();
        for (Object frame : (List<?>) values) {
            latest.addAll(codec.readQuotes((String) frame));
        }
        return latest;
    }

    private List<Quote> latestOf(QuoteBoard.Cut cut) {
        List<Quote> latest = new ArrayList<>();
        for (int i = 0; i < board.universe().size(); i++) {
            if (cut.quote(i) != null) {
                latest.add(cut.quote(i));
            }
        }
        return latest;
    }
}
