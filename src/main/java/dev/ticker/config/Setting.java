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
    HISTORY("history", "4096", "how many recent quotes to keep for clients that resume after a reconnect (0 to 1000000)"),
    BUS("bus", "memory",
            "how nodes share quotes: memory (one node on its own) or redis://host:port[/db] (several nodes, one Redis)"),
    MAX_MESSAGE_BYTES("max-message-bytes", "4096",
            "largest WebSocket text message a client may send, in bytes; a larger one closes the session (1009)"),
    ALLOWED_ORIGINS("allowed-origins", "same-host",
            "origins whose pages may open the WebSocket, comma-separated (https://example.com:8443); same-host means"
                    + " the host the request was addressed to; * allows any; others get 403"),
    MAX_SYMBOLS_PER_SESSION("max-symbols-per-session", "100",
            "symbols one session may subscribe to at once; more are refused with an error"),
    MAX_MESSAGES_PER_SECOND("max-messages-per-second", "20",
            "messages a session may send per second on average (bursts up to the same number); more close it (1008)"),
    MAX_SESSIONS("max-sessions", "10000", "WebSocket sessions the server accepts at once; more are closed (1013)"),
    MAX_SESSIONS_PER_ADDRESS("max-sessions-per-address", "100",
            "WebSocket sessions one client address may hold at once; more are closed (1013)"),
    PING_INTERVAL_SECONDS("ping-interval-seconds", "20",
            "seconds between WebSocket pings to each session; a peer that misses 2 pongs is closed (1001)"),
    STALL_TIMEOUT_SECONDS("stall-timeout-seconds", "15",
            "seconds a send may stay unfinished before its session counts as not reading and is closed (1008)"),
    TLS_KEYSTORE("tls-keystore", "none",
            "standalone: a PKCS12 keystore file; when set, the port serves https:// and wss:// only (TLS 1.2+)"),
    TLS_KEYSTORE_PASSWORD("tls-keystore-password", "none",
            "standalone: the keystore's password (prefer the environment variable to the command line)");

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
