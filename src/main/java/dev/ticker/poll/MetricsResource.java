package dev.ticker.poll;

import dev.ticker.fanout.TickerMetrics;
import dev.ticker.wire.MetricsText;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/** {@code GET metrics}: the ticker's counters in the Prometheus text format. */
@Dependent
@Path("")
public class MetricsResource {

    // Field injection, for the same reason as in QuotesResource.
    @Inject
    TickerMetrics metrics;

    private final MetricsText format = new MetricsText();

    @GET
    public Response metrics() {
        CacheControl uncached = new CacheControl();
        uncached.setNoStore(true);
        return Response.ok(format.render(metrics.snapshot()), MetricsText.CONTENT_TYPE).cacheControl(uncached).build();
    }
}
