package dev.ticker.fanout;

import dev.ticker.market.Instrument;
import dev.ticker.market.Quote;
import dev.ticker.market.QuoteBoard;
import dev.ticker.market.SymbolUniverse;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuoteDistributorTest {

    private final QuoteBoard board = new QuoteBoard(new SymbolUniverse(List.of(
            new Instrument("ACME", "Acme", BigDecimal.TEN, 0.1),
            new Instrument("GLOBX", "Globex", BigDecimal.TEN, 0.1))));
    private final AtomicInteger encodings = new AtomicInteger();
    private final QuoteDistributor<String> distributor = new QuoteDistributor<>(board, new CountingFrames());

    {
        board.addListener(distributor);
    }

    @Test
    void encodesEachQuoteOnceHoweverManySubscribers() {
        List<ManualSink> sinks = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ManualSink sink = new ManualSink();
            sinks.add(sink);
            distributor.subscribe(new ConflatingOutbox<>(sink, 2, 4), List.of("ACME"));
        }

        board.publish(List.of(quote("ACME", 1), quote("ACME", 2)));

        assertEquals(2, encodings.get());
        assertEquals(2, distributor.encodedQuotes());
        sinks.forEach(ManualSink::drain);
        sinks.forEach(sink -> assertEquals("ACME@2", sink.started.get(sink.started.size() - 1)));
    }

    @Test
    void aLargeTickStartsPartOfItsSendsOnAHelperAndTheRestOnTheDeliveringThread() {
        List<Runnable> handedOff = new ArrayList<>();
        QuoteDistributor<String> twoLanes = new QuoteDistributor<>(board, new CountingFrames(), handedOff::add, 2);
        List<ManualSink> sinks = subscribedAndIdle(twoLanes, 2 * QuoteDistributor.MIN_OUTBOXES_PER_LANE);

        twoLanes.onQuotes(List.of(quote("ACME", 1)));

        assertEquals(1, handedOff.size(), "lanes handed to the helper");
        assertEquals(sinks.size() / 2, sendsStarted(sinks, "ACME@1"), "sends started on the delivering thread");
        handedOff.get(0).run();
        assertEquals(sinks.size(), sendsStarted(sinks, "ACME@1"), "sends started once the helper ran");
    }

    @Test
    void aTickWhoseHelperIsStillBusyStartsEverySendOnTheDeliveringThread() {
        List<Runnable> handedOff = new ArrayList<>();
        QuoteDistributor<String> twoLanes = new QuoteDistributor<>(board, new CountingFrames(), handedOff::add, 2);
        List<ManualSink> sinks = subscribedAndIdle(twoLanes, 2 * QuoteDistributor.MIN_OUTBOXES_PER_LANE);

        twoLanes.onQuotes(List.of(quote("ACME", 1)));
        // The helper has not run its lane yet: the next tick queues nothing more for it.
        twoLanes.onQuotes(List.of(quote("GLOBX", 2)));

        assertEquals(1, handedOff.size(), "lanes handed to the helper");
        assertEquals(sinks.size(), sendsStarted(sinks, "ACME@1") + sendsStarted(sinks, "GLOBX@2"),
                "every outbox has a send in flight");
        handedOff.get(0).run();
        sinks.forEach(ManualSink::drain);
        assertEquals(sinks.size(), sendsStarted(sinks, "GLOBX@2"), "every outbox got the second tick");
    }

    @Test
    void aSmallTickStartsEverySendOnTheDeliveringThread() {
        List<Runnable> handedOff = new ArrayList<>();
        QuoteDistributor<String> twoLanes = new QuoteDistributor<>(board, new CountingFrames(), handedOff::add, 2);
        List<ManualSink> sinks = subscribedAndIdle(twoLanes, 2 * QuoteDistributor.MIN_OUTBOXES_PER_LANE - 1);

        twoLanes.onQuotes(List.of(quote("ACME", 1)));

        assertEquals(0, handedOff.size(), "lanes handed to the helper");
        assertEquals(sinks.size(), sendsStarted(sinks, "ACME@1"));
    }

    /** {@code count} outboxes subscribed to both symbols, their snapshots sent: the next quote starts a send. */
    private static List<ManualSink> subscribedAndIdle(QuoteDistributor<String> distributor, int count) {
        List<ManualSink> sinks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ManualSink sink = new ManualSink();
            distributor.subscribe(new ConflatingOutbox<>(sink, 2, 4), List.of("ACME", "GLOBX"));
            sink.drain();
            sinks.add(sink);
        }
        return sinks;
    }

    private static long sendsStarted(List<ManualSink> sinks, String frame) {
        return sinks.stream().filter(sink -> sink.started.contains(frame)).count();
    }

    @Test
    void aGapOnTheBoardSendsEverySubscriberAGapSnapshotOfItsOwnSymbols() {
        ManualSink acmeOnly = new ManualSink();
        ManualSink both = new ManualSink();
        distributor.subscribe(new ConflatingOutbox<>(acmeOnly, 2, 4), List.of("ACME"));
        distributor.subscribe(new ConflatingOutbox<>(both, 2, 4), List.of("ACME", "GLOBX"));
        acmeOnly.drain();
        both.drain();

        board.resync(List.of(quote("ACME", 7), quote("GLOBX", 8)));
        acmeOnly.drain();
        both.drain();

        assertEquals("gap:snapshot[ ACME@7]", acmeOnly.started.get(acmeOnly.started.size() - 1));
        assertEquals("gap:snapshot[ ACME@7,  GLOBX@8]", both.started.get(both.started.size() - 1));
    }

    @Test
    void countsTheQuotesASlowSubscriberHadConflated() {
        ManualSink sink = new ManualSink();
        distributor.subscribe(new ConflatingOutbox<>(sink, 2, 4), List.of("ACME"));

        // The snapshot is in flight and never completes: the first quote waits, the next two each replace it.
        board.publish(List.of(quote("ACME", 1)));
        board.publish(List.of(quote("ACME", 2)));
        board.publish(List.of(quote("ACME", 3)));

        assertEquals(3, distributor.offeredQuotes());
        assertEquals(2, distributor.conflatedQuotes());
        assertEquals(3, distributor.publishedQuotes());
    }

    @Test
    void aTicksQuotesReachAnIdleSubscriberInOneBatch() {
        ManualSink sink = new ManualSink();
        distributor.subscribe(new ConflatingOutbox<>(sink, 2, 4, 16, new CountingFrames()), List.of("ACME", "GLOBX"));
        sink.drain();

        board.publish(List.of(quote("ACME", 1), quote("GLOBX", 2)));
        sink.drain();

        assertEquals(List.of("snapshot[]", "batch[ACME@1, GLOBX@2]"), sink.started);
    }

    @Test
    void sendsQuotesOnlyToSubscribersOfTheirSymbol() {
        ManualSink acmeSink = new ManualSink();
        ManualSink globxSink = new ManualSink();
        distributor.subscribe(new ConflatingOutbox<>(acmeSink, 2, 4), List.of("ACME"));
        distributor.subscribe(new ConflatingOutbox<>(globxSink, 2, 4), List.of("GLOBX"));

        board.publish(List.of(quote("ACME", 1), quote("GLOBX", 2)));
        acmeSink.drain();
        globxSink.drain();

        assertEquals(List.of("snapshot[]", "ACME@1"), acmeSink.started);
        assertEquals(List.of("snapshot[]", "GLOBX@2"), globxSink.started);
    }

    @Test
    void quotesNobodyWantsAreNotEncoded() {
        board.publish(List.of(quote("ACME", 1)));

        assertEquals(0, encodings.get());
    }

    @Test
    void aRemovedSubscriberGetsNothingMore() {
        ManualSink sink = new ManualSink();
        ConflatingOutbox<String> outbox = new ConflatingOutbox<>(sink, 2, 4);
        distributor.subscribe(outbox, List.of("ACME"));
        sink.drain();

        distributor.remove(outbox);
        board.publish(List.of(quote("ACME", 1)));

        assertEquals(0, distributor.subscriberCount("ACME"));
        assertEquals(List.of("snapshot[]"), sink.started);
    }

    /**
     * Subscribers join while quotes are being published. Each must get a snapshot and then strictly newer quotes,
     * without a repeat, and must end on the last quote published: nothing lost, nothing twice, nothing out of order.
     */
    @Test
    void subscribingDuringAFanOutNeitherLosesNorRepeatsQuotes() throws InterruptedException {
        int subscribers = 200;
        int quotes = 20_000;
        List<RecordingSink> sinks = new ArrayList<>();
        CountDownLatch publishing = new CountDownLatch(1);
        Thread publisher = new Thread(() -> {
            publishing.countDown();
            for (long seq = 1; seq <= quotes; seq++) {
                board.publish(List.of(quote("ACME", seq)));
            }
        });
        publisher.start();
        assertTrue(publishing.await(5, TimeUnit.SECONDS));
        for (int i = 0; i < subscribers; i++) {
            RecordingSink sink = new RecordingSink();
            sinks.add(sink);
            distributor.subscribe(new ConflatingOutbox<>(sink, 2, 4), List.of("ACME"));
        }
        publisher.join(TimeUnit.SECONDS.toMillis(30));
        assertTrue(!publisher.isAlive(), "publisher finished");

        for (RecordingSink sink : sinks) {
            assertTrue(sink.errors.isEmpty(), sink.errors.toString());
            assertEquals(quotes, sink.lastSeq.get(), "every subscriber ends on the last quote");
        }
    }

    /**
     * Slow peers (sends complete later, on another thread) that add a second symbol midway, while both symbols are
     * published: whatever conflation drops, each peer must see seqs only go up, and end on the last quote.
     */
    @Test
    void slowPeersSeeSeqsOnlyGoUpWhileConflatedAndSubscribingMore() throws InterruptedException {
        int peers = 50;
        int quotes = 20_000;
        ExecutorService network = Executors.newFixedThreadPool(2);
        try {
            List<RecordingSink> sinks = new ArrayList<>();
            List<ConflatingOutbox<String>> outboxes = new ArrayList<>();
            for (int i = 0; i < peers; i++) {
                RecordingSink sink = new RecordingSink(network);
                sinks.add(sink);
                ConflatingOutbox<String> outbox = new ConflatingOutbox<>(sink, 2, 4);
                outboxes.add(outbox);
                distributor.subscribe(outbox, List.of("ACME"));
            }
            Thread publisher = new Thread(() -> {
                for (long seq = 1; seq <= quotes; seq++) {
                    board.publish(List.of(quote(seq % 2 == 0 ? "ACME" : "GLOBX", seq)));
                }
            });
            publisher.start();
            for (ConflatingOutbox<String> outbox : outboxes) {
                distributor.subscribe(outbox, List.of("GLOBX"));
            }
            publisher.join(TimeUnit.SECONDS.toMillis(30));
            assertTrue(!publisher.isAlive(), "publisher finished");
            // Completions keep starting sends until each backlog is empty: wait for that, bounded, before asserting.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (sinks.stream().anyMatch(sink -> sink.lastSeq.get() != quotes && sink.errors.isEmpty())
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }

            for (RecordingSink sink : sinks) {
                assertTrue(sink.errors.isEmpty(), sink.errors.toString());
                assertEquals(quotes, sink.lastSeq.get(), "every peer ends on the last quote");
            }
        } finally {
            network.shutdownNow();
        }
    }

    private static Quote quote(String symbol, long seq) {
        return new Quote(symbol, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN, 0, seq, 0, 1);
    }

    /** Counts quote encodings; snapshots list their quotes. */
    private final class CountingFrames implements QuoteFrames<String> {
        private final QuoteFrames<String> readable =
                TestFrames.snapshots(quotes -> "snapshot" + quotes.stream().map(q -> " " + q.symbol() + "@" + q.seq()).toList());

        @Override
        public String quote(Quote quote) {
            encodings.incrementAndGet();
            return readable.quote(quote);
        }

        @Override
        public String snapshot(List<Quote> quotes) {
            return readable.snapshot(quotes);
        }

        @Override
        public String resumed(long since) {
            return readable.resumed(since);
        }

        @Override
        public String gap(List<Quote> quotes) {
            return readable.gap(quotes);
        }

        @Override
        public String batch(List<String> quotes) {
            return readable.batch(quotes);
        }
    }

    /** Checks the order of what it is given; completes each send at once, or later on a "network" thread. */
    private static final class RecordingSink implements FrameSink<String> {
        private static final Pattern SEQ = Pattern.compile("@(\\d+)");

        final AtomicLong lastSeq = new AtomicLong(-1);
        final List<String> errors = Collections.synchronizedList(new ArrayList<>());
        private final Executor network;

        RecordingSink() {
            this(Runnable::run);
        }

        RecordingSink(Executor network) {
            this.network = network;
        }

        @Override
        public void send(String frame, Consumer<Throwable> done) {
            long highest = highestSeq(frame);
            if (frame.startsWith("snapshot")) {
                // A snapshot may repeat nothing newer than what came before; its quotes are a set, not a sequence.
                lastSeq.set(Math.max(lastSeq.get(), highest));
            } else {
                if (lastSeq.get() == -1) {
                    errors.add("quote before the first snapshot: " + frame);
                }
                if (highest <= lastSeq.get()) {
                    errors.add("seq " + highest + " after " + lastSeq.get());
                }
                lastSeq.set(highest);
            }
            network.execute(() -> done.accept(null));
        }

        @Override
        public void disconnect(Disconnect reason, Throwable cause) {
            errors.add("disconnected: " + reason);
        }

        private static long highestSeq(String frame) {
            long highest = 0;
            Matcher matcher = SEQ.matcher(frame);
            while (matcher.find()) {
                highest = Math.max(highest, Long.parseLong(matcher.group(1)));
            }
            return highest;
        }
    }
}
