package dev.ticker.ee;

import dev.ticker.config.TickerSettings;
import dev.ticker.market.LocalBus;
import dev.ticker.market.QuoteBoard;
import dev.ticker.market.QuoteBus;
import dev.ticker.redis.RedisBus;
import dev.ticker.wire.WireCodec;

import jakarta.enterprise.inject.Instance;

import java.time.Clock;
import java.util.concurrent.ThreadFactory;

/**
 * Picks the bus the {@code bus} setting names. The Redis bus is reached only when configured, so the lean WAR, which
 * lacks the Redis client, runs as long as nobody asks for Redis, and says what to deploy instead when someone does.
 */
final class Buses {

    private Buses() {
    }

    /** {@code threads} is resolved only for the Redis bus: the in-memory one starts no thread. */
    static QuoteBus connect(TickerSettings settings, QuoteBoard board, WireCodec codec,
                            Instance<ThreadFactory> threads) {
        if (settings.bus().isMemory()) {
            return new LocalBus(board);
        }
        try {
            return RedisBus.connect(settings.bus().redis().orElseThrow(), board, codec, Clock.systemUTC(),
                    threads.get());
        } catch (NoClassDefFoundError e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("io/lettuce/")) {
                throw e;
            }
            throw new IllegalStateException("bus=" + settings.bus() + " needs the Redis client (Lettuce), which this "
                    + "WAR does not contain: on an application server deploy ticker-redis.war instead (see "
                    + "docs/scaling.md)", e);
        }
    }
}
