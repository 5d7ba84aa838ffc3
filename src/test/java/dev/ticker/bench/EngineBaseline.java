package dev.ticker.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Scenario 4: the same fan-out load through the ticker and through bare Tyrus broadcasting (BaselineServer), one
 * after the other in the same run, and the ticker's delivered rate and CPU per update as a ratio of the engine's.
 * Drive both to saturation (a short interval) for the ratio to mean something: below it both deliver everything.
 */
final class EngineBaseline {

    private EngineBaseline() {
    }

    static List<Map<String, Object>> run(Options options, Path jar, Path out) throws Exception {
        FanOut.Load load = FanOut.Load.of(options);
        Map<String, Object> ticker = FanOut.ticker(load, jar, out);
        Map<String, Object> engine = FanOut.baseline(load, out);
        double rateRatio = rate(ticker) / rate(engine);
        double cpuRatio = number(engine, "serverCpuSecondsPerMillionUpdates")
                / number(ticker, "serverCpuSecondsPerMillionUpdates");
        Progress.say("engine baseline: ticker delivers %.2fx the bare engine's rate, at %.2fx its CPU efficiency",
                rateRatio, cpuRatio);
        Map<String, Object> ratio = Map.of("scenario", "engine", "sessions", load.sessions(),
                "perSession", load.perSession(), "intervalMs", load.intervalMs(),
                "tickerToEngineRateRatio", FanOut.round(rateRatio),
                "tickerToEngineCpuEfficiencyRatio", FanOut.round(cpuRatio));
        return List.of(ticker, engine, ratio);
    }

    private static double rate(Map<String, Object> run) {
        return number(run, "updatesPerSecond");
    }

    private static double number(Map<String, Object> run, String key) {
        return ((Number) run.get(key)).doubleValue();
    }
}
