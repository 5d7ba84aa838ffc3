package dev.ticker.fanout;

import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which subscribers want each symbol, indexed by the symbol's dense index so that the per-quote lookup is an array
 * read. Thread-safe; iteration is weakly consistent (a subscriber added during a fan-out may or may not see it,
 * which the outbox's snapshot floor makes harmless).
 *
 * @param <S> the subscriber type
 */
public final class Subscriptions<S> {

    private final Set<S>[] bySymbol;

    @SuppressWarnings("unchecked")
    public Subscriptions(int symbolCount) {
        this.bySymbol = new Set[symbolCount];
        for (int i = 0; i < symbolCount; i++) {
            bySymbol[i] = ConcurrentHashMap.newKeySet();
        }
    }

    public void add(S subscriber, int[] symbols) {
        for (int symbol : symbols) {
            bySymbol[symbol].add(subscriber);
        }
    }

    public void remove(S subscriber, int[] symbols) {
        for (int symbol : symbols) {
            bySymbol[symbol].remove(subscriber);
        }
    }

    /** A live, read-only view of the subscribers of the symbol at {@code index}. */
    public Set<S> subscribers(int symbol) {
        return Collections.unmodifiableSet(bySymbol[symbol]);
    }

    public int count(int symbol) {
        return bySymbol[symbol].size();
    }
}
