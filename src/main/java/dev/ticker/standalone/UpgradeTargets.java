package dev.ticker.standalone;

import dev.ticker.push.HandshakeTarget;
import dev.ticker.push.HandshakeTargets;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;

import org.glassfish.tyrus.spi.UpgradeRequest;
import org.glassfish.tyrus.spi.UpgradeResponse;
import org.glassfish.tyrus.spi.WebSocketEngine;

import java.util.List;

/**
 * Which request the Tyrus engine is upgrading on which thread, so that the endpoint's origin check can compare the
 * {@code Origin} with the {@code Host} the client addressed (Tyrus calls {@code checkOrigin} on the upgrading
 * thread). One instance per server, handed to CDI as the {@link HandshakeTargets} bean; never static.
 */
final class UpgradeTargets implements HandshakeTargets {

    private final ThreadLocal<HandshakeTarget> upgrading = new ThreadLocal<>();

    @Override
    public HandshakeTarget current() {
        return upgrading.get();
    }

    /** {@code engine} as Grizzly should see it: recording each request while it is upgraded. */
    WebSocketEngine recording(WebSocketEngine engine) {
        return new WebSocketEngine() {
            @Override
            public UpgradeInfo upgrade(UpgradeRequest request, UpgradeResponse response) {
                upgrading.set(HandshakeTarget.of(request.getHeader("Host"), request.getHeader("X-Forwarded-Proto"),
                        request.isSecure()));
                try {
                    UpgradeInfo info = engine.upgrade(request, response);
                    if (info.getStatus() == UpgradeStatus.HANDSHAKE_FAILED) {
                        // Tyrus answers a refusal (e.g. 403) with no length and keeps the connection: a proxy in
                        // front then waits for a body that never comes. Say there is none, and close.
                        response.getHeaders().put("Content-Length", List.of("0"));
                        response.getHeaders().put("Connection", List.of("close"));
                    }
                    return info;
                } finally {
                    upgrading.remove();
                }
            }

            @Override
            public void register(Class<?> endpointClass, String contextPath) throws DeploymentException {
                engine.register(endpointClass, contextPath);
            }

            @Override
            public void register(ServerEndpointConfig config, String contextPath) throws DeploymentException {
                engine.register(config, contextPath);
            }
        };
    }
}
