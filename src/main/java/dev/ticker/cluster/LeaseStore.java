package dev.ticker.cluster;

import java.util.Optional;

/**
 * Where a lease lives (Redis, in production): at most one holder at a time, each grant expiring after its time to
 * live unless renewed. Calls may block briefly and may throw when the store is unreachable.
 *
 * @param <T> what the store hands the new holder along with the lease, read at the same instant
 */
public interface LeaseStore<T> {

    /** Grants the lease to {@code node} if nobody holds it, with what the holder needs to start; else empty. */
    Optional<T> acquire(String node, long ttlMillis);

    /** Extends the lease if {@code node} still holds it; false if it does not. */
    boolean renew(String node, long ttlMillis);

    /** Gives the lease up if {@code node} holds it. */
    void release(String node);
}
