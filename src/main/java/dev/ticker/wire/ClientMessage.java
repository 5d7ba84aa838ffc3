package dev.ticker.wire;

import java.util.List;

/**
 * A message a WebSocket client sends; records are named after their {@code type}.
 */
public sealed interface ClientMessage {

    /** {@code {"type":"subscribe","symbols":[...]}}: start receiving these symbols. */
    record Subscribe(List<String> symbols) implements ClientMessage {
        public Subscribe {
            symbols = List.copyOf(symbols);
        }
    }

    /** {@code {"type":"unsubscribe","symbols":[...]}}: stop receiving these symbols. */
    record Unsubscribe(List<String> symbols) implements ClientMessage {
        public Unsubscribe {
            symbols = List.copyOf(symbols);
        }
    }
}
