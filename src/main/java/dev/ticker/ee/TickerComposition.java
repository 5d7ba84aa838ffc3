package dev.ticker.ee;

import dev.ticker.config.SettingsSource;
import dev.ticker.config.TickerSettings;
import dev.ticker.fanout.QuoteDistributor;
import dev.ticker.market.Market;
import dev.ticker.market.MarketFeed;
import dev.ticker.market.PriceModel;
import dev.ticker.market.QuoteBoard;
import dev.ticker.market.SymbolUniverse;
import dev.ticker.push.PushSessions;
import dev.ticker.wire.WireCodec;

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
import java.util.concurrent.ScheduledExecutorService;
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
              Instance<PushSessions> sessions) {
        feed.stop();
        // Looked up only now, and guarded: if no client ever connected, the registry is created here, and on a
        // server that is already unloading the application that may fail; the feed is stopped whatever happens.
        try {
            sessions.get().closeAll(new CloseReason(CloseCodes.GOING_AWAY, "server shutting down"));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not close every WebSocket session on shutdown", e);
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
    QuoteBoard board(SymbolUniverse universe) {
        return new QuoteBoard(universe);
    }

    @Produces
    @Singleton
    MarketFeed feed(TickerSettings settings, SymbolUniverse universe, QuoteBoard board,
                    @FeedScheduler ScheduledExecutorService scheduler) {
        PriceModel model = PriceModel.forTickInterval(settings.interval(), new SplittableRandom(settings.seed()));
        Clock clock = Clock.systemUTC();
        Market market = new Market(universe, model, settings.activity(), Market.seqOriginAt(clock.millis()));
        return new MarketFeed(market, board, scheduler, settings.interval(), clock);
    }

    @Produces
    @Singleton
    QuoteDistributor<String> distributor(QuoteBoard board, WireCodec codec) {
        QuoteDistributor<String> distributor = new QuoteDistributor<>(board, codec::quote, codec::snapshot);
        board.addListener(distributor);
        return distributor;
    }

    @Produces
    @Singleton
    PushSessions pushSessions(QuoteDistributor<String> distributor, WireCodec codec, SymbolUniverse universe,
                              MarketFeed feed, TickerSettings settings,
                              @FeedScheduler ScheduledExecutorService scheduler) {
        return new PushSessions(distributor, codec, universe, feed, Clock.systemUTC(), settings.limits(), scheduler);
    }
}
