package dev.ticker.market;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static dev.ticker.market.Fixtures.DAY_MS;
import static dev.ticker.market.Fixtures.NOON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarketTest {

    @Test
    void opensEveryListingAtItsStartPrice() {
        List<Quote> opening = Fixtures.market(1, 0.5).open(NOON);

        assertEquals(List.of("ACME", "GLOBX", "PENNY"), opening.stream().map(Quote::symbol).toList());
        assertEquals(new BigDecimal("120.50"), opening.get(0).price());
        assertEquals(new BigDecimal("120.50"), opening.get(0).open());
        assertEquals(BigDecimal.ZERO.setScale(2), opening.get(0).change());
        assertEquals(List.of(1L, 2L, 3L), opening.stream().map(Quote::seq).toList());
    }

    @Test
    void sameSeedGivesTheSameQuotes() {
        assertEquals(run(Fixtures.market(42, 0.5), 500), run(Fixtures.market(42, 0.5), 500));
    }

    @Test
    void differentSeedsGiveDifferentQuotes() {
        assertNotEquals(run(Fixtures.market(42, 0.5), 50), run(Fixtures.market(43, 0.5), 50));
    }

    @Test
    void seqStrictlyIncreasesAcrossAllQuotes() {
        long previous = 0;
        for (Quote quote : run(Fixtures.market(7, 0.8), 300)) {
            assertTrue(quote.seq() > previous, "seq " + quote.seq() + " after " + previous);
            previous = quote.seq();
        }
    }

    @Test
    void numbersQuotesFromTheSeqOrigin() {
        Market market = new Market(Fixtures.universe(),
                PriceModel.forTickInterval(Duration.ofMillis(250), new SplittableRandom(1)), 1.0,
                Market.seqOriginAt(NOON));

        assertEquals(NOON * 1_000 + 1, market.open(NOON).get(0).seq());
    }

    @Test
    void aRestartedMarketNumbersAboveEverythingAnEarlierRunCouldIssueInItsLifetime() {
        long startedAt = NOON;
        long restartedAt = NOON + 1_000;
        // Even at a million quotes a second, a run cannot reach the seqs of a run started a second later.
        long lastSeqOfFirstRun = Market.seqOriginAt(startedAt) + 1_000_000 - 1;

        assertTrue(Market.seqOriginAt(restartedAt) > lastSeqOfFirstRun);
        assertTrue(Market.seqOriginAt(4_102_444_800_000L) < (1L << 53), "exact in JavaScript in the year 2100");
    }

    @Test
    void pricesArePositiveCentsEvenForAVolatilePennyStock() {
        for (Quote quote : run(Fixtures.market(3, 1.0), 5_000)) {
            assertTrue(quote.price().signum() > 0, quote.toString());
            assertEquals(2, quote.price().scale(), quote.toString());
        }
    }

    @Test
    void activityControlsHowManySymbolsTradePerTick() {
        Market market = Fixtures.market(5, 1.0);
        market.open(NOON);
        assertEquals(3, market.tick(NOON + 250).size());
    }

    @Test
    void highAndLowBracketEveryPriceOfTheDay() {
        for (Quote quote : run(Fixtures.market(11, 0.7), 1_000)) {
            assertTrue(quote.low().compareTo(quote.price()) <= 0, quote.toString());
            assertTrue(quote.high().compareTo(quote.price()) >= 0, quote.toString());
        }
    }

    @Test
    void changeIsMeasuredAgainstTheDaysOpen() {
        List<Quote> quotes = run(Fixtures.market(13, 1.0), 20);
        Quote last = quotes.get(quotes.size() - 1);
        assertEquals(last.price().subtract(last.open()), last.change());
        BigDecimal expectedPercent = last.change().multiply(BigDecimal.valueOf(100))
                .divide(last.open(), 2, RoundingMode.HALF_UP);
        assertEquals(expectedPercent, last.changePercent());
    }

    @Test
    void aNewDayReopensAtThePreviousCloseWithVolumeReset() {
        Market market = Fixtures.market(17, 1.0);
        market.open(NOON);
        Quote lastOfDay = null;
        for (int i = 1; i <= 100; i++) {
            for (Quote quote : market.tick(NOON + i * 250L)) {
                if (quote.symbol().equals("ACME")) {
                    lastOfDay = quote;
                }
            }
        }
        Quote nextDay = market.tick(NOON + DAY_MS).get(0);

        assertEquals("ACME", nextDay.symbol());
        assertEquals(lastOfDay.price(), nextDay.open());
        assertTrue(nextDay.volume() < lastOfDay.volume(), "volume restarts with the day");
    }

    private static List<Quote> run(Market market, int ticks) {
        List<Quote> quotes = new ArrayList<>(market.open(NOON));
        for (int i = 1; i <= ticks; i++) {
            quotes.addAll(market.tick(NOON + i * 250L));
        }
        // Timestamps aside, the run is what the seed determines.
        return quotes;
    }

    @Test
    void numbersTheQuotesOfEachSymbolFromOne() {
        Market market = Fixtures.market(7, 1.0);
        market.open(Fixtures.NOON);
        market.tick(Fixtures.NOON + 250);
        List<Quote> third = market.tick(Fixtures.NOON + 500);

        assertEquals(List.of(3L, 3L, 3L), third.stream().map(Quote::symbolSeq).toList());
    }
}
