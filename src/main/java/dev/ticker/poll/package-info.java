/**
 * The HTTP polling adapter: JAX-RS resources under {@code api/}. Thin: parse the query, ask the quote board, encode.
 * Imports {@code jakarta.ws.rs}, CDI annotations, the wire codec and the domain; never a composition root.
 */
package dev.ticker.poll;
