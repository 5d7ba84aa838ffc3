package dev.ticker.cluster;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * This node's side of a leader lease: {@link #run()}, called every {@link #round()} from one thread, renews the lease
 * while it is held and tries to acquire it while it is not; {@link #current()} tells any thread, without blocking,
 * whether this node leads now.
 *
 * <p>Safety: a node counts itself leader only until {@code ttl - margin} after it <em>sent</em> its last successful
 * acquire or renew. The store cannot have let the lease expire before {@code ttl} after it received that request,
 * so the old leader has stopped by its own clock before anyone else can acquire the lease, even if it cannot reach
 * the store at all. A dead leader is replaced within {@code ttl + round} of its last renewal.
 *
 * @param <T> what a term starts with (see {@link LeaseStore#acquire})
 */
public final class LeaderLease<T> {

    private static final System.Logger LOG = System.getLogger(LeaderLease.class.getName());

    private final LeaseStore<T> store;
    private final String node;
    private final long ttlMillis;
    private final long marginMillis;
    private final Clock clock;
    private volatile Term<T> term;
    private volatile boolean storeFailing;

    /** One uninterrupted leadership: what it started with, and until when it is certainly still ours. */
    private record Term<T>(T start, long validUntil) {
    }

    /**
     * @param ttl    how long a grant lasts in the store; a dead leader is replaced within about this long
     * @param margin how much earlier than the store this node gives up its lead (for clock drift and pauses)
     */
    public LeaderLease(LeaseStore<T> store, String node, Duration ttl, Duration margin, Clock clock) {
        if (margin.isNegative() || margin.compareTo(ttl.dividedBy(2)) > 0) {
            throw new IllegalArgumentException("margin must be between 0 and half the ttl: " + margin);
        }
        this.store = store;
        this.node = node;
        this.ttlMillis = ttl.toMillis();
        this.marginMillis = margin.toMillis();
        this.clock = clock;
    }

    /** How often {@link #run()} should be called: three renewals per time to live. */
    public Duration round() {
        return Duration.ofMillis(ttlMillis / 3);
    }

    /** One round: renew if leading, else try to become leader. Never throws; store failures are logged once. */
    public void run() {
        long sentAt = clock.millis();
        Term<T> held = term;
        try {
            if (held != null && sentAt < held.validUntil()) {
                renew(held, sentAt);
            } else {
                if (held != null) {
                    end(held, "its lease ran out before it could renew it");
                }
                acquire(sentAt);
            }
            if (storeFailing) {
                storeFailing = false;
                LOG.log(Level.INFO, "Node {0} reaches the lease store again", node);
            }
        } catch (RuntimeException e) {
            if (!storeFailing) {
                storeFailing = true;
                LOG.log(Level.WARNING, "Node " + node + " cannot reach the lease store; "
                        + (held == null ? "it keeps trying" : "it leads until its lease runs out"), e);
            }
        }
    }

    /** What this node's current term started with, or null if it does not lead now. */
    public T current() {
        Term<T> held = term;
        return held != null && clock.millis() < held.validUntil() ? held.start() : null;
    }

    /** The store refused something only a leader may do: the term that started with {@code start} is over. */
    public void lost(T start) {
        Term<T> held = term;
        if (held != null && held.start() == start) {
            end(held, "the store no longer counts it as leader");
        }
    }

    /** Gives up the lead, if held, so that another node takes over at its next round. */
    public void release() {
        Term<T> held = term;
        term = null;
        if (held != null) {
            store.release(node);
            LOG.log(Level.INFO, "Node {0} released the lead", node);
        }
    }

    public String node() {
        return node;
    }

    private void renew(Term<T> held, long sentAt) {
        if (store.renew(node, ttlMillis)) {
            synchronized (this) {
                // Unless lost() ended the term meanwhile: a renewal must not bring it back.
                if (term == held) {
                    term = new Term<>(held.start(), validUntil(sentAt));
                }
            }
        } else {
            end(held, "another node holds the lease");
        }
    }

    private void acquire(long sentAt) {
        Optional<T> won = store.acquire(node, ttlMillis);
        if (won.isPresent()) {
            term = new Term<>(won.get(), validUntil(sentAt));
            LOG.log(Level.INFO, "Node {0} leads: it generates the quotes now", node);
        }
    }

    private synchronized void end(Term<T> held, String why) {
        if (term == held) {
            term = null;
            LOG.log(Level.WARNING, "Node {0} stopped leading: {1}", node, why);
        }
    }

    private long validUntil(long sentAt) {
        return sentAt + ttlMillis - marginMillis;
    }
}
