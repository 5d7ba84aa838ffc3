package dev.ticker.market;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * A driftless geometric Brownian motion: each step multiplies the price by exp(-σ²dt/2 + σ√dt·Z).
 * Simulated time runs fast, one trading day per real minute, so that moves are visible on a page that refreshes
 * several times a second; volatilities stay the familiar annualised numbers.
 */
public final class PriceModel {

    private static final double TRADING_DAYS_PER_YEAR = 252;
    private static final double REAL_MILLIS_PER_SIMULATED_DAY = 60_000;

    private final RandomGenerator random;
    private final double stepYears;

    PriceModel(RandomGenerator random, double stepYears) {
        if (!(stepYears > 0)) {
            throw new IllegalArgumentException("step must be positive: " + stepYears);
        }
        this.random = random;
        this.stepYears = stepYears;
    }

    /** A model whose step is one tick of {@code interval}, in compressed simulated time. */
    public static PriceModel forTickInterval(Duration interval, RandomGenerator random) {
        double simulatedDays = interval.toMillis() / REAL_MILLIS_PER_SIMULATED_DAY;
        return new PriceModel(random, simulatedDays / TRADING_DAYS_PER_YEAR);
    }

    /** The next price after {@code price} for an instrument of annualised {@code volatility}; always positive. */
    double next(double price, double volatility) {
        double z = random.nextGaussian();
        double exponent = -0.5 * volatility * volatility * stepYears + volatility * Math.sqrt(stepYears) * z;
        return price * Math.exp(exponent);
    }

    RandomGenerator random() {
        return random;
    }
}
