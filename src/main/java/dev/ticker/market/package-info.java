/**
 * The market domain: symbols, quotes, the seeded price model, the board of latest quotes and the feed that drives it.
 * Plain Java: imports nothing but the JDK (no {@code jakarta.*}).
 */
package dev.ticker.market;
