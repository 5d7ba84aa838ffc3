package dev.ticker.it;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real WebSocket client of {@code ws/quotes} (the JDK's): every message it receives is parsed and queued, and
 * tests take them with a bounded wait that fails the test on timeout, on an unexpected close or on a transport
 * error. Not thread-safe: one test thread drives it.
 */
final class PushClient implements AutoCloseable {

    static final int NORMAL_CLOSURE = 1000;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);
    // WebSocket upgrades are HTTP/1.1 whatever the client's default; one client serves every connection.
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

    /** What the connection delivered, in order. */
    private sealed interface Event {
    }

    private record Message(JsonObject json) implements Event {
    }

    private record Closed(int code, String reason) implements Event {
    }

    private record Failed(Throwable error) implements Event {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final AtomicInteger batches = new AtomicInteger();
    private final URI uri;
    private final WebSocket socket;

    private PushClient(URI uri) {
        this.uri = uri;
        this.socket = complete(HTTP.newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT)
                .buildAsync(uri, new Collector()), CONNECT_TIMEOUT, "connect to " + uri);
    }

    /** How many {@code quotes} batches arrived so far (their quotes are delivered one by one). */
    int batchesReceived() {
        return batches.get();
    }

    /** Connects to the push endpoint of the ticker at {@code base} (its base URL, ending in "/"). */
    static PushClient connect(URL base) {
        try {
            URI http = base.toURI().resolve("ws/quotes");
            String scheme = http.getScheme().equals("https") ? "wss" : "ws";
            return new PushClient(new URI(scheme, http.getRawSchemeSpecificPart(), null));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Unusable base URL " + base, e);
        }
    }

    /** Connects and takes the welcome, which every session starts with. */
    static PushClient connectWelcomed(URL base, Duration within) {
        PushClient client = connect(base);
        client.expect("welcome", within);
        return client;
    }

    void send(String text) {
        complete(socket.sendText(text, true), SEND_TIMEOUT, "send " + text);
    }

    void sendBinary(byte[] data) {
        complete(socket.sendBinary(ByteBuffer.wrap(data), true), SEND_TIMEOUT, "send binary data");
    }

    void subscribe(String... symbols) {
        send(request("subscribe", symbols));
    }

    /** Subscribes with a cursor: resume after {@code since}. */
    void resume(long since, String... symbols) {
        send(Json.createObjectBuilder()
                .add("type", "subscribe")
                .add("symbols", Json.createArrayBuilder(List.of(symbols)))
                .add("since", since)
                .build()
                .toString());
    }

    void unsubscribe(String... symbols) {
        send(request("unsubscribe", symbols));
    }

    /** The next message, whatever it is. */
    JsonObject next(Duration within) {
        Event event = take(within, "message");
        if (event instanceof Message message) {
            return message.json();
        }
        return failOn(event, "a message");
    }

    /** The next message, which must be of {@code type}. */
    JsonObject expect(String type, Duration within) {
        JsonObject message = next(within);
        assertEquals(type, message.getString("type", null), () -> "expected a '" + type + "' message, got " + message);
        return message;
    }

    /** The first message of {@code type}, skipping others (such as quotes), within {@code within} in all. */
    JsonObject await(String type, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        List<JsonObject> skipped = new ArrayList<>();
        while (true) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.isNegative()) {
                return fail("no '" + type + "' message within " + within + " from " + uri + "; skipped " + skipped);
            }
            JsonObject message = next(left);
            if (type.equals(message.getString("type", null))) {
                return message;
            }
            skipped.add(message);
        }
    }

    /** Every message that arrives within {@code window}; the connection must stay open meanwhile. */
    List<JsonObject> collectFor(Duration window) {
        long deadline = System.nanoTime() + window.toNanos();
        List<JsonObject> messages = new ArrayList<>();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            Event event = poll(Duration.ofNanos(left));
            if (event instanceof Message message) {
                messages.add(message.json());
            } else if (event != null) {
                failOn(event, "messages");
            }
        }
        return messages;
    }

    /** Waits for the server to close the connection, skipping messages, and returns the close code. */
    int awaitClose(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            Event event = take(left.isNegative() ? Duration.ZERO : left, "close from the server");
            if (event instanceof Closed close) {
                return close.code();
            }
            if (event instanceof Failed failed) {
                return fail("the connection to " + uri + " failed instead of closing", failed.error());
            }
        }
    }

    /** Closes normally if still open, and frees the connection in any case. */
    @Override
    public void close() {
        try {
            if (!socket.isOutputClosed()) {
                socket.sendClose(NORMAL_CLOSURE, "test done").get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            // The server went first or is gone: nothing left to close politely.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            socket.abort();
        }
    }

    private Event take(Duration within, String what) {
        Event event = poll(within);
        if (event == null) {
            fail("no " + what + " within " + within + " from " + uri);
        }
        return event;
    }

    private Event poll(Duration within) {
        try {
            return events.poll(within.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for " + uri);
        }
    }

    private <T> T failOn(Event event, String what) {
        if (event instanceof Closed close) {
            return fail("the server closed " + uri + " with " + close.code() + " '" + close.reason()
                    + "' while the test waited for " + what);
        }
        Failed failed = (Failed) event;
        return fail("the connection to " + uri + " failed while the test waited for " + what, failed.error());
    }

    private static String request(String type, String... symbols) {
        return Json.createObjectBuilder()
                .add("type", type)
                .add("symbols", Json.createArrayBuilder(List.of(symbols)))
                .build()
                .toString();
    }

    private static <T> T complete(CompletionStage<T> stage, Duration within, String what) {
        try {
            return stage.toCompletableFuture().get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return fail("could not " + what, e.getCause());
        } catch (TimeoutException e) {
            return fail("could not " + what + " within " + within);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted: " + what);
        }
    }

    /** Feeds the queue; runs on the client's threads. */
    private final class Collector implements WebSocket.Listener {

        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                Event event = parse(text.toString());
                if (event instanceof Message message && "quotes".equals(message.json().getString("type", null))) {
                    unbatch(message.json());
                } else {
                    events.add(event);
                }
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            events.add(new Failed(new AssertionError("the server sent a binary frame; the protocol is JSON text")));
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            events.add(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            events.add(new Failed(error));
        }

        /**
         * A batch becomes its quotes, each as the {@code quote} message it stands for, so tests read one stream of
         * quotes whether the server batched them or not; {@link #batchesReceived()} tells that it did.
         */
        private void unbatch(JsonObject batch) {
            batches.incrementAndGet();
            for (JsonObject quote : batch.getJsonArray("quotes").getValuesAs(JsonObject.class)) {
                events.add(new Message(Json.createObjectBuilder().add("type", "quote").addAll(
                        Json.createObjectBuilder(quote)).build()));
            }
        }

        private Event parse(String json) {
            try (JsonReader reader = Json.createReader(new StringReader(json))) {
                return new Message(reader.readObject());
            } catch (JsonException | IllegalStateException e) {
                return new Failed(new AssertionError("the server sent a text that is not a JSON object: " + json, e));
            }
        }
    }
}
