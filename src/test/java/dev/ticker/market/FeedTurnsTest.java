package dev.ticker.market;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static dev.ticker.market.Fixtures.NOON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A feed on a shared bus generates only in its turns, and each turn continues the market the last one left. */
class FeedTurnsTest {

    private static final Duration INTERVAL = Duration.ofMillis(10);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final TurnBus bus = new TurnBus();

    @AfterEach
    void shutDown() {
        scheduler.shutdownNow();
    }

    @Test
    void generatesNothingOutsideItsTurn() throws InterruptedException {
        MarketFeed feed = new MarketFeed(Fixtures.market(1, 1.0), bus, scheduler, INTERVAL, Clock.systemUTC());
        feed.start();
        Eventually.await(PATIENCE, () -> feed.ticks() >= 5, "five ticks ran");

        assertEquals(List.of(), bus.published());
    }

    @Test
    void firstTurnOnAnEmptyBusOpensTheMarketAfterTheTurnsSeq() {
        bus.give(new QuoteBus.Turn(1_000, List.of()));
        MarketFeed feed = new MarketFeed(Fixtures.market(1, 1.0), bus, scheduler, INTERVAL, Clock.systemUTC());
        feed.start();

        List<Quote> opening = bus.published();
        assertEquals(List.of(1_001L, 1_002L, 1_003L), opening.stream().map(Quote::seq).toList());
        assertEquals(Fixtures.universe().get(0).startPrice(), opening.get(0).price());
    }

    @Test
    void laterTurnContinuesTheSeqAndPricesItWasHanded() {
        MarketFeed feed = new MarketFeed(Fixtures.market(1, 1.0), bus, scheduler, INTERVAL, Clock.systemUTC());
        feed.start();
        Quote acme = new Quote("ACME", new BigDecimal("99.99"), new BigDecimal("98.00"),
                new BigDecimal("101.00"), new BigDecimal("97.00"), 5_000, 7_000, System.currentTimeMillis(), 12);
        bus.give(new QuoteBus.Turn(7_010, List.of(acme)));

        Eventually.await(PATIENCE, () -> bus.published().size() >= 3, "the new turn published a tick");

        List<Quote> ticked = bus.published();
        assertEquals(7_011, ticked.get(0).seq(), "the first quote follows the turn's seq");
        Quote nextAcme = ticked.stream().filter(quote -> quote.symbol().equals("ACME")).findFirst().orElseThrow();
        assertEquals(acme.open(), nextAcme.open(), "the day's open carries over");
        assertTrue(nextAcme.volume() > acme.volume(), "the day's volume carries over");
        assertEquals(13, nextAcme.symbolSeq(), "the count of ACME's quotes carries over");
        assertTrue(nextAcme.price().subtract(acme.price()).abs().doubleValue() < 5, "the walk goes on from 99.99");
    }

    @Test
    void marketThatIssuedNothingContinuesTheClusterSeqNotItsOwnOrigin() {
        Market market = new Market(Fixtures.universe(),
                PriceModel.forTickInterval(Duration.ofMillis(250), new SplittableRandom(1)), 1.0, 5_000_000);

        market.resume(List.of(Fixtures.quote("ACME", 40)), 42);

        assertEquals(43, market.tick(NOON + 250).get(0).seq());
    }

    @Test
    void nodeOnItsOwnKeepsItsTimeBasedSeqOrigin() {
        QuoteBoard board = new QuoteBoard(Fixtures.universe());
        Market market = new Market(Fixtures.universe(),
                PriceModel.forTickInterval(Duration.ofMillis(250), new SplittableRandom(1)), 1.0, 5_000_000);
        new MarketFeed(market, board, scheduler, INTERVAL, Clock.systemUTC()).start();

        assertEquals(5_000_003, board.latestSeq());
    }

    @Test
    void resumedMarketNeverReusesItsOwnHigherSeq() {
        Market market = Fixtures.market(1, 1.0);
        market.open(NOON);
        market.tick(NOON + 250);

        market.resume(List.of(Fixtures.quote("ACME", 2)), 2);

        assertEquals(7, market.tick(NOON + 500).get(0).seq(), "six quotes were issued before");
    }

    /** A bus whose turns the test hands out; it records what the feed published in them. */
    private static final class TurnBus implements QuoteBus {
        private volatile Turn turn;
        private final List<Quote> published = new ArrayList<>();

        void give(Turn next) {
            turn = next;
        }

        synchronized List<Quote> published() {
            return List.copyOf(published);
        }

        @Override
        public Turn turn() {
            return turn;
        }

        @Override
        public synchronized void publish(Turn in, List<Quote> quotes) {
            assertTrue(in == turn, "published in the current turn");
            published.addAll(quotes);
        }

        @Override
        public void close() {
        }
    }
}
