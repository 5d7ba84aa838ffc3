package dev.ticker.config;

import java.time.Duration;
import java.util.Objects;

/**
 * What WebSocket clients may do before the server refuses or cuts them off: the limits of the README's
 * configuration table, validated.
 *
 * @param maxMessageBytes       the largest text message a client may send, in UTF-8 bytes
 * @param maxSymbolsPerSession  symbols one session may be subscribed to at once
 * @param maxMessagesPerSecond  the average rate of messages a session may send (a burst may reach the same count)
 * @param maxSessions           sessions the server holds at once
 * @param maxSessionsPerAddress sessions one client address holds at once
 * @param pingInterval          time between pings to each session; a peer missing two pongs is closed
 * @param stallTimeout          how long a send may stay unfinished before its session is closed as not reading
 */
public record ClientLimits(int maxMessageBytes, int maxSymbolsPerSession, int maxMessagesPerSecond,
                           int maxSessions, int maxSessionsPerAddress, Duration pingInterval,
                           Duration stallTimeout) {

    static final int MIN_MESSAGE_BYTES = 64;
    static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    private static final int MANY = 1_000_000;
    /** Below the 60 s after which common proxies drop a quiet connection. */
    private static final long MAX_PING_SECONDS = 59;
    private static final long MAX_STALL_SECONDS = 3600;

    public ClientLimits {
        InvalidSettingException.requireRange(Setting.MAX_MESSAGE_BYTES, maxMessageBytes,
                MIN_MESSAGE_BYTES, MAX_MESSAGE_BYTES);
        InvalidSettingException.requireRange(Setting.MAX_SYMBOLS_PER_SESSION, maxSymbolsPerSession, 1, MANY);
        InvalidSettingException.requireRange(Setting.MAX_MESSAGES_PER_SECOND, maxMessagesPerSecond, 1, MANY);
        InvalidSettingException.requireRange(Setting.MAX_SESSIONS, maxSessions, 1, MANY);
        InvalidSettingException.requireRange(Setting.MAX_SESSIONS_PER_ADDRESS, maxSessionsPerAddress, 1, MANY);
        Objects.requireNonNull(pingInterval, "pingInterval");
        Objects.requireNonNull(stallTimeout, "stallTimeout");
        InvalidSettingException.requireRange(Setting.PING_INTERVAL_SECONDS, pingInterval.toSeconds(),
                1, MAX_PING_SECONDS);
        InvalidSettingException.requireRange(Setting.STALL_TIMEOUT_SECONDS, stallTimeout.toSeconds(),
                1, MAX_STALL_SECONDS);
    }

    /** The defaults of the configuration table. */
    public static ClientLimits defaults() {
        return TickerSettings.defaults().limits();
    }
}
