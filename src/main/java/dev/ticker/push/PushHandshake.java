package dev.ticker.push;

import dev.ticker.config.AllowedOrigins;
import dev.ticker.config.TickerSettings;
import dev.ticker.wire.WireCodec;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The push endpoint's handshake hook. {@link #checkOrigin} refuses handshakes from web pages whose origin is not
 * allowed (setting {@code allowed-origins}); the container then answers {@code 403} and never upgrades. Never
 * overrides {@code getEndpointInstance}: the container must keep creating endpoints with CDI injection.
 */
public class PushHandshake extends ServerEndpointConfig.Configurator {

    private static final Logger LOG = Logger.getLogger(PushHandshake.class.getName());

    @Override
    public boolean checkOrigin(String originHeaderValue) {
        AllowedOrigins allowed = CDI.current().select(TickerSettings.class).get().allowedOrigins();
        if (originHeaderValue == null || allowed.any()) {
            return true;
        }
        HandshakeTarget target = allowed.sameHost() ? currentTarget() : HandshakeTarget.UNKNOWN;
        boolean ok = allowed.allows(originHeaderValue, target.host(), target.scheme());
        if (!ok) {
            LOG.log(Level.INFO, () -> "Refused a WebSocket handshake from origin '" + printable(originHeaderValue)
                    + "' to host '" + printable(target.host()) + "' (allowed: " + allowed + ")");
        }
        return ok;
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
}
