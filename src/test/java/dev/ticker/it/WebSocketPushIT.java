package dev.ticker.it;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.ticker.it.QuoteJson.seq;
import static dev.ticker.it.QuoteJson.strings;
import static dev.ticker.it.QuoteJson.symbols;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The push protocol at {@code ws/quotes}, spoken by a real WebSocket client: welcome, subscribe, snapshot, quotes,
 * unsubscribe, and an error reply for every kind of bad input, after which the session still works.
 */
class WebSocketPushIT extends DeployedTicker {

    /** A reply to a request; generous, since a server's first requests after deployment can be slow. */
    private static final Duration REPLY = Duration.ofSeconds(10);
    /** At the default 250 ms tick and 50% activity, any two symbols quote several times a second. */
    private static final Duration QUOTE = Duration.ofSeconds(5);
    private static final Duration SILENCE = Duration.ofSeconds(2);

    @Test
    void sendsWelcomeWithTheUniverseOnOpen() {
        try (PushClient client = PushClient.connect(base)) {
            JsonObject welcome = client.expect("welcome", REPLY);
            List<String> universe = symbols(welcome.getJsonArray("symbols"));
            JsonObject api = new ApiClient(base).getJson("api/symbols");
            assertAll(welcome.toString(),
                    () -> assertEquals(20, universe.size()),
                    () -> assertTrue(universe.containsAll(List.of("ACME", "GLOBX", "INITK", "UMBR"))),
                    () -> assertTrue(welcome.getJsonArray("symbols").getValuesAs(JsonObject.class).stream()
                            .noneMatch(instrument -> instrument.getString("name").isBlank()), "every symbol has a name"),
                    () -> assertTrue(welcome.getJsonNumber("intervalMs").longValueExact() > 0),
                    () -> assertTrue(Math.abs(System.currentTimeMillis()
                            - welcome.getJsonNumber("serverTime").longValueExact()) < 60_000, "serverTime is now"),
                    () -> assertEquals(api.getJsonArray("symbols"), welcome.getJsonArray("symbols"),
                            "the same universe as GET api/symbols"));
        }
    }

    @Test
    void pushesSnapshotThenOnlySubscribedQuotes() {
        try (PushClient client = PushClient.connectWelcomed(base, REPLY)) {
            client.subscribe("ACME", "GLOBX");
            JsonObject snapshot = client.expect("snapshot", REPLY);
            List<JsonObject> snapshotQuotes = snapshot.getJsonArray("quotes").getValuesAs(JsonObject.class);
            assertEquals(Set.of("ACME", "GLOBX"), Set.copyOf(symbols(snapshot.getJsonArray("quotes"))), snapshot::toString);
            snapshotQuotes.forEach(QuoteJson::assertWellFormed);
            for (int i = 0; i < 6; i++) {
                JsonObject quote = client.expect("quote", QUOTE);
                assertTrue(Set.of("ACME", "GLOBX").contains(quote.getString("symbol")), () -> "not subscribed: " + quote);
            }
        }
    }

    @Test
    void quotesOfOneTickArriveBatchedInOneMessage() {
        try (PushClient client = PushClient.connect(base)) {
            JsonObject welcome = client.expect("welcome", REPLY);
            List<String> universe = symbols(welcome.getJsonArray("symbols"));
            int allowed = welcome.getJsonObject("limits").getInt("maxSymbolsPerSession");
            client.subscribe(universe.subList(0, Math.min(allowed, universe.size())).toArray(String[]::new));
            client.expect("snapshot", REPLY);
            // At the default 50% activity a tick quotes about half the subscribed symbols, so within a few ticks
            // the server has sent some of them together as one "quotes" message.
            long deadline = System.nanoTime() + QUOTE.toNanos();
            while (client.batchesReceived() == 0 && System.nanoTime() < deadline) {
                QuoteJson.assertWellFormed(client.expect("quote", QUOTE));
            }
            assertTrue(client.batchesReceived() > 0, "no batch within " + QUOTE);
        }
    }

    @Test
    void quotesArriveWithIncreasingSeqAboveTheSnapshot() {
        try (PushClient client = PushClient.connectWelcomed(base, REPLY)) {
            client.subscribe("ACME", "GLOBX", "INITK", "UMBR");
            Map<String, Long> latestSeq = new HashMap<>();
            client.expect("snapshot", REPLY).getJsonArray("quotes").getValuesAs(JsonObject.class)
                    .forEach(quote -> latestSeq.put(quote.getString("symbol"), seq(quote)));
            long previous = 0;
            for (int i = 0; i < 12; i++) {
                JsonObject quote = client.expect("quote", QUOTE);
                QuoteJson.assertWellFormed(quote);
                long seq = seq(quote);
                Long snapshotSeq = latestSeq.get(quote.getString("symbol"));
                assertTrue(snapshotSeq != null, () -> "not subscribed: " + quote);
                assertTrue(seq > previous, "seq " + seq + " after " + previous + ": " + quote);
                assertTrue(seq > snapshotSeq, "seq " + seq + " not above the snapshot's " + snapshotSeq + ": " + quote);
                previous = seq;
                latestSeq.put(quote.getString("symbol"), seq);
            }
        }
    }

    @Test
    void snapshotCoversOnlyNewlySubscribedSymbols() {
        try (PushClient client = PushClient.connectWelcomed(base, REPLY)) {
            client.subscribe("ACME");
            assertEquals(List.of("ACME"), symbols(client.expect("snapshot", REPLY).getJsonArray("quotes")));
            client.subscribe("ACME", "GLOBX");
            JsonObject second = client.await("snapshot", REPLY);
            assertEquals(List.of("GLOBX"), symbols(second.getJsonArray("quotes")), second::toString);
        }
    }

    @Test
    void unsubscribeStopsQuotesOfThatSymbol() {
        try (PushClient client = PushClient.connectWelcomed(base, REPLY)) {
            client.subscribe("ACME", "GLOBX", "INITK", "UMBR");
            client.expect("snapshot", REPLY);
            client.unsubscribe("ACME");
            JsonObject ack = client.await("unsubscribed", REPLY);
            assertEquals(List.of("ACME"), strings(ack.getJsonArray("symbols")), ack::toString);

            List<JsonObject> after = client.collectFor(SILENCE);
            Set<String> quoted = new HashSet<>();
            after.forEach(message -> {
                assertEquals("quote", message.getString("type"), message::toString);
                quoted.add(message.getString("symbol"));
            });
            assertFalse(quoted.contains("ACME"), () -> "ACME quoted after its unsubscribe ack: " + after);
            assertFalse(quoted.isEmpty(), "the other subscribed symbols stopped too");
        }
    }

    @Test
    void unknownSymbolGetsErrorBeforeSnapshotAndKnownOnesStillApply() {
        try (PushClient client = PushClient.connectWelcomed(base, REPLY)) {
            client.subscribe("ACME", "NOPE");
            JsonObject error = client.expect("error", REPLY);
            assertEquals("unknown-symbol", error.getString("code"), error::toString);
            assertEquals(List.of("NOPE"), strings(error.getJsonArray("symbols")), error::toString);
            JsonObject snapshot = client.expect("snapshot", REPLY);
            assertEquals(List.of("ACME"), symbols(snapshot.getJsonArray("quotes")), snapshot::toString);
            JsonObject quote = client.expect("quote", QUOTE);
            assertEquals("ACME", quote.getString("symbol"), quote::toString);
        }
    }

    @Test
    void notJsonGetsErrorAndSessionStaysOpen() {
        assertRejectedAndSessionStaysUsable("hello, ticker", "not-json");
    }

    @Test
    void jsonThatIsNotAnObjectIsAnInvalidMessage() {
        assertRejectedAndSessionStaysUsable("[\"subscribe\", \"ACME\"]", "invalid-message");
    }

    @Test
    void missingTypeIsAnInvalidMessage() {
        assertRejectedAndSessionStaysUsable("{\"symbols\":[\"ACME\"]}", "invalid-message");
    }

    @Test
    void missingSymbolsIsAnInvalidMessage() {
        assertRejectedAndSessionStaysUsable("{\"type\":\"subscribe\"}", "invalid-message");
    }

    @Test
    void symbolsThatAreNotAnArrayAreAnInvalidMessage() {
        assertRejectedAndSessionStaysUsable("{\"type\":\"subscribe\",\"symbols\":\"ACME\"}", "invalid-message");
    }

    @Test
    void emptySymbolsAreAnInvalidMessage() {
        assertRejectedAndSessionStaysUsable("{\"type\":\"subscribe\",\"symbols\":[]}", "invalid-message");
    }

    @Test
    void symbolThatIsNotAStringIsAnInvalidMessage() {
        assertRejectedAndSessionStaysUsable("{\"type\":\"subscribe\",\"symbols\":[\"ACME\",42]}", "invalid-message");
    }

    @Test
    void unknownTypeGetsErrorAndSessionStaysOpen() {
        assertRejectedAndSessionStaysUsable("{\"type\":\"buy\",\"symbols\":[\"ACME\"]}", "unknown-type");
    }

    @Test
    void binaryMessageClosesWith1003() {
        try (PushClient client = PushClient.connectWelcomed(base, REPLY)) {
            client.sendBinary(new byte[] {1, 2, 3});
            assertEquals(1003, client.awaitClose(REPLY));
        }
    }

    /** {@code badInput} earns an error with {@code code}, and then a subscribe on the same session still works. */
    private void assertRejectedAndSessionStaysUsable(String badInput, String code) {
        try (PushClient client = PushClient.connectWelcomed(base, REPLY)) {
            client.send(badInput);
            JsonObject error = client.expect("error", REPLY);
            assertEquals(code, error.getString("code"), () -> badInput + " -> " + error);
            assertFalse(error.getString("message", "").isBlank(), () -> "error without a message: " + error);

            client.subscribe("ACME");
            JsonObject snapshot = client.expect("snapshot", REPLY);
            assertEquals(List.of("ACME"), symbols(snapshot.getJsonArray("quotes")), snapshot::toString);
        }
    }
}
