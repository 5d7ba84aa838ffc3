package dev.ticker.push;

import dev.ticker.config.AllowedOrigins;
import dev.ticker.config.TickerSettings;
import dev.ticker.fanout.TickerMetrics;
import dev.ticker.wire.ServerMessage;
import dev.ticker.wire.WireCodec;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The push endpoint's handshake hook. {@link #checkOrigin} refuses handshakes from web pages whose origin is not
 * allowed (setting {@code allowed-origins}); the container then answers {@code 403} and never upgrades.
 * {@link #modifyHandshake} records this connection's {@code Sec-WebSocket-Key} and the {@code Sec-WebSocket-Accept}
 * answered to it, so the welcome can show them (the page's handshake inspector). Where the container does not show its accept header to the
 * configurator (Tomcat), the accept is computed per RFC 6455. On servlet containers it also records the client's
 * address from the servlet request, for the per-address session limit (see {@link RemoteAddress}).
 *
 * <p>Per connection, not per endpoint: since WebSocket 2.1 the user properties {@code modifyHandshake} sees are a
 * copy per connection, and they become the session's initial user properties, which is where {@link #of} reads
 * them (Tyrus, Undertow and Open Liberty all do this; the integration suite checks concurrent handshakes). The
 * shared {@link ServerEndpointConfig} itself is never written. Never overrides {@code getEndpointInstance}: the
 * container must keep creating endpoints with CDI injection.
 */
public class PushHandshake extends ServerEndpointConfig.Configurator {

    static final String PROPERTY = PushHandshake.class.getName();
    private static final Logger LOG = Logger.getLogger(PushHandshake.class.getName());
    private static final String KEY = "Sec-WebSocket-Key";
    private static final String ACCEPT = "Sec-WebSocket-Accept";
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    @Override
    public boolean checkOrigin(String originHeaderValue) {
        AllowedOrigins allowed = CDI.current().select(TickerSettings.class).get().allowedOrigins();
        if (originHeaderValue == null || allowed.any()) {
            return true;
        }
        HandshakeTarget target = allowed.sameHost() ? currentTarget() : HandshakeTarget.UNKNOWN;
        boolean ok = allowed.allows(originHeaderValue, target.host(), target.scheme());
        if (!ok) {
            CDI.current().select(TickerMetrics.class).get().handshakeRejected("origin");
            LOG.log(Level.INFO, () -> "Refused a WebSocket handshake from origin '" + printable(originHeaderValue)
                    + "' to host '" + printable(target.host()) + "' (allowed: " + allowed + ")");
        }
        return ok;
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        super.modifyHandshake(config, request, response);
        String key = first(request.getHeaders(), KEY);
        if (key != null) {
            String accept = first(response.getHeaders(), ACCEPT);
            config.getUserProperties().put(PROPERTY,
                    new ServerMessage.Handshake(key, accept != null ? accept : acceptFor(key)));
        }
        if (!standalone()) {
            String address = ServletTargets.remoteAddress();
            if (address != null) {
                config.getUserProperties().put(RemoteAddress.PROPERTY, address);
            }
        }
    }

    /**
     * The {@code Sec-WebSocket-Accept} RFC 6455 (section 4.2.2) binds the server to answer {@code key}: base64 of the
     * SHA-1 of the key followed by the protocol's GUID. Used where the container does not show its own to
     * {@code modifyHandshake}: Tomcat writes the header straight onto the servlet response and hands the configurator
     * an empty {@link HandshakeResponse}. There the welcome carries the value the container is bound to send (and
     * does send, or no client would accept the upgrade), computed here rather than read back.
     */
    static String acceptFor(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((key.trim() + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-1 (MessageDigest's contract).
            throw new IllegalStateException("SHA-1 missing from this Java platform", e);
        }
    }

    /** The handshake of {@code session}, or null if none was recorded. */
    static ServerMessage.Handshake of(Session session) {
        return session.getUserProperties().get(PROPERTY) instanceof ServerMessage.Handshake handshake
                ? handshake : null;
    }

    /** The request being upgraded: from the standalone server's engine, or else the servlet request. */
    private static HandshakeTarget currentTarget() {
        HandshakeTarget target = standalone()
                ? CDI.current().select(HandshakeTargets.class).get().current() : ServletTargets.current();
        return target == null ? HandshakeTarget.UNKNOWN : target;
    }

    /**
     * Whether the standalone server's engine is upgrading this connection. Asked before any use of
     * {@link ServletTargets}: the standalone jar has no servlet API on its class path.
     */
    private static boolean standalone() {
        return CDI.current().select(HandshakeTargets.class).isResolvable();
    }

    private static String printable(String text) {
        return text == null ? "" : WireCodec.abbreviate(text);
    }

    /** The first value of a header, whatever the case of its name (implementations differ in how they store it). */
    private static String first(Map<String, List<String>> headers, String name) {
        if (headers == null) {
            return null;
        }
        Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((header, values) -> {
            if (header != null) {
                byName.putIfAbsent(header, values);
            }
        });
        List<String> values = byName.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
