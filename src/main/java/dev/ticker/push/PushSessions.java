package dev.ticker.push;

import dev.ticker.config.ClientLimits;
import dev.ticker.fanout.ConflatingOutbox;
import dev.ticker.fanout.DeliveryCounters;
import dev.ticker.fanout.Disconnect;
import dev.ticker.fanout.QuoteDistributor;
import dev.ticker.fanout.RateLimit;
import dev.ticker.market.MarketFeed;
import dev.ticker.market.SymbolUniverse;
import dev.ticker.wire.ClientMessage;
import dev.ticker.wire.ErrorCode;
import dev.ticker.wire.Frame;
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
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The application-wide registry of WebSocket sessions, each with its outbox, and the handler of what they send.
 * Endpoint instances are per connection and hold nothing; everything a session owns lives here. Enforces the
 * client limits: sessions in all and per address, message rate, symbols per session, and, once a second, pings,
 * missed pongs and stalled sends.
 */
public final class PushSessions {

    private static final Logger LOG = Logger.getLogger(PushSessions.class.getName());
    /** Replies a session may have waiting; a client that sends requests without reading the replies is cut off. */
    private static final int REPLY_CAPACITY = 32;
    /** Pings a peer may leave unanswered; at the next ping time it is closed. */
    private static final int MISSED_PONGS = 2;

    private final QuoteDistributor<Frame> distributor;
    private final WireCodec codec;
    private final SymbolUniverse universe;
    private final MarketFeed feed;
    private final Clock clock;
    private final DeliveryCounters counters;
    private final ClientLimits limits;
    private final Heartbeat heartbeat;
    private final Map<String, Peer> peers = new ConcurrentHashMap<>();
    private final SessionCounts counts;

    public PushSessions(QuoteDistributor<Frame> distributor, WireCodec codec, SymbolUniverse universe,
                        MarketFeed feed, Clock clock, DeliveryCounters counters, ClientLimits limits,
                        ScheduledExecutorService scheduler) {
        this.distributor = distributor;
        this.codec = codec;
        this.universe = universe;
        this.feed = feed;
        this.clock = clock;
        this.counters = counters;
        this.limits = limits;
        this.counts = new SessionCounts(limits.maxSessions(), limits.maxSessionsPerAddress());
        this.heartbeat = new Heartbeat(scheduler, this::checkPeers);
    }

    /** Registers a new session and sends it the welcome, unless a session limit is reached (then 1013). */
    void open(Session session) {
        String address = RemoteAddress.of(session);
        String refusal = counts.admit(address);
        if (refusal != null) {
            LOG.log(Level.INFO, () -> "Refused session " + session.getId() + " from " + address + ": " + refusal);
            WebSocketSink.closeQuietly(session, new CloseReason(CloseCodes.TRY_AGAIN_LATER, refusal));
            return;
        }
        // The container refuses a larger message itself (1009) before buffering all of it, where it honours this.
        session.setMaxTextMessageBufferSize(limits.maxMessageBytes());
        session.setMaxBinaryMessageBufferSize(limits.maxMessageBytes());
        WebSocketSink sink = new WebSocketSink(session, counters);
        Peer peer = new Peer(session, sink, distributor.newOutbox(sink, REPLY_CAPACITY),
                new RateLimit(limits.maxMessagesPerSecond(), System.nanoTime()), address);
        peers.put(session.getId(), peer);
        peer.outbox().offerReply(Frame.reply("welcome", codec.encode(new ServerMessage.Welcome(universe.instruments(),
                feed.interval().toMillis(), clock.millis(), welcomeLimits(), PushHandshake.of(session)))));
        feed.ensureRunning();
        heartbeat.ensureRunning();
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
        if (!peer.rate().tryTake(System.nanoTime())) {
            LOG.log(Level.INFO, () -> "Closing session " + session.getId() + ": over "
                    + limits.maxMessagesPerSecond() + " messages per second");
            evict(peer, new CloseReason(CloseCodes.VIOLATED_POLICY,
                    "over " + limits.maxMessagesPerSecond() + " messages per second"));
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
        heartbeat.ensureRunning();
    }

    /** The peer answered a ping: it is alive. */
    void pong(Session session) {
        Peer peer = peers.get(session.getId());
        if (peer != null) {
            peer.ponged();
        }
    }

    /** Forgets a session that has closed, for whatever reason. */
    void closed(Session session) {
        Peer peer = peers.remove(session.getId());
        if (peer != null) {
            distributor.remove(peer.outbox());
            counts.release(peer.address());
        }
    }

    /** Closes every open session with {@code reason}; used when the application stops. */
    public void closeAll(CloseReason reason) {
        heartbeat.stop();
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

    /** Once a second: closes peers whose send stalled or who missed their pongs, and pings the others when due. */
    private void checkPeers() {
        long now = System.nanoTime();
        long stall = limits.stallTimeout().toNanos();
        long ping = limits.pingInterval().toNanos();
        for (Peer peer : peers.values()) {
            if (peer.sink().stalledNanos(now) > stall) {
                LOG.log(Level.INFO, () -> "Closing session " + peer.session().getId() + ": not reading for "
                        + limits.stallTimeout().toSeconds() + " s");
                // Forget it first (which closes its outbox), so nothing is offered to it while it closes.
                closed(peer.session());
                peer.sink().disconnect(Disconnect.STALLED, null);
            } else if (peer.pingDue(now, ping)) {
                if (peer.unanswered() >= MISSED_PONGS) {
                    LOG.log(Level.INFO, () -> "Closing session " + peer.session().getId() + ": no pong to "
                            + MISSED_PONGS + " pings");
                    evict(peer, new CloseReason(CloseCodes.GOING_AWAY, "no pong to " + MISSED_PONGS + " pings"));
                } else if (peer.sink().stalledNanos(now) == 0) {
                    // Only between sends: a ping never waits behind a peer's full socket on this thread.
                    peer.ping(now);
                }
            }
        }
    }

    private void evict(Peer peer, CloseReason reason) {
        closed(peer.session());
        WebSocketSink.closeQuietly(peer.session(), reason);
    }

    private ServerMessage.Limits welcomeLimits() {
        return new ServerMessage.Limits(limits.maxMessageBytes(), limits.maxSymbolsPerSession(),
                limits.maxMessagesPerSecond(), limits.maxSessions(), limits.maxSessionsPerAddress(),
                limits.pingInterval().toMillis(), limits.stallTimeout().toMillis());
    }

    /** {@code since} is -1 for a plain subscribe; a cursor only concerns the symbols not subscribed yet. */
    private void subscribe(ConflatingOutbox<Frame> outbox, List<String> requested, long since) {
        List<String> known = withinSymbolLimit(outbox, rejectUnknown(outbox, requested));
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

    /**
     * Keeps the new symbols that fit under the per-session limit, in the order requested, and replies with an error
     * naming the ones refused. Symbols already subscribed cost nothing.
     */
    private List<String> withinSymbolLimit(ConflatingOutbox<Frame> outbox, List<String> known) {
        boolean[] held = new boolean[universe.size()];
        int[] subscribed = outbox.subscribedSymbols();
        for (int symbol : subscribed) {
            held[symbol] = true;
        }
        int room = limits.maxSymbolsPerSession() - subscribed.length;
        List<String> accepted = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String symbol : known) {
            int index = universe.indexOf(symbol);
            if (held[index]) {
                accepted.add(symbol);
            } else if (room > 0) {
                held[index] = true;
                room--;
                accepted.add(symbol);
            } else if (!refused.contains(symbol)) {
                refused.add(symbol);
            }
        }
        if (!refused.isEmpty()) {
            outbox.offerReply(error(new ServerMessage.Error(ErrorCode.TOO_MANY_SYMBOLS,
                    "at most " + limits.maxSymbolsPerSession() + " symbols per session; refused: "
                            + String.join(", ", refused), refused)));
        }
        return accepted;
    }

    private Frame error(ServerMessage.Error error) {
        return Frame.reply("error", codec.encode(error));
    }
}
