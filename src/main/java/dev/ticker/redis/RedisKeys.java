package dev.ticker.redis;

/**
 * The keys and channel the nodes of one cluster share, and the Lua scripts that change them atomically. Several
 * clusters share a Redis by using different databases ({@code redis://host:port/N}).
 */
final class RedisKeys {

    /** The lease: the node id of the leader, expiring unless renewed. */
    static final String LEADER = "ticker:leader";
    /** The seq of the last quote published. */
    static final String SEQ = "ticker:seq";
    /** Hash: symbol to its latest quote frame. */
    static final String LATEST = "ticker:latest";
    /** Sorted set: one batch per tick, scored by its last seq. */
    static final String HISTORY = "ticker:history";
    /** Pub/sub: every batch, as published. */
    static final String CHANNEL = "ticker:quotes";

    static final String[] LEASE_KEYS = {LEADER, SEQ, LATEST};
    static final String[] PUBLISH_KEYS = {LEADER, SEQ, LATEST, HISTORY, CHANNEL};

    /**
     * Takes the lease if nobody holds it and returns, at the same instant, what the new leader continues from:
     * {@code {1, last seq or "", {latest frames}}}, or {@code {0}}. ARGV: node, ttl in ms.
     */
    static final String ACQUIRE = """
            if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
              return {1, redis.call('GET', KEYS[2]) or '', redis.call('HVALS', KEYS[3])}
            end
            return {0}
            """;

    /** Extends the lease if ARGV[1] holds it: 1, else 0. ARGV: node, ttl in ms. */
    static final String RENEW = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return 0
            """;

    /** Drops the lease if ARGV[1] holds it. */
    static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """;

    /**
     * Records and publishes one batch, fenced: only the lease holder may, and only with seqs above the last one, so a
     * node that lost its lead while paused cannot publish, and no seq is ever published twice. Returns 1, 0 (not the
     * leader) or -1 (seq not above the last). ARGV: node, first seq, last seq, batch, history length, then
     * symbol/frame pairs.
     */
    static final String PUBLISH = """
            if redis.call('GET', KEYS[1]) ~= ARGV[1] then
              return 0
            end
            local last = tonumber(redis.call('GET', KEYS[2]) or '0')
            if tonumber(ARGV[2]) <= last then
              return -1
            end
            redis.call('SET', KEYS[2], ARGV[3])
            for i = 6, #ARGV, 2 do
              redis.call('HSET', KEYS[3], ARGV[i], ARGV[i + 1])
            end
            redis.call('ZADD', KEYS[4], ARGV[3], ARGV[4])
            redis.call('ZREMRANGEBYRANK', KEYS[4], 0, -(tonumber(ARGV[5]) + 1))
            redis.call('PUBLISH', KEYS[5], ARGV[4])
            return 1
            """;

    private RedisKeys() {
    }
}
