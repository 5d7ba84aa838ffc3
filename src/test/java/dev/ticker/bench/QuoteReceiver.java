package dev.ticker.bench;

import org.HdrHistogram.Histogram;

/** A load client's view of what arrived: the WebSocket sessions, or the HTTP transports' clients. */
interface QuoteReceiver {

    /** Quote updates received so far. */
    long updates();

    /** The staleness of the quotes received since the previous call (milliseconds). */
    Histogram latencySinceLastCall();
}
