/**
 * Servlet pieces that only an application server runs: what a refused WebSocket handshake answers where the
 * container hands it on to the servlets. Imports the Servlet API and the wire codec; not used standalone (no
 * servlets there), and never scanned by its CDI container.
 */
package dev.ticker.web;
