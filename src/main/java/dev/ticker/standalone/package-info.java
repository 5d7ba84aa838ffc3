/**
 * The standalone composition root: one Grizzly server carrying Tyrus (WebSocket), Jersey (the HTTP API) and the
 * demo page, with Weld SE running the same CDI beans as the application server. Not packaged in the WAR;
 * nothing imports this package.
 */
package dev.ticker.standalone;
