/**
 * The ticker's settings, read the same way in both modes: environment variables, then system properties,
 * then (standalone) command-line options. Plain Java: imports the JDK and {@code dev.ticker.market} only.
 */
package dev.ticker.config;
