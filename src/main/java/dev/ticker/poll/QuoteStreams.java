package dev.ticker.poll;

import dev.ticker.fanout.ConflatingOutbox;
import dev.ticker.fanout.Disconnect;
import dev.ticker.fanout.FrameSink;
import dev.ticker.fanout.QuoteDistributor;
import dev.ticker.market.MarketFeed;
import dev.ticker.market.SymbolUniverse;
import dev.ticker.wire.Frame;
import dev.ticker.wire.ServerMessage;
import dev.ticker.wire.WireCodec;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The open server-sent event streams. Each is a subscriber of the same fan-out as the WebSocket sessions, with its
 * own conflating outbox (one event in flight, bounded memory), and gets the very frames the WebSocket sends, encoded
 * once for both. Events are written on the writer executor: JAX-RS implementations write an event on the calling
 * thread, and that must never be the feed's.
 */
public final class QuoteStreams {

    private static final Logger LOG = Logger.getLogger(QuoteStreams.class.getName());
    /** A stream gets the welcome and one snapshot, nothing else that is not a quote. */
    private static final int REPLY_CAPACITY = 4;
    /** What an event stream client waits before reconnecting (the {@code retry:} field of the first event). */
    static final long RECONNECT_DELAY_MS = 2_000;

    private final QuoteDistributor<Frame> distributor;
    private final WireCodec codec;
    private final SymbolUniverse universe;
    private final MarketFeed feed;
    private final Clock clock;
    private final Executor writers;
    private final Set<EventStream> open = ConcurrentHashMap.newKeySet();

    public QuoteStreams(QuoteDistributor<Frame> distributor, WireCodec codec, SymbolUniverse universe,
                        MarketFeed feed, Clock clock, Executor writers) {
        this.distributor = distributor;
        this.codec = codec;
        this.universe = universe;
        this.feed = feed;
        this.clock = clock;
        this.writers = writers;
    }

    /**
     * Starts a stream of {@code symbols} on {@code sink}: the welcome, then the snapshot, or with a cursor
     * {@code since} (-1 for none) the replay or the gap snapshot, then every quote.
     */
    void open(SseEventSink sink, Sse sse, List<String> symbols, long since) {
        EventStream stream = new EventStream(sink, sse);
        ConflatingOutbox<Frame> outbox = new ConflatingOutbox<>(stream, universe.size(), REPLY_CAPACITY,
                distributor.replayCapacity());
        stream.outbox = outbox;
        open.add(stream);
        outbox.offerReply(Frame.reply("welcome", codec.encode(new ServerMessage.Welcome(
                universe.instruments(), feed.interval().toMillis(), clock.millis()))));
        distributor.subscribe(outbox, symbols, since);
        feed.ensureRunning();
    }

    /** Ends every stream; used when the application stops. */
    public void closeAll() {
        List<EventStream> all = new ArrayList<>(open);
        if (!all.isEmpty()) {
            LOG.log(Level.INFO, () -> "Closing " + all.size() + " event streams: server shutting down");
        }
        all.forEach(EventStream::end);
    }

    public int size() {
        return open.size();
    }

    /** One client's event stream: the outbox's sink. */
    private final class EventStream implements FrameSink<Frame> {
        private final SseEventSink sink;
        private final Sse sse;
        private volatile ConflatingOutbox<Frame> outbox;
        private boolean first = true;

        EventStream(SseEventSink sink, Sse sse) {
            this.sink = sink;
            this.sse = sse;
        }

        @Override
        public void send(Frame frame, Consumer<Throwable> done) {
            // The outbox has at most one send in flight, so "first" is only ever touched by one thread at a time.
            OutboundSseEvent event = event(frame);
            writers.execute(() -> {
                try {
                    sink.send(event).whenComplete((ignored, failure) -> done.accept(failure));
                } catch (RuntimeException e) {
                    done.accept(e);
                }
            });
        }

        private OutboundSseEvent event(Frame frame) {
            OutboundSseEvent.Builder event = sse.newEventBuilder().name(frame.type()).data(frame.json());
            if (frame.seq() > 0) {
                event.id(Long.toString(frame.seq()));
            }
            if (first) {
                first = false;
                event.reconnectDelay(RECONNECT_DELAY_MS);
            }
            return event.build();
        }

        @Override
        public void disconnect(Disconnect reason, Throwable cause) {
            LOG.log(Level.FINE, cause, () -> "Ending an event stream: " + reason);
            end();
        }

        void end() {
            open.remove(this);
            distributor.remove(outbox);
            try {
                sink.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "An event stream was already gone while ending it", e);
            }
        }
    }
}
