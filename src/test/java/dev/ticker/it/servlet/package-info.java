/**
 * The servlet-container integration-test targets (Tomcat 11, Jetty 12.1) as an Arquillian container of our own: it
 * sets a server up from the distribution the build unpacked and the operator's files in {@code deploy/tomcat} or
 * {@code deploy/jetty}, starts it on 127.0.0.1 once per run, deploys by dropping the WAR into {@code webapps/} and
 * undeploys by removing it, exactly as deploy/README.md tells an operator. Registered only when
 * {@code arquillian.launch} is {@code tomcat} or {@code jetty}. Imports the Arquillian SPIs, ShrinkWrap and the JDK;
 * nothing from {@code src/main}.
 */
package dev.ticker.it.servlet;
