/**
 * The JSON wire format, in one place: every message the WebSocket and HTTP adapters read or write goes through
 * {@link dev.ticker.wire.WireCodec}. Imports JSON-P ({@code jakarta.json}) and the domain.
 */
package dev.ticker.wire;
