package dev.ticker.wire;

import java.util.List;

/**
 * A message a WebSocket client sends; records are named after their {@code type}.
 */
public sealed interface ClientMessage {

    /**
     * {@code {"type":"subscribe","symbols":[...]}}: start receiving these symbols; with {@code "since":<seq>}, resume
     * after that cursor ({@code since} is -1 without one).
     */
    record Subscribe(List<String> symbols, long since) implements ClientMessage {
        public Subscribe {
            symbols = List.copyOf(symbols);
            if (since < -1) {
                throw new IllegalArgumentException("since must be a seq, or -1 for none: " + since);
            }
        }

        public Subscribe(List<String> symbols) {
            this(symbols, -1);
        }

        public boolean resumes() {
            return since >= 0;
        }
    }

    /** {@code {"type":"unsubscribe","symbols":[...]}}: stop receiving these symbols. */
    record Unsubscribe(List<String> symbols) implements ClientMessage {
        public Unsubscribe {
            symbols = List.copyOf(symbols);
        }
    }
}
