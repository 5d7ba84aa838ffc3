package dev.ticker.ee;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The thread factory of the Redis bus's own threads (the lease, the replica that feeds the board). On a server they
 * must be the container's, so that what runs on them (the board's listeners, which answer long polls through the
 * server's managed executor) has the application's naming context. Qualified for the same reason as
 * {@link FeedScheduler}.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE})
public @interface BusThreads {

    /** The qualifier as a value, for beans added programmatically. */
    final class Literal extends AnnotationLiteral<BusThreads> implements BusThreads {
        public static final Literal INSTANCE = new Literal();
        private static final long serialVersionUID = 1L;
    }
}
