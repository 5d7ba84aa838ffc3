package dev.ticker.it;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static dev.ticker.it.ApiClient.assertError;
import static dev.ticker.it.QuoteJson.seq;
import static dev.ticker.it.QuoteJson.strings;
import static dev.ticker.it.QuoteJson.symbols;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The polling API under {@code api/}, from a real HTTP client: the universe, the latest quotes with their cursor,
 * conditional requests (ETag, 304), {@code since}, and a JSON error body for every refusal.
 */
class HttpPollingIT extends DeployedTicker {

    /** How long to wait for the market to move on; it ticks every 250 ms by default. */
    private static final Duration MARKET_MOVES = Duration.ofSeconds(10);
    /** Two back-to-back requests usually see the same cursor; a tick in between only means another try. */
    private static final int CONDITIONAL_ATTEMPTS = 20;
    private static final Duration POLL_PAUSE = Duration.ofMillis(50);

    private ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(base);
    }

    @Test
    void symbolsListsTheBuiltInUniverse() {
        HttpResponse<String> response = api.get("api/symbols");
        assertEquals(200, response.statusCode(), response::body);
        JsonObject body = ApiClient.json(response);
        List<String> universe = symbols(body.getJsonArray("symbols"));
        assertAll(body.toString(),
                () -> assertEquals(20, universe.size()),
                () -> assertEquals(20, Set.copyOf(universe).size(), "no duplicates"),
                () -> assertTrue(universe.containsAll(List.of("ACME", "GLOBX", "INITK", "UMBR"))),
                () -> assertTrue(body.getJsonArray("symbols").getValuesAs(JsonObject.class).stream()
                        .noneMatch(instrument -> instrument.getString("name").isBlank()), "every symbol has a name"));
    }

    @Test
    void quotesAnswersTheLatestQuoteOfEachRequestedSymbolWithItsCursor() {
        HttpResponse<String> response = api.get("api/quotes?symbols=ACME,GLOBX");
        assertEquals(200, response.statusCode(), response::body);
        JsonObject body = ApiClient.json(response);
        List<JsonObject> quotes = body.getJsonArray("quotes").getValuesAs(JsonObject.class);
        quotes.forEach(QuoteJson::assertWellFormed);
        long cursor = body.getJsonNumber("seq").longValueExact();
        assertAll(body.toString(),
                () -> assertEquals(List.of("ACME", "GLOBX"), symbols(body.getJsonArray("quotes"))),
                () -> assertEquals(quotes.stream().mapToLong(QuoteJson::seq).max().orElseThrow(), cursor,
                        "seq is the highest seq among the quotes"),
                () -> assertFalse(body.containsKey("gap"), "no gap without since"),
                () -> assertEquals("\"" + cursor + "\"", response.headers().firstValue("ETag").orElse(null)),
                () -> assertTrue(response.headers().firstValue("Cache-Control").orElse("").contains("no-cache"),
                        "Cache-Control: no-cache"));
    }

    @Test
    void quotesWithoutSymbolsAnswersEverySymbol() {
        JsonObject body = api.getJson("api/quotes");
        List<String> all = symbols(api.getJson("api/symbols").getJsonArray("symbols"));
        assertEquals(all, symbols(body.getJsonArray("quotes")), body::toString);
    }

    @Test
    void pollAnswers304ForCurrentEtag() {
        for (int attempt = 1; attempt <= CONDITIONAL_ATTEMPTS; attempt++) {
            HttpResponse<String> first = api.get("api/quotes?symbols=ACME");
            assertEquals(200, first.statusCode(), first::body);
            String tag = first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag"));

            HttpResponse<String> again = api.get("api/quotes?symbols=ACME", "If-None-Match", tag);
            if (again.statusCode() == 304) {
                assertAll(
                        () -> assertEquals("", again.body(), "a 304 has no body"),
                        () -> assertEquals(tag, again.headers().firstValue("ETag").orElse(null), "a 304 repeats the tag"),
                        () -> assertTrue(again.headers().firstValue("Cache-Control").orElse("").contains("no-cache"),
                                "a 304 keeps Cache-Control: no-cache"));
                return;
            }
            // Only a quote published in between may turn the 304 into a 200, and then the tag must have moved.
            assertEquals(200, again.statusCode(), again::body);
            assertNotEquals(tag, again.headers().firstValue("ETag").orElse(null),
                    "a 200 to If-None-Match with the current tag");
        }
        fail("no 304 in " + CONDITIONAL_ATTEMPTS + " conditional polls");
    }

    @Test
    void sinceReturnsOnlyNewerQuotes() {
        long since = api.getJson("api/quotes").getJsonNumber("seq").longValueExact();
        awaitCursorAbove(since);

        JsonObject newer = api.getJson("api/quotes?since=" + since);
        List<JsonObject> quotes = newer.getJsonArray("quotes").getValuesAs(JsonObject.class);
        assertFalse(quotes.isEmpty(), () -> "nothing newer than " + since + ": " + newer);
        assertTrue(quotes.size() <= 20, newer::toString);
        quotes.forEach(quote -> assertTrue(seq(quote) > since, () -> "not newer than " + since + ": " + quote));
        assertTrue(newer.getJsonNumber("seq").longValueExact() > since, newer::toString);
        assertFalse(newer.containsKey("gap"), newer::toString);
    }

    @Test
    void sinceAboveAnyIssuedSeqAnswersTheFullSetAsAGap() {
        long current = api.getJson("api/quotes").getJsonNumber("seq").longValueExact();
        long future = current + 1_000_000_000L;

        JsonObject body = api.getJson("api/quotes?symbols=ACME,GLOBX&since=" + future);
        assertAll(body.toString(),
                () -> assertTrue(body.getBoolean("gap", false), "gap is true"),
                () -> assertEquals(List.of("ACME", "GLOBX"), symbols(body.getJsonArray("quotes"))),
                () -> assertTrue(body.getJsonNumber("seq").longValueExact() < future, "a cursor the server issued"));
    }

    @Test
    void unknownSymbolIsA400WithJsonError() {
        JsonObject error = assertError(api.get("api/quotes?symbols=ACME,NOPE"), 400, "unknown-symbol");
        assertEquals(List.of("NOPE"), strings(error.getJsonArray("symbols")), error::toString);
    }

    @Test
    void malformedSinceIsA400InvalidParameter() {
        assertAll(
                () -> assertError(api.get("api/quotes?since=abc"), 400, "invalid-parameter"),
                () -> assertError(api.get("api/quotes?since=-1"), 400, "invalid-parameter"),
                () -> assertError(api.get("api/quotes?symbols=ACME&since=1.5"), 400, "invalid-parameter"));
    }

    @Test
    void emptyEntryInSymbolsIsA400InvalidParameter() {
        assertError(api.get("api/quotes?symbols=ACME,,GLOBX"), 400, "invalid-parameter");
    }

    @Test
    void hugeSymbolsQueryIsA400InvalidParameterAndChangesNothing() {
        // Over the 4096 characters allowed, well under the 8 KB request lines every server here accepts.
        String huge = "ACME," + "GLOBX,".repeat(900) + "ACME";
        assertError(api.get("api/quotes?symbols=" + huge), 400, "invalid-parameter");
        assertError(api.get("api/quotes?symbols=" + "X".repeat(5000)), 400, "invalid-parameter");
        assertEquals(List.of("ACME"), QuoteJson.symbols(api.getJson("api/quotes?symbols=ACME").getJsonArray("quotes")),
                "the API still answers normally");
    }

    @Test
    void unknownPathIsA404WithJsonError() {
        assertError(api.get("api/nothing-here"), 404, "not-found");
    }

    /** Polls until the market has published a quote after {@code cursor}; fails if it stays silent. */
    private void awaitCursorAbove(long cursor) {
        long deadline = System.nanoTime() + MARKET_MOVES.toNanos();
        while (System.nanoTime() < deadline) {
            if (api.getJson("api/quotes").getJsonNumber("seq").longValueExact() > cursor) {
                return;
            }
            pause();
        }
        fail("no quote after seq " + cursor + " within " + MARKET_MOVES + ": the market is silent");
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted while polling");
        }
    }
}
