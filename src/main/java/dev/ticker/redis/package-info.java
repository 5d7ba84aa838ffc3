/**
 * The Redis adapter of the scale-out bus: the lease, the shared record of quotes and the pub/sub stream, on the
 * Lettuce client, with the Lua scripts that make each step atomic in Redis. Thin: the lease and resync logic are in
 * {@code dev.ticker.cluster}. The only package that imports the Redis client; imports the domain and the wire
 * codec, never a composition root, and nothing here is a CDI bean (the lean WAR, without Lettuce, never loads it).
 */
package dev.ticker.redis;
