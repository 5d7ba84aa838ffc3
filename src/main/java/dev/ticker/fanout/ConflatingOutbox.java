package dev.ticker.fanout;

import dev.ticker.market.Quote;
import dev.ticker.market.QuoteBoard;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One peer's outgoing frames, bounded whatever the peer's speed. At most one frame is in flight. While one is,
 * a quote only replaces the previous unsent quote of its symbol (conflation: the peer gets the latest price, not
 * every price), so pending memory is at most one frame per symbol plus a small queue of replies. Replies
 * (welcome, snapshot, errors, acknowledgements) go out before pending quotes, in the order they were queued.
 *
 * <p>Order: every quote a peer receives has a higher seq than anything it received before (pending quotes leave in
 * seq order, and a snapshot is queued behind the quotes still pending, which are all older than it). So the
 * highest seq a peer has seen is a correct cursor: nothing older can follow.
 *
 * <p>Each symbol has a floor: quotes at or below it are not wanted. Subscribing sets it to the snapshot's seq,
 * under the same lock that queues the snapshot, which makes subscribing race-free against a concurrent fan-out:
 * every quote is either in the snapshot or delivered after it, never both, never lost, never ahead of it.
 *
 * <p>Resuming: a subscribe with a cursor ({@code since}) whose quotes the board's history still holds gets, instead
 * of the snapshot, every quote of the new symbols after the cursor, merged in seq order with the pending quotes of
 * the symbols already subscribed, then a "resumed" reply; so the seq order holds across a replay too. Replayed
 * frames are bounded: while more than {@code replayCapacity} of them would be waiting, a resume gets a snapshot
 * marked as a gap instead, so a client that resubscribes without reading cannot make the server buffer replays.
 *
 * <p>Batching: given a {@link QuoteFrames} to batch with, the pending live quotes leave together, in seq order, in one
 * frame (at most {@link #MAX_BATCH}); a peer then costs one send per tick, not one per quote. Quotes offered with
 * {@link #stageQuote} wait for {@link #flush()}, so the distributor can offer a whole tick before the first send.
 *
 * @param <F> the encoded frame type
 */
public final class ConflatingOutbox<F> {

    /** The most quotes one batch carries: bounds a frame's size whatever the universe. */
    public static final int MAX_BATCH = 256;

    /** A {@code since} meaning "no cursor": a plain subscribe. */
    public static final long NO_CURSOR = -1;
    /** How many replayed frames may wait, unless the constructor says otherwise: the default history size. */
    public static final int DEFAULT_REPLAY_CAPACITY = QuoteBoard.DEFAULT_HISTORY;

    private final FrameSink<F> sink;
    private final int replyCapacity;
    private final int replayCapacity;
    private final SymbolSlots<F> slots;
    /** Combines pending quotes into one frame; null sends each quote alone. */
    private final QuoteFrames<F> batcher;
    /** Replies, and quotes moved ahead of a snapshot to keep the seq order; only replies count against capacity. */
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    /**
     * The {@link QuoteDistributor}'s bookkeeping, kept here so it costs no lookup: the tick in which it last staged a
     * quote here. Used only by {@link QuoteDistributor#onQuotes}, which the board calls one tick at a time.
     */
    long stagedInTick;
    private int replyCount;
    private int movedCount;
    private boolean sending;
    private boolean closed;
    private long conflated;

    /** What to do, outside the lock, after changing the queues. */
    private enum Next { NOTHING, PUMP, DISCONNECT_FLOODED }

    /** A quote frame that left its slot to go out ahead of a snapshot. */
    private record MovedQuote(Object frame) {
    }

    /**
     * @param symbolCount   size of the symbol universe
     * @param replyCapacity how many replies may wait before the peer counts as flooding
     */
    public ConflatingOutbox(FrameSink<F> sink, int symbolCount, int replyCapacity) {
        this(sink, symbolCount, replyCapacity, DEFAULT_REPLAY_CAPACITY);
    }

    /** @param replayCapacity how many quotes moved ahead of a reply (replayed ones included) may wait */
    public ConflatingOutbox(FrameSink<F> sink, int symbolCount, int replyCapacity, int replayCapacity) {
        this(sink, symbolCount, replyCapacity, replayCapacity, null);
    }

    /** @param batcher combines the pending live quotes into one frame ({@link QuoteFrames#batch}); null: no batching */
    public ConflatingOutbox(FrameSink<F> sink, int symbolCount, int replyCapacity, int replayCapacity,
                            QuoteFrames<F> batcher) {
        this.batcher = batcher;
        this.sink = sink;
        this.replyCapacity = replyCapacity;
        this.replayCapacity = replayCapacity;
        this.slots = new SymbolSlots<>(symbolCount);
    }

    /**
     * Offers the latest quote of {@code symbol}; dropped if not subscribed or already covered by a snapshot.
     *
     * @return whether it replaced an unsent quote of the same symbol (conflation)
     */
    public boolean offerQuote(int symbol, long seq, F frame) {
        boolean replaced = stageQuote(symbol, seq, frame);
        flush();
        return replaced;
    }

    /**
     * Offers a quote like {@link #offerQuote} but does not start sending it: {@link #flush()} does, once the caller
     * has offered everything it has, so the quotes of one tick can leave in one batch.
     *
     * @return whether it replaced an unsent quote of the same symbol (conflation)
     */
    public synchronized boolean stageQuote(int symbol, long seq, F frame) {
        if (closed) {
            return false;
        }
        SymbolSlots.Offer offer = slots.offer(symbol, seq, frame);
        boolean replaced = offer == SymbolSlots.Offer.REPLACED;
        if (replaced) {
            conflated++;
        }
        return replaced;
    }

    /** Starts sending what waits, unless a send is already in flight (its completion carries on). */
    public void flush() {
        synchronized (this) {
            if (closed || backlog() == 0 || !startSending()) {
                return;
            }
        }
        pump();
    }

    /** Queues a reply; a peer whose replies pile up beyond the capacity is disconnected as flooding. */
    public void offerReply(F frame) {
        Next next;
        synchronized (this) {
            next = enqueueReply(frame);
        }
        proceed(next);
    }

    /** A plain subscribe: {@link #subscribe(int[], QuoteBoard, QuoteFrames, long)} without a cursor. */
    public List<Quote> subscribe(int[] symbols, QuoteBoard board, QuoteFrames<F> frames) {
        return subscribe(symbols, board, frames, NO_CURSOR);
    }

    /**
     * Starts accepting quotes of {@code symbols}. Under this outbox's lock it takes the latest quotes of the symbols
     * not subscribed before from {@code board} and sets their floors; then, for a plain subscribe, it queues their
     * snapshot as a reply; with a cursor {@code since} that the board's history still covers, it queues every quote
     * of those symbols after {@code since} and a "resumed" reply; with any other cursor, the snapshot marked as a
     * gap. The caller must have registered this outbox as a subscriber of {@code symbols} before calling, so that
     * every quote published from then on is offered here.
     *
     * @param since the highest seq the peer has seen, or {@link #NO_CURSOR}
     * @return the quotes queued: the snapshot's, or the replayed ones
     */
    public List<Quote> subscribe(int[] symbols, QuoteBoard board, QuoteFrames<F> frames, long since) {
        Next next;
        List<Quote> sent;
        synchronized (this) {
            if (closed) {
                return List.of();
            }
            QuoteBoard.Cut cut = board.cut();
            List<Quote> snapshot = new ArrayList<>(symbols.length);
            boolean[] fresh = new boolean[slots.symbolCount()];
            for (int symbol : symbols) {
                if (slots.isWanted(symbol)) {
                    continue;
                }
                Quote latest = cut.quote(symbol);
                slots.want(symbol, latest == null ? 0 : latest.seq());
                fresh[symbol] = true;
                if (latest != null) {
                    snapshot.add(latest);
                }
            }
            List<Quote> replay = since == NO_CURSOR ? null : cut.quotesAfter(since, fresh);
            if (replay != null && movedCount + replay.size() <= replayCapacity) {
                moveAheadMerged(replay, frames);
                next = enqueueReply(frames.resumed(since));
                sent = replay;
            } else {
                // Pending quotes were published before this cut: they must go out before the snapshot, not after it.
                moveAheadMerged(List.of(), frames);
                next = enqueueReply(since == NO_CURSOR ? frames.snapshot(snapshot) : frames.gap(snapshot));
                sent = snapshot;
            }
        }
        proceed(next);
        return sent;
    }

    /** Moves the pending quotes and {@code replay} (seq-ordered) into the queue, merged in seq order. */
    private void moveAheadMerged(List<Quote> replay, QuoteFrames<F> frames) {
        int next = 0;
        while (true) {
            long pendingSeq = slots.peekSeq();
            if (next < replay.size() && replay.get(next).seq() < pendingSeq) {
                queue.addLast(new MovedQuote(frames.quote(replay.get(next++))));
            } else if (pendingSeq != Long.MAX_VALUE) {
                queue.addLast(new MovedQuote(slots.poll()));
            } else {
                return;
            }
            movedCount++;
        }
    }

    /**
     * After a gap in the board's quotes (see {@code QuoteBoard.resync}): drops the pending quotes, which the gap made
     * meaningless as differences, and queues a snapshot of the latest quote of every subscribed symbol from
     * {@code board}, raising each floor to it so that only newer quotes follow. Nothing, if nothing is subscribed.
     */
    public void resync(QuoteBoard board, QuoteFrames<F> frames) {
        Next next;
        synchronized (this) {
            int[] wanted = slots.wanted();
            if (closed || wanted.length == 0) {
                return;
            }
            QuoteBoard.Cut cut = board.cut();
            slots.clearPending();
            List<Quote> snapshot = new ArrayList<>(wanted.length);
            for (int symbol : wanted) {
                Quote latest = cut.quote(symbol);
                slots.want(symbol, latest == null ? 0 : latest.seq());
                if (latest != null) {
                    snapshot.add(latest);
                }
            }
            next = enqueueReply(frames.gap(snapshot));
        }
        proceed(next);
    }

    /** Stops accepting quotes of {@code symbols} and drops their pending ones. */
    public synchronized void unsubscribe(int[] symbols) {
        for (int symbol : symbols) {
            slots.unwant(symbol);
        }
    }

    /** The indexes of the symbols currently subscribed. */
    public synchronized int[] subscribedSymbols() {
        return slots.wanted();
    }

    /** How many quotes were replaced by a newer one before they could be sent. */
    public synchronized long conflated() {
        return conflated;
    }

    /** Frames waiting to be sent, not counting the one in flight. */
    public synchronized int backlog() {
        return queue.size() + slots.pendingCount();
    }

    /** Drops everything pending and accepts nothing more. */
    public synchronized void close() {
        closeQuietly();
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    private Next enqueueReply(F frame) {
        if (closed) {
            return Next.NOTHING;
        }
        if (replyCount >= replyCapacity) {
            closeQuietly();
            return Next.DISCONNECT_FLOODED;
        }
        queue.addLast(frame);
        replyCount++;
        return startSending() ? Next.PUMP : Next.NOTHING;
    }

    private void proceed(Next next) {
        switch (next) {
            case PUMP -> pump();
            case DISCONNECT_FLOODED -> sink.disconnect(Disconnect.FLOODED, null);
            case NOTHING -> { }
        }
    }

    private boolean startSending() {
        if (sending) {
            return false;
        }
        sending = true;
        return true;
    }

    /** Sends the next frame, if any. Completion calls back here, so a fast sink drains the whole backlog. */
    private void pump() {
        F next;
        synchronized (this) {
            next = closed ? null : nextFrame();
            if (next == null) {
                sending = false;
                return;
            }
        }
        try {
            sink.send(next, this::sent);
        } catch (RuntimeException e) {
            sent(e);
        }
    }

    private void sent(Throwable failure) {
        if (failure == null) {
            pump();
            return;
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            closeQuietly();
        }
        sink.disconnect(Disconnect.SEND_FAILED, failure);
    }

    @SuppressWarnings("unchecked")
    private F nextFrame() {
        Object queued = queue.pollFirst();
        if (queued instanceof MovedQuote moved) {
            movedCount--;
            return (F) moved.frame();
        }
        if (queued != null) {
            replyCount--;
            return (F) queued;
        }
        if (batcher == null || slots.pendingCount() < 2) {
            return slots.poll();
        }
        List<F> batch = new ArrayList<>(Math.min(slots.pendingCount(), MAX_BATCH));
        F quote;
        while (batch.size() < MAX_BATCH && (quote = slots.poll()) != null) {
            batch.add(quote);
        }
        return batch.size() == 1 ? batch.get(0) : batcher.batch(batch);
    }

    private void closeQuietly() {
        closed = true;
        queue.clear();
        replyCount = 0;
        movedCount = 0;
        slots.clearPending();
    }
}
