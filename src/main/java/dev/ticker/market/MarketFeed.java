package dev.ticker.market;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives the market on a scheduler: publishes the opening quotes, then one tick every interval, to the bus (on a
 * node on its own, straight to the board). In a cluster only the node whose turn it is generates; see {@link QuoteBus}.
 *
 * <p>A periodic task that throws is never run again, and some schedulers lose tasks on their own (GlassFish's
 * managed scheduler can fail a task submitted while the application is still deploying). So the feed never trusts
 * a single schedule: the tick task and a slower watchdog task each reschedule the other if it has died, and
 * {@link #ensureRunning()} lets client traffic do the same. A task counts as lost when its future has ended or when
 * it has not run for too long: GlassFish's lost task fails in the container before it starts, and its future never
 * completes. Our own failures inside a tick are caught and logged so they never kill the schedule.
 *
 * <p>"Ended" means cancelled or failed, not merely {@code isDone()}: Open Liberty's managed scheduler completes a
 * periodic task's future with the result of each run and then resets it for the next one, so a healthy task's
 * future is briefly done after every run, and a {@code get()} in that moment waits for the next run.
 */
public final class MarketFeed {

    private static final System.Logger LOG = System.getLogger(MarketFeed.class.getName());
    private static final long MIN_WATCHDOG_MILLIS = 1_000;

    private final Market market;
    private final QuoteBus bus;
    private final ScheduledExecutorService scheduler;
    private final long intervalMillis;
    private final long watchdogMillis;
    private final Clock clock;
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong restarts = new AtomicLong();
    /** Serialises ticks, should a rescheduled task overlap with a late run of the one it replaced. */
    private final Object tickLock = new Object();

    private volatile ScheduledFuture<?> tickTask;
    private volatile ScheduledFuture<?> watchdogTask;
    /** When a task last ran, or was (re)scheduled: how a task that silently stopped is noticed. */
    private volatile long lastTickAt;
    private volatile long lastWatchAt;
    private volatile boolean running;
    private boolean stopped;
    /** The turn the market was last prepared for; guarded by {@code tickLock}. */
    private QuoteBus.Turn currentTurn;

    /** A feed of a node on its own: its quotes go straight to {@code board}. */
    public MarketFeed(Market market, QuoteBoard board, ScheduledExecutorService scheduler, Duration interval,
                      Clock clock) {
        this(market, new LocalBus(board), scheduler, interval, clock);
    }

    /**
     * A feed that publishes to {@code bus} and generates only in this node's turns: on the other nodes of a cluster
     * the schedule runs on, idle, so that a node can take over at its next tick.
     */
    public MarketFeed(Market market, QuoteBus bus, ScheduledExecutorService scheduler, Duration interval,
                      Clock clock) {
        if (interval.toMillis() < 1) {
            throw new IllegalArgumentException("tick interval must be at least 1 ms: " + interval);
        }
        this.market = market;
        this.bus = bus;
        this.scheduler = scheduler;
        this.intervalMillis = interval.toMillis();
        this.watchdogMillis = Math.max(MIN_WATCHDOG_MILLIS, 4 * intervalMillis);
        this.clock = clock;
    }

    /** Publishes the opening quotes and starts ticking. Starting twice is a no-op. */
    public synchronized void start() {
        if (running || stopped) {
            return;
        }
        synchronized (tickLock) {
            generate(clock.millis(), false);
        }
        tickTask = scheduleTicks();
        watchdogTask = scheduleWatchdog();
        // Only now: ensureRunning() from a client thread must never see the feed running without its tasks.
        running = true;
        LOG.log(Level.INFO, "Market feed started: {0} symbols, one tick every {1} ms",
                market.universe().size(), intervalMillis);
    }

    /** Stops ticking; a tick already running finishes. The feed cannot be restarted. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        stopped = true;
        cancel(tickTask);
        cancel(watchdogTask);
        // Drop our references: from now on only a scheduler that failed to cancel could keep a tick task alive,
        // which is what the integration suite looks for in a server's heap after an undeploy.
        tickTask = null;
        watchdogTask = null;
        LOG.log(Level.INFO, "Market feed stopped after {0} ticks", ticks.get());
    }

    /** Reschedules whichever periodic task the scheduler has lost. Cheap enough to call on every client request. */
    public void ensureRunning() {
        ensureTicking();
        ensureWatched();
    }

    public boolean isRunning() {
        ScheduledFuture<?> task = tickTask;
        return running && task != null && !tickLost(task);
    }

    /** Ticks completed since start. */
    public long ticks() {
        return ticks.get();
    }

    /** How many times a lost periodic task had to be scheduled again. */
    public long restarts() {
        return restarts.get();
    }

    public Duration interval() {
        return Duration.ofMillis(intervalMillis);
    }

    private void ensureTicking() {
        ScheduledFuture<?> task = tickTask;
        if (!running || task == null || !tickLost(task)) {
            return;
        }
        synchronized (this) {
            if (running && tickLost(tickTask)) {
                logLoss("tick", tickTask, lastTickAt);
                tickTask.cancel(false);
                tickTask = scheduleTicks();
                restarts.incrementAndGet();
            }
        }
    }

    private void ensureWatched() {
        ScheduledFuture<?> task = watchdogTask;
        if (!running || task == null || !watchdogLost(task)) {
            return;
        }
        synchronized (this) {
            if (running && watchdogLost(watchdogTask)) {
                logLoss("watchdog", watchdogTask, lastWatchAt);
                watchdogTask.cancel(false);
                watchdogTask = scheduleWatchdog();
                restarts.incrementAndGet();
            }
        }
    }

    /** Ticks are due every interval; none for a watchdog period (at least four intervals) means the task is gone. */
    private boolean tickLost(ScheduledFuture<?> task) {
        return endOf(task) != null || clock.millis() - lastTickAt > watchdogMillis;
    }

    private boolean watchdogLost(ScheduledFuture<?> task) {
        return endOf(task) != null || clock.millis() - lastWatchAt > 3 * watchdogMillis;
    }

    /**
     * Why a periodic task's future has ended (its failure, or the cancellation), or null while the task lives.
     * Never blocks. A future that is done with a normal result has only finished one run: a periodic task ends
     * no other way than by failing or being cancelled, and Open Liberty reports every run's result.
     */
    private static Throwable endOf(Future<?> task) {
        if (!task.isDone()) {
            return null;
        }
        try {
            task.get(0, TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause() != null ? e.getCause() : e;
        } catch (CancellationException e) {
            return e;
        } catch (TimeoutException e) {
            return null; // reset for its next run since isDone()
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private ScheduledFuture<?> scheduleTicks() {
        lastTickAt = clock.millis();
        TickRun run = new TickRun(lastTickAt + intervalMillis);
        try {
            return scheduler.scheduleAtFixedRate(run, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.ERROR, "The scheduler refused the tick task; the feed is stopped", e);
            running = false;
            throw e;
        }
    }

    private ScheduledFuture<?> scheduleWatchdog() {
        lastWatchAt = clock.millis();
        // The first check comes well after the first tick: a deployment that made the scheduler lose the tick task
        // (GlassFish) is then most likely over, so the check itself is not lost with it.
        return scheduler.scheduleWithFixedDelay(this::watch, 2 * watchdogMillis, watchdogMillis,
                TimeUnit.MILLISECONDS);
    }

    private void watch() {
        lastWatchAt = clock.millis();
        ensureTicking();
    }

    private static void cancel(Future<?> task) {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void logLoss(String name, Future<?> task, long lastRunAt) {
        Throwable cause = endOf(task);
        if (cause == null) {
            LOG.log(Level.WARNING, "The scheduler lost the feed's " + name + " task (it has not run for "
                    + (clock.millis() - lastRunAt) + " ms); scheduling it again");
            return;
        }
        LOG.log(Level.WARNING, "The scheduler lost the feed's " + name + " task; scheduling it again", cause);
    }

    /**
     * Publishes what this node generates at {@code ts}, if it is this node's turn: first, in a new turn, the
     * opening quotes of a market nobody has opened, or the state the previous generator left; then, if
     * {@code tick}, one tick. Guarded by {@code tickLock}.
     */
    private void generate(long ts, boolean tick) {
        QuoteBus.Turn turn = bus.turn();
        if (turn != currentTurn) {
            if (turn == null) {
                LOG.log(Level.INFO, "This node no longer generates the quotes: its turn has ended");
            }
            currentTurn = turn;
            if (turn != null && !begin(turn, ts)) {
                return;
            }
        }
        if (turn != null && tick) {
            bus.publish(turn, market.tick(ts));
        }
    }

    /** Starts generating in {@code turn}; true if a tick may follow at the same time. */
    private boolean begin(QuoteBus.Turn turn, long ts) {
        if (turn.latest().isEmpty()) {
            market.continueAfter(turn.lastSeq());
            if (!market.isOpen()) {
                bus.publish(turn, market.open(ts));
                // The opening quotes carry ts: a tick at the same ts would move every symbol twice at once.
                return false;
            }
            return true;
        }
        market.resume(turn.latest(), turn.lastSeq());
        LOG.log(Level.INFO, "This node generates the quotes now, continuing after seq {0}", turn.lastSeq());
        return true;
    }

    /** One schedule of ticks. Quotes carry their scheduled time, so a late tick shows up as staleness. */
    private final class TickRun implements Runnable {
        private final long firstTickAt;
        private long count;

        TickRun(long firstTickAt) {
            this.firstTickAt = firstTickAt;
        }

        @Override
        public void run() {
            lastTickAt = clock.millis();
            long ts = firstTickAt + count++ * intervalMillis;
            try {
                synchronized (tickLock) {
                    generate(ts, true);
                }
                ticks.incrementAndGet();
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "A tick failed; the next one will run as scheduled", e);
            }
            ensureWatched();
        }
    }
}
