package dev.ticker.push;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.nio.ByteBuffer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The WebSocket endpoint at {@code ws/quotes}: one instance per connection, holding nothing but the registry,
 * which does the work. {@code @Dependent} makes it a CDI bean, which Open Liberty requires before it injects.
 */
@Dependent
@ServerEndpoint(value = "/ws/quotes", configurator = PushHandshake.class)
public class QuoteEndpoint {

    private static final Logger LOG = Logger.getLogger(QuoteEndpoint.class.getName());

    // Field injection: the WebSocket container creates endpoints through the public no-arg constructor.
    @Inject
    PushSessions sessions;

    @OnOpen
    public void open(Session session) {
        try {
            sessions.open(session);
        } catch (RuntimeException e) {
            // An exception escaping @OnOpen can leave the connection open but silent: close it instead.
            LOG.log(Level.SEVERE, "Could not open session " + session.getId(), e);
            WebSocketSink.closeQuietly(session, new CloseReason(CloseCodes.UNEXPECTED_CONDITION, "server error"));
        }
    }

    @OnMessage
    public void text(Session session, String text) {
        try {
            sessions.receive(session, text);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Failed to handle a message of session " + session.getId(), e);
            WebSocketSink.closeQuietly(session, new CloseReason(CloseCodes.UNEXPECTED_CONDITION, "server error"));
        }
    }

    @OnMessage
    public void binary(Session session, ByteBuffer ignored) {
        WebSocketSink.closeQuietly(session,
                new CloseReason(CloseCodes.CANNOT_ACCEPT, "binary messages are not supported; send JSON text"));
    }

    @OnMessage
    public void pong(Session session, PongMessage pong) {
        sessions.pong(session);
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        sessions.closed(session);
    }

    @OnError
    public void error(Session session, Throwable failure) {
        LOG.log(Level.FINE, failure, () -> "Session " + session.getId() + " failed");
        sessions.closed(session);
    }
}
