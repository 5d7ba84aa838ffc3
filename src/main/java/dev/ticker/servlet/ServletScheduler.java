package dev.ticker.servlet;

import dev.ticker.ee.FeedScheduler;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The feed's scheduler on a servlet container: one plain thread, {@value #THREAD_NAME}, owned by the webapp. A
 * prioritised alternative, so it wins over the application server's JNDI lookup in {@code ManagedScheduler} without
 * any change to the composition. Weld disposes of it when the webapp is undeployed, after the feed has stopped; the
 * thread is gone before the undeploy completes, so no thread of an undeployed ticker stays behind.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
public class ServletScheduler {

    static final String THREAD_NAME = "ticker-feed";
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
