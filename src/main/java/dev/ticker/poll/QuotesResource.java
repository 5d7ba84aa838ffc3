package dev.ticker.poll;

import dev.ticker.market.MarketFeed;
import dev.ticker.market.QuoteBoard;
import dev.ticker.market.QuoteSelection;
import dev.ticker.wire.WireCodec;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * {@code GET api/quotes?symbols=A,B&since=seq}: the latest quotes, for polling. The ETag is the cursor, so a
 * poll that finds nothing new costs a 304 with no body; {@code since} returns only what changed after a cursor.
 */
@Dependent
@Path("quotes")
public class QuotesResource {

    // Field injection: the JAX-RS spec makes constructor injection of resources optional, and RESTEasy (WildFly)
    // refuses a resource whose only public constructor takes CDI-injected arguments.
    @Inject
    QuoteBoard board;
    @Inject
    MarketFeed feed;
    @Inject
    WireCodec codec;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response quotes(@QueryParam("symbols") List<String> symbols, @QueryParam("since") String since,
                           @Context Request request) {
        QuoteQuery query = QuoteQuery.parse(symbols, since, board.universe());
        feed.ensureRunning();
        QuoteSelection selection = board.select(query.symbols(), query.since());
        // Same cursor and gap flag, same symbols and since (they are in the URL): the same body.
        EntityTag tag = new EntityTag(selection.seq() + (selection.gap() ? "-gap" : ""));
        CacheControl revalidate = new CacheControl();
        revalidate.setNoCache(true);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.cacheControl(revalidate).build();
        }
        return Response.ok(codec.quotes(selection)).tag(tag).cacheControl(revalidate).build();
    }
}
