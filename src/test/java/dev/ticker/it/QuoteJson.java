package dev.ticker.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a quote looks like on the wire, the same for push and poll, and small readers of quote lists.
 */
final class QuoteJson {

    /** Quotes must be recent; generous, because a server's first tick can lag its deployment. */
    private static final long MAX_AGE_MILLIS = 60_000;

    private QuoteJson() {
    }

    /** Asserts every field of a quote and how they relate. */
    static void assertWellFormed(JsonObject quote) {
        BigDecimal price = quote.getJsonNumber("price").bigDecimalValue();
        BigDecimal open = quote.getJsonNumber("open").bigDecimalValue();
        BigDecimal high = quote.getJsonNumber("high").bigDecimalValue();
        BigDecimal low = quote.getJsonNumber("low").bigDecimalValue();
        BigDecimal change = quote.getJsonNumber("change").bigDecimalValue();
        long ts = quote.getJsonNumber("ts").longValueExact();
        assertAll("quote " + quote,
                () -> assertFalse(quote.getString("symbol").isBlank(), "has a symbol"),
                () -> assertTrue(price.signum() > 0, "price is positive"),
                () -> assertTrue(low.compareTo(price) <= 0 && price.compareTo(high) <= 0, "low <= price <= high"),
                () -> assertEquals(0, price.subtract(open).compareTo(change), "change = price - open"),
                () -> assertTrue(quote.containsKey("changePercent"), "has changePercent"),
                () -> assertTrue(quote.getJsonNumber("volume").longValueExact() >= 0, "volume is not negative"),
                () -> assertTrue(seq(quote) > 0, "seq is positive"),
                () -> assertTrue(symbolSeq(quote) > 0, "symbolSeq is positive"),
                () -> assertTrue(Math.abs(System.currentTimeMillis() - ts) < MAX_AGE_MILLIS, "ts is about now"));
    }

    static long seq(JsonObject quote) {
        return quote.getJsonNumber("seq").longValueExact();
    }

    static long symbolSeq(JsonObject quote) {
        return quote.getJsonNumber("symbolSeq").longValueExact();
    }

    /** The symbols of a list of quotes (or of instruments), in order. */
    static List<String> symbols(JsonArray items) {
        return items.getValuesAs(JsonObject.class).stream().map(item -> item.getString("symbol")).toList();
    }

    /** The strings of a JSON array of strings. */
    static List<String> strings(JsonArray values) {
        return values.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
