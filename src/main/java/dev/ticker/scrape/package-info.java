/**
 * The scrape adapter: {@code metrics} under the context root, a plain servlet in every WAR (application servers,
 * Tomcat, Jetty). Not JAX-RS, because Jersey's CDI integration takes one application per webapp and {@code api} is
 * that one. Not in the standalone jar's CDI packages: the Servlet API is not on its classpath, and the standalone
 * server has its own handler writing the same {@link dev.ticker.wire.MetricsText}.
 * Imports the Servlet API, CDI's lookup, the wire format and the domain; never a composition root.
 */
package dev.ticker.scrape;
