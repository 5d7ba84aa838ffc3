package dev.ticker.wire;

import dev.ticker.fanout.TickerStats;

import dev.ticker.market.Instrument;
import dev.ticker.market.Quote;
import dev.ticker.market.QuoteSelection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WireCodecTest {

    private final WireCodec codec = new WireCodec();
    private final Quote quote = new Quote("ACME", new BigDecimal("121.40"), new BigDecimal("120.50"),
            new BigDecimal("121.90"), new BigDecimal("119.80"), 12_300, 42, 1_700_000_000_000L, 7);

    @Test
    void writesAQuoteWithCentsKeptAndChangeAgainstTheOpen() {
        assertEquals("{\"type\":\"quote\",\"symbol\":\"ACME\",\"price\":121.40,\"change\":0.90,"
                + "\"changePercent\":0.75,\"open\":120.50,\"high\":121.90,\"low\":119.80,\"volume\":12300,"
                + "\"seq\":42,\"symbolSeq\":7,\"ts\":1700000000000}", codec.quote(quote));
    }

    @Test
    void writesTheSameQuoteFieldsInSnapshotsAndPolls() {
        String fields = codec.quote(quote).replace("\"type\":\"quote\",", "");

        assertEquals("{\"type\":\"snapshot\",\"quotes\":[" + fields + "]}", codec.snapshot(List.of(quote)));
        assertEquals("{\"seq\":42,\"quotes\":[" + fields + "]}",
                codec.quotes(new QuoteSelection(42, List.of(quote), false)));
    }

    @Test
    void marksAPollGap() {
        assertEquals("{\"seq\":42,\"quotes\":[],\"gap\":true}", codec.quotes(new QuoteSelection(42, List.of(), true)));
    }

    @Test
    void writesTheWelcome() {
        String welcome = codec.encode(new ServerMessage.Welcome(
                List.of(new Instrument("ACME", "Acme \"Corp\"", BigDecimal.TEN, 0.1)), 250, 1000,
                new ServerMessage.Limits(4096, 100, 20, 10000, 100, 20000, 15000), null));

        assertEquals("{\"type\":\"welcome\",\"symbols\":[{\"symbol\":\"ACME\",\"name\":\"Acme \\\"Corp\\\"\"}],"
                + "\"intervalMs\":250,\"serverTime\":1000,\"limits\":{\"maxMessageBytes\":4096,"
                + "\"maxSymbolsPerSession\":100,\"maxMessagesPerSecond\":20,\"maxSessions\":10000,"
                + "\"maxSessionsPerAddress\":100,\"pingIntervalMs\":20000,\"stallTimeoutMs\":15000}}", welcome);
    }

    @Test
    void writesErrorsWithTheirStableCode() {
        assertEquals("{\"type\":\"error\",\"code\":\"unknown-symbol\",\"message\":\"no\",\"symbols\":[\"FOO\"]}",
                codec.encode(new ServerMessage.Error(ErrorCode.UNKNOWN_SYMBOL, "no", List.of("FOO"))));
        assertEquals("{\"type\":\"error\",\"code\":\"not-json\",\"message\":\"bad\"}",
                codec.encode(new ServerMessage.Error(ErrorCode.NOT_JSON, "bad")));
    }

    @Test
    void readsSubscribeWithDuplicatesRemovedInOrder() {
        assertEquals(new ClientMessage.Subscribe(List.of("ACME", "GLOBX")),
                codec.decode("{\"type\":\"subscribe\",\"symbols\":[\"ACME\",\"GLOBX\",\"ACME\"]}"));
    }

    @Test
    void readsTheCursorOfAResumingSubscribe() {
        ClientMessage.Subscribe subscribe = (ClientMessage.Subscribe)
                codec.decode("{\"type\":\"subscribe\",\"symbols\":[\"ACME\"],\"since\":1700000000000042}");

        assertEquals(1_700_000_000_000_042L, subscribe.since());
        assertEquals(true, subscribe.resumes());
    }

    @Test
    void writesTheAnswersToAResume() {
        assertEquals("{\"type\":\"snapshot\",\"since\":41,\"quotes\":[]}", codec.resumed(41));
        String fields = codec.quote(quote).replace("\"type\":\"quote\",", "");
        assertEquals("{\"type\":\"snapshot\",\"quotes\":[" + fields + "],\"gap\":true}", codec.gap(List.of(quote)));
    }

    @Test
    void writesTheHandshakeInTheWelcome() {
        String welcome = codec.encode(new ServerMessage.Welcome(List.of(), 250, 1000, null,
                new ServerMessage.Handshake("dGhlIHNhbXBsZSBub25jZQ==", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")));

        assertEquals("{\"type\":\"welcome\",\"symbols\":[],\"intervalMs\":250,\"serverTime\":1000,"
                + "\"handshake\":{\"key\":\"dGhlIHNhbXBsZSBub25jZQ==\",\"accept\":\"s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\"}}",
                welcome);
    }

    @Test
    void readsUnsubscribeAndIgnoresUnknownFields() {
        assertEquals(new ClientMessage.Unsubscribe(List.of("ACME")),
                codec.decode("{\"type\":\"unsubscribe\",\"symbols\":[\"ACME\"],\"extra\":1}"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "not json                                      | not-json",
        "''                                            | not-json",
        "{\"type\":\"subscribe\"                       | not-json",
        "{} trailing                                   | not-json",
        "[1,2]                                         | invalid-message",
        "42                                            | invalid-message",
        "{\"symbols\":[\"ACME\"]}                      | invalid-message",
        "{\"type\":7}                                  | invalid-message",
        "{\"type\":\"subscribe\"}                      | invalid-message",
        "{\"type\":\"subscribe\",\"symbols\":\"ACME\"} | invalid-message",
        "{\"type\":\"subscribe\",\"symbols\":[]}       | invalid-message",
        "{\"type\":\"subscribe\",\"symbols\":[1]}      | invalid-message",
        "{\"type\":\"dance\"}                          | unknown-type",
        "{\"type\":\"subscribe\",\"symbols\":[\"A\"],\"since\":-1}      | invalid-message",
        "{\"type\":\"subscribe\",\"symbols\":[\"A\"],\"since\":1.5}     | invalid-message",
        "{\"type\":\"subscribe\",\"symbols\":[\"A\"],\"since\":\"7\"}   | invalid-message",
        "{\"type\":\"subscribe\",\"symbols\":[\"A\"],\"since\":null}    | invalid-message",
        "{\"type\":\"subscribe\",\"symbols\":[\"A\"],\"since\":1e30}    | invalid-message",
    })
    void refusesBadInputWithItsCode(String text, String code) {
        WireException e = assertThrows(WireException.class, () -> codec.decode(text));

        assertEquals(code, e.code().wireName());
    }

    @Test
    void abbreviatesEchoedInput() {
        WireException e = assertThrows(WireException.class,
                () -> codec.decode("{\"type\":\"" + "x".repeat(10_000) + "\"}"));

        assertEquals(true, e.getMessage().length() < 200, e.getMessage());
    }

    @Test
    void writesStatsWithTheMetricsNames() {
        String json = codec.stats(new TickerStats(Map.of("websocket", 2), 10, 4, 8, 7, 9,
                900, 1, 0, 3, Map.of("origin", 5L)));
        assertEquals("{\"sessions\":{\"websocket\":2},\"quotesGenerated\":10,\"quotesEncoded\":4,"
                + "\"updatesOffered\":8,\"updatesSent\":7,\"framesSent\":9,\"bytesSent\":900,"
                + "\"updatesConflated\":1,\"sessionsEvicted\":0,\"sendQueueDepth\":3,"
                + "\"handshakeRejections\":{\"origin\":5}}", json);
    }

    @Test
    void batchesQuoteMessagesIntoOneWithTheSnapshotsQuoteShape() {
        Quote first = quote;
        Quote second = new Quote("GLOBX", new BigDecimal("10.05"), new BigDecimal("10.00"), new BigDecimal("10.10"),
                new BigDecimal("9.90"), 500, 43, 1_700_000_000_250L, 3);
        String batch = codec.batch(List.of(codec.quote(first), codec.quote(second)));
        String snapshot = codec.snapshot(List.of(first, second));
        assertEquals(snapshot.replace("{\"type\":\"snapshot\",", "{\"type\":\"quotes\","), batch);
    }

    @Test
    void readsBackABatchExactly() {
        Quote later = new Quote("GLOBX", new BigDecimal("0.05"), new BigDecimal("0.04"), new BigDecimal("0.05"),
                new BigDecimal("0.04"), 100, 43, 1_700_000_000_250L, 7);

        String batch = codec.batch(List.of(codec.quote(quote), codec.quote(later)));

        assertEquals(List.of(quote, later), codec.readQuotes(batch));
    }

    @Test
    void refusesToReadSomethingThatIsNotAQuote() {
        for (String text : List.of("[1]", "{\"quotes\":[1]}", "{\"symbol\":\"ACME\"}", "\"x\"",
                "{\"type\":\"quotes\",\"quotes\":[{\"symbol\":\"ACME\",\"price\":-1,\"open\":1,\"high\":1,\"low\":1,"
                        + "\"volume\":0,\"seq\":1,\"ts\":1,\"symbolSeq\":1}]}")) {
            assertThrows(WireException.class, () -> codec.readQuotes(text), text);
        }
    }
}
