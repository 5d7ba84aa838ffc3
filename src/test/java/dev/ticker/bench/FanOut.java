package dev.ticker.bench;

import org.HdrHistogram.Histogram;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Scenario 1: N sessions, each subscribed to k of S symbols; every symbol trades on every tick, so the server must
 * deliver N * k * ticks-per-second updates. Measures what arrives, its latency from the quote's scheduled tick time
 * (so a late tick counts against the server: no coordinated omission), the server's CPU per million updates and its
 * GC pauses.
 */
final class FanOut {

    static final Set<String> PARAMETERS = Set.of("sessions", "per-session", "symbols", "interval-ms", "warmup-s",
            "duration-s", "server-jvm", "profile");

    private FanOut() {
    }

    /** The scenario's parameters, with the targets as defaults. */
    record Load(int sessions, int perSession, int symbols, int intervalMs, int warmup, int duration, String serverJvm,
                boolean profile) {

        static Load of(Options options) {
            options.allow(PARAMETERS);
            return new Load(options.integer("sessions", 10_000), options.integer("per-session", 10),
                    options.integer("symbols", 100), options.integer("interval-ms", 1_000),
                    options.integer("warmup-s", 10), options.integer("duration-s", 30),
                    options.text("server-jvm", "-Xms1g -Xmx1g"), ServerUnderTest.profiled(options));
        }

        double expectedUpdatesPerSecond() {
            return (double) sessions * perSession * 1000 / intervalMs;
        }

        List<String> jvm() {
            return List.of(serverJvm.split(" "));
        }

        /** The server's JVM options; with {@code profile=jfr}, a Flight Recording of the whole run into {@code out}. */
        List<String> jvm(Path out, String engine) {
            return profile ? ServerUnderTest.recorded(jvm(), out, engine) : jvm();
        }
    }

    /** Scenario 1 against the ticker. */
    static Map<String, Object> run(Options options, Path jar, Path out) throws Exception {
        return ticker(Load.of(options), jar, out);
    }

    static Map<String, Object> ticker(Load load, Path jar, Path out) throws Exception {
        Universe universe = new Universe(load.symbols());
        Path universeFile = universe.write(out);
        try (ServerUnderTest server = ServerUnderTest.start(jar, load.jvm(out, "ticker"), List.of(
                "--interval-ms=" + load.intervalMs(), "--activity=1", "--seed=1", "--symbols-file=" + universeFile),
                out)) {
            return measure("ticker", server, load, i -> universe.pick(i, load.perSession()));
        }
    }

    /** The same load through the bare-engine baseline: every session gets k quotes per tick, unsubscribed. */
    static Map<String, Object> baseline(Load load, Path out) throws Exception {
        try (ServerUnderTest server = ServerUnderTest.startBaseline(load.jvm(out, "tyrus-broadcast"), load.intervalMs(), load.perSession(),
                out)) {
            return measure("tyrus-broadcast", server, load, i -> List.of());
        }
    }

    static Map<String, Object> measure(String engine, ServerUnderTest server, Load load,
                                               IntFunction<List<String>> symbolsOf) throws Exception {
        Progress.say("fan-out (%s): %,d sessions x %d of %d symbols, one tick every %d ms: %,.0f updates/s expected",
                engine, load.sessions(), load.perSession(), load.symbols(), load.intervalMs(),
                load.expectedUpdatesPerSecond());
        try (LoadClient client = new LoadClient()) {
            URI ws = URI.create(server.base().resolve("ws/quotes").toString().replaceFirst("^http", "ws"));
            long opening = System.nanoTime();
            client.open(ws, load.sessions(), symbolsOf, Duration.ofMinutes(3));
            Progress.say("fan-out (%s): %,d sessions ready in %.1f s; warming up %d s", engine, load.sessions(),
                    (System.nanoTime() - opening) / 1e9, load.warmup());
            Progress.watch(client, load.warmup());
            client.latencySinceLastCall();
            long updates0 = client.updates();
            long frames0 = client.frames();
            double cpu0 = server.cpuSeconds();
            double clientCpu0 = LoadClient.cpuSeconds();
            long uptime0 = server.uptimeMillis();
            long start = System.nanoTime();
            Histogram latency = Progress.watch(client, load.duration());
            double seconds = (System.nanoTime() - start) / 1e9;
            long updates = client.updates() - updates0;
            long frames = client.frames() - frames0;
            double cpu = server.cpuSeconds() - cpu0;
            double clientCpu = LoadClient.cpuSeconds() - clientCpu0;
            GcPauses gc = server.gcPausesBetween(uptime0, server.uptimeMillis());
            return Map.ofEntries(
                    Map.entry("scenario", "fanout"), Map.entry("engine", engine),
                    Map.entry("sessions", load.sessions()), Map.entry("perSession", load.perSession()),
                    Map.entry("symbols", load.symbols()), Map.entry("intervalMs", load.intervalMs()),
                    Map.entry("seconds", round(seconds)),
                    Map.entry("expectedUpdatesPerSecond", round(load.expectedUpdatesPerSecond())),
                    Map.entry("updatesPerSecond", round(updates / seconds)),
                    Map.entry("framesPerSecond", round(frames / seconds)),
                    Map.entry("latencyP50Ms", latency.getValueAtPercentile(50)),
                    Map.entry("latencyP99Ms", latency.getValueAtPercentile(99)),
                    Map.entry("latencyP999Ms", latency.getValueAtPercentile(99.9)),
                    Map.entry("latencyMaxMs", latency.getMaxValue()),
                    Map.entry("serverCpuSecondsPerMillionUpdates", round(cpu / (Math.max(1, updates) / 1e6))),
                    // The client shares the cores: what it takes is not available to the server.
                    Map.entry("clientCpuSecondsPerMillionUpdates", round(clientCpu / (Math.max(1, updates) / 1e6))),
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
