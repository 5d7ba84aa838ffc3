package dev.ticker.servlet;

import dev.ticker.ee.FeedScheduler;
import dev.ticker.ee.ResponseWriters;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * The feed's scheduler and the response writers on a servlet container: one plain thread, {@value #THREAD_NAME},
 * and a small pool, {@value #WRITER_THREAD_PREFIX}N, owned by the webapp. A
 * prioritised alternative, so it wins over the application server's JNDI lookup in {@code ManagedScheduler} without
 * any change to the composition. Weld disposes of it when the webapp is undeployed, after the feed has stopped; the
 * thread is gone before the undeploy completes, so no thread of an undeployed ticker stays behind.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
public class ServletScheduler {

    static final String THREAD_NAME = "ticker-feed";
    static final String WRITER_THREAD_PREFIX = "ticker-writer-";
    /** As standalone: a few threads write what the feed has made ready; waiting requests hold none. */
    private static final int WRITER_THREADS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    private static final Logger LOG = Logger.getLogger(ServletScheduler.class.getName());
    private static final long TERMINATION_SECONDS = 10;

    @Produces
    @Singleton
    @FeedScheduler
    ScheduledExecutorService feedScheduler() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, THREAD_NAME);
            // A container shutting down must never wait for this thread.
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * The response writers (server-sent events, woken long polls): a servlet container has no managed executor for
     * {@code ManagedScheduler} to look up, so the webapp owns a small pool, idle threads ending after 30 s.
     */
    @Produces
    @Singleton
    @ResponseWriters
    ExecutorService responseWriters() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(WRITER_THREADS, WRITER_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, WRITER_THREAD_PREFIX + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    void stopWriters(@Disposes @ResponseWriters ExecutorService writers) {
        writers.shutdownNow();
        try {
            if (!writers.awaitTermination(TERMINATION_SECONDS, TimeUnit.SECONDS)) {
                LOG.warning(() -> "The response writers did not end within " + TERMINATION_SECONDS
                        + " s of the undeploy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warning("Interrupted while waiting for the response writers to stop");
        }
    }

    void shutdown(@Disposes @FeedScheduler ScheduledExecutorService scheduler) {
        scheduler.shutdownNow();
        try {
            if (scheduler.awaitTermination(TERMINATION_SECONDS, TimeUnit.SECONDS)) {
                LOG.info("The feed's scheduler has stopped");
            } else {
                LOG.warning(() -> "The feed's thread '" + THREAD_NAME + "' did not end within "
                        + TERMINATION_SECONDS + " s of the undeploy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warning("Interrupted while waiting for the feed's scheduler to stop");
        }
    }
}
