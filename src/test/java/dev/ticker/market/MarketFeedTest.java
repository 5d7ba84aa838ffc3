package dev.ticker.market;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
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
    void clientActivityReschedulesALostTickTaskWithoutWaitingForTheWatchdog() {
        MarketFeed feed = feed(1);
        feed.start();
        Eventually.await(PATIENCE, () -> !feed.isRunning(), "the scheduler lost the tick task");

        feed.ensureRunning();

        assertEquals(1, feed.restarts());
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
        scheduler = new LosingScheduler(tickTasksToLose);
        return new MarketFeed(Fixtures.market(1, 1.0), board, scheduler, INTERVAL, Clock.systemUTC());
    }

    /**
     * Loses the first periodic tick tasks the way GlassFish's managed scheduler does during deployment: the task
     * fails in the container before our code runs, and a failed periodic task never runs again.
     */
    private static final class LosingScheduler extends ScheduledThreadPoolExecutor {
        private final AtomicInteger toLose;

        LosingScheduler(int toLose) {
            super(1);
            setRemoveOnCancelPolicy(true);
            this.toLose = new AtomicInteger(toLose);
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, long initialDelay, long period, TimeUnit unit) {
            if (toLose.getAndDecrement() > 0) {
                return schedule(() -> {
                    throw new NullPointerException("simulated: application not yet enabled");
                }, 0, unit);
            }
            return super.scheduleAtFixedRate(task, initialDelay, period, unit);
        }
    }
}
