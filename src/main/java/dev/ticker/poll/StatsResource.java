package dev.ticker.poll;

import dev.ticker.fanout.TickerMetrics;
import dev.ticker.wire.WireCodec;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET api/stats}: the ticker's counters as JSON, for the demo page (the same numbers as {@code metrics}).
 */
@Dependent
@Path("stats")
public class StatsResource {

    // Field injection, for the same reason as in QuotesResource.
    @Inject
    TickerMetrics metrics;
    @Inject
    WireCodec codec;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response stats() {
        CacheControl uncached = new CacheControl();
        uncached.setNoStore(true);
        return Response.ok(codec.stats(metrics.snapshot())).cacheControl(uncached).build();
    }
}
