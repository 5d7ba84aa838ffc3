/**
 * The standalone integration-test target as an Arquillian container of our own: "deploying" starts the built
 * {@code ticker-standalone.jar} on a free port and undeploying stops it with SIGTERM, so the same {@code *IT} classes
 * that deploy the WAR to an application server test the runnable jar. Registered only when
 * {@code arquillian.launch=standalone}. Imports the Arquillian SPIs and the JDK; nothing from {@code src/main}.
 */
package dev.ticker.it.standalone;
