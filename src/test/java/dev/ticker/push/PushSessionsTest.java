package dev.ticker.push;

import dev.ticker.config.ClientLimits;
import dev.ticker.config.TickerSettings;
import dev.ticker.fanout.DeliveryCounters;
import dev.ticker.fanout.QuoteDistributor;
import dev.ticker.market.Market;
import dev.ticker.market.MarketFeed;
import dev.ticker.market.PriceModel;
import dev.ticker.market.QuoteBoard;
import dev.ticker.market.SymbolUniverse;
import dev.ticker.wire.Frame;
import dev.ticker.wire.WireCodec;
import dev.ticker.wire.WireFrames;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The registry's heartbeat against fake sessions: a session whose send never completes (its client stopped reading)
 * is closed with 1008 after the stall timeout and forgotten; one that never answers pings is closed with 1001.
 */
class PushSessionsTest {

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void sessionWhoseSendStallsIsClosedWith1008AfterTheStallTimeout() throws Exception {
        PushSessions sessions = sessions(limits(Duration.ofSeconds(30), Duration.ofSeconds(1)));
        FakeSession stalled = new FakeSession("stalled", false);
        sessions.open(stalled.session());
        CloseReason reason = stalled.closed.get(10, TimeUnit.SECONDS);
        assertEquals(1008, reason.getCloseCode().getCode(), reason.getReasonPhrase());
        assertEquals(0, sessions.size(), "the registry forgot it");
    }

    @Test
    void sessionThatAnswersNoPingIsClosedWith1001AfterMissingTwo() throws Exception {
        PushSessions sessions = sessions(limits(Duration.ofSeconds(1), Duration.ofSeconds(30)));
        FakeSession silent = new FakeSession("silent", true);
        FakeSession healthy = new FakeSession("healthy", true);
        sessions.open(silent.session());
        sessions.open(healthy.session());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!silent.closed.isDone() && System.nanoTime() < deadline) {
            if (healthy.pings.get() > 0) {
                sessions.pong(healthy.session());
            }
            Thread.sleep(100);
        }
        CloseReason reason = silent.closed.getNow(null);
        assertTrue(reason != null, "not closed within 10 s");
        assertEquals(1001, reason.getCloseCode().getCode(), reason.getReasonPhrase());
        assertTrue(silent.pings.get() >= 2, "pings sent: " + silent.pings.get());
        assertTrue(!healthy.closed.isDone(), "the healthy session was closed");
    }

    private static ClientLimits limits(Duration ping, Duration stall) {
        ClientLimits defaults = TickerSettings.defaults().limits();
        return new ClientLimits(defaults.maxMessageBytes(), defaults.maxSymbolsPerSession(),
                defaults.maxMessagesPerSecond(), defaults.maxSessions(), defaults.maxSessionsPerAddress(), ping, stall);
    }

    private PushSessions sessions(ClientLimits limits) {
        TickerSettings settings = TickerSettings.defaults();
        SymbolUniverse universe = new SymbolUniverse(settings.instruments());
        QuoteBoard board = new QuoteBoard(universe);
        Clock clock = Clock.systemUTC();
        Market market = new Market(universe, PriceModel.forTickInterval(Duration.ofSeconds(1), new SplittableRandom(1)),
                0.5, Market.seqOriginAt(clock.millis()));
        MarketFeed feed = new MarketFeed(market, board, scheduler, Duration.ofSeconds(1), clock);
        WireCodec codec = new WireCodec();
        QuoteDistributor<Frame> distributor = new QuoteDistributor<>(board, new WireFrames(codec));
        return new PushSessions(distributor, codec, universe, feed, clock, new DeliveryCounters(), limits, scheduler);
    }

    /** A jakarta.websocket.Session that records pings and closes; its sends complete, or never do. */
    private static final class FakeSession {
        final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
        final AtomicInteger pings = new AtomicInteger();
        private final String id;
        private final boolean sendsComplete;
        private final Map<String, Object> properties = new HashMap<>();
        private final Session session;

        FakeSession(String id, boolean sendsComplete) {
            this.id = id;
            this.sendsComplete = sendsComplete;
            RemoteEndpoint.Async remote = (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                        if (method.getName().equals("sendText") && args.length == 2 && this.sendsComplete) {
                            ((jakarta.websocket.SendHandler) args[1]).onResult(new jakarta.websocket.SendResult());
                        } else if (method.getName().equals("sendPing")) {
                            pings.incrementAndGet();
                        }
                        return null;
                    });
            this.session = (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getId" -> this.id;
                        case "getAsyncRemote" -> remote;
                        case "getUserProperties" -> properties;
                        case "isOpen" -> !closed.isDone();
                        case "close" -> {
                            closed.complete(args != null && args.length == 1 ? (CloseReason) args[0] : null);
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "FakeSession " + this.id;
                        default -> null;
                    });
        }

        Session session() {
            return session;
        }
    }
}
