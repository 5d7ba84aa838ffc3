package dev.ticker.push;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many sessions are open, in all and per client address, against their limits. Admission and release are
 * atomic, so concurrent handshakes cannot overshoot a limit.
 */
final class SessionCounts {

    private final int maxSessions;
    private final int maxPerAddress;
    private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();
    private int total;

    SessionCounts(int maxSessions, int maxPerAddress) {
        this.maxSessions = maxSessions;
        this.maxPerAddress = maxPerAddress;
    }

    /** Counts a new session in, or says why not (then nothing is counted); a null address counts in the total only. */
    synchronized String admit(String address) {
        if (total >= maxSessions) {
            return "server full: " + maxSessions + " sessions";
        }
        if (address != null && perAddress.getOrDefault(address, 0) >= maxPerAddress) {
            return "too many sessions from one address: " + maxPerAddress;
        }
        total++;
        if (address != null) {
            perAddress.merge(address, 1, Integer::sum);
        }
        return null;
    }

    synchronized void release(String address) {
        total--;
        if (address != null) {
            perAddress.computeIfPresent(address, (key, count) -> count > 1 ? count - 1 : null);
        }
    }
}
