package dev.ticker.market;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One price change of one symbol: the last price, the day's open, high and low, the day's volume so far,
 * a sequence number that strictly increases across all quotes, the quote's time in epoch milliseconds, and its
 * number among the quotes of its symbol in this run ({@code symbolSeq}, 1 for the opening quote), which lets a
 * client that follows a few symbols count exactly how many quotes of each it missed.
 */
public record Quote(String symbol, BigDecimal price, BigDecimal open, BigDecimal high, BigDecimal low,
                    long volume, long seq, long ts, long symbolSeq) {

    public Quote {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        if (price.signum() <= 0 || open.signum() <= 0) {
            throw new IllegalArgumentException("prices must be positive: " + symbol + " " + price);
        }
        if (seq <= 0) {
            throw new IllegalArgumentException("seq must be positive: " + seq);
        }
        if (symbolSeq <= 0) {
            throw new IllegalArgumentException("symbolSeq must be positive: " + symbolSeq);
        }
        if (volume < 0) {
            throw new IllegalArgumentException("volume must not be negative: " + volume);
        }
    }

    /** Change against the day's open. */
    public BigDecimal change() {
        return price.subtract(open);
    }

    /** Change against the day's open in percent, to two decimals. */
    public BigDecimal changePercent() {
        return Prices.percentChange(price, open);
    }
}
