package dev.ticker.poll;

import dev.ticker.market.Instrument;
import dev.ticker.market.Quote;
import dev.ticker.market.QuoteBoard;
import dev.ticker.market.SymbolUniverse;
import dev.ticker.wire.WireCodec;

import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.TimeoutHandler;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LongPollsTest {

    private final QuoteBoard board = new QuoteBoard(new SymbolUniverse(List.of(
            new Instrument("ACME", "Acme", new BigDecimal("10.00"), 0.3),
            new Instrument("GLOBX", "Globex", new BigDecimal("20.00"), 0.3))));
    /** Runs nothing until the test says so: shows which thread answers. */
    private final List<Runnable> writerTasks = new ArrayList<>();
    private final LongPolls polls = new LongPolls(board, new WireCodec(), writerTasks::add);

    LongPollsTest() {
        board.addListener(polls);
        board.publish(List.of(quote("ACME", 1), quote("GLOBX", 2)));
    }

    @Test
    void answersAtOnceWhenSomethingIsNewerThanTheCursor() {
        FakeResponse response = new FakeResponse();
        polls.await(List.of("ACME", "GLOBX"), 1, 30, response);
        assertEquals(200, response.status());
        assertTrue(response.body().contains("\"GLOBX\""), response.body());
        assertEquals(0, polls.size());
    }

    @Test
    void waitsWithoutAThreadAndIsAnsweredOnTheWriterExecutorWhenItsSymbolMoves() {
        FakeResponse response = new FakeResponse();
        polls.await(List.of("ACME"), 1, 30, response);
        assertNull(response.answer, "nothing newer yet: suspended");
        assertEquals(30, response.timeoutSeconds);
        assertEquals(1, polls.size());

        board.publish(List.of(quote("GLOBX", 3)));
        assertNull(response.answer, "another symbol moved");
        board.publish(List.of(quote("ACME", 4)));
        assertNull(response.answer, "answered on the writer executor, not on the publishing thread");
        assertEquals(1, writerTasks.size());
        writerTasks.remove(0).run();
        assertEquals(200, response.status());
        assertTrue(response.body().startsWith("{\"seq\":4,"), response.body());
        assertEquals(0, polls.size());
    }

    @Test
    void aPollWhoseTimeoutPassesIsAnswered204() {
        FakeResponse response = new FakeResponse();
        polls.await(List.of("ACME"), 1, 5, response);
        response.timeoutHandler.handleTimeout(response);
        assertEquals(204, response.status());
        board.publish(List.of(quote("ACME", 3)));
        assertEquals(0, writerTasks.size(), "a timed-out poll is not answered twice");
    }

    @Test
    void timeoutZeroNeverWaits() {
        FakeResponse response = new FakeResponse();
        polls.await(List.of("ACME"), 1, 0, response);
        assertEquals(204, response.status());
        assertEquals(0, polls.size());
    }

    @Test
    void stoppingAnswersEveryWaitingPoll503() {
        FakeResponse first = new FakeResponse();
        FakeResponse second = new FakeResponse();
        polls.await(List.of("ACME"), 1, 30, first);
        polls.await(List.of("GLOBX"), 2, 30, second);
        polls.closeAll();
        assertEquals(503, first.status());
        assertEquals(503, second.status());
        assertEquals(0, polls.size());
    }

    private static Quote quote(String symbol, long seq) {
        BigDecimal price = new BigDecimal("10.00");
        return new Quote(symbol, price, price, price, price, 0, seq, 1_700_000_000_000L, seq);
    }

    /** Records what the registry does with a suspended request. */
    private static final class FakeResponse implements AsyncResponse {
        Response answer;
        long timeoutSeconds = -1;
        TimeoutHandler timeoutHandler;

        int status() {
            return answer.getStatus();
        }

        String body() {
            return (String) answer.getEntity();
        }

        @Override
        public boolean resume(Object response) {
            assertNull(answer, "answered twice");
            answer = (Response) response;
            return true;
        }

        @Override
        public boolean resume(Throwable response) {
            throw new AssertionError("unexpected failure", response);
        }

        @Override
        public boolean cancel() {
            throw new AssertionError("cancelled");
        }

        @Override
        public boolean cancel(int retryAfter) {
            return cancel();
        }

        @Override
        public boolean cancel(Date retryAfter) {
            return cancel();
        }

        @Override
        public boolean isSuspended() {
            return answer == null;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return answer != null;
        }

        @Override
        public boolean setTimeout(long time, TimeUnit unit) {
            timeoutSeconds = unit.toSeconds(time);
            return true;
        }

        @Override
        public void setTimeoutHandler(TimeoutHandler handler) {
            timeoutHandler = handler;
        }

        @Override
        public Collection<Class<?>> register(Class<?> callback) {
            return List.of();
        }

        @Override
        public Map<Class<?>, Collection<Class<?>>> register(Class<?> callback, Class<?>... callbacks) {
            return Map.of();
        }

        @Override
        public Collection<Class<?>> register(Object callback) {
            return List.of();
        }

        @Override
        public Map<Class<?>, Collection<Class<?>>> register(Object callback, Object... callbacks) {
            return Map.of();
        }
    }
}
