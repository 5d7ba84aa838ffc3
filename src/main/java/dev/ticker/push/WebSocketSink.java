package dev.ticker.push;

import dev.ticker.fanout.Disconnect;
import dev.ticker.fanout.FrameSink;

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
final class WebSocketSink implements FrameSink<String> {

    private static final Logger LOG = Logger.getLogger(WebSocketSink.class.getName());

    private final Session session;
    /** When the send in flight started (System.nanoTime), or 0 when none is: the outbox allows one at a time. */
    private volatile long sendingSince;

    WebSocketSink(Session session) {
        this.session = session;
    }

    @Override
    public void send(String frame, Consumer<Throwable> done) {
        sendingSince = Math.max(1, System.nanoTime());
        session.getAsyncRemote().sendText(frame, result -> {
            sendingSince = 0;
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
        LOG.log(Level.INFO, cause, () -> "Closing session " + session.getId() + ": " + close.getReasonPhrase());
        closeQuietly(session, close);
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
