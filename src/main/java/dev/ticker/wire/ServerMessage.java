package dev.ticker.wire;

import dev.ticker.market.Instrument;

import java.util.List;
import java.util.Objects;

/**
 * The server's messages that carry more than a quote list; records are named after their {@code type}.
 */
public sealed interface ServerMessage {

    /**
     * Sent once, on open: the universe, the tick interval, the server's clock (for staleness) and the limits this
     * session runs into.
     */
    record Welcome(List<Instrument> symbols, long intervalMs, long serverTime, Limits limits) implements ServerMessage {
        public Welcome {
            symbols = List.copyOf(symbols);
            Objects.requireNonNull(limits, "limits");
        }
    }

    /**
     * What a client may do, so that a well-behaved one never runs into a limit: message size, symbols, message
     * rate, sessions in all and per address, the ping interval and how long a send may stall.
     */
    record Limits(int maxMessageBytes, int maxSymbolsPerSession, int maxMessagesPerSecond, int maxSessions,
                  int maxSessionsPerAddress, long pingIntervalMs, long stallTimeoutMs) {
    }

    /** A request was refused, wholly or in part; {@code symbols} lists the offending symbols, if any. */
    record Error(ErrorCode code, String message, List<String> symbols) implements ServerMessage {
        public Error {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
            symbols = List.copyOf(symbols);
        }

        public Error(ErrorCode code, String message) {
            this(code, message, List.of());
        }
    }
}
