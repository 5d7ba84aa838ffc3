package dev.ticker.bench;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stop-the-world pauses read from a unified GC log ({@code -Xlog:gc:...:uptimemillis}) within a window of JVM uptime.
 */
record GcPauses(int count, double totalMillis, double maxMillis) {

    private static final Pattern PAUSE = Pattern.compile("^\\[(\\d+)ms].*Pause.* ([0-9.]+)ms$");

    static GcPauses parse(List<String> lines, long fromUptimeMillis, long toUptimeMillis) {
        int count = 0;
        double total = 0;
        double max = 0;
        for (String line : lines) {
            Matcher pause = PAUSE.matcher(line);
            if (pause.find()) {
                long at = Long.parseLong(pause.group(1));
                if (at >= fromUptimeMillis && at <= toUptimeMillis) {
                    double millis = Double.parseDouble(pause.group(2));
                    count++;
                    total += millis;
                    max = Math.max(max, millis);
                }
            }
        }
        return new GcPauses(count, total, max);
    }
}
