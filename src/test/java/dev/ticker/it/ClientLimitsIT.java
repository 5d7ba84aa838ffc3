package dev.ticker.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.ticker.it.QuoteJson.symbols;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The per-client limits, read from the welcome so that the tests follow the server's configuration (the suite runs
 * every target with limits small enough to reach: see the failsafe configuration in the pom): a session sending
 * faster than its message rate is closed with 1008; subscriptions beyond the symbols-per-session limit are refused
 * with {@code too-many-symbols}; sessions beyond the server's or one address's limit are closed with 1013.
 */
class ClientLimitsIT extends DeployedTicker {

    private static final Duration REPLY = Duration.ofSeconds(10);
    /** The nginx target: every session reaches the ticker from nginx's address (see deploy/README.md). */
    private static final boolean BEHIND_PROXY = "standalone-nginx".equals(System.getProperty("arquillian.launch"));

    @Test
    void floodBeyondTheMessageRateClosesWith1008() {
        try (RawWebSocket client = RawWebSocket.connectWelcomed(base, REPLY)) {
            long rate = client.limit("maxMessagesPerSecond");
            byte[] request = "{\"type\":\"subscribe\",\"symbols\":[\"ACME\"]}".getBytes(StandardCharsets.UTF_8);
            for (long i = 0; i < 3 * rate
                    && client.trySendRaw(client.frame(true, RawWebSocket.TEXT, request, true, 0, request.length)); i++) {
                // as fast as the socket takes them
            }
            RawWebSocket.Frame close = client.awaitCloseFrame(REPLY);
            assertTrue(close != null, "the server ended the connection without a close frame");
            assertEquals(1008, close.closeCode(), close.closeReason());
        }
    }

    @Test
    void messagesWithinTheRateAreServed() throws InterruptedException {
        try (RawWebSocket client = RawWebSocket.connectWelcomed(base, REPLY)) {
            long rate = client.limit("maxMessagesPerSecond");
            long pause = Math.max(1, 2000 / rate); // half the allowed rate, for three seconds
            for (long i = 0; i < 3 * rate / 2; i++) {
                client.sendText("{\"type\":\"subscribe\",\"symbols\":[\"ACME\"]}");
                client.awaitJson("snapshot", REPLY);
                Thread.sleep(pause);
            }
        }
    }

    @Test
    void symbolsBeyondTheLimitAreRefusedAndTheRestApply() {
        try (RawWebSocket client = RawWebSocket.connectWelcomed(base, REPLY)) {
            int limit = Math.toIntExact(client.limit("maxSymbolsPerSession"));
            List<String> universe = symbols(client.welcome().getJsonArray("symbols"));
            assertTrue(limit + 2 <= universe.size(), "the target must run with max-symbols-per-session below "
                    + (universe.size() - 1) + " for this test to reach it, not " + limit);
            List<String> wanted = universe.subList(0, limit + 2);
            client.sendText(subscribe(wanted));

            JsonObject error = client.awaitJson("error", REPLY);
            assertEquals("too-many-symbols", error.getString("code"), error::toString);
            assertEquals(wanted.subList(limit, limit + 2), error.getJsonArray("symbols").getValuesAs(JsonString.class)
                    .stream().map(JsonString::getString).toList(), error::toString);
            JsonObject snapshot = client.awaitJson("snapshot", REPLY);
            assertEquals(wanted.subList(0, limit), symbols(snapshot.getJsonArray("quotes")), snapshot::toString);
        }
    }

    @Test
    void unsubscribingMakesRoomForOtherSymbols() {
        try (RawWebSocket client = RawWebSocket.connectWelcomed(base, REPLY)) {
            int limit = Math.toIntExact(client.limit("maxSymbolsPerSession"));
            List<String> universe = symbols(client.welcome().getJsonArray("symbols"));
            client.sendText(subscribe(universe.subList(0, limit)));
            client.awaitJson("snapshot", REPLY);
            client.sendText("{\"type\":\"unsubscribe\",\"symbols\":[\"" + universe.get(0) + "\"]}");
            client.awaitJson("unsubscribed", REPLY);
            client.sendText(subscribe(List.of(universe.get(limit))));
            JsonObject snapshot = client.awaitJson("snapshot", REPLY);
            assertEquals(List.of(universe.get(limit)), symbols(snapshot.getJsonArray("quotes")), snapshot::toString);
        }
    }

    @Test
    void sessionsBeyondThePerAddressLimitCloseWith1013() throws UnknownHostException {
        InetAddress crowded = InetAddress.getByName("127.0.0.2");
        List<RawWebSocket> open = new ArrayList<>();
        try {
            RawWebSocket first = RawWebSocket.connectWelcomed(base, from(crowded), REPLY);
            open.add(first);
            long perAddress = first.limit("maxSessionsPerAddress");
            assertTrue(perAddress < first.limit("maxSessions"), "the target must run with fewer sessions per"
                    + " address than in all for this test to tell them apart");
            for (long i = 1; i < perAddress; i++) {
                open.add(RawWebSocket.connectWelcomed(base, from(crowded), REPLY));
            }
            try (RawWebSocket extra = RawWebSocket.connect(base, from(crowded))) {
                assertEquals(101, extra.status());
                assertEquals(1013, extra.awaitClose(REPLY), "session " + (perAddress + 1) + " from one address");
            }
            if (BEHIND_PROXY) {
                // nginx: the ticker sees every client at nginx's address, so the limit applies to all of them
                // together; the per-client limit belongs in nginx (limit_conn), see deploy/README.md.
                return;
            }
            try (RawWebSocket other = RawWebSocket.connectWelcomed(base, from(InetAddress.getByName("127.0.0.3")),
                    REPLY)) {
                assertEquals("welcome", other.welcome().getString("type"), "another address is still served");
            }
        } finally {
            open.forEach(RawWebSocket::close);
        }
    }

    @Test
    void sessionsBeyondTheServerLimitCloseWith1013AndAClosedSessionFreesItsPlace() throws UnknownHostException {
        List<RawWebSocket> open = new ArrayList<>();
        try {
            RawWebSocket probe = RawWebSocket.connectWelcomed(base, REPLY);
            open.add(probe);
            long max = probe.limit("maxSessions");
            long perAddress = probe.limit("maxSessionsPerAddress");
            assertTrue(max <= 200, "the target must run with a small max-sessions for this test, not " + max);
            int refusedAt = -1;
            for (int i = 1; i <= max && refusedAt < 0; i++) {
                // Spread over addresses so that the per-address limit is not what refuses them (except behind nginx).
                InetAddress from = InetAddress.getByName("127.0.1." + (1 + i / perAddress));
                RawWebSocket client = RawWebSocket.connect(base, from(from));
                open.add(client);
                assertEquals(101, client.status());
                JsonObject first = firstMessageOrClose(client);
                if (first == null) {
                    refusedAt = i;
                }
            }
            assertTrue(refusedAt > 0, "no session refused after " + (max + 1) + " sessions");
            assertTrue(refusedAt <= max, "refused only at session " + (refusedAt + 1) + " with max-sessions " + max);
            open.remove(open.size() - 1).close();
            open.remove(0).close();
            assertEventuallyAdmitted();
        } finally {
            open.forEach(RawWebSocket::close);
        }
    }

    /** The welcome, or null if the server closed the session with 1013 instead. */
    private static JsonObject firstMessageOrClose(RawWebSocket client) {
        RawWebSocket.Frame frame = client.next(REPLY);
        assertTrue(frame != null, "connection ended without a frame");
        if (frame.opcode() == RawWebSocket.CLOSE) {
            assertEquals(1013, frame.closeCode(), frame.closeReason());
            return null;
        }
        assertEquals(RawWebSocket.TEXT, frame.opcode());
        return jakarta.json.Json.createReader(new java.io.StringReader(frame.text())).readObject();
    }

    /** The server forgets a closed session shortly after its close: a new one gets in within a bounded time. */
    private void assertEventuallyAdmitted() {
        long deadline = System.nanoTime() + REPLY.toNanos();
        while (true) {
            try (RawWebSocket client = RawWebSocket.connect(base, new RawWebSocket.Options())) {
                if (firstMessageOrClose(client) != null) {
                    return;
                }
            }
            assertTrue(System.nanoTime() < deadline, "no session admitted within " + REPLY + " after two closed");
            sleep(200);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static RawWebSocket.Options from(InetAddress address) {
        return new RawWebSocket.Options().from(address);
    }

    private static String subscribe(List<String> symbols) {
        return "{\"type\":\"subscribe\",\"symbols\":[\"" + String.join("\",\"", symbols) + "\"]}";
    }
}
