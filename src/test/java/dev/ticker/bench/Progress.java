package dev.ticker.bench;

import org.HdrHistogram.Histogram;

/** Progress lines while a scenario runs, and the waiting that goes with them. */
final class Progress {

    private static final int REPORT_EVERY_S = 5;

    private Progress() {
    }

    static void say(String format, Object... args) {
        System.out.printf("[bench] " + format + "%n", args);
        System.out.flush();
    }

    /**
     * Waits {@code seconds}, reporting the rate and the latency of each 5 s slice; returns the latency histogram of
     * the whole wait.
     */
    static Histogram watch(LoadClient client, int seconds) throws InterruptedException {
        Histogram total = new Histogram(600_000, 3);
        long updates = client.updates();
        for (int elapsed = 0; elapsed < seconds; elapsed += REPORT_EVERY_S) {
            int slice = Math.min(REPORT_EVERY_S, seconds - elapsed);
            Thread.sleep(slice * 1000L);
            Histogram recent = client.latencySinceLastCall();
            total.add(recent);
            long now = client.updates();
            say("  %3d s: %,10.0f updates/s, latency p50 %d ms, p99 %d ms, max %d ms", elapsed + slice,
                    (now - updates) / (double) slice, recent.getValueAtPercentile(50),
                    recent.getValueAtPercentile(99), recent.getMaxValue());
            updates = now;
        }
        return total;
    }
}
