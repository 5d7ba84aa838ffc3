package dev.ticker.cluster;

import dev.ticker.market.Quote;
import dev.ticker.market.QuoteBoard;

import java.lang.System.Logger.Level;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps this node's board a faithful copy of the shared quote stream. Seqs are consecutive (the generating market
 * numbers every quote with the next one), so a batch that does not start right after the board's last seq means
 * that messages were lost; the replica then takes the missed quotes from the store's history, or, when the history
 * no longer reaches back that far, the latest quotes, marked on the board as a gap. Duplicates are dropped.
 * Not thread-safe: one thread (the bus's) calls every method.
 */
public final class Replica {

    private static final System.Logger LOG = System.getLogger(Replica.class.getName());
    private static final Comparator<Quote> BY_SEQ = Comparator.comparingLong(Quote::seq);

    private final QuoteBoard board;
    private final QuoteStore store;
    private long storeSeqAtLastCheck;

    public Replica(QuoteBoard board, QuoteStore store) {
        this.board = board;
        this.store = store;
    }

    /**
     * The first sync of a node that joins: the latest quotes of symbols that have not traded within the recorded
     * history, then the history itself, so the board holds both the latest state and the recent past. The quotes
     * before the history are not consecutive, so they enter the board as a gap: no resume reaches back past them.
     */
    public void join() {
        List<Quote> latest = store.latest();
        List<Quote> history = store.history(0);
        long firstRecorded = history.isEmpty() ? Long.MAX_VALUE : history.get(0).seq();
        List<Quote> quiet = latest.stream().filter(quote -> quote.seq() < firstRecorded).sorted(BY_SEQ).toList();
        if (!quiet.isEmpty()) {
            board.resync(quiet);
        }
        long have = board.latestSeq();
        board.publish(history.stream().filter(quote -> quote.seq() > have).toList());
        LOG.log(Level.INFO, "Joined the quote stream at seq {0}", board.latestSeq());
    }

    /** One batch from the live stream, in the order published. */
    public void receive(List<Quote> batch) {
        long have = board.latestSeq();
        List<Quote> fresh = batch.stream().filter(quote -> quote.seq() > have).toList();
        if (fresh.isEmpty()) {
            return;
        }
        if (have == 0 || fresh.get(0).seq() == have + 1) {
            board.publish(fresh);
            return;
        }
        catchUp();
    }

    /**
     * The periodic check, for losses nothing else revealed: catches up if the board is still behind the seq the store
     * had at the previous check (a batch in flight for a whole period is lost), then notes the store's seq again.
     */
    public void check() {
        if (board.latestSeq() < storeSeqAtLastCheck) {
            catchUp();
        }
        storeSeqAtLastCheck = store.lastSeq();
    }

    /**
     * Takes what the board missed from the store's history or, if that is gone, resyncs from the latest quotes. After
     * a reconnect, and whenever a batch does not follow on.
     */
    public void catchUp() {
        long have = board.latestSeq();
        List<Quote> missed = store.history(have);
        if (missed.isEmpty()) {
            return;
        }
        if (missed.get(0).seq() == have + 1) {
            board.publish(missed);
            LOG.log(Level.INFO, "Caught up {0} missed quotes from the shared history", missed.size());
            return;
        }
        List<Quote> newer = store.latest().stream().filter(quote -> quote.seq() > have).sorted(BY_SEQ).toList();
        LOG.log(Level.WARNING, "Quotes after seq {0} are lost (the shared history starts at {1}); resyncing from the "
                + "latest quotes, which clients get as a gap", have, missed.get(0).seq());
        board.resync(newer);
    }
}
