package dev.ticker.poll;

import dev.ticker.market.Quote;
import dev.ticker.market.QuoteBoard;
import dev.ticker.market.QuoteListener;
import dev.ticker.market.QuoteSelection;
import dev.ticker.market.SymbolUniverse;
import dev.ticker.wire.WireCodec;

import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The long polls waiting for a newer quote: suspended JAX-RS requests, which hold no thread while they wait. The
 * board tells this registry about every batch; a poll that one of its symbols moved is taken out and answered on
 * the writer executor, never on the feed thread; a poll whose timeout passes first is answered 204.
 */
public final class LongPolls implements QuoteListener {

    private static final Logger LOG = Logger.getLogger(LongPolls.class.getName());

    private final QuoteBoard board;
    private final WireCodec codec;
    private final Executor writers;
    private final Set<Waiter> waiting = ConcurrentHashMap.newKeySet();

    /** One suspended request: its symbols (by universe index and by name), its cursor and where to answer. */
    private record Waiter(boolean[] wanted, List<String> symbols, long since, AsyncResponse response) {
    }

    public LongPolls(QuoteBoard board, WireCodec codec, Executor writers) {
        this.board = board;
        this.codec = codec;
        this.writers = writers;
    }

    /**
     * Answers {@code response} at once if a quote of {@code symbols} newer than {@code since} exists (or the cursor
     * is a gap, or {@code timeoutSeconds} is 0), else suspends it until one does or the timeout passes.
     */
    void await(List<String> symbols, long since, int timeoutSeconds, AsyncResponse response) {
        QuoteSelection now = board.select(symbols, since);
        if (ready(now) || timeoutSeconds == 0) {
            response.resume(answer(now));
            return;
        }
        Waiter waiter = new Waiter(wanted(symbols), symbols, since, response);
        response.setTimeoutHandler(expired -> {
            if (waiting.remove(waiter)) {
                expired.resume(Response.noContent().cacheControl(noStore()).build());
            }
        });
        response.setTimeout(timeoutSeconds, TimeUnit.SECONDS);
        waiting.add(waiter);
        // A batch published between the look above and the registration did not see this waiter: look again.
        if (ready(board.select(symbols, since)) && waiting.remove(waiter)) {
            response.resume(answer(board.select(symbols, since)));
        }
    }

    @Override
    public void onQuotes(List<Quote> quotes) {
        if (waiting.isEmpty()) {
            return;
        }
        boolean[] moved = new boolean[board.universe().size()];
        for (Quote quote : quotes) {
            moved[board.universe().indexOf(quote.symbol())] = true;
        }
        List<Waiter> woken = new ArrayList<>();
        for (Waiter waiter : waiting) {
            if (touches(waiter.wanted(), moved) && waiting.remove(waiter)) {
                woken.add(waiter);
            }
        }
        for (Waiter waiter : woken) {
            answerLater(waiter);
        }
    }

    /** Answers every waiting poll {@code 503}: the application is stopping. */
    public void closeAll() {
        List<Waiter> all = new ArrayList<>(waiting);
        if (!all.isEmpty()) {
            LOG.log(Level.INFO, () -> "Answering " + all.size() + " waiting long polls: server shutting down");
        }
        for (Waiter waiter : all) {
            if (waiting.remove(waiter)) {
                waiter.response().resume(Response.status(Response.Status.SERVICE_UNAVAILABLE)
                        .cacheControl(noStore()).build());
            }
        }
    }

    /** How many polls are waiting now. */
    public int size() {
        return waiting.size();
    }

    private void answerLater(Waiter waiter) {
        try {
            writers.execute(() -> waiter.response().resume(answer(board.select(waiter.symbols(), waiter.since()))));
        } catch (RejectedExecutionException e) {
            LOG.log(Level.WARNING, "Could not answer a long poll: the writer executor refused it", e);
            waiter.response().cancel();
        }
    }

    Response answer(QuoteSelection selection) {
        if (selection.quotes().isEmpty()) {
            return Response.noContent().cacheControl(noStore()).build();
        }
        return Response.ok(codec.quotes(selection), MediaType.APPLICATION_JSON_TYPE).cacheControl(noStore()).build();
    }

    private static boolean ready(QuoteSelection selection) {
        return selection.gap() || !selection.quotes().isEmpty();
    }

    private boolean[] wanted(List<String> symbols) {
        SymbolUniverse universe = board.universe();
        boolean[] wanted = new boolean[universe.size()];
        symbols.forEach(symbol -> wanted[universe.indexOf(symbol)] = true);
        return wanted;
    }

    private static boolean touches(boolean[] wanted, boolean[] moved) {
        for (int i = 0; i < moved.length; i++) {
            if (moved[i] && wanted[i]) {
                return true;
            }
        }
        return false;
    }

    private static CacheControl noStore() {
        CacheControl control = new CacheControl();
        control.setNoStore(true);
        return control;
    }
}
