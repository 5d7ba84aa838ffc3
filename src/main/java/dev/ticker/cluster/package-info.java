/**
 * Scale-out, independent of any engine: the leader lease that lets one node at a time generate quotes, and the
 * replica that keeps a node's board in step with the shared quote stream, catching up after lost messages or
 * marking a gap. Plain Java: imports the JDK and {@code dev.ticker.market} only (no Redis client, no {@code jakarta.*}).
 */
package dev.ticker.cluster;
