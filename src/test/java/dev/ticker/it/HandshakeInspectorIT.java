package dev.ticker.it;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The handshake inspector: the welcome reports this connection's {@code Sec-WebSocket-Key} as the server saw it and
 * the {@code Sec-WebSocket-Accept} it answered, which must be base64(SHA-1(key + GUID)) and the header the client
 * actually got. Per connection even when many handshakes run at once: some implementations share the endpoint's
 * configuration between concurrent handshakes, so a value kept there would leak into another connection's welcome.
 */
class HandshakeInspectorIT extends DeployedTicker {

    private static final Duration REPLY = Duration.ofSeconds(20);
    /** Below the suite's per-address session limit (pom.xml gives every target small limits). */
    private static final int CONCURRENT = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void welcomeReportsTheKeySentAndTheAcceptAnswered() throws Exception {
        String key = newKey();
        try (HandshakeSocket socket = HandshakeSocket.open(base, key, REPLY)) {
            assertEquals(101, socket.status(), "switching protocols");
            JsonObject welcome = socket.nextJson();
            assertEquals("welcome", welcome.getString("type"), welcome::toString);
            JsonObject handshake = welcome.getJsonObject("handshake");
            assertAll(welcome.toString(),
                    () -> assertEquals(key, handshake.getString("key"), "the key the client sent"),
                    () -> assertEquals(HandshakeSocket.acceptFor(key), socket.header("Sec-WebSocket-Accept"),
                            "the server answered the accept value of RFC 6455"),
                    () -> assertEquals(socket.header("Sec-WebSocket-Accept"), handshake.getString("accept"),
                            "the accept the welcome reports is the header the client got"));
        }
    }

    @Test
    void concurrentHandshakesEachReportTheirOwnKey() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CONCURRENT);
        CyclicBarrier start = new CyclicBarrier(CONCURRENT);
        try {
            List<Future<String>> mismatches = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                mismatches.add(clients.submit(() -> {
                    String key = newKey();
                    start.await(REPLY.toSeconds(), TimeUnit.SECONDS);
                    try (HandshakeSocket socket = HandshakeSocket.open(base, key, REPLY)) {
                        JsonObject handshake = socket.nextJson().getJsonObject("handshake");
                        boolean own = key.equals(handshake.getString("key"))
                                && HandshakeSocket.acceptFor(key).equals(handshake.getString("accept"));
                        return own ? null : "sent " + key + ", welcome reported " + handshake;
                    }
                }));
            }
            List<String> wrong = new ArrayList<>();
            for (Future<String> mismatch : mismatches) {
                String result = mismatch.get(2 * REPLY.toSeconds(), TimeUnit.SECONDS);
                if (result != null) {
                    wrong.add(result);
                }
            }
            assertTrue(wrong.isEmpty(), () -> wrong.size() + " of " + CONCURRENT + " welcomes reported another"
                    + " connection's handshake: " + wrong);
        } finally {
            clients.shutdownNow();
        }
    }

    private static String newKey() {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return Base64.getEncoder().encodeToString(nonce);
    }
}
