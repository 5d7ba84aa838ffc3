package dev.ticker.it;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The counters, as a scraper and the demo page read them: {@code metrics} in the Prometheus text format and
 * {@code api/stats} as JSON, with the same numbers under the same names on every target.
 */
class MetricsIT extends DeployedTicker {

    private static final Duration REPLY = Duration.ofSeconds(10);
    private static final Duration QUOTE = Duration.ofSeconds(5);
    private static final Pattern SAMPLE = Pattern.compile("^(ticker_[a-z_]+(?:\\{[^}]*})?) (\\d+)$", Pattern.MULTILINE);

    @Test
    void metricsCountsOpenSessionsInThePrometheusTextFormat() {
        try (PushClient first = PushClient.connectWelcomed(base, REPLY);
             PushClient second = PushClient.connectWelcomed(base, REPLY)) {
            HttpResponse<String> response = new ApiClient(base).get("metrics");
            assertEquals(200, response.statusCode(), response::body);
            String type = response.headers().firstValue("Content-Type").orElse("(none)");
            Map<String, Long> samples = samples(response.body());
            assertAll(response.body(),
                    () -> assertTrue(type.startsWith("text/plain"), "Content-Type " + type),
                    () -> assertTrue(response.body().contains("# TYPE ticker_quotes_generated_total counter")),
                    () -> assertTrue(samples.get("ticker_sessions{transport=\"websocket\"}") >= 2,
                            "both sessions counted"),
                    () -> assertTrue(samples.containsKey("ticker_send_queue_depth")));
        }
    }

    @Test
    void eachPublishedQuoteIsEncodedAtMostOnceWhateverItsSubscribers() {
        ApiClient api = new ApiClient(base);
        try (PushClient first = PushClient.connectWelcomed(base, REPLY);
             PushClient second = PushClient.connectWelcomed(base, REPLY);
             PushClient third = PushClient.connectWelcomed(base, REPLY)) {
            for (PushClient client : new PushClient[] {first, second, third}) {
                client.subscribe("ACME", "GLOBX", "INITK", "UMBR");
                client.expect("snapshot", REPLY);
            }
            JsonObject before = api.getJson("api/stats");
            for (int i = 0; i < 5; i++) {
                first.await("quote", QUOTE);
            }
            JsonObject after = api.getJson("api/stats");
            long generated = delta(before, after, "quotesGenerated");
            long encoded = delta(before, after, "quotesEncoded");
            long offered = delta(before, after, "updatesOffered");
            assertAll(before + " then " + after,
                    () -> assertTrue(generated > 0, "quotes were generated"),
                    () -> assertTrue(encoded > 0, "subscribed quotes were encoded"),
                    () -> assertTrue(encoded <= generated, "never more encodings than quotes"),
                    () -> assertTrue(offered >= 2 * encoded,
                            "each encoding was offered to the three subscribers (other tests' clients may add more)"));
        }
    }

    @Test
    void statsAndMetricsReportTheSameCounters() {
        ApiClient api = new ApiClient(base);
        JsonObject stats = api.getJson("api/stats");
        Map<String, Long> samples = samples(api.get("metrics").body());
        assertAll(stats.toString(),
                () -> assertTrue(stats.getJsonObject("sessions").containsKey("websocket")),
                () -> assertTrue(stats.getJsonObject("handshakeRejections") != null),
                // Counters only grow, and metrics was read after stats.
                () -> assertTrue(samples.get("ticker_quotes_generated_total")
                        >= stats.getJsonNumber("quotesGenerated").longValueExact()),
                () -> assertTrue(samples.get("ticker_frames_sent_total")
                        >= stats.getJsonNumber("framesSent").longValueExact()));
    }

    private static long delta(JsonObject before, JsonObject after, String counter) {
        return after.getJsonNumber(counter).longValueExact() - before.getJsonNumber(counter).longValueExact();
    }

    private static Map<String, Long> samples(String text) {
        Map<String, Long> samples = new HashMap<>();
        Matcher sample = SAMPLE.matcher(text);
        while (sample.find()) {
            samples.put(sample.group(1), Long.parseLong(sample.group(2)));
        }
        return samples;
    }
}
