/**
 * The WebSocket push adapter: the annotated endpoint, the application-wide session registry and the
 * per-session sender. Thin: decode, call the fan-out domain, encode. Imports {@code jakarta.websocket},
 * CDI annotations, the wire codec and the domain; never a composition root.
 */
package dev.ticker.push;
