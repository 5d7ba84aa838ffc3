package dev.ticker.wire;

import dev.ticker.market.Instrument;

import java.util.List;
import java.util.Objects;

/**
 * The server's messages that carry more than a quote list; records are named after their {@code type}.
 */
public sealed interface ServerMessage {

    /**
     * Sent once, on open: the universe, the tick interval, the server's clock (for staleness), on a WebSocket the
     * limits this session runs into and on a WebSocket, the connection's opening handshake as the server saw it (null
     * elsewhere).
     */
    record Welcome(List<Instrument> symbols, long intervalMs, long serverTime, Limits limits, Handshake handshake)
            implements ServerMessage {
        public Welcome {
            symbols = List.copyOf(symbols);
        }

        /** A welcome without limits or handshake: a server-sent event stream's, whose client sends nothing. */
        public Welcome(List<Instrument> symbols, long intervalMs, long serverTime) {
            this(symbols, intervalMs, serverTime, null, null);
        }
    }

    /**
     * A WebSocket opening handshake: the {@code Sec-WebSocket-Key} the client sent and the
     * {@code Sec-WebSocket-Accept} the server answered (null if the server's WebSocket implementation does not show
     * its answer to the application).
     */
    record Handshake(String key, String accept) {
        public Handshake {
            Objects.requireNonNull(key, "key");
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
