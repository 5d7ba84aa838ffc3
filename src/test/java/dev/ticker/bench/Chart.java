package dev.ticker.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small SVG of the fan-out runs: delivered updates/s as bars against the 100,000/s target, p99 latency as a label
 * against the 100 ms target. Enough to see a run at a glance in docs/performance.md.
 */
final class Chart {

    private static final int WIDTH = 720;
    private static final int BAR_AREA = 260;
    private static final double TARGET_RATE = 100_000;

    private Chart() {
    }

    static String svg(List<Map<String, Object>> results) {
        List<Map<String, Object>> runs = new ArrayList<>();
        for (Map<String, Object> result : results) {
            if (result.containsKey("updatesPerSecond")) {
                runs.add(result);
            }
        }
        double max = TARGET_RATE * 1.2;
        for (Map<String, Object> run : runs) {
            max = Math.max(max, number(run, "updatesPerSecond") * 1.1);
        }
        int barWidth = runs.isEmpty() ? 0 : Math.min(120, (WIDTH - 80) / runs.size() - 20);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, BAR_AREA + 90));
        svg.append("<text x=\"10\" y=\"18\" font-size=\"14\">Delivered quote updates/s (bars) and p99 latency</text>\n");
        double targetY = y(TARGET_RATE, max);
        svg.append(String.format("<line x1=\"60\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#c00\" "
                + "stroke-dasharray=\"4 3\"/>%n", WIDTH - 10, targetY, targetY));
        svg.append(String.format("<text x=\"%d\" y=\"%.1f\" fill=\"#c00\" text-anchor=\"end\">target 100,000/s</text>%n",
                WIDTH - 12, targetY - 4));
        for (int i = 0; i < runs.size(); i++) {
            Map<String, Object> run = runs.get(i);
            double rate = number(run, "updatesPerSecond");
            int x = 70 + i * (barWidth + 20);
            double top = y(rate, max);
            String label = run.getOrDefault("engine", "ticker") + " " + run.get("sessions") + "x" + run.get("perSession");
            svg.append(String.format("<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"#2a6fb0\"/>%n",
                    x, top, barWidth, BAR_AREA + 30 - top));
            svg.append(String.format("<text x=\"%d\" y=\"%.1f\" text-anchor=\"middle\">%,.0f/s</text>%n",
                    x + barWidth / 2, top - 4, rate));
            svg.append(String.format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    x + barWidth / 2, BAR_AREA + 48, label));
            svg.append(String.format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">p99 %s ms</text>%n",
                    x + barWidth / 2, BAR_AREA + 64, run.get("latencyP99Ms")));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static double y(double value, double max) {
        return 30 + BAR_AREA * (1 - value / max);
    }

    private static double number(Map<String, Object> run, String key) {
        return ((Number) run.get(key)).doubleValue();
    }
}
