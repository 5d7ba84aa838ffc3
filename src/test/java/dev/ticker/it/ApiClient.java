package dev.ticker.it;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real HTTP client of the ticker's API (the JDK's). Forced to HTTP/1.1: by default the JDK client asks plain
 * {@code http://} servers to upgrade to h2c, and Grizzly then drops the response's {@code Content-Type}.
 */
final class ApiClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();

    private final URI base;

    ApiClient(URL base) {
        try {
            this.base = base.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Unusable base URL " + base, e);
        }
    }

    /**
     * {@code GET} of {@code path} (relative to the base URL, query included) with the given header name/value pairs.
     */
    HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return fail("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted: GET " + path);
        }
    }

    /** A {@code GET} that must answer 200 with a JSON object, returned parsed. */
    JsonObject getJson(String path) {
        HttpResponse<String> response = get(path);
        assertEquals(200, response.statusCode(), () -> "GET " + path + " answered " + response.body());
        return json(response);
    }

    /** The body of {@code response}, which must be a JSON object labelled {@code application/json}. */
    static JsonObject json(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("(none)");
        assertTrue(type.startsWith("application/json"),
                () -> response.uri() + " answered Content-Type " + type + ": " + response.body());
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return fail(response.uri() + " answered a body that is not a JSON object: " + response.body(), e);
        }
    }

    /** Asserts an error answer: {@code status}, and a JSON body {@code {"type":"error","code":code,"message":...}}. */
    static JsonObject assertError(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), () -> response.uri() + " answered " + response.body());
        JsonObject error = json(response);
        assertEquals("error", error.getString("type", null), error::toString);
        assertEquals(code, error.getString("code", null), error::toString);
        assertFalse(error.getString("message", "").isBlank(), () -> "error without a message: " + error);
        return error;
    }
}
