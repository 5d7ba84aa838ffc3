package dev.ticker.poll;

import dev.ticker.market.SymbolUniverse;
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
 * {@code GET api/symbols}: the symbol universe.
 */
@Dependent
@Path("symbols")
public class SymbolsResource {

    // Field injection, for the same reason as in QuotesResource.
    @Inject
    SymbolUniverse universe;
    @Inject
    WireCodec codec;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response symbols() {
        CacheControl revalidate = new CacheControl();
        revalidate.setNoCache(true);
        return Response.ok(codec.symbols(universe.instruments())).cacheControl(revalidate).build();
    }
}
