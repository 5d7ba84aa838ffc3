package dev.ticker.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A server-sent events client over the JDK HTTP client (HTTP/1.1): parses the stream into {@link Event}s, which
 * tests take one at a time with a bounded wait.
 */
final class EventStreamClient implements AutoCloseable {

    private static final Duration CONNECT = Duration.ofSeconds(20);

    /** One event: its {@code event:} name, {@code id:} (null if none), {@code retry:} (null) and {@code data:}. */
    record Event(String name, String id, String retry, String data) {
        JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(data))) {
                return reader.readObject();
            }
        }
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final HttpResponse<Stream<String>> response;

    private EventStreamClient(HttpResponse<Stream<String>> response) {
        this.response = response;
    }

    /** Opens {@code path} (relative to {@code base}) with the given header name/value pairs and returns the answer. */
    static EventStreamClient open(URL base, String path, String... headers) {
        URI uri;
        try {
            uri = base.toURI().resolve(path);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(base.toString(), e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT).build();
        CompletableFuture<HttpResponse<Stream<String>>> answer =
                http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        try {
            EventStreamClient client = new EventStreamClient(answer.get(CONNECT.toSeconds(), TimeUnit.SECONDS));
            if (client.response.statusCode() == 200) {
                Thread reader = new Thread(client::read, "sse-client " + path);
                reader.setDaemon(true);
                reader.start();
            }
            return client;
        } catch (ExecutionException | TimeoutException e) {
            return fail("GET " + uri + " got no answer within " + CONNECT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted: GET " + uri);
        }
    }

    /** Opens a stream that must answer 200 {@code text/event-stream}. */
    static EventStreamClient stream(URL base, String path, String... headers) {
        EventStreamClient client = open(base, path, headers);
        assertEquals(200, client.status(), () -> "GET " + path + ": " + client.body());
        String type = client.header("Content-Type");
        assertTrue(type.startsWith("text/event-stream"), () -> "Content-Type " + type);
        return client;
    }

    int status() {
        return response.statusCode();
    }

    String header(String name) {
        return response.headers().firstValue(name).orElse("(none)");
    }

    /** The whole body of an answer that is not a stream (an error). */
    String body() {
        try (Stream<String> lines = response.body()) {
            return String.join("\n", lines.toList());
        }
    }

    /** The next event, waiting at most {@code timeout}; fails if none comes. */
    Event next(Duration timeout) {
        try {
            Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(event, () -> "no event within " + timeout);
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for an event");
        }
    }

    /** The next event, which must be named {@code name}. */
    Event expect(String name, Duration timeout) {
        Event event = next(timeout);
        assertEquals(name, event.name(), event::toString);
        return event;
    }

    private void read() {
        String name = null;
        String id = null;
        String retry = null;
        StringBuilder data = null;
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(name == null ? "message" : name, id, retry, data.toString()));
                    }
                    name = null;
                    id = null;
                    retry = null;
                    data = null;
                } else if (!line.startsWith(":")) {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                    switch (field) {
                        case "event" -> name = value;
                        case "id" -> id = value;
                        case "retry" -> retry = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> { }
                    }
                }
            }
        } catch (RuntimeException closed) {
            // The stream ended or was closed by close(): nothing more will come.
        }
    }

    @Override
    public void close() {
        // Cancels the body's subscription, which closes the connection.
        response.body().close();
    }
}
