package dev.ticker.fanout;

import dev.ticker.market.Instrument;
import dev.ticker.market.Quote;
import dev.ticker.market.QuoteBoard;
import dev.ticker.market.SymbolUniverse;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import static dev.ticker.fanout.TestFrames.snapshots;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConflatingOutboxTest {

    private static final int ACME = 0;
    private static final int GLOBX = 1;
    private static final int[] BOTH = {ACME, GLOBX};

    private final ManualSink sink = new ManualSink();
    private final ConflatingOutbox<String> outbox = new ConflatingOutbox<>(sink, 2, 4);
    private final QuoteBoard board = new QuoteBoard(new SymbolUniverse(List.of(
            new Instrument("ACME", "Acme", BigDecimal.TEN, 0.1),
            new Instrument("GLOBX", "Globex", BigDecimal.TEN, 0.1))));

    @Test
    void keepsOneSendInFlight() {
        subscribeBoth();
        for (int seq = 1; seq <= 50; seq++) {
            outbox.offerQuote(seq % 2, seq, "q" + seq);
        }
        sink.drain();

        assertEquals(1, sink.maxInFlight());
    }

    @Test
    void slowPeerIsConflatedToTheLatestQuotePerSymbol() {
        subscribeBoth();
        // The snapshot is in flight and the peer does not read: thousands of quotes arrive meanwhile.
        for (int seq = 1; seq <= 10_000; seq++) {
            outbox.offerQuote(seq % 2, seq, "q" + seq);
        }

        assertEquals(2, outbox.backlog(), "one pending frame per symbol, whatever the number of quotes");
        assertEquals(9_998, outbox.conflated());
        sink.drain();
        assertEquals(List.of("snapshot", "q9999", "q10000"), sink.started);
    }

    @Test
    void repliesGoOutBeforePendingQuotes() {
        subscribeBoth();
        outbox.offerQuote(ACME, 1, "q1");
        outbox.offerReply("error");
        sink.drain();

        assertEquals(List.of("snapshot", "error", "q1"), sink.started);
    }

    @Test
    void pendingQuotesLeaveInSeqOrderNotInTheOrderTheirSymbolsFirstChanged() {
        subscribeBoth();
        outbox.offerQuote(ACME, 1, "acme1");
        outbox.offerQuote(GLOBX, 2, "globx2");
        outbox.offerQuote(ACME, 3, "acme3");
        sink.drain();

        assertEquals(List.of("snapshot", "globx2", "acme3"), sink.started);
    }

    @Test
    void aSnapshotQueuesBehindTheOlderQuotesStillPending() {
        board.publish(List.of(quote("ACME", 1), quote("GLOBX", 2)));
        outbox.subscribe(new int[] {ACME}, board, snapshots(quotes -> "snapshot-acme"));
        board.publish(List.of(quote("ACME", 3), quote("GLOBX", 4)));
        outbox.offerQuote(ACME, 3, "acme3");

        outbox.subscribe(new int[] {GLOBX}, board, snapshots(quotes -> "snapshot-globx@" + quotes.get(0).seq()));
        outbox.offerQuote(ACME, 5, "acme5");
        sink.drain();

        assertEquals(List.of("snapshot-acme", "acme3", "snapshot-globx@4", "acme5"), sink.started);
    }

    @Test
    void quotesMovedAheadOfASnapshotDoNotCountAsFlooding() {
        ConflatingOutbox<String> tight = new ConflatingOutbox<>(sink, 2, 1);
        tight.subscribe(new int[] {ACME}, board, snapshots(quotes -> "snapshot1"));
        tight.offerQuote(ACME, 1, "acme1");

        tight.subscribe(new int[] {GLOBX}, board, snapshots(quotes -> "snapshot2"));

        assertEquals(List.of(), sink.disconnects);
        sink.drain();
        assertEquals(List.of("snapshot1", "acme1", "snapshot2"), sink.started);
    }

    @Test
    void quotesAlreadyInTheSnapshotAreNotSentAgain() {
        board.publish(List.of(quote("ACME", 5)));
        outbox.subscribe(new int[] {ACME}, board, snapshots(quotes -> "snapshot@" + quotes.get(0).seq()));

        outbox.offerQuote(ACME, 5, "q5");
        outbox.offerQuote(ACME, 6, "q6");
        sink.drain();

        assertEquals(List.of("snapshot@5", "q6"), sink.started);
    }

    @Test
    void quotesOfSymbolsNotSubscribedAreDropped() {
        outbox.offerQuote(ACME, 1, "q1");

        assertEquals(List.of(), sink.started);
        assertEquals(0, outbox.backlog());
    }

    @Test
    void resubscribingSendsAnEmptySnapshotForSymbolsAlreadyHeld() {
        board.publish(List.of(quote("ACME", 1)));
        List<List<Quote>> snapshots = new ArrayList<>();
        outbox.subscribe(new int[] {ACME}, board, snapshots(quotes -> record(snapshots, quotes)));
        outbox.subscribe(new int[] {ACME}, board, snapshots(quotes -> record(snapshots, quotes)));

        assertEquals(1, snapshots.get(0).size());
        assertEquals(0, snapshots.get(1).size());
    }

    @Test
    void unsubscribeDropsPendingAndLaterQuotesOfThatSymbol() {
        subscribeBoth();
        outbox.offerQuote(ACME, 1, "acme1");
        outbox.offerQuote(GLOBX, 2, "globx2");

        outbox.unsubscribe(new int[] {ACME});
        outbox.offerQuote(ACME, 3, "acme3");
        sink.drain();

        assertEquals(List.of("snapshot", "globx2"), sink.started);
        assertEquals(List.of(1), Arrays.stream(outbox.subscribedSymbols()).boxed().toList());
    }

    @Test
    void aPeerFloodingRequestsWithoutReadingIsDisconnected() {
        outbox.offerReply("r0");
        for (int i = 1; i <= 5; i++) {
            outbox.offerReply("r" + i);
        }

        assertEquals(List.of(Disconnect.FLOODED), sink.disconnects);
        assertTrue(outbox.isClosed());
    }

    @Test
    void aFailedSendDisconnectsThePeerAndDropsEverythingPending() {
        subscribeBoth();
        outbox.offerQuote(ACME, 1, "q1");

        sink.fail(new IOException("connection reset"));
        outbox.offerQuote(GLOBX, 2, "q2");

        assertEquals(List.of(Disconnect.SEND_FAILED), sink.disconnects);
        assertEquals(List.of("snapshot"), sink.started);
        assertEquals(0, outbox.backlog());
    }

    @Test
    void aSinkThatCompletesAtOnceDrainsTheWholeBacklog() {
        List<String> sent = new ArrayList<>();
        ConflatingOutbox<String> eager = new ConflatingOutbox<>(new FrameSink<>() {
            @Override
            public void send(String frame, Consumer<Throwable> done) {
                sent.add(frame);
                done.accept(null);
            }

            @Override
            public void disconnect(Disconnect reason, Throwable cause) {
                throw new AssertionError("not expected: " + reason);
            }
        }, 2, 4);
        eager.subscribe(BOTH, board, snapshots(quotes -> "snapshot"));
        eager.offerQuote(ACME, 1, "q1");
        eager.offerQuote(GLOBX, 2, "q2");

        assertEquals(List.of("snapshot", "q1", "q2"), sent);
        assertEquals(0, eager.backlog());
    }

    @Test
    void resumeReplaysMissedQuotesMergedInSeqOrderWithThePendingOnes() {
        ConflatingOutbox<String> resuming = new ConflatingOutbox<>(sink, 2, 4);
        board.publish(List.of(quote("ACME", 1), quote("GLOBX", 2)));
        resuming.subscribe(new int[] {ACME}, board, snapshots(quotes -> "snapshot-acme"));
        board.publish(List.of(quote("GLOBX", 3), quote("ACME", 4), quote("GLOBX", 5)));
        resuming.offerQuote(ACME, 4, "ACME@4");

        List<Quote> replayed = resuming.subscribe(new int[] {GLOBX}, board, snapshots(quotes -> "snapshot"), 2);
        sink.drain();

        assertEquals(List.of(3L, 5L), replayed.stream().map(Quote::seq).toList());
        assertEquals(List.of("snapshot-acme", "GLOBX@3", "ACME@4", "GLOBX@5", "resumed@2"), sink.started);
    }

    @Test
    void resumeFromACursorTheHistoryNoLongerHoldsGetsTheSnapshotMarkedAsAGap() {
        QuoteBoard shortMemory = new QuoteBoard(board.universe(), 2);
        shortMemory.publish(List.of(quote("ACME", 1), quote("GLOBX", 2), quote("ACME", 3), quote("GLOBX", 4)));

        outbox.subscribe(BOTH, shortMemory, snapshots(quotes -> "latest" + quotes.stream().map(Quote::seq).toList()), 1);
        sink.drain();

        assertEquals(List.of("gap:latest[3, 4]"), sink.started);
    }

    @Test
    void resumeIgnoresSymbolsAlreadySubscribed() {
        board.publish(List.of(quote("ACME", 1)));
        outbox.subscribe(new int[] {ACME}, board, snapshots(quotes -> "snapshot"));
        board.publish(List.of(quote("ACME", 2)));
        outbox.offerQuote(ACME, 2, "ACME@2");

        List<Quote> replayed = outbox.subscribe(new int[] {ACME}, board, snapshots(quotes -> "snapshot"), 0);
        sink.drain();

        assertEquals(List.of(), replayed);
        assertEquals(List.of("snapshot", "ACME@2", "resumed@0"), sink.started);
    }

    @Test
    void aResumeThatWouldQueueMoreThanTheReplayCapacityGetsAGapInstead() {
        ConflatingOutbox<String> bounded = new ConflatingOutbox<>(sink, 2, 4, 2);
        board.publish(List.of(quote("ACME", 1), quote("ACME", 2), quote("ACME", 3)));

        bounded.subscribe(new int[] {ACME}, board, snapshots(quotes -> "latest"), 0);
        sink.drain();

        assertEquals(List.of("gap:latest"), sink.started);
    }

    @Test
    void afterAGapPendingQuotesGiveWayToAGapSnapshotOfEverySubscribedSymbol() {
        subscribeBoth();
        outbox.offerQuote(ACME, 1, "acme1");
        board.resync(List.of(quote("ACME", 7), quote("GLOBX", 8)));

        outbox.resync(board, snapshots(quotes -> quotes.stream().map(Quote::seq).toList().toString()));
        outbox.offerQuote(ACME, 7, "acme7");
        outbox.offerQuote(GLOBX, 9, "globx9");
        sink.drain();

        assertEquals(List.of("snapshot", "gap:[7, 8]", "globx9"), sink.started);
    }

    @Test
    void aPeerSubscribedToNothingGetsNoGapSnapshot() {
        outbox.resync(board, snapshots(quotes -> "latest"));

        assertEquals(List.of(), sink.started);
    }

    private void subscribeBoth() {
        outbox.subscribe(BOTH, board, snapshots(quotes -> "snapshot"));
    }

    private static String record(List<List<Quote>> snapshots, List<Quote> quotes) {
        snapshots.add(quotes);
        return "snapshot" + snapshots.size();
    }

    private static Quote quote(String symbol, long seq) {
        return new Quote(symbol, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN, 0, seq, 0, 1);
    }
}
