package dev.ticker.fanout;

/**
 * A token bucket: on average {@code perSecond} events a second, in bursts of up to {@code perSecond}. Times are
 * nanoseconds from any monotonic clock, passed in, so it is deterministic under test. Not thread-safe: one per peer,
 * used by the thread that delivers that peer's messages (containers deliver one message per session at a time).
 */
public final class RateLimit {

    private static final long SECOND = 1_000_000_000L;

    private final int perSecond;
    private double tokens;
    private long refilledAt;

    public RateLimit(int perSecond, long nowNanos) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("perSecond must be positive: " + perSecond);
        }
        this.perSecond = perSecond;
        this.tokens = perSecond;
        this.refilledAt = nowNanos;
    }

    /** Takes one token if there is one; false means the event is over the rate. */
    public boolean tryTake(long nowNanos) {
        long elapsed = Math.max(0, nowNanos - refilledAt);
        tokens = Math.min(perSecond, tokens + (double) elapsed * perSecond / SECOND);
        refilledAt = nowNanos;
        if (tokens < 1) {
            return false;
        }
        tokens--;
        return true;
    }
}
