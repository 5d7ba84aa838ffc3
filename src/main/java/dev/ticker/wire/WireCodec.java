package dev.ticker.wire;

import dev.ticker.fanout.TickerStats;
import dev.ticker.market.Instrument;
import dev.ticker.market.Quote;
import dev.ticker.market.QuoteSelection;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The wire format, in one place: every JSON text the server writes or reads, for WebSocket and HTTP alike, so the
 * two transports cannot drift apart. Thread-safe.
 */
public final class WireCodec {

    private static final int MAX_ECHO = 40;
    /** How {@link #quote} begins; a batch keeps the rest of each quote message. */
    private static final String QUOTE_START = "{\"type\":\"quote\",";
    private static final String BATCH_START = "{\"type\":\"quotes\",\"quotes\":[";

    private final JsonGeneratorFactory generators = Json.createGeneratorFactory(Map.of());
    private final JsonParserFactory parsers = Json.createParserFactory(Map.of());

    /** {@code {"type":"quote", <quote fields>}}. */
    public String quote(Quote quote) {
        return write(json -> {
            json.writeStartObject().write("type", "quote");
            quoteFields(json, quote);
            json.writeEnd();
        });
    }

    /**
     * {@code {"type":"quotes","quotes":[...]}}: several live quotes in one message, in seq order, each as in a
     * snapshot. Built from the quote messages {@link #quote} already wrote, so batching encodes nothing again.
     */
    public String batch(List<String> quoteMessages) {
        int length = BATCH_START.length() + 2;
        for (String message : quoteMessages) {
            length += message.length();
        }
        StringBuilder batch = new StringBuilder(length).append(BATCH_START);
        for (int i = 0; i < quoteMessages.size(); i++) {
            String message = quoteMessages.get(i);
            if (!message.startsWith(QUOTE_START)) {
                throw new IllegalArgumentException("not a quote message: " + abbreviate(message));
            }
            batch.append(i == 0 ? "{" : ",{").append(message, QUOTE_START.length(), message.length());
        }
        return batch.append("]}").toString();
    }

    /** {@code {"type":"snapshot","quotes":[...]}}. */
    public String snapshot(List<Quote> quotes) {
        return write(json -> {
            json.writeStartObject().write("type", "snapshot");
            quoteArray(json, quotes);
            json.writeEnd();
        });
    }

    /** {@code {"type":"snapshot","since":<since>,"quotes":[]}}: the end of a replay of what came after {@code since}. */
    public String resumed(long since) {
        return write(json -> {
            json.writeStartObject().write("type", "snapshot").write("since", since);
            quoteArray(json, List.of());
            json.writeEnd();
        });
    }

    /** {@code {"type":"snapshot","quotes":[...],"gap":true}}: the latest quotes, when a resume could not replay. */
    public String gap(List<Quote> quotes) {
        return write(json -> {
            json.writeStartObject().write("type", "snapshot");
            quoteArray(json, quotes);
            json.write("gap", true).writeEnd();
        });
    }

    /**
     * Reads a {@link #batch} or a single {@link #quote} message back into quotes: how the nodes of a cluster pass a
     * tick's quotes on, encoded once, on the node that generated them.
     *
     * @throws WireException if the text is neither
     */
    public List<Quote> readQuotes(String text) {
        JsonValue value = parseSingleValue(text);
        try {
            JsonObject message = value.asJsonObject();
            if (!message.containsKey("quotes")) {
                return List.of(readQuote(message));
            }
            List<Quote> quotes = new ArrayList<>();
            for (JsonValue item : message.getJsonArray("quotes")) {
                quotes.add(readQuote(item.asJsonObject()));
            }
            return quotes;
        } catch (ClassCastException | NullPointerException | ArithmeticException | IllegalArgumentException e) {
            throw new WireException(ErrorCode.INVALID_MESSAGE, "not a quote: " + abbreviate(text));
        }
    }

    private static Quote readQuote(JsonObject json) {
        return new Quote(json.getString("symbol"),
                json.getJsonNumber("price").bigDecimalValue(),
                json.getJsonNumber("open").bigDecimalValue(),
                json.getJsonNumber("high").bigDecimalValue(),
                json.getJsonNumber("low").bigDecimalValue(),
                json.getJsonNumber("volume").longValueExact(),
                json.getJsonNumber("seq").longValueExact(),
                json.getJsonNumber("ts").longValueExact(),
                json.getJsonNumber("symbolSeq").longValueExact());
    }

    /** {@code {"type":"unsubscribed","symbols":[...]}}: after it, no quote of these symbols arrives. */
    public String unsubscribed(List<String> symbols) {
        return write(json -> {
            json.writeStartObject().write("type", "unsubscribed");
            stringArray(json, "symbols", symbols);
            json.writeEnd();
        });
    }

    /**
     * {@code {"type":"welcome","symbols":[{"symbol","name"},...],"intervalMs":...,"serverTime":...,
     * [,"limits":{"maxMessageBytes":...,"maxSymbolsPerSession":...,...}][,"handshake":{"key":...[,"accept":...]}]}}.
     */
    public String encode(ServerMessage.Welcome welcome) {
        return write(json -> {
            json.writeStartObject().write("type", "welcome");
            instrumentArray(json, welcome.symbols());
            json.write("intervalMs", welcome.intervalMs())
                    .write("serverTime", welcome.serverTime());
            ServerMessage.Limits limits = welcome.limits();
            if (limits != null) {
                json.writeStartObject("limits")
                        .write("maxMessageBytes", limits.maxMessageBytes())
                        .write("maxSymbolsPerSession", limits.maxSymbolsPerSession())
                        .write("maxMessagesPerSecond", limits.maxMessagesPerSecond())
                        .write("maxSessions", limits.maxSessions())
                        .write("maxSessionsPerAddress", limits.maxSessionsPerAddress())
                        .write("pingIntervalMs", limits.pingIntervalMs())
                        .write("stallTimeoutMs", limits.stallTimeoutMs())
                        .writeEnd();
            }
            ServerMessage.Handshake handshake = welcome.handshake();
            if (handshake != null) {
                json.writeStartObject("handshake").write("key", handshake.key());
                if (handshake.accept() != null) {
                    json.write("accept", handshake.accept());
                }
                json.writeEnd();
            }
            json.writeEnd();
        });
    }

    /** {@code {"type":"error","code":...,"message":...[,"symbols":[...]]}}, the body of HTTP errors too. */
    public String encode(ServerMessage.Error error) {
        return write(json -> {
            json.writeStartObject()
                    .write("type", "error")
                    .write("code", error.code().wireName())
                    .write("message", error.message());
            if (!error.symbols().isEmpty()) {
                stringArray(json, "symbols", error.symbols());
            }
            json.writeEnd();
        });
    }

    /** The body of {@code GET api/symbols}: {@code {"symbols":[{"symbol","name"},...]}}. */
    public String symbols(List<Instrument> instruments) {
        return write(json -> {
            json.writeStartObject();
            instrumentArray(json, instruments);
            json.writeEnd();
        });
    }

    /** The body of {@code GET api/quotes}: {@code {"seq":...,"quotes":[...][,"gap":true]}}. */
    public String quotes(QuoteSelection selection) {
        return write(json -> {
            json.writeStartObject().write("seq", selection.seq());
            quoteArray(json, selection.quotes());
            if (selection.gap()) {
                json.write("gap", true);
            }
            json.writeEnd();
        });
    }

    /**
     * The body of {@code GET api/stats}: the same counters as {@code metrics}, named as in {@link MetricsText}
     * without the {@code ticker_} prefix, in camel case.
     */
    public String stats(TickerStats stats) {
        return write(json -> {
            json.writeStartObject().writeStartObject("sessions");
            stats.sessions().forEach(json::write);
            json.writeEnd()
                    .write("quotesGenerated", stats.quotesGenerated())
                    .write("quotesEncoded", stats.quotesEncoded())
                    .write("updatesOffered", stats.updatesOffered())
                    .write("updatesSent", stats.updatesSent())
                    .write("framesSent", stats.framesSent())
                    .write("bytesSent", stats.bytesSent())
                    .write("updatesConflated", stats.updatesConflated())
                    .write("sessionsEvicted", stats.sessionsEvicted())
                    .write("sendQueueDepth", stats.sendQueueDepth())
                    .writeStartObject("handshakeRejections");
            stats.handshakeRejections().forEach(json::write);
            json.writeEnd().writeEnd();
        });
    }

    /**
     * Reads a client's WebSocket message.
     *
     * @throws WireException with the code to report if the text is not a valid message
     */
    public ClientMessage decode(String text) {
        JsonValue value = parseSingleValue(text);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new WireException(ErrorCode.INVALID_MESSAGE, "a message must be a JSON object");
        }
        JsonObject message = value.asJsonObject();
        JsonValue type = message.get("type");
        if (!(type instanceof JsonString typeName)) {
            throw new WireException(ErrorCode.INVALID_MESSAGE, "a message needs a \"type\" string");
        }
        return switch (typeName.getString()) {
            case "subscribe" -> new ClientMessage.Subscribe(symbols(message), since(message));
            case "unsubscribe" -> new ClientMessage.Unsubscribe(symbols(message));
            default -> throw new WireException(ErrorCode.UNKNOWN_TYPE, "unknown message type \""
                    + abbreviate(typeName.getString()) + "\" (expected subscribe or unsubscribe)");
        };
    }

    /** One JSON value and nothing after it (a reader alone would accept {@code {...} garbage}). */
    private JsonValue parseSingleValue(String text) {
        try (JsonParser parser = parsers.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                throw notJson();
            }
            parser.next();
            JsonValue value = parser.getValue();
            if (parser.hasNext()) {
                throw notJson();
            }
            return value;
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            throw notJson();
        }
    }

    private static WireException notJson() {
        return new WireException(ErrorCode.NOT_JSON, "the message is not valid JSON");
    }

    /** Shortens client input echoed in an error message, so a huge field is not sent back. */
    public static String abbreviate(String text) {
        return text.length() <= MAX_ECHO ? text : text.substring(0, MAX_ECHO) + "...";
    }

    private static List<String> symbols(JsonObject message) {
        JsonValue value = message.get("symbols");
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            throw new WireException(ErrorCode.INVALID_MESSAGE, "\"symbols\" must be a non-empty array of strings");
        }
        Set<String> symbols = new LinkedHashSet<>();
        for (JsonValue element : array) {
            if (!(element instanceof JsonString symbol)) {
                throw new WireException(ErrorCode.INVALID_MESSAGE, "\"symbols\" must contain only strings");
            }
            symbols.add(symbol.getString());
        }
        return new ArrayList<>(symbols);
    }

    /** The optional cursor of a subscribe: a whole number from 0 up; -1 when absent. */
    private static long since(JsonObject message) {
        JsonValue value = message.get("since");
        if (value == null) {
            return -1;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            try {
                long since = number.longValueExact();
                if (since >= 0) {
                    return since;
                }
            } catch (ArithmeticException tooLarge) {
                // Reported below, like any other unusable cursor.
            }
        }
        throw new WireException(ErrorCode.INVALID_MESSAGE,
                "\"since\" must be a whole number from 0 up: the highest seq the client has seen");
    }

    private static void quoteFields(JsonGenerator json, Quote quote) {
        json.write("symbol", quote.symbol())
                .write("price", quote.price())
                .write("change", quote.change())
                .write("changePercent", quote.changePercent())
                .write("open", quote.open())
                .write("high", quote.high())
                .write("low", quote.low())
                .write("volume", quote.volume())
                .write("seq", quote.seq())
                .write("symbolSeq", quote.symbolSeq())
                .write("ts", quote.ts());
    }

    private static void quoteArray(JsonGenerator json, List<Quote> quotes) {
        json.writeStartArray("quotes");
        for (Quote quote : quotes) {
            json.writeStartObject();
            quoteFields(json, quote);
            json.writeEnd();
        }
        json.writeEnd();
    }

    private static void instrumentArray(JsonGenerator json, List<Instrument> instruments) {
        json.writeStartArray("symbols");
        for (Instrument instrument : instruments) {
            json.writeStartObject()
                    .write("symbol", instrument.symbol())
                    .write("name", instrument.name())
                    .writeEnd();
        }
        json.writeEnd();
    }

    private static void stringArray(JsonGenerator json, String name, List<String> values) {
        json.writeStartArray(name);
        values.forEach(json::write);
        json.writeEnd();
    }

    private String write(Consumer<JsonGenerator> body) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = generators.createGenerator(out)) {
            body.accept(json);
        }
        return out.toString();
    }
}
