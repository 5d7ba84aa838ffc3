package dev.ticker.ee;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The executor that writes HTTP answers the feed has made ready (server-sent events, woken long polls), so the feed
 * thread never waits for a client's socket. Qualified for the same reason as {@link FeedScheduler}.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE})
public @interface ResponseWriters {

    /** The qualifier as a value, for beans added programmatically. */
    final class Literal extends AnnotationLiteral<ResponseWriters> implements ResponseWriters {
        public static final Literal INSTANCE = new Literal();
        private static final long serialVersionUID = 1L;
    }
}
