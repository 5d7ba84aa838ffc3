package dev.ticker.bench;

import org.HdrHistogram.Recorder;

import java.util.concurrent.atomic.LongAdder;

/**
 * Finds the quotes in a message by their {@code "ts":<millis>} fields and records, for each, its staleness (receive
 * time minus scheduled tick time) without parsing the JSON: the load clients share the server's CPU.
 */
final class QuoteTimes {

    static final long MAX_LATENCY_MS = 600_000;

    private QuoteTimes() {
    }

    /** Records every quote in {@code text} received at {@code now} (epoch millis); returns how many there were. */
    static int record(CharSequence text, long now, Recorder latency, LongAdder updates) {
        int count = 0;
        String s = text.toString();
        int at = 0;
        while ((at = s.indexOf("\"ts\":", at)) >= 0) {
            at += 5;
            long ts = 0;
            char c;
            while (at < s.length() && (c = s.charAt(at)) >= '0' && c <= '9') {
                ts = ts * 10 + (c - '0');
                at++;
            }
            latency.recordValue(Math.min(MAX_LATENCY_MS, Math.max(0, now - ts)));
            count++;
        }
        updates.add(count);
        return count;
    }

    /** The first {@code "seq":<n>} in {@code text} (an HTTP answer's cursor comes first), or -1. */
    static long firstSeq(String text) {
        int at = text.indexOf("\"seq\":");
        if (at < 0) {
            return -1;
        }
        at += 6;
        long seq = 0;
        char c;
        while (at < text.length() && (c = text.charAt(at)) >= '0' && c <= '9') {
            seq = seq * 10 + (c - '0');
            at++;
        }
        return seq;
    }
}
