package dev.ticker.config;

import java.util.Locale;
import java.util.Optional;

/**
 * Every setting of the ticker, with the one name it has in each source: {@code --name} on the standalone command
 * line, system property {@code ticker.name}, environment variable {@code TICKER_NAME}.
 */
public enum Setting {
    PORT("port", "8080", "TCP port of the standalone server (0 picks a free one)"),
    BIND("bind", "127.0.0.1", "address the standalone server listens on (0.0.0.0 for all interfaces)"),
    INTERVAL_MS("interval-ms", "250", "milliseconds between ticks of the market"),
    SEED("seed", "random", "seed of the price model; the same seed gives the same quotes"),
    ACTIVITY("activity", "0.5", "probability that a symbol trades on a tick, in (0, 1]"),
    SYMBOLS("symbols", "20 built-in symbols",
            "the symbol universe inline: SYMBOL,Name,startPrice,volatility entries separated by ';'"),
    SYMBOLS_FILE("symbols-file", "none", "a file with one SYMBOL,Name,startPrice,volatility line per symbol"),
    MAX_MESSAGE_BYTES("max-message-bytes", "4096",
            "largest WebSocket text message a client may send, in bytes; a larger one closes the session (1009)");

    private final String key;
    private final String defaultText;
    private final String description;

    Setting(String key, String defaultText, String description) {
        this.key = key;
        this.defaultText = defaultText;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String propertyName() {
        return "ticker." + key;
    }

    public String environmentName() {
        return "TICKER_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    public String defaultText() {
        return defaultText;
    }

    public String description() {
        return description;
    }

    public static Optional<Setting> byKey(String key) {
        for (Setting setting : values()) {
            if (setting.key.equals(key)) {
                return Optional.of(setting);
            }
        }
        return Optional.empty();
    }
}
