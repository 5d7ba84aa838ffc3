package dev.ticker.standalone;

import dev.ticker.config.TickerSettings;
import dev.ticker.ee.BusThreads;
import dev.ticker.ee.FeedScheduler;
import dev.ticker.ee.ResponseWriters;
import dev.ticker.push.HandshakeTargets;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;

/**
 * What differs standalone, handed to CDI by the launcher: the settings (including command-line options) and a
 * plain scheduler, a plain executor and plain threads for the Redis bus in place of the application server's managed
 * ones. Added as prioritised alternatives, so they win over the composition's own producers without any change to it.
 */
final class StandaloneBeans implements Extension {

    private static final int PRIORITY = Interceptor.Priority.APPLICATION + 100;

    private final TickerSettings settings;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService writers;
    private final UpgradeTargets upgrades;

    StandaloneBeans(TickerSettings settings, ScheduledExecutorService scheduler, ExecutorService writers,
                    UpgradeTargets upgrades) {
        this.settings = settings;
        this.scheduler = scheduler;
        this.writers = writers;
        this.upgrades = upgrades;
    }

    void addBeans(@Observes @Priority(PRIORITY) AfterBeanDiscovery discovery) {
        discovery.addBean()
                .beanClass(StandaloneBeans.class)
                .types(TickerSettings.class, Object.class)
                .qualifiers(Default.Literal.INSTANCE, Any.Literal.INSTANCE)
                .scope(Singleton.class)
                .alternative(true)
                .priority(PRIORITY)
                .createWith(context -> settings);
        discovery.addBean()
                .beanClass(StandaloneBeans.class)
                .types(ScheduledExecutorService.class, Object.class)
                .qualifiers(FeedScheduler.Literal.INSTANCE, Any.Literal.INSTANCE)
                .scope(Singleton.class)
                .alternative(true)
                .priority(PRIORITY)
                .createWith(context -> scheduler);
        discovery.addBean()
                .beanClass(StandaloneBeans.class)
                .types(ExecutorService.class, Object.class)
                .qualifiers(ResponseWriters.Literal.INSTANCE, Any.Literal.INSTANCE)
                .scope(Singleton.class)
                .alternative(true)
                .priority(PRIORITY)
                .createWith(context -> writers);
        discovery.addBean()
                .beanClass(StandaloneBeans.class)
                .types(ThreadFactory.class, Object.class)
                .qualifiers(BusThreads.Literal.INSTANCE, Any.Literal.INSTANCE)
                .scope(Singleton.class)
                .alternative(true)
                .priority(PRIORITY)
                .createWith(context -> (ThreadFactory) Thread::new);
        // Not an alternative: on a server there is no such bean at all, and the origin check asks the servlet request.
        discovery.addBean()
                .beanClass(StandaloneBeans.class)
                .types(HandshakeTargets.class, Object.class)
                .qualifiers(Default.Literal.INSTANCE, Any.Literal.INSTANCE)
                .scope(Singleton.class)
                .createWith(context -> upgrades);
    }
}
