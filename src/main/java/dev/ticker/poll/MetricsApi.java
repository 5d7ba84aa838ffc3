package dev.ticker.poll;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/**
 * {@code metrics} right under the context root, where Prometheus scrapers look by default: a JAX-RS application of
 * its own, beside {@link TickerApi}, so the path is the same standalone and in the WAR.
 */
@ApplicationPath("metrics")
public class MetricsApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(MetricsResource.class, WebApplicationExceptionMapper.class, UnexpectedExceptionMapper.class);
    }
}
