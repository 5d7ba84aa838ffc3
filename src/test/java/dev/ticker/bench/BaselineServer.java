package dev.ticker.bench;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;

import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;
import org.glassfish.tyrus.core.TyrusSession;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The engine baseline (scenario 4): bare Tyrus on Grizzly, no CDI, no subscriptions, no outbox. Every tick it
 * broadcasts the same number of quote-shaped frames a ticker session would get to every session at once with
 * {@code TyrusSession.broadcast}, which frames each message once. Run in a JVM of its own:
 * {@code java -cp <test classpath> dev.ticker.bench.BaselineServer <interval-ms> <quotes-per-tick>}.
 */
public final class BaselineServer {

    private BaselineServer() {
    }

    public static void main(String[] args) throws IOException, DeploymentException, InterruptedException {
        long intervalMs = Long.parseLong(args[0]);
        int quotesPerTick = Integer.parseInt(args[1]);
        Set<Session> sessions = ConcurrentHashMap.newKeySet();

        HttpServer http = new HttpServer();
        NetworkListener listener = new NetworkListener("baseline", "127.0.0.1", 0);
        listener.getKeepAlive().setIdleTimeoutInSeconds(-1);
        http.addListener(listener);
        BareContainer tyrus = new BareContainer();
        tyrus.addEndpoint(ServerEndpointConfig.Builder.create(Broadcast.class, "/ws/quotes")
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    public <T> T getEndpointInstance(Class<T> type) {
                        return type.cast(new Broadcast(sessions));
                    }
                }).build());
        listener.registerAddOn(new WebSocketAddOn(tyrus, ""));
        tyrus.start("", 0);
        http.start();
        System.out.println("Ticker running at http://127.0.0.1:" + listener.getPort() + "/ (baseline)");

        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long first = System.currentTimeMillis() + intervalMs;
        long[] tick = {0};
        ticker.scheduleAtFixedRate(() -> {
            long ts = first + tick[0]++ * intervalMs;
            Session any = sessions.stream().filter(Session::isOpen).findAny().orElse(null);
            if (any != null) {
                for (int q = 0; q < quotesPerTick; q++) {
                    ((TyrusSession) any).broadcast(quote(q, ts));
                }
            }
        }, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
        new CountDownLatch(1).await();
    }

    /** The same shape and size as a ticker quote frame. */
    private static String quote(int symbol, long ts) {
        return String.format("{\"type\":\"quote\",\"symbol\":\"S%03d\",\"price\":101.25,\"change\":1.25,"
                + "\"changePercent\":1.25,\"open\":100.00,\"high\":101.50,\"low\":99.75,\"volume\":123400,"
                + "\"seq\":%d,\"ts\":%d}", symbol, ts * 1000 + symbol, ts);
    }

    /** Registers sessions and greets them like the ticker, so the load client treats both servers alike. */
    public static final class Broadcast extends Endpoint {
        private final Set<Session> sessions;

        Broadcast(Set<Session> sessions) {
            this.sessions = sessions;
        }

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            sessions.add(session);
            session.getAsyncRemote().sendText("{\"type\":\"welcome\",\"symbols\":[],\"intervalMs\":0}");
        }

        @Override
        public void onClose(Session session, jakarta.websocket.CloseReason reason) {
            sessions.remove(session);
        }
    }

    /** A Tyrus container that opens no port of its own: Grizzly's add-on hands it the upgrades. */
    private static final class BareContainer extends TyrusServerContainer {
        private final TyrusWebSocketEngine engine = TyrusWebSocketEngine.builder(this).build();

        BareContainer() {
            super((Set<Class<?>>) null);
        }

        @Override
        public void register(Class<?> endpointClass) throws DeploymentException {
            engine.register(endpointClass, "");
        }

        @Override
        public void register(ServerEndpointConfig config) throws DeploymentException {
            engine.register(config, "");
        }

        @Override
        public WebSocketEngine getWebSocketEngine() {
            return engine;
        }

        @Override
        public Map<String, Object> getProperties() {
            return Map.of();
        }
    }
}
