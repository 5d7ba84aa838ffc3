/**
 * The integration-test suite: real WebSocket and HTTP clients against the built artifacts (the WAR on an application
 * server, the servlet WAR on Tomcat or Jetty, the standalone jar), one set of {@code *IT} classes for every target
 * that {@code arquillian.launch} selects. Imports the JDK clients, JSON-P, JUnit and Arquillian; nothing from {@code src/main}, so the tests see
 * only the wire protocol.
 */
package dev.ticker.it;
