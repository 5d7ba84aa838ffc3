package dev.ticker.push;

import dev.ticker.fanout.ConflatingOutbox;
import dev.ticker.fanout.DeliveryCounters;
import dev.ticker.fanout.QuoteDistributor;
import dev.ticker.market.MarketFeed;
import dev.ticker.market.SymbolUniverse;
import dev.ticker.wire.ClientMessage;
import dev.ticker.wire.ErrorCode;
import dev.ticker.wire.Frame;
import dev.ticker.wire.ServerMessage;
import dev.ticker.wire.WireCodec;
import dev.ticker.wire.WireException;

import jakarta.websocket.CloseReason;
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

    private final QuoteDistributor<Frame> distributor;
    private final WireCodec codec;
    private final SymbolUniverse universe;
    private final MarketFeed feed;
    private final Clock clock;
    private final DeliveryCounters counters;
    private final Map<String, Peer> peers = new ConcurrentHashMap<>();

    /** One connected session and its outbox. */
    private record Peer(Session session, ConflatingOutbox<Frame> outbox) {
    }

    public PushSessions(QuoteDistributor<Frame> distributor, WireCodec codec, SymbolUniverse universe,
                        MarketFeed feed, Clock clock, DeliveryCounters counters) {
        this.distributor = distributor;
        this.codec = codec;
        this.universe = universe;
        this.feed = feed;
        this.clock = clock;
        this.counters = counters;
    }

    /** Registers a new session and sends it the welcome. */
    void open(Session session) {
        ConflatingOutbox<Frame> outbox = distributor.newOutbox(new WebSocketSink(session, counters), REPLY_CAPACITY);
        peers.put(session.getId(), new Peer(session, outbox));
        outbox.offerReply(Frame.reply("welcome", codec.encode(new ServerMessage.Welcome(
                universe.instruments(), feed.interval().toMillis(), clock.millis(), PushHandshake.of(session)))));
        feed.ensureRunning();
    }

    /** Handles one text message of {@code session}: a request, or input that earns an error reply. */
    void receive(Session session, String text) {
        Peer peer = peers.get(session.getId());
        if (peer == null) {
            return;
        }
        ConflatingOutbox<Frame> outbox = peer.outbox();
        try {
            ClientMessage message = codec.decode(text);
            if (message instanceof ClientMessage.Subscribe subscribe) {
                subscribe(outbox, subscribe.symbols(), subscribe.since());
            } else if (message instanceof ClientMessage.Unsubscribe unsubscribe) {
                unsubscribe(outbox, unsubscribe.symbols());
            }
        } catch (WireException e) {
            outbox.offerReply(error(new ServerMessage.Error(e.code(), e.getMessage())));
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

    /** Quotes and replies waiting in all sessions' outboxes, not counting those in flight. */
    public long backlog() {
        long waiting = 0;
        for (Peer peer : peers.values()) {
            waiting += peer.outbox().backlog();
        }
        return waiting;
    }

    /** {@code since} is -1 for a plain subscribe; a cursor only concerns the symbols not subscribed yet. */
    private void subscribe(ConflatingOutbox<Frame> outbox, List<String> requested, long since) {
        List<String> known = rejectUnknown(outbox, requested);
        if (!known.isEmpty()) {
            distributor.subscribe(outbox, known, since);
            feed.ensureRunning();
        }
    }

    private void unsubscribe(ConflatingOutbox<Frame> outbox, List<String> requested) {
        List<String> known = rejectUnknown(outbox, requested);
        if (!known.isEmpty()) {
            distributor.unsubscribe(outbox, known);
            outbox.offerReply(Frame.reply("unsubscribed", codec.unsubscribed(known)));
        }
    }

    /** Replies with an error naming the unknown symbols, and returns the known ones, which still apply. */
    private List<String> rejectUnknown(ConflatingOutbox<Frame> outbox, List<String> requested) {
        Set<String> unknown = universe.unknown(requested);
        if (unknown.isEmpty()) {
            return requested;
        }
        List<String> shown = unknown.stream().map(WireCodec::abbreviate).toList();
        outbox.offerReply(error(new ServerMessage.Error(ErrorCode.UNKNOWN_SYMBOL,
                "unknown symbol(s): " + String.join(", ", shown), shown)));
        return requested.stream().filter(universe::contains).toList();
    }

    private Frame error(ServerMessage.Error error) {
        return Frame.reply("error", codec.encode(error));
    }
}
