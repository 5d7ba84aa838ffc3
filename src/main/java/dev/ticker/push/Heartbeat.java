package dev.ticker.push;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the sessions' periodic check (pings, missed pongs, stalled sends) once a second on the feed's scheduler, never
 * on the feed's own tick. Started by the first session, not at deploy time, and started again by a later session
 * if it has been silent for long: a managed scheduler can lose a periodic task (see the README on GlassFish).
 */
final class Heartbeat {

    private static final Logger LOG = Logger.getLogger(Heartbeat.class.getName());
    private static final Duration PERIOD = Duration.ofSeconds(1);
    private static final long SILENT_NANOS = PERIOD.multipliedBy(5).toNanos();

    private final ScheduledExecutorService scheduler;
    private final Runnable round;
    private final AtomicLong lastRun = new AtomicLong();
    private ScheduledFuture<?> task;

    Heartbeat(ScheduledExecutorService scheduler, Runnable round) {
        this.scheduler = scheduler;
        this.round = round;
    }

    /** Schedules the check unless it is running. */
    synchronized void ensureRunning() {
        if (task != null && System.nanoTime() - lastRun.get() < SILENT_NANOS) {
            return;
        }
        if (task != null) {
            LOG.warning("The session heartbeat was silent; scheduling it again");
            task.cancel(false);
        }
        lastRun.set(System.nanoTime());
        task = scheduler.scheduleWithFixedDelay(this::run, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized void stop() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    private void run() {
        lastRun.set(System.nanoTime());
        try {
            round.run();
        } catch (RuntimeException e) {
            // A periodic task that throws is never run again: log and carry on.
            LOG.log(Level.WARNING, "Session heartbeat failed", e);
        }
    }
}
