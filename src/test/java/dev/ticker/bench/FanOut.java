package dev.ticker.bench;

import org.HdrHistogram.Histogram;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scenario 1: N sessions, each subscribed to k of S symbols; every symbol trades on every tick, so the server must
 * deliver N * k * ticks-per-second updates. Measures what arrives, its latency from the quote's scheduled tick time
 * (so a late tick counts against the server: no coordinated omission), the server's CPU per million updates and its
 * GC pauses.
 */
final class FanOut {

    static final Set<String> PARAMETERS = Set.of("sessions", "per-session", "symbols", "interval-ms", "warmup-s",
            "duration-s", "server-jvm");

    private FanOut() {
    }

    static Map<String, Object> run(Options options, Path jar, Path out) throws Exception {
        options.allow(PARAMETERS);
        int sessions = options.integer("sessions", 10_000);
        int perSession = options.integer("per-session", 10);
        int symbols = options.integer("symbols", 100);
        int intervalMs = options.integer("interval-ms", 1_000);
        int warmup = options.integer("warmup-s", 10);
        int duration = options.integer("duration-s", 30);
        String serverJvm = options.text("server-jvm", "-Xms1g -Xmx1g");
        Universe universe = new Universe(symbols);
        Path universeFile = universe.write(out);
        double expected = (double) sessions * perSession * 1000 / intervalMs;
        Progress.say("fan-out: %,d sessions x %d of %d symbols, one tick every %d ms: %,.0f updates/s expected",
                sessions, perSession, symbols, intervalMs, expected);
        try (ServerUnderTest server = ServerUnderTest.start(jar, List.of(serverJvm.split(" ")),
                List.of("--interval-ms=" + intervalMs, "--activity=1", "--seed=1", "--symbols-file=" + universeFile),
                out);
             LoadClient client = new LoadClient()) {
            URI ws = server.base().resolve("ws/quotes");
            ws = URI.create(ws.toString().replaceFirst("^http", "ws"));
            long opening = System.nanoTime();
            client.open(ws, sessions, i -> universe.pick(i, perSession), Duration.ofMinutes(3));
            Progress.say("fan-out: %,d sessions subscribed in %.1f s; warming up %d s", sessions,
                    (System.nanoTime() - opening) / 1e9, warmup);
            Progress.watch(client, warmup);
            client.latencySinceLastCall();
            long updates0 = client.updates();
            long frames0 = client.frames();
            double cpu0 = server.cpuSeconds();
            long uptime0 = server.uptimeMillis();
            long start = System.nanoTime();
            Histogram latency = Progress.watch(client, duration);
            double seconds = (System.nanoTime() - start) / 1e9;
            long updates = client.updates() - updates0;
            long frames = client.frames() - frames0;
            double cpu = server.cpuSeconds() - cpu0;
            GcPauses gc = server.gcPausesBetween(uptime0, server.uptimeMillis());
            return Map.ofEntries(
                    Map.entry("scenario", "fanout"),
                    Map.entry("sessions", sessions), Map.entry("perSession", perSession),
                    Map.entry("symbols", symbols), Map.entry("intervalMs", intervalMs),
                    Map.entry("seconds", round(seconds)),
                    Map.entry("expectedUpdatesPerSecond", round(expected)),
                    Map.entry("updatesPerSecond", round(updates / seconds)),
                    Map.entry("framesPerSecond", round(frames / seconds)),
                    Map.entry("latencyP50Ms", latency.getValueAtPercentile(50)),
                    Map.entry("latencyP99Ms", latency.getValueAtPercentile(99)),
                    Map.entry("latencyP999Ms", latency.getValueAtPercentile(99.9)),
                    Map.entry("latencyMaxMs", latency.getMaxValue()),
                    Map.entry("serverCpuSecondsPerMillionUpdates", round(cpu / (updates / 1e6))),
                    Map.entry("gcPauses", gc.count()),
                    Map.entry("gcPauseTotalMs", round(gc.totalMillis())),
                    Map.entry("gcPauseMaxMs", round(gc.maxMillis())),
                    Map.entry("serverRssMb", server.rssBytes() / (1 << 20)),
                    Map.entry("clientFailures", client.failedSessions()));
        }
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
