package dev.ticker.bench;

import org.HdrHistogram.Histogram;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Scenario 3, push versus poll economics: the same clients following the same symbols, once per transport
 * (WebSocket, server-sent events, long polling, short polling at the tick interval, so every transport offers the
 * same freshness), one transport at a time against one server. A byte-counting relay in front of the server
 * measures the bytes on the socket, headers and framing included; the server's CPU time is read from /proc.
 */
final class Economics {

    static final Set<String> PARAMETERS = Set.of("clients", "per-session", "symbols", "interval-ms", "poll-ms",
            "warmup-s", "duration-s", "server-jvm", "transports");
    private static final List<String> TRANSPORTS = List.of("websocket", "sse", "long-poll", "short-poll");

    private Economics() {
    }

    record Load(int clients, int perSession, int symbols, int intervalMs, int pollMs, int warmup, int duration,
                String serverJvm, List<String> transports) {

        static Load of(Options options) {
            options.allow(PARAMETERS);
            int interval = options.integer("interval-ms", 1_000);
            return new Load(options.integer("clients", 200), options.integer("per-session", 5),
                    options.integer("symbols", 20), interval, options.integer("poll-ms", interval),
                    options.integer("warmup-s", 5), options.integer("duration-s", 20),
                    options.text("server-jvm", "-Xms512m -Xmx512m"),
                    List.of(options.text("transports", String.join(",", TRANSPORTS)).split(",")));
        }
    }

    static List<Map<String, Object>> run(Options options, Path jar, Path out) throws Exception {
        Load load = Load.of(options);
        Universe universe = new Universe(load.symbols());
        Path universeFile = universe.write(out);
        List<Map<String, Object>> results = new ArrayList<>();
        // Default activity (half the symbols trade on a tick): polls then often find nothing new, as in real life.
        try (ServerUnderTest server = ServerUnderTest.start(jar, List.of(load.serverJvm().split(" ")), List.of(
                "--interval-ms=" + load.intervalMs(), "--seed=1", "--symbols-file=" + universeFile), out)) {
            for (String transport : load.transports()) {
                results.add(measure(transport, server, load, i -> universe.pick(i, load.perSession())));
            }
        }
        return results;
    }

    private static Map<String, Object> measure(String transport, ServerUnderTest server, Load load,
                                               IntFunction<List<String>> symbolsOf) throws Exception {
        Progress.say("economics (%s): %d clients x %d of %d symbols, tick every %d ms%s", transport, load.clients(),
                load.perSession(), load.symbols(), load.intervalMs(),
                transport.equals("short-poll") ? ", poll every " + load.pollMs() + " ms" : "");
        try (ByteCountingProxy proxy = new ByteCountingProxy(server.base());
             Clients clients = Clients.start(transport, proxy.base(server.base()), load, symbolsOf)) {
            Progress.watch(clients.receiver(), load.warmup());
            clients.receiver().latencySinceLastCall();
            long down0 = proxy.bytesToClients();
            long up0 = proxy.bytesToServer();
            long updates0 = clients.receiver().updates();
            long requests0 = clients.requests();
            double cpu0 = server.cpuSeconds();
            long start = System.nanoTime();
            Histogram staleness = Progress.watch(clients.receiver(), load.duration());
            double seconds = (System.nanoTime() - start) / 1e9;
            long updates = Math.max(1, clients.receiver().updates() - updates0);
            long down = proxy.bytesToClients() - down0;
            long up = proxy.bytesToServer() - up0;
            double cpu = server.cpuSeconds() - cpu0;
            return Map.ofEntries(
                    Map.entry("scenario", "economics"), Map.entry("transport", transport),
                    Map.entry("clients", load.clients()), Map.entry("perSession", load.perSession()),
                    Map.entry("symbols", load.symbols()), Map.entry("intervalMs", load.intervalMs()),
                    Map.entry("pollMs", load.pollMs()), Map.entry("seconds", FanOut.round(seconds)),
                    Map.entry("updatesPerSecond", FanOut.round(updates / seconds)),
                    Map.entry("requestsPerSecond", FanOut.round((clients.requests() - requests0) / seconds)),
                    Map.entry("bytesToClientsPerUpdate", FanOut.round((double) down / updates)),
                    Map.entry("bytesToServerPerUpdate", FanOut.round((double) up / updates)),
                    Map.entry("bytesPerUpdate", FanOut.round((double) (down + up) / updates)),
                    Map.entry("serverCpuMicrosPerUpdate", FanOut.round(cpu * 1e6 / updates)),
                    Map.entry("stalenessP50Ms", staleness.getValueAtPercentile(50)),
                    Map.entry("stalenessP99Ms", staleness.getValueAtPercentile(99)),
                    Map.entry("clientFailures", clients.failures()));
        }
    }

    /** One transport's clients, whichever kind they are. */
    private record Clients(QuoteReceiver receiver, AutoCloseable resource, HttpLoad http) implements AutoCloseable {

        static Clients start(String transport, URI base, Load load, IntFunction<List<String>> symbolsOf)
                throws InterruptedException {
            if (transport.equals("websocket")) {
                LoadClient sockets = new LoadClient();
                sockets.open(URI.create(base.resolve("ws/quotes").toString().replaceFirst("^http", "ws")),
                        load.clients(), symbolsOf, Duration.ofMinutes(1));
                return new Clients(sockets, sockets, null);
            }
            HttpLoad http = new HttpLoad();
            HttpLoad.Mode mode = switch (transport) {
                case "sse" -> HttpLoad.Mode.SSE;
                case "long-poll" -> HttpLoad.Mode.LONG_POLL;
                case "short-poll" -> HttpLoad.Mode.SHORT_POLL;
                default -> throw new IllegalArgumentException("unknown transport " + transport
                        + " (websocket, sse, long-poll, short-poll)");
            };
            http.start(mode, base, load.clients(), symbolsOf, load.pollMs());
            return new Clients(http, http, http);
        }

        /** HTTP requests made; a WebSocket session makes one, its handshake, before the measurement starts. */
        long requests() {
            return http == null ? 0 : http.requests();
        }

        int failures() {
            return http == null ? ((LoadClient) resource).failedSessions() : http.failures();
        }

        @Override
        public void close() throws Exception {
            resource.close();
        }
    }
}
