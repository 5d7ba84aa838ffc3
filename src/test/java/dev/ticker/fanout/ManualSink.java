package dev.ticker.fanout;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/** A sink whose sends complete only when the test says so, like a peer that reads when it pleases. */
final class ManualSink implements FrameSink<String> {

    final List<String> started = new ArrayList<>();
    final List<Disconnect> disconnects = new ArrayList<>();
    private final Deque<Consumer<Throwable>> inFlight = new ArrayDeque<>();
    private int maxInFlight;

    @Override
    public synchronized void send(String frame, Consumer<Throwable> done) {
        started.add(frame);
        inFlight.add(done);
        maxInFlight = Math.max(maxInFlight, inFlight.size());
    }

    @Override
    public synchronized void disconnect(Disconnect reason, Throwable cause) {
        disconnects.add(reason);
    }

    /** Completes the oldest send successfully; the outbox may start the next one from here. */
    void complete() {
        Consumer<Throwable> done;
        synchronized (this) {
            done = inFlight.removeFirst();
        }
        done.accept(null);
    }

    void fail(Throwable cause) {
        Consumer<Throwable> done;
        synchronized (this) {
            done = inFlight.removeFirst();
        }
        done.accept(cause);
    }

    /** Completes sends until none is in flight. */
    void drain() {
        while (inFlightCount() > 0) {
            complete();
        }
    }

    synchronized int inFlightCount() {
        return inFlight.size();
    }

    synchronized int maxInFlight() {
        return maxInFlight;
    }
}
