/**
 * The CDI composition root shared by both modes: producers that build the domain and adapters from the settings,
 * and the scheduled feed's lifecycle. On an application server the feed runs on the container's managed scheduler;
 * the standalone launcher swaps in its own executor. Nothing imports this package.
 */
package dev.ticker.ee;
