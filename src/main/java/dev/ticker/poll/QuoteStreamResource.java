package dev.ticker.poll;

import dev.ticker.market.QuoteBoard;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.List;

/**
 * {@code GET api/quotes/stream?symbols=A,B}: quotes as server-sent events, resuming after {@code Last-Event-ID}
 * (or {@code since}, for a first connection). Validates, then hands the stream to {@link QuoteStreams}.
 */
@Dependent
@Path("quotes/stream")
public class QuoteStreamResource {

    // Field injection, as in QuotesResource: RESTEasy refuses constructor-injected resources.
    @Inject
    QuoteBoard board;
    @Inject
    QuoteStreams streams;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@QueryParam("symbols") List<String> symbols, @QueryParam("since") String since,
                       @HeaderParam("Last-Event-ID") String lastEventId,
                       @Context SseEventSink sink, @Context Sse sse) {
        List<String> requested = QuoteQuery.parse(symbols, null, board.universe()).symbols();
        long cursor = lastEventId != null
                ? QuoteQuery.cursor(lastEventId, "Last-Event-ID")
                : QuoteQuery.cursor(since, "since");
        streams.open(sink, sse, requested, cursor);
    }
}
