package dev.ticker.market;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarketFeedTest {

    private static final Duration INTERVAL = Duration.ofMillis(20);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final QuoteBoard board = new QuoteBoard(Fixtures.universe());
    private LosingScheduler scheduler;

    @AfterEach
    void shutDown() {
        scheduler.shutdownNow();
    }

    @Test
    void publishesTheOpeningQuotesOnStartThenTicks() {
        MarketFeed feed = feed(0);
        feed.start();

        assertEquals(3, board.latestSeq(), "the opening quotes are published before the first tick");
        Eventually.await(PATIENCE, () -> feed.ticks() >= 3, "three ticks ran");
        assertTrue(board.latestSeq() > 3);
    }

    @Test
    void watchdogReschedulesATickTaskTheSchedulerLost() {
        MarketFeed feed = feed(1);
        feed.start();

        Eventually.await(PATIENCE, () -> feed.ticks() >= 3, "ticks resumed after the loss");
        assertEquals(1, feed.restarts());
        assertTrue(feed.isRunning());
    }

    @Test
    void watchdogReschedulesATickTaskThatNeverRunsAndNeverEnds() {
        MarketFeed feed = feed(1, Loss.HANGS);
        feed.start();

        Eventually.await(PATIENCE, () -> feed.ticks() >= 3, "ticks resumed although the lost future never completed");
        assertEquals(1, feed.restarts());
    }

    @Test
    void clientActivityReschedulesALostTickTaskWithoutWaitingForTheWatchdog() {
        MarketFeed feed = feed(1);
        feed.start();
        Eventually.await(PATIENCE, () -> !feed.isRunning(), "the scheduler lost the tick task");

        feed.ensureRunning();

        assertEquals(1, feed.restarts());
        assertTrue(feed.isRunning());
    }

    @Test
    void periodicFutureReportingEachRunAsDoneIsNotALostTask() {
        scheduler = new LosingScheduler(0, Loss.FAILS).reportingEachRunAsDone();
        MarketFeed feed = new MarketFeed(Fixtures.market(1, 1.0), board, scheduler, INTERVAL, Clock.systemUTC());
        feed.start();

        Eventually.await(PATIENCE, () -> feed.ticks() >= 5, "five ticks ran");
        feed.ensureRunning();

        assertEquals(0, feed.restarts(), "a future done with a run's result is a live periodic task");
        assertTrue(feed.isRunning());
    }

    @Test
    void stopEndsTheTicks() throws InterruptedException {
        MarketFeed feed = feed(0);
        feed.start();
        Eventually.await(PATIENCE, () -> feed.ticks() >= 2, "ticking started");

        feed.stop();
        long ticksAtStop = feed.ticks();
        Thread.sleep(10 * INTERVAL.toMillis());

        assertTrue(scheduler.getQueue().isEmpty(), "no tick or watchdog task stays scheduled");
        assertFalse(feed.isRunning());
        assertTrue(feed.ticks() <= ticksAtStop + 1, "at most the tick in progress finished");
    }

    @Test
    void ensureRunningAfterStopDoesNotRestart() {
        MarketFeed feed = feed(0);
        feed.start();
        feed.stop();

        feed.ensureRunning();

        assertFalse(feed.isRunning());
        assertEquals(0, feed.restarts());
    }

    private MarketFeed feed(int tickTasksToLose) {
        return feed(tickTasksToLose, Loss.FAILS);
    }

    private MarketFeed feed(int tickTasksToLose, Loss loss) {
        scheduler = new LosingScheduler(tickTasksToLose, loss);
        return new MarketFeed(Fixtures.market(1, 1.0), board, scheduler, INTERVAL, Clock.systemUTC());
    }

    /** How a scheduler loses a task. */
    private enum Loss {
        /** The task fails before our code runs; its future completes exceptionally. */
        FAILS,
        /** The task never runs and its future never completes: what GlassFish does during a deployment. */
        HANGS
    }

    /** Loses the first periodic tick tasks, as GlassFish's managed scheduler does while the application deploys. */
    private static final class LosingScheduler extends ScheduledThreadPoolExecutor {
        private final AtomicInteger toLose;
        private final Loss loss;
        private boolean eachRunDone;

        LosingScheduler(int toLose, Loss loss) {
            super(1);
            setRemoveOnCancelPolicy(true);
            this.toLose = new AtomicInteger(toLose);
            this.loss = loss;
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, long initialDelay, long period, TimeUnit unit) {
            if (toLose.getAndDecrement() > 0) {
                return loss == Loss.FAILS
                        ? schedule(() -> {
                            throw new NullPointerException("simulated: application not yet enabled");
                        }, 0, unit)
                        : schedule(() -> { }, 1, TimeUnit.DAYS);
            }
            return periodic(super.scheduleAtFixedRate(task, initialDelay, period, unit));
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, long initialDelay, long delay, TimeUnit unit) {
            return periodic(super.scheduleWithFixedDelay(task, initialDelay, delay, unit));
        }

        /**
         * Makes periodic futures behave as Open Liberty's do between two runs: done, with that run's (null) result.
         */
        LosingScheduler reportingEachRunAsDone() {
            eachRunDone = true;
            return this;
        }

        private ScheduledFuture<?> periodic(ScheduledFuture<?> future) {
            return eachRunDone ? new DoneAfterEachRun(future) : future;
        }
    }

    /** A live periodic task's future that says it is done with a normal result; cancelling still cancels it. */
    private record DoneAfterEachRun(ScheduledFuture<?> task) implements ScheduledFuture<Object> {
        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public Object get() {
            if (task.isCancelled()) {
                throw new CancellationException();
            }
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return get();
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return task.cancel(mayInterruptIfRunning);
        }

        @Override
        public boolean isCancelled() {
            return task.isCancelled();
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return task.getDelay(unit);
        }

        @Override
        public int compareTo(Delayed other) {
            return task.compareTo(other);
        }
    }
}
