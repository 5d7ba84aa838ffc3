package dev.ticker.wire;

import dev.ticker.market.Instrument;

import java.util.List;
import java.util.Objects;

/**
 * The server's messages that carry more than a quote list; records are named after their {@code type}.
 */
public sealed interface ServerMessage {

    /**
     * Sent once, on open: the universe, the tick interval, the server's clock (for staleness) and, on a WebSocket,
     * the connection's opening handshake as the server saw it (null elsewhere).
     */
    record Welcome(List<Instrument> symbols, long intervalMs, long serverTime, Handshake handshake)
            implements ServerMessage {
        public Welcome {
            symbols = List.copyOf(symbols);
        }

        public Welcome(List<Instrument> symbols, long intervalMs, long serverTime) {
            this(symbols, intervalMs, serverTime, null);
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
