package dev.ticker.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scenario 2: how long N sessions take to connect and subscribe, and what an idle one costs the server: heap after a
 * full GC and RSS, at 0 sessions and at N, divided by N. The feed ticks once a minute, so the sessions stay idle.
 */
final class Connections {

    static final Set<String> PARAMETERS = Set.of("sessions", "per-session", "symbols", "server-jvm");

    private Connections() {
    }

    static Map<String, Object> run(Options options, Path jar, Path out) throws Exception {
        options.allow(PARAMETERS);
        int sessions = options.integer("sessions", 5_000);
        int perSession = options.integer("per-session", 10);
        int symbols = options.integer("symbols", 100);
        String serverJvm = options.text("server-jvm", "-Xms1g -Xmx1g");
        Universe universe = new Universe(symbols);
        Path universeFile = universe.write(out);
        Progress.say("connections: %,d sessions, each subscribing to %d of %d symbols", sessions, perSession, symbols);
        try (ServerUnderTest server = ServerUnderTest.start(jar, List.of(serverJvm.split(" ")),
                List.of("--interval-ms=60000", "--seed=1", "--symbols-file=" + universeFile), out);
             LoadClient client = new LoadClient()) {
            URI ws = URI.create(server.base().resolve("ws/quotes").toString().replaceFirst("^http", "ws"));
            long heap0 = server.heapAfterFullGc();
            long rss0 = server.rssBytes();
            long start = System.nanoTime();
            client.open(ws, sessions, i -> universe.pick(i, perSession), Duration.ofMinutes(3));
            double seconds = (System.nanoTime() - start) / 1e9;
            Progress.say("connections: %,d sessions connected and subscribed in %.2f s", sessions, seconds);
            long heapN = server.heapAfterFullGc();
            long rssN = server.rssBytes();
            // Where an idle session's heap goes: the live classes at N sessions, for docs/performance.md.
            Files.writeString(out.resolve("connections-histogram.txt"), server.classHistogram(40));
            double heapPerSession = (double) (heapN - heap0) / sessions;
            double rssPerSession = (double) (rssN - rss0) / sessions;
            Progress.say("connections: %.1f KB of heap and %.1f KB of RSS per idle session",
                    heapPerSession / 1024, rssPerSession / 1024);
            return Map.of(
                    "scenario", "connections",
                    "sessions", sessions, "perSession", perSession, "symbols", symbols,
                    "connectAndSubscribeSeconds", FanOut.round(seconds),
                    "heapPerIdleSessionKb", FanOut.round(heapPerSession / 1024),
                    "rssPerIdleSessionKb", FanOut.round(rssPerSession / 1024),
                    "heapAtZeroMb", heap0 >> 20, "heapAtNMb", heapN >> 20,
                    "clientFailures", client.failedSessions());
        }
    }
}
