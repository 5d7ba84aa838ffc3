package dev.ticker.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the Redis bus adds to the latency, in one run: the same fan-out load (scenario 1's parameters, small
 * defaults) against a node on its own (in-memory bus), then against a two-node cluster through a Redis the benchmark
 * starts on {@code --redis-port}: once on the node that generates (its quotes go to Redis and come back) and once on
 * the other node. The difference of the latency percentiles is the Redis hop. {@code mvn -B -Pbench package
 * -Dbench="redis-hop"}.
 */
final class RedisHop {

    private static final Duration REDIS_START = Duration.ofSeconds(10);

    private RedisHop() {
    }

    static List<Map<String, Object>> run(Options options, Path jar, Path out) throws Exception {
        int port = options.integer("redis-port", 6480);
        Map<String, String> values = new HashMap<>(options.values());
        values.remove("redis-port");
        values.putIfAbsent("sessions", "200");
        values.putIfAbsent("per-session", "10");
        values.putIfAbsent("symbols", "20");
        values.putIfAbsent("interval-ms", "250");
        values.putIfAbsent("warmup-s", "5");
        values.putIfAbsent("duration-s", "20");
        values.putIfAbsent("server-jvm", "-Xms256m -Xmx256m");
        FanOut.Load load = FanOut.Load.of(new Options("fanout", values));
        Universe universe = new Universe(load.symbols());
        Path universeFile = universe.write(out);
        List<String> ticker = List.of("--interval-ms=" + load.intervalMs(), "--activity=1", "--seed=1",
                "--symbols-file=" + universeFile);
        List<Map<String, Object>> results = new ArrayList<>();
        try (ServerUnderTest single = ServerUnderTest.start(jar, load.jvm(), ticker, out.resolve("single"))) {
            results.add(FanOut.measure("single-node", single, load, i -> universe.pick(i, load.perSession())));
        }
        Process redis = startRedis(port, out);
        try {
            List<String> clustered = new ArrayList<>(ticker);
            clustered.add("--bus=redis://127.0.0.1:" + port);
            try (ServerUnderTest first = ServerUnderTest.start(jar, load.jvm(), clustered, out.resolve("node1"));
                 ServerUnderTest second = ServerUnderTest.start(jar, load.jvm(), clustered, out.resolve("node2"))) {
                ServerUnderTest leader = leader(port, first, second);
                ServerUnderTest follower = leader == first ? second : first;
                results.add(FanOut.measure("cluster-leader", leader, load, i -> universe.pick(i, load.perSession())));
                results.add(FanOut.measure("cluster-follower", follower, load, i -> universe.pick(i, load.perSession())));
            }
        } finally {
            redis.destroy();
            redis.waitFor(10, TimeUnit.SECONDS);
        }
        return results;
    }

    private static Process startRedis(int port, Path out) throws IOException, InterruptedException {
        Files.createDirectories(out);
        Process redis = new ProcessBuilder("/usr/bin/redis-server", "--port", Integer.toString(port), "--bind",
                "127.0.0.1", "--save", "", "--appendonly", "no")
                .redirectErrorStream(true).redirectOutput(out.resolve("redis.log").toFile()).start();
        long deadline = System.nanoTime() + REDIS_START.toNanos();
        while (!cli(port, "PING").equals("PONG")) {
            if (!redis.isAlive() || System.nanoTime() > deadline) {
                redis.destroyForcibly();
                throw new IllegalStateException("redis-server did not start on port " + port + ": see " + out.resolve("redis.log"));
            }
            Thread.sleep(100);
        }
        return redis;
    }

    /** The server whose pid leads, as the lease in Redis says ({@code pid@host/suffix}); waits for one. */
    private static ServerUnderTest leader(int port, ServerUnderTest... servers) throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            String holder = cli(port, "GET", "ticker:leader");
            for (ServerUnderTest server : servers) {
                if (holder.startsWith(server.pid() + "@")) {
                    return server;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no node took the lead");
    }

    private static String cli(int port, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("/usr/bin/redis-cli", "-p", Integer.toString(port)));
        line.addAll(List.of(command));
        Process cli = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        cli.waitFor(5, TimeUnit.SECONDS);
        return output;
    }
}
