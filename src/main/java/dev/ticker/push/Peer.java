package dev.ticker.push;

import dev.ticker.fanout.ConflatingOutbox;
import dev.ticker.fanout.RateLimit;
import dev.ticker.wire.Frame;

import jakarta.websocket.Session;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One connected session and what the registry keeps for it: its outbox and sender, its message rate, its address
 * (for the per-address limit) and its pings awaiting a pong.
 */
final class Peer {

    private static final Logger LOG = Logger.getLogger(Peer.class.getName());

    private final Session session;
    private final WebSocketSink sink;
    private final ConflatingOutbox<Frame> outbox;
    private final RateLimit rate;
    private final String address;
    private final AtomicInteger unanswered = new AtomicInteger();
    private volatile long lastPingNanos;

    Peer(Session session, WebSocketSink sink, ConflatingOutbox<Frame> outbox, RateLimit rate, String address) {
        this.session = session;
        this.sink = sink;
        this.outbox = outbox;
        this.rate = rate;
        this.address = address;
        this.lastPingNanos = System.nanoTime();
    }

    Session session() {
        return session;
    }

    WebSocketSink sink() {
        return sink;
    }

    ConflatingOutbox<Frame> outbox() {
        return outbox;
    }

    RateLimit rate() {
        return rate;
    }

    String address() {
        return address;
    }

    int unanswered() {
        return unanswered.get();
    }

    boolean pingDue(long now, long intervalNanos) {
        return now - lastPingNanos >= intervalNanos;
    }

    void ponged() {
        unanswered.set(0);
    }

    /** Sends a ping, counted as unanswered until a pong arrives. */
    void ping(long now) {
        lastPingNanos = now;
        unanswered.incrementAndGet();
        try {
            session.getAsyncRemote().sendPing(ByteBuffer.wrap(Long.toString(now).getBytes()));
        } catch (java.io.IOException | RuntimeException e) {
            LOG.log(Level.FINE, e, () -> "Could not ping session " + session.getId());
        }
    }
}
