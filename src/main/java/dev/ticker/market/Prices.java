package dev.ticker.market;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Price arithmetic shared by the model and the quotes: cents, half-up, never below one cent.
 */
final class Prices {

    static final BigDecimal MINIMUM = new BigDecimal("0.01");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Prices() {
    }

    static BigDecimal round(BigDecimal price) {
        return price.setScale(2, RoundingMode.HALF_UP).max(MINIMUM);
    }

    static BigDecimal round(double price) {
        return round(BigDecimal.valueOf(price));
    }

    /** Percentage change from {@code base} to {@code price}, to two decimals. */
    static BigDecimal percentChange(BigDecimal price, BigDecimal base) {
        return price.subtract(base).multiply(HUNDRED).divide(base, 2, RoundingMode.HALF_UP);
    }
}
