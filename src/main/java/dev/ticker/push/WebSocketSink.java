package dev.ticker.push;

import dev.ticker.fanout.DeliveryCounters;
import dev.ticker.fanout.Disconnect;
import dev.ticker.fanout.FrameSink;
import dev.ticker.wire.Frame;

import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.Session;

import java.io.IOException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes an outbox's frames to one WebSocket session with the asynchronous remote, so the thread that offers a quote
 * never waits for the network.
 */
final class WebSocketSink implements FrameSink<Frame> {

    private static final Logger LOG = Logger.getLogger(WebSocketSink.class.getName());

    private final Session session;
    private final DeliveryCounters counters;
    /** When the send in flight started (System.nanoTime), or 0 when none is: the outbox allows one at a time. */
    private volatile long sendingSince;

    WebSocketSink(Session session, DeliveryCounters counters) {
        this.session = session;
        this.counters = counters;
    }

    @Override
    public void send(Frame frame, Consumer<Throwable> done) {
        sendingSince = Math.max(1, System.nanoTime());
        session.getAsyncRemote().sendText(frame.json(), result -> {
            sendingSince = 0;
            if (result.isOK()) {
                counters.sent(frame.updates(), utf8Length(frame.json()));
            }
            done.accept(result.isOK() ? null : result.getException());
        });
    }

    /** How long the send in flight has been waiting for the peer to take it; zero if none is in flight. */
    long stalledNanos(long now) {
        long since = sendingSince;
        return since == 0 ? 0 : Math.max(0, now - since);
    }

    @Override
    public void disconnect(Disconnect reason, Throwable cause) {
        CloseReason close = switch (reason) {
            case SEND_FAILED -> new CloseReason(CloseCodes.UNEXPECTED_CONDITION, "send failed");
            case FLOODED -> new CloseReason(CloseCodes.VIOLATED_POLICY, "too many requests awaiting replies");
            case STALLED -> new CloseReason(CloseCodes.VIOLATED_POLICY, "not reading: a send stalled");
        };
        counters.evicted();
        LOG.log(Level.INFO, cause, () -> "Closing session " + session.getId() + ": " + close.getReasonPhrase());
        closeQuietly(session, close);
    }

    /** The UTF-8 size of {@code text} without encoding it: our frames are almost all ASCII. */
    private static long utf8Length(String text) {
        long bytes = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                // Two bytes up to U+07FF, three above; a surrogate pair is four bytes for two chars.
                bytes += c < 0x800 ? 1 : Character.isSurrogate(c) ? 1 : 2;
            }
        }
        return bytes;
    }

    static void closeQuietly(Session session, CloseReason reason) {
        try {
            if (session.isOpen()) {
                session.close(reason);
            }
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, e, () -> "Session " + session.getId() + " was already gone while closing");
        }
    }
}
