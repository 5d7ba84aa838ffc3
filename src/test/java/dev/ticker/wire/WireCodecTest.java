package dev.ticker.wire;

import dev.ticker.market.Instrument;
import dev.ticker.market.Quote;
import dev.ticker.market.QuoteSelection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WireCodecTest {

    private final WireCodec codec = new WireCodec();
    private final Quote quote = new Quote("ACME", new BigDecimal("121.40"), new BigDecimal("120.50"),
            new BigDecimal("121.90"), new BigDecimal("119.80"), 12_300, 42, 1_700_000_000_000L);

    @Test
    void writesAQuoteWithCentsKeptAndChangeAgainstTheOpen() {
        assertEquals("{\"type\":\"quote\",\"symbol\":\"ACME\",\"price\":121.40,\"change\":0.90,"
                + "\"changePercent\":0.75,\"open\":120.50,\"high\":121.90,\"low\":119.80,\"volume\":12300,"
                + "\"seq\":42,\"ts\":1700000000000}", codec.quote(quote));
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
                new ServerMessage.Limits(4096, 100, 20, 10000, 100, 20000, 15000)));

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
}
