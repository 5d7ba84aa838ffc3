package dev.ticker.market;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/** Small universes and markets for tests. */
final class Fixtures {

    static final long DAY_MS = 86_400_000L;
    /** Noon UTC of some day, far from a day boundary. */
    static final long NOON = 20_000 * DAY_MS + DAY_MS / 2;

    private Fixtures() {
    }

    static SymbolUniverse universe() {
        return new SymbolUniverse(List.of(
                new Instrument("ACME", "Acme", new BigDecimal("120.50"), 0.30),
                new Instrument("GLOBX", "Globex", new BigDecimal("84.20"), 0.25),
                new Instrument("PENNY", "Penny Stock", new BigDecimal("0.05"), 2.0)));
    }

    static Market market(long seed, double activity) {
        return new Market(universe(), PriceModel.forTickInterval(Duration.ofMillis(250), new SplittableRandom(seed)),
                activity, 0);
    }

    static Quote quote(String symbol, long seq) {
        BigDecimal price = new BigDecimal("10.00");
        return new Quote(symbol, price, price, price, price, 0, seq, NOON, 1);
    }
}
