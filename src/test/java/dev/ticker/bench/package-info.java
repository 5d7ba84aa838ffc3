/**
 * The benchmark (not a test: run with {@code mvn -B -Pbench package -Dbench="..."}, see docs/performance.md): starts
 * the built standalone jar in its own JVM, drives it from this JVM with the JDK's WebSocket client, measures with
 * HdrHistogram and /proc, and writes JSON, CSV and an SVG chart to target/bench/. Loopback only, bounded in time.
 */
package dev.ticker.bench;
