package dev.ticker.poll;

import dev.ticker.fanout.DeliveryCounters;
import dev.ticker.fanout.QuoteDistributor;
import dev.ticker.market.Instrument;
import dev.ticker.market.Market;
import dev.ticker.market.MarketFeed;
import dev.ticker.market.PriceModel;
import dev.ticker.market.Quote;
import dev.ticker.market.QuoteBoard;
import dev.ticker.market.SymbolUniverse;
import dev.ticker.wire.Frame;
import dev.ticker.wire.WireCodec;
import dev.ticker.wire.WireFrames;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;

import org.glassfish.jersey.media.sse.OutboundEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuoteStreamsTest {

    private final SymbolUniverse universe = new SymbolUniverse(List.of(
            new Instrument("ACME", "Acme", new BigDecimal("10.00"), 0.3),
            new Instrument("GLOBX", "Globex", new BigDecimal("20.00"), 0.3)));
    private final QuoteBoard board = new QuoteBoard(universe, 16);
    private final QuoteDistributor<Frame> distributor = new QuoteDistributor<>(board, new WireFrames(new WireCodec()));
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    /** Never started: the streams only read its interval. */
    private final MarketFeed feed = new MarketFeed(new Market(universe,
            PriceModel.forTickInterval(Duration.ofMillis(250), new SplittableRandom(1)), 0.5, 0),
            board, scheduler, Duration.ofMillis(250), Clock.systemUTC());
    /** Runs nothing until the test says so: shows that events are written off the publishing thread. */
    private final List<Runnable> writerTasks = new ArrayList<>();
    private final QuoteStreams streams =
            new QuoteStreams(distributor, new WireCodec(), universe, feed, Clock.systemUTC(), writerTasks::add,
                    new DeliveryCounters());
    private final Sse sse = new JerseyEvents();

    QuoteStreamsTest() {
        board.addListener(distributor);
        board.publish(List.of(quote("ACME", 1), quote("GLOBX", 2)));
    }

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    @Test
    void sendsTheWelcomeWithARetryThenTheSnapshotWithItsHighestSeqAsId() {
        RecordingSink sink = new RecordingSink();
        streams.open(sink, sse, List.of("ACME", "GLOBX"), -1);
        drainWriters();
        OutboundSseEvent welcome = sink.events.get(0);
        OutboundSseEvent snapshot = sink.events.get(1);
        assertEquals("welcome", welcome.getName());
        assertEquals(QuoteStreams.RECONNECT_DELAY_MS, welcome.getReconnectDelay());
        assertNull(welcome.getId());
        assertEquals("snapshot", snapshot.getName());
        assertEquals("2", snapshot.getId());
        assertTrue(((String) snapshot.getData()).startsWith("{\"type\":\"snapshot\""), snapshot.getData()::toString);
    }

    @Test
    void writesEachQuoteOnTheWriterExecutorWithItsSeqAsId() {
        RecordingSink sink = new RecordingSink();
        streams.open(sink, sse, List.of("ACME"), -1);
        drainWriters();
        board.publish(List.of(quote("ACME", 3), quote("GLOBX", 4)));
        assertEquals(2, sink.events.size(), "nothing written on the publishing thread");
        drainWriters();
        OutboundSseEvent event = sink.events.get(2);
        assertEquals("quote", event.getName());
        assertEquals("3", event.getId());
        assertEquals(3, sink.events.size(), "GLOBX is not subscribed");
    }

    @Test
    void aResumeReplaysTheMissedQuotesThenAnIdlessSnapshotNamingTheCursor() {
        board.publish(List.of(quote("ACME", 3)));
        board.publish(List.of(quote("GLOBX", 4)));
        RecordingSink sink = new RecordingSink();
        streams.open(sink, sse, List.of("ACME"), 1);
        drainWriters();
        assertEquals(List.of("welcome", "quote", "snapshot"), sink.events.stream().map(OutboundSseEvent::getName).toList());
        assertEquals("3", sink.events.get(1).getId());
        assertNull(sink.events.get(2).getId());
        assertTrue(((String) sink.events.get(2).getData()).contains("\"since\":1"));
    }

    @Test
    void aFailedWriteEndsTheStreamAndItsSubscription() {
        RecordingSink sink = new RecordingSink();
        streams.open(sink, sse, List.of("ACME"), -1);
        drainWriters();
        sink.failing = true;
        board.publish(List.of(quote("ACME", 3)));
        drainWriters();
        assertTrue(sink.closed);
        assertEquals(0, streams.size());
        assertEquals(0, distributor.subscriberCount("ACME"));
    }

    @Test
    void stoppingEndsEveryStream() {
        RecordingSink first = new RecordingSink();
        RecordingSink second = new RecordingSink();
        streams.open(first, sse, List.of("ACME"), -1);
        streams.open(second, sse, List.of("GLOBX"), -1);
        streams.closeAll();
        assertTrue(first.closed && second.closed);
        assertEquals(0, streams.size());
    }

    private void drainWriters() {
        while (!writerTasks.isEmpty()) {
            writerTasks.remove(0).run();
        }
    }

    private static Quote quote(String symbol, long seq) {
        BigDecimal price = new BigDecimal("10.00");
        return new Quote(symbol, price, price, price, price, 0, seq, 1_700_000_000_000L, seq);
    }

    /** Jersey's event builder, the one the standalone server uses. */
    private static final class JerseyEvents implements Sse {
        @Override
        public OutboundSseEvent.Builder newEventBuilder() {
            return new OutboundEvent.Builder();
        }

        @Override
        public SseBroadcaster newBroadcaster() {
            throw new UnsupportedOperationException();
        }
    }

    private static final class RecordingSink implements SseEventSink {
        final List<OutboundSseEvent> events = new ArrayList<>();
        boolean failing;
        boolean closed;

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public CompletionStage<?> send(OutboundSseEvent event) {
            if (failing) {
                return CompletableFuture.failedFuture(new IOException("peer gone"));
            }
            events.add(event);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
