package dev.ticker.standalone;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;

import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;

import java.util.Map;
import java.util.Set;

/**
 * A Tyrus server container that opens no port of its own: its engine serves the upgrades that Grizzly's
 * {@code WebSocketAddOn} hands it on our listener, beside the HTTP API and the page.
 */
final class EmbeddedTyrusContainer extends TyrusServerContainer {

    private static final String CONTEXT_PATH = "";

    private final TyrusWebSocketEngine engine;
    private final WebSocketEngine upgrading;

    EmbeddedTyrusContainer(Set<Class<?>> endpoints, UpgradeTargets targets) {
        super(endpoints);
        this.engine = TyrusWebSocketEngine.builder(this).build();
        this.upgrading = targets.recording(engine);
    }

    String contextPath() {
        return CONTEXT_PATH;
    }

    @Override
    public void register(Class<?> endpointClass) throws DeploymentException {
        engine.register(endpointClass, CONTEXT_PATH);
    }

    @Override
    public void register(ServerEndpointConfig config) throws DeploymentException {
        engine.register(config, CONTEXT_PATH);
    }

    @Override
    public WebSocketEngine getWebSocketEngine() {
        return upgrading;
    }

    @Override
    public Map<String, Object> getProperties() {
        return Map.of();
    }
}
