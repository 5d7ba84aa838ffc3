package dev.ticker.ee;

import dev.ticker.config.SettingsSource;
import dev.ticker.config.TickerSettings;
import dev.ticker.fanout.DeliveryCounters;
import dev.ticker.fanout.QuoteDistributor;
import dev.ticker.fanout.TickerMetrics;
import dev.ticker.market.Market;
import dev.ticker.market.MarketFeed;
import dev.ticker.market.PriceModel;
import dev.ticker.market.QuoteBoard;
import dev.ticker.market.QuoteBus;
import dev.ticker.market.SymbolUniverse;
import dev.ticker.poll.LongPolls;
import dev.ticker.poll.QuoteStreams;
import dev.ticker.push.PushSessions;
import dev.ticker.wire.Frame;
import dev.ticker.wire.WireCodec;
import dev.ticker.wire.WireFrames;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;

import java.time.Clock;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Builds the ticker from its settings and runs its lifecycle: the feed starts when the application starts and
 * stops, with every WebSocket session closed as "going away", when it begins to stop. The domain and adapter objects are
 * plain classes with constructor injection, produced here as {@code @Singleton}s (one instance per application,
 * no client proxy needed).
 */
@ApplicationScoped
public class TickerComposition {

    private static final Logger LOG = Logger.getLogger(TickerComposition.class.getName());

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted, TickerSettings settings,
               MarketFeed feed) {
        LOG.info(() -> "Ticker starting: " + settings.instruments().size() + " symbols, tick every "
                + settings.interval().toMillis() + " ms, seed " + settings.seed()
                + (settings.seedGiven() ? "" : " (random; set ticker.seed to repeat this run)"));
        feed.start();
    }

    /**
     * Runs while the application is still whole: an observer, not disposers, because GlassFish invokes disposers
     * of this bean after its EE environment is gone (logging "No valid EE environment for injection").
     */
    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object applicationStopping, MarketFeed feed,
              QuoteBus bus, Instance<PushSessions> sessions, Instance<QuoteStreams> streams,
              Instance<LongPolls> polls) {
        feed.stop();
        // Before the sessions close: another node takes over generating at once instead of after the lease expires.
        try {
            bus.close();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not leave the bus cleanly", e);
        }
        // Looked up only now, and guarded: if no client ever connected, a registry is created here, and on a
        // server that is already unloading the application that may fail; the feed is stopped whatever happens.
        try {
            sessions.get().closeAll(new CloseReason(CloseCodes.GOING_AWAY, "server shutting down"));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not close every WebSocket session on shutdown", e);
        }
        try {
            streams.get().closeAll();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not end every event stream on shutdown", e);
        }
        try {
            polls.get().closeAll();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not answer every waiting long poll on shutdown", e);
        }
    }

    @Produces
    @Singleton
    TickerSettings settings() {
        return new SettingsSource().environment(System.getenv()).systemProperties(System.getProperties()).load();
    }

    @Produces
    @Singleton
    SymbolUniverse universe(TickerSettings settings) {
        return new SymbolUniverse(settings.instruments());
    }

    @Produces
    @Singleton
    WireCodec codec() {
        return new WireCodec();
    }

    @Produces
    @Singleton
    QuoteBoard board(TickerSettings settings, SymbolUniverse universe) {
        return new QuoteBoard(universe, settings.historySize());
    }

    @Produces
    @Singleton
    QuoteBus bus(TickerSettings settings, QuoteBoard board, WireCodec codec,
                 @BusThreads Instance<ThreadFactory> threads) {
        return Buses.connect(settings, board, codec, threads);
    }

    @Produces
    @Singleton
    MarketFeed feed(TickerSettings settings, SymbolUniverse universe, QuoteBus bus,
                    @FeedScheduler ScheduledExecutorService scheduler) {
        PriceModel model = PriceModel.forTickInterval(settings.interval(), new SplittableRandom(settings.seed()));
        Clock clock = Clock.systemUTC();
        Market market = new Market(universe, model, settings.activity(), Market.seqOriginAt(clock.millis()));
        return new MarketFeed(market, bus, scheduler, settings.interval(), clock);
    }

    @Produces
    @Singleton
    QuoteDistributor<Frame> distributor(QuoteBoard board, WireCodec codec,
                                        @ResponseWriters Instance<ExecutorService> writers) {
        // A large tick's sends start on as many threads as there are cores: the writers help the feed's thread.
        QuoteDistributor<Frame> distributor = new QuoteDistributor<>(board, new WireFrames(codec),
                onFirstUse(writers), Runtime.getRuntime().availableProcessors());
        board.addListener(distributor);
        return distributor;
    }

    @Produces
    @Singleton
    DeliveryCounters deliveryCounters() {
        return new DeliveryCounters();
    }

    @Produces
    @Singleton
    TickerMetrics metrics(QuoteDistributor<Frame> distributor, DeliveryCounters delivery, PushSessions push,
                          QuoteStreams streams, LongPolls polls) {
        TickerMetrics metrics = new TickerMetrics(distributor, delivery);
        metrics.addTransport("websocket", push::size, push::backlog);
        metrics.addTransport("sse", streams::size, streams::backlog);
        // A waiting long poll has nothing queued: its answer is written as soon as there is one.
        metrics.addTransport("long-poll", polls::size, () -> 0);
        return metrics;
    }

    @Produces
    @Singleton
    PushSessions pushSessions(QuoteDistributor<Frame> distributor, WireCodec codec, SymbolUniverse universe,
                              MarketFeed feed, DeliveryCounters delivery, TickerSettings settings,
                              @FeedScheduler ScheduledExecutorService scheduler) {
        return new PushSessions(distributor, codec, universe, feed, Clock.systemUTC(), delivery, settings.limits(),
                scheduler);
    }

    @Produces
    @Singleton
    QuoteStreams quoteStreams(QuoteDistributor<Frame> distributor, WireCodec codec, SymbolUniverse universe,
                              MarketFeed feed, @ResponseWriters Instance<ExecutorService> writers,
                              DeliveryCounters delivery) {
        return new QuoteStreams(distributor, codec, universe, feed, Clock.systemUTC(), onFirstUse(writers), delivery);
    }

    @Produces
    @Singleton
    LongPolls longPolls(QuoteBoard board, WireCodec codec, @ResponseWriters Instance<ExecutorService> writers) {
        LongPolls polls = new LongPolls(board, codec, onFirstUse(writers));
        board.addListener(polls);
        return polls;
    }

    /**
     * The writer executor, looked up when the first answer is written rather than when a registry is built: the
     * stop observer builds the registries if no client ever used them, and the server's executor may be gone by then.
     */
    private static Executor onFirstUse(Instance<ExecutorService> writers) {
        return new Executor() {
            private volatile Executor resolved;

            @Override
            public void execute(Runnable task) {
                Executor target = resolved;
                if (target == null) {
                    // Racing first uses may both resolve it: the bean is a singleton, so they get the same one.
                    target = writers.get();
                    resolved = target;
                }
                target.execute(task);
            }
        };
    }
}
