package dev.ticker.poll;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/**
 * The HTTP API under {@code api/}. Lists its classes explicitly so that every JAX-RS implementation, the
 * application server's or Jersey standalone, serves exactly the same resources and error mappers.
 */
@ApplicationPath("api")
public class TickerApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(SymbolsResource.class, QuotesResource.class, NextQuotesResource.class, QuoteStreamResource.class,
                EventStreamHeaders.class,
                ApiExceptionMapper.class, WebApplicationExceptionMapper.class, UnexpectedExceptionMapper.class);
    }
}
