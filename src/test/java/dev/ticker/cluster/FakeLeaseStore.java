package dev.ticker.cluster;

import java.util.Optional;

/**
 * A lease store with Redis's {@code SET NX PX} semantics on a fake clock. {@link #unreachable} makes every call fail,
 * as a store that is down does; the lease keeps expiring meanwhile. Hands out the number of the grant as a term's start.
 */
final class FakeLeaseStore implements LeaseStore<Integer> {

    private final FakeClock clock;
    private String holder;
    private long expiresAt;
    private int grants;
    boolean unreachable;

    FakeLeaseStore(FakeClock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<Integer> acquire(String node, long ttlMillis) {
        reachable();
        if (holder() != null) {
            return Optional.empty();
        }
        holder = node;
        expiresAt = clock.millis() + ttlMillis;
        return Optional.of(++grants);
    }

    @Override
    public boolean renew(String node, long ttlMillis) {
        reachable();
        if (!node.equals(holder())) {
            return false;
        }
        expiresAt = clock.millis() + ttlMillis;
        return true;
    }

    @Override
    public void release(String node) {
        reachable();
        if (node.equals(holder())) {
            holder = null;
        }
    }

    /** Who holds the lease now, as the store sees it. */
    String holder() {
        if (holder != null && clock.millis() >= expiresAt) {
            holder = null;
        }
        return holder;
    }

    private void reachable() {
        if (unreachable) {
            throw new IllegalStateException("simulated: the store is unreachable");
        }
    }
}
