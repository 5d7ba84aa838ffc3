package dev.ticker.it;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static dev.ticker.it.QuoteJson.symbols;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Frames a browser would never send, from a raw client: a text over the configured size limit is refused with 1009
 * (one at the limit is served), binary with 1003, text that is not UTF-8 with 1007. Each closes only the offending
 * session. The size limit comes from the welcome, so the test follows the server's configuration.
 */
class BadFrameIT extends DeployedTicker {

    private static final Duration REPLY = Duration.ofSeconds(10);
    private static final String SUBSCRIBE = "{\"type\":\"subscribe\",\"symbols\":[\"ACME\"]}";

    @Test
    void textOverTheSizeLimitClosesWith1009() {
        try (RawWebSocket client = welcomed()) {
            int limit = maxMessageBytes(client);
            client.sendText(padded(SUBSCRIBE, limit + 1));
            assertEquals(1009, client.awaitClose(REPLY), "close code for " + (limit + 1) + " bytes");
        }
    }

    @Test
    void textOfExactlyTheSizeLimitIsServed() {
        try (RawWebSocket client = welcomed()) {
            int limit = maxMessageBytes(client);
            client.sendText(padded(SUBSCRIBE, limit));
            JsonObject snapshot = client.awaitJson("snapshot", REPLY);
            assertEquals(List.of("ACME"), symbols(snapshot.getJsonArray("quotes")), snapshot::toString);
        }
    }

    @Test
    void hugeTextFarOverTheLimitClosesWith1009() {
        try (RawWebSocket client = welcomed()) {
            // 1 MiB: beyond the limit by far, still within what every server accepts as a frame. Jetty closes with
            // 1009 as soon as the header announces too much, before the client has written it all, so the write
            // may fail; the close frame it sent first is still there to read.
            byte[] payload = padded(SUBSCRIBE, 1024 * 1024).getBytes(StandardCharsets.UTF_8);
            client.trySendRaw(client.frame(true, RawWebSocket.TEXT, payload, true, 0, payload.length));
            assertEquals(1009, client.awaitClose(REPLY));
        }
    }

    @Test
    void binaryFrameClosesWith1003() {
        try (RawWebSocket client = welcomed()) {
            client.sendBinary(new byte[] {1, 2, 3});
            assertEquals(1003, client.awaitClose(REPLY));
        }
    }

    @Test
    void textThatIsNotUtf8ClosesWith1007() {
        assertInvalidUtf8ClosesWith1007(new byte[] {'{', (byte) 0xC3, 0x28, '}'});
    }

    @Test
    void overlongUtf8ClosesWith1007() {
        assertInvalidUtf8ClosesWith1007(new byte[] {'"', (byte) 0xC0, (byte) 0xAF, '"'});
    }

    @Test
    void utf8EncodedSurrogateClosesWith1007() {
        assertInvalidUtf8ClosesWith1007(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'});
    }

    @Test
    void badFrameClosesOnlyItsOwnSession() {
        try (PushClient bystander = PushClient.connectWelcomed(base, REPLY);
             RawWebSocket offender = welcomed()) {
            bystander.subscribe("ACME");
            bystander.expect("snapshot", REPLY);
            offender.sendText(new byte[] {(byte) 0xFF});
            assertEquals(1007, offender.awaitClose(REPLY));
            bystander.await("quote", REPLY);
        }
    }

    private void assertInvalidUtf8ClosesWith1007(byte[] payload) {
        try (RawWebSocket client = welcomed()) {
            client.sendText(payload);
            assertEquals(1007, client.awaitClose(REPLY));
        }
    }

    private RawWebSocket welcomed() {
        return RawWebSocket.connectWelcomed(base, REPLY);
    }

    private static int maxMessageBytes(RawWebSocket client) {
        return Math.toIntExact(client.limit("maxMessageBytes"));
    }

    /** {@code json} followed by spaces up to {@code bytes} bytes: still one valid JSON value. */
    private static String padded(String json, int bytes) {
        return json + " ".repeat(bytes - json.length());
    }
}
