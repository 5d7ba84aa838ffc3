package dev.ticker.market;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One listed symbol of the universe: its ticker symbol, display name, opening price and annualised volatility.
 */
public record Instrument(String symbol, String name, BigDecimal startPrice, double volatility) {

    private static final Pattern SYMBOL = Pattern.compile("[A-Z][A-Z0-9.]{0,9}");

    public Instrument {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(startPrice, "startPrice");
        if (!SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException(
                    "symbol '" + symbol + "' must be 1-10 upper-case letters, digits or dots, starting with a letter");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("name of " + symbol + " must not be blank");
        }
        if (startPrice.compareTo(Prices.MINIMUM) < 0) {
            throw new IllegalArgumentException("start price of " + symbol + " must be at least " + Prices.MINIMUM);
        }
        if (!(volatility >= 0 && volatility <= 5)) {
            throw new IllegalArgumentException("volatility of " + symbol + " must be between 0 and 5 (annualised)");
        }
        startPrice = Prices.round(startPrice);
    }

    /** True if {@code candidate} has the shape of a symbol (says nothing about whether it is listed). */
    public static boolean isWellFormedSymbol(String candidate) {
        return candidate != null && SYMBOL.matcher(candidate).matches();
    }
}
