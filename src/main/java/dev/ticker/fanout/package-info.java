/**
 * Who gets which quote, and how fast: the subscription index, the per-session conflating outbox (one send in flight,
 * latest value per symbol) and the distributor that encodes each quote once and offers it to its subscribers.
 * Plain Java: imports the JDK and {@code dev.ticker.market} only.
 */
package dev.ticker.fanout;
