package dev.ticker.fanout;

import java.util.function.Consumer;

/**
 * Where an outbox writes: one peer's connection. The outbox guarantees at most one {@link #send} in flight.
 *
 * @param <F> the encoded frame type
 */
public interface FrameSink<F> {

    /**
     * Starts sending {@code frame} without blocking, and calls {@code done} exactly once when it is written
     * ({@code null}) or has failed (the cause). {@code done} may run on any thread, including this one.
     */
    void send(F frame, Consumer<Throwable> done);

    /** The outbox has given up on this peer: close its connection for {@code reason}. Must not block. */
    void disconnect(Disconnect reason, Throwable cause);
}
