package dev.ticker.ee;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * On an application server, the feed runs on the container's default managed scheduled executor, HTTP answers
 * the feed makes ready are written on its default managed executor, and the Redis bus makes its threads with its
 * default managed thread factory, so their threads carry the application's context and stop with it. Looked up in
 * JNDI rather than injected with {@code @Resource}: GlassFish was seen injecting null while the application was
 * still deploying. The container owns the executors: there is no disposer.
 */
@ApplicationScoped
public class ManagedScheduler {

    static final String DEFAULT_SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";
    static final String DEFAULT_EXECUTOR = "java:comp/DefaultManagedExecutorService";
    static final String DEFAULT_THREAD_FACTORY = "java:comp/DefaultManagedThreadFactory";

    @Produces
    @Singleton
    @FeedScheduler
    ScheduledExecutorService managedScheduler() throws NamingException {
        return InitialContext.doLookup(DEFAULT_SCHEDULER);
    }

    @Produces
    @Singleton
    @ResponseWriters
    ExecutorService managedExecutor() throws NamingException {
        return InitialContext.doLookup(DEFAULT_EXECUTOR);
    }

    /** Looked up only when the bus is Redis's, whose threads it makes (ticker-servlet.war never asks for it). */
    @Produces
    @Singleton
    @BusThreads
    ThreadFactory managedThreadFactory() throws NamingException {
        return InitialContext.doLookup(DEFAULT_THREAD_FACTORY);
    }
}
