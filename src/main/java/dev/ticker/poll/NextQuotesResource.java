package dev.ticker.poll;

import dev.ticker.market.MarketFeed;
import dev.ticker.market.QuoteBoard;
import dev.ticker.wire.ErrorCode;
import dev.ticker.wire.ServerMessage;
import dev.ticker.wire.WireCodec;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;

import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code GET api/quotes/next?symbols=A,B&since=seq&timeout=s}: a long poll. Answered like {@code api/quotes?since=}
 * as soon as a quote newer than the cursor exists, {@code 204} after {@code timeout} seconds without one. The request
 * is suspended while it waits, so waiting polls hold no server thread.
 */
@Dependent
@Path("quotes/next")
public class NextQuotesResource {

    static final int DEFAULT_TIMEOUT_SECONDS = 30;
    static final int MAX_TIMEOUT_SECONDS = 60;
    private static final Pattern SECONDS = Pattern.compile("\\d{1,2}");

    // Field injection, as in QuotesResource: RESTEasy refuses constructor-injected resources.
    @Inject
    QuoteBoard board;
    @Inject
    MarketFeed feed;
    @Inject
    LongPolls polls;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public void next(@QueryParam("symbols") List<String> symbols, @QueryParam("since") String since,
                     @QueryParam("timeout") String timeout, @Suspended AsyncResponse response) {
        QuoteQuery query;
        int seconds;
        try {
            query = QuoteQuery.parse(symbols, since, board.universe());
            seconds = timeoutSeconds(timeout);
        } catch (ApiException refused) {
            // Through the exception mappers, like any refused request.
            response.resume(refused);
            return;
        }
        feed.ensureRunning();
        polls.await(query.symbols(), query.since(), seconds, response);
    }

    static int timeoutSeconds(String param) {
        if (param == null) {
            return DEFAULT_TIMEOUT_SECONDS;
        }
        if (!SECONDS.matcher(param).matches() || Integer.parseInt(param) > MAX_TIMEOUT_SECONDS) {
            throw new ApiException(Status.BAD_REQUEST, new ServerMessage.Error(ErrorCode.INVALID_PARAMETER,
                    "timeout must be a whole number of seconds from 0 to " + MAX_TIMEOUT_SECONDS + ", not '"
                            + WireCodec.abbreviate(param) + "'"));
        }
        return Integer.parseInt(param);
    }
}
