package dev.ticker.standalone;

import dev.ticker.config.TickerSettings;
import dev.ticker.ee.TickerComposition;
import dev.ticker.fanout.TickerMetrics;
import dev.ticker.poll.TickerApi;
import dev.ticker.push.QuoteEndpoint;

import jakarta.enterprise.inject.spi.Extension;
import jakarta.websocket.DeploymentException;

import org.glassfish.grizzly.http.server.CLStaticHttpHandler;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.ServerConfiguration;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;
import org.jboss.weld.bootstrap.spi.BeanDiscoveryMode;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

import java.io.IOException;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The whole ticker in one process on one port: Weld SE runs the same CDI composition as the application server,
 * and one Grizzly listener carries the WebSocket endpoint (Tyrus), the HTTP API (Jersey, under {@code /api}), the metrics ({@code /metrics}) and
 * the demo page (from the classpath folder {@code webapp/}, a copy of the WAR's root).
 */
final class StandaloneServer {

    private static final Logger LOG = Logger.getLogger(StandaloneServer.class.getName());
    private static final long GRACE_SECONDS = 5;
    /**
     * Threads that write server-sent events and woken long polls. Bounded, so that hundreds of answers made ready by
     * one tick queue up instead of each getting a thread; a write to a peer that stopped reading holds one until
     * Grizzly's write times out.
     */
    private static final int WRITER_THREADS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private final ScheduledExecutorService scheduler;
    private final ExecutorService writers;
    private final WeldContainer cdi;
    private final HttpServer http;

    private StandaloneServer(ScheduledExecutorService scheduler, ExecutorService writers, WeldContainer cdi,
                             HttpServer http) {
        this.scheduler = scheduler;
        this.writers = writers;
        this.cdi = cdi;
        this.http = http;
    }

    /** Starts everything; on failure, stops what had started and rethrows. */
    static StandaloneServer start(TickerSettings settings) throws IOException, DeploymentException {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2,
                runnable -> {
                    Thread thread = new Thread(runnable, "ticker-feed");
                    thread.setDaemon(true);
                    return thread;
                });
        ExecutorService writers = writers();
        WeldContainer cdi = null;
        try {
            UpgradeTargets upgrades = new UpgradeTargets();
            cdi = startCdi(settings, scheduler, writers, upgrades);
            HttpServer http = startHttp(settings, upgrades, cdi.select(TickerMetrics.class).get());
            return new StandaloneServer(scheduler, writers, cdi, http);
        } catch (IOException | DeploymentException | RuntimeException e) {
            if (cdi != null) {
                cdi.shutdown();
            }
            scheduler.shutdownNow();
            writers.shutdownNow();
            throw e;
        }
    }

    private static ExecutorService writers() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(WRITER_THREADS, WRITER_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "ticker-writer-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** {@code https} when serving TLS, else {@code http}. */
    String scheme() {
        return http.getListener(LISTENER).isSecure() ? "https" : "http";
    }

    /** The port actually bound (useful when 0 asked for a free one). */
    int port() {
        return http.getListener(LISTENER).getPort();
    }

    /** Closes every session as "going away", stops the feed and CDI, then the HTTP server, within a grace period. */
    void stop() {
        try {
            cdi.shutdown();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "CDI shutdown failed", e);
        }
        try {
            http.shutdown(GRACE_SECONDS, TimeUnit.SECONDS).get(GRACE_SECONDS + 1, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "HTTP server did not stop gracefully; forcing it", e);
            http.shutdownNow();
        }
        scheduler.shutdownNow();
        writers.shutdownNow();
    }

    private static final String LISTENER = "ticker";

    private static WeldContainer startCdi(TickerSettings settings, ScheduledExecutorService scheduler,
                                          ExecutorService writers, UpgradeTargets upgrades) {
        // Only our packages, annotated beans only, as in the WAR: scanning the whole fat jar would triple startup.
        Weld weld = new Weld()
                .disableDiscovery()
                .setBeanDiscoveryMode(BeanDiscoveryMode.ANNOTATED)
                .addPackages(true, TickerComposition.class, QuoteEndpoint.class, TickerApi.class)
                .addExtension(new StandaloneBeans(settings, scheduler, writers, upgrades))
                .skipShutdownHook();
        // With discovery off Weld skips library extensions; Jersey's CDI integration is one. Load them as a server would.
        ServiceLoader.load(Extension.class, StandaloneServer.class.getClassLoader()).forEach(weld::addExtension);
        return weld.initialize();
    }

    private static HttpServer startHttp(TickerSettings settings, UpgradeTargets upgrades, TickerMetrics metrics)
            throws IOException, DeploymentException {
        HttpServer http = new HttpServer();
        NetworkListener listener = new NetworkListener(LISTENER, settings.bindAddress(), settings.port());
        // Grizzly's keep-alive idle timeout (30 s) also closes upgraded connections, so a WebSocket client that is
        // merely quiet would be dropped without a close frame. Like Tyrus's own server, switch it off; dead peers
        // are the WebSocket layer's business (pings), and connection counts are bounded by the session limits.
        listener.getKeepAlive().setIdleTimeoutInSeconds(-1);
        settings.tls().ifPresent(keystore -> Tls.secure(listener, keystore));
        http.addListener(listener);

        EmbeddedTyrusContainer tyrus = new EmbeddedTyrusContainer(Set.of(QuoteEndpoint.class), upgrades);
        listener.registerAddOn(new WebSocketAddOn(tyrus, tyrus.contextPath()));

        ServerConfiguration config = http.getServerConfiguration();
        // WADL needs JAXB, which we do not ship: switch it off rather than have Jersey warn at every start.
        ResourceConfig resources = ResourceConfig.forApplicationClass(TickerApi.class)
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
        GrizzlyHttpContainer api = ContainerFactory.createContainer(GrizzlyHttpContainer.class, resources);
        config.addHttpHandler(api, HttpHandlerRegistration.builder().contextPath("/api").urlPattern("/").build());
        config.addHttpHandler(new MetricsHandler(metrics),
                HttpHandlerRegistration.builder().contextPath("/metrics").urlPattern("").build());
        config.addHttpHandler(new CLStaticHttpHandler(StandaloneServer.class.getClassLoader(), "/webapp/"),
                HttpHandlerRegistration.ROOT);

        tyrus.start(tyrus.contextPath(), settings.port());
        http.start();
        tyrus.doneDeployment();
        return http;
    }
}
