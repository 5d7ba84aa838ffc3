package dev.ticker.it;

import jakarta.json.JsonObject;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What the cluster tests assert about the quotes that clients of different nodes receive: one stream, the same
 * quotes in the same seq order on every node, strictly increasing across a change of leader.
 */
final class SharedStream {

    private SharedStream() {
    }

    /** Waits for a quote above {@code seq}, collecting the quotes before it into {@code before}; fails on a gap. */
    static JsonObject awaitQuoteAbove(PushClient client, long seq, Duration within, List<JsonObject> before) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.isNegative()) {
                return fail("no quote above seq " + seq + " within " + within);
            }
            JsonObject message = client.next(left);
            assertEquals("quote", message.getString("type"), () -> "only quotes during a failover: " + message);
            if (QuoteJson.seq(message) > seq) {
                return message;
            }
            before.add(message);
        }
    }

    static List<JsonObject> quotes(List<JsonObject> messages) {
        messages.forEach(message -> assertEquals("quote", message.getString("type"), message::toString));
        return messages;
    }

    static void assertStrictlyIncreasing(List<JsonObject> quotes) {
        for (int i = 1; i < quotes.size(); i++) {
            assertTrue(QuoteJson.seq(quotes.get(i)) > QuoteJson.seq(quotes.get(i - 1)),
                    "seq " + QuoteJson.seq(quotes.get(i)) + " after " + QuoteJson.seq(quotes.get(i - 1)));
        }
    }

    /**
     * Both clients got the same quotes in the same order: each stream's seqs strictly increase, and wherever both
     * streams overlap, every seq is the same quote in both, and (slow clients may be conflated, which a busy machine
     * can cause now and then) at least nine in ten of the overlap's seqs reached both.
     */
    static void assertSameStream(List<JsonObject> a, List<JsonObject> b) {
        assertStrictlyIncreasing(a);
        assertStrictlyIncreasing(b);
        assertFalse(a.isEmpty() || b.isEmpty(), "both clients got quotes");
        long from = Math.max(QuoteJson.seq(a.get(0)), QuoteJson.seq(b.get(0)));
        long to = Math.min(QuoteJson.seq(a.get(a.size() - 1)), QuoteJson.seq(b.get(b.size() - 1)));
        Map<Long, JsonObject> first = window(a, from, to);
        Map<Long, JsonObject> second = window(b, from, to);
        Set<Long> both = new HashSet<>(first.keySet());
        both.retainAll(second.keySet());
        for (long seq : both) {
            assertEquals(first.get(seq), second.get(seq), "quote " + seq);
        }
        Set<Long> either = new HashSet<>(first.keySet());
        either.addAll(second.keySet());
        String shape = "streams of " + a.size() + " quotes (seq " + QuoteJson.seq(a.get(0)) + " to "
                + QuoteJson.seq(a.get(a.size() - 1)) + ") and " + b.size() + " (seq " + QuoteJson.seq(b.get(0)) + " to "
                + QuoteJson.seq(b.get(b.size() - 1)) + ")";
        assertTrue(both.size() >= 20, "the streams overlap in at least 20 quotes, not " + both.size() + ": " + shape);
        assertTrue(both.size() * 10 >= either.size() * 9, both.size() + " of " + either.size() + " seqs reached both: " + shape);
    }

    private static Map<Long, JsonObject> window(List<JsonObject> quotes, long from, long to) {
        Map<Long, JsonObject> bySeq = new TreeMap<>();
        for (JsonObject quote : quotes) {
            long seq = QuoteJson.seq(quote);
            if (seq >= from && seq <= to) {
                bySeq.put(seq, quote);
            }
        }
        return bySeq;
    }
}
