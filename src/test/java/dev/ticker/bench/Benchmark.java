package dev.ticker.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the scenarios named on the command line against the built standalone jar, one after another, and writes the
 * report. {@code mvn -B -Pbench package -Dbench="fanout --sessions=10000 connections --sessions=5000"}.
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Options> scenarios = Options.parse(List.of(String.join(" ", args).split("\\s+")));
        if (scenarios.isEmpty()) {
            scenarios = Options.parse(List.of("fanout", "connections"));
        }
        Path jar = Path.of(System.getProperty("bench.jar", "target/ticker-standalone.jar"));
        Path out = Path.of(System.getProperty("bench.out", "target/bench"));
        List<Map<String, Object>> results = new ArrayList<>();
        for (Options scenario : scenarios) {
            List<Map<String, Object>> done = switch (scenario.scenario()) {
                case "fanout" -> List.of(FanOut.run(scenario, jar, out));
                case "connections" -> List.of(Connections.run(scenario, jar, out));
                case "engine" -> EngineBaseline.run(scenario, jar, out);
                case "economics" -> Economics.run(scenario, jar, out);
                case "redis-hop" -> RedisHop.run(scenario, jar, out);
                case "slow-consumers" -> SlowConsumers.run(scenario, jar, out);
                default -> throw new IllegalArgumentException("unknown scenario " + scenario.scenario()
                        + " (fanout, connections, engine, economics, redis-hop, slow-consumers)");
            };
            done.forEach(result -> Progress.say("done: %s", result));
            results.addAll(done);
        }
        Report.write(out, machine(), results);
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("date", Instant.now().toString());
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return machine;
    }
}
