package dev.ticker.poll;

import dev.ticker.market.SymbolUniverse;
import dev.ticker.wire.ErrorCode;
import dev.ticker.wire.ServerMessage;
import dev.ticker.wire.WireCodec;

import jakarta.ws.rs.core.Response.Status;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The validated query of a poll: which symbols (all, if none named) and the cursor to poll from (0: everything).
 */
record QuoteQuery(List<String> symbols, long since) {

    private static final Pattern CURSOR = Pattern.compile("\\d{1,18}");
    private static final int MAX_SYMBOLS_TEXT = 4_096;

    /**
     * @param symbolParams every {@code symbols} parameter, each a comma-separated list
     * @param sinceParam   the {@code since} parameter, or null
     * @throws ApiException 400 with the reason, for a malformed parameter or an unknown symbol
     */
    static QuoteQuery parse(List<String> symbolParams, String sinceParam, SymbolUniverse universe) {
        return new QuoteQuery(symbols(symbolParams, universe), since(sinceParam));
    }

    private static List<String> symbols(List<String> params, SymbolUniverse universe) {
        if (params == null || params.isEmpty()) {
            return universe.instruments().stream().map(instrument -> instrument.symbol()).toList();
        }
        if (String.join(",", params).length() > MAX_SYMBOLS_TEXT) {
            throw invalid("symbols is longer than " + MAX_SYMBOLS_TEXT + " characters");
        }
        Set<String> requested = new LinkedHashSet<>();
        for (String param : params) {
            for (String symbol : param.split(",", -1)) {
                String trimmed = symbol.strip();
                if (trimmed.isEmpty()) {
                    throw invalid("symbols must be a comma-separated list of symbols, without empty entries");
                }
                requested.add(trimmed);
            }
        }
        Set<String> unknown = universe.unknown(requested);
        if (!unknown.isEmpty()) {
            List<String> shown = unknown.stream().map(WireCodec::abbreviate).toList();
            throw new ApiException(Status.BAD_REQUEST, new ServerMessage.Error(ErrorCode.UNKNOWN_SYMBOL,
                    "unknown symbol(s): " + String.join(", ", shown), shown));
        }
        return new ArrayList<>(requested);
    }

    private static long since(String param) {
        return param == null ? 0 : cursor(param, "since");
    }

    /**
     * A resume cursor given as {@code name}: -1 if absent, else the seq it names.
     *
     * @throws ApiException 400 if it is not a sequence number
     */
    static long cursor(String param, String name) {
        if (param == null) {
            return -1;
        }
        if (!CURSOR.matcher(param).matches()) {
            throw invalid(name + " must be a sequence number (a non-negative integer), not '"
                    + WireCodec.abbreviate(param) + "'");
        }
        return Long.parseLong(param);
    }

    private static ApiException invalid(String message) {
        return new ApiException(Status.BAD_REQUEST, new ServerMessage.Error(ErrorCode.INVALID_PARAMETER, message));
    }
}
