/**
 * The HTTP adapter: JAX-RS resources under {@code api/} for polling, long polling and server-sent events. Thin: parse
 * the query, ask the quote board or subscribe to the fan-out, encode.
 * Imports {@code jakarta.ws.rs}, CDI annotations, the wire codec and the domain; never a composition root.
 */
package dev.ticker.poll;
