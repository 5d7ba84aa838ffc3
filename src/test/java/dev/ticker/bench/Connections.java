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

    static final Set<String> PARAMETERS = Set.of("sessions", "per-session", "symbols", "server-jvm", "profile");

    private Connections() {
    }

    static Map<String, Object> run(Options options, Path jar, Path out) throws Exception {
        options.allow(PARAMETERS);
        int sessions = options.integer("sessions", 5_000);
        int perSession = options.integer("per-session", 10);
        int symbols = options.integer("symbols", 100);
        List<String> serverJvm = List.of(options.text("server-jvm", "-Xms1g -Xmx1g").split(" "));
        if (ServerUnderTest.profiled(options)) {
            serverJvm = ServerUnderTest.recorded(serverJvm, out, "connections");
        }
        Universe universe = new Universe(symbols);
        Path universeFile = universe.write(out);
        Progress.say("connections: %,d sessions, each subscribing to %d of %d symbols", sessions, perSession, symbols);
        try (ServerUnderTest server = ServerUnderTest.start(jar, serverJvm,
                List.of("--interval-ms=60000", "--seed=1", "--symbols-file=" + universeFile), out);
             LoadClient client = new LoadClient()) {
            URI ws = URI.create(server.base().resolve("ws/quotes").toString().replaceFirst("^http", "ws"));
            long heap0 = server.heapAfterFullGc();
            long rss0 = server.rssBytes();
            long start = System.nanoTime();
            double serverCpu0 = server.cpuSeconds();
            double clientCpu0 = LoadClient.cpuSeconds();
            client.open(ws, sessions, i -> universe.pick(i, perSession), Duration.ofMinutes(3));
            double seconds = (System.nanoTime() - start) / 1e9;
            // Who the wall time went to: both share the machine's cores.
            double serverCpu = server.cpuSeconds() - serverCpu0;
            double clientCpu = LoadClient.cpuSeconds() - clientCpu0;
            Progress.say("connections: %,d sessions connected and subscribed in %.2f s (CPU: server %.1f s, client"
                    + " %.1f s)", sessions, seconds, serverCpu, clientCpu);
            long heapN = server.heapAfterFullGc();
            long rssN = server.rssBytes();
            // Where an idle session's heap goes: the live classes at N sessions, for docs/performance.md.
            Files.writeString(out.resolve("connections-histogram.txt"), server.classHistogram(40));
            double heapPerSession = (double) (heapN - heap0) / sessions;
            double rssPerSession = (double) (rssN - rss0) / sessions;
            Progress.say("connections: %.1f KB of heap and %.1f KB of RSS per idle session",
                    heapPerSession / 1024, rssPerSession / 1024);
            return Map.ofEntries(
                    Map.entry("scenario", "connections"),
                    Map.entry("sessions", sessions), Map.entry("perSession", perSession), Map.entry("symbols", symbols),
                    Map.entry("connectAndSubscribeSeconds", FanOut.round(seconds)),
                    Map.entry("serverCpuSecondsToConnect", FanOut.round(serverCpu)),
                    Map.entry("clientCpuSecondsToConnect", FanOut.round(clientCpu)),
                    Map.entry("heapPerIdleSessionKb", FanOut.round(heapPerSession / 1024)),
                    Map.entry("rssPerIdleSessionKb", FanOut.round(rssPerSession / 1024)),
                    Map.entry("heapAtZeroMb", heap0 >> 20), Map.entry("heapAtNMb", heapN >> 20),
                    Map.entry("clientFailures", client.failedSessions()));
        }
    }
}
