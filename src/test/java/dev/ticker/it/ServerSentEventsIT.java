package dev.ticker.it;

import dev.ticker.it.EventStreamClient.Event;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.ticker.it.ApiClient.assertError;
import static dev.ticker.it.QuoteJson.seq;
import static dev.ticker.it.QuoteJson.symbolSeq;
import static dev.ticker.it.QuoteJson.symbols;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Server-sent events, {@code api/quotes/stream}: a welcome, a snapshot, then every quote of the requested symbols
 * as events whose id is the seq, the same JSON as the WebSocket's; resuming from {@code Last-Event-ID} replays what
 * was missed; bad requests get the API's JSON errors.
 */
class ServerSentEventsIT extends DeployedTicker {

    private static final Duration EVENT = Duration.ofSeconds(10);
    private static final String PAIR = "symbols=ACME,GLOBX";
    private static final Set<String> PAIR_SYMBOLS = Set.of("ACME", "GLOBX");

    @Test
    void streamsWelcomeThenSnapshotThenQuotesWithTheirSeqAsId() {
        try (EventStreamClient stream = EventStreamClient.stream(base, "api/quotes/stream?" + PAIR)) {
            assertEquals("no-store", stream.header("Cache-Control"), "never cached");
            Event welcome = stream.expect("welcome", EVENT);
            JsonObject hello = welcome.json();
            assertAll(welcome.toString(),
                    () -> assertEquals("welcome", hello.getString("type")),
                    () -> assertEquals(20, hello.getJsonArray("symbols").size()),
                    () -> assertTrue(hello.containsKey("serverTime") && hello.containsKey("intervalMs")),
                    () -> assertFalse(hello.containsKey("handshake"), "no WebSocket handshake here"),
                    () -> assertEquals("2000", welcome.retry(), "reconnect delay"));

            Event snapshotEvent = stream.expect("snapshot", EVENT);
            JsonObject snapshot = snapshotEvent.json();
            List<JsonObject> latest = snapshot.getJsonArray("quotes").getValuesAs(JsonObject.class);
            assertEquals(PAIR_SYMBOLS, Set.copyOf(symbols(snapshot.getJsonArray("quotes"))), snapshot::toString);
            long previous = latest.stream().mapToLong(QuoteJson::seq).max().orElseThrow();
            assertEquals(Long.toString(previous), snapshotEvent.id(), "a snapshot's id is its highest seq");

            for (int i = 0; i < 5; i++) {
                Event event = stream.expect("quote", EVENT);
                JsonObject quote = event.json();
                assertEquals("quote", quote.getString("type"), quote::toString);
                QuoteJson.assertWellFormed(quote);
                assertTrue(PAIR_SYMBOLS.contains(quote.getString("symbol")), quote::toString);
                assertEquals(Long.toString(seq(quote)), event.id(), "a quote's id is its seq");
                assertTrue(seq(quote) > previous, "seq " + seq(quote) + " after " + previous);
                previous = seq(quote);
            }
        }
    }

    @Test
    void carriesTheSameQuoteJsonAsTheWebSocket() {
        try (PushClient push = PushClient.connectWelcomed(base, EVENT);
             EventStreamClient stream = EventStreamClient.stream(base, "api/quotes/stream?symbols=ACME")) {
            push.subscribe("ACME");
            push.expect("snapshot", EVENT);
            stream.expect("welcome", EVENT);
            stream.expect("snapshot", EVENT);
            Map<Long, JsonObject> pushed = new HashMap<>();
            for (int i = 0; i < 20 && pushed.size() < 8; i++) {
                JsonObject quote = push.expect("quote", EVENT);
                pushed.put(seq(quote), quote);
            }
            int compared = 0;
            for (int i = 0; i < 8; i++) {
                JsonObject streamed = stream.expect("quote", EVENT).json();
                JsonObject same = pushed.get(seq(streamed));
                if (same != null) {
                    assertEquals(same, streamed, "the same quote, pushed and streamed");
                    compared++;
                }
            }
            assertTrue(compared >= 4, "only " + compared + " quotes arrived over both transports");
        }
    }

    @Test
    void resumingFromLastEventIdReplaysEveryMissedQuoteThenASnapshotNamingIt() throws InterruptedException {
        Map<String, Long> lastSymbolSeq = new HashMap<>();
        String lastId;
        try (EventStreamClient first = EventStreamClient.stream(base, "api/quotes/stream?" + PAIR)) {
            first.expect("welcome", EVENT);
            Event snapshot = first.expect("snapshot", EVENT);
            snapshot.json().getJsonArray("quotes").getValuesAs(JsonObject.class)
                    .forEach(quote -> lastSymbolSeq.put(quote.getString("symbol"), symbolSeq(quote)));
            lastId = snapshot.id();
            for (int i = 0; i < 3; i++) {
                Event event = first.expect("quote", EVENT);
                lastSymbolSeq.put(event.json().getString("symbol"), symbolSeq(event.json()));
                lastId = event.id();
            }
        }
        Thread.sleep(2_000);

        try (EventStreamClient second = EventStreamClient.stream(base, "api/quotes/stream?" + PAIR,
                "Last-Event-ID", lastId)) {
            second.expect("welcome", EVENT);
            int replayed = 0;
            long previous = Long.parseLong(lastId);
            Event event;
            Set<String> replaying = new HashSet<>();
            while ((event = second.next(EVENT)).name().equals("quote")) {
                JsonObject quote = event.json();
                String symbol = quote.getString("symbol");
                assertTrue(seq(quote) > previous, quote::toString);
                // As in ResumeIT: the first stream may have been conflated before it closed; the replay has no hole.
                if (replaying.add(symbol)) {
                    assertTrue(symbolSeq(quote) > lastSymbolSeq.get(symbol), () -> "seen before: " + quote);
                } else {
                    assertEquals(lastSymbolSeq.get(symbol) + 1, symbolSeq(quote), () -> "a hole before " + quote);
                }
                lastSymbolSeq.put(symbol, symbolSeq(quote));
                previous = seq(quote);
                replayed++;
            }
            Event end = event;
            JsonObject resumed = end.json();
            String since = lastId;
            assertAll(end.toString(),
                    () -> assertEquals("snapshot", end.name()),
                    () -> assertEquals(Long.parseLong(since), resumed.getJsonNumber("since").longValueExact()),
                    () -> assertTrue(resumed.getJsonArray("quotes").isEmpty()),
                    () -> assertFalse(resumed.containsKey("gap")),
                    () -> assertNull(end.id(), "no id: the client's last id stays the cursor"));
            assertTrue(replayed > 0, "the market moved for 2 s but nothing was replayed");
            JsonObject live = second.expect("quote", EVENT).json();
            assertTrue(symbolSeq(live) > lastSymbolSeq.get(live.getString("symbol")), live::toString);
        }
    }

    @Test
    void aCursorTheHistoryDoesNotCoverGetsTheSnapshotMarkedAsAGap() {
        try (EventStreamClient stream = EventStreamClient.stream(base, "api/quotes/stream?" + PAIR + "&since=1")) {
            stream.expect("welcome", EVENT);
            JsonObject snapshot = stream.expect("snapshot", EVENT).json();
            assertAll(snapshot.toString(),
                    () -> assertTrue(snapshot.getBoolean("gap", false)),
                    () -> assertEquals(PAIR_SYMBOLS, Set.copyOf(symbols(snapshot.getJsonArray("quotes")))));
        }
    }

    @Test
    void badRequestsGetAJsonErrorInsteadOfAStream() {
        ApiClient api = new ApiClient(base);
        JsonObject unknown = assertError(api.get("api/quotes/stream?symbols=ACME,NOPE", "Accept", "text/event-stream"),
                400, "unknown-symbol");
        assertEquals(List.of("NOPE"), QuoteJson.strings(unknown.getJsonArray("symbols")), unknown::toString);
        assertError(api.get("api/quotes/stream?since=abc", "Accept", "text/event-stream"), 400, "invalid-parameter");
        assertError(api.get("api/quotes/stream", "Accept", "text/event-stream", "Last-Event-ID", "x"),
                400, "invalid-parameter");
        assertError(api.get("api/quotes/stream?symbols=,", "Accept", "text/event-stream"), 400, "invalid-parameter");
    }
}
