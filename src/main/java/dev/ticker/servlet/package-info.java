/**
 * The composition piece for plain servlet containers (Tomcat, Jetty), which have no managed executor and whose CDI is
 * the Weld Servlet the WAR brings: the feed's scheduler, owned by the webapp and shut down with it, and CDI injection
 * into WebSocket endpoints on Tomcat. Packaged in {@code ticker-servlet.war} only, never in {@code ticker.war} (it
 * would displace the application server's managed scheduler) nor in the standalone jar. Imports the Servlet,
 * WebSocket and CDI APIs, the {@code ee} qualifier and the JDK; nothing imports it.
 */
package dev.ticker.servlet;
