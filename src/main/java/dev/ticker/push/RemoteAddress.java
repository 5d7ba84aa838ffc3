package dev.ticker.push;

import jakarta.websocket.Session;

import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The client address of a WebSocket session, which the Jakarta WebSocket API does not expose: Tyrus (GlassFish,
 * standalone) has {@code TyrusSession.getRemoteAddr()}, Undertow (WildFly) the session's channel's source address,
 * both public methods of the container's session class, read by reflection. Tomcat and Open Liberty have neither:
 * there {@link PushHandshake} records the servlet request's address in the session's user properties.
 * Null where none is found; the per-address limit then does not apply (see deploy/README.md).
 */
final class RemoteAddress {

    private static final Logger LOG = Logger.getLogger(RemoteAddress.class.getName());
    /** The user property {@link PushHandshake} records the servlet request's client address in. */
    static final String PROPERTY = RemoteAddress.class.getName();
    private static final String UNDERTOW = "jakarta.websocket.endpoint.remoteAddress";

    private RemoteAddress() {
    }

    static String of(Session session) {
        Object property = session.getUserProperties().get(UNDERTOW);
        if (property instanceof InetSocketAddress address && address.getAddress() != null) {
            return address.getAddress().getHostAddress();
        }
        if (session.getUserProperties().get(PROPERTY) instanceof String recorded) {
            return recorded;
        }
        Object tyrus = call(session, "getRemoteAddr");
        if (tyrus instanceof String address) {
            return address;
        }
        // Undertow: UndertowSession.getWebSocketChannel().getSourceAddress()
        Object channel = call(session, "getWebSocketChannel");
        if (channel != null && call(channel, "getSourceAddress") instanceof InetSocketAddress address
                && address.getAddress() != null) {
            return address.getAddress().getHostAddress();
        }
        LOG.log(Level.FINE, () -> "No remote address for session " + session.getId() + " ("
                + session.getClass().getName() + ")");
        return null;
    }

    /** A public no-argument method of the container's own class, or null. */
    private static Object call(Object target, String method) {
        try {
            Method getter = target.getClass().getMethod(method);
            return getter.invoke(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
