package dev.ticker.ee;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scheduler that runs the market feed. Qualified because EE 11 servers expose their default managed executors
 * as unqualified beans, which an unqualified producer of ours would make ambiguous.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE})
public @interface FeedScheduler {

    /** The qualifier as a value, for beans added programmatically. */
    final class Literal extends AnnotationLiteral<FeedScheduler> implements FeedScheduler {
        public static final Literal INSTANCE = new Literal();
        private static final long serialVersionUID = 1L;
    }
}
