package dev.ticker.push;

import dev.ticker.config.AllowedOrigins;
import dev.ticker.config.TickerSettings;
import dev.ticker.fanout.TickerMetrics;
import dev.ticker.wire.ServerMessage;
import dev.ticker.wire.WireCodec;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The push endpoint's handshake hook. {@link #checkOrigin} refuses handshakes from web pages whose origin is not
 * allowed (setting {@code allowed-origins}); the container then answers {@code 403} and never upgrades.
 * {@link #modifyHandshake} records this connection's {@code Sec-WebSocket-Key} and the {@code Sec-WebSocket-Accept}
 * answered to it, so the welcome can show them (the page's handshake inspector).
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
            config.getUserProperties().put(PROPERTY,
                    new ServerMessage.Handshake(key, first(response.getHeaders(), ACCEPT)));
        }
    }

    /** The handshake of {@code session}, or null if none was recorded. */
    static ServerMessage.Handshake of(Session session) {
        return session.getUserProperties().get(PROPERTY) instanceof ServerMessage.Handshake handshake
                ? handshake : null;
    }

    /** The request being upgraded: from the standalone server's engine, or else the servlet request. */
    private static HandshakeTarget currentTarget() {
        Instance<HandshakeTargets> standalone = CDI.current().select(HandshakeTargets.class);
        HandshakeTarget target = standalone.isResolvable() ? standalone.get().current() : ServletTargets.current();
        return target == null ? HandshakeTarget.UNKNOWN : target;
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
