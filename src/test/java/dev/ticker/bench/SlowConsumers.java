package dev.ticker.bench;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Slow consumers (issue 5): N healthy sessions measured twice on a fresh server each time, once alone and once with
 * a share of extra sessions that subscribe to every symbol and then never read their socket. Reports the healthy
 * sessions' latency percentiles, the server's heap after a full GC, and how many of the slow ones the server
 * evicted; the healthy p99 may rise by at most 20 %.
 */
final class SlowConsumers {

    static final Set<String> PARAMETERS = Set.of("sessions", "slow-percent", "per-session", "symbols", "interval-ms",
            "warmup-s", "duration-s", "stall-timeout-s", "server-jvm");

    private SlowConsumers() {
    }

    static List<Map<String, Object>> run(Options options, Path jar, Path out) throws Exception {
        options.allow(PARAMETERS);
        int sessions = options.integer("sessions", 2_000);
        int slow = Math.max(1, sessions * options.integer("slow-percent", 1) / 100);
        int perSession = options.integer("per-session", 10);
        int symbols = options.integer("symbols", 100);
        int intervalMs = options.integer("interval-ms", 100);
        int warmup = options.integer("warmup-s", 10);
        int duration = options.integer("duration-s", 40);
        int stall = options.integer("stall-timeout-s", 5);
        List<String> jvm = List.of(options.text("server-jvm", "-Xms512m -Xmx512m").split(" "));
        Universe universe = new Universe(symbols);
        Path universeFile = universe.write(out);
        List<String> ticker = List.of("--interval-ms=" + intervalMs, "--activity=1", "--seed=1",
                "--symbols-file=" + universeFile, "--max-symbols-per-session=" + symbols,
                "--stall-timeout-seconds=" + stall);
        List<Map<String, Object>> results = new ArrayList<>();
        Map<String, Object> alone = measure(jar, jvm, ticker, out, sessions, 0, perSession, universe, warmup, duration);
        Map<String, Object> withSlow = measure(jar, jvm, ticker, out, sessions, slow, perSession, universe, warmup,
                duration);
        double ratio = ((Number) withSlow.get("healthyP99Ms")).doubleValue()
                / Math.max(1, ((Number) alone.get("healthyP99Ms")).doubleValue());
        withSlow.put("p99RatioToAlone", FanOut.round(ratio));
        withSlow.put("p99WithinTwentyPercent", ratio <= 1.2);
        results.add(alone);
        results.add(withSlow);
        return results;
    }

    private static Map<String, Object> measure(Path jar, List<String> jvm, List<String> ticker, Path out, int sessions,
                                               int slow, int perSession, Universe universe, int warmup, int duration)
            throws Exception {
        try (ServerUnderTest server = ServerUnderTest.start(jar, jvm, ticker, out);
             LoadClient client = new LoadClient()) {
            URI ws = URI.create(server.base().resolve("ws/quotes").toString().replaceFirst("^http", "ws"));
            Progress.say("slow consumers: %,d healthy sessions, %d that stop reading", sessions, slow);
            client.open(ws, sessions, i -> universe.pick(i, perSession), Duration.ofMinutes(3));
            List<Socket> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < slow; i++) {
                    stalled.add(neverReading(ws, universe));
                }
                Progress.watch(client, warmup);
                client.latencySinceLastCall();
                Histogram latency = Progress.watch(client, duration);
                long heap = server.heapAfterFullGc();
                int evicted = 0;
                for (Socket socket : stalled) {
                    evicted += closedByServer(socket) ? 1 : 0;
                }
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("scenario", "slow-consumers");
                result.put("sessions", sessions);
                result.put("slowSessions", slow);
                result.put("healthyP50Ms", latency.getValueAtPercentile(50));
                result.put("healthyP99Ms", latency.getValueAtPercentile(99));
                result.put("healthyP999Ms", latency.getValueAtPercentile(99.9));
                result.put("healthyMaxMs", latency.getMaxValue());
                result.put("serverHeapAfterGcMb", FanOut.round(heap / 1048576.0));
                result.put("serverRssMb", server.rssBytes() / (1 << 20));
                result.put("slowEvicted", evicted);
                result.put("clientFailures", client.failedSessions());
                return result;
            } finally {
                for (Socket socket : stalled) {
                    socket.close();
                }
            }
        }
    }

    /** Connects with a tiny receive buffer, subscribes to every symbol, and never reads again. */
    private static Socket neverReading(URI ws, Universe universe) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress(ws.getHost(), ws.getPort()), 10_000);
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + ws.getRawPath() + " HTTP/1.1\r\nHost: " + ws.getHost() + ":" + ws.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(key) + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        StringBuilder subscribe = new StringBuilder("{\"type\":\"subscribe\",\"symbols\":[");
        List<String> all = universe.all();
        for (int i = 0; i < all.size(); i++) {
            subscribe.append(i > 0 ? "," : "").append('"').append(all.get(i)).append('"');
        }
        out.write(maskedText(subscribe.append("]}").toString().getBytes(StandardCharsets.UTF_8)));
        out.flush();
        return socket;
    }

    private static byte[] maskedText(byte[] payload) {
        byte[] frame = new byte[payload.length + 8];
        frame[0] = (byte) 0x81;
        frame[1] = (byte) (0x80 | 126);
        frame[2] = (byte) (payload.length >> 8);
        frame[3] = (byte) payload.length;
        // A zero mask key: legal, and the payload goes out as it is.
        System.arraycopy(payload, 0, frame, 8, payload.length);
        return frame;
    }

    /** Whether the server has ended the connection: drains what it sent, looking for the end of the stream. */
    private static boolean closedByServer(Socket socket) {
        try {
            socket.setSoTimeout(2_000);
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[1 << 16];
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                if (in.read(buffer) < 0) {
                    return true;
                }
            }
            return false;
        } catch (IOException timedOutOrReset) {
            return timedOutOrReset instanceof java.net.SocketException;
        }
    }
}
