package dev.ticker.push;

import dev.ticker.config.ClientLimits;
import dev.ticker.fanout.ConflatingOutbox;
import dev.ticker.fanout.QuoteDistributor;
import dev.ticker.market.MarketFeed;
import dev.ticker.market.SymbolUniverse;
import dev.ticker.wire.ClientMessage;
import dev.ticker.wire.ErrorCode;
import dev.ticker.wire.ServerMessage;
import dev.ticker.wire.WireCodec;
import dev.ticker.wire.WireException;

import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.Session;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The application-wide registry of WebSocket sessions, each with its outbox, and the handler of what they send.
 * Endpoint instances are per connection and hold nothing; everything a session owns lives here.
 */
public final class PushSessions {

    private static final Logger LOG = Logger.getLogger(PushSessions.class.getName());
    /** Replies a session may have waiting; a client that sends requests without reading the replies is cut off. */
    private static final int REPLY_CAPACITY = 32;

    private final QuoteDistributor<String> distributor;
    private final WireCodec codec;
    private final SymbolUniverse universe;
    private final MarketFeed feed;
    private final Clock clock;
    private final ClientLimits limits;
    private final Map<String, Peer> peers = new ConcurrentHashMap<>();

    /** One connected session and its outbox. */
    private record Peer(Session session, ConflatingOutbox<String> outbox) {
    }

    public PushSessions(QuoteDistributor<String> distributor, WireCodec codec, SymbolUniverse universe,
                        MarketFeed feed, Clock clock, ClientLimits limits) {
        this.distributor = distributor;
        this.codec = codec;
        this.universe = universe;
        this.feed = feed;
        this.clock = clock;
        this.limits = limits;
    }

    /** Registers a new session and sends it the welcome. */
    void open(Session session) {
        // The container refuses a larger message itself (1009) before buffering all of it, where it honours this.
        session.setMaxTextMessageBufferSize(limits.maxMessageBytes());
        session.setMaxBinaryMessageBufferSize(limits.maxMessageBytes());
        ConflatingOutbox<String> outbox =
                new ConflatingOutbox<>(new WebSocketSink(session), universe.size(), REPLY_CAPACITY);
        peers.put(session.getId(), new Peer(session, outbox));
        outbox.offerReply(codec.encode(new ServerMessage.Welcome(universe.instruments(),
                feed.interval().toMillis(), clock.millis(), new ServerMessage.Limits(limits.maxMessageBytes()))));
        feed.ensureRunning();
    }

    /** Handles one text message of {@code session}: a request, or input that earns an error reply. */
    void receive(Session session, String text) {
        Peer peer = peers.get(session.getId());
        if (peer == null) {
            return;
        }
        if (Utf8.exceeds(text, limits.maxMessageBytes())) {
            // Only where the container did not enforce the buffer size given on open.
            WebSocketSink.closeQuietly(session, new CloseReason(CloseCodes.TOO_BIG,
                    "message over " + limits.maxMessageBytes() + " bytes"));
            return;
        }
        ConflatingOutbox<String> outbox = peer.outbox();
        try {
            ClientMessage message = codec.decode(text);
            if (message instanceof ClientMessage.Subscribe subscribe) {
                subscribe(outbox, subscribe.symbols());
            } else if (message instanceof ClientMessage.Unsubscribe unsubscribe) {
                unsubscribe(outbox, unsubscribe.symbols());
            }
        } catch (WireException e) {
            outbox.offerReply(codec.encode(new ServerMessage.Error(e.code(), e.getMessage())));
        }
    }

    /** Forgets a session that has closed, for whatever reason. */
    void closed(Session session) {
        Peer peer = peers.remove(session.getId());
        if (peer != null) {
            distributor.remove(peer.outbox());
        }
    }

    /** Closes every open session with {@code reason}; used when the application stops. */
    public void closeAll(CloseReason reason) {
        List<Peer> open = new ArrayList<>(peers.values());
        LOG.log(Level.INFO, () -> "Closing " + open.size() + " WebSocket sessions: " + reason.getReasonPhrase());
        for (Peer peer : open) {
            distributor.remove(peer.outbox());
            WebSocketSink.closeQuietly(peer.session(), reason);
        }
    }

    public int size() {
        return peers.size();
    }

    private void subscribe(ConflatingOutbox<String> outbox, List<String> requested) {
        List<String> known = rejectUnknown(outbox, requested);
        if (!known.isEmpty()) {
            distributor.subscribe(outbox, known);
            feed.ensureRunning();
        }
    }

    private void unsubscribe(ConflatingOutbox<String> outbox, List<String> requested) {
        List<String> known = rejectUnknown(outbox, requested);
        if (!known.isEmpty()) {
            distributor.unsubscribe(outbox, known);
            outbox.offerReply(codec.unsubscribed(known));
        }
    }

    /** Replies with an error naming the unknown symbols, and returns the known ones, which still apply. */
    private List<String> rejectUnknown(ConflatingOutbox<String> outbox, List<String> requested) {
        Set<String> unknown = universe.unknown(requested);
        if (unknown.isEmpty()) {
            return requested;
        }
        List<String> shown = unknown.stream().map(WireCodec::abbreviate).toList();
        outbox.offerReply(codec.encode(new ServerMessage.Error(ErrorCode.UNKNOWN_SYMBOL,
                "unknown symbol(s): " + String.join(", ", shown), shown)));
        return requested.stream().filter(universe::contains).toList();
    }
}
